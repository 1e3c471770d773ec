"""Header fields and site chrome of articles in the layouts and shapes scraped news really has.

Every input is invented here; each header layout and each kind of chrome has its own case.
"""

from __future__ import annotations

import pytest

from ingest import clean
from ingest.clean import dedupe_paragraphs, parse_article

BODY = "Brandkåren i Exempelstad har köpt 40 nya rökdykarmasker.\n\nMaskerna tas i bruk i sommar."
HEADLINE = "Nya masker till brandkåren"


@pytest.mark.parametrize(
    "text, title, source",
    [
        (f"Räddningsnytt\n\n2026-03-01\n\n{HEADLINE}\n\n{BODY}", HEADLINE, "Räddningsnytt"),
        (f"2026-03-01\n\n{HEADLINE}\n\n{BODY}", HEADLINE, ""),
        (f"{HEADLINE}\n\n2026-03-01\n\n{BODY}", HEADLINE, ""),
        (f"# {HEADLINE}\n\n2026-03-01\n\n{BODY}", HEADLINE, ""),
    ],
)
def test_headline_date_and_outlet_in_any_usual_order(text, title, source):
    article = parse_article(text, "brand")

    assert (article.title, article.date, article.source) == (title, "2026-03-01", source)
    assert article.text == BODY  # no body sentence is taken for a headline, none is lost


@pytest.mark.parametrize("separator", ["\n", "\n\n"])
def test_outlet_line_then_headline_with_no_date(separator):
    article = parse_article(separator.join(["Exempelbygdens Tidning", HEADLINE, BODY]), "brand")

    assert (article.title, article.source, article.date) == (HEADLINE, "Exempelbygdens Tidning", "")
    assert article.text == BODY


def test_outlet_date_headline_on_single_lines():
    article = parse_article(f"Exempelbygdens Tidning\nPublicerad 1 mars 2026\n{HEADLINE}\n{BODY}", "brand")

    assert (article.title, article.source, article.date) == (HEADLINE, "Exempelbygdens Tidning", "2026-03-01")
    assert article.text == BODY


def test_body_only_article_keeps_every_sentence_and_titles_itself_from_the_first():
    article = parse_article(BODY, "brand")

    assert article.text == BODY
    assert article.title == "Brandkåren i Exempelstad har köpt 40 nya rökdykarmasker."
    assert (article.source, article.date) == ("", "")


def test_long_first_sentence_makes_a_shortened_title():
    first = "Brandkåren i Exempelstad " + "har länge och utförligt diskuterat " * 6 + "nya masker."
    article = parse_article(f"{first}\n\nMaskerna tas i bruk i sommar.", "brand")

    assert article.title.endswith(" …") and len(article.title) <= 125
    assert article.text.startswith(first)


@pytest.mark.parametrize(
    "date_line",
    [
        "2026-03-01",
        "2026-03-01 08:15",
        "Publicerad 1 mars 2026",
        "1 mars 2026 kl. 14.32",
        "Publicerad: 2026-03-01 12:01 Uppdaterad: 2026-03-02 09:40",
        "Uppdaterad 2 mars 2026 · Publicerad 1 mars 2026",
        "**Publicerad:** 1 mars 2026",
        "Publicerad söndag 1 mars 2026",
    ],
)
def test_every_date_line_format_gives_the_publication_date(date_line):
    article = parse_article(f"Räddningsnytt\n{date_line}\n{HEADLINE}\n\n{BODY}", "brand")

    assert (article.date, article.title, article.source) == ("2026-03-01", HEADLINE, "Räddningsnytt")
    assert article.text == BODY


def test_markdown_header_with_outlet_and_date_in_emphasis():
    text = f"# {HEADLINE}\n\n*Räddningsnytt, 2026-03-01*\n\n**Av Per Exempel**\n\n{BODY}\n\n## Fler masker i höst\n\nFler kommer."
    article = parse_article(text, "brand")

    assert (article.title, article.source, article.date) == (HEADLINE, "Räddningsnytt", "2026-03-01")
    assert article.text == f"{BODY}\n\nFler masker i höst\n\nFler kommer."


def test_markdown_outlet_beside_a_byline():
    text = f"# {HEADLINE}\n\n**Publicerad:** 1 mars 2026\n**Räddningsnytt** · Av Per Exempel\n\n{BODY}"
    article = parse_article(text, "brand")

    assert (article.title, article.source, article.date) == (HEADLINE, "Räddningsnytt", "2026-03-01")
    assert article.text == BODY


