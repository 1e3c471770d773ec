"""The formatter: article text and questions render as text, quotes are marked."""

from __future__ import annotations

from qa.types import Answer, Citation
from ui.render import answer_markdown, chat_markdown, highlight, sources_html

EVIL = "Festivalen lockade 4200 besökare. <script>alert(1)</script> Bild: <img src=x onerror=alert(1)>."


def citation(**overrides) -> Citation:
    values = dict(
        n=1,
        doc_id="900_x",
        chunk_id="900_x#0000",
        title="Rubrik <b>fet</b>",
        date="2024-05-01",
        source="Testbladet & Co",
        text=EVIL,
        quote="Festivalen lockade 4200 besökare.",
    )
    values.update(overrides)
    return Citation(**values)


def test_sources_escape_passage_title_and_outlet():
    html = sources_html(Answer(question="q", answer="a [1]", citations=[citation()]))
    assert "<script>" not in html and "<img" not in html and "<b>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "Rubrik &lt;b&gt;fet&lt;/b&gt;" in html and "Testbladet &amp; Co" in html
    assert "<mark>Festivalen lockade 4200 besökare.</mark>" in html


def test_source_has_number_title_outlet_date_in_a_details_element():
    html = sources_html(Answer(question="q", answer="a [1]", citations=[citation(title="Rubrik")]))
    assert html.count("<details") == 1 and "<summary>" in html
    summary = html[html.index("<summary>") : html.index("</summary>")]
    assert "[1]" in summary and "Rubrik" in summary and "Testbladet &amp; Co · 2024-05-01" in summary


def test_highlight_marks_every_quoted_sentence_and_escapes_them():
    text = "Ett <a>. Två. Tre <b>. Fyra."
    assert highlight(text, "Ett <a>. … Tre <b>.") == (
        "<mark>Ett &lt;a&gt;.</mark> Två. <mark>Tre &lt;b&gt;.</mark> Fyra."
    )
    assert highlight(text, "Inte i texten.") == "Ett &lt;a&gt;. Två. Tre &lt;b&gt;. Fyra."
    assert highlight("Ett två tre.", "Ett två … två tre.") == "<mark>Ett två</mark><mark> tre.</mark>"


def test_refusal_lists_related_under_its_heading_in_the_question_language():
    related = [citation(n=1, quote=""), citation(n=2, quote="", title="Annan")]
    sv = sources_html(Answer(question="q", answer="Det framgår inte av artiklarna.", refused=True, related=related))
    en = sources_html(Answer(question="q", answer="x", refused=True, lang="en", related=related))
    assert "<h3>Närmast liknande avsnitt</h3>" in sv and sv.count("<details") == 2 and "[1]" not in sv
    assert "<h3>Closest passages</h3>" in en and 'lang="en"' in en


def test_error_is_one_escaped_line_without_sources():
    answer = Answer(question="", answer="", refused=True, error="Store <down>\nTraceback line")
    assert answer_markdown(answer) == "⚠️ Store &lt;down&gt; Traceback line"
    assert sources_html(answer) == ""


def test_chat_markdown_keeps_text_verbatim():
    assert chat_markdown("**fet** _kursiv_ [1](javascript:x) #tagg <i>") == (
        "\\*\\*fet\\*\\* \\_kursiv\\_ \\[1\\]\\(javascript\\:x\\) \\#tagg &lt;i&gt;"
    )
