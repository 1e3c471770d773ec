"""The short answer: the exact span of the quoted sentence that answers a number, date, name or place question.

The span is cut verbatim from the sentence (so it is as cited as the quote), and
among several candidates the one whose neighbourhood shares most words with the
question wins; a span the question already contains is no answer.

>>> short_answer("Hur många kameror finns det?", "Polisen har i dag 1 600 kameror och målet är fler.")
'1 600 kameror'
>>> short_answer("Hur många kameror är målet?", "Målet att ha 1600 kameror skruvades upp till 2500 kameror nationellt.")
'upp till 2500 kameror'
>>> short_answer("Hur många åkare startade?", "Totalt 4 860 åkare gav sig ut i spåret."), short_answer("Hur mycket regn?", "Det föll 96 millimeter regn.")
('4 860 åkare', '96 millimeter regn')
>>> short_answer("När öppnar museet?", "Museet öppnar den 14 mars 2025 enligt planen.")
'den 14 mars 2025'
>>> short_answer("Vem leder arbetet?", "– Det är ett viktigt steg, säger Karin Holm, projektledare på Trafikverket.")
'Karin Holm'
>>> short_answer("Var ligger fabriken?", "Fabriken ligger i Piteå och har 300 anställda.")
'i Piteå'
>>> short_answer("Hur mycket har ärendena ökat?", "Ärendena har ökat med 38 procent sedan i fjol.")
'38 procent'
>>> short_answer("Hur stor andel klarade provet?", "I årskurs 6 klarade 97 procent av eleverna provet.")
'97 procent'
>>> short_answer("Hur många sköterskor saknas?", "Det saknas 140 sköterskor och betalar 3 000 kronor i tillägg.")
'140 sköterskor'
>>> short_answer("Hur många kameror var målet innan?", "Målet att ha 1600 kameror i landet skruvades upp till 2500 kameror.")
'1600 kameror'
>>> short_answer("Varför stängde den?", "Den stängde på grund av brist på personal.")
''
"""

from __future__ import annotations

import re

from qa.compounds import names_head
from qa.narrower import PRICE_ASKED, SHARE_ASK, in_measure_asked
from qa.support import REPORTING, root
from textkit.text import ANSWER_SHAPES, CUES, MONTHS, NUMBER_WORDS, TOKEN, YEAR_DIGITS, fold, stem
from textkit.wordclasses import (
    AT_PLACE,
    CLOCK_RANGE,
    COST_FORMS,
    FRONTED,
    MONEY,
    PART_OF_YEAR,
    PLACE_NOUNS,
    PREPOSITIONS,
    QUALIFIERS,
    SHARE,
    TIME_UNITS,
)

