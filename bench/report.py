"""Write bench.json, bench.md and latency.png from one run's results.

Targets are goals reported beside the numbers, never asserted; each backend
(``results["backends"]``) has its own:

>>> verdict(40.0, "<=", 50.0)
'met (20% under)'
>>> verdict(0.8, ">=", 0.9)
'missed by 11%'
>>> verdict(None, "<=", 8.0)
'n/a'
>>> verdict(False, "is", False), verdict(True, "is", False)
('met', 'missed')
"""

from __future__ import annotations

import json
from pathlib import Path

# (label, path into one backend's results, comparison, target, unit, backends it applies to)
E5, MINILM = "e5", "sentence-transformers"
TARGETS = [
    ("ingest passages/s (1k corpus)", ("ingest", "throughput", "value"), ">=", 15.0, "/s", (E5,)),
    ("ingest throughput / plain encode", ("ingest", "throughput", "ratio"), ">=", 0.9, "x", (E5, MINILM)),
    ("re-ingest / full ingest (seconds)", ("ingest", "reingest", "ratio"), "<=", 0.02, "x", (E5, MINILM)),
    ("answer p50 on the seed corpus", ("answer", "engine_ms", "p50"), "<=", 50.0, "ms", (E5, MINILM)),
    ("cold start to first answer", ("cold_start", "first_answer_s", "value"), "<=", 5.0, "s", (E5,)),
    ("cold start to first answer", ("cold_start", "first_answer_s", "value"), "<=", 8.0, "s", (MINILM,)),
    ("torch imported by the app after answering", ("cold_start", "torch_after_answer"), "is", False, "", (E5,)),
    ("app peak RSS", ("cold_start", "peak_rss_mb", "value"), "<=", 1500.0, "MB", (E5, MINILM)),
]
# (label, corpus size, comparison, target, unit): answer p50 of the scale run at that size, every backend
SCALE_TARGETS = [("answer p50 at 100k passages", 100_000, "<=", 200.0, "ms")]


COLD_ROWS = (
    ("first_answer_s", "cold start to first answer, s (wall)"),
    ("first_answer_cpu_s", "cold start to first answer, CPU s of the process"),
    ("peak_rss_mb", "app peak RSS, MB"),
)


def dig(data: dict, path: tuple[str, ...]):
    for key in path:
        if not isinstance(data, dict) or key not in data:
            return None
        data = data[key]
    return data


def verdict(value: float | None, op: str, target: float) -> str:
    """'met (N% under/over)' or 'missed by N%' (relative to the target), or 'n/a'."""
    if value is None:
        return "n/a"
    if op == "is":
        return "met" if value is target else "missed"
    gap = abs(value - target) / target * 100
    ok = value <= target if op == "<=" else value >= target
    if ok:
        return f"met ({gap:.0f}% {'under' if op == '<=' else 'over'})"
    return f"missed by {gap:.0f}%"


def scale_p50(backend: dict, passages: int) -> float | None:
    """Engine answer p50 (ms) of the smallest scale run with at least that many passages.

    The synthetic corpus ends on a whole article, so "100k" holds a few passages more.
    """
    runs = [s for s in backend.get("scale", []) if s.get("passages", 0) >= passages and "answer" in s]
    return dig(min(runs, key=lambda s: s["passages"]), ("answer", "engine_ms", "p50")) if runs else None


def target_text(op: str, target, unit: str) -> str:
    """
    >>> target_text("<=", 50.0, "ms"), target_text("is", False, "")
    ('<= 50 ms', 'is False')
    """
    return f"{op} {target:g} {unit}".strip() if not isinstance(target, bool) else f"{op} {target}"


def targets(results: dict) -> list[dict]:
    out = []
    for name, r in results.get("backends", {}).items():
        figures = [
            (label, dig(r, path), op, target, unit) for label, path, op, target, unit, on in TARGETS if name in on
        ]
        figures += [(label, scale_p50(r, size), op, target, unit) for label, size, op, target, unit in SCALE_TARGETS]
        out += [
            {
                "backend": name,
                "figure": label,
                "value": value,
                "target": target_text(op, target, unit),
                "status": verdict(value, op, target),
            }
            for label, value, op, target, unit in figures
        ]
    return out


def _fmt(value) -> str:
    if value is None:
        return "n/a"
    return f"{value:,.4g}" if isinstance(value, float) else str(value)


def _row(cells) -> str:
    return "| " + " | ".join(_fmt(c) if not isinstance(c, str) else c for c in cells) + " |"


