"""Who speaks a quoted paragraph: Swedish news sets a quote off with a dash and names its speaker once, at its end.

"– Vi har byggt, men befolkningen har vuxit. Det är fler barn än vi räknat med, säger Annika Ek,
förskolechef." Annika Ek says both sentences, though her name stands in the second only. A language and
typography rule, not facts of any article.

>>> text = "Kön växer.\\n\\n– Vi har byggt. Det är fler barn nu, säger Annika Ek, förskolechef.\\n\\nHon slutar i maj."
>>> [speaker(text, text.index(s)) for s in ("Kön", "Vi har", "Det är", "Hon")]
['', 'Annika Ek, förskolechef.', 'Annika Ek, förskolechef.', '']
"""

from __future__ import annotations

import re

PARAGRAPH = re.compile(r"\n\s*\n")
DASHES = ("–", "—", "-")  # a paragraph opening with one of these is a quote
# The verb that names a quote's speaker after it ("..., säger Annika Ek"); the last one in the paragraph.
SAYS = re.compile(r"\b(?:säger|sade|sa|berättar|berättade|förklarar|förklarade|konstaterar|uppger|menar)\s+", re.I)


def speaker(text: str, at: int) -> str:
    """The words naming the speaker of the quoted paragraph that holds position ``at``, or ""."""
    start = 0
    for gap in PARAGRAPH.finditer(text):
        if gap.start() >= at:
            break
        start = gap.end()
    end = next((g.start() for g in PARAGRAPH.finditer(text, at)), len(text))
    paragraph = text[start:end]
    said = list(SAYS.finditer(paragraph))
    if not paragraph.lstrip().startswith(DASHES) or not said:
        return ""
    return paragraph[said[-1].end() :].strip()