# textkit's question cues plus the words only a short answer needs; the kind asked first in the question wins.
ASKS = {
    "number": re.compile(
        CUES["number"].pattern + r"|\b(hur (dyr\w*|fuktigt)|vilken (nivå|kostnad|fartgräns)|what (price|rate|level)|"
        rf"jobless rate|price tag|vad (betalar|betalade|får man betala)|kosta|{PRICE_ASKED.pattern}|cost|costs|pay|pays|"
        r"how did the vote|hur gick omröstningen|hur (föll|slutade) (omröstningen|rösterna)|hur röstade|"
        r"what (was|is) the (average|previous|yearly|monthly|total|most|least|biggest|largest|highest|lowest|smallest)|"
        r"vilket påslag|som mest|som minst|i snitt|i genomsnitt|prislapp\w*|slutnota\w*|what share|"
        # "hur kraftfullt", "hur varmt": "hur" before an adjective's -t form asks a degree.
        r"hur \w{2,}[^s\W]t)\b",
        re.I,
    ),
    "date": re.compile(
        f"{CUES['time'].pattern}|{CUES['clock'].pattern}"
        r"|\b(sista dag(en)?)\b",
        re.I,
    ),
    "place": re.compile(
        CUES["place"].pattern + r"|\b(vilken plats|vilka (orter|städer|kommuner|platser|stadsdelar|län)|"
        r"which (place|county|places|counties|towns|cities|parts|neighbourhoods|areas))\b",
        re.I,
    ),
    "name": re.compile(CUES["person"].pattern + r"|\b((vilken|vilket|which) \w+)\b", re.I),
}
# An ordinal counts with its "var": "var femte" is a share, "femte" a rank.
QUALIFIER = rf"(?:(?:{QUALIFIERS}|var(?=\s+(?:tredje|fjärde|femte)\b))\s+)?"
FIGURE = r"(?:\d{1,3}(?:[  ]\d{3})+|\d+)(?:[.,]\d+)?"
# "mellan 78 och 94 år", "3 till 4 procent", "50–60 jobb": a range is one answer ("från 3 till 4" is a change).
RANGE = rf"(?:mellan\s+{FIGURE}\s+och\s+{FIGURE}|(?<!från\s){FIGURE}\s+till\s+{FIGURE}|{FIGURE}(?:\s*[–-]\s*{FIGURE})?)"
# A word naming what is counted; not a little word, a qualifier or an adverb ("2019 arbetade drygt 220").
NOT_UNIT = rf"\s+(?!(?:och|av|i|på|som|per|där|här|då|nu|klockan|kl|{QUALIFIERS})\b)"
UNIT_WORD = rf"(?:{NOT_UNIT}[a-zåäöé/]+)"
MEASURE = r"(?:millimeter|centimeter|meter|kilometer|kubikmeter|kvadratmeter|liter|ton|kilo|gram|hektar|mm|cm|km)"
# Two words only after an adjective's -a/-e form, "fler" or a measure ("nya kameror", "färre platser",
# "millimeter regn"), not after a noun, where a verb or adverb follows ("nio månader anmäldes").
UNIT_WORDS = rf"(?:{NOT_UNIT}(?:[a-zåäöé]*(?:(?<!ar)e|a)|fler|{MEASURE})\b{UNIT_WORD}|{UNIT_WORD})?"
# "fyra år och sex månader", "4 timmar och 12 minuter": a duration in two units is one answer.
AND_MORE = rf"(?:\s+och\s+(?:\d+|{NUMBER_WORDS})\s+(?:år|månader|veckor|dagar|timmar|minuter|sekunder))?"
# "4 000 kronor i månaden", "30 km/h": the rate or unit belongs to the figure.
RATE = r"(?:\s+(?:i|per|om)\s+(?:månaden|året|dagen|timmen|veckan|kvadratmeter|kvm|dygn|dag|år|timme|sekund))?"
# "35 nya förskollärare och barnskötare": two plural nouns counted together are one answer. Not a
# present-tense verb, which ends the same way but takes an object: "140 sköterskor och betalar 3 000 kronor".
BOTH = r"(?:\s+och\s+[a-zåäö]{2,}(?:or|ar|er|are)\b(?!\s+\d))?"
NUMBER = re.compile(
    rf"{QUALIFIER}(?<![\w-]){RANGE}(?:\s*%|(?:\s+(?:miljoner|miljarder|tusen))?{UNIT_WORDS}{BOTH}{AND_MORE}{RATE})|"
    rf"{QUALIFIER}\b{NUMBER_WORDS}\b{UNIT_WORDS}{BOTH}{AND_MORE}",
    re.I,
)
# "tidigast klockan 12", "preliminärt vecka 12": a word that bounds or hedges a date belongs to it.
DATE_QUALIFIER = r"(?:(?:tidigast|senast|preliminärt|natten till|natten mot|under|at the earliest|no later than)\s+)?"
DATE = re.compile(
    rf"{DATE_QUALIFIER}(?:\b\d{{4}}-\d\d-\d\d\b|\b(?:(?:\w+dagen\s+)?den\s+)?\d{{1,2}}(?:[–-]\d{{1,2}})?\s+{MONTHS}(?:\s+\d{{4}})?(?:\s+(?:klockan|kl\.)\s*\d{{1,2}}[.:]\d\d)?\b|"
    rf"\b(?:den\s+)?\d{{1,2}}/\d{{1,2}}\b|\b(?:(?:i|från och med|sedan|till)\s+)?{MONTHS}(?:\s+\d{{4}})?\b|\bvecka\s+\d{{1,2}}(?:\s+(?:nästa|i)\s+år)?\b|"
    rf"{CLOCK_RANGE}|"
    r"\b(?:klockan|kl\.)\s*\d{1,2}(?:[.:]\d\d)?\b|\b\d{1,2}[.:]\d\d\b|\b(?:i fjol|i år|i höstas|i våras|i vintras|i somras)\b|"
    rf"\b(?:{PART_OF_YEAR}\s+)?(?:(?:sedan|från och med|till utgången av|hösten|våren|sommaren|vintern|år)\s+)?"
    rf"{YEAR_DIGITS}(?:-tal(?:et)?)?\b)",  # a decade ("1990-talet") whole, not its first year
    re.I,
)
CAPITAL = r"[A-ZÅÄÖÉ][\wåäöéÅÄÖÉ-]+"
NAME = re.compile(rf"{CAPITAL}(?:\s+(?:af\s+|von\s+|de\s+)?{CAPITAL}){{0,3}}")
# A short answer does not end on a word that needs a continuation: "38 procent sedan", "12 mars att".
TRAILING = re.compile(
    r"(?:\s+(?:i|på|för|före|efter|att|som|och|under|blir|per|med|till|av|om|från|är|var|har|vid|sedan|mot|hos|längs|"
    r"kan|ska|skulle|måste|kommer|in|on|for|at|to|of|and|is|was|the|by|from|can|will))+$",
    re.I,
)
# A place, a second joined by "och" ("på Haga och på Ersboda"), the wider place it lies in ("i Hagaström
# utanför Gävle", "i Kalmar hamn"); "mellan Umeå och Sävar" names both ends.
ONE_PLACE = rf"{CAPITAL}(?:\s+{CAPITAL})?"
PLACE = re.compile(
    rf"\b(?:{AT_PLACE}{ONE_PLACE}(?:\s+{PLACE_NOUNS}\b|(?<=s)\s+[a-zåäö]{{4,}}|\s+(?:och|and)\s+(?:{AT_PLACE})?{CAPITAL})?"
    rf"(?:\s+(?:i|utanför|norr om|söder om|in|near)\s+{ONE_PLACE}(?:\s+{PLACE_NOUNS}\b)?)?|mellan\s+{CAPITAL}\s+och\s+{CAPITAL})"
)
CONTRACTED = re.compile(r"\b(what|who|where|when|how)['’]s\b", re.I)
# "Vem är Karin Holm?" asks what the named person is, not for a name: no short answer.
ABOUT_PERSON = re.compile(rf"^\s*(?:[Vv]em|[Ww]ho)\s+(?:är|var|is|was)\s+{CAPITAL}(?:\s+{CAPITAL})+\s*\??\s*$")


