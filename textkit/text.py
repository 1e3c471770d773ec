"""Language, terms and question cues for Swedish and English text.

>>> detect_language("Hur många poliskameror finns det?"), detect_language("How many cameras?")
('sv', 'en')
>>> terms("Hur många poliskameror är målbilden nationellt?")
['poliskamer', 'målbild', 'nationellt']
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

TOKEN = re.compile(r"\w+(?:-\w+)*", re.UNICODE)
SV_MARKERS = set(
    "och att det som är på för med hur vad när vem var vilken vilka vilket många har kan ska inte "  # noqa: SIM905 (a word per line: 39 lines)
    "om en ett den de av till sig också enligt varför finns mycket säger han hon tack hej".split()
)
SWEDISH_LETTERS = re.compile(r"[åäöÅÄÖ]")
# EN_MARKERS ends with courtesies: a short "thanks" or "hello" is English too.
EN_MARKERS = set(
    "the is are how what when who which many does did of to and in a an was were why where much has "  # noqa: SIM905 (a word per line: 40 lines)
    "have for with that it he she they about says say you thanks thank please hello hi".split()
)
CUES = {
    "number": re.compile(
        r"\b(hur (många|manga|mycket|mkt|stor|stort|stora|hög|högt|höga|låg|lågt|djup|djupt|lång|långt|länge|"
        r"gammal|gamla|varm|varmt|kall|kallt|dyr|dyrt|dyra|tung|tungt|snabbt|fort|bred|brett)|antal|"
        r"vilken (andel|summa|temperatur|hastighet)|how (many|much|big|large|high|low|deep|long|old|hot|warm|cold|"
        r"expensive|heavy|fast|far|wide|tall)|what number|what (share|percentage|proportion|amount|temperature))\b",
        re.I,
    ),
    "clock": re.compile(
        r"\b(vilken tid|hur dags|vilken klockslag|vilka (tider|timmar)|what time|at what time|(which|what) hours)\b",
        re.I,
    ),
    # "nar": "när" typed without its ring, as people type on a phone.
    "time": re.compile(
        r"\b(när|nar|sedan när|vilket år|vilka år|vilket datum|vilka datum|vilken (dag|vecka|månad)|what year|"
        r"which years?|(which|what) (day|week|month|date)|when|since when|by when|from when|hur ofta|how often)\b",
        re.I,
    ),
    "person": re.compile(r"\b(vem|vilka personer|vem som|vad heter|who|whom|whose|what is the name)\b", re.I),
    # "var" is "where" opening a question ("Och var hålls den?"), "was" after another word ("Vad var priset?").
    "place": re.compile(
        r"(?:^|[.!?,;:]\s*|\b(?:och|men|så)\s+)var\b(?! det)|\b(vart|varifrån|where|(i )?vilken (stad|kommun|ort|stadsdel|by|region)|på vilket hotell|"
        r"which hotel|(in )?which (city|town|municipality|country|region))",
        re.I,
    ),
}
# "vilken/which" and a noun, when no cue above tells the kind: the thing is asked for by its name.
NAME_ASKED = re.compile(r"\b(vilken|vilket|vilka|which)\s+\w+", re.I)
# English capitalises month and weekday names, but they are dates, not names: the articles write them
# in Swedish ("June" is "juni", "Saturday" is in "lördagen").
CALENDAR_EN = "january february march april may june july august september october november december monday tuesday wednesday thursday friday saturday sunday"
CALENDAR_SV = "januari februari mars april maj juni juli augusti september oktober november december måndag tisdag onsdag torsdag fredag lördag söndag"
ENGLISH_CALENDAR = dict(zip(CALENDAR_EN.split(), CALENDAR_SV.split()))
MONTHS = "(" + "|".join(dict.fromkeys(CALENDAR_SV.split()[:12] + CALENDAR_EN.split()[:12])) + ")"
# Not the start of a figure: a time of day ("klockan 18", "kl. 17.30", "17:30") or the rest of one ("17.30").
NOT_A_TIME = r"(?<!klockan )(?<!kl\. )(?<!\d[.:])(?!\d{1,2}:[0-5]\d\b)"
# Numbers written as words, Swedish and English, from two ("ett"/"one" are also the article). "sex"
# is six only in Swedish, so it counts only where the text is Swedish (``textkit.figures.spelled``).
SPELLED_SV = (
    "två tre fyra fem sex sju åtta nio tio elva tolv tretton fjorton femton sexton sjutton arton nitton "
    "tjugo trettio fyrtio femtio sextio sjuttio åttio nittio"
)
SPELLED_EN = (
    "two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen "
    "eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety"
)
SPELLED_VALUES = [*range(2, 21), 30, 40, 50, 60, 70, 80, 90]
SPELLED = {w: n for words in (SPELLED_SV, SPELLED_EN) for w, n in zip(words.split(), SPELLED_VALUES, strict=True)}
# A figure written as a word, for the number shapes: the above, the larger ones and the ordinals of a
# share ("var tredje"). Not "en/ett/one" (articles) nor "första/andra/first" (rarely a count).
LARGER_NUMBER_WORDS = r"hundra tusen miljon\w* miljard\w* tredje fjärde femte hundred thousand million\w* billion\w*"
NUMBER_WORDS = "(" + "|".join([*SPELLED, *LARGER_NUMBER_WORDS.split()]) + ")"
YEAR_DIGITS = r"(?:1[89]|20)\d\d"  # a year's digits: 1800 to 2099
# "20/6": the Swedish order, day before month. Only real days and months, as a date's shape (textkit.figures
# reads any "d/m" for the months a claim names); "3/4 av" is a share.
DAY_MONTH = r"(?:[12]\d|3[01]|0?[1-9])/(?:1[0-2]|0?[1-9])"
ANSWER_SHAPES = {
    # A year, a day of a month ("15 december") or a time of day ("kl. 17.30") answers "when", not "how many".
    "number": re.compile(
        rf"\b(?!{YEAR_DIGITS}\b){NOT_A_TIME}\d[\d\s.,]*\b(?!\s*([–-]\s*\d+\s*)?{MONTHS})|\b{NUMBER_WORDS}\b(?! av)",
        re.I,
    ),
    "clock": re.compile(r"\b([01]?\d|2[0-3])[:.][0-5]\d\b|\bklockan\b|\bkl\.", re.I),
    # A day and month written "20/6" is a date as well. Not a weekday: news dates its own report by one
    # ("sa på tisdagen"), so a weekday rarely answers "when".
    "time": re.compile(
        rf"\b{YEAR_DIGITS}\b|\b{MONTHS}\b|\b(årligen|vartannat|varje år|dag|vecka)\b|\b{DAY_MONTH}\b(?! av)", re.I
    ),
    # Two capitalised words in a row, even opening a sentence ("Tomas Eriksson, 52, förlorade ...").
    "person": re.compile(r"\b[A-ZÅÄÖ][a-zåäöé]+ [A-ZÅÄÖ][a-zåäöé]+|\bsäger [A-ZÅÄÖ]"),
    "place": re.compile(r"\b(på|i|vid|at|in) [A-ZÅÄÖ#]"),
    # A capitalised word after another word: Swedish capitalises a name, not a noun ("myndigheten IVO").
    "name": re.compile(r"[^\s.!?:–-]\s+[A-ZÅÄÖ]\w"),
}

# bm25s's English list is 33 words; questions need their own function words dropped too.
EXTRA_STOPWORDS = set(
    "how many much what which who whom whose when where why did does do has have had its his her he she "  # noqa: SIM905 (a word per line: 60 lines)
    "him them were been being can could would should about according any some there here than så många "
    "mycket enligt vilken vilket vilka vem hur när var varför också finns sig sin sina sitt ska skulle "
    "kan kunde får fick".split()
)


@lru_cache(maxsize=1)
def _stopwords() -> frozenset[str]:
    from bm25s.stopwords import STOPWORDS_EN, STOPWORDS_SWEDISH

    return frozenset(STOPWORDS_EN) | frozenset(STOPWORDS_SWEDISH) | EXTRA_STOPWORDS


@lru_cache(maxsize=4)
def _stemmer(language: str):
    import Stemmer

    return Stemmer.Stemmer(language)


def detect_language(text: str) -> str:
    """'sv' or 'en'; Swedish wins ties, since the articles are Swedish.

    å, ä and ö count for Swedish in ordinary words, not in names: an English question may name a
    Swedish town or person.

    >>> detect_language("Where is Malmö located?"), detect_language("Who is Åsa Öberg?"), detect_language("thanks")
    ('en', 'en', 'en')
    >>> detect_language("Är Malmö störst?"), detect_language("Brand i Västerås"), detect_language("Öppnar badet?")
    ('sv', 'sv', 'sv')
    """
    tokens = TOKEN.findall(text)
    words = [w.lower() for w in tokens]
    letters = any(SWEDISH_LETTERS.search(w) for i, w in enumerate(tokens) if i == 0 or not w[0].isupper())
    sv = sum(w in SV_MARKERS for w in words) + 2 * letters
    en = sum(w in EN_MARKERS for w in words)
    return "en" if en > sv else "sv"


@lru_cache(maxsize=65536)  # called per word of every candidate sentence on each question
def fold(word: str) -> str:
    """Accents off, for matching Swedish and English spellings alike."""
    return "".join(c for c in unicodedata.normalize("NFKD", word.lower()) if not unicodedata.combining(c))


@lru_cache(maxsize=65536)
def stem(word: str, lang: str = "sv") -> str:
    return _stemmer("english" if lang == "en" else "swedish").stemWord(word.lower())


# Snowball's Swedish stemmer keeps a definite singular ending it has no rule for: "skolan", "bolaget",
# "ekonomin" stay whole, so a question's "skolan" missed a sentence's "skolor". Taken off, the rest
# stems as the word's other forms do ("skola", "bolag", "ekonomi").
DEFINITE_END = re.compile(r"(?<=\w{3})et$|(?<=\w{3}[aeiouyåäö])[nt]$")


@lru_cache(maxsize=65536)  # called per question word for every candidate sentence, as stem is
def definite_stem(word: str) -> str:
    """The stem of a Swedish noun with its definite singular ending off.

    >>> definite_stem("skolan"), definite_stem("bolaget"), definite_stem("ekonomin"), stem("skolor")
    ('skol', 'bolag', 'ekonomi', 'skol')
    """
    return stem(DEFINITE_END.sub("", word.lower()))


# No Swedish or English word is longer (a long compound such as "realisationsvinstbeskattning" has
# 28 letters): a longer token is a run-together string, and its head would match real words.
LONGEST_WORD = 40


def content_words(text: str) -> list[str]:
    """Lower-cased words that carry meaning, in order, without repeats.

    >>> content_words("Polisen har " + "Polis" * 20)
    ['polisen']
    """
    words = (w.lower() for w in TOKEN.findall(text))
    return list(
        dict.fromkeys(
            w for w in words if w not in _stopwords() and (len(w) > 1 or w.isdigit()) and len(w) <= LONGEST_WORD
        )
    )


def little(word: str) -> bool:
    """A function word (preposition, article, pronoun): it marks a slot but names nothing."""
    return not content_words(word)


def terms(text: str, lang: str = "sv") -> list[str]:
    """Content words stemmed in the text's language."""
    return list(dict.fromkeys(stem(w, lang) for w in content_words(text)))


