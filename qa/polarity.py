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
>>> directions("Priserna föll under de senaste åren"), directions("Priserna ligger under det nationella snittet")
({'down'}, {'below'})
>>> contradicts("Arbetslösheten minskade till 6 procent.", "Arbetslösheten ökade till 6 procent.")
True
"""

from __future__ import annotations

import re

from textkit.change import figure_change
from textkit.contrast import contrasted
from textkit.text import TOKEN, content_words, stem
from textkit.verbs import HEDGES, PLAN, lemma, tense_pair
from textkit.wordforms import change

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
CAUSE = re.compile(r"\b(eftersom|därför att|på grund av|tack vare|till följd av|beror på|because|since|due to)\b", re.I)
# "Orsaken till X är Y" says "X beror på Y": read so, the cause stands after "beror på" on both sides.
REASON = re.compile(r"\b(?:orsaken|anledningen) till (?:att )?(?P<effect>[^.,;]+?) (?:är|var) (?:att )?", re.I)
# A word that makes what follows the effect of what comes before: "X, vilket gjorde att Y", "X fick Y att
# stiga", "X ledde till Y", "X, så att Y", "X; därför Y".
EFFECT = re.compile(
    r"\b(gjorde att|gör att|ledde till|leder till|lett till|så att|med följd att|därför(?! att)|orsakade|"
    r"(?:fick|får)(?= (?:(?!(?:efter|för|innan|utan)\b)\w+ ){1,3}att\b)|therefore|led to|so that|caused)\b",
    re.I,
)
# "under" of time is "during", not "below": before a time word or a determiner of a span ("under de
# senaste åren", "under samma period", "under helgen"). Not before a figure: "under 2000 besökare" is below.
DURING = re.compile(
    r"\bunder (?=(de (senaste|sista|första)|samma|hela|förra|nästa|årets|\w*(dagen|dagarna|natten|veckan|veckorna|"
    r"perioden|året|åren|kvällen|helgen|kvartalet|månaden|månaderna|våren|sommaren|hösten|vintern|morgonen))\b)",
    re.I,
)
_SIDES = {
    side: re.compile(rf"\b({pattern})", re.I) for (one, two) in DIRECTION_AXES.values() for side, pattern in (one, two)
}


def negated(text: str) -> bool:
    """Whether the text denies something (idioms such as "inte minst" do not count)."""
    return bool(NEGATION.search(NOT_NEGATIONS.sub(" ", text)))


def directions(text: str) -> set[str]:
    """The sides of every direction axis the text takes ("up", "close", ...); a verb of change by its
    forms too ("vuxit", "föll", see ``textkit.wordforms``), as the claim may say it with another verb."""
    verbs, text = {change(word) for word in TOKEN.findall(text)} - {None}, DURING.sub("", text)
    return {side for side, pattern in _SIDES.items() if pattern.search(text)} | verbs


def contradicts(sentence: str, support: str, context: str = "") -> bool:
    """The sentence's polarity or direction disagrees with the supporting text.

    A negation in one and not the other, or a direction (up, close, ...) the
    sentence takes and the support does not, is a contradiction: a support that
    says "from 340 to 512" does not back "ökade" (conservative: such a sentence
    is dropped, the extractive answer still quotes the passage).

    >>> contradicts("Skolan ska inte stänga.", "Skolan ska stänga i juni.")
    True
    >>> contradicts("Fler bussar sätts in.", "Trafikbolaget sätter in fler bussar.")
    False
    >>> contradicts("Bristen beror på förseningen.", "Orsaken till bristen är förseningen.")
    False
    """
    if _negation_differs(sentence, support) or tense_differs(sentence, support):
        return True
    cause, source = REASON.sub(r"\g<effect> beror på ", sentence), REASON.sub(r"\g<effect> beror på ", support)
    if cause_reversed(cause, source) or _cause_added(cause, source):
        return True
    # The way the claim's two figures go in the support (with its neighbours, ``context``) is a direction too.
    said, backed = directions(sentence), directions(support) | {figure_change(sentence, context or support)}
    return any(side not in backed for side in said)


def clauses(text: str) -> list[str]:
    """The text cut at commas, dashes and clause-joining words, so a negation stays with its own clause.

    >>> clauses("Butiken har öppet dygnet runt, men kassan är stängd om ingen personal finns.")
    ['Butiken har öppet dygnet runt', 'kassan är stängd om ingen personal finns.']
    """
    return [cut for part in CLAUSE_BREAK.split(text) if part and part.strip() for cut in contrasted(part.strip())]


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

    Both must name a cause (``CAUSE``) or an effect (``EFFECT``). Each side's words are sorted into
    cause and effect (``_roles``); the sentence is reversed when more of its words stand on the other
    side in the support than on their own. Where neither text can be cut ("Eftersom A steg växte B"),
    the first word of each cause clause that the other text also has must be the same.

    >>> cause_reversed("Kostnaden ökade eftersom lånet växte.", "Eftersom kostnaden ökade har lånet vuxit.")
    True
    >>> cause_reversed("Lånet växte eftersom kostnaden ökade.", "Eftersom kostnaden ökade har lånet vuxit.")
    False
    >>> cause_reversed("Eftersom lånet växte ökade kostnaden.", "Eftersom kostnaden ökade har lånet vuxit.")
    True
    >>> cause_reversed("Lånet växte, vilket gjorde att kostnaden ökade.", "Kostnaden ökade, vilket gjorde att lånet växte.")
    True
    """
    said, backed = _roles(sentence, support), _roles(support, sentence)
    if said is None or backed is None:
        return False
    (cause, effect), (their_cause, their_effect) = said, backed
    if not effect and not their_effect:  # neither cut: compare what each names as the cause first
        return bool(cause and their_cause) and cause[0] != their_cause[0]
    swapped = len(set(cause) & set(their_effect)) + len(set(effect) & set(their_cause))
    return swapped > len(set(cause) & set(their_cause)) + len(set(effect) & set(their_effect))