def question_kind(question: str) -> str:
    """'number', 'date', 'name', 'place' or '' (no short answer asked for): the question word asked first.

    >>> question_kind("How many cameras?"), question_kind("vilket år öppnade den"), question_kind("Varför?")
    ('number', 'date', '')
    >>> question_kind("Vilken kommun klarade sig bäst när jobben försvann?")
    'place'
    >>> question_kind("Vem är Karin Holm?"), question_kind("Vem är ordförande i Norrby IF?")
    ('', 'name')
    >>> question_kind("What's the total cost?"), question_kind("Hur kraftfullt blir lagret?"), question_kind("Vilka tider är det öppet?")
    ('number', 'number', 'date')
    """
    if ABOUT_PERSON.match(question):
        return ""
    question = CONTRACTED.sub(r"\1 is", question)  # "What's the total" asks as "What is the total"
    found = [(m.start(), i, kind) for i, (kind, pattern) in enumerate(ASKS.items()) if (m := pattern.search(question))]
    return min(found)[2] if found else ""


def _spans(kind: str, sentence: str) -> list[tuple[int, int]]:
    if kind == "number":
        # Not a year, a day of a month or a time of day: the number shape, read in the sentence's context.
        figure = ANSWER_SHAPES["number"]
        return [m.span() for m in NUMBER.finditer(sentence) if figure.search(sentence, m.start(), m.end())]
    if kind == "date":
        return [m.span() for m in DATE.finditer(sentence)]
    if kind == "place":
        return [m.span() for m in PLACE.finditer(sentence)]
    found = [_without_opener(m) for m in NAME.finditer(sentence) if m.start() > 0 or " " in m.group()]
    return [s for s in found if len(sentence[s[0] : s[1]].split()) >= 2] or found


