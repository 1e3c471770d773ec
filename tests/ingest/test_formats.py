"""HTML pages, PDFs and subheadings: header from the format, chrome left out, headings never quoted alone."""

from __future__ import annotations

import io

import pytest

from ingest.chunk import chunk_text
from ingest.clean import parse_article
from ingest.pdf import read_pdf
from ingest.web import read_html

PAGE = """<!doctype html><html><head>
<title>Nya masker till brandkåren | Räddningsnytt</title>
<meta property="og:site_name" content="Räddningsnytt">
{date_tag}
<script>track("sida")</script></head><body>
<div class="cookies"><p>Vi använder kakor för statistik.</p><button>Godkänn alla</button></div>
<nav><a href="/">Start</a></nav>
<div class="ad"><span>Annons</span><p>Köp brandvarnare hos Exempelbutiken – 20 % rabatt!</p></div>
<article>
<p class="kicker">Inrikes</p>
<div class="age">Den här artikeln är mer än två år gammal.</div>
<h1>Nya masker till brandkåren</h1>
<div class="meta"><span>Per Exempel</span> · <span>1 mars 2026 kl. 08.15</span></div>
<div class="share"><a href="#">Dela</a> <a href="#">Skriv ut</a></div>
<figure><img src="m.jpg"><figcaption>Maskerna provas. Foto: Per Exempel</figcaption></figure>
<p>Brandkåren i Exempelstad har köpt 40 nya rökdykarmasker.</p>
<h2>Klart i sommar</h2>
<p>Maskerna tas i bruk i sommar, enligt beslutet (länk till annan webbplats).</p>
<div class="related"><h3>Läs också</h3><ul><li><a href="/a">Brandstationen byggs om</a></li></ul></div>
<ul><li>Exempelstad: 30 masker</li><li>Byn: 10 masker</li></ul>
</article><footer><p>Räddningsnytt, Box 1, 100 00 Exempelstad</p></footer></body></html>"""
BODY = (
    "Brandkåren i Exempelstad har köpt 40 nya rökdykarmasker.\n\nKlart i sommar\n\n"
    "Maskerna tas i bruk i sommar, enligt beslutet.\n\n- Exempelstad: 30 masker\n\n- Byn: 10 masker"
)


@pytest.mark.parametrize(
    "date_tag",
    [
        '<meta property="article:published_time" content="2026-03-01T08:15:00+01:00">',
        '<meta name="date" content="2026-03-01">',
        '<time datetime="2026-03-01T08:15">1 mars</time>',
    ],
)
def test_html_page_gives_headline_outlet_date_and_only_the_article(date_tag):
    raw = read_html(PAGE.format(date_tag=date_tag))
    article = parse_article(raw.text, "masker", raw)

    assert (article.title, article.source, article.date) == (
        "Nya masker till brandkåren",
        "Räddningsnytt",
        "2026-03-01",
    )
    assert article.text == BODY


def test_html_title_without_h1_loses_the_outlet_name():
    raw = read_html(PAGE.format(date_tag="").replace("<h1>Nya masker till brandkåren</h1>", ""))

    assert raw.title == "Nya masker till brandkåren"


def _pdf(lines: list[tuple[int, int, str]]) -> bytes:
    """A real one-page PDF (Helvetica, WinAnsi) with each text line at its own height and size."""

    def esc(text):
        return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")

    stream = "".join(f"BT /F1 {size} Tf 72 {y} Td ({esc(text)}) Tj ET\n" for y, size, text in lines).encode("cp1252")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"endstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def test_pdf_lines_are_joined_back_into_headline_and_paragraphs():
    data = _pdf(
        [
            (780, 12, "Räddningsnytt"),
            (762, 10, "2026-03-01"),
            (730, 17, "Nya masker till brandkåren i"),
            (705, 17, "Exempelstad"),
            (675, 10, "Brandkåren i Exempelstad har köpt 40 nya"),
            (660, 10, "rökdykarmasker."),
            (636, 10, "Maskerna tas i bruk i sommar."),
            (612, 10, "De kostar 2 000 kronor"),
            (597, 10, "styck."),
        ]
    )
    raw = read_pdf(data)
    article = parse_article(raw.text, "masker", raw)

    assert (article.title, article.source, article.date) == (
        "Nya masker till brandkåren i Exempelstad",
        "Räddningsnytt",
        "2026-03-01",
    )
    assert article.text == (
        "Brandkåren i Exempelstad har köpt 40 nya rökdykarmasker.\n\n"
        "Maskerna tas i bruk i sommar.\n\nDe kostar 2 000 kronor styck."
    )


def _retrieved(text: str) -> list:
    from llama_index.core.schema import NodeWithScore, TextNode

    return [NodeWithScore(node=TextNode(text=text), score=1.0)]


def test_a_subheading_is_kept_in_its_passage_but_never_quoted_alone():
    from qa.extractive import candidates

    text = parse_article(
        "Räddningsnytt\n2026-03-01\nNya masker\n\nBrandkåren har köpt masker.\n\n"
        "Så ska maskerna användas vid bränder\n\nMaskerna tas i bruk i sommar.\n\n- Exempelstad: 30 masker i förrådet",
        "masker",
    ).text
    passages = [text[p.start : p.end] for p in chunk_text(text, max_sentences=2)]

    assert any("Så ska maskerna användas vid bränder\n\nMaskerna tas i bruk i sommar." in p for p in passages)
    quoted = [c.sentence for p in passages for c in candidates(_retrieved(p))]
    assert "Så ska maskerna användas vid bränder" not in quoted
    assert {"Maskerna tas i bruk i sommar.", "- Exempelstad: 30 masker i förrådet"} <= set(quoted)


def _encrypted(data: bytes) -> bytes:
    """``data`` as a PDF that opens only with a password."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    writer.encrypt(user_password="hemligt", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_a_broken_and_a_locked_pdf_get_one_warning_line_each_saying_which(tmp_path, run_cli):
    folder = tmp_path / "pdfs"
    folder.mkdir()
    good = _pdf([(760, 17, "Nya masker till brandkåren"), (730, 10, "Brandkåren har köpt 40 nya masker.")])
    (folder / "cut.pdf").write_bytes(good[:300])
    (folder / "locked.pdf").write_bytes(_encrypted(good))

    result = run_cli(folder, tmp_path / "data")

    lines = result.stderr.strip().splitlines()
    assert len(lines) == 2, result.stderr
    assert lines[0].startswith(f"warning: skipped {folder / 'cut.pdf'}: broken PDF (")
    assert lines[1] == f"warning: skipped {folder / 'locked.pdf'}: encrypted PDF (it needs a password)"
