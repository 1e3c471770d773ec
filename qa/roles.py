"""Roles traded between two words of the claim: each stands where the support has the other.

A Swedish sentence marks who does what by word order and little words ("redovisa för X",
"X hittade", "efter A och X"). A claim whose words are all in the support may still give each
role to the other ("IVO ska redovisa för regionen" where the region reports to IVO).
"""

from __future__ import annotations

from textkit.figures import joined_numbers
from textkit.text import TOKEN, content_words, fold, stem


def _key(word: str) -> str:
    return " ".join(fold(stem(part)) for part in word.split())


def _little(word: str) -> bool:
    return not content_words(word)


# Prepositions: a word right after one is an adverbial, which Swedish may put before the verb in any
# sentence ("Enligt SMHI kan vinden ...", "I många byar har ..."), so its place there names no role.
_PREPOSITIONS = """i på av för till från med om under över efter enligt hos vid mot genom utan inom bland mellan kring
runt sedan ur åt inför bakom framför in of by for to from with on at"""
PREPOSITIONS = set(_PREPOSITIONS.split())


# What joins a list's last two members (a comma leaves no token); stemmed and folded, as compared.
JOINS = {fold(stem(w)) for w in ("och", "eller", "samt", "and", "or")}


def words_of(text: str) -> list[str]:
    """Tokens, a name of several capitalised words ("Region Västernorrland") as one."""
    found: list[str] = []
    for token in TOKEN.findall(joined_numbers(text)):
        if found and token[:1].isupper() and found[-1][:1].isupper() and not _little(found[-1]):
            found[-1] += " " + token
        else:
            found.append(token)
    return found


def slots(text: str) -> set[tuple[str, str, str, str]]:
    """(side, word, little words between, filler): the content word right after or before each word, with at
    most one little word between ("för" -> "IVO", "betala" <- "lastbilar ska"). A word right after a
    preposition (``PREPOSITIONS``) neither fills nor marks a slot: the verb may stand on either side of it."""
    words = words_of(text)
    found = set()
    for i, word in enumerate(words):
        adverbial = i > 0 and words[i - 1].lower() in PREPOSITIONS
        for gap in (0, 1):
            j = i + 1 + gap
            if j < len(words) and all(_little(w) for w in words[i + 1 : j]):
                between = " ".join(words[i + 1 : j])
                if not _little(words[j]) and not adverbial:
                    found.add(("after", _key(word), between, _key(words[j])))
                if not _little(word) and not adverbial:
                    found.add(("before", _key(words[j]), between, _key(word)))
    return found


def roles_traded(sentence: str, support: str) -> bool:
    """Two words of the claim trade places: where the claim has one, the support has the other, and back.
    Members of one list ("Malmö och Lund") may come in any order.

    >>> roles_traded("IVO ska redovisa för regionen.", "Regionen ska redovisa för IVO.")
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
    return any((b, a) in moved and (a, b) not in listed for a, b in moved)


def _listed(text: str) -> set[tuple[str, str]]:
    """Pairs of words that stand side by side in a list ("A, B och C"): both orders."""
    keys = [_key(w) for w in words_of(text)]
    pairs = set()
    for i in range(len(keys)):
        for j in range(i + 1, min(i + 3, len(keys))):
            if all(k in JOINS for k in keys[i + 1 : j]):
                pairs |= {(keys[i], keys[j]), (keys[j], keys[i])}
    return pairs