def _table(header: list[str], rows: list[list]) -> list[str]:
    return [_row(header), _row(["---"] * len(header)), *(_row(r) for r in rows)]


def _headline(name: str, label: str, fig: dict, reference: str) -> list:
    """One headline row: the figure, what it is compared with, and the ratio of the two."""
    return [name, label, fig.get("value"), reference, fig.get("reference"), fig.get("ratio")]


def headline_rows(name: str, r: dict) -> list[list]:
    ing, ans, cold = r.get("ingest", {}), r.get("answer", {}), r.get("cold_start", {})
    tokens = f", {ing['mean_tokens']:g} e5 tokens each" if ing.get("mean_tokens") else ""
    plain = "plain SentenceTransformer.encode" + (" of the converted checkpoint, 'passage: '" if name == E5 else "")
    corpus = f"{ing.get('passages')}-passage synthetic corpus{tokens}"
    rows = [
        _headline(name, f"ingest throughput, passages/s ({corpus})", ing.get("throughput", {}), f"{plain}, batch 64"),
        _headline(name, "re-ingest of that unchanged corpus, s", ing.get("reingest", {}), "full ingest, s"),
        _headline(name, "upload of 1 article, largest store, s", r.get("upload", {}), "it after a killed run (sweeps)"),
    ]
    for p in ("p50", "p95"):
        fig = {
            "value": dig(ans, ("engine_ms", p)),
            "reference": dig(ans, ("plain_ms", p)),
            "ratio": ans.get(f"ratio_{p}"),
        }
        label = f"Engine.answer {p}, ms (seed, {ans.get('questions')} questions)"
        rows.append(_headline(name, label, fig, "plain LlamaIndex dense retrieve, ms"))
    if cold.get("status") != "ok":
        return rows + [[name, "cold start / app peak RSS", "n/a", cold.get("reason", "not run"), None, None]]
    for key, label in COLD_ROWS:
        rows.append(_headline(name, label, cold.get(key) or {}, "bare Engine process (launch, answer once, exit)"))
    page = "the page alone: import gradio, build, launch (no engine), s"
    rows.append(_headline(name, page, cold.get("page_alone_s") or {}, "bare Engine process, s"))
    torch_after = {
        "value": str(cold.get("torch_after_answer")),
        "reference": str(cold.get("engine_torch_after_answer")),
    }
    return rows + [_headline(name, "torch imported after answering (app / bare engine)", torch_after, "")]


def _cell(fig: dict, fmt: str = "g") -> str:
    return f"{fig['value']:{fmt}} / {fig['reference']:{fmt}} = {fig['ratio']:.2f}" if fig.get("ratio") else "n/a"


def scale_rows(name: str, r: dict) -> list[list]:
    rows = []
    for s in r.get("scale", []):
        if "error" in s:
            rows.append([name, s["passages"], f"error: {s['error']}", *[""] * 7])
            continue
        ing, ans = s["ingest"]["throughput"], s["answer"]
        rows.append(
            [
                name,
                s["passages"],
                s["articles"],
                _cell(ing),
                _cell(s["store_mb"]),
                _cell(s["bm25_build_s"]),
                f"{ans['engine_ms']['p50']:g} / {ans['plain_ms']['p50']:g} = {ans['ratio_p50']:.2f}",
                f"{ans['engine_ms']['p95']:g} / {ans['plain_ms']['p95']:g} = {ans['ratio_p95']:.2f}",
                _cell(s.get("search_recall", {})),
                _cell(s["peak_rss_mb"]),
            ]
        )
    return rows


SCALE_HEADER = [
    "backend",
    "passages",
    "articles",
    "ingest passages/s (/ plain encode)",
    "store MB (/ raw vectors+text)",
    "BM25 build s (/ plain bm25s)",
    "answer p50 ms (/ plain retrieve)",
    "answer p95 ms (/ plain retrieve)",
    "dense recall of the top 2 x top_k (/ exact search)",
    "peak RSS MB (/ after model load)",
]


