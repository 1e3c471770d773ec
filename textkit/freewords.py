"""Words of a claim that need no support of their own, because a paraphrase adds them without a new fact.

Swedish language rules, not facts about any article: a focus adverb ("även"), "kommer att" for
"ska", a month named where the support writes the same date in digits ("3 maj" for "3/5"),
"antalet"/"andelen" naming what a figure the support gives already is, and a verb of change whose
direction the support's two figures give ("ökat från 61 till 86" on "86, jämfört med 61 i fjol").

>>> sorted(free_words("Årsmötet hålls även den 3 maj.", "Årsmötet hålls den 3/5."))
['maj', 'även']
>>> free_words("Föreningen bildades i maj 2019.", "Föreningen bildades i juni 2019. Mötet hölls 4/5.")
set()
>>> free_words("Antalet medlemmar är 340.", "Föreningen har 340 medlemmar.")
{'antalet'}
>>> free_words("Antalet medlemmar är 340.", "Biljetten kostar 340 kronor och gäller för medlemmar.")
set()
>>> sorted(free_words("Vinsten var 12 miljoner förra året.", "Vinsten var 12 miljoner i fjol."))
['förra', 'året']
>>> free_words("Den lägre marginalen oroar.", "Marginalen sjönk. Det oroar."), free_words("Den lägre marginalen oroar.", "Marginalen steg. Det oroar.")
({'lägre'}, set())
>>> free_words("Siffrorna kommer från SCB.", "Nya siffror från SCB visar det."), free_words("Tåget kommer från Ed.", "Tåget går från Ed.")
({'kommer'}, set())
>>> sorted(free_words("Uppgifterna kommer från SCB.", "Priserna steg, visar SCB.")), free_words("Uppgifterna kommer från SCB.", "Det säger SCB.")
(['kommer', 'uppgifterna'], set())
>>> free_words("Parken beräknas ge 25 GWh.", "Parken ska ge 25 GWh."), free_words("Parken beräknas ge 25 GWh.", "Parken gav 25 GWh.")
({'beräknas'}, set())
"""

from __future__ import annotations

import re

from textkit.change import COMPARED, doubled_since, figure_change
from textkit.figures import DAY_MONTH, ISO_DATE, MONTHS, joined_numbers, keys
from textkit.text import TOKEN, content_words, fold, stem
from textkit.verbs import PLAN
from textkit.wordforms import COMPARATIVE_SIDE, change

# Focus adverbs and linking words a paraphrase adds or drops without changing what is claimed. Not
# "fortfarande" (still: says a state goes on, where the support may have it end) nor "främst"
# (above all: ranks what the support may only list).
FOCUS = {"aven", "samt", "bland", "annat", "dessutom"}
COUNT = {"antal", "antalet"}  # "antalet X är N" says "N X"
SHARE = {"andel", "andelen"}  # a share is a percentage
PERCENT = re.compile(r"\d\s*(%|procent)", re.I)
# Words for data a source gives, and the words that cite a source right before its name (stemmed, folded).
DATA = frozenset({"uppgifterna", "siffrorna", "statistiken", "informationen", "data"})
CITING = frozenset({"enligt", "visar"})
COUNTED_WITHIN = 3  # tokens after the figure: "340 nya medlemmar"
DOUBLING = "fördubbl"  # "har fördubblats", "fördubblingen": twice what it was (``doubled_since``)
LAST_YEAR = {"året", "år", "aret", "ar"}  # after "förra"; folded too, as the support's tokens are
# Passive verbs of forecast ("parken beräknas producera"): on a support that plans the same ("ska", "enligt
# planen"), they say it is a plan, no more. Not on a support without a plan word: that would make a done
# thing or a plain fact a forecast (qa.polarity's tense check has the rest).
FORECAST = {"beräknas", "väntas", "förväntas", "planeras", "bedöms"}


def free_words(sentence: str, support: str) -> set[str]:
    """The sentence's content words (lower-cased) that ``support`` need not hold."""
    tokens = [t.lower() for t in TOKEN.findall(joined_numbers(sentence))]
    words = set(content_words(sentence))
    free = {w for w in words if fold(w) in FOCUS}
    free |= {t for t, after in zip(tokens, tokens[1:]) if t == "kommer" and after == "att"}  # "kommer att" = "ska"
    free |= _dated_months(tokens, support)
    if PERCENT.search(sentence):
        free |= words & SHARE
    side = figure_change(sentence, support)
    free |= {w for w in words if side and (change(w) == side or w in COMPARED)}  # "jämfört med 118"
    free |= {w for w in words if w.startswith(DOUBLING) and doubled_since(support)}
    free |= words & FORECAST if PLAN - {"kommer"} & {t.lower() for t in TOKEN.findall(support)} else set()
    return (
        free
        | _counts(tokens, support)
        | _last_year(tokens, support)
        | _origin(tokens, support)
        | _went(tokens, support)
    )


