"""Does a sentence speak of the year the question asks about?

A near miss often asks for another year than an article covers: "How many burglaries were
reported in 2019?" on articles about 2021 and 2024. A sentence answers a question naming a
year only when its passage names that year, or its article's date makes it the year the
passage speaks of: the date's own year ("i år", "årets"), the year before ("i fjol", "förra
året", "last year") or after ("nästa år", "next year"). A language rule about Swedish and
English year words; nothing of any article.

>>> covers(["2019"], "Under årets första nio månader anmäldes 187 inbrott.", "2021-10-14")
False
>>> covers(["2021"], "Under årets första nio månader anmäldes 187 inbrott.", "2021-10-14")
True
>>> covers(["2020"], "Det är fler än i fjol, då 121 inbrott anmäldes.", "2021-10-14")
True
>>> covers(["2020"], "Jämfört med 2020 har inbrotten ökat.", ""), covers(["2019"], "Inbrotten har ökat.", "")
(True, False)
"""

from __future__ import annotations

import re

from textkit.text import YEAR_DIGITS

YEAR = re.compile(rf"\b{YEAR_DIGITS}\b")
# Words that name a year by the article's date: the year before, the year after.
YEAR_BEFORE = re.compile(r"\b(?:i fjol|ifjol|fjolårets|förra året|förra årets|last year)\b", re.I)
YEAR_AFTER = re.compile(r"\b(?:nästa år|nästa års|till året|next year)\b", re.I)


def asked_years(question: str) -> list[str]:
    """The years the question names.

    >>> asked_years("How many people went to the festival in 2023?"), asked_years("Hur många?")
    (['2023'], [])
    """
    return YEAR.findall(question)


def covers(years: list[str], passage: str, date: str) -> bool:
    """Whether the passage (with its article's date) speaks of one of ``years``."""
    if not years:
        return True
    named = set(YEAR.findall(passage))
    if date[:4].isdigit():
        year = int(date[:4])
        named.add(str(year))
        if YEAR_BEFORE.search(passage):
            named.add(str(year - 1))
        if YEAR_AFTER.search(passage):
            named.add(str(year + 1))
    return bool(named & set(years))
