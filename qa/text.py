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
SV_MARKERS = {
    "och", "att", "det", "som", "är", "på", "för", "med", "hur", "vad", "när", "vem", "var", "vilken",
    "vilka", "vilket", "många", "har", "kan", "ska", "inte", "om", "en", "ett", "den", "de", "av",
    "till", "sig", "också", "enligt", "varför", "finns", "mycket", "säger", "han", "hon",
}
EN_MARKERS = {
    "the", "is", "are", "how", "what", "when", "who", "which", "many", "does", "did", "of", "to", "and",
    "in", "a", "an", "was", "were", "why", "where", "much", "has", "have", "for", "with", "that", "it",
    "he", "she", "they", "about", "says", "say",
}
CUES = {
    "number": re.compile(r"\b(hur många|hur mycket|hur stor|antal|how many|how much|what number)\b", re.I),
    "time": re.compile(r"\b(när|sedan när|vilket år|vilka år|what year|which years?|when|since when|what date|hur ofta|how often)\b", re.I),
    "person": re.compile(r"\b(vem|vilka personer|vem som|who|whom|whose)\b", re.I),
    "place": re.compile(r"\b(var\b(?! det)|vart|where|vilken stad|på vilket hotell|which hotel|in which city)", re.I),
}
MONTHS = r"(januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december|january|february|march|may|june|july|august|october)"
ANSWER_SHAPES = {
    "number": re.compile(r"\d"),
    "time": re.compile(rf"\b(1[89]\d\d|20\d\d)\b|\b{MONTHS}\b|\b(årligen|vartannat|varje år|dag|vecka)\b", re.I),
    "person": re.compile(r"(?<![.!?]\s)(?<!^)\b[A-ZÅÄÖ][a-zåäöé]+ [A-ZÅÄÖ][a-zåäöé]+|\bsäger [A-ZÅÄÖ]"),
    "place": re.compile(r"\b(på|i|vid|at|in) [A-ZÅÄÖ#]"),
}


@lru_cache(maxsize=1)
def _stopwords() -> frozenset[str]:
    from bm25s.stopwords import STOPWORDS_EN, STOPWORDS_SWEDISH

    return frozenset(STOPWORDS_EN) | frozenset(STOPWORDS_SWEDISH) | {"många", "mycket", "enligt"}


@lru_cache(maxsize=4)
def _stemmer(language: str):
    import Stemmer

    return Stemmer.Stemmer(language)


def detect_language(text: str) -> str:
    """'sv' or 'en'; Swedish wins ties, since the articles are Swedish."""
    words = [w.lower() for w in TOKEN.findall(text)]
    sv = sum(w in SV_MARKERS for w in words) + 2 * bool(re.search(r"[åäöÅÄÖ]", text))
    en = sum(w in EN_MARKERS for w in words)
    return "en" if en > sv else "sv"


def fold(word: str) -> str:
    """Accents off, for matching Swedish and English spellings alike."""
    return "".join(c for c in unicodedata.normalize("NFKD", word.lower()) if not unicodedata.combining(c))


def stem(word: str) -> str:
    return _stemmer("swedish").stemWord(word.lower())


def terms(text: str) -> list[str]:
    """Content words, stemmed the Swedish way, in order, without repeats."""
    seen: dict[str, None] = {}
    for word in TOKEN.findall(text):
        low = word.lower()
        if low in _stopwords() or (len(low) < 2 and not low.isdigit()):
            continue
        seen.setdefault(stem(low), None)
    return list(seen)


def cognate_key(word: str) -> str:
    """A crude spelling key shared by many Swedish/English cognates (kamera/camera, polis/police)."""
    w = fold(word)
    for a, b in (("ph", "f"), ("th", "t"), ("ck", "k"), ("c", "k"), ("qu", "kv"), ("w", "v"), ("z", "s"), ("x", "ks")):
        w = w.replace(a, b)
    return w[:4]


def question_cues(question: str) -> list[str]:
    return [name for name, pattern in CUES.items() if pattern.search(question)]


def has_answer_shape(sentence: str, cue: str) -> bool:
    return bool(ANSWER_SHAPES[cue].search(sentence))


def specific_terms(text: str) -> list[str]:
    """Names, numbers and hashtags: words a supporting passage must contain."""
    found = []
    for i, match in enumerate(TOKEN.finditer(text)):
        word = match.group()
        sentence_start = match.start() == 0 or re.search(r"[.!?:]\s*$", text[: match.start()])
        if word.isdigit() or (word[0].isupper() and not sentence_start and len(word) > 1):
            found.append(word)
    found += re.findall(r"#(\w+)", text)
    return list(dict.fromkeys(found))
