"""Closed Swedish (and some English) word classes that mark roles in a sentence: language, not facts.

``qa.roles`` reads who does what from them: a preposition opens an adverbial, a fronted adverb puts the
subject after the verb, a reporting verb's subject vouches for a clause, "fler"/"färre" compare the noun
after them. Unfolded, lower-case.

>>> {"på", "enligt"} <= PREPOSITIONS, "tror" in REPORTING, "fler" in AMOUNTS
(True, True, True)
"""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Prepositions: a word right after one is an adverbial, which Swedish may put before the verb in any
# sentence ("Enligt polisen har tjuvarna ...", "I flera skolor har ..."), so its place there names no role.
PREPOSITIONS = _words("""i på av för till från med om under över efter enligt hos vid mot genom utan inom bland mellan kring
runt sedan ur åt inför före bakom framför in of by for to from with on at""")

# Adverbs that may open a Swedish main clause, after which the subject follows the verb (V2):
# "Nu räknar kommunen med ..." says what "Kommunen räknar nu med ..." does.
FRONTED = _words(
    "nu då sedan därför därmed ändå dessutom redan snart tidigare senare också även nyligen samtidigt därefter"
    " hittills fortfarande ännu numera"
)

# Words that size a figure rather than name what it counts: "30 procent av X", "5 miljoner kronor".
UNITS = _words("procent procentenheter tusen miljon miljoner miljard miljarder kronor kr euro dollar st stycken")
# What makes a figure a sum of money or a share ("3 000 kronor", "14 procent"), as regex alternatives.
MONEY = r"(?:kronor|kr|euro|dollar|öre)\b"
SHARE = r"(?:%|procent|percent)"
# A share asked ("hur stor andel", "what proportion"), and a share said in words ("var fjärde", "hälften").
SHARE_ASKED = r"\b(?:andel\w*|procent|hur stor del|share|percentage|proportion|per cent|percent)\b"
SHARE_IN_WORDS = (
    r"\b(?:hälften|halva|var (?:annan|tredje|fjärde|femte|sjätte|tionde)|(?:tredje|fjärde|femte|tion)del\w*|"
    r"half|one in \w+|a third|a quarter|two thirds)\b"
)
# The same stretch of time in either language: "How many years?" is answered by "22 år", not "19 timmar".
TIME_UNITS = {
    form: unit
    for unit, forms in {
        "year": "år års åren året year years",
        "month": "månad månader månaderna månaden månads month months",
        "week": "vecka veckor veckorna veckan veckas week weeks",
        "day": "dag dagar dagarna dagen dags dygn dygnet day days",
        "hour": "timme timmar timmarna timmen hour hours",
        "minute": "minut minuter minuterna minuten minute minutes",
    }.items()
    for form in forms.split()
}
# What puts a place after it ("i Nässjö", "norr om Umeå", "in Borlänge"), as a regex with its space.
AT_PLACE = r"(?:i|på|vid|från|utanför|norr om|söder om|in|at|near)\s+"
# Kinds of place named after their town, part of the place's name: "på Kalmar flygplats", "i Kalmar hamn".
PLACE_NOUNS = (
    r"(?:flygplats|hamn|centrum|station|resecentrum|sjukhus|torg|strand|industriområde|skola|kyrka|län|kommun|"
    r"airport|harbour)"
)
# A stretch of the clock, one answer: "mellan klockan 18 och 02", "mellan kl. 07.00 och 20.00", "kl. 10–18".
CLOCK = r"\d{1,2}(?:[.:]\d\d)?"
CLOCK_RANGE = (
    rf"\b(?:mellan\s+(?:klockan\s+|kl\.\s*)?{CLOCK}\s+och\s+{CLOCK}|(?:klockan|kl\.)\s*{CLOCK}\s*[–-]\s*{CLOCK})\b"
)
# A part of a year before its digits: "under andra halvåret 2026", "första kvartalet 2025".
PART_OF_YEAR = r"(?:(?:första|andra) halvåret|(?:första|andra|tredje|fjärde) kvartalet)"

# Words that qualify a figure ("omkring 30 procent"): the figure still counts.
# "kosta" asked as a price ("vad kostar", "vad har det kostat"): a sum of money answers.
COST_FORMS = r"kostar|kostade|kostat|kosta"
# The words that qualify a figure in a short answer, kept with it ("omkring 30 procent", "upp till 35").
QUALIFIERS = (
    r"drygt|knappt|cirka|ca|omkring|runt|ungefär|nästan|över|under|minst|inom|upp till|mer än|mindre än|"
    r"i genomsnitt|i snitt|minus|plus|uppskattningsvis|närmare|uppemot|about|around|over|nearly|almost"
)
FIGURE_HEDGES = _words(
    "omkring ungefär cirka ca runt kring drygt knappt nästan närmare över under minst högst bara endast hela"
)

