"""The passage format, owned in one place: how a passage is written and how it is read back.

Every stored passage is a LlamaIndex ``TextNode`` whose id is ``<doc_id>#<position>`` and
whose metadata says which article it comes from (``ARTICLE_KEYS``) and where in it
(``start``, ``end``, ``n_chunks``). Only the title is embedded beside the text:

>>> nodes = passage_nodes("Rubrik\\n\\nEtt. Två.", [(8, 12), (13, 17)], doc_id="a", title="Rubrik",
...                       date="2024-01-02", source="SVT", file="a.txt", doc_hash="h", raw_hash="r")
>>> [(n.node_id, n.text, n.metadata["n_chunks"]) for n in nodes]
[('a#0000', 'Ett.', 2), ('a#0001', 'Två.', 2)]
>>> from llama_index.core.schema import MetadataMode
>>> nodes[0].get_content(metadata_mode=MetadataMode.EMBED)
'title: Rubrik\\n\\nEtt.'

Reading goes through the functions below (paged, so a large store is never read in one
call); nothing outside ``store/`` calls Chroma's ``collection.get`` itself. (Skipped as a
doctest: they need a store.)

>>> overview_rows(collection)[0]                               # doctest: +SKIP
['Fler kameror i centrum', 'SVT', '2024-05-02', 4, 'a12_kameror']
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

# doc_hash: of the cleaned article; raw_hash: of the file's bytes, so an unchanged file is not even parsed.
ARTICLE_KEYS = ("doc_id", "title", "date", "source", "file", "doc_hash", "raw_hash")
# Kept out of the embedded text and out of an LLM's prompt: bookkeeping, not content.
HIDDEN_KEYS = ["doc_id", "date", "source", "file", "start", "end", "doc_hash", "raw_hash", "n_chunks"]
PAGE = 5000


def passage_id(doc_id: str, position: int) -> str:
    """``a#0003``: derived from the article and position, so re-ingesting never duplicates."""
    return f"{doc_id}#{position:04d}"


def passage_nodes(text: str, spans: list[tuple[int, int]], **article) -> list:
    """One node per ``(start, end)`` span of ``text``; ``article`` gives the ``ARTICLE_KEYS``."""
    from llama_index.core.schema import NodeRelationship, RelatedNodeInfo, TextNode

    meta = {key: article[key] for key in ARTICLE_KEYS}
    return [
        TextNode(
            id_=passage_id(meta["doc_id"], i),
            text=text[start:end],
            metadata=_metadata(meta, start, end, len(spans)),
            excluded_embed_metadata_keys=HIDDEN_KEYS,
            excluded_llm_metadata_keys=HIDDEN_KEYS,
            relationships={NodeRelationship.SOURCE: RelatedNodeInfo(node_id=meta["doc_id"])},
        )
        for i, (start, end) in enumerate(spans)
    ]


def _metadata(article: dict, start: int, end: int, n_chunks: int) -> dict:
    """The keys in the order ingest has always written them."""
    head = {key: article[key] for key in ("doc_id", "title", "date", "source", "file")}
    hashes = {"doc_hash": article["doc_hash"], "raw_hash": article["raw_hash"]}
    return {**head, "start": start, "end": end, **hashes, "n_chunks": n_chunks}


def iter_passages(collection, include: Iterable[str] = ("metadatas",), page: int = PAGE) -> Iterator[dict]:
    """Every stored passage as ``{"id", "metadata", "document"}``, a page of Chroma rows at a time."""
    include = list(include)
    offset = 0
    while True:
        batch = collection.get(include=include, limit=page, offset=offset)
        metas = batch.get("metadatas") or [None] * len(batch["ids"])
        docs = batch.get("documents") or [None] * len(batch["ids"])
        for pid, meta, doc in zip(batch["ids"], metas, docs):
            yield {"id": pid, "metadata": meta or {}, "document": doc}
        if len(batch["ids"]) < page:
            return
        offset += page


def stored_nodes(collection, page: int = PAGE) -> list:
    """Every passage as a LlamaIndex node (text and metadata, no vector): BM25 indexes these."""
    from llama_index.core.vector_stores.utils import metadata_dict_to_node

    rows = iter_passages(collection, ("metadatas", "documents"), page)
    return [metadata_dict_to_node(row["metadata"], text=row["document"]) for row in rows]


def article_status(collection, page: int = PAGE) -> dict[str, dict]:
    """doc_id -> {"count", "hashes", "raw_hashes", "n_chunks", "files"}: what ingest needs to tell a complete article."""
    found: dict[str, dict] = {}
    for row in iter_passages(collection, page=page):
        meta = row["metadata"]
        entry = found.setdefault(
            meta.get("doc_id", ""),
            {"count": 0, "hashes": set(), "raw_hashes": set(), "n_chunks": set(), "files": set()},
        )
        entry["count"] += 1
        entry["hashes"].add(meta.get("doc_hash"))
        entry["raw_hashes"].add(meta.get("raw_hash"))  # None in a store written before it was kept
        entry["n_chunks"].add(meta.get("n_chunks"))
        entry["files"].add(meta.get("file"))  # where it was read from: --prune deletes it only once that is gone
    return found


def overview_rows(collection, page: int = PAGE) -> list[list]:
    """One row per stored article: title, outlet, date, passage count, doc_id; newest first."""
    rows: dict[str, list] = {}
    for row in iter_passages(collection, page=page):
        meta = row["metadata"]
        doc = meta.get("doc_id", "")
        entry = rows.setdefault(doc, [meta.get("title") or doc, meta.get("source", ""), meta.get("date", ""), 0, doc])
        entry[3] += 1
    return sorted(rows.values(), key=lambda r: (r[2], r[0]), reverse=True)


def passage_texts(collection, ids: Iterable[str]) -> dict[str, str]:
    """passage id -> its text, for the ids that are stored (unknown ids are left out)."""
    ids = list(dict.fromkeys(ids))
    if not ids:
        return {}
    found = collection.get(ids=ids, include=["documents"])
    return dict(zip(found["ids"], found["documents"]))


def record_raw_hash(collection, doc_id: str, count: int, raw: str) -> None:
    """Mark a complete, unchanged article's passages with the file bytes they match (Chroma merges metadata)."""
    collection.update(ids=[passage_id(doc_id, i) for i in range(count)], metadatas=[{"raw_hash": raw}] * count)


def lead_nodes(collection, doc_ids: Iterable[str] | None = None) -> list:
    """The first passage of each article (of every stored article when ``doc_ids`` is None), as nodes."""
    from llama_index.core.vector_stores.utils import metadata_dict_to_node

    if doc_ids is None:
        doc_ids = article_status(collection)
    ids = [passage_id(doc_id, 0) for doc_id in dict.fromkeys(doc_ids)]
    if not ids:
        return []
    found = collection.get(ids=ids, include=["metadatas", "documents"])
    nodes = []
    for pid, meta, text in zip(found["ids"], found["metadatas"], found["documents"]):
        node = metadata_dict_to_node(meta, text=text)
        node.id_ = pid
        nodes.append(node)
    return nodes
