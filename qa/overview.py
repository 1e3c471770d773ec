"""Questions about the articles themselves: what they (or one of them) are about, which cover X, what is new since D.

They are recognised by their question words only, and answered with each matching
article's headline, outlet and date and its lede sentence, quoted verbatim and
cited, newest first.

>>> is_overview("Vad handlar artiklarna om?"), is_overview("Summarize the article about the conference")
(True, True)
>>> is_overview("Hur många kameror finns det?")
False
>>> since_year("Vad har hänt med bron sedan 2021?"), since_year("Vad handlar artikeln om?")
('2021', '')
>>> wants_one("Vad handlar artikeln om tågstoppet?"), wants_one("Vilka artiklar tar upp skolor?")
(True, False)
"""

from __future__ import annotations

import re

from textkit.sentences import sentence_spans
from textkit.text import TOKEN, YEAR_DIGITS, content_words

OVERVIEW = re.compile(
    r"\b(vad handlar|handlar (artikeln|artiklarna|texten|texterna|nyheten) om|sammanfatta|sammanfattning|"
    r"vad (skriver|skrev|skrivs|står det|stod det) (om|tidningen|artikeln|artiklarna)|vilka artiklar|vilken artikel|"
    r"vad har hänt med|vad är nytt|vad är det senaste|what are the articles|what is the article|"
    r"summari[sz]e|summary of|which articles|which article|what'?s the story|what is the story|"
    r"what has happened (to|with)|what'?s new|what is new)\b",
    re.I,
)
ONE = re.compile(r"\b(artikeln|texten|nyheten|\w+artikeln|the (article|piece|story|text))\b", re.I)
MANY = re.compile(r"\b(artiklarna|vilka artiklar|texterna|the articles|which articles|sedan|since)\b", re.I)
SINCE = re.compile(rf"\b(?:sedan|since|efter|after)\s+(?:\w+\s+)?({YEAR_DIGITS})\b", re.I)
# The words of an overview question that name no topic ("vad handlar artiklarna om" has none).
FRAME = re.compile(
    OVERVIEW.pattern + r"|\b(artik\w*|texte[nr]\w*|nyhet\w*|article|articles|piece|story|tidningen|om|about)\b", re.I
)
MAX_LISTED = 10
LEDE_MIN_WORDS = 4


def is_overview(question: str) -> bool:
    return bool(OVERVIEW.search(question))


def since_year(question: str) -> str:
    match = SINCE.search(question)
    return match.group(1) if match else ""


def wants_one(question: str) -> bool:
    """A single article is asked about ("the article about X"), not a set of them."""
    return bool(ONE.search(question)) and not MANY.search(question)


def topic_words(question: str) -> list[str]:
    """The question's content words outside its overview frame: what the articles should be about."""
    return [w for w in content_words(FRAME.sub(" ", question)) if not w.isdigit()]


def lede(text: str) -> str:
    """The first full sentence of a passage (a heading line of a few words is skipped)."""
    for s, e in sentence_spans(text):
        if len(TOKEN.findall(text[s:e])) >= LEDE_MIN_WORDS and re.search(r"[.!?…”\"]$", text[s:e]):
            return text[s:e]
    spans = sentence_spans(text)
    return text[spans[0][0] : spans[0][1]] if spans else ""


def matching_docs(question: str, retrieved: list) -> list[str]:
    """The articles a topical overview question is about: most of its topic words (stem, compound
    or cognate, as answers match them) in their title and retrieved text first, then retrieval order."""
    from qa.extractive import term_overlap
    from textkit.text import detect_language

    words, lang = {w: 1.0 for w in topic_words(question)}, detect_language(question)
    texts: dict[str, list[str]] = {}
    for item in retrieved[:8]:
        meta = item.node.metadata
        texts.setdefault(meta.get("doc_id", ""), [str(meta.get("title", ""))]).append(item.node.get_content())
    ranked = sorted(texts, key=lambda doc: -term_overlap(words, " ".join(texts[doc]), lang))
    return ranked[:1] if wants_one(question) else ranked[:4]


def newest_first(items: list) -> list:
    """Passages (one per article) ordered by their article's date, newest first; undated last."""
    return sorted(items, key=lambda item: item.node.metadata.get("date", "") or "0", reverse=True)


def first_passages(collection, doc_ids: list[str] | None = None, limit: int = MAX_LISTED) -> list:
    """The first passage of each article (or of every article), as retrieved items with score 1."""
    from llama_index.core.schema import NodeWithScore

    from store.passages import lead_nodes

    return newest_first([NodeWithScore(node=node, score=1.0) for node in lead_nodes(collection, doc_ids)])[:limit]


def overview_items(question: str, retrieved: list, collection) -> list:
    """First passages of the articles an overview question asks about, newest first."""
    year = since_year(question)
    if topic_words(question):
        items = first_passages(collection, matching_docs(question, retrieved))
    else:
        items = first_passages(collection, None, limit=10_000)
    if year:
        items = [i for i in items if (i.node.metadata.get("date", "") or "")[:4] >= year] or items
    return items[:MAX_LISTED]


def article_head(meta) -> str:
    """How an overview names an article before quoting its lede: 'Headline (Outlet, date)'.

    >>> article_head({"title": "Rubrik", "source": "Bladet", "date": "2024-03-04"}), article_head({"title": "R"})
    ('Rubrik (Bladet, 2024-03-04)', 'R')
    """
    where = ", ".join(str(meta.get(k)) for k in ("source", "date") if meta.get(k))
    return f"{meta.get('title', '')} ({where})" if where else str(meta.get("title", ""))


def overview_text(items: list) -> tuple[str, list]:
    """'Headline (Outlet, date): lede sentence. [n]' per article, and the (item, lede) pairs cited."""
    lines, cited = [], []
    for item in items:
        meta = item.node.metadata
        sentence = lede(item.node.get_content())
        if not sentence:
            continue
        cited.append((item, sentence))
        lines.append(f"{article_head(meta)}: {sentence} [{len(cited)}]")
    return "\n".join(lines), cited
