"""Odd files: other encodings, junk that must be skipped with a warning, and HTML pages."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from ingest_helpers import stored_passages, write_article

MALMO = "Polisen i Malmö sätter upp fler kameror på Möllevångstorget. Det säger kommunpolisen Åsa Ström."
GOOD = "Kommunen i Växjö har fått nya övervakningskameror. Beslutet togs i våras."


@pytest.mark.parametrize(
    "encoding, body",
    # '–' is cp1252 only; UTF-16 (with BOM) is what Windows Notepad saves as "Unicode".
    [("cp1252", MALMO + " – Det är bra, säger hon."), ("latin-1", MALMO), ("utf-16", MALMO)],
)
def test_legacy_encoded_article_is_stored_with_its_letters(tmp_path, make_settings, run_ingest, encoding, body):
    folder = tmp_path / "in"
    write_article(folder, "malmo.txt", body, title="Kameror i Malmö", encoding=encoding)
    assert "Malmö".encode() not in (folder / "malmo.txt").read_bytes()
    settings = make_settings()

    report, warnings = run_ingest([folder], settings)

    assert (report.files_read, report.skipped, warnings) == (1, [], [])
    [passage] = stored_passages(settings)
    assert passage["text"] == body
    assert (passage["meta"]["title"], passage["meta"]["date"]) == ("Kameror i Malmö", "2024-01-02")


JUNK = {
    "binary.txt": b"\x00\x01\x02BIN\x00\xff\xfe" * 200,
    "empty.txt": b"",
    "fake.pdf": "Det här är ingen PDF, bara text.".encode(),
    "notes.docx": b"PK\x03\x04 a word file",
}


def test_unusable_files_are_warned_and_skipped_while_others_go_in(tmp_path, make_settings, run_ingest):
    folder = tmp_path / "in"
    write_article(folder, "good.txt", GOOD)
    for name, data in JUNK.items():
        (folder / name).write_bytes(data)
    settings = make_settings()

    report, warnings = run_ingest([folder], settings)

    assert sorted(name.rsplit("/", 1)[-1] for name, _ in report.skipped) == sorted(JUNK)
    assert len(warnings) == len(JUNK)
    for name in JUNK:
        [message] = [w for w in warnings if name in w]
        assert "\n" not in message and message.strip()
    assert [p["text"] for p in stored_passages(settings)] == [GOOD]
    assert report.files_read == 1


HTML_PAGE = """<!doctype html>
<html><head>
<title>Sajtens titel | Nyheter</title>
<meta property="article:published_time" content="2024-05-01T10:00">
<style>.ingress {{ color: red; }}</style>
<script>alert(1)</script>
</head><body>
<nav>Meny</nav>
{headline}
<p>Polisen i Lund har satt upp sex nya kameror vid stationen.</p>
<p>Kamerorna ska vara i drift hela sommaren, säger polisen.</p>
</body></html>
"""


@pytest.mark.parametrize(
    "headline",
    ["<h1>Nya kameror i Lund</h1>", "<article><header><h1>Nya kameror i Lund</h1></header>"],
    ids=["h1", "h1-in-article-header"],
)
def test_html_article_gets_headline_date_and_body_only(tmp_path, make_settings, run_ingest, headline):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "lund.html").write_text(HTML_PAGE.format(headline=headline), encoding="utf-8")
    settings = make_settings()

    report, warnings = run_ingest([folder], settings)

    assert (report.files_read, warnings) == (1, [])
    passages = stored_passages(settings)
    assert {(p["meta"]["title"], p["meta"]["date"]) for p in passages} == {("Nya kameror i Lund", "2024-05-01")}
    text = "\n\n".join(p["text"] for p in passages)
    assert "Polisen i Lund har satt upp sex nya kameror vid stationen." in text
    assert "Kamerorna ska vara i drift hela sommaren, säger polisen." in text
    for unwanted in ("alert", "color", "Meny", "Sajtens titel", "<"):
        assert unwanted not in text


def test_a_file_name_that_is_not_utf8_is_skipped_with_one_warning_and_the_rest_stored(
    tmp_path, make_settings, run_ingest
):
    folder = tmp_path / "in"
    write_article(folder, "good.txt", GOOD)
    bad = os.fsdecode(os.fsencode(folder) + b"/citadell\xff.txt")  # a lone surrogate, as os.listdir gives it
    write_article(Path(bad).parent, Path(bad).name, MALMO)
    settings = make_settings()

    report, warnings = run_ingest([folder], settings)

    assert {p["meta"]["doc_id"] for p in stored_passages(settings)} == {"good"}
    assert len(report.skipped) == 1 and warnings == [
        "skipped " + str(folder) + "/citadell\\udcff.txt: the name is not valid UTF-8 (rename the file)"
    ]