def profile_lines(name: str, summary: dict) -> list[str]:
    if not summary or not summary.get("by_category"):
        return [f"### {name}", "", "not profiled", ""]
    top_cat, top_fn = summary["by_category"][0], (summary["ours"] or [["-", "-", 0, 0]])
    inner = next((f for f in top_fn if f[3] < 99.5), top_fn[-1])  # past the entry point and its wrappers
    out = (summary.get("calls_out") or [["-", "-", 0, 0]])[0]
    lines = [
        f"### {name} ({summary['total_s']:g} s sampled)",
        "",
        f"Largest bucket: **{top_cat[0]}** ({top_cat[2]}% of the time). Largest call our code makes: "
        f"**{out[0]}** ({out[1]}, {out[3]}%). Largest of our functions below the entry point: "
        f"**{inner[0]}** ({inner[1]}, {inner[3]}%).",
        "",
    ]
    lines += _table(["self time in", "s", "%"], summary["by_category"]) + [""]
    lines += ["Our functions, inclusive time (nested calls overlap):", ""]
    lines += _table(["function", "where", "s", "%"], top_fn) + [""]
    lines += ["Library calls made from our code, inclusive time:", ""]
    lines += _table(["call", "where", "s", "%"], summary.get("calls_out") or [["-", "-", 0, 0]]) + [""]
    return lines


def markdown(r: dict) -> str:
    meta, backends = r["meta"], r.get("backends", {})
    lines = [
        f"# Benchmark ({meta['mode']} run, {meta['date']}, git {meta['git']})",
        "",
        f"{meta['cpus']} CPUs; load average {meta['load_before']} before, {meta['load_after']} after "
        f"(other work on the machine slows both sides of each ratio alike). Total {meta['seconds']:g} s.",
        "",
        "## Targets",
        "",
    ]
    lines += _table(
        ["backend", "figure", "measured", "target", "status"],
        [[t["backend"], t["figure"], t["value"], t["target"], t["status"]] for t in r["targets"]],
    ) + [""]
    lines += ["## Figures beside their references", ""]
    rows = [row for name, b in backends.items() for row in headline_rows(name, b)]
    lines += _table(["backend", "figure", "value", "reference", "ref. value", "ratio"], rows) + [""]
    for name, b in backends.items():
        for key, what in (("engine_phases_s", "the bare engine process"), ("page_phases_s", "the page alone")):
            phases = b.get("cold_start", {}).get(key)
            if phases:
                lines += [f"Cold start of {what} ({name}), by phase (s):", ""]
                lines += _table(["phase", "s"], [[k, v] for k, v in phases.items()]) + [""]
    lines += [
        "## Scale (synthetic corpus, one subprocess per size and backend)",
        "",
        "Each cell is value / reference = ratio.",
        "",
    ]
    lines += _table(SCALE_HEADER, [row for name, b in backends.items() for row in scale_rows(name, b)]) + [""]
    lines += ["## Where the time goes (pyinstrument, default backend)", ""]
    for key, name in (
        ("answer", "Engine.answer over the eval questions"),
        ("ingest", "ingest() of a 300-passage synthetic corpus into a fresh store"),
    ):
        lines += profile_lines(name, r.get("profile", {}).get(key, {}))
    lines += r.get("notes", [])
    return "\n".join(lines) + "\n"


def latency_plot(r: dict, path: Path) -> None:
    """Answer p50/p95 (engine and plain reference) against corpus size, log-log, one colour per backend."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(7, 4.5))
    colors = iter(("tab:blue", "tab:orange", "tab:green", "tab:red"))
    for name, b in r.get("backends", {}).items():
        points = [(b["answer_passages"], b["answer"])] if b.get("answer") else []
        points += [(s["passages"], s["answer"]) for s in b.get("scale", []) if "answer" in s]
        points.sort(key=lambda p: p[0])
        color = next(colors)
        for who, style, label in (("engine_ms", "-o", "Engine.answer"), ("plain_ms", "--s", "plain dense retrieve")):
            for p, alpha in (("p50", 1.0), ("p95", 0.4)):
                ax.plot(
                    [x for x, _ in points],
                    [a[who][p] for _, a in points],
                    style,
                    color=color,
                    alpha=alpha,
                    label=f"{name}: {label} {p}",
                )
    ax.axhline(50, color="grey", linewidth=0.8, linestyle=":", label="target p50 50 ms (seed)")
    ax.set(
        xscale="log",
        yscale="log",
        xlabel="passages in the store",
        ylabel="latency (ms)",
        title="Answer latency against corpus size",
    )
    ax.legend(fontsize=7)
    fig.tight_layout()
    fig.savefig(path, dpi=120)
    plt.close(fig)


def write_all(r: dict, out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    r["targets"] = targets(r)
    (out / "bench.json").write_text(json.dumps(r, indent=2, ensure_ascii=False, default=str), encoding="utf-8")
    (out / "bench.md").write_text(markdown(r), encoding="utf-8")
    latency_plot(r, out / "latency.png")