def _went(tokens: list[str], support: str) -> set[str]:
    """ "den lägre marginalen" where the support has "marginalen sjönk" (or "sjönk marginalen", "marginalen
    har sjunkit"): a comparative before a noun whose own verb of change there goes the same way."""
    pieces = [p.lower() for p in re.findall(r"\w+|[^\w\s]", support)]
    found = set()
    for word, noun in zip(tokens, tokens[1:]):
        side, key = COMPARATIVE_SIDE.get(word), fold(stem(noun))
        for k in (k for k, p in enumerate(pieces) if side and fold(stem(p)) == key):
            verbs = (
                pieces[k - 1 : k] + pieces[k + 1 : k + 2] + pieces[k + 2 : k + 3] * (pieces[k + 1 : k + 2] == ["har"])
            )
            found |= {word} if any(change(v) == side for v in verbs) else set()
    return found


def _origin(tokens: list[str], support: str) -> set[str]:
    """ "Siffrorna kommer från SCB" where the support has "siffror från SCB": the verb adds no fact. Only
    with the same noun right before "från" there, not a verb ("Tåget går från Malmö" is not "kommer").
    A word for data ("uppgifterna") coming from a source the support cites ("visar SCB", "enligt SCB",
    "SCB:s siffror visar") is free with its verb: it only says where the facts are from."""
    held = [fold(stem(t)) for t in TOKEN.findall(support.lower())]
    sources = {(a, b) for a, f, b in zip(held, held[1:], held[2:]) if f == "fran"}
    cited = {b for a, b in zip(held, held[1:]) if a in keys(CITING)}
    found = set()
    for noun, verb, f, name in zip(tokens, tokens[1:], tokens[2:], tokens[3:]):
        if verb == "kommer" and f == "från":
            source = fold(stem(name))
            found |= {"kommer"} if (fold(stem(noun)), source) in sources else set()
            found |= {noun, "kommer"} if fold(stem(noun)) in keys(DATA) and source in cited else set()
    return found


def _last_year(tokens: list[str], support: str) -> set[str]:
    """ "förra året" where the support says "i fjol", and "i fjol" where it says "förra året": one time."""
    said = [fold(t) for t in TOKEN.findall(support.lower())]
    fjol, forra = "fjol" in said, any(a == "forra" and b in LAST_YEAR for a, b in zip(said, said[1:]))
    pairs = {(a, b) for a, b in zip(tokens, tokens[1:]) if a == "förra" and b in LAST_YEAR}
    return ({w for pair in pairs for w in pair} if fjol else set()) | ({"fjol"} & set(tokens) if forra else set())


def _dated_months(tokens: list[str], support: str) -> set[str]:
    """Month names each time next to a day (or year) the support writes with the same month in digits:
    "den 4 februari" for "4/2" or "2025-02-04". A month beside any other figure needs its own word,
    else "i maj 2019" would pass on a "4/5" elsewhere in the support, and "12 maj" on "4/5" and "12/6"."""
    written = {(int(day), int(month)) for day, month in DAY_MONTH.findall(support)}
    written |= {(int(n), int(month)) for year, month, day in ISO_DATE.findall(support) for n in (year, day)}
    named = [
        (t, any(n.isdigit() and (int(n), MONTHS[t]) in written for n in tokens[max(0, i - 1) : i + 2]))
        for i, t in enumerate(tokens)
        if t in MONTHS
    ]
    return {t for t, _ in named} - {t for t, dated in named if not dated}


def _counts(tokens: list[str], support: str) -> set[str]:
    """ "Antalet" before the counted word when the support writes one of the sentence's figures with that
    word just after it ("340 medlemmar"): not a price, a year or another thing's count."""
    figures = {t for t in tokens if t.isdigit()}
    held = [fold(stem(t)) for t in TOKEN.findall(joined_numbers(support))]
    found = set()
    for i, t in enumerate(tokens[:-1]):
        counted = fold(stem(tokens[i + 1]))
        if t in COUNT and any(
            held[j] in figures and counted in held[j + 1 : j + 1 + COUNTED_WITHIN] for j in range(len(held))
        ):
            found.add(t)
    return found
