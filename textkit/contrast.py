"""Where a negation's reach ends inside a clause: Swedish grammar, not a fact of any article.

A negation in an "att" clause ("uppmanas att inte äta den") denies that clause alone; the verb it hangs
on is said. After a negation, "utan" opens what is said instead ("inte äta den utan lämna tillbaka den"):
"lämna" is affirmed. ``qa.polarity`` cuts its clauses here too, so a claim about the affirmed parts does
not read as dropping the negation, while one about the denied part still does. The preposition "utan"
("without") right after a negated verb is cut too, but the negation stays with that verb: "Det går inte
utan stöd" still denies "går".

>>> contrasted("Kunderna uppmanas att inte äta den utan lämna tillbaka den")
['Kunderna uppmanas', 'att inte äta den', 'lämna tillbaka den']
>>> contrasted("Det går inte utan stöd"), contrasted("Kunderna kan lämna tillbaka den utan kvitto")
(['Det går inte', 'stöd'], ['Kunderna kan lämna tillbaka den utan kvitto'])
"""

from __future__ import annotations

import re

NEGATIONS = r"(?:inte|icke|ej|aldrig)"
# Before an "att" clause that opens with its negation ("att inte äta").
DENIED_CLAUSE = re.compile(rf"\s(?=att\s+{NEGATIONS}\b)", re.I)
# A negation, then (in the same clause) the first "utan" after it.
INSTEAD = re.compile(rf"\b{NEGATIONS}\b.*?\s(utan)\s", re.I)


def contrasted(clause: str) -> list[str]:
    """The clause, cut before an "att" clause with its own negation and before the "utan" after one."""
    cuts = []
    for part in DENIED_CLAUSE.split(clause):
        match = INSTEAD.search(part)
        cuts += [part[: match.start(1)], part[match.end(1) :]] if match else [part]
    return [cut.strip() for cut in cuts if cut.strip()]
