"""HTML to article text: headline, outlet and date from the page, body without page chrome.

Scripts, styles, navigation, figures (image, caption, credit), buttons and
asides are left out; a small box labelled as an ad or as links to other articles
("Annons", "Läs också") goes whole, label and content; list items keep a "- "
so they stay list items. The text is body only: the headline comes from
``<h1>`` (else ``<title>`` without the outlet), the outlet from ``og:site_name``,
the date from the usual meta tags or ``<time datetime>``.

>>> a = read_html('<title>T | Site</title><h1>Rubrik</h1><script>x()</script><p>Text.</p>'
...               '<div><span>Annons</span><p>Köp nu!</p></div><ul><li>Ett</li></ul>')
>>> a.title, a.text
('Rubrik', 'Text.\\n\\n- Ett')
>>> read_html('<title>Ny bro | Norra Dagbladet</title><meta property="og:site_name" content="Norra Dagbladet">').title
'Ny bro'
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from ingest.chrome import AD_MARKER, LINK_BOX_LABEL
from ingest.header import is_sentence
from ingest.reader import RawArticle

SKIPPED_TAGS = {
    "script",
    "style",
    "nav",
    "header",
    "footer",
    "aside",
    "noscript",
    "template",
    "svg",
    "form",
    "iframe",
    "button",
    "figure",
    "figcaption",
}
BLOCK_TAGS = {
    "p",
    "div",
    "br",
    "li",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "section",
    "article",
    "blockquote",
    "tr",
    "pre",
    "ul",
    "ol",
    "dd",
    "dt",
}
# Inside a bare <div> (a byline box, a meta row) each of these is a line of its own.
DIV_PARTS = {"span", "time", "strong", "address"}
BOX_TAGS = {"div", "section", "ul", "ol"}
BOX_MAX_WORDS = 60  # an ad or link box is small; a label inside a whole article section is not its box
DATE_META = (
    "article:published_time",
    "datePublished",
    "date",
    "dc.date",
    "pubdate",
    "publishdate",
    "og:published_time",
    "dcterms.date",
)
SOURCE_META = ("og:site_name", "application-name", "publisher")
TITLE_SEPARATOR = re.compile(r"\s+[|–—-]\s+")


class _ArticleParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.skip_depth = 0
        self.blocks: list[str] = []
        self.current: list[str] = []
        self.title = ""
        self.h1 = ""
        self.h1_in_skipped = ""  # <article><header><h1>: the headline sits in a skipped tag
        self.meta: dict[str, str] = {}
        self._in: str | None = None
        self.h1_at: int | None = None  # blocks before the headline: kicker, breadcrumbs, banners
        self._open: list[tuple[str, int]] = []  # block-level tags open, with len(blocks) at their start

    def handle_starttag(self, tag, attrs):
        attr = {k.lower(): (v or "") for k, v in attrs}
        if tag == "meta":
            key = attr.get("property") or attr.get("name") or attr.get("itemprop")
            if key and attr.get("content"):
                self.meta[key.lower()] = attr["content"].strip()
        elif tag == "time" and attr.get("datetime"):
            self.meta.setdefault("time", attr["datetime"])
        if tag in SKIPPED_TAGS:
            self.skip_depth += 1
        elif tag in ("title", "h1"):
            self._flush()
            self._in = tag
            if tag == "h1" and self.h1_at is None:
                self.h1_at = len(self.blocks)
        elif tag in BLOCK_TAGS or (tag in DIV_PARTS and self._open and self._open[-1][0] == "div"):
            self._flush()
            if tag != "br" and tag in BLOCK_TAGS:
                self._open.append((tag, len(self.blocks)))
            if tag == "li" and not self.skip_depth:
                self.current.append("- ")

    def handle_endtag(self, tag):
        if tag in SKIPPED_TAGS:
            self.skip_depth = max(0, self.skip_depth - 1)
        elif tag in ("title", "h1"):
            self._in = None
        elif tag in BLOCK_TAGS or (tag in DIV_PARTS and self._open and self._open[-1][0] == "div"):
            self._flush()
            if tag in BLOCK_TAGS:
                self._close(tag)

    def _close(self, tag: str) -> None:
        while self._open:
            open_tag, start = self._open.pop()
            if open_tag == tag:
                if tag in BOX_TAGS and _is_chrome_box(self.blocks[start:]):
                    del self.blocks[start:]
                return

    def handle_data(self, data):
        if self.skip_depth:
            if self._in == "h1":
                self.h1_in_skipped += data
            return
        if self._in == "title":
            self.title += data
        elif self._in == "h1":
            self.h1 += data
        else:
            self.current.append(data)

    def _flush(self):
        block = re.sub(r"\s+", " ", "".join(self.current)).strip()
        if block and block != "-":
            self.blocks.append(block)
        self.current = []


def _is_chrome_box(blocks: list[str]) -> bool:
    """A small box that starts with an ad label or a "Läs också" label: all of it is chrome."""
    if not blocks or sum(len(b.split()) for b in blocks) > BOX_MAX_WORDS:
        return False
    label = blocks[0].strip(" :").lower()
    return bool(AD_MARKER.match(blocks[0]) or LINK_BOX_LABEL.match(label))


def _after_headline(blocks: list[str], h1_at: int | None) -> list[str]:
    """Above the <h1> only whole sentences can be article text; a kicker ("Ekonomi") is not."""
    if h1_at is None:
        return blocks
    return [b for b in blocks[:h1_at] if is_sentence(b)] + blocks[h1_at:]


def _iso_date(value: str | None) -> str | None:
    match = re.search(r"\d{4}-\d{2}-\d{2}", value or "")
    return match.group(0) if match else None


def _title(parser: _ArticleParser, source: str | None) -> str | None:
    """The <h1>, else the <title> without the outlet's name beside it."""
    h1 = re.sub(r"\s+", " ", parser.h1 or parser.h1_in_skipped).strip()
    if h1:
        return h1
    parts = TITLE_SEPARATOR.split(re.sub(r"\s+", " ", parser.title).strip())
    kept = [p for p in parts if p and p != source] if source else parts[:1]
    return " – ".join(kept) or None


def read_html(html: str) -> RawArticle:
    parser = _ArticleParser()
    parser.feed(html)
    parser.close()
    parser._flush()
    meta = {k.lower(): v for k, v in parser.meta.items()}
    date = next((_iso_date(meta.get(k.lower())) for k in (*DATE_META, "time") if _iso_date(meta.get(k.lower()))), None)
    source = next((meta[k.lower()] for k in SOURCE_META if meta.get(k.lower())), None)
    return RawArticle(
        text="\n\n".join(_after_headline(parser.blocks, parser.h1_at)),
        title=_title(parser, source),
        date=date,
        source=source,
        headed=True,
    )
