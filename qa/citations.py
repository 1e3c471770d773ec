"""Citations: a retrieved passage as the ``Citation`` an answer carries, and the ranked list.

Shared by both synthesizers (extractive and LLM), which take retrieved passages
and never call back into the engine.

>>> from llama_index.core.schema import NodeWithScore, TextNode
>>> item = NodeWithScore(node=TextNode(id_="a#0000", text="Målet är 2500.", metadata={"doc_id": "a", "title": "T"}), score=0.5)
>>> c = to_citation(1, item, "Målet är 2500.")
>>> (c.n, c.doc_id, c.chunk_id, c.quote), retrieved_list([item])
((1, 'a', 'a#0000', 'Målet är 2500.'), [{'doc_id': 'a', 'chunk_id': 'a#0000', 'score': 0.5}])
"""

from __future__ import annotations

from qa.types import Citation


def to_citation(n: int, item, quote: str = "") -> Citation:
    """Source ``[n]``: a retrieved passage with its article's title, outlet and date, and the quoted sentences."""
    meta = item.node.metadata
    return Citation(
        n=n,
        doc_id=meta.get("doc_id", ""),
        chunk_id=item.node.node_id,
        title=meta.get("title", ""),
        date=meta.get("date", ""),
        source=meta.get("source", ""),
        text=item.node.get_content(),
        quote=quote,
    )


def retrieved_list(retrieved) -> list[dict]:
    """The ranked passages as ``{"doc_id", "chunk_id", "score"}`` (what ``Answer.retrieved`` holds)."""
    return [
        {
            "doc_id": item.node.metadata.get("doc_id", ""),
            "chunk_id": item.node.node_id,
            "score": round(float(item.score or 0), 4),
        }
        for item in retrieved
    ]
