"""Turn an ``Answer`` into what the page shows: chat Markdown and a sources panel.

Everything that came from an article or a user is escaped here, so it renders
as text: a passage holding ``<script>`` shows the tag and runs nothing.

>>> chat_markdown("2500 kameror. [1]")
'2500 kameror\\\\. \\\\[1\\\\]'
>>> highlight("Före. Citat här. Efter.", "Citat här.")
'Före. <mark>Citat här.</mark> Efter.'

An answer's ``[n]`` markers become links to its source in the panel (``#source-<turn>-<n>``);
the page script (``ui/page.js``) opens that source and scrolls to its marked sentence:

>>> print(reply_markdown("Målet är 2500 kameror. [1]", short="2500 kameror", turn=0, numbers={1}))
**2500 kameror**
<BLANKLINE>
Målet är 2500 kameror\\. [\\[1\\]](#source-0-1)

The engine cites its short answer first ("2500 kameror [1]: ..."); it is shown once, in bold:

>>> print(reply_markdown("2500 kameror [1]: Målet är 2500 kameror. [1]", short="2500 kameror", turn=0, numbers={1}))
**2500 kameror [\\[1\\]](#source-0-1)**
<BLANKLINE>
Målet är 2500 kameror\\. [\\[1\\]](#source-0-1)
"""

from __future__ import annotations

import re
from html import escape

from qa.messages import say
from qa.types import QUOTE_JOIN, Answer, Citation

# Markdown punctuation; < > & are left to html.escape (a backslash before an entity would show it).
# ":" too: GFM autolinks from an unescaped "https://" and keeps the backslashes after it in the link.
MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|~$:])")
ESCAPED_MARKER = re.compile(r"\\\[(\d{1,3})\\\]")  # "[n]" after chat_markdown escaped it
WARNING_SIGN = "⚠️"


def chat_markdown(text: str) -> str:
    """Text shown verbatim by a Markdown renderer: no emphasis, links, headings or HTML."""
    return escape(MARKDOWN_SPECIAL.sub(r"\\\1", text), quote=False)


def answer_markdown(answer: Answer) -> str:
    """The chat bubble: the answer with its [n] markers and notice, or the one-line error."""
    return reply_markdown(answer.answer, answer.error, answer.notice)


def reply_markdown(
    text: str, error: str = "", notice: str = "", short: str = "", turn: int | None = None, numbers=()
) -> str:
    """A bubble from its parts, each escaped: the short answer in bold, the quote with its [n]
    markers (links when ``turn`` is given), the notice (e.g. sentences removed) in its own line.

    >>> print(reply_markdown("Svar [1]", notice="1 mening <togs> bort"))
    Svar \\[1\\]
    <BLANKLINE>
    _\\(1 mening &lt;togs&gt; bort\\)_
    """
    if error:
        return f"{WARNING_SIGN} {chat_markdown(' '.join(error.split()))}"
    short = " ".join(short.split())
    lead = re.match(rf"{re.escape(short)}((?:\s*\[\d+\])+):\s+", text) if short else None
    if lead:  # the engine's cited short answer ("2500 kameror [1]: ..."): shown bold, with its marker
        short, text = short + lead.group(1), text[lead.end() :]
    body = linked(chat_markdown(text), turn, numbers)
    if short and short != text.strip():
        body = f"**{linked(chat_markdown(short), turn, numbers)}**\n\n{body}"
    if notice:
        return f"{body}\n\n_{chat_markdown('(' + ' '.join(notice.split()) + ')')}_"
    return body


def linked(markdown: str, turn: int | None, numbers) -> str:
    """Escaped ``\\[n\\]`` markers of cited passages as Markdown links to ``#source-<turn>-<n>``."""
    if turn is None:
        return markdown
    wanted = {int(n) for n in numbers}

    def link(match):
        n = int(match.group(1))
        return f"[{match.group(0)}](#source-{int(turn)}-{n})" if n in wanted else match.group(0)

    return ESCAPED_MARKER.sub(link, markdown)


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


def source_item(citation: Citation, numbered: bool = True, opened: bool = False) -> str:
    """One collapsible source: [n], title, outlet and date; the passage inside."""
    number = f'<span class="source-n">[{int(citation.n)}]</span> ' if numbered else ""
    meta = " · ".join(escape(part) for part in (citation.source, citation.date) if part)
    return (
        f'<details class="source" data-n="{int(citation.n)}"{" open" if opened else ""}><summary>{number}'
        f'<span class="source-title">{escape(citation.title or citation.doc_id)}</span>'
        f'<span class="source-meta">{meta}</span></summary>'
        f'<p class="passage">{highlight(citation.text, citation.quote)}</p></details>'
    )


def sources_html(answer: Answer, turn: int | None = None, current: bool = True) -> str:
    """The cited passages, source [1] open, or for a refusal the closest ones; empty for an error.

    ``turn`` numbers the block for the ``#source-<turn>-<n>`` links; only the ``current``
    block shows until a link of another turn is clicked.
    """
    if answer.error:
        return ""
    return sources_block(answer.lang, answer.citations, answer.related, turn, current)


def sources_block(lang: str, citations, related, turn: int | None = None, current: bool = True) -> str:
    lang = "en" if lang == "en" else "sv"
    if citations:
        heading, items, numbered = say("sources", lang), citations, True
    elif related:
        heading, items, numbered = say("related", lang).rstrip(":"), related, False
    else:
        return ""
    body = "".join(source_item(c, numbered, opened=numbered and c.n == 1) for c in items)
    where = "" if turn is None else f' data-turn="{int(turn)}"'
    kind = "sources current" if current else "sources"
    return f'<div class="{kind}" lang="{lang}"{where}><h3>{escape(heading)}</h3>{body}</div>'


def sources_panel(blocks: list[str], placeholder: str) -> str:
    """Every kept turn's sources (the newest shown), or the placeholder when there are none."""
    shown = "".join(blocks)
    return shown or f"<p><em>{escape(placeholder)}</em></p>"
