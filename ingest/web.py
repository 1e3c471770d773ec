"""HTML to article text: headline, date from meta tags, body without scripts.

>>> a = read_html('<title>T</title><h1>Rubrik</h1><script>x()</script><p>Text.</p>')
>>> a.title, a.text
('Rubrik', 'Text.')
"""
from __future__ import annotations

import re
from html.parser import HTMLParser

from ingest.reader import RawArticle

SKIPPED_TAGS = {"script", "style", "nav", "header", "footer", "aside", "noscript", "template", "svg", "form", "iframe", "button"}
BLOCK_TAGS = {"p", "div", "br", "li", "h2", "h3", "h4", "h5", "h6", "section", "article", "blockquote", "tr", "pre", "ul", "ol"}
DATE_META = ("article:published_time", "datePublished", "date", "dc.date", "pubdate", "publishdate", "og:published_time", "dcterms.date")
SOURCE_META = ("og:site_name", "application-name", "publisher")


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
        elif tag in BLOCK_TAGS:
            self._flush()

    def handle_endtag(self, tag):
        if tag in SKIPPED_TAGS:
            self.skip_depth = max(0, self.skip_depth - 1)
        elif tag in ("title", "h1"):
            self._in = None
        elif tag in BLOCK_TAGS:
            self._flush()

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
        if block:
            self.blocks.append(block)
        self.current = []


def _iso_date(value: str | None) -> str | None:
    match = re.search(r"\d{4}-\d{2}-\d{2}", value or "")
    return match.group(0) if match else None


def read_html(html: str) -> RawArticle:
    parser = _ArticleParser()
    parser.feed(html)
    parser.close()
    parser._flush()
    meta = {k.lower(): v for k, v in parser.meta.items()}
    date = next((_iso_date(meta.get(k.lower())) for k in (*DATE_META, "time") if _iso_date(meta.get(k.lower()))), None)
    source = next((meta[k.lower()] for k in SOURCE_META if meta.get(k.lower())), None)
    title = re.sub(r"\s+", " ", parser.h1 or parser.h1_in_skipped or parser.title).strip() or None
    return RawArticle(text="\n\n".join(parser.blocks), title=title, date=date, source=source)
