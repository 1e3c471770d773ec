"""Turn raw article text into a clean ``Article``: header fields and body.

The header of a scraped article is an optional outlet line, an ISO date and
the headline; site chrome (tag lists, "Till toppen av sidan") is dropped, and
so is a paragraph repeated (or nearly repeated) elsewhere in the article.
Everything else is kept exactly as written, since citations quote it.

>>> a = parse_article("Outlet\\n\\n2024-03-04\\n\\nRubrik\\n\\nText här.\\n\\nTaggar", "x")
>>> a.source, a.date, a.title, a.text
('Outlet', '2024-03-04', 'Rubrik', 'Text här.')
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

from ingest.reader import RawArticle

CHROME_LINES = {
    "taggar", "leverantörer", "ändra marknad", "till toppen av sidan", "stäng", "dela", "dela artikeln",
    "annons", "annonser", "läs mer", "relaterade artiklar", "nyhetsbrev", "logga in", "meny", "sök",
    "tags", "suppliers", "change market", "back to top", "close", "share", "advertisement", "read more",
    "related articles", "newsletter", "log in", "menu", "search", "cookies", "acceptera cookies",
}
SIGNUP = re.compile(
    r"^(prenumerera|anmäl dig|registrera dig|få våra nyhetsbrev|sign up|subscribe|register)\b.{0,80}$",
    re.IGNORECASE,
)
ISO_DATE = re.compile(r"^\s*(\d{4}-\d{2}-\d{2})(?:[ T][\d:]+)?\s*$")
WORD = re.compile(r"\w+")
NEAR_REPEAT_MIN_WORDS = 8
NEAR_REPEAT_SHARE = 0.8


@dataclass
class Article:
    doc_id: str
    title: str
    date: str
    source: str
    text: str  # cleaned body; passage offsets point into it


def _strip_md_heading(line: str) -> str:
    """'# Rubrik' is Markdown; '#TRYGGHETNU:' is a hashtag and stays."""
    return re.sub(r"^#{1,6}\s+", "", line.strip())


def is_chrome(line: str) -> bool:
    bare = line.strip().strip(":|»›>").strip().lower()
    return bare in CHROME_LINES or bool(SIGNUP.match(line.strip()))


def _split_header(lines: list[str]) -> tuple[dict, list[str]]:
    """Outlet, date and headline from the first non-empty lines, when present."""
    filled = [i for i, line in enumerate(lines) if line.strip()][:3]
    header: dict = {}
    date_at = next((i for i in filled if ISO_DATE.match(lines[i])), None)
    if date_at is None:
        return header, lines
    header["date"] = ISO_DATE.match(lines[date_at]).group(1)
    before = [i for i in filled if i < date_at]
    after = [i for i, line in enumerate(lines) if i > date_at and line.strip()]
    if before and after and _is_sentence(lines[after[0]]):
        # Headline, date, body: the line after the date is already body text.
        header["title"] = _strip_md_heading(lines[before[-1]])
        return header, lines[date_at + 1 :]
    if before and len(lines[before[-1]].split()) <= 5:
        header["source"] = lines[before[-1]].strip()
    if after:
        header["title"] = _strip_md_heading(lines[after[0]])
        return header, lines[after[0] + 1 :]
    return header, []


def _is_sentence(line: str) -> bool:
    """Body text ends with a full stop; headlines don't ("Kameror har minskat drogförsäljningen")."""
    line = line.strip()
    return line.endswith(".") and not line.endswith("..") and len(line.split()) >= 4


def _is_near_repeat(para: str, other: str) -> bool:
    """``para`` adds little to the longer ``other``: most of its words, in order."""
    words, other_words = WORD.findall(para.lower()), WORD.findall(other.lower())
    if len(words) < NEAR_REPEAT_MIN_WORDS or len(other_words) < len(words):
        return False
    blocks = SequenceMatcher(None, words, other_words, autojunk=False).get_matching_blocks()
    return sum(b.size for b in blocks) >= NEAR_REPEAT_SHARE * len(words)


def dedupe_paragraphs(paragraphs: list[str]) -> list[str]:
    """Keep the first of exact repeats; drop a paragraph a longer one nearly repeats."""
    seen: set[str] = set()
    unique = []
    for para in paragraphs:
        key = " ".join(para.split()).lower()
        if key not in seen:
            seen.add(key)
            unique.append(para)
    return [
        p for i, p in enumerate(unique)
        if not any(j != i and len(q) > len(p) and _is_near_repeat(p, q) for j, q in enumerate(unique))
    ]


def parse_article(text: str, doc_id: str, raw: RawArticle | None = None) -> Article:
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    header, body = _split_header(lines)
    paragraphs = [line.strip() for line in body if line.strip() and not is_chrome(line)]
    raw = raw or RawArticle(text=text)
    title = header.get("title") or raw.title
    if not title and paragraphs:
        title = _strip_md_heading(paragraphs.pop(0))
    if raw.title and paragraphs and paragraphs[0] == raw.title:
        paragraphs.pop(0)
    return Article(
        doc_id=doc_id,
        title=title or doc_id,
        date=header.get("date") or raw.date or "",
        source=header.get("source") or raw.source or "",
        text="\n\n".join(dedupe_paragraphs(paragraphs)),
    )
