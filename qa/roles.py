"""Roles traded between two words of the claim: each stands where the support has the other.

A Swedish sentence marks who does what by word order and little words ("rapportera till X",
"X hittade", "efter A och X"). A claim whose words are all in the support may still give each
role to the other ("Skolan ska rapportera till kommunen" where the town reports to the school),
count with a figure what the support counts with another, or make the one who tells the doer.
Language rules (word order, closed word classes), not facts about any article.
"""

from __future__ import annotations

from textkit.figures import counted, joined_numbers, partitives
from textkit.figures import key as _key
from textkit.figures import keys as _keys
from textkit.text import CALENDAR_SV, TOKEN
from textkit.text import little as _little
from textkit.wordclasses import (
    AMOUNTS,
    COORDINATORS,
    FIGURE_HEDGES,
    FRONTED,
    PREPOSITIONS,
    REFLEXIVE,
    REPORTING,
    TIME,
    reflexive_after,
    tells_of,
)

# Time words and day and month names, as compared: a trade with one is an adverbial of time moved.
WHEN = TIME | frozenset(CALENDAR_SV.split())
# What joins a list's last two members (a comma leaves no token); compared by ``keys``.
JOINS = frozenset({"och", "eller", "samt", "and", "or"})


def words_of(text: str) -> list[str]:
    """Tokens, a name of several capitalised words ("Region Norrland") as one."""
    found: list[str] = []
    for token in TOKEN.findall(joined_numbers(text)):
        if found and token[:1].isupper() and found[-1][:1].isupper() and not _little(found[-1]):
            found[-1] += " " + token
        else:
            found.append(token)
    return found


def slots(text: str) -> set[tuple[str, str, str, str]]:
    """(side, word, little words between, filler): the content word right after or before each word, with at
    most one little word between ("till" -> "kommunen", "betala" <- "bussar ska"). A word right after a
    preposition (``PREPOSITIONS``) neither fills nor marks a slot: the verb may stand on either side of it
    (and the word before one fills none);
    nor does a word joining clauses (``COORDINATORS``): what follows one opens a new part, in any order;
    nor an adverb that may open a clause (``FRONTED``): "nu" stands first, after the verb or last alike."""
    words = words_of(text)
    found = set()
    for i, word in enumerate(words):
        adverbial = i > 0 and words[i - 1].lower() in PREPOSITIONS or word.lower() in COORDINATORS | FRONTED
        for gap in (0, 1):
            j = i + 1 + gap
            if (
                j < len(words)
                and words[j].lower() not in FRONTED
                and all(_little(w) and w.lower() not in COORDINATORS for w in words[i + 1 : j])
            ):
                between = " ".join(words[i + 1 : j])
                if _fills(words[j]) and not adverbial:
                    found.add(("after", _key(word), between, _key(words[j])))
                # A preposition's phrase may follow any word (the verb, its object, the subject of a clause
                # that leaves the verb out: "och kvinnan till två år"), so the word before one holds no role.
                if _fills(word) and not adverbial and words[j].lower() not in PREPOSITIONS:
                    found.add(("before", _key(words[j]), between, _key(word)))
    return found | _inverted(words) | _agents(words)


def _fills(word: str) -> bool:
    """A word that can fill a role: a content word, not a preposition ("före" is one) or a joining word."""
    return not _little(word) and word.lower() not in PREPOSITIONS | COORDINATORS


def _inverted(words: list[str]) -> set[tuple[str, str, str, str]]:
    """The subject after the verb of a clause opened by an adverb (``FRONTED``), in the slot before the verb."""
    return {
        ("before", _key(verb), "", _key(subject))
        for adverb, verb, subject in zip(words, words[1:], words[2:])
        if adverb.lower() in FRONTED and not _little(verb) and not _little(subject)
    }


def _agents(words: list[str]) -> set[tuple[str, str, str, str]]:
    """A passive's doer ("lämnades av styrelsen") in the slot before its verb, where an active sentence
    has it ("styrelsen lämnade"): the -s form with "av" after it. Each content word of the doer's phrase,
    as the active has its last one before the verb ("av den nya styrelsen", "av barn- och fritidsnämnden")."""
    return {
        ("before", _key(verb), "", _key(doer))
        for i, (verb, av) in enumerate(zip(words, words[1:]))
        if len(verb) > 4 and verb.endswith("s") and not verb.endswith("ss") and av.lower() == "av"
        for doer in _phrase(words[i + 2 : i + 2 + PHRASE])
    }


PHRASE = 4  # words of a noun phrase looked at: "den nya styrelsen", "barn- och fritidsnämnden"


