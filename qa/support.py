"""Does one sentence of a passage (with its neighbours) back a generated sentence?

The pieces ``qa.verify`` puts together: figures (``textkit.figures``), content-word
coverage by stem, root or compound part, and names that stand next to what
they are said to do.

>>> w = Window("Polisen satte upp kameror vid resecentrum i fjol.", "Polisen satte upp kameror vid resecentrum i fjol.")
>>> w.covers("poliskamerorna"), w.covers("resecentrumet"), w.covers("drönarkameror")
(True, True, False)
>>> w.covers("uppsättningen")
False
"""

from __future__ import annotations

from functools import cached_property

from qa.comparison import compared
from qa.compounds import head_positions
from qa.figureback import FIGURE_BACK
from textkit.alike import ALIKE, REPORTING
from textkit.figures import joined_numbers, number_forms, numbers
from textkit.freewords import free_words
from textkit.quotes import speaker
from textkit.sentences import sentence_spans
from textkit.synonyms import heads, synonyms
from textkit.text import TOKEN, cognate_form, cognate_key, content_words, fold, name_units, stem
from textkit.text import little as _little
from textkit.verbs import lemma
from textkit.wordclasses import REFERS_BACK, pronoun_inside
from textkit.wordforms import derived_base, kin, verb_of_noun, weak_past_base
from textkit.wordshape import INFLECTION, compound_tail, inflected

# Derivational endings: "ökningen" and "ökade" share the root "ök"; "beslutet" and "besluta" "beslut".
ROOT_ENDINGS = ("ning", "ande", "ende", "else", "are", "ade", "ad", "at", "it", "et", "ar", "er", "a", "e", "t")
MIN_PART = 4  # shorter stems ("bil", "år") match inside too many unrelated words
CORE_SHARE = 0.6  # of the content words must be in the supporting sentence itself, not only its neighbours
NEAR = 10  # tokens: a name farther than this from every other word of the claim is a different person's role
# Words said together in the claim stand together in the support: consecutive content words of the
# sentence lie at most PAIR_GAP tokens apart there, or in one sentence in the same order; one pair
# in four may break (a paraphrase reorders a little).
PAIR_GAP = 10
PART_GAP = 3  # tokens: a compound written apart keeps its parts close ("fall av sjukdom", "plats på förskolan")


def root(word_stem: str) -> str:
    for ending in ROOT_ENDINGS:
        if word_stem.endswith(ending) and len(word_stem) - len(ending) >= 3:
            return word_stem[: -len(ending)]
    return word_stem


