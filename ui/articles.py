"""The article list, and adding and removing articles from the page.

An uploaded file's type is read from its content, never its name: PDF by its
magic bytes, HTML by the markup it starts with (as browsers sniff it), anything
else must decode as text. It is kept under ``DATA_DIR/uploads`` (never served)
and ingested like any article; an article removed from the page is recorded in
``DATA_DIR/removed.json`` so the start-up ingest of ``corpus_dir`` does not bring it back.

>>> sniffed(b"%PDF-1.7 ...")
'.pdf'
>>> sniffed(b"\\n  <!DOCTYPE html><html><body><p>Hej</p>"), sniffed("# Rubrik\\n\\nText".encode())
('.html', '.md')
>>> sniffed("Polisen i Malmö".encode("cp1252"))
'.txt'
>>> upload_doc_id("Min artikel (1).txt", b"abc")
'upload-Min-artikel-1-ba7816bf'
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
from pathlib import Path

PDF_MAGIC = b"%PDF-"
# The tags a browser's MIME sniffer takes as HTML when a document starts with them (WHATWG).
HTML_START = re.compile(
    r"\s*<(!doctype html|html|head|script|iframe|h1|div|font|table|a|style|title|b|body|br|p"
    r"|!--)[\s>]",
    re.IGNORECASE,
)
MARKDOWN_HEADING = re.compile(r"\s*#{1,6} \S")
NOT_IN_ID = re.compile(r"[^\w-]+")
OVERVIEW_HEADERS = ["Titel / Title", "Källa / Outlet", "Datum / Date", "Avsnitt / Passages", "Id"]


def sniffed(data: bytes) -> str:
    """The suffix ingest should read ``data`` as; ``UnreadableFile`` when it is none of them."""
    from ingest.reader import UnreadableFile, _looks_binary, decode_text

    if data.startswith(PDF_MAGIC):
        return ".pdf"
    text = decode_text(data)
    if _looks_binary(text):
        raise UnreadableFile("binary", "not text, HTML or PDF")
    if HTML_START.match(text):
        return ".html"
    return ".md" if MARKDOWN_HEADING.match(text) else ".txt"


def upload_doc_id(name: str, data: bytes) -> str:
    """An id of its own for an uploaded file: its name, then a content hash (no clash with corpus files)."""
    stem = NOT_IN_ID.sub("-", Path(name).stem).strip("-")[:40] or "artikel"
    return f"upload-{stem}-{hashlib.sha256(data).hexdigest()[:8]}"


def uploads_dir(settings) -> Path:
    return settings.data_dir / "uploads"


def keep_upload(settings, temp_path: str, name: str) -> Path:
    """Copy an uploaded file into ``DATA_DIR/uploads`` under its id and sniffed suffix."""
    from ingest.reader import UnreadableFile

    source = Path(temp_path)
    if source.stat().st_size > settings.max_file_mb * 1_000_000:
        raise UnreadableFile("too_big", f"more than {settings.max_file_mb:g} MB: MAX_FILE_MB")
    data = source.read_bytes()
    if not data.strip():
        raise UnreadableFile("empty")
    target = uploads_dir(settings) / (upload_doc_id(name, data) + sniffed(data))
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)
    return target


def add_file(engine, settings, path: Path) -> str:
    """Ingest one kept upload; the reason when it was skipped (the file is then deleted)."""
    from ingest.pipeline import ingest

    warnings: list[str] = []
    report = ingest([path], settings, embedder=engine.embedder, warn=warnings.append)
    if report.skipped:
        path.unlink(missing_ok=True)
        return report.skipped[0][1]
    forget_removal(settings, path.stem)
    return ""


def same_article(engine, doc_id: str) -> str:
    """The title (or id) of another stored article with ``doc_id``'s title, date, outlet and cleaned text ("" when none)."""
    collection = engine.collection()
    mine = collection.get(where={"doc_id": doc_id}, include=["metadatas"], limit=1)["metadatas"]
    if not mine:
        return ""
    same = collection.get(where={"doc_hash": mine[0]["doc_hash"]}, include=["metadatas"])["metadatas"]
    return next((m.get("title") or m["doc_id"] for m in same if m["doc_id"] != doc_id), "")


def remove(engine, settings, doc_id: str) -> int:
    """Delete an article's passages (and its upload); passages deleted."""
    from ingest.pipeline import remove_articles

    count = remove_articles(settings, engine.collection(), [doc_id])
    for upload in uploads_dir(settings).glob(f"{glob_safe(doc_id)}.*"):
        upload.unlink(missing_ok=True)
    if count and not doc_id.startswith("upload-"):
        removed = removed_ids(settings) | {doc_id}
        (settings.data_dir / "removed.json").write_text(json.dumps(sorted(removed)), encoding="utf-8")
    return count


def glob_safe(doc_id: str) -> str:
    return re.sub(r"([*?\[])", r"[\1]", doc_id)


def removed_ids(settings) -> set[str]:
    try:
        return set(json.loads((settings.data_dir / "removed.json").read_text(encoding="utf-8")))
    except (OSError, ValueError):
        return set()


def forget_removal(settings, doc_id: str) -> None:
    removed = removed_ids(settings)
    if doc_id in removed:
        (settings.data_dir / "removed.json").write_text(json.dumps(sorted(removed - {doc_id})), encoding="utf-8")


def startup_files(settings) -> tuple[list[Path], list[tuple[str, str]]]:
    """What start-up ingests: ``corpus_dir`` and the uploads, minus articles removed from the page."""
    from ingest.discover import discover_files

    roots = [settings.corpus_dir] + ([uploads_dir(settings)] if uploads_dir(settings).is_dir() else [])
    files, problems = discover_files(roots)
    removed = removed_ids(settings)
    return [f for f in files if f.stem not in removed], problems


def article_overview(engine, page: int = 5000) -> list[list]:
    """One row per stored article: title, outlet, date, passages, id; newest first."""
    from store.passages import overview_rows

    return overview_rows(engine.collection(), page)


def chosen_articles(rows: list[list], doc_ids, date_from: str = "", date_to: str = "") -> set[str] | None:
    """The doc_ids a question may cite: the chosen ones, within the dates; None for no selection.

    >>> rows = [["A", "", "2024-03-04", 1, "a"], ["B", "", "2021-12-06", 1, "b"], ["C", "", "", 1, "c"]]
    >>> chosen_articles(rows, []), sorted(chosen_articles(rows, [], "2022-01-01")), chosen_articles(rows, ["b"], "2022")
    (None, ['a'], set())
    """
    known = {r[4] for r in rows}
    chosen = {d for d in doc_ids or () if d in known}
    if not (chosen or date_from or date_to):
        return None
    dated = {
        r[4] for r in rows if r[2] and (date_from or "") <= r[2] and (not date_to or r[2][: len(date_to)] <= date_to)
    }
    if date_from or date_to:
        chosen = (chosen or known) & dated
    return chosen
