"""Turn raw article text into a clean ``Article``: header fields and body.

The header (outlet, date, headline in any of the usual layouts, see
``ingest.header``) becomes fields; site chrome (ads, age notices, share buttons,
photo credits, bylines, see ``ingest.chrome``) is dropped, and so is a paragraph
repeated elsewhere in the article, or nearly repeated by a longer one nearby.
Everything else is kept exactly as written, since citations quote it.

>>> a = parse_article("Outlet\\n\\n2024-03-04\\n\\nRubrik\\n\\nText här.\\n\\nTaggar", "x")
>>> a.source, a.date, a.title, a.text
('Outlet', '2024-03-04', 'Rubrik', 'Text här.')
>>> a = parse_article("Norra Dagbladet\\nNy bro över älven\\nAnnons\\nBron öppnar i maj. Den kostar mycket.", "y")
>>> a.source, a.date, a.title, a.text
('Norra Dagbladet', '', 'Ny bro över älven', 'Bron öppnar i maj. Den kostar mycket.')
>>> parse_article("Bron över älven öppnar i maj. Den kostar mycket.", "z").title
'Bron över älven öppnar i maj.'
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

from ingest.chrome import drop_chrome, is_chrome, pieces, strip_link_residue
from ingest.header import HEADER_SPAN, MD_HEADING, is_outlet_like, plain, read_date, split_header
from ingest.reader import RawArticle
from textkit.sentences import is_heading, sentence_spans

WORD = re.compile(r"\w+")
NEAR_REPEAT_MIN_WORDS = 8
NEAR_REPEAT_SHARE = 0.8
# Paragraphs compared either side of each: a pull quote or caption repeats text of the same
# article, within a few dozen paragraphs; comparing all pairs of a 20 MB file took hours.
NEAR_REPEAT_WINDOW = 200
TITLE_MAX_CHARS = 120  # a title made from a body sentence is cut at a word boundary


Words = tuple[list[str], frozenset[str]]  # a paragraph's words in order, and as a set


def _words(para: str) -> Words:
    words = WORD.findall(para.lower())
    return words, frozenset(words)


@dataclass
class Article:
    doc_id: str
    title: str
    date: str
    source: str
    text: str  # cleaned body; passage offsets point into it


def _is_near_repeat(para: Words, other: Words) -> bool:
    """``para`` adds little to the longer ``other``: most of its words, in order."""
    (words, distinct), (other_words, other_distinct) = para, other
    if len(words) < NEAR_REPEAT_MIN_WORDS or len(other_words) < len(words):
        return False
    # Cheap bound first: each of its distinct words missing from ``other`` is at least one unmatched word.
    if len(words) - len(distinct - other_distinct) < NEAR_REPEAT_SHARE * len(words):
        return False
    blocks = SequenceMatcher(None, words, other_words, autojunk=False).get_matching_blocks()
    return sum(b.size for b in blocks) >= NEAR_REPEAT_SHARE * len(words)


def dedupe_paragraphs(paragraphs: list[str]) -> list[str]:
    """Keep the first of exact repeats; drop a paragraph a longer one nearby nearly repeats.

    Within ``NEAR_REPEAT_WINDOW`` paragraphs either side, so the work grows linearly with
    the article: a news article is far shorter than that, and every pair in it is compared.
    """
    seen: set[str] = set()
    unique = []
    for para in paragraphs:
        key = " ".join(para.split()).lower()
        if key not in seen:
            seen.add(key)
            unique.append(para)
    words = [_words(p) for p in unique]

    def repeated(i: int) -> bool:
        nearby = range(max(0, i - NEAR_REPEAT_WINDOW), min(len(unique), i + NEAR_REPEAT_WINDOW + 1))
        longer = (j for j in nearby if len(unique[j]) > len(unique[i]))
        return any(_is_near_repeat(words[i], words[j]) for j in longer)

    # A subheading may well sum up the paragraph below it in its words: it is no repeat.
    return [p for i, p in enumerate(unique) if is_heading(p) or not repeated(i)]


def _header_and_body(lines: list[str], headed: bool) -> tuple[dict, list[str]]:
    """Header fields from the first lines that are not chrome, and the body lines after them."""
    if headed:  # the format (HTML) already gave the header; the text is body only
        return {}, lines
    filled = [i for i, line in enumerate(lines) if line.strip()]
    found = _from_meta_rows([lines[i] for i in filled[: HEADER_SPAN + 6]])
    kept = [i for i in filled if not is_chrome(lines[i]) and lines[i] not in found["rows"]]
    header, used = split_header([lines[i] for i in kept])
    header = {**{k: v for k, v in found.items() if k != "rows"}, **header}
    body = lines[kept[used - 1] + 1 :] if used else lines
    return header, ["" if line in found["rows"] else line for line in body]


def _from_meta_rows(lines: list[str]) -> dict:
    """Outlet and date on rows that are otherwise chrome: "**Outlet** · Av Karin Holm", "Av X · 4 mars 2024"."""
    found: dict = {"rows": set()}
    for line in lines:
        parts = pieces(line)
        if len(parts) < 2:
            continue
        if is_outlet_like(parts[0]) and all(is_chrome(p) for p in parts[1:]):
            found.setdefault("source", plain(parts[0]))
            found["rows"].add(line)
        elif is_chrome(line):
            dates = [read_date(p) for p in parts if read_date(p)]
            if dates:
                found.setdefault("date", dates[0][0])
    return found


def _title_from_body(text: str) -> str:
    """The first sentence, as a title for an article without a headline."""
    spans = sentence_spans(text)
    first = text[spans[0][0] : spans[0][1]] if spans else text
    if len(first) <= TITLE_MAX_CHARS:
        return first
    return first[:TITLE_MAX_CHARS].rsplit(" ", 1)[0].rstrip(",;:–- ") + " …"


def parse_article(text: str, doc_id: str, raw: RawArticle | None = None) -> Article:
    raw = raw or RawArticle(text=text)
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    header, body = _header_and_body(lines, raw.headed)
    # Markdown "## Mellanrubrik" keeps its line as a plain subheading.
    body = [plain(line) if MD_HEADING.match(line.strip()) else line for line in body]
    paragraphs = [p for p in (strip_link_residue(line) for line in drop_chrome(body)) if p]
    title = header.get("title") or raw.title
    if title and paragraphs and plain(paragraphs[0]) == title:
        paragraphs.pop(0)  # the headline repeated as the first body line
    body_text = "\n\n".join(dedupe_paragraphs(paragraphs))
    return Article(
        doc_id=doc_id,
        title=title or _title_from_body(body_text) or doc_id,
        date=header.get("date") or raw.date or "",
        source=header.get("source") or raw.source or "",
        text=body_text,
    )
