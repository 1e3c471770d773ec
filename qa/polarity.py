"""Polarity of a sentence: is it negated, and which way does it say something went?

A generated sentence that agrees with its passage word for word except for an
``inte`` or a ``minska`` where the passage has ``öka`` says the opposite. These
are language tables (Swedish and English), not facts about any article.

>>> negated("Kommunen har inte fattat något beslut."), negated("Inte minst i Malmö syns det.")
(True, False)
>>> sorted(directions("Antalet anställda ökade kraftigt"))
['up']
>>> sorted(directions("They decided to cut the budget and close two schools"))
['close', 'down']
>>> contradicts("Arbetslösheten minskade till 6 procent.", "Arbetslösheten ökade till 6 procent.")
True
"""

from __future__ import annotations

import re

from textkit.text import content_words, stem

# A negation word anywhere in the clause; "ingen/inga" and "no/none" deny a quantity too.
NEGATION = re.compile(
    r"\b(inte|icke|ej|aldrig|ingen|inget|inga|ingenting|knappast|varken|"
    r"not|no|never|none|nothing|neither|nor|cannot|\w+n't)\b",
    re.I,
)
# Idioms that contain a negation word but affirm: "inte minst" = "especially".
NOT_NEGATIONS = re.compile(
    r"\b(inte minst|inte bara|icke desto mindre|inte heller minst|ingen mindre än|"
    r"not only|not least|no less than|nonetheless|nevertheless)\b",
    re.I,
)

# Axis -> (one side, the opposite side); each side a regex of word beginnings.
# Word beginnings, because Swedish inflects and compounds: "ökade", "ökningen", "höjningen".
DIRECTION_AXES: dict[str, tuple[tuple[str, str], tuple[str, str]]] = {
    "amount": (
        (
            "up",
            r"ök(a|ar|ade|at|ad|t|ning)|höj|stig|steg\b|växa|växer|växte|fler\b|mer\b|större|fördubbl|dubbelt\b|"
            r"increas|rais|rise|rose|risen|grow|grew|more\b|higher|double",
        ),
        (
            "down",
            r"minsk|sänk|sjunk|sjönk|krymp|färre|mindre|halver|skär(a|er|s)? ned|skär(a|er|s)? ner|"
            r"decreas|reduc|cut(s|ting)?\b|falls?\b|falling|fell\b|drop(s|ped|ping)?\b|shrink|shrank|fewer|less\b|lower|halve",
        ),
    ),
    "comparison": (
        ("above", r"över\b|överst|mer än|fler än|minst\b|above|over\b|more than|at least"),
        ("below", r"under\b|understig|mindre än|färre än|högst\b|below|under\b|less than|at most"),
    ),
    "existence": (
        (
            "open",
            r"start|inför(a|de|t|s|ande)\b|öppn|invig|bygg(a|er|s|de|t)\b|anställ(a|er|de|ts|s)\b|nyanställ(a|er|de|ts|s)\b|lansera|"
            r"begin|began|begun|open|launch|introduc|build|built|hire",
        ),
        (
            "close",
            r"avveckl|avskaff|stäng|lägg(a|er|s)? ned|lägg(a|er|s)? ner|lades ned|lades ner|riv(a|er|s|its?|ning)\b|rev(s)?\b|varsl|"
            r"säga upp|sägs upp|sades upp|nedläg|upphör|stop|clos|shut|abolish|demolish|lay off|laid off|fire",
        ),
    ),
    "verdict": (
        ("yes", r"godkän|beviljad|bevilja|tillåt|tillät|vann|vinn|bifall|approv|grant|allow|won|win"),
        (
            "no",
            r"avslå|avslog|avslag|förbjud|förlor|förlust|reject|refus|ban(s|ned|ning)?\b|lost\b|lose[sd]?\b|losing|deni|deny",
        ),
    ),
}
# Where one clause ends and the next begins: punctuation inside a sentence, or a word that joins clauses.
CLAUSE_BREAK = re.compile(
    r"[,;:–—]?\s(?:och|men|medan|samt|eftersom|vilket|där|som|and|but|while|which|who|whereas)\s|[,;:–—]\s", re.I
)
# A word that makes what follows the cause of what comes before ("X eftersom Y"), or, leading the
# sentence, of the clause after it ("Eftersom Y, X").
CAUSE = re.compile(r"\b(eftersom|därför att|på grund av|tack vare|because|since|due to)\b", re.I)
_SIDES = {
    side: re.compile(rf"\b({pattern})", re.I) for (one, two) in DIRECTION_AXES.values() for side, pattern in (one, two)
}


