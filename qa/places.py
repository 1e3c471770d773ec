"""Does a passage speak of the place a Swedish question names?

A near miss often asks about another town than the article it finds: "Hur mycket regn föll i
Nässjö?" on an article about Jönköping that names Nässjö only in another passage. The missing-name
penalty (``qa/rules.py``) looks for a name in all the retrieved passages, so it does not see that.
Here a sentence answers a question naming a place ("i Nässjö", "på Gotland", "vid Påryd") only when
its own passage or its article's title names that place, in any form of the word ("Linköpings").
A language rule about Swedish place prepositions; nothing of any article.

Only Swedish questions: an English one may spell a place otherwise than the article ("in Sweden"
for "Sverige"). Month and weekday names after a preposition ("i januari", "på fredag") are no place.

>>> asked_places("Hur mycket regn föll i Nässjö den kvällen?"), asked_places("Hur många i januari?")
(['nassjo'], [])
>>> speaks_of(["nassjo"], "Regnet i Jönköping. Det föll 96 millimeter regn i centrum.")
False
>>> speaks_of(["linkoping"], "Kameror i Linköpings centrum. Där finns 24 kameror.")
True
"""

from __future__ import annotations

import re

from textkit.text import CALENDAR_EN, CALENDAR_SV, TOKEN, detect_language, fold, stem
from textkit.wordclasses import AT_PLACE

ASKED_PLACE = re.compile(rf"\b{AT_PLACE}([A-ZÅÄÖ][\wåäöÅÄÖ-]+)")
CALENDAR = frozenset(f"{CALENDAR_SV} {CALENDAR_EN}".split())


def asked_places(question: str) -> list[str]:
    """The places a Swedish question names after a preposition, stemmed and folded."""
    if detect_language(question) != "sv":
        return []
    names = (m.group(1) for m in ASKED_PLACE.finditer(question))
    return [fold(stem(name)) for name in names if name.lower() not in CALENDAR]


def speaks_of(places: list[str], passage: str) -> bool:
    """Every place is named in the passage (with its article's title; inside a compound too: "Växjöhem")."""
    if not places:
        return True
    said = " ".join(fold(stem(word)) for word in TOKEN.findall(passage))
    return all(place in said for place in places)
