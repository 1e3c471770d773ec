"""Figures in text: numbers however they are written, and the months dates name.

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

from textkit.text import CALENDAR_EN, CALENDAR_SV
from textkit.text import MONTHS as MONTH_NAMES

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
DAY_MONTH = re.compile(r"\b\d{1,2}/(\d{1,2})\b")


def numbers(text: str) -> set[str]:
    """Numbers (spaces and decimal comma normalised) and months (as ``month:n``)."""
    found = {re.sub(r"[ \u00a0]", "", m).replace(",", ".").replace(":", ".") for m in NUMBER.findall(text)}
    found |= {f"month:{MONTHS[m.lower()]}" for m in MONTH_WORD.findall(text)}
    for year, month, day in ISO_DATE.findall(text):
        found |= {year, f"month:{int(month)}", str(int(day))}
    found |= {f"month:{int(month)}" for month in DAY_MONTH.findall(text) if 1 <= int(month) <= 12}
    return found


def joined_numbers(text: str) -> str:
    """ "2 500" as "2500", so a number is one token on both sides."""
    return NUMBER.sub(lambda m: re.sub(r"[ \u00a0]", "", m.group()), text)
