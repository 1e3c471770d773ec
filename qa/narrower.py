"""Does a sentence's figure count what was asked, or something near it?

A near miss often quotes the right topic with the wrong count: "How many
helicopters?" answered with the number of buses, "Hur många är nybyggda skolor?"
with the number of all the schools. Two language rules catch that, both reading
only the question and the retrieved passages:

1. **The counted thing** is the run of content words right after "hur många" /
   "how many" (after a partitive "av de"), or the priced thing after "vad kostar" /
   "how much does". If none of them is in the sentence but the first is in another
   retrieved sentence, the sentence's figure counts something else.
2. **A narrower phrase**: two neighbouring question words ("nybyggda skolor")
   that also stand together in the passages, while the sentence has only the
   second, speak of a narrower class than the sentence does.

Words match by stem, inside a compound, or across languages by a cognate stem
(English spelt the Swedish way: "helicopters" gives "helikopt", as "helikopter" does).

>>> found = ["Kommunen har bussar och en helikopter.", "Kommunen har 48 bussar."]
>>> counts_other("How many helicopters does the municipality have?", found)
[False, True]
>>> counts_other("How many buses does the municipality have?", found)
[False, False]
>>> found = ["Flera av de nybyggda skolorna har solceller.", "I kommunen finns 31 skolor."]
>>> counts_other("Hur många av skolorna är nybyggda skolor?", found)
[False, True]
>>> counts_other("Hur många skolor finns det?", found)
[False, False]

A Swedish word of the same meaning counts the same thing ("gäster" for "besökare", ``textkit.synonyms``):

>>> counts_other("Hur många besökare kom?", ["Festivalen hade 9 000 gäster.", "Besökarna kom från hela landet."])
[False, False]

A price question names its priced thing the same way ("vad kostar ett årskort"):

>>> found = ["Badhuset kostar 418 miljoner kronor.", "Ett årskort i badhuset säljs från hösten."]
>>> counts_other("Vad kommer ett årskort att kosta?", found), counts_other("Vad kostar badhuset?", found)
([True, False], [False, False])
"""

from __future__ import annotations

import re
from functools import lru_cache

from textkit.synonyms import entries_in, synonyms
from textkit.text import ANSWER_SHAPES, TOKEN, cognate_form, content_words, detect_language, fold, stem
from textkit.wordclasses import COST_FORMS, MONEY, SHARE, SHARE_ASKED, SHARE_IN_WORDS, TIME_UNITS

# "hur många (av de)" / "how many (of the)": what follows names the counted thing.
# "vad kostar (ett)" / "vad kommer (ett)" ... "att kosta" / "how much does (a)": what follows names the priced thing.
COUNT_WORDS = re.compile(
    r"\b(?:(?:hur många|how many)(?:\s+(?:av|of)\s+(?:de|dem|the|these|those))?"
    r"|(?:vad (?:kostar|kostade|kommer)|how much (?:does|do|did|will))(?:\s+(?:en|ett|an|a|the))?)\s+",
    re.I,
)
# A count is not answered by a share, unless the question counts a part ("hur många av eleverna") or percent,
# nor by a sum of money ("hur många sköterskor" by "3 000 kronor i månaden"); a price by no share.
PARTITIVE = re.compile(r"\s(?:av|of)\s", re.I)
PARTITIVE_NEXT = re.compile(r"(?:av|of)\s", re.I)  # "hur många av eleverna": a part, counted after the match
SHARE_WORD = re.compile(rf"{SHARE}\w*", re.I)
SHARE_AFTER = re.compile(rf"\s*{SHARE}", re.I)
# \s* before the magnitude too: a figure's match ends after its trailing space ("22 " of "22 miljoner kronor").
MONEY_AFTER = re.compile(rf"(?:\s*(?:miljoner|miljarder|tusen|million|billion))?\s*{MONEY}", re.I)
MONEY_WORD = re.compile(MONEY, re.I)
# A price asked: a question word, then a form of "kosta" / "cost".
PRICE_ASKED = re.compile(rf"\b(?:vad|hur mycket|what|how much)\b.*\b(?:{COST_FORMS}|cost|costs)\b", re.I)
SHARE_ASK = re.compile(SHARE_ASKED, re.I)
SHARE_SAID = re.compile(rf"{SHARE}|{SHARE_IN_WORDS}", re.I)
FREE = re.compile(r"\b(?:gratis|kostnadsfri\w*|avgiftsfri\w*|free)\b", re.I)
COUNT_ASKED = re.compile(r"hur många|how many", re.I)
# A measure asked by its adjective ("hur långt", "how cold") is answered in its units: "650 funktionärer"
# is no answer to "Hur lång är banan?". Not "hur hög": a level ("hur hög är arbetslösheten") is as often
# a share or a sum as a height. Language rules: the units of length and time, temperature, speed (or a
# change's pace: "hur fort steg priserna" asks a share), weight.
LENGTH_UNITS = r"millimeter|centimeter|meter|kilometer|mil|mm|cm|km|m"
MEASURES = tuple(
    (re.compile(asked, re.I), re.compile(said, re.I))
    for asked, said in (
        (
            r"\bhur (?:lång|långt|långa|bred|brett|djup|djupt)\b|\bhow (?:long|far|wide|deep)\b",
            rf"\b(?:{LENGTH_UNITS}|{'|'.join(TIME_UNITS)})\b",
        ),
        (r"\bhur (?:varm|varmt|kall|kallt)\b|\bhow (?:hot|cold|warm)\b", r"\bgrader\b|°"),
        (
            r"\bhur (?:snabb|snabbt|fort)\b|\bhow fast\b",
            rf"km/h|\b(?:kilometer|meter) (?:i|per) (?:timmen|timme|sekund)\b|{SHARE}",
        ),
        (r"\bhur (?:tung|tungt)\b|\bhow heavy\b", r"\b(?:ton|kilo|kg|gram)\b"),
    )
)
PHRASE = 2  # the counted thing: at most this many content words in a row
SHORT = 4  # stems shorter than this match only whole


