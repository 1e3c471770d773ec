"""The Swedish thesaurus: a word's forms find its synonyms, a word that only looks like an entry finds none."""

from __future__ import annotations

import pytest

from textkit.synonyms import THESAURUS, heads, synonyms

pytestmark = pytest.mark.fast


@pytest.mark.parametrize(
    "word, synonym",
    [
        ("anställda", "personal"),  # a plural adjective used as a noun
        ("personalen", "anställd"),  # listed one way in the file, found both ways
        ("villor", "hus"),  # the -a of "villa" goes before the plural ending
        ("jobbar", "arbeta"),  # a verb by its infinitive
        ("hyrde", "arrendera"),
        ("hojen", "cykel"),  # a short entry with its definite ending
    ],
)
def test_a_form_of_a_word_finds_the_words_of_the_same_meaning(word, synonym):
    assert synonym in synonyms(word)


@pytest.mark.parametrize("word", ["heter", "vill", "Exempelby", "2500"])
def test_a_word_that_only_begins_like_an_entry_finds_nothing(word):
    # "heter" is not "het" (hot) inflected, nor "vill" (wants) a form of "villa"
    assert not heads(word) and not synonyms(word)


def test_the_thesaurus_ships_in_the_package_with_its_notice():
    notice = (THESAURUS.parent / "NOTICE_th_sv_SE.txt").read_text(encoding="utf-8")
    assert THESAURUS.is_file() and "Viggo Kann" in notice and "Permission is hereby granted" in notice
