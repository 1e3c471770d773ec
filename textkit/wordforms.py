"""Words that say one thing in other forms: Swedish word formation and closed classes, not facts of any article.

A free paraphrase swaps a verb of change for another of the same direction ("har ökat" for "har stigit"),
an adjective's comparative for its superlative ("högre" for "högsta"), or a verb for the noun derived
from it ("kostnaden" for "kostade"). Snowball's stemmer sees none of these as one word.

>>> kin("ökade") == kin("stigit") == kin("växer"), kin("fallit") == kin("minskat"), kin("ökat") == kin("sjönk")
(True, True, False)
>>> kin("högre") == kin("högsta"), kin("längre") == kin("längst"), kin("billigare") == kin("billigaste")
(True, True, True)
>>> kin("högre") == kin("lägre"), kin("hög"), kin("lärare"), kin("fall")
(False, None, None, None)
>>> derived_base("kostnaden"), derived_base("anmälan"), derived_base("månad"), derived_base("planen")
('kost', 'anmäl', None, None)
>>> weak_past_base("körde"), weak_past_base("hördes"), weak_past_base("borde"), weak_past_base("sålde")
('kör', 'hör', None, None)
>>> verb_of_noun("omsättningen"), verb_of_noun("uppgången"), verb_of_noun("ökningen"), verb_of_noun("tidning")
('omsätta', 'uppgå', None, None)
"""

from __future__ import annotations

import re

from textkit.verbs import lemma

# Verbs of change by direction: the intransitive ones that say a figure went up or down. Strong verbs by
# their infinitive (``textkit.verbs``), weak ones by their forms (and the -ning noun: "ökningen").
CHANGE_VERBS = {"stiga": "up", "växa": "up", "falla": "down", "sjunka": "down"}
WEAK_CHANGE = {
    "up": re.compile(r"ök(a|ar|as|ade|ades|at|ats|ning|ningen|ningar|ningarna)"),
    "down": re.compile(r"minsk(a|ar|as|ade|ades|at|ats|ning|ningen|ningar|ningarna)"),
}
# Comparative and superlative forms whose stem changes ("lång", "längre", "längst"): the base they share.
IRREGULAR_DEGREES = {
    "hög": "högre högst högsta",
    "låg": "lägre lägst lägsta",
    "lång": "längre längst längsta",
    "stor": "större störst största",
    "ung": "yngre yngst yngsta",
    "gammal": "äldre äldst äldsta",
    "tung": "tyngre tyngst tyngsta",
    "bra": "bättre bäst bästa",
    "dålig": "sämre sämst sämsta",
}
DEGREE_OF = {form: base for base, forms in IRREGULAR_DEGREES.items() for form in forms.split()}
# A regular comparative or superlative: base + -are, -ast, -aste ("billigare", "billigast"). An agent noun
# in -are ("besökare") has no -ast form to be taken for; a short base ("lärare", "last") is left out.
REGULAR_DEGREE = re.compile(r"(\w{4,}?)(?:are|ast|aste)")
# A noun derived from a verb by -nad ("kostnad" from "kosta") or -an ("anmälan" from "anmäla"), with its
# inflections; the base must keep a syllable of its own (not "månad", "planen").
DERIVED = re.compile(r"(\w{3,}?[^aeiouyåäö])(nad|naden|nader|naderna|an)")
# Comparatives that tell which way a thing went: "den lägre marginalen" is the margin that fell.
COMPARATIVE_SIDE = {"högre": "up", "större": "up", "längre": "up", "fler": "up"}
COMPARATIVE_SIDE |= {"lägre": "down", "mindre": "down", "kortare": "down", "färre": "down"}
# The past of a weak verb whose stem ends in a vowel and -r or -l ("körde", "hördes", "ställde"): Snowball
# keeps its "d" ("körd"), so it meets no other form of the verb ("kör"). Not the modal "borde" (should),
# which is no past of "bo" (live).
WEAK_PAST = re.compile(r"(\w*[aeiouyåäö][rl])des?")
NOT_WEAK_PAST = {"borde"}
BASE_VOWEL = re.compile(r"[aeiouyåäö]")
# A noun of action from a strong verb: stem + -ning ("omsättning", from "omsätta"), or -ng after a
# long vowel's verb ("uppgång", from "uppgå"), with inflections.
ACTION = re.compile(r"(\w+?)(?:ning|ng)(?:en|ar|arna)?")


def change(word: str) -> str | None:
    """ "up" or "down" for a form of a verb of change, else None."""
    word = word.lower()
    side = CHANGE_VERBS.get(lemma(word) or "")
    return side or next((s for s, form in WEAK_CHANGE.items() if form.fullmatch(word)), None)


def degree_base(word: str) -> str | None:
    """The adjective a comparative or superlative is a degree of ("högsta" -> "hög"), else None."""
    word = word.lower()
    found = REGULAR_DEGREE.fullmatch(word)
    return DEGREE_OF.get(word) or (found.group(1) if found else None)


def kin(word: str) -> str | None:
    """One key for the words a paraphrase may put for each other: a direction, or an adjective's degrees."""
    side, base = change(word), degree_base(word)
    return f"change:{side}" if side else f"degree:{base}" if base else None


def derived_base(word: str) -> str | None:
    """The verb stem a -nad or -an noun is derived from ("kostnaden" -> "kost"), else None."""
    found = DERIVED.fullmatch(word.lower())
    return found.group(1) if found and BASE_VOWEL.search(found.group(1)) else None


def verb_of_noun(word: str) -> str | None:
    """The strong verb a noun of action names the act of ("omsättningen": "omsätta"), else None."""
    found = ACTION.fullmatch(word.lower())
    return found and (lemma(found.group(1) + "a") or lemma(found.group(1)))


def weak_past_base(word: str) -> str | None:
    """The present stem of a weak verb's past in -rde/-lde ("körde" -> "kör"), else None."""
    found = WEAK_PAST.fullmatch(word.lower())
    # A strong verb's past ("sålde", of "sälja") has its own table (``textkit.verbs``), not a stem in -l.
    return found.group(1) if found and word.lower() not in NOT_WEAK_PAST and not lemma(word) else None