def in_measure_asked(question: str, span: str) -> bool:
    """False when the question asks a measure by its adjective and the span is not in its units.

    >>> in_measure_asked("Hur lång är banan?", "52 kilometer"), in_measure_asked("Hur lång är banan?", "650 funktionärer")
    (True, False)
    >>> in_measure_asked("How cold will it get?", "minus 18 grader"), in_measure_asked("Hur många åkare?", "650 funktionärer")
    (True, True)
    """
    return all(said.search(span) for asked, said in MEASURES if asked.search(question))


@lru_cache(maxsize=65536)
def _stems(word: str, lang: str) -> frozenset[str]:
    """The word's own stem and its cognate stem (spelt the Swedish way, final vowel off)."""
    own = fold(stem(word, lang))
    cognate = cognate_form(own).rstrip("aeiouy")
    return frozenset({own, cognate} if len(cognate) >= SHORT else {own})


@lru_cache(maxsize=65536)
def _forms(word: str) -> frozenset[str]:
    """What a word of the passages can be met as: its Swedish and English stems."""
    return _stems(word, "sv") | _stems(word, "en")


@lru_cache(maxsize=16384)
def _text_forms(text: str) -> tuple[frozenset[str], str]:
    return frozenset().union(*(_forms(w) for w in TOKEN.findall(text))), fold(text)


@lru_cache(maxsize=65536)
def _matches(own: frozenset[str], text: str) -> bool:
    """A question word (its ``own`` stems) is in ``text``: same stem, inside a compound, or as its head."""
    forms, folded = _text_forms(text)
    if own & forms or any(len(s) >= SHORT and s in folded for s in own):
        return True
    # The compound's head names the same thing: "solpaneler" asked, "paneler" written.
    return any(len(f) >= SHORT and o.endswith(f) for f in forms for o in own)


ENDING = 4  # letters an inflection adds to a stem the stemmer left on ("undersköterskan": "-an")


def _names(own: frozenset[str], text: str) -> bool:
    """The thing asked is named in ``text``: the word, or a compound it is the head of ("kameror" in
    "övervakningskameror"), not one it only qualifies: "pensionärsföreningar" names associations, so
    "41 äldre personer" elsewhere may still count the pensioners asked for.

    >>> own = _stems("pensionärer", "sv")
    >>> _names(own, "De träffade flera pensionärsföreningar."), _names(own, "Pensionären anmälde.")
    (False, True)
    """
    forms, _ = _text_forms(text)
    return any(f.endswith(o) or f.startswith(o) and len(f) - len(o) <= ENDING for f in forms for o in own)


def counted_thing(question: str) -> list[str]:
    """The content words naming what a "how many" question counts.

    >>> counted_thing("Hur många av de nybyggda skolorna har solceller?"), counted_thing("När?")
    (['nybyggda', 'skolorna'], [])
    """
    match = COUNT_WORDS.search(question)
    if not match:
        return []
    content = set(content_words(question))
    phrase = []
    for word in TOKEN.findall(question[match.end() :]):
        if word.lower() not in content or len(phrase) == PHRASE:
            break
        phrase.append(word.lower())
    return phrase


def _together(a: frozenset[str], b: frozenset[str], sentence: str) -> bool:
    if not (_matches(a, sentence) and _matches(b, sentence)):
        return False
    words = TOKEN.findall(sentence)
    return any(_matches(a, x) and _matches(b, y) for x, y in zip(words, words[1:]))


def _elsewhere(where: set[int], i: int) -> bool:
    return bool(where - {i})


def _another_thing(question: str, lang: str, sentences: list[str]) -> list[bool]:
    """None of the counted words in the sentence, the first of them in another sentence."""
    counted = [_stems(w, lang) for w in counted_thing(question)]
    # The first word is the noun or its adjective; a short one matches too much to tell.
    if not counted or min(len(s) for s in counted[0]) < SHORT:
        return [False] * len(sentences)
    named = {j for j, s in enumerate(sentences) if _names(counted[0], s)}
    # A synonym of the counted noun counts it too ("gäster" for "besökare"); not of a verb after it
    # ("saknas" for "fattas" says nothing of what is counted).
    same = synonyms(counted_thing(question)[0]) if lang == "sv" else frozenset()
    return [
        _elsewhere(named, i) and not any(_matches(c, s) for c in counted) and not same & entries_in(s)
        for i, s in enumerate(sentences)
    ]


