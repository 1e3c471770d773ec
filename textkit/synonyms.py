"""Swedish words that mean the same, from a thesaurus: a question may name what its sentence names otherwise.

"Hur många anställda har bolaget?" is answered by "Personalen består av 34 personer.": no stem in
common. The thesaurus of the LibreOffice dictionaries (``textkit/data/th_sv_SE_v2.dat.gz``, its
notice beside it) lists, per Swedish word, words of the same meaning. It is a resource of the
language, like the stemmer: it names no article's words.

A word is looked up by the entries it is a form of (``heads``): the entry itself or the entry and
an inflection ending ("anställda", "personalen"). Not by Snowball stem: stems of unrelated words
meet ("heter" and "het", "vill" and "villa", "första" and "förstå" folded), and their synonyms
would be a stranger's.

>>> sorted(heads("personalen")), sorted(heads("anställda"))
(['personal'], ['anställd', 'anställda'])
>>> sorted(synonyms("anställda"))
['arbetstagare', 'löntagare', 'medarbetare', 'personal']
>>> "personal" in synonyms("anställd"), "anställd" in synonyms("personalen")
(True, True)
>>> heads("heter"), heads("vill"), synonyms("Borås")
(frozenset(), frozenset(), frozenset())

Phrases ("avsäga sig tronen") are left out: a question word is matched one word at a time.
"""

from __future__ import annotations

import gzip
from functools import lru_cache
from pathlib import Path

from textkit.text import TOKEN
from textkit.wordshape import inflected

THESAURUS = Path(__file__).parent / "data" / "th_sv_SE_v2.dat.gz"
SHORT = 3  # letters: no shorter entry or synonym is kept
# An entry of three letters takes only the definite endings: with another one it is more often another
# word ("het" + "er" is "heter"); "hoj" + "en" is "hojen".
SHORT_ENDINGS = ("en", "et", "n", "t")
PLURAL_OF_A = ("or", "orna", "ornas")  # "villa", "villor": the -a goes before the plural ending
# A verb's entry is its infinitive: "arbeta" is "arbetar", "arbetade", "arbetat"; "köra" drops its -a
# before "kör", "körde", "kört"; "läsa" before "läser", "läste".
VERB_ENDINGS = {"a": ("r", "de", "des", "t", "ts", "s"), "": ("er", "de", "te", "des", "tes", "t", "ts", "es", "s")}


def _entries(lines: list[str]):
    """(entry, its one-word synonyms) per entry of a MyThes file: "word|n" then n "(pos)|syn|syn" lines."""
    i = 1  # the first line names the encoding
    while i < len(lines):
        head, count = lines[i].rsplit("|", 1)
        meanings = lines[i + 1 : i + 1 + int(count)]
        i += 1 + int(count)
        if " " not in head:
            yield head.lower(), [w.lower() for line in meanings for w in line.split("|")[1:] if w and " " not in w]


@lru_cache(maxsize=1)
def _table() -> dict[str, frozenset[str]]:
    """Entry → its synonyms, made symmetric (the file lists some pairs one way only)."""
    with gzip.open(THESAURUS, "rt", encoding="latin-1") as f:
        lines = f.read().splitlines()
    pairs: dict[str, set[str]] = {}
    for head, words in _entries(lines):
        for word in words:
            if word != head and min(len(word), len(head)) >= SHORT:
                pairs.setdefault(head, set()).add(word)
                pairs.setdefault(word, set()).add(head)
    return {k: frozenset(v) for k, v in pairs.items()}


@lru_cache(maxsize=65536)
def heads(word: str) -> frozenset[str]:
    """The thesaurus entries ``word`` is a form of: the entry itself, or the entry and an inflection ending."""
    w, table = word.lower(), _table()
    found = {w} if w in table else set()
    for k in range(SHORT, len(w)):
        base, ending = w[:k], w[k:]
        if base in table and inflected(base, ending) and (k > SHORT or ending in SHORT_ENDINGS):
            found.add(base)
        if base + "a" in table and (ending in PLURAL_OF_A or ending in VERB_ENDINGS[""]):
            found.add(base + "a")
        if base.endswith("a") and base in table and ending in VERB_ENDINGS["a"]:
            found.add(base)
    return frozenset(found)


@lru_cache(maxsize=16384)
def entries_in(text: str) -> frozenset[str]:
    """The thesaurus entries the words of ``text`` are forms of: what a synonym is looked for among.

    >>> sorted(entries_in("Personalen består av 34 personer."))
    ['består', 'person', 'personal', 'personer']
    """
    return frozenset(h for w in TOKEN.findall(text) for h in heads(w))


@lru_cache(maxsize=65536)  # asked for each question word against every candidate sentence
def synonyms(word: str) -> frozenset[str]:
    """The entries the thesaurus gives as meaning the same as ``word``, by the entries it is a form of."""
    table = _table()
    return frozenset(s for h in heads(word) for s in table[h])
