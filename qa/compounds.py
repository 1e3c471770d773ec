"""Where a Swedish compound stands in a passage that writes only its last part there.

A Swedish compound's last part is its head: "mässdagarna" are days, "Willys-butiker" are shops. A
claim may name the thing by the compound where the supporting sentence has the head alone, its first
part said before it and the head definite ("Mässan var lugn. Under de två dagarna ...": it points back).
The compound then stands where its head stands, for the check that words said together stand together
(``qa.support``). A first part said only after the head is some other thing of the passage:
"polisdagarna" is not "dagarna, och polisen grep ...", nor "besöksdagarna" "dagarna kom 900 besökare";
unless a preposition right after the head opens it, the compound written out ("bränder i skog" for
"skogsbränder", "butiker inom Willys och Hemköp" for "Hemköp-butiker").

>>> from qa.support import Window
>>> said = ["Mässan var lugn.", "Under de fyra dagarna kom 900 besökare."]
>>> w = Window(said[1], " ".join(said), said)
>>> head_positions(w, "mässdagarna"), head_positions(w, "mäss-dagarna"), head_positions(w, "vinterdagarna")
([6], [6], [])
>>> head_positions(w, "besöksdagarna")
[]
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from textkit.text import fold, little
from textkit.wordclasses import PREPOSITIONS
from textkit.wordshape import compound_tail

if TYPE_CHECKING:
    from qa.support import Window

PREPOSITION = {fold(p) for p in PREPOSITIONS}  # as the window's tokens are
WRITTEN_OUT = 4  # tokens: the first part at most this far after the head, behind its preposition
# A definite head points back to what was said before ("dagarna": the fair's days); an indefinite one
# is new, a thing of its own ("två fall av stöld" after "inga fall av sjukdom" are no "sjukdomsfall").
DEFINITE = re.compile(r"(en|et|na)$")
MIN_HEAD = 4  # letters of the last part: shorter ones ("år", "dag") are too often a syllable of another word


def head_positions(window: Window, word: str) -> list[int]:
    """Where the compound's head stands in the window with its first part(s) before it; [] for a word that
    is no such compound there."""
    if "-" in word:  # written with a hyphen: the last part is the head
        *firsts, last = [part for part in word.split("-") if part]
        return _anchored(window, firsts, last) if firsts else []
    for split in range(MIN_HEAD - 1, len(word) - MIN_HEAD + 1):
        first, head = word[:split], word[split:]
        firsts = {f for f in (first, first.rstrip("s")) if not little(f)}  # not "vår" (our) in "vårdagarna"
        if compound_tail(first, head) and (where := max((_anchored(window, [f], head) for f in firsts), default=[])):
            return where
    return []


def _anchored(window: Window, firsts: list[str], head: str) -> list[int]:
    """The head's positions that each first part stands before, or after behind a preposition. Written out
    so, the compound is the supporting sentence's own (or its antecedent's), as for ``Window._part_positions``:
    "fall av sjukdom" a sentence before "två fall av stöld" makes no "två sjukdomsfall"."""
    core = window.core_window
    out = core is None or core.covers("".join(firsts) + head)
    return [
        j
        for j in window.positions(head)
        if all(any(_leads(window, i, j, out) for i in window.positions(f)) for f in firsts)
    ]


def _leads(window: Window, i: int, j: int, written_out: bool) -> bool:
    """The word at ``i`` may be the first part of a compound whose head stands at ``j``."""
    return (i < j and bool(DEFINITE.search(window.tokens[j]))) or (
        written_out
        and i - j <= WRITTEN_OUT
        and window.tokens[j + 1] in PREPOSITION
        and window.sentence_of[i] == window.sentence_of[j]
    )


def names_head(roots: set[str], word_root: str) -> bool:
    """A word (its root) is one of ``roots``, or the head of a compound among them: "villainbrott" names
    "inbrott", burglaries; "rot" is too short a part to tell.

    >>> names_head({"villainbrot"}, "inbrot"), names_head({"villainbrot"}, "rot")
    (True, False)
    """
    return word_root in roots or any(
        len(word_root) >= MIN_HEAD and r.endswith(word_root) and compound_tail(r[: -len(word_root)], word_root)
        for r in roots
    )