def _cause_added(sentence: str, support: str) -> bool:
    """The sentence links its facts as cause and effect ("A, vilket fick B att växa"), the support does not:
    two facts side by side are not one causing the other.

    >>> _cause_added("Hyrorna steg, så att föreningen växte.", "Hyrorna steg och föreningen växte.")
    True
    """
    return _linked(sentence) and not _linked(support)


def _linked(text: str) -> bool:
    return bool(CAUSE.search(text) or EFFECT.search(text))


def _roles(text: str, other: str) -> tuple[list[str], list[str]] | None:
    """(cause, effect) words of ``text`` that ``other`` has too, in order; None without a cause word.

    "X eftersom Y", "Eftersom Y, X": Y is the cause. "X, vilket gjorde att Y", "X fick Y att ...": X is.
    A leading cause word with no comma leaves the cut unknown: all is cause, and only its first word
    counts (the cause clause's subject)."""
    found = CAUSE.search(text) or EFFECT.search(text)
    if found is None:
        return None
    shared = {_key(w) for w in content_words(other)}

    def words(part: str) -> list[str]:
        return [k for k in dict.fromkeys(_key(w) for w in content_words(part)) if k in shared]

    before, after = text[: found.start()], text[found.end() :]
    if before.strip():
        first, second = words(before), words(after)
        cause, effect = (second, first) if CAUSE.fullmatch(found.group()) else (first, second)
    elif "," in after:
        cause, effect = (words(part) for part in after.split(",", 1))
    else:
        cause, effect = words(after)[:1], []
    return [w for w in cause if w not in effect], [w for w in effect if w not in cause]


def _key(word: str) -> str:
    """One key for a word's forms: a strong verb's infinitive ("vuxit", "växte"), else its stem."""
    return lemma(word) or stem(word)


def tense_differs(sentence: str, support: str) -> bool:
    """A plan told as done, a thing done told as a plan, or a maybe told as certain.

    "Kommunen sålde skolan" against "Kommunen ska sälja skolan": every form of the sentence's past verb
    in the support follows a plan word in its clause (``PLAN``: "ska", "vill", "föreslår", "kommer
    att"). "Skolan ska stängas" against "Skolan stängdes": every form in the support is past, and the
    support plans nothing (a goal it names may be what the sentence's "ska" tells). "Skolan ska stängas"
    against "Skolan kan komma att stängas": every form in the support is hedged (``HEDGES``).

    >>> done, plan = "Skolan stängdes i fjol och ska rivas.", "Bolaget vill ta över driften."
    >>> tense_differs("Bolaget tog över driften.", plan), tense_differs("Skolan ska stängas.", "Skolan stängdes.")
    (True, True)
    >>> tense_differs("Skolan stängdes i fjol.", done), tense_differs("Bolaget ska ta över driften.", plan)
    (False, False)
    """
    backed, planning = _forms(support, HEDGES), any(mood == "plan" for _, mood in _forms(support, HEDGES))
    for word, mood in _forms(sentence, HEDGES | {"kan", "kunna", "kunde", "skulle"}):
        pairs = [(tenses, theirs) for other, theirs in backed if (tenses := tense_pair(word, other))]
        if not pairs:
            continue
        if mood not in ("maybe", "hedged") and all(theirs == "hedged" for _, theirs in pairs):
            return True
        if not mood and all(past and theirs == "plan" and not their_past for (past, their_past), theirs in pairs):
            return True
        done = all(their_past and not theirs and not past for (past, their_past), theirs in pairs)
        if mood == "plan" and done and not planning:
            return True
    return False


def _forms(text: str, hedges: set[str]) -> list[tuple[str, str]]:
    """Each word of the text (not the plan and hedge words) and what its clause makes it from there on:
    "plan" after a plan word, "maybe" after a hedge, and "hedged" the word right after the hedge (the
    verb it makes only possible: "kan komma att stängas"), else ""."""
    found = []
    for part in re.split(r"(?<=[.!?])\s+", text):
        for clause in clauses(part):
            words, mood = [w.lower() for w in TOKEN.findall(clause)], ""
            for i, w in enumerate(words):
                if w in hedges or words[i : i + 2] == ["kan", "komma"]:
                    mood = "hedged"
                elif w in PLAN and (w != "kommer" or words[i + 1 : i + 2] == ["att"]):
                    mood = mood or "plan"
                elif w not in ("att", "komma") or not mood:
                    found.append((w, mood))
                    mood = "maybe" if mood == "hedged" else mood
    return found