def _without_opener(match: re.Match) -> tuple[int, int]:
    """A name's span without a capitalised preposition or adverb opening the sentence before it
    ("På Ryhov", "Även Nässjö IK"): the capital is the sentence's, not the name's.

    >>> short_answer("Vilken klubb väntar?", "Även Nässjö IK väntar på istider.")
    'Nässjö IK'
    >>> short_answer("Var ligger sjukhuset?", "På Ryhov finns länets största sjukhus.", kind="name")
    'Ryhov'
    """
    first = match.group().split()[0]
    if " " in match.group() and first.lower() in PREPOSITIONS | FRONTED:
        return match.start() + len(first) + 1, match.end()
    return match.span()


def _closeness(question_stems: set[str], sentence: str, span: tuple[int, int]) -> float:
    """Question words near the span (within about six words), nearer counting more."""
    before, after = TOKEN.findall(sentence[: span[0]])[-6:], TOKEN.findall(sentence[span[1] :])[:6]
    near = list(reversed(before)) + after
    return sum(
        1.0 / (1 + (i % max(1, len(before)) if i < len(before) else i - len(before)))
        for i, w in enumerate(near)
        if stem(w) in question_stems
    )


# What the question asks for says which span fits: a person for "vem" (the one quoted or given a
# role: "säger Karin Holm", "Karin Holm, projektledare"), a share for a change, money for a price.
KIND_FIT = 1.5  # the kind asked outweighs closeness: "Vem från banken?" wants who "säger", not the bank
PERSON_ASKED = re.compile(r"\b(vem|vilka|who)\b", re.I)
ROLE_AFTER = re.compile(r"^,\s+[a-zåäö]")
CHANGE_ASKED = re.compile(
    r"\b(ökat|ökade|ökning\w*|minskat|minskade|minskning\w*|dyrare|billigare|stigit|steg|sjunkit|sjönk|"
    r"gone up|go up|risen|rose|fallen|fell|by how much)\b",
    re.I,
)
BEFORE_ASKED = re.compile(r"\b(innan|förut|från början|ursprungligen|before|previously|originally|at first)\b", re.I)
MONEY_ASKED = re.compile(rf"\b({COST_FORMS}|pris\w*|betala\w*|cost\w*|price\w*|pay\w*)\b", re.I)
SHARE_SPAN = re.compile(SHARE, re.I)
MONEY_SPAN = re.compile(rf"\b{MONEY}", re.I)
UNIT_ASKED = re.compile(r"\b(?:hur många|how many)\s+(\w+)", re.I)  # "how many years": a unit counted


def _fits(kind: str, question: str, sentence: str, span: tuple[int, int]) -> float:
    """1 when the span is the sort of thing the question asks for (see above), else 0: more than a
    unit or a change's end, as a "vem" question's other names (the bank, the union) or a price
    beside a rise stand close to its words too.

    >>> short_answer("Vem från banken i Jönköping uttalade sig?", "Fler binder lån, säger Ulrika Hedman, chef på Vätterbygdens Sparbank i Jönköping.")
    'Ulrika Hedman'
    """
    text = sentence[span[0] : span[1]]
    if kind == "name" and PERSON_ASKED.search(question):
        said = [fold(w) for w in TOKEN.findall(sentence[: span[0]])[-1:]]
        return float(bool(set(said) & REPORTING or ROLE_AFTER.match(sentence[span[1] :])))
    if kind != "number":
        return 0.0
    if CHANGE_ASKED.search(question) or SHARE_ASK.search(question):
        return float(bool(SHARE_SPAN.search(text)))
    return float(bool(MONEY_ASKED.search(question) and MONEY_SPAN.search(text)))