CHROME = {
    "ad marker": ["Annons"],
    "ad marker with outlet": ["Annons om att annonsera i Räddningsnytt"],
    "age notice": ["Den här artikeln är mer än ett år gammal."],
    "age notice, months": ["Denna nyhet är äldre än 6 månader och är kanske inte aktuell längre."],
    "age notice, published": ["Observera att den här texten publicerades för över två år sedan."],
    "photo credit": ["Foto: Per Exempel/TT"],
    "image credit": ["Bild: Privat"],
    "capital credit": ["FOTO: PER EXEMPEL"],
    "caption and credit": ["Brandmän provar de nya maskerna på övningsfältet.", "Foto: Per Exempel"],
    "caption with credit": ["Brandmän provar maskerna. Foto: Per Exempel"],
    "byline": ["Av Per Exempel"],
    "byline with role": ["Per Exempel, reporter"],
    "byline text label": ["Text: Per Exempel · Nöjesreporter"],
    "e-mail": ["per.exempel@raddningsnytt.se"],
    "name and e-mail": ["Per Exempel", "per.exempel@raddningsnytt.se"],
    "byline and date row": ["Av Per Exempel · 1 mars 2026 kl. 08.15"],
    "share": ["Dela"],
    "share on network": ["Dela på Facebook"],
    "share row": ["Dela Dela på Facebook Skriv ut"],
    "print": ["Skriv ut"],
    "copy link": ["Kopiera länk"],
    "cookie banner": ["Vi använder kakor för att ge dig en bättre upplevelse. Genom att fortsätta godkänner du det."],
    "consent button": ["Godkänn alla"],
    "read also": ["Läs också: Brandstationen i Exempelstad byggs om"],
    "read more": ["Läs mer: Så väljer du brandvarnare"],
    "read also box": ["Läs också", "Brandstationen i Exempelstad byggs om"],
    "update stamp": ["Uppdaterad 2 mars 2026 kl. 09.40"],
}


@pytest.mark.parametrize("lines", CHROME.values(), ids=CHROME.keys())
def test_each_kind_of_site_chrome_is_dropped_and_the_article_kept(lines):
    first, second = BODY.split("\n\n")
    text = "\n".join(["Räddningsnytt", "2026-03-01", HEADLINE, first, "", *lines, "", second])
    article = parse_article(text, "brand")

    assert article.text == BODY
    assert (article.title, article.date, article.source) == (HEADLINE, "2026-03-01", "Räddningsnytt")


@pytest.mark.parametrize(
    "dirty, clean",
    [
        ("Läs mer på kommunens webbplats (länk till annan webbplats).", "Läs mer på kommunens webbplats."),
        (
            "Det framgår av rapporten Länk till extern webbplats som kom i maj.",
            "Det framgår av rapporten som kom i maj.",
        ),
        ("Se tidtabellen hos bolaget (öppnas i nytt fönster) före resan.", "Se tidtabellen hos bolaget före resan."),
    ],
)
def test_link_text_is_cut_out_of_a_sentence_that_stays(dirty, clean):
    article = parse_article(f"Räddningsnytt\n2026-03-01\n{HEADLINE}\n\n{dirty}\n\nMaskerna tas i bruk i sommar.", "b")

    assert article.text == f"{clean}\n\nMaskerna tas i bruk i sommar."


@pytest.mark.parametrize(
    "sentence",
    [
        "Annonsen för tjänsten publicerades i fjol och fick 40 sökande.",
        "Dela upp ansvaret mellan förvaltningarna, föreslår revisorerna.",
        "Bron är mer än hundra år gammal och behöver renoveras.",
        "Kommunen använder nu kakor från det lokala bageriet vid alla möten.",
        "Fotografen Per Exempel vann priset för bästa nyhetsbild.",
        "Av de 40 maskerna går tio till deltidsstationerna.",
        "- Exempelstad: 12 masker",
        "Fler masker i höst",
    ],
)
def test_article_lines_that_merely_resemble_chrome_are_kept(sentence):
    text = f"Räddningsnytt\n2026-03-01\n{HEADLINE}\n\nBrandkåren köpte masker.\n\n{sentence}\n\nMaskerna tas i bruk i sommar."
    article = parse_article(text, "brand")

    assert sentence in article.text.split("\n\n")


LONG = "Bron över älven i Exempelstad stängs för renovering under hela sommaren, meddelar kommunen."


@pytest.mark.parametrize(
    "paragraphs, kept",
    [
        ([LONG, "Maskerna tas i bruk i sommar.", LONG], [LONG, "Maskerna tas i bruk i sommar."]),
        ([LONG, "  " + LONG.upper()], [LONG]),
        ([LONG, "Bron över älven i Exempelstad stängs för renovering under sommaren."], [LONG]),
        (["Bron stängs i sommar.", "Bron stängs i sommar, meddelar kommunen."], None),
        (["Bron över älven i Exempelstad stängs för renovering", LONG], None),
        ([LONG, "Trafiken leds om via färjan, som går varje kvart under hela sommaren."], None),
    ],
    ids=["exact", "case and spaces", "near repeat", "too short to judge", "subheading", "different"],
)
def test_repeated_and_nearly_repeated_paragraphs_are_dropped(paragraphs, kept):
    assert dedupe_paragraphs(paragraphs) == (paragraphs if kept is None else kept)


def test_near_repeat_comparisons_grow_linearly_with_the_paragraph_count(monkeypatch):
    """A 1 MB article once took 6 minutes: every paragraph was compared with every other."""
    n, per_paragraph = 4000, 400  # the old all-pairs work was about n / 2 comparisons per paragraph
    calls = []

    def counted(*_):
        calls.append(1)
        assert len(calls) <= n * per_paragraph, "comparisons grow with the square of the paragraph count"
        return False

    monkeypatch.setattr(clean, "_is_near_repeat", counted)
    paragraphs = [f"Stycke {i} handlar om bron" + " och älven" * (i % 7) + "." for i in range(n)]

    assert dedupe_paragraphs(paragraphs) == paragraphs