class Window:
    """One passage sentence (``core``, with the one before if it refers back) and the text around it (``text``)."""

    def __init__(self, core: str, text: str, parts: list[str] | None = None):
        self.core, self.text = core, text
        parts = [joined_numbers(part) for part in parts or [text]]
        self.tokens = [fold(t) for part in parts for t in TOKEN.findall(part)]
        self.sentence_of = [k for k, part in enumerate(parts) for _ in TOKEN.findall(part)]
        self.stems = [fold(stem(t)) for t in self.tokens]
        # A strong verb's form is looked up unfolded: "låg" (lay) is not "lag" (law), "sålt" not "salt".
        self.verbs = [lemma(t) for part in parts for t in TOKEN.findall(part)]
        self.kins = [kin(t) for part in parts for t in TOKEN.findall(part)]  # direction, degree (wordforms)
        self.heads = [heads(t) for part in parts for t in TOKEN.findall(part)]  # thesaurus entries (synonyms)
        self.syns = [synonyms(t) for part in parts for t in TOKEN.findall(part)]  # its synonyms: a meaning shared
        self.refers_back = [_refers_back(part) for part in parts]
        self.core_window = None if core == text else Window(core, core)
        self.speaker: Window | None = None  # who says the core, when it is in a quote (``textkit.quotes``)

    @cached_property
    def roots(self) -> set[str]:
        return {root(s) for s in self.stems}

    @cached_property
    def numbers(self) -> set[str]:
        return numbers(self.text)

    def positions(self, word: str, unfolded: str | None = None) -> list[int]:
        """Where in ``tokens`` the word stands: same stem or root, or as a part (or the head) of a compound
        there, or a word of its closed class (``ALIKE``), or a form of the same strong verb, or a verb of
        change of the same direction, a degree of the same adjective, the verb a noun is derived from, or a word
        the thesaurus gives the same meaning as it or as one of its synonyms."""
        w = fold(stem(word))
        alike = next((group for group in ALIKE if fold(word) in group), None) or number_forms(word)
        r, verb, word_kin = root(w), lemma(unfolded or word), kin(unfolded or word)
        base = derived_base(word) or weak_past_base(unfolded or word)  # "kostnaden": "kost"; "körde": "kör"
        base, act = base and root(fold(stem(base))), verb_of_noun(unfolded or word)
        same = synonyms(unfolded or word)  # the thesaurus: a word of the same meaning (textkit.synonyms)
        return [
            i
            for i, (tok, s, tok_verb, tok_kin, tok_heads, tok_syns) in enumerate(
                zip(self.tokens, self.stems, self.verbs, self.kins, self.heads, self.syns)
            )
            if s == w
            or (word_kin is not None and tok_kin == word_kin)
            or (base and root(s) == base)
            or tok in alike
            or root(s) == r
            or (len(w) >= MIN_PART and w in tok)
            or (len(r) >= MIN_PART - 1 and tok.startswith(r) and len(tok) - len(r) >= MIN_PART)
            or (len(tok) > 1 and w.startswith(tok) and inflected(tok, w[len(tok) :]) and not _little(tok))
            or (len(w) > 1 and s.endswith(w) and len(s) - len(w) >= MIN_PART and compound_tail(s[: -len(w)], w))
            or (verb is not None and tok_verb == verb)
            or (act is not None and tok_verb == act)
            or not same.isdisjoint(tok_heads)
            or not same.isdisjoint(tok_syns)
        ]

    def covers(self, word: str, depth: int = 0) -> bool:
        """The word is in the text, or it is a compound of parts that all are."""
        unfolded, word = word, fold(word)
        if self.positions(word, unfolded) or root(fold(stem(word))) in self.roots:
            return True
        if "-" in word:  # "eu-stödet": each part on its own
            return all(self.covers(part, depth + 1) for part in word.split("-") if part)
        if depth > 2 or len(word) < 2 * MIN_PART - 1:
            return False
        for split in range(MIN_PART - 1, len(word) - MIN_PART + 2):
            head, tail = word[:split], word[split:]
            if self._part(head, depth) and (INFLECTION.fullmatch(tail) or self.covers(tail, depth + 1)):
                return True
        return False

    def _part(self, head: str, depth: int) -> bool:
        """A compound's first part: as a word of its own, or with its linking -s/-a/-e dropped."""
        return any(
            len(h) >= MIN_PART - 1 and (h in self.roots or h in self.stems or self.covers(h, depth + 1))
            for h in {head, head.rstrip("sae")}
            if len(h) >= MIN_PART - 1
        )

    def backs(self, sentence: str) -> bool:
        """Numbers, dates, every content word and each name's company are in this window."""
        if not numbers(sentence) <= self.numbers:
            return False
        words = [w for w in self._claimed(sentence) if not w.isdigit()]
        if not all(self.covers(w) for w in words):
            return False
        core = self.core_window or self
        # A quote's speaker is named once, at the end of the quote: the core says what the speaker's words say.
        in_core = [core.covers(w) or self._speaker_only(w, core) for w in words]
        if words and sum(in_core) < CORE_SHARE * len(words):
            return False
        units = name_units(sentence)
        if not all(self._named_together(unit, words) for unit in units) or self._names_reversed(sentence, units):
            return False
        said = [w for w in self._claimed(joined_numbers(sentence)) if not self._speaker_only(w, core)]
        return self._pairs_apart(said) <= (len(said) - 2) // 4 and not self._slot_taken(sentence)

    def _speaker_only(self, word: str, core: Window) -> bool:
        """The word names the quote's speaker, not in the core: it stands where the quote ends, apart."""
        return bool(self.speaker and self.speaker.covers(word)) and not core.covers(word)

    def _claimed(self, sentence: str) -> list[str]:
        """The content words this window must hold: not those a paraphrase adds freely (``free_words``)."""
        free = free_words(sentence, self.text)
        return [w for w in content_words(sentence) if w not in free]

    def _names_reversed(self, sentence: str, units: list[list[str]]) -> bool:
        """Two names of the claim stand in the other order in every support sentence that has both.

        "I Alvesta 31,2 grader och i Ljungby 29,8" against "I Ljungby 31,2 grader och i Alvesta
        29,8": each figure went to the other town. A passive turns the order round legitimately
        ("bärgades av sjöräddningen"), and so does moving the speaker of a quote to the
        front, so names in those places are left out (``_set_aside``).
        """
        claim = [fold(t) for t in TOKEN.findall(sentence)]
        last = [fold(u[-1]) for u in units if fold(u[0]) in claim and not _set_aside(claim, claim.index(fold(u[0])))]
        where = [[i for i in self.positions(name) if not _set_aside(self.tokens, i)] for name in last]
        for a in range(len(last)):
            for b in range(a + 1, len(last)):
                both = [(i, j) for i in where[a] for j in where[b] if self.sentence_of[i] == self.sentence_of[j]]
                if last[a] != last[b] and both and all(j < i for i, j in both):
                    return True
        return False

    def _slot_taken(self, sentence: str) -> bool:
        """The claim puts a neighbour's word where the supporting sentence has another one.

        "bärgas av polisen" against "bärgas av sjöräddningen" (with the police in the
        sentence before): after the same little word ("av", "i", "till"), the core has a word the
        claim lacks, and the claim a word the core lacks. That is someone else in the role.
        """
        core = self.core_window
        if core is None:
            return False
        claim, own = [fold(t) for t in TOKEN.findall(joined_numbers(sentence))], Window(sentence, sentence)
        markers = {
            a for a, b in zip(core.tokens, core.tokens[1:]) if _little(a) and not _little(b) and not own.covers(b)
        }
        return any(
            a in markers and not _little(b) and not core.covers(b) and self.covers(b) for a, b in zip(claim, claim[1:])
        )

    def _pairs_apart(self, words: list[str]) -> int:
        """How many consecutive word pairs of the claim stand far apart (or not at all) here."""
        where = [self.positions(w) or self._part_positions(fold(w)) or head_positions(self, fold(w)) for w in words]
        return sum(not any(self._together(i, j) for i in a for j in b) for a, b in zip(where, where[1:]))

    def _part_positions(self, word: str) -> list[int]:
        """Where a compound's parts stand together in the core, written apart ("fall av sjukdom")."""
        if self.core_window and not self.core_window.covers(word):
            return []
        for split in range(MIN_PART - 1, len(word) - MIN_PART + 2):
            head = self.positions(word[:split]) or self.positions(word[:split].rstrip("s"))  # a linking -s
            if close := [i for i in head for j in self.positions(word[split:]) if abs(i - j) <= PART_GAP]:
                return close
        return []

    def _together(self, i: int, j: int) -> bool:
        """Close by, or in one sentence in the claim's order (a long subject ahead of its verb)."""
        if abs(i - j) <= PAIR_GAP or (i < j and self.sentence_of[i] == self.sentence_of[j]) or compared(self, i, j):
            return True
        later = max(self.sentence_of[i], self.sentence_of[j])
        return abs(self.sentence_of[i] - self.sentence_of[j]) == 1 and self.refers_back[later]

    def _named_together(self, unit: list[str], words: list[str]) -> bool:
        """A name must stand near another word of the claim, or it is someone else's role."""
        unit_words = {w.lower() for w in unit}
        partners = [w for w in words if w not in unit_words]
        where = self.positions(unit[-1]) or head_positions(
            self, fold(unit[-1])
        )  # a name in a compound: "Willys-butiker"
        if not where:
            return False
        if not partners:
            return True
        near = {i for p in partners for i in self.positions(p)}
        return any(abs(i - j) <= NEAR for i in where for j in near if not (set(unit_words) & {self.tokens[j]}))


