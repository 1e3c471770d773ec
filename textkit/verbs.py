"""Swedish strong and irregular verbs, whose forms share no stem: "gick", "går" and "gått" are one verb.

A language table, not facts about any article. Snowball's stemmer cuts endings only, so
without it a paraphrase in another tense ("växte" for "har vuxit") looks like a new word.

>>> lemma("gick"), lemma("gått"), lemma("Kommer"), lemma("vuxit"), lemma("bilen"), lemma("salt")
('gå', 'gå', 'komma', 'växa', None, None)
"""

from __future__ import annotations

from functools import lru_cache

# One verb per group, infinitive first; "sa" and "var" left out, as "så" folds to "sa" where a text is folded
# and "var" is also "where".
STRONG_VERBS = """gå går gick gått | ha har hade haft | få får fick fått | ta tar tog tagit tas togs |
dra drar drog dragit | göra gör gjorde gjort görs | se ser såg sett ses | komma kommer kom kommit |
stå står stod stått | ligga ligger låg legat | sitta sitter suttit | bli blir blev blivit |
ge ger gav gett givit ges | säga säger sade sagt sägs | vara är varit | falla faller föll fallit |
stiga stiger steg stigit | driva driver drev drivit drivs | skriva skriver skrev skrivit skrivs |
sälja säljer sålde sålt säljs | lägga lägger lade lagt läggs | sätta sätter satte satts |
växa växer växte vuxit växt | välja väljer valde valt väljs | gälla gäller gällde gällt |
hålla håller höll hållit hålls | slå slår slog slagit slås | dö dör dog dött | bära bär bar burit |
vinna vinner vann vunnit | sjunka sjunker sjönk sjunkit | stjäla stjäl stal stulit"""


@lru_cache(maxsize=1)
def _lemmas() -> dict[str, str]:
    return {form: group.split()[0] for group in STRONG_VERBS.split("|") for form in group.split()}


# Particles and prefixes a verb takes in front, conjugating as the verb alone: "uppgick", "omsatte", "bidrog".
PREFIXES = "upp ut in av an om till fram över under be bi för med mot"


def _split(word: str) -> tuple[str, str]:
    """(prefix, strong verb form) of a prefixed form ("upp", "gick"), or ("", word)."""
    word = word.lower()
    for prefix in PREFIXES.split():
        if word.startswith(prefix) and word[len(prefix) :] in _lemmas() and len(word) > len(prefix) + 1:
            return prefix, word[len(prefix) :]
    return "", word


def lemma(word: str) -> str | None:
    """The infinitive of a strong or irregular verb form, a prefixed one too ("omsatte": "omsätta"), else None.
    Not folded: "låg" is a verb, "lag" (law) is not, nor "salt" (for "sålt"), "bara" (only, for "bära") or
    "galler" (for "gäller").

    >>> lemma("omsatte"), lemma("uppgår"), lemma("bidrog"), lemma("undantag")
    ('omsätta', 'uppgå', 'bidra', None)
    """
    prefix, form = _split(word)
    found = _lemmas().get(form)
    return prefix + found if found else None


# Past forms of the verbs above (preterite, supine, past passive): "sålde", "har sålt".
_STRONG_PAST = """gick gått hade haft fick fått tog tagit togs drog dragit gjorde gjort såg sett kom kommit stod stått
låg legat suttit blev blivit gav gett givit sade sagt varit föll fallit steg stigit drev drivit skrev skrivit sålde
sålt såldes lade lagt lades satte satt satts växte vuxit valde valt valdes gällde gällt höll hållit slog slagit dog
dött burit vann vunnit sjönk sjunkit stal stulit"""
STRONG_PAST = set(_STRONG_PAST.split())
# What a weak verb adds to its stem: now or to come ("stänga", "stänger", "stängs") or done ("stängde",
# "stängdes", "har stängt", "är stängd"; "ökade", "har ökat").
NOW_ENDINGS = {"", "a", "ar", "er", "r", "as", "s", "es"}
_PAST_ENDINGS = "ade ades at ats ad de des te tes dde ddes d da t ts tt dd"
PAST_ENDINGS = set(_PAST_ENDINGS.split())
# Words that make what follows a plan or an expectation, not a thing done: "ska sälja", "planerar att bygga".
# Goal nouns too: "målet är att 75 procent ska ..." tells a goal, not a thing done.
_PLAN = "ska skall vill planerar planeras avser tänker väntas beräknas föreslår hoppas siktar kommer mål målet planen"
PLAN = set(_PLAN.split())
# Words that make what follows only possible: "kan komma att stängas", "stängs eventuellt".
_HEDGES = "kanske eventuellt möjligen troligen troligtvis sannolikt riskerar"
HEDGES = set(_HEDGES.split())


def tense_pair(said: str, other: str) -> tuple[bool, bool] | None:
    """Whether each of two words is a past form, when both are forms of one verb; else None.

    >>> tense_pair("sålde", "sälja"), tense_pair("stängde", "stänga"), tense_pair("skolan", "skola")
    ((True, False), (True, False), None)
    >>> tense_pair("såldes", "sålde"), tense_pair("ökat", "öka")
    ((True, True), (True, False))
    """
    said, other = said.lower(), other.lower()
    if lemma(said) is not None and lemma(said) == lemma(other):
        return _split(said)[1] in STRONG_PAST, _split(other)[1] in STRONG_PAST
    stem = next((i for i, (a, b) in enumerate(zip(said, other)) if a != b), min(len(said), len(other)))
    endings = (said[stem:], other[stem:])
    if stem < 3 or not all(e in NOW_ENDINGS | PAST_ENDINGS for e in endings):
        return None
    return tuple(word in STRONG_PAST or ending in PAST_ENDINGS for word, ending in zip((said, other), endings))
