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


def lemma(word: str) -> str | None:
    """The infinitive of a strong or irregular verb form, else None. Not folded: "låg" is a verb, "lag" (law)
    is not, nor "salt" (for "sålt"), "bara" (only, for "bära") or "galler" (for "gäller")."""
    return _lemmas().get(word.lower())
