"""Incremental, kill-safe ingest of article files into the passage store.

The store itself is the record of what is done: every passage carries its
article's content hash and passage count. An article counts as stored only
when all its passages are there with the current hash, so a run killed at any
moment leaves articles that the next run simply redoes; ids are derived from
``doc_id`` and position, so redoing never duplicates.

>>> report = ingest([Path("corpus")], settings, embedder)      # doctest: +SKIP
>>> report.summary_line()                                        # doctest: +SKIP
'2 files read in 1.9 s: 0 unchanged, 12 passages added, 0 updated, 0 deleted; 0 skipped'
"""

from __future__ import annotations

import hashlib
import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ingest.chunk import chunk_text
from ingest.clean import Article, parse_article
from ingest.discover import discover_files, gone_articles, name_taken, stored_elsewhere
from ingest.reader import UnreadableFile, read_article
from settings import Settings
from store import identity, ingest_embedder, load_embedder, open_collection, open_vector_store
from store.chroma import bump_generation, interrupted, server_kept
from store.late import embed_with_sentences
from store.passages import article_status, passage_nodes, record_raw_hash
from store.sentences import delete_articles, open_sentences, orphans_possible, sweep_orphans, write_sentences
from textkit.sentences import sentence_spans
from textkit.text import escaped_line

# Bump when cleaning or chunking changes, so stored articles are redone.
PIPELINE_VERSION = "4"  # 4: sentence vectors stored beside the passages
EMBED_GROUP = 256


@dataclass
class IngestReport:
    files_read: int = 0
    unchanged: int = 0
    added: int = 0
    updated: int = 0
    deleted: int = 0
    embedded: int = 0
    orphans: int = 0  # sentence vectors whose passage was gone, removed
    skipped: list[tuple[str, str]] = field(default_factory=list)
    seconds: float = 0.0

    def summary_line(self) -> str:
        line = (
            f"{self.files_read} files read in {self.seconds:.1f} s: {self.unchanged} unchanged, "
            f"{self.added} passages added, {self.updated} updated, {self.deleted} deleted; "
            f"{len(self.skipped)} skipped"
        )
        return line + (f"; {self.orphans} orphaned sentence vectors removed" if self.orphans else "")


@dataclass
class _Pending:
    article: Article
    file: str
    doc_hash: str
    existed: int  # passages stored before, 0 for a new article
    raw_hash: str = ""


def article_hash(article: Article) -> str:
    parts = (PIPELINE_VERSION, article.title, article.date, article.source, article.text)
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:16]


def raw_hash(path: Path) -> str:
    """Of the file's bytes and the pipeline version: equal means cleaning it again gives the same article."""
    return hashlib.sha256(PIPELINE_VERSION.encode() + b"\x1f" + path.read_bytes()).hexdigest()[:16]


def build_nodes(article: Article, file: str, doc_hash: str, raw: str = ""):
    """LlamaIndex nodes, one a passage (the format is ``store/passages.py``'s)."""
    spans = [(p.start, p.end) for p in chunk_text(article.text)]
    return passage_nodes(
        article.text,
        spans,
        doc_id=article.doc_id,
        title=article.title,
        date=article.date,
        source=article.source,
        file=file,
        doc_hash=doc_hash,
        raw_hash=raw,
    )


def _is_complete(entry: dict | None, doc_hash: str | None, raw: str | None = None) -> bool:
    """Every passage stored, all from this article (by cleaned text, or by file bytes when ``raw`` is given)."""
    if not entry or entry["n_chunks"] != {entry["count"]}:
        return False
    return entry["raw_hashes"] == {raw} if raw is not None else entry["hashes"] == {doc_hash}


def _write_group(group: list[_Pending], embedder, vector_store, sentences, report: IngestReport) -> None:
    """Embed a group of articles' passages (and their sentences) and replace them in the store.

    Sentences go first and passages last: an article counts as stored only when its passages
    are complete, and by then its sentences are too.
    """
    from llama_index.core.schema import MetadataMode

    nodes = [n for item in group for n in build_nodes(item.article, item.file, item.doc_hash, item.raw_hash)]
    # Batches are cut in list order and padded to their longest text: similar lengths together
    # waste less (sentence-transformers' own encode sorts the same way).
    by_length = sorted(nodes, key=lambda n: len(n.get_content(metadata_mode=MetadataMode.EMBED)))
    texts = [n.get_content(metadata_mode=MetadataMode.EMBED) for n in by_length]
    parts = [[n.text[s:e] for s, e in sentence_spans(n.text)] for n in by_length]
    vectors, sentence_vectors = embed_with_sentences(embedder, texts, parts)
    for node, vector in zip(by_length, vectors):
        node.embedding = vector
    report.embedded += len(nodes)
    delete_articles(sentences, [item.article.doc_id for item in group])
    write_sentences(
        sentences, [n.node_id for n in by_length], [n.metadata["doc_id"] for n in by_length], parts, sentence_vectors
    )
    for item in group:
        if item.existed:
            vector_store.delete(item.article.doc_id)
    if nodes:
        vector_store.add(nodes)
    for item in group:
        count = sum(1 for n in nodes if n.metadata["doc_id"] == item.article.doc_id)
        if item.existed:
            report.updated += count
            report.deleted += max(0, item.existed - count)
        else:
            report.added += count


def _max_bytes(settings: Settings) -> int:
    return int(settings.max_file_mb * 1_000_000)