COGNATE_SPELLINGS = (("ph", "f"), ("th", "t"), ("ck", "k"), ("qu", "kv"), ("w", "v"), ("z", "s"), ("x", "ks"))


def cognate_form(text: str) -> str:
    """Spell English the Swedish way, so cognates meet: camera → kamera, police → polise.

    >>> cognate_form("Police cameras"), cognate_form("kameraoffensiv")
    ('polise kameras', 'kameraoffensiv')
    """
    w = fold(text)
    for a, b in COGNATE_SPELLINGS:
        w = w.replace(a, b)
    w = re.sub(r"c(?=[eiy])", "s", w)
    return w.replace("c", "k")


@lru_cache(maxsize=65536)
def cognate_key(word: str) -> str:
    """The stem-like head of a word's cognate form: five letters of a long word, else all."""
    form = cognate_form(word)
    return form[:5] if len(form) >= 6 else form


def question_cues(question: str) -> list[str]:
    """The kinds of answer a question asks for, by its question words ("hur djupt": a quantity too):
    >>> question_cues("Hur djupt är sjön?"), question_cues("Vad heter bagaren?"), question_cues("Varifrån kom tåget?")
    (['number'], ['person'], ['place'])

    Else "vilken/which" and a noun asks for one by its name ("Vilken myndighet granskar bygget?"):
    >>> question_cues("Vilken myndighet granskar bygget?"), question_cues("Vilket år öppnade bron?")
    (['name'], ['time'])
    """
    return [name for name, pattern in CUES.items() if pattern.search(question)] or (
        ["name"] if NAME_ASKED.search(question) else []
    )