def _phrase(words: list[str]) -> list[str]:
    """The content words of a noun phrase: past an article and across a joining word, up to a preposition."""
    found = []
    for word in words:
        if word.lower() in PREPOSITIONS:
            break
        found += [word] if not _little(word) else []
    return found


def roles_traded(sentence: str, support: str) -> bool:
    """Two words of the claim trade places: where the claim has one, the support has the other, and back.
    Members of one list ("Malmö och Lund") may come in any order, and so may a time ("förra året").

    >>> roles_traded("Skolan ska rapportera till kommunen.", "Kommunen ska rapportera till skolan.")
    True
    >>> roles_traded("Ökningen gäller Lund och Malmö.", "Ökningen gäller Malmö och Lund.")
    False
    """
    said, backed = slots(sentence), slots(support)
    theirs: dict[tuple[str, str, str], set[str]] = {}
    for side, word, between, filler in backed:
        theirs.setdefault((side, word, between), set()).add(filler)
    moved = {
        (filler, other)
        for side, word, between, filler in said - backed
        for other in theirs.get((side, word, between), set())
        if other != filler and (side, word, between, other) not in said
    }
    listed = _listed(sentence) | _listed(support)
    return any((b, a) in moved and (a, b) not in listed and not {a, b} & _keys(WHEN) for a, b in moved)


def _listed(text: str) -> set[tuple[str, str]]:
    """Pairs of words that stand side by side in a list ("A, B och C"): both orders."""
    keys = [_key(w) for w in words_of(text)]
    pairs = set()
    for i in range(len(keys)):
        for j in range(i + 1, min(i + 3, len(keys))):
            if all(k in _keys(JOINS) for k in keys[i + 1 : j]):
                pairs |= {(keys[i], keys[j]), (keys[j], keys[i])}
    return pairs


def _same_thing(ours: set[str], theirs: set[str]) -> bool:
    return any(a in b or b in a for a in ours for b in theirs)


def figure_moved(sentence: str, support: str) -> bool:
    """A figure of the claim counts another thing than the same figure does in the support: "30 bussar"
    where the support has "30 förare" (and "18 bussar"), or "300 liter olja" where the support counts
    exactly that with another figure and "300 liter dieselolja". Not a label: a figure after the same
    noun in both ("årskurs 6", "vecka 38") names, it does not count, so what follows it is free.

    >>> figure_moved("Kommunen har 22 bussar.", "Kommunen har 22 anställda och 40 bussar.")
    True
    >>> figure_moved("Kommunen har 22 nya anställda.", "Kommunen har 22 anställda och 40 bussar.")
    False
    """
    theirs, mine, parts = counted(support), counted(sentence), partitives(sentence)
    for figure, things in mine.items():
        # What another figure of the support counts, word for word ("120 liter olja").
        others = [t for f, ts in theirs.items() if f not in mine for _, t in ts]
        for before, ours in things:
            here = [t for b, t in theirs.get(figure, []) if t and not _label(before, b)]
            if ours and here and not any(_same_thing(ours, t) for t in here):
                return True
            counts = [t for _, t in theirs.get(figure, []) if t]  # a label's words too: an exact match is no label
            # Not "35 av bussarna": a figure with "av" after it counts a part of a set another figure counts.
            if ours and counts and ours not in counts and ours in others and figure not in parts:
                return True
    return False


def _label(before: str, theirs: str) -> bool:
    """The same word stands before the figure in claim and support, and it is no figure's hedge ("omkring")."""
    return bool(before) and before == theirs and before not in _keys(FIGURE_HEDGES)


ATT_WITHIN = 3  # tokens after the verb: "larmade om att", "menar alltså att"


def speaker_as_doer(sentence: str, support: str) -> bool:
    """The claim makes the one who reports or believes something in the support ("Vakten tror att tjuvarna
    kom med bil") the doer of it ("Vakten kom med bil"): the name stands before a verb in the claim (or
    after a passive's "av"), and in the support only before a reporting verb with "att" after it, or after
    a preposition ("enligt vakten"). A claim that reports ("tror", "enligt") keeps the speaker's role.

    >>> speaker_as_doer("Polisen har stängt vägen.", "Polisen tror att kommunen har stängt vägen.")
    True
    >>> speaker_as_doer("Polisen tror att vägen är stängd.", "Polisen tror att kommunen har stängt vägen.")
    False
    """
    claim = [w.lower() for w in words_of(sentence)]
    if REPORTING & set(claim) or "enligt" in claim:
        return False
    source = [w.lower() for w in words_of(support)]
    speakers = {_key(w) for i, w in enumerate(source[:-1]) if _reports(source, i + 1) and not _little(w)}
    for speaker in speakers:
        places = [i for i, w in enumerate(source) if _key(w) == speaker]
        only_speaks = all(_reports(source, i + 1) or (i and source[i - 1] in PREPOSITIONS) for i in places)
        acts = any(_key(w) == speaker and _doer(claim, i) for i, w in enumerate(claim))
        if only_speaks and acts:
            return True
    return False


