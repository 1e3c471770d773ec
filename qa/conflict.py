"""Articles that disagree: the same figure asked for, different values in different articles.

When the best sentence gives a number or date and a sentence of another article
that the scorer also accepts gives a different one, it is quoted beside the chosen
sentences (one more than an answer's usual count: the other side of a disagreement),
newest article first, each with its article's date.

>>> a = _Stub("Kön har 512 barn.", "new", "2024-03-01", 0.9)
>>> b = _Stub("Kön har 340 barn.", "old", "2021-02-01", 0.7)
>>> [c.sentence for c in disagreeing("Hur många barn står i kö?", [a, b], [a], 0.5)]
['Kön har 512 barn.', 'Kön har 340 barn.']
>>> [c.sentence for c in disagreeing("Hur många barn står i kö?", [a, b], [a], 0.8)]
['Kön har 512 barn.']

The chosen article's other sentences stay:

>>> a2 = _Stub("Kön växer varje månad.", "new", "2024-03-01", 0.85)
>>> [c.sentence for c in disagreeing("Hur många barn står i kö?", [a, a2, b], [a, a2], 0.5)]
['Kön har 512 barn.', 'Kön växer varje månad.', 'Kön har 340 barn.']

Both already quoted, the older first: the newer moves first (and so gives the short answer).

>>> [c.sentence for c in disagreeing("Hur många barn står i kö?", [a, b], [b, a], 0.8)]
['Kön har 512 barn.', 'Kön har 340 barn.']
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from qa.shortanswer import QUALIFIERS, question_kind, short_answer
from textkit.text import CALENDAR_SV, NUMBER_WORDS, TOKEN, fold, terms

DISAGREEING_KINDS = ("number", "date")
NOT_A_UNIT = re.compile(rf"^(?:{QUALIFIERS}|{NUMBER_WORDS}|\w{{1,3}})$", re.I)  # "mer", "sex", "och", "per"


def _units(value: str) -> set[str]:
    """The words a figure counts in: "personer" of "4 300 personer"; none of "cirka 20"."""
    return {w for w in TOKEN.findall(value) if w.isalpha() and not NOT_A_UNIT.match(w)}


def _disagree(kind: str, a: str, b: str) -> bool:
    """Two values of the same measure that differ: "4 300 personer" and "5 600 personer", not "98 procent"
    and "72 timmar" (two figures of one sentence's subject, not two answers).

    >>> _disagree("number", "4 300 personer varit", "5 600 personer"), _disagree("number", "98 procent", "minst 72 timmar")
    (True, False)
    >>> _disagree("number", "22 år", "30 år"), _disagree("date", "i november", "januari 2026")
    (True, True)
    """
    if not a or not b or a == b:
        return False
    units_a, units_b = _units(a), _units(b)
    return kind == "date" or units_a == units_b or bool(units_a & units_b)


@lru_cache(maxsize=1)
def _calendar() -> frozenset[str]:
    """Month and weekday names as ``terms`` gives them; built on first use (stemming loads a stopword list)."""
    return frozenset(terms(CALENDAR_SV))


def _same_subject(kind: str, a: str, b: str) -> bool:
    """Two sentences giving a date speak of one event only when they share a word besides the date:
    a date has no unit to compare, and any two dates differ.

    >>> _same_subject("date", "Parken ska vara i drift hösten 2026.", "Parken ska vara i drift 2024/2025.")
    True
    >>> _same_subject("date", "Festivalen börjar den 6 augusti kl. 18.", "Mötet om trafiken äger rum den 22/10 kl. 19.")
    False
    """
    if kind != "date":
        return True
    words = [{t for t in terms(s) if len(t) > 2 and not t.isdigit() and t not in _calendar()} for s in (a, b)]
    return bool(words[0] & words[1])


def _doc(cand) -> str:
    return cand.node.node.metadata.get("doc_id", "")


def _date(cand) -> str:
    return cand.node.node.metadata.get("date", "") or ""


def disagreeing(question: str, found: list, chosen: list, threshold: float) -> list:
    """``chosen``, plus the best accepted sentence of another article giving another value; newest first."""
    kind = question_kind(question)
    if not chosen or kind not in DISAGREEING_KINDS:
        return chosen
    given = [fold(short_answer(question, c.sentence, kind)) for c in chosen]
    values = {_doc(c): v for c, v in reversed(list(zip(chosen, given))) if v}  # each article's first value
    if any(_disagree(kind, a, b) for a in values.values() for b in values.values()):
        return sorted(chosen, key=_date, reverse=True)  # the quotes already disagree: newest first, stable
    value = given[0]
    docs = {_doc(c) for c in chosen}
    others = sorted((c for c in found if c.score >= threshold and _doc(c) not in docs), key=lambda c: -c.score)
    for cand in others:
        other = fold(short_answer(question, cand.sentence, kind))
        if value and other and other != value and _same_subject(kind, chosen[0].sentence, cand.sentence):
            return sorted([*chosen, cand], key=_date, reverse=True)
    return chosen


@dataclass
class _Stub:
    """A candidate for the doctests: a sentence, its article and date, its score."""

    sentence: str
    doc_id: str
    date: str
    score: float

    @property
    def node(self):
        from types import SimpleNamespace

        return SimpleNamespace(node=SimpleNamespace(metadata={"doc_id": self.doc_id, "date": self.date}))