# Cues whose answer must have the shape: a "how many" answered without a quantity is no answer.
REQUIRED_SHAPES = ("number", "clock")


def has_answer_shape(sentence: str, cue: str) -> bool:
    return bool(ANSWER_SHAPES[cue].search(sentence))


def specific_terms(text: str) -> list[str]:
    """Names, numbers and hashtags: words a supporting passage must contain."""
    found = []
    for match in TOKEN.finditer(text):
        word = match.group()
        sentence_start = match.start() == 0 or re.search(r"[.!?:]\s*$", text[: match.start()])
        if word.isdigit() or (word[0].isupper() and not sentence_start and len(word) > 1):
            found.append(word)
    found += re.findall(r"#(\w+)", text)
    return list(dict.fromkeys(found))


def question_specifics(question: str) -> list[str]:
    """``specific_terms`` of a question, an English month or weekday as the articles write it.

    >>> question_specifics("What did Café Nord take in on a Saturday in June 2024?")
    ['Café', 'Nord', 'lördag', 'juni', '2024']
    """
    return list(dict.fromkeys(ENGLISH_CALENDAR.get(word.lower(), word) for word in specific_terms(question)))


# What a terminal would act on or show wrongly: control characters (ANSI escapes, bell, newlines),
# line separators and lone surrogates.
UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f\u2028\u2029\ud800-\udfff]")


def escaped_line(name: str) -> str:
    """A message safe to print on one line: control characters and undecodable bytes escaped.

    >>> escaped_line("evil\\nname.txt")
    'evil\\\\nname.txt'
    """
    return UNPRINTABLE.sub(lambda m: m.group().encode("unicode_escape", "backslashreplace").decode("ascii"), name)


def name_units(sentence: str) -> list[list[str]]:
    """Names as runs of capitalised words ("Stefan Singman"), hashtags as their own unit."""
    capitalised = set(specific_terms(sentence))
    units, run = [], []
    for match in TOKEN.finditer(sentence):
        word = match.group()
        follows = bool(run) and sentence[match.start() - 1 : match.start()] == " "
        if word in capitalised and not word.isdigit() or (word[:1].isupper() and follows):
            run.append(word)
            continue
        units, run = units + ([run] if run else []), []
        if word[:1].isupper() and not word.isdigit():  # a sentence-initial word may start a name
            run = [word]
    units += [run] if run else []
    names = [u for u in units if len(u) > 1 or u[0] in capitalised]
    return names + [[tag] for tag in re.findall(r"#(\w+)", sentence)]