def _wider_class(question: str, lang: str, sentences: list[str]) -> list[bool]:
    """Two neighbouring question words together in another sentence; this one has only the second."""
    words = [w.lower() for w in TOKEN.findall(question[COUNT_WORDS.search(question).start() :])]
    content = set(content_words(question))
    pairs = [(_stems(a, lang), _stems(b, lang)) for a, b in zip(words, words[1:]) if a in content and b in content]
    wider = [False] * len(sentences)
    for a, b in pairs:
        together = {j for j, s in enumerate(sentences) if _together(a, b, s)}
        for i, s in enumerate(sentences):
            wider[i] = wider[i] or (_elsewhere(together, i) and _matches(b, s) and not _matches(a, s))
    return wider


def _share_for_count(question: str, sentences: list[str]) -> list[bool]:
    """A count asked ("hur många kameror"), the sentence's every figure a share ("minskade med 14 procent")
    or a sum of money; a price asked, every figure a share.

    >>> _share_for_count("Hur många kameror finns det?", ["Brotten minskade med 14 procent.", "Där finns 24 kameror."])
    [True, False]
    >>> _share_for_count("Hur många sköterskor behövs?", ["Tillägget är 3 000 kronor i månaden.", "Det saknas 140 sköterskor."])
    [True, False]
    >>> _share_for_count("Hur många av eleverna klarade provet?", ["97 procent klarade provet."])
    [False]

    A count with no noun counts people or things ("hur många kom"), never a sum, however large; a count
    of kronor is answered by one:

    >>> _share_for_count("Hur många kom till festivalen?", ["Besökarna omsatte 22 miljoner kronor.", "Dit kom 9 000."])
    [True, False]
    >>> _share_for_count("Hur många kronor kostar ett kort?", ["Kortet kostar 20 kronor."])
    [False]
    """
    match = COUNT_WORDS.search(question)
    counted = counted_thing(question)
    if not match or PARTITIVE.search(match.group()) or PARTITIVE_NEXT.match(question, match.end()):
        return [False] * len(sentences)
    if counted and SHARE_WORD.fullmatch(counted[0]):
        return [False] * len(sentences)
    # Figures in digits: a number word ("de första två åren") rarely gives the count itself.
    numbers = ANSWER_SHAPES["number"]
    money = bool(COUNT_ASKED.match(match.group())) and not (counted and MONEY_WORD.fullmatch(counted[0]))

    def not_counted(s: str, end: int) -> bool:
        return bool(SHARE_AFTER.match(s, end) or (money and MONEY_AFTER.match(s, end)))

    figures = [[not_counted(s, m.end()) for m in numbers.finditer(s) if m.group()[0].isdigit()] for s in sentences]
    return [bool(found) and all(found) for found in figures]


def unpriced(question: str, sentences: list[str]) -> list[bool]:
    """A price asked ("vad kostar", "hur mycket kostade", "what will a ticket cost"), the sentence names no
    sum of money and does not say it is free: its figures price nothing ("16.40", "3 400 förpackningar").

    >>> unpriced("Vad kostar en enkel resa?", ["Tåget går 16.40.", "En resa kostar 85 kronor.", "Resan är gratis."])
    [True, False, False]
    >>> unpriced("Hur många resor görs?", ["Tåget går 16.40."])
    [False]
    """
    if not PRICE_ASKED.search(question):
        return [False] * len(sentences)
    numbers = ANSWER_SHAPES["number"]

    def priced(s: str) -> bool:
        return bool(FREE.search(s)) or any(MONEY_AFTER.match(s, m.end()) for m in numbers.finditer(s))

    return [not priced(s) for s in sentences]


def unshared(question: str, sentences: list[str]) -> list[bool]:
    """A share asked ("hur stor andel", "what proportion"), the sentence says no share ("14 procent",
    "var fjärde"): its figures count or price, they share nothing.

    >>> unshared("Hur stor andel av eleverna klarade provet?", ["Provet skrevs av 120 elever.", "Av dem klarade 97 procent."])
    [True, False]
    """
    if not SHARE_ASK.search(question):
        return [False] * len(sentences)
    return [not SHARE_SAID.search(s) for s in sentences]


def counts_other(question: str, sentences: list[str]) -> list[bool]:
    """For each retrieved sentence: does its figure count something other than, or wider than, what is asked?"""
    if not COUNT_WORDS.search(question):
        return [False] * len(sentences)
    lang = detect_language(question)
    another = _another_thing(question, lang, sentences)
    wider = _wider_class(question, lang, sentences)
    share = _share_for_count(question, sentences)
    return [x or y or z for x, y, z in zip(another, wider, share)]
