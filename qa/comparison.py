"""Words said together across "jämfört med": a comparison's second figure takes the first one's verb and noun.

"I år anmäldes 96 inbrott, jämfört med 118 under samma period i fjol" says that 118 inbrott were
reported last year: the claim "I fjol anmäldes 118 inbrott" joins "fjol" and "anmäldes" in the other
order than the passage, across the comparison. Swedish language, not facts of any article.

>>> from qa.support import Window
>>> w = Window("I år anmäldes 96 inbrott, jämfört med 118 i fjol.", "I år anmäldes 96 inbrott, jämfört med 118 i fjol.")
>>> compared(w, 9, 2), compared(w, 2, 9), compared(w, 9, 8)
(True, True, False)
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from qa.support import Window

COMPARING = ("jamfort", "med")  # folded, as the window's tokens are


def compared(window: Window, i: int, j: int) -> bool:
    """Positions ``i`` and ``j`` stand in one sentence on the two sides of its "jämfört med"."""
    first, last = min(i, j), max(i, j)
    if window.sentence_of[first] != window.sentence_of[last]:
        return False
    between = window.tokens[first + 1 : last]
    return any(pair == COMPARING for pair in zip(between, between[1:]))
