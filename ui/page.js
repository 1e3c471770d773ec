() => {
  // [n] in an answer links to "#source-<turn>-<n>": show that turn's sources, open source n
  // and bring its marked sentence into view. One listener for the whole page (the chat is
  // re-rendered on every update, so handlers on the links themselves would be lost).
  const LINK = /^#source-(\d+)-(\d+)$/;

  function show(turn, n) {
    const panel = document.getElementById("sources");
    const block = panel && panel.querySelector(`.sources[data-turn="${turn}"]`);
    if (!block) return;
    panel.querySelectorAll(".sources").forEach((b) => b.classList.toggle("current", b === block));
    const item = block.querySelector(`details.source[data-n="${n}"]`);
    if (!item) return;
    item.open = true;
    panel.querySelectorAll("details.source.target").forEach((d) => d.classList.remove("target"));
    item.classList.add("target");
    (item.querySelector("mark") || item).scrollIntoView({ block: "center", behavior: "smooth" });
  }

  document.addEventListener("click", (event) => {
    const link = event.target instanceof Element && event.target.closest("#chat a[href^='#source-']");
    const match = link && LINK.exec(link.getAttribute("href") || "");
    if (!match) return;
    event.preventDefault();
    event.stopPropagation();
    show(match[1], match[2]);
  }, true);
}