def _counted(kind: str, asked_roots: set[str], span: str, asked_unit: str | None = None) -> float:
    """1 when a number's span names the thing the question counts: "hur många kameror" is answered by
    "24 kameror", not "14 dagar" (a lower-case word, so a name in the span is left to closeness); a
    stretch of time counts in either language ("how many years": "22 år").

    >>> asked = _roots(asked_stems("Hur många kameror?"))
    >>> _counted("number", asked, "24 kameror"), _counted("number", asked, "14 dagar")
    (1.0, 0.0)
    >>> q = "How many years has she worked there?"
    >>> asked, unit = _roots(asked_stems(q)), _asked_unit(q)
    >>> _counted("number", asked, "22 år", unit), _counted("number", asked, "19 timmar", unit)
    (1.0, 0.0)
    """
    words = [w for w in TOKEN.findall(span) if w.islower()]
    same = [root(fold(stem(w))) for w in words]
    units = {TIME_UNITS[w.lower()] for w in words if w.lower() in TIME_UNITS}
    return float(kind == "number" and (any(names_head(asked_roots, w) for w in same) or units == {asked_unit}))


def _asked_unit(question: str) -> str | None:
    """The unit of time a "how many" counts ("how many years": "year"), or None."""
    return TIME_UNITS.get(m.group(1).lower()) if (m := UNIT_ASKED.search(question)) else None


def asked_stems(question: str) -> set[str]:
    return {stem(w) for w in TOKEN.findall(question.lower())}


def _roots(question_stems: set[str]) -> set[str]:
    """Roots, not stems: "elevers" and "elever" share a root."""
    return {root(fold(s)) for s in question_stems}


def _bare(span: str) -> str:
    """The span without the word bounding it: "under 2025" is the question's own "2025", and "i Borlänge"
    the "in Borlänge" of an English question.

    >>> short_answer("Where in Borlänge can you get a jab?", "- Kupolen i Borlänge, måndag till fredag")
    ''
    """
    return fold(re.sub(rf"^{DATE_QUALIFIER}|^{QUALIFIER}|^{AT_PLACE}", "", span.strip(), flags=re.I).strip())


def scored_spans(question: str, sentence: str, kind: str, question_stems: set[str]) -> list[tuple[float, int, str]]:
    """(score, start, span text) of each candidate span of ``sentence``; a span the question holds is no answer."""
    folded_q = fold(question)
    asked = [s for s in _spans(kind, sentence) if kind != "number" or in_measure_asked(question, sentence[s[0] : s[1]])]
    bare = {s: _bare(sentence[s[0] : s[1]]) for s in asked}
    spans = [s for s in bare if bare[s] not in folded_q]
    # A figure with its unit ("13,9 procent") says more than a bare one ("18" of "mellan 18 och 24 år").
    unit = lambda s: 0.5 * bool(re.search(r"[^\d\s.,]", bare[s]))  # noqa: E731
    # "höjdes från 1600 till 2500", "rose to 2500": the figure a change leads to is the current one.
    before_digits = lambda s: sentence[: s[0]] + re.split(r"\d", sentence[s[0] : s[1]], maxsplit=1)[0]  # noqa: E731
    # ... unless the question asks what it was before the change ("och innan?"): then the figure it left.
    toward = -0.5 if BEFORE_ASKED.search(question) else 0.5
    led_to = lambda s: toward * bool(re.search(r"\b(till|to|nu|now)\s+$", before_digits(s), re.I))  # noqa: E731
    fits = lambda s: _fits(kind, question, sentence, s)  # noqa: E731
    asked_roots, asked_unit = _roots(question_stems), _asked_unit(question)
    scored = []
    for s in spans:
        text = sentence[s[0] : s[1]]
        score = _closeness(question_stems, sentence, s) + unit(s) + led_to(s) + KIND_FIT * fits(s)
        scored.append(
            (score + _counted(kind, asked_roots, text, asked_unit), s[0], TRAILING.sub("", text.strip(" ,;:")))
        )
    return scored


def short_answer(question: str, sentence: str, kind: str | None = None) -> str:
    """The span of ``sentence`` answering ``question``; '' when none is asked for or found."""
    kind = question_kind(question) if kind is None else kind
    if not kind:
        return ""
    found = scored_spans(question, sentence, kind, asked_stems(question))
    return max(found, key=lambda f: (f[0], -f[1]))[2] if found else ""
