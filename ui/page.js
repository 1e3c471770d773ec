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

  // A file over the upload limit (MAX_FILE_MB) is left out before Gradio reads the batch: Gradio
  // refuses the whole batch over one such file, with its own English pop-up and the limit in KiB
  // ("976.6 Kb"). The server still refuses such a file (Gradio's max_file_size, ui/guard.py); this
  // only says so in the page's words, the limit named as the upload's label names it, and lets
  // the other files through. The limit is the server's, from the page's config.
  const OVER_LIMIT = __OVER_LIMIT__;  // "✗ {names}: … {limit} MB …", from ui/texts.py
  const limit = (window.gradio_config || {}).max_file_size;
  // A batch of more files than MAX_UPLOAD_FILES is refused whole by the server (413, ui/uploadcount.py),
  // which Gradio shows as its own generic pop-up: the page refuses it first, in the server's words.
  // The cap and its line are the server's settings, written in by ui/page.py.
  const MAX_FILES = __MAX_FILES__;
  const TOO_MANY = __TOO_MANY__;  // "Högst {count} filer per uppladdning; … / At most …", from ui/texts.py
  const forwarded = new WeakSet();  // drops this script re-sent with the files kept

  function within(files) {
    const kept = new DataTransfer();
    const over = [];
    for (const file of files) {
      if (limit && file.size > limit) over.push(file.name);
      else kept.items.add(file);
    }
    return [kept, over];
  }

  function overLine(over) {
    const mb = String(Number((limit / 1e6).toPrecision(6)));  // as Python's f"{mb:g}" writes it
    // The names last, and by a function: a file's name is shown as it is, "{limit}" or "$&" too.
    return OVER_LIMIT.replaceAll("{limit}", mb).replace("{names}", () => over.join(", "));
  }

  // The files to let through, and the note's line: "" when the batch goes through as it is.
  // The count is of the files that would be sent, as the server counts them; too many: none go.
  function sift(files) {
    const [kept, over] = within(files);
    if (MAX_FILES && kept.files.length > MAX_FILES) return [new DataTransfer(), TOO_MANY];
    return [kept, over.length ? overLine(over) : ""];
  }

  function say(upload, line) {
    let note = document.getElementById("upload-refused");
    if (!note) {
      note = document.createElement("p");
      note.id = "upload-refused";
      note.setAttribute("role", "alert");
      upload.after(note);
    }
    note.textContent = line;
  }

  document.addEventListener("change", (event) => {
    const input = event.target;
    const upload = input instanceof HTMLInputElement && input.type === "file" && input.closest("#upload");
    if (!upload || !input.files) return;
    const [kept, line] = sift(input.files);
    say(upload, line);
    if (line) input.files = kept.files;  // before Gradio's own listener on the input reads them
  }, true);

  document.addEventListener("drop", (event) => {
    const upload = event.target instanceof Element && event.target.closest("#upload");
    if (!upload || !event.dataTransfer || forwarded.has(event)) return;
    const [kept, line] = sift(event.dataTransfer.files);
    say(upload, line);
    if (!line) return;
    // A dropped batch cannot be changed: Gradio gets a copy with the files kept (none: it only
    // ends its drag highlight and sends nothing).
    event.preventDefault();
    event.stopPropagation();
    const again = new DragEvent("drop", { bubbles: true, cancelable: true, dataTransfer: kept });
    forwarded.add(again);
    event.target.dispatchEvent(again);
  }, true);
}
