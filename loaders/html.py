"""Visible text of an HTML page, with its title, date and canonical URL."""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser

_HIDDEN = {"script", "style", "noscript", "template", "head", "svg", "iframe", "object", "canvas"}
_BLOCK = {
    "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table",
    "section", "article", "header", "footer", "blockquote", "pre", "figcaption", "title", "hr", "dd", "dt",
}
_VOID = {"br", "hr", "img", "meta", "link", "input", "area", "base", "col", "embed", "source", "track", "wbr"}


@dataclass
class Page:
    text: str
    title: str = ""
    date: str | None = None
    url: str | None = None


class _Visible(HTMLParser):
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


def html_to_text(html: str) -> Page:
    """Visible text only: scripts, styles and the head are dropped; blocks become lines."""
    p = _Visible()
    p.feed(html)
    p.close()
    text = "".join(p.parts)
    lines = [re.sub(r"[ \t\r\f\v\xa0]+", " ", line).strip() for line in text.split("\n")]
    text = "\n".join(line for line in lines if line)
    meta = p.meta
    date = meta.get("article:published_time") or meta.get("date") or meta.get("pubdate")
    title = meta.get("og:title") or p.title.strip()
    return Page(text=text, title=title, date=date, url=meta.get("og:url") or meta.get("canonical") or None)
