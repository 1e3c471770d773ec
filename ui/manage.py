"""The article panel's handlers: the shared catalog, upload, remove, and the selection to ask within.

One ``Catalog`` per server holds the article rows, so a selection is resolved
without reading the store on every question; adding or removing refreshes it.
"""

from __future__ import annotations

import logging
import re
import threading
from collections import OrderedDict
from datetime import date
from pathlib import Path

from ui.articles import add_file, article_overview, chosen_articles, keep_upload, remove, same_article
from ui.render import chat_markdown

log = logging.getLogger("app")
DATE_PREFIX = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")
# A date box's length: YYYY-MM-DD is 10, the rest room for spaces or a pasted time, so a longer paste
# still shows whole in the "not a date" line; a longer value (only a forged request) is cut there.
DATE_CHARS = 20
# Files ingested from one upload: the next upload waits for them all (a removal for one); the rest
# are named, to be added again.
UPLOAD_FILES = 20
NOT_LISTED = ""  # stands for a forged "Ask only in" value: no article has this id
# Uploads whose outcome is remembered by Gradio's path; enough for any batch or tabs at once, and bounded.
HANDLED_KEPT = 1000


class Catalog:
    """The article rows (title, outlet, date, passages, id), newest first."""

    def __init__(self, engine, rows: list[list] | None = None):
        self.engine, self.rows = engine, list(rows or [])
        self.lock = threading.Lock()  # one store change (an uploaded file, a removal) at a time
        self.listed_once = {r[4] for r in self.rows}  # every id a page was offered: the rest are forged
        self.handled: OrderedDict[str, str] = OrderedDict()  # an upload's Gradio path: why it was skipped, "" added

    def refresh(self) -> list[list]:
        from store import StoreError

        try:
            self.rows = article_overview(self.engine)
            self.listed_once |= {r[4] for r in self.rows}
        except StoreError as exc:
            log.warning("no article overview (%s)", exc)
        return self.rows

    def title(self, doc_id: str) -> str:
        return next((r[0] for r in self.rows if r[4] == doc_id), "")

    def choices(self) -> list[tuple[str, str]]:
        return [(f"{r[0]} · {r[2]}" if r[2] else r[0], r[4]) for r in self.rows]


def selection(catalog: Catalog, doc_ids, date_from: str, date_to: str) -> tuple[set[str] | None, str]:
    """``(doc_ids to ask within or None, one-line problems)`` from the panel's inputs.

    A date that is not one is left out and said so; the chosen articles and the other date still
    apply, so a typo in a date never widens the question to every article.
    """
    from ui.texts import both

    doc_ids = chosen_ids(catalog, doc_ids)
    typed = [("" if d is None else str(d)).strip() for d in (date_from, date_to)]  # as Gradio's Textbox would
    dates = [d if is_date(d) else "" for d in typed]
    problems = [both("bad_date", value=shown_date(t)) for t, d in zip(typed, dates, strict=True) if t != d]
    if all(dates) and reversed_dates(*dates):
        problems.append(both("reversed_dates", start=dates[0], end=dates[1]))
    chosen = chosen_articles(catalog.rows, doc_ids, *dates)
    gone = [d for d in doc_ids or () if not catalog.title(d)]
    if gone:  # chosen in a page listing an article since removed: never all articles instead
        chosen = chosen or set()
        problems.append(both("gone", count=len(gone)))
    return chosen, "  \n".join(problems)


def chosen_ids(catalog: Catalog, sent) -> list[str]:
    """The "Ask only in" value a client sent, as ids; one that no page was offered becomes ``NOT_LISTED``.

    Gradio's Dropdown refuses such a value in ``preprocess``, before any handler runs: the server
    printed a traceback, the client got Gradio's English pop-up listing every choice, and the whole
    event was lost, the dates sent with it too. So the panel's events take the raw value
    (``ui.panel.RAW``) and this checks it: a forged value is one line in the log, and the handlers
    count it with the removed ones ("not (or no longer) loaded") and keep the rest of the selection.
    """
    values = [] if sent is None else sent if isinstance(sent, list) else [sent]
    ids = [v if isinstance(v, str) and v in catalog.listed_once else NOT_LISTED for v in values]
    if NOT_LISTED in ids:  # the count only: the values are the client's, never written to the log
        log.warning("'Ask only in' got %d value(s) no page was offered; left out", ids.count(NOT_LISTED))
    return ids


def shown_date(typed: str) -> str:
    """A typed date as the note shows it: as text, and cut (with "…") past what a date box holds."""
    return chat_markdown(typed[:DATE_CHARS]) + ("…" if len(typed) > DATE_CHARS else "")


