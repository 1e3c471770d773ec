"""Turn an ``Answer`` into what the page shows: chat Markdown and a sources panel.

Everything that came from an article or a user is escaped here, so it renders
as text: a passage holding ``<script>`` shows the tag and runs nothing.

>>> chat_markdown("2500 kameror. [1]")
'2500 kameror\\\\. \\\\[1\\\\]'
>>> highlight("Före. Citat här. Efter.", "Citat här.")
'Före. <mark>Citat här.</mark> Efter.'
"""
from __future__ import annotations

import re
from html import escape

from qa.messages import say
from qa.types import QUOTE_JOIN, Answer, Citation

# Markdown punctuation; < > & are left to html.escape (a backslash before an entity would show it).
MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|~$])")
WARNING_SIGN = "⚠️"


def chat_markdown(text: str) -> str:
    """Text shown verbatim by a Markdown renderer: no emphasis, links, headings or HTML."""
    return escape(MARKDOWN_SPECIAL.sub(r"\\\1", text), quote=False)


def answer_markdown(answer: Answer) -> str:
    """The chat bubble: the answer with its [n] markers and notice, or the one-line error."""
    return reply_markdown(answer.answer, answer.error, answer.notice)


def reply_markdown(text: str, error: str = "", notice: str = "") -> str:
    """A bubble from its parts, each escaped; the notice (e.g. sentences removed) in its own line.

    >>> print(reply_markdown("Svar [1]", notice="1 mening <togs> bort"))
    Svar \\[1\\]
    <BLANKLINE>
    _\\(1 mening &lt;togs&gt; bort\\)_
    """
    if error:
        return f"{WARNING_SIGN} {chat_markdown(' '.join(error.split()))}"
    if notice:
        return f"{chat_markdown(text)}\n\n_{chat_markdown('(' + ' '.join(notice.split()) + ')')}_"
    return chat_markdown(text)


def _quote_spans(text: str, quote: str) -> list[tuple[int, int]]:
    spans = []
    for sentence in (s.strip() for s in quote.split(QUOTE_JOIN)):
        start = text.find(sentence) if sentence else -1
        if start >= 0:
            spans.append((start, start + len(sentence)))
    return sorted(spans)


def highlight(text: str, quote: str) -> str:
    """The passage as escaped HTML, with the quoted sentences in <mark>."""
    out, pos = [], 0
    for start, end in _quote_spans(text, quote):
        start = max(start, pos)
        if end <= start:
            continue
        out.append(f"{escape(text[pos:start])}<mark>{escape(text[start:end])}</mark>")
        pos = end
    out.append(escape(text[pos:]))
    return "".join(out)


def source_item(citation: Citation, numbered: bool = True) -> str:
    """One collapsible source: [n], title, outlet and date; the passage inside."""
    number = f'<span class="source-n">[{int(citation.n)}]</span> ' if numbered else ""
    meta = " · ".join(escape(part) for part in (citation.source, citation.date) if part)
    return (
        f'<details class="source" data-n="{int(citation.n)}"><summary>{number}'
        f'<span class="source-title">{escape(citation.title or citation.doc_id)}</span>'
        f'<span class="source-meta">{meta}</span></summary>'
        f'<p class="passage">{highlight(citation.text, citation.quote)}</p></details>'
    )


def sources_html(answer: Answer) -> str:
    """The cited passages, or for a refusal the closest ones; empty for an error."""
    lang = "en" if answer.lang == "en" else "sv"
    if answer.error:
        return ""
    if answer.citations:
        heading, items, numbered = say("sources", lang), answer.citations, True
    elif answer.related:
        heading, items, numbered = say("related", lang).rstrip(":"), answer.related, False
    else:
        return ""
    body = "".join(source_item(c, numbered) for c in items)
    return f'<div class="sources" lang="{lang}"><h3>{escape(heading)}</h3>{body}</div>'
