"""Which encoding an article file is read in: UTF-8, cp1252/latin-1 or UTF-16, even with a few broken bytes."""

from __future__ import annotations

import pytest

from ingest.reader import decode_text, read_article

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


def test_nul_bytes_past_the_start_of_a_text_file_are_dropped_and_the_text_around_them_kept(tmp_path):
    path = tmp_path / "nul.txt"
    path.write_bytes(ARTICLE.encode() * 60 + "\n\n\x00\x00 Bron \x00öppnar i maj. \x00\n".encode())

    text = read_article(path, max_bytes=1_000_000).text

    assert len(ARTICLE.encode()) * 60 > 8192 and "\x00" not in text
    assert text.rstrip().endswith("Bron öppnar i maj.")