def negated(text: str) -> bool:
    """Whether the text denies something (idioms such as "inte minst" do not count)."""
    return bool(NEGATION.search(NOT_NEGATIONS.sub(" ", text)))


def directions(text: str) -> set[str]:
    """The sides of every direction axis the text takes ("up", "close", ...)."""
    return {side for side, pattern in _SIDES.items() if pattern.search(text)}


def contradicts(sentence: str, support: str) -> bool:
    """The sentence's polarity or direction disagrees with the supporting text.

    A negation in one and not the other, or a direction (up, close, ...) the
    sentence takes and the support does not, is a contradiction: a support that
    says "from 340 to 512" does not back "ökade" (conservative: such a sentence
    is dropped, the extractive answer still quotes the passage).

    >>> contradicts("Skolan ska inte stänga.", "Skolan ska stänga i juni.")
    True
    >>> contradicts("Fler bussar sätts in.", "Trafikbolaget sätter in fler bussar.")
    False
    """
    if _negation_differs(sentence, support) or cause_reversed(sentence, support):
        return True
    said, backed = directions(sentence), directions(support)
    return any(side not in backed for side in said)


def clauses(text: str) -> list[str]:
    """The text cut at commas, dashes and clause-joining words, so a negation stays with its own clause.

    >>> clauses("Butiken har öppet dygnet runt, men kassan är stängd om ingen personal finns.")
    ['Butiken har öppet dygnet runt', 'kassan är stängd om ingen personal finns.']
    """
    return [part.strip() for part in CLAUSE_BREAK.split(text) if part and part.strip()]


def _negation_differs(sentence: str, support: str) -> bool:
    """A negated support clause the sentence draws on, with no negation in the sentence's clauses on it,
    or a negated sentence clause whose words the support only says without negation.

    Clause by clause, because a passage sentence often negates one clause and affirms the next:
    "Båten sjönk 1890 och har aldrig hittats" backs "Båten sjönk 1890".

    >>> _negation_differs("Båten sjönk 1890.", "Båten sjönk 1890, men den har aldrig hittats.")
    False
    >>> _negation_differs("Butiken har inte öppet.", "Butiken har öppet dygnet runt, men kassan är inte bemannad.")
    True
    """

    def parts(text: str) -> list[tuple[set[str], bool]]:
        return [({stem(w) for w in content_words(c)}, negated(c)) for c in clauses(text)]

    said, source = parts(sentence), parts(support)
    dropped = any(
        denied and any(words & w for w, _ in said) and not any(d and words & w for w, d in said)
        for words, denied in source
    )
    added = any(denied and not any(d and words & w for w, d in source) for words, denied in said)
    return dropped or added


def cause_reversed(sentence: str, support: str) -> bool:
    """The sentence gives as the cause what the support gives as the effect.

    Both must name a cause (``CAUSE``). In the support, a leading cause word makes the first
    clause the cause; otherwise the cause follows the word. The sentence's own two sides must
    then stand that way round in the support.

    >>> cause_reversed("Kostnaden ökade eftersom lånet växte.", "Eftersom kostnaden ökade har lånet vuxit.")
    True
    >>> cause_reversed("Lånet växte eftersom kostnaden ökade.", "Eftersom kostnaden ökade har lånet vuxit.")
    False
    """
    sides, found = _cause_sides(sentence), CAUSE.search(support)
    if sides is None or found is None:
        return False
    stems = [stem(w) for w in content_words(support)]
    effect, cause = ([stems.index(w) for w in side if w in stems] for side in sides)
    if not effect or not cause:
        return False
    if support[: found.start()].strip():  # "X eftersom Y": the cause is after the word
        at = len(content_words(support[: found.start()]))
        return sum(i >= at for i in cause) < sum(i >= at for i in effect)
    return min(cause) > min(effect)  # "Eftersom Y ... X": the cause comes first


def _cause_sides(sentence: str) -> tuple[set[str], set[str]] | None:
    """(effect, cause) stems of a sentence that names a cause, or None (also when it cannot be cut)."""
    found = CAUSE.search(sentence)
    if found is None:
        return None
    before, after = sentence[: found.start()], sentence[found.end() :]
    if not before.strip():  # "Eftersom Y, X"
        if "," not in after:
            return None
        after, before = after.split(",", 1)
    effect, cause = ({stem(w) for w in content_words(part)} for part in (before, after))
    return effect - cause, cause - effect