# Verbs that report what someone says, thinks or warns of ("Vakten tror att ..."): their subject
# vouches for the "att" clause, it does not do what that clause tells.
REPORTING = _words("""tror trodde menar menade anser ansåg säger sade sa uppger uppgav hävdar hävdade befarar befarade
misstänker misstänkte bedömer bedömde konstaterar konstaterade meddelar meddelade varnar varnade larmar larmade
påpekar påpekade skriver skrev tycker tyckte berättar berättade hoppas hoppades vet visste
trott menat ansett sagt uppgett hävdat befarat bedömt konstaterat meddelat varnat larmat påpekat skrivit tyckt
berättat hoppats vetat""")  # the supine too ("har meddelat att"); not "misstänkt", an adjective too

# Personal pronouns a reported clause may open with to tell of the speaker: "Rektorn säger att hon ...".
PERSONAL = _words("jag vi han hon de man")


def tells_of(clause: list[str], speaker: str) -> bool:
    """Whether a reported clause (its words after "att") may tell of ``speaker``: it opens with a personal
    pronoun, or "den"/"det" for a noun in the definite form of its gender ("Kommunen meddelar att den
    ...", "Bolaget uppger att det ..."). Not an article: "den", "det", "de" before a weak adjective
    ("den nya vägen"), which ends in -a; of the verbs after a subject only "ska" does.

    >>> tells_of(["den", "stänger"], "kommunen"), tells_of(["det", "ska"], "bolaget")
    (True, True)
    >>> tells_of(["det", "flyttar"], "kommunen"), tells_of(["den", "nya", "vägen"], "kommunen")
    (False, False)
    """
    pronoun, after = (clause + ["", ""])[:2]
    if pronoun in ARTICLES and after.endswith("a") and after != "ska":
        return False
    ending = {"den": ("n",), "det": ("et",)}.get(pronoun, ())  # "kommunen", "bolaget": the definite ending
    return pronoun in PERSONAL or speaker.endswith(ending)


ARTICLES = _words("den det de")


# Comparatives of amount: before a noun they say what grew or shrank ("färre stölder av cyklar").
AMOUNTS = {"fler", "färre", "mer", "mindre"}  # not "flera" (several): it compares nothing

REFLEXIVE = {"sig", "mig", "dig", "oss", "er"}  # "anmälde sig": the doer does it to itself
# A first or second person pronoun is reflexive only with its own subject by the verb ("vi anmälde oss");
# else it is an object ("säkerheten kostar oss": costs us). "sig" is always reflexive.
SUBJECT_OF = {"mig": "jag", "dig": "du", "oss": "vi", "er": "ni"}
SUBJECT_BEFORE = 3  # tokens before the verb: "vi har redan anmält oss"


def reflexive_after(words: list[str], k: int) -> bool:
    """The word after ``words[k]`` (a verb) is a reflexive pronoun, not an object.

    >>> reflexive_after(["de", "anmälde", "sig"], 1), reflexive_after(["vi", "anmälde", "oss"], 1)
    (True, True)
    >>> reflexive_after(["säkerheten", "kostar", "oss", "mer"], 1), reflexive_after(["de", "anmälde", "er"], 1)
    (False, False)
    """
    after = words[k + 1] if k + 1 < len(words) else ""
    return after == "sig" or SUBJECT_OF.get(after, "-") in words[max(0, k - SUBJECT_BEFORE) : k]


# Words that join clauses or list members: the word after one opens a new part, it fills no role there.
COORDINATORS = {"och", "men", "samt", "eller", "medan", "and", "but", "or", "while"}
# Words of time ("förra året", "på tisdagen"): an adverbial of time may stand before the verb or after it.
TIME = _words("""år året åren vecka veckan veckor månad månaden månader dag dagen dagar kväll kvällen morgon morgonen
natt natten helg helgen vår våren sommar sommaren höst hösten vinter vintern fjol förmiddag förmiddagen
eftermiddag eftermiddagen""")

# A sentence that opens with one of these continues the one before ("Den låg kvar på sjön i två timmar"):
# a claim may join its words with the thing named there. Folded: "där" and "då" are "dar", "da".
REFERS_BACK = _words("den det de dessa denna detta han hon dar da it they he she this")
# After an opening adverbial Swedish puts the subject behind the verb ("Utan stödet hade den blivit dyrare"):
# a personal pronoun there stands for something named before, as at the start. Not "det" (often a dummy
# subject: "I dag finns det ..."), nor "de"/"den" before the word they determine ("de minst lönsamma").
INVERTED_BACK = _words("den han hon")


def pronoun_inside(words: list[str], little) -> bool:
    """A subject pronoun after the verb, followed by a function word ("hade den enligt ...") but not "som"
    ("den som köpt", which points ahead). ``little`` tells a function word (``textkit.text.little``).

    >>> from textkit.text import little
    >>> pronoun_inside("utan stödet hade den enligt kommunen blivit".split(), little)
    True
    >>> pronoun_inside("nu ska den nya hallen byggas".split(), little), pronoun_inside("kunder som den som".split(), little)
    (False, False)
    """
    return any(w in INVERTED_BACK and after != "som" and little(after) for w, after in zip(words[2:], words[3:] + [""]))
