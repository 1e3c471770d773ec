"""Which encoding an article file is read in: UTF-8, cp1252/latin-1 or UTF-16, even with a few broken bytes."""

from __future__ import annotations

import pytest

from ingest.reader import decode_text

ARTICLE = (
    "Göteborgs-Tidningen\n\n2024-05-06\n\nÄlvsborgsbron stängs för renovering\n\n"
    "Bron över älven i Göteborg stängs i sex veckor, säger Trafikverkets projektledare Åsa Ek."
)


@pytest.mark.parametrize(
    "broken", [b"\xff", b"\xc3\x28 trasig \xff\xfe", b"\xe4"], ids=["one bad byte", "a broken run", "a cp1252 letter"]
)
def test_utf8_with_a_few_broken_bytes_stays_utf8_and_only_those_are_replaced(broken):
    text = decode_text(ARTICLE.encode() + b"\n\n" + broken)

    assert text.startswith(ARTICLE + "\n\n")  # no "GÃ¶teborg" anywhere
    assert "\ufffd" in text[len(ARTICLE) :]


@pytest.mark.parametrize(
    "data",
    [
        ARTICLE.encode("cp1252"),
        ARTICLE.encode("latin-1"),
        ARTICLE.encode("utf-16"),
        ARTICLE.encode("utf-8-sig"),
        ARTICLE.encode("cp1252") + " och fler ”citat” – och tankstreck.".encode("cp1252"),
    ],
    ids=["cp1252", "latin-1", "utf-16 with BOM", "utf-8 with BOM", "cp1252 punctuation"],
)
def test_whole_files_in_each_encoding_are_read_as_written(data):
    assert decode_text(data).startswith(ARTICLE)
