"""The header of an article: which first lines are the outlet, the date and the headline.

Four layouts occur: outlet / date / headline / body, headline / date / body,
outlet / headline / body (no date) and no header at all. They are told apart
by what the lines look like, never by known outlet names: a date line is all
date, time and "Publicerad"-type labels; an outlet line is short and title-cased
("Norra Dagbladet"), where a Swedish headline is sentence-cased and longer; body
text is sentences ending in a full stop.

>>> read_date("Publicerad: 2024-03-04 12:01 Uppdaterad: 2024-03-05 09:40")
('2024-03-04', '')
>>> read_date("4 mars 2024 kl. 14.32"), read_date("*Norra Dagbladet, 2024-03-04*")
(('2024-03-04', ''), ('2024-03-04', 'Norra Dagbladet'))
>>> is_outlet_like("Norra Dagbladet"), is_outlet_like("Nya masker till brandkåren")
(True, False)
>>> split_header(["Norra Dagbladet", "Nya masker till brandkåren", "Brandkåren har köpt masker."])
({'source': 'Norra Dagbladet', 'title': 'Nya masker till brandkåren'}, 2)
"""

from __future__ import annotations

import re

from textkit.figures import MONTHS
from textkit.text import CALENDAR_EN, CALENDAR_SV

_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_WEEKDAY = "|".join(CALENDAR_SV.split()[12:] + CALENDAR_EN.split()[12:])
DATE = re.compile(
    rf"\b(\d{{4}})-(\d{{2}})-(\d{{2}})(?:T[\d:.+\-Z]*)?|\b(\d{{1,2}})\s+({_MONTH})\.?\s+(\d{{4}})\b", re.I
)
# What may stand beside a date on a date line: times, weekdays and publishing labels.
DATE_FILLER = re.compile(
    rf"\b(?:kl|klockan|at)\b\.?|\b\d{{1,2}}[.:]\d{{2}}(?:[.:]\d{{2}})?\b|\b(?:{_WEEKDAY})(?:en)?\b|"
    r"\b(?:senast\s+)?(?:publicerad|publicerat|publ|uppdaterad|uppdaterat|ändrad|published|updated|datum|date)\b\.?",
    re.I,
)
PUBLISHED_LABEL = re.compile(r"\b(?:publicerad|publicerat|publ|published)\b", re.I)
EMPHASIS = re.compile(r"^[\s*_>]+|[\s*_]+$")
MD_HEADING = re.compile(r"^#{1,6}\s+")
# Short words that stay lower-case inside a title-cased name ("Nytt från Dalarna").
NAME_PARTICLES = {"i", "och", "på", "för", "av", "från", "&", "de", "la", "von", "the", "of", "vid"}
# "Av Karin Holm" and "Foto: Lars Ek" are title-cased too, but they name a person.
BYLINE_WORDS = {"av", "text", "text:", "by", "foto", "foto:", "bild", "bild:"}
OUTLET_MAX_WORDS = 5
HEADER_SPAN = 4  # the header is within the first few lines that are not chrome


def plain(line: str) -> str:
    """A header line without Markdown heading marks or emphasis around it."""
    return EMPHASIS.sub("", MD_HEADING.sub("", line.strip()))


def read_date(line: str) -> tuple[str, str] | None:
    """``(ISO date, what else the line says)`` when ``line`` is a date line, else None.

    The publication date wins over an update date; the rest is "" on a pure date line and the
    outlet on an "Outlet, 2024-03-04" line.
    """
    text = re.sub(r"[*_]{1,3}", "", plain(line))
    dates = list(DATE.finditer(text))
    if not dates or len(text) > 120:
        return None
    label = PUBLISHED_LABEL.search(text)
    chosen = next((m for m in dates if label and m.start() > label.start()), dates[0])
    rest = DATE_FILLER.sub(" ", DATE.sub(" ", text))
    rest = re.sub(r"^[\s,|:·–—\-/()]+|[\s,|:·–—\-/()]+$", "", rest)
    if rest and not is_outlet_like(rest):
        return None
    return _iso(chosen), rest


def _iso(match: re.Match) -> str:
    if match.group(1):
        return f"{match.group(1)}-{match.group(2)}-{match.group(3)}"
    day, month, year = match.group(4), MONTHS[match.group(5).lower().rstrip(".")], match.group(6)
    return f"{year}-{month:02d}-{int(day):02d}"


def is_sentence(line: str) -> bool:
    """Body text ends with a full stop; headlines don't ("Kameror har minskat drogförsäljningen")."""
    line = plain(line).rstrip('”"»’)')
    words = len(line.split())
    if line.endswith(".") and not line.endswith(".."):
        return words >= 4
    return line.endswith(("!", "?", "…")) and words >= 12


def is_outlet_like(line: str) -> bool:
    """Short and title-cased, no sentence: "Västra Nyhetsbladet", "Radio Norr P4"."""
    text = plain(line)
    words = text.split()
    if not 1 <= len(words) <= OUTLET_MAX_WORDS or len(text) > 45 or re.search(r"[.!?:;,]$", text):
        return False
    named = [w for w in words if w.lower() not in NAME_PARTICLES]
    if words[0].lower() in BYLINE_WORDS:
        return False
    return bool(named) and all(w[0].isupper() or w[0].isdigit() for w in named) and words[0][0].isupper()


def _is_marked_headline(line: str) -> bool:
    return bool(MD_HEADING.match(line.strip()))


def split_header(lines: list[str]) -> tuple[dict, int]:
    """Header fields found in ``lines`` (non-empty, chrome already left out) and where the body starts."""
    head = lines[:HEADER_SPAN]
    for at, line in enumerate(head):
        found = read_date(line)
        if found:
            return _around_date(lines, at, *found)
    return _without_date(lines)


def _around_date(lines: list[str], at: int, date: str, outlet: str) -> tuple[dict, int]:
    header = {"date": date, **({"source": outlet} if outlet else {})}
    before, after = lines[:at], lines[at + 1 :]
    next_is_headline = bool(after) and not is_sentence(after[0])
    if len(before) >= 2:
        first, second = before[-2], before[-1]
        source, title = (second, first) if _is_marked_headline(first) or not is_outlet_like(first) else (first, second)
        header.setdefault("source", plain(source))
        return {**header, "title": plain(title)}, at + 1
    if before:
        only = before[0]
        if next_is_headline and not _is_marked_headline(only) and is_outlet_like(only):
            header.setdefault("source", plain(only))
            return {**header, "title": plain(after[0])}, at + 2
        return {**header, "title": plain(only)}, at + 1
    if next_is_headline:
        return {**header, "title": plain(after[0])}, at + 2
    return header, at + 1


def _without_date(lines: list[str]) -> tuple[dict, int]:
    if not lines or (is_sentence(lines[0]) and not _is_marked_headline(lines[0])):
        return {}, 0  # no header: the article starts with its body
    first = lines[0]
    second = lines[1] if len(lines) > 1 else ""
    # Outlet first, then the (longer) headline: both short lines, neither a sentence.
    outlet_first = (
        second
        and not is_sentence(second)
        and not _is_marked_headline(first)
        and is_outlet_like(first)
        and len(plain(second).split()) >= len(plain(first).split())
    )
    if outlet_first:
        return {"source": plain(first), "title": plain(second)}, 2
    if second and _is_marked_headline(first) and is_outlet_like(second) and plain(second) != second.strip():
        return {"title": plain(first), "source": plain(second)}, 2  # "# Rubrik" then "*Outlet*"
    return {"title": plain(first)}, 1