AGENT = {"av", "by"}  # "bärgades av sjöräddningen": the doer after a passive verb
# "..., säger Karin Ek, vd för Lagerbolaget": the speaker, up to SPEAKER tokens after a reporting word.
SPEAKER = 4


def _set_aside(tokens: list[str], at: int) -> bool:
    """The token at ``at`` is a passive's doer or a quote's speaker: its place in the sentence is free."""
    return at > 0 and tokens[at - 1] in AGENT or any(t in REPORTING for t in tokens[max(0, at - SPEAKER) : at])


def _refers_back(sentence: str) -> bool:
    """The sentence opens with a pronoun standing for something named before ("Den låg kvar",
    "Där bor 300 personer"), not with a determiner ("Den äldre båten sjönk").

    >>> _refers_back("Det är dubbelt så många."), _refers_back("Den äldre båten sjönk.")
    (True, False)
    >>> _refers_back("Året innan var siffran 262."), _refers_back("Året innan sjönk 262 båtar.")
    (True, False)
    """
    words = [t.lower() for t in TOKEN.findall(sentence)]
    first, second = (words[:2] + ["", ""])[:2]
    # "Året innan var siffran 262": a word for the figure stands for the thing the sentence before counts.
    back = fold(first) in REFERS_BACK and _little(second) or pronoun_inside(words, _little)
    return back or bool(FIGURE_BACK & set(words))


def _with_antecedent(texts: list[str], i: int) -> str:
    """Sentence ``i``, and the one before when it refers back to it."""
    return f"{texts[i - 1]} {texts[i]}" if i > 0 and _refers_back(texts[i]) else texts[i]


def windows(sentence: str, passage_text: str) -> list[Window]:
    """Every sentence of the passage with its neighbours, most shared words first."""
    spans = sentence_spans(passage_text) or [(0, len(passage_text))]
    texts = [passage_text[s:e] for s, e in spans]
    found = [
        Window(_with_antecedent(texts, i), " ".join(texts[max(0, i - 1) : i + 2]), texts[max(0, i - 1) : i + 2])
        for i in range(len(texts))
    ]
    for window, (start, _) in zip(found, spans):
        said_by = speaker(passage_text, start)
        window.speaker = Window(said_by, said_by) if said_by else None
    words = set(content_words(sentence))
    return sorted(found, key=lambda w: -len(words & set(content_words(w.core))))


def check_translation(sentence: str, passage_text: str) -> bool:
    """The checkable part of a translated sentence: numbers, dates and names in one window, and an anchor."""
    wanted = numbers(sentence)
    names = [fold(n) for unit in name_units(sentence) for n in unit]
    for window in windows(sentence, passage_text):
        folded = fold(window.text)
        if not wanted <= window.numbers or not all(n in folded or cognate_form(n) in folded for n in names):
            continue
        cognates = cognate_form(window.text)
        if wanted or names or any(cognate_key(w) in cognates for w in content_words(sentence) if len(w) >= 4):
            return True
    return False