def reversed_dates(date_from: str, date_to: str) -> bool:
    """No date can be on or after ``date_from`` and on or before ``date_to`` (each a year, month or day).

    >>> reversed_dates("2025", "2024-12"), reversed_dates("2024-05", "2024"), reversed_dates("2024-03-05", "2024-03")
    (True, False, False)
    """
    return date_from[: len(date_to)] > date_to


def still_listed(catalog: Catalog, within) -> set[str] | None:
    """``within`` without the articles removed since it was chosen (None stays None: all articles)."""
    return None if within is None else {d for d in within if catalog.title(d)}


def is_date(text: str) -> bool:
    """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` naming a real year, month or day (not 2024-13-99).

    >>> is_date("2024"), is_date("2024-02-29"), is_date("2023-02-29"), is_date("2024-13"), is_date("abc")
    (True, True, False, False, False)
    """
    if not DATE_PREFIX.fullmatch(text):
        return False
    try:
        date.fromisoformat((text + "-01-01")[:10])  # the first day of a year or month
    except ValueError:
        return False
    return True


def add_uploads(engine, settings, catalog: Catalog, files, progress) -> list[str]:
    """Keep and ingest each uploaded file (``UPLOAD_FILES`` at most); a line per file saying what happened."""
    from ui.texts import both

    lines, files = [], [str(f) for f in (files or []) if f]
    files, late = files[:UPLOAD_FILES], files[UPLOAD_FILES:]
    for temp in late:
        Path(temp).unlink(missing_ok=True)  # Gradio's copy: uploads are never served back
    for i, temp in enumerate(files):
        name = Path(temp).name
        progress((i, len(files)), desc=f"{name}: läses in / ingesting")
        with catalog.lock:  # a file at a time: a removal from another tab waits for one file, not all
            lines.append(add_upload(engine, settings, catalog, temp, name))
    progress((len(files), len(files)), desc="indexeras / indexing")
    with catalog.lock:
        catalog.refresh()
        warm(engine)
    if late:
        lines.append(f"✗ {', '.join(Path(t).name for t in late)}: {both('too_many_files', count=UPLOAD_FILES)}")
    return lines


def add_upload(engine, settings, catalog: Catalog, temp: str, name: str) -> str:
    """One file's line. Gradio names its copy by content and name, so the same file dropped twice, or
    in two tabs at once, is one copy: once read (and deleted) for one of them, the other gets its outcome."""
    from ui.texts import both

    if temp in catalog.handled and not Path(temp).exists():
        return upload_line(name, catalog.handled[temp], both("already_added"))
    problem, twin = keep_and_ingest(engine, settings, temp, name)
    catalog.handled[temp] = problem
    while len(catalog.handled) > HANDLED_KEPT:
        catalog.handled.popitem(last=False)
    return upload_line(name, problem, both("already_added_as", title=twin) if twin else "")


def keep_and_ingest(engine, settings, temp: str, name: str) -> tuple[str, str]:
    """``(why the upload was skipped or "", the title of the stored article it repeats or "")``; a repeat is not kept."""
    from ingest.reader import UnreadableFile

    try:
        kept = keep_upload(settings, temp, name)
        problem = add_file(engine, settings, kept)
    except UnreadableFile as exc:
        problem = str(exc)
    except OSError as exc:
        problem = str(UnreadableFile("unreadable", str(exc.strerror or exc)))
    finally:
        Path(temp).unlink(missing_ok=True)  # Gradio's copy: uploads are never served back
    twin = "" if problem else same_article(engine, kept.stem)
    if twin:  # the same article under another file name: it would be listed, and cited, twice
        remove(engine, settings, kept.stem)
    return problem, twin


def upload_line(name: str, problem: str, added: str = "") -> str:
    """``✓ name`` (with ``added`` in brackets), or ``✗ name: why`` in Swedish and English."""
    from ui.texts import upload_reason

    if problem:
        return f"✗ {name}: {upload_reason(problem)}"
    return f"✓ {name} ({added})" if added else f"✓ {name}"


def remove_article(engine, settings, catalog: Catalog, doc_id: str) -> str:
    """Remove one listed article; a line saying what happened (also when another tab removed it first)."""
    from ui.texts import both

    with catalog.lock:  # checked under the lock: two removals of one article never both remove it
        title = catalog.title(doc_id)
        if not title:
            return both("already_removed")
        count = remove(engine, settings, doc_id)
        catalog.refresh()
        warm(engine)
    return f"Borttagen / Removed: {title} ({count} avsnitt / passages)"


def warm(engine) -> None:
    """Rebuild the retrievers for the changed store now, so the next question is not the one waiting."""
    try:
        engine.retriever()
        engine.retriever("bm25")  # asking within a selection masks BM25's index
    except ValueError:  # the last article went: the page says so when asked
        pass
