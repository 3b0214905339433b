"""Main text of an HTML page, with its title, date, author and canonical URL.

The article is found by **trafilatura** (boilerplate removal: navigation, "most read" and
related-article lists, cookie banners, comments and footers are dropped) and its metadata
(``og:``/``article:`` tags, JSON-LD, ``<link rel=canonical>``) read with it. A page in which
trafilatura finds no main text at all (a bare fragment such as ``<p>One line.</p>``) falls back
to its visible text, so nothing readable is lost.

>>> story = "Brazil signed a trade accord with Argentina on Monday, ending two years of talks. " * 3
>>> page = html_to_text("<html><body><nav><a href='/'>Home</a> <a href='/w'>World</a></nav><article>"
...                     f"<h1>Accord</h1><p>{story}</p></article><footer>Contact us</footer></body></html>")
>>> page.text.splitlines()[0], "Home" in page.text, "Contact" in page.text
('Accord', False, False)
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from html.parser import HTMLParser

_HIDDEN = {"script", "style", "noscript", "template", "head", "svg", "iframe", "object", "canvas"}
_BLOCK = {
    "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table",
    "section", "article", "header", "footer", "blockquote", "pre", "figcaption", "title", "hr", "dd", "dt",
}
_VOID = {"br", "hr", "img", "meta", "link", "input", "area", "base", "col", "embed", "source", "track", "wbr"}
_BULLET = re.compile(r"^(?:[-*•]\s+)+")


@dataclass
class Page:
    text: str
    title: str = ""
    date: str | None = None
    url: str | None = None
    author: str | None = None


class _Visible(HTMLParser):
    """Visible text and head metadata, for pages trafilatura finds no article in."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0
        self.in_title = False
        self.title = ""
        self.meta: dict[str, str] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k.lower(): (v or "") for k, v in attrs}
        if tag == "meta":
            key = (a.get("property") or a.get("name") or "").lower()
            if key and a.get("content"):
                self.meta.setdefault(key, a["content"])
        elif tag == "link" and a.get("rel", "").lower() == "canonical":
            self.meta.setdefault("canonical", a.get("href", ""))
        if tag == "title":
            self.in_title = True
        if tag in _HIDDEN and tag not in _VOID:
            self.hidden += 1
        if tag in _BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        if tag in _HIDDEN and self.hidden:
            self.hidden -= 1
        if tag in _BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title += data
        elif not self.hidden:
            self.parts.append(data)


def _clean_lines(text: str) -> str:
    lines = [re.sub(r"[ \t\r\f\v\xa0]+", " ", line).strip() for line in text.split("\n")]
    return "\n".join(line for line in lines if line)


def visible_text(html: str) -> Page:
    """Every visible line (scripts, styles and the head dropped): the fallback of :func:`html_to_text`."""
    p = _Visible()
    p.feed(html)
    p.close()
    meta = p.meta
    date = meta.get("article:published_time") or meta.get("date") or meta.get("pubdate")
    return Page(text=_clean_lines("".join(p.parts)), title=meta.get("og:title") or p.title.strip(), date=date,
                url=meta.get("og:url") or meta.get("canonical") or None, author=meta.get("author") or None)


def _plain(text: str) -> str:
    """trafilatura's text marks list items '- ' and table cells '|': keep the words, one line per block."""
    out = []
    for line in text.split("\n"):
        line = _BULLET.sub("", line.strip())
        if line.startswith("|"):
            line = "; ".join(c.strip() for c in line.strip("| ").split("|") if c.strip())
        out.append(line)
    return _clean_lines("\n".join(out))


def html_to_text(html: str, url: str | None = None) -> Page:
    """The page's main text and metadata (``url``: where it was fetched, for relative canonical links)."""
    # Imported here: trafilatura takes about a second to import, and every CLI command imports the loaders.
    import trafilatura

    # It logs "empty HTML tree" and the like at warning level; our caller reports what matters.
    logging.getLogger("trafilatura").setLevel(logging.ERROR)
    logging.getLogger("htmldate").setLevel(logging.ERROR)
    doc = trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False, include_tables=True, include_images=False,
        deduplicate=False,
    )
    if doc is None or not (doc.text or "").strip():
        return visible_text(html)
    fallback = visible_text(html) if not doc.title else None
    return Page(
        text=_plain(doc.text),
        title=(doc.title or (fallback.title if fallback else "") or "").strip(),
        date=doc.date or None,
        url=doc.url if doc.url and doc.url != url else None,
        author=doc.author or None,
    )