def _reports(words: list[str], i: int) -> bool:
    """A reporting verb at ``i`` with "att" after it, whose clause is not told of the speaker itself
    ("Rektorn berättar att hon började 1990", "Kommunen meddelar att den ...": the one who tells). A
    perfect tense's "har" may stand at ``i`` ("Polisen har meddelat att"), the speaker still before it."""
    speaker = words[i - 1] if i else ""
    i += i + 1 < len(words) and words[i] in ("har", "hade")
    if i >= len(words) or words[i] not in REPORTING or "att" not in words[i + 1 : i + 1 + ATT_WITHIN]:
        return False
    following = words[i + 1 : i + 2 + ATT_WITHIN]
    at = following.index("att")
    return not tells_of(words[i + 2 + at : i + 4 + at], speaker)


def _doer(words: list[str], i: int) -> bool:
    """The word at ``i`` does what the clause tells: a passive's "av" before it, or as the subject, no
    preposition before it and a verb, not a preposition, after it."""
    before = words[i - 1] if i else ""
    if before == "av":
        return True
    return before not in PREPOSITIONS and i + 1 < len(words) and words[i + 1] not in PREPOSITIONS


def amount_moved(sentence: str, support: str) -> bool:
    """The claim says "fler"/"färre" of another thing than the support: "Cyklarna har blivit färre" where
    the support has "färre stölder av cyklar". The support's comparative stands before its phrase; the claim
    has the comparative and none of that phrase's words ("färre nya fall": an adjective may stand between).

    >>> amount_moved("Bussarna har blivit färre.", "Det har blivit färre olyckor med bussar.")
    True
    >>> amount_moved("Olyckorna med bussar har blivit färre.", "Det har blivit färre olyckor med bussar.")
    False
    """
    claim = [w.lower() for w in words_of(sentence)]
    source = [w.lower() for w in words_of(support)]
    said = {_key(w) for w in claim}
    nouns: dict[str, list[str]] = {}
    # What the comparative says of: the content words after it, an adjective too ("färre nya fall").
    for i, word in enumerate(source):
        phrase = _compared(source[i + 1 : i + 1 + PHRASE])
        if word in AMOUNTS and word in claim and phrase:
            nouns.setdefault(word, []).extend(_key(noun) for noun in phrase)
    return any(not any(_names(k, noun) for noun in found for k in said) for found in nouns.values())


def _names(word: str, noun: str) -> bool:
    """The claim's word names the noun: the same, or a part of a compound ("olyckor", "viltolyckor"); a
    short word ("el") only as itself, or it would be found inside any word."""
    return word == noun or len(word) > 2 and (noun in word or word in noun)


def _compared(words: list[str]) -> list[str]:
    """The content words at the start of ``words``, up to the first little word."""
    found = []
    for word in words:
        if _little(word):
            break
        found.append(word)
    return found


def reflexive_dropped(sentence: str, support: str) -> bool:
    """The support's verb is reflexive ("40 elever anmälde sig") and the claim uses it without the
    pronoun and with a doer of its own before it ("Skolan anmälde 40 elever"): a word the support
    does not have next to that verb. A pronoun as the doer ("Hon skadade foten" for "Hon skadade sig i
    foten") is the same one.

    >>> reflexive_dropped("Kommunen anmälde 40 elever.", "Då anmälde sig 40 elever.")
    True
    >>> reflexive_dropped("Då anmälde sig 40 elever.", "Då anmälde sig 40 elever.")
    False
    """
    claim, source = [w.lower() for w in words_of(sentence)], [w.lower() for w in words_of(support)]
    reflexive = {_key(w) for k, w in enumerate(source) if reflexive_after(source, k) and not _little(w)}
    plain = {_key(w) for i, w in enumerate(source) if not REFLEXIVE & set(source[i + 1 : i + 3])}
    # Who does it in the support: the word before the verb, or the words after "sig" (V2: "anmälde sig 40 elever").
    doers = {
        _key(w)
        for i, w in enumerate(source)
        for j in (i + 1, i - 2, i - 3)
        if 0 <= j < len(source) and _key(source[j]) in reflexive
    }
    return any(
        _key(w) in reflexive - plain and not _little(claim[i - 1]) and _key(claim[i - 1]) not in doers
        for i, w in enumerate(claim)
        if i and not REFLEXIVE & set(claim[i + 1 : i + 3])
    )
