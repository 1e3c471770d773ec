"""Figures in text: numbers however they are written, the months dates name, and what each figure counts.

A claim and its source must agree on every figure, but may write it differently:
"2 500" and "2500", "3,5" and "3.5", "25 april" and "25/4", "2 mars 2025" and
"2025-03-02".

>>> sorted(numbers("Målet är 2 500 kameror den 25 april, 3,5 procent kl. 14.30"))
['14.30', '25', '2500', '3.5', 'month:4']
>>> sorted(numbers("bäst före 2025-03-02, provet togs 4/2"))
['02', '03', '2', '2025', '4', 'month:2', 'month:3']
>>> joined_numbers("2 500 kameror")
'2500 kameror'
"""

from __future__ import annotations

import re
from functools import cache

from textkit.text import CALENDAR_EN, CALENDAR_SV, SPELLED, YEAR_DIGITS, detect_language, fold, little, stem
from textkit.text import MONTHS as MONTH_NAMES
from textkit.wordclasses import PREPOSITIONS, UNITS

# Thousands written with spaces ("2 500") are one number; decimals and clock times keep their separator.
NUMBER = re.compile(r"\d{1,3}(?:[ \u00a0]\d{3})+(?![\d,.]\d)|\d+(?:[.,:]\d+)*")
MONTH_WORD = re.compile(rf"\b{MONTH_NAMES}\b", re.I)
# Month words to the month's number: the full names from textkit/text.py's calendars (they open with
# the twelve months, then the weekdays, which zip leaves out) and the usual short forms, Swedish and
# English, that only datelines use ("12 okt. 2021", ingest/header.py).
SHORT_MONTHS = ["jan", "feb", "mar", "apr", "", "jun", "jul", "aug", "sep sept", "okt oct", "nov", "dec"]
MONTHS = {
    m: i + 1
    for i, (sv, en, short) in enumerate(zip(CALENDAR_SV.split(), CALENDAR_EN.split(), SHORT_MONTHS))
    for m in dict.fromkeys([sv, *short.split(), en])
}
# Dates written with digits only: "2025-03-02" and "4/2" (day/month) name a month too.
ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
DAY_MONTH = re.compile(r"\b(\d{1,2})/(\d{1,2})\b")
SPELLED_WORD = re.compile(rf"\b(?:{'|'.join(SPELLED)})\b", re.I)
SPELLED_FOLDED = {fold(w): n for w, n in SPELLED.items()}  # the verifier compares folded tokens


def numbers(text: str) -> set[str]:
    """Numbers (spaces and decimal comma normalised) and months (as ``month:n``)."""
    found = {re.sub(r"[ \u00a0]", "", m).replace(",", ".").replace(":", ".") for m in NUMBER.findall(text)}
    found |= {f"month:{MONTHS[m.lower()]}" for m in MONTH_WORD.findall(text)}
    for year, month, day in ISO_DATE.findall(text):
        found |= {year, f"month:{int(month)}", str(int(day))}
    found |= {f"month:{int(month)}" for _, month in DAY_MONTH.findall(text) if 1 <= int(month) <= 12}
    return found | spelled(text)


def spelled(text: str) -> set[str]:
    """Numbers written as words: "fyra år" holds 4, as "4 år" does.

    >>> sorted(spelled("i nitton år och fjorton dagar"))
    ['14', '19']
    """
    words = {w.lower() for w in SPELLED_WORD.findall(text)}
    if "sex" in words and detect_language(text) != "sv":
        words.discard("sex")
    return {str(SPELLED[w]) for w in words}


def number_forms(word: str) -> set[str]:
    """The folded ways one number is written, if ``word`` is one: "4", "fyra", "four"; else set().

    >>> sorted(number_forms("Åtta")), sorted(number_forms("8")), number_forms("fyrtiotal")
    (['8', 'atta', 'eight'], ['8', 'atta', 'eight'], set())
    """
    value = int(word) if word.isdecimal() else SPELLED_FOLDED.get(fold(word))
    if value not in SPELLED_FOLDED.values():
        return set()
    return {str(value)} | {w for w, n in SPELLED_FOLDED.items() if n == value}


def joined_numbers(text: str) -> str:
    """ "2 500" as "2500", so a number is one token on both sides."""
    return NUMBER.sub(lambda m: re.sub(r"[ \u00a0]", "", m.group()), text)


def key(word: str) -> str:
    """A word as the role rules compare it: each part stemmed and folded."""
    return " ".join(fold(stem(part)) for part in word.split())


@cache
def keys(words: frozenset[str]) -> frozenset[str]:
    """``key`` of each of ``words``, made on first use, not at import.

    >>> sorted(keys(frozenset({"och", "Siffrorna"})))
    ['och', 'siffr']
    """
    return frozenset(map(key, words))


FIGURE = re.compile(r"\d+(?:[.,]\d+)*")
PIECES = re.compile(rf"{FIGURE.pattern}(?![\w-])|\w+(?:-\w+)*|[^\w\s]")  # "3D-skrivare" is a word
YEAR = re.compile(YEAR_DIGITS)


def counted_figure(piece: str) -> bool:
    """A figure that counts or measures, not a year ("2022")."""
    return bool(FIGURE.fullmatch(piece)) and not YEAR.fullmatch(piece)


def counted(text: str) -> dict[str, list[tuple[str, set[str]]]]:
    """Each figure of the text (not a year or a day of a month) and, each time it stands, the word before it
    and the words it counts: the content words after it, past its units and an "av", up to the first
    little word, preposition or stop ("12 nya bilar", "30 procent av vagnen")."""
    pieces, found = PIECES.findall(joined_numbers(text)), {}
    for i, piece in enumerate(pieces):
        after = pieces[i + 1].lower() if i + 1 < len(pieces) else ""
        if not FIGURE.fullmatch(piece) or YEAR.fullmatch(piece) or after in MONTHS or after == "/":
            continue
        j = i + 1
        while j < len(pieces) and pieces[j].lower() in UNITS:
            j += 1
        j += j < len(pieces) and pieces[j].lower() in ("av", "of")
        words = set()
        # Up to a preposition too, which opens an adverbial ("62 procent bland de äldre").
        while (
            j < len(pieces)
            and pieces[j][0].isalpha()
            and not little(pieces[j])
            and pieces[j].lower() not in PREPOSITIONS
        ):
            words.add(key(pieces[j]))
            j += 1
        before = key(pieces[i - 1]) if i and pieces[i - 1][0].isalpha() and not little(pieces[i - 1]) else ""
        found.setdefault(piece.replace(",", "."), []).append((before, words))
    return found


def partitives(text: str) -> set[str]:
    """Figures with "av" right after them ("35 av bussarna"): each counts a part of a set named after it.

    >>> sorted(partitives("35 av bussarna och 20 procent av resorna"))
    ['35']
    """
    pieces = PIECES.findall(joined_numbers(text))
    return {
        p.replace(",", ".")
        for p, after in zip(pieces, pieces[1:])
        if FIGURE.fullmatch(p) and after.lower() in ("av", "of")
    }