def _read(path: Path, settings: Settings) -> Article:
    raw = read_article(path, max_bytes=_max_bytes(settings))
    article = parse_article(raw.text, path.stem, raw)
    if not article.text.strip():
        raise UnreadableFile("no_text")
    return article


def _before_change(collection, report: IngestReport) -> None:
    """The run's first change to the store is preceded by a generation bump marked ``writing``."""
    if not (report.embedded or report.deleted):
        bump_generation(collection, writing=True)


def _prune(gone: list[str], stored: dict[str, dict], vector_store, sentences, report: IngestReport) -> None:
    """Delete the articles ``gone`` (``discover.gone_articles``).

    Sentence vectors first: the next run knows an article only by its passages, so a prune killed
    part-way leaves passages that run deletes, never sentence vectors that no run would.
    """
    delete_articles(sentences, gone)
    for doc_id in gone:
        vector_store.delete(doc_id)
        report.deleted += stored[doc_id]["count"]


def ingest(
    paths: list[Path],
    settings: Settings,
    embedder=None,
    prune: bool = False,
    progress: bool = False,
    warn: Callable[[str], None] = print,
) -> IngestReport:
    """Bring the store in line with the article files under ``paths``.

    Losing the Chroma server mid-way raises ``ServerUnreachable``: what was written is kept, the next run finishes.
    """
    with server_kept(settings):
        return _ingest(paths, settings, embedder, prune, progress, warn)


def _ingest(paths, settings: Settings, embedder, prune: bool, progress: bool, warn) -> IngestReport:
    from tqdm import tqdm

    started = time.perf_counter()
    report = IngestReport()
    files, problems = discover_files(paths)
    for name, reason in problems:
        _skip(report, warn, name, reason)
    embedder = embedder or load_embedder(settings)
    collection = open_collection(settings, identity(embedder))
    vector_store = open_vector_store(collection)
    sentences = open_sentences(settings)
    may_hold_orphans = orphans_possible(sentences, collection)  # as opened: this run changes the counts
    stored = article_status(collection)
    group: list[_Pending] = []
    bar = tqdm(files, desc="ingest", unit="file", disable=not progress or len(files) < 20)
    for pending in _changed(bar, stored, settings, report, warn, collection):
        group.append(pending)
        if sum(len(p.article.text) for p in group) > EMBED_GROUP * 400:
            _before_change(collection, report)
            _write_group(group, ingest_embedder(embedder), vector_store, sentences, report)
            group = []
    if group:
        _before_change(collection, report)
        _write_group(group, ingest_embedder(embedder), vector_store, sentences, report)
    if gone := prune and gone_articles(stored, paths, files, report.skipped):
        _before_change(collection, report)
        _prune(gone, stored, vector_store, sentences, report)
    if report.embedded or report.deleted or interrupted(collection):
        bump_generation(collection)
    report.orphans = sweep_orphans(sentences, collection, may_hold_orphans)
    report.seconds = time.perf_counter() - started
    return report


def _changed(files, stored: dict, settings: Settings, report: IngestReport, warn, collection=None):
    """The articles to write: each file read, the unreadable skipped and the complete, unchanged ones counted.

    A file whose bytes are what the store was written from is not parsed again (cleaning is most
    of a re-ingest's time); a store written before ``raw_hash`` was kept is checked the slow way.
    """
    for path in files:
        entry, raw = stored.get(path.stem), _raw_hash_or_none(path, settings)
        if raw is not None and _is_complete(entry, None, raw):
            report.files_read += 1
            report.unchanged += 1
            continue
        if entry and (other := stored_elsewhere(path, entry["files"])):  # across runs, as discover_files in one
            _skip(report, warn, str(path), name_taken(path, other))
            continue
        try:
            article = _read(path, settings)
        except UnreadableFile as exc:
            _skip(report, warn, str(path), str(exc))
            continue
        report.files_read += 1
        doc_hash = article_hash(article)
        entry = stored.get(article.doc_id)
        if _is_complete(entry, doc_hash):
            report.unchanged += 1
            if raw and collection is not None and entry["raw_hashes"] != {raw}:  # the fast way next time
                record_raw_hash(collection, article.doc_id, entry["count"], raw)
            continue
        # The absolute path, so --prune from another folder still finds where it was read from.
        yield _Pending(article, os.path.abspath(path), doc_hash, entry["count"] if entry else 0, raw or "")


def _skip(report: IngestReport, warn, name: str, reason: str) -> None:
    report.skipped.append((name, reason))
    warn(escaped_line(f"skipped {name}: {reason}"))


def _raw_hash_or_none(path: Path, settings: Settings) -> str | None:
    """The file's ``raw_hash``; None when it cannot be read or is over the size limit (``_read`` says why)."""
    try:
        return raw_hash(path) if path.stat().st_size <= _max_bytes(settings) else None
    except OSError:
        return None


def remove_articles(settings: Settings, collection, doc_ids) -> int:
    """Delete the articles ``doc_ids`` (sentence vectors, then passages, as ``_prune``); passages deleted.

    Caches keyed on the store's fingerprint (BM25) see the change.
    """
    ids = sorted(set(doc_ids))
    if not ids:
        return 0
    sentences = open_sentences(settings)
    may_hold_orphans = orphans_possible(sentences, collection)  # else the next upload would sweep, as after a change
    bump_generation(collection, writing=True)
    delete_articles(sentences, ids)
    found = collection.get(where={"doc_id": {"$in": ids}}, include=[])["ids"]
    if found:
        collection.delete(ids=found)
    bump_generation(collection)
    sweep_orphans(sentences, collection, may_hold_orphans)
    return len(found)
