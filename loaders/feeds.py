"""RSS and Atom feeds (feedparser): one document per item.

An item's document is its linked page when ``--fetch-items`` is given and the page can be fetched,
else the item's own content (``content``, else ``summary``). The item's title, date and link are the
document's metadata, and its link is its source path, so an item already stored (by URL or by
content) is skipped when the feed is read again.

>>> items = parse_feed(b'<rss version="2.0"><channel><title>F</title><item><title>A</title>'
...                    b'<link>http://127.0.0.1/a</link><pubDate>Tue, 03 Feb 2026 10:00:00 GMT</pubDate>'
...                    b'<description>Brazil signed an accord with Argentina.</description></item></channel></rss>')
>>> items[0].title, items[0].link, items[0].date, items[0].text
('A', 'http://127.0.0.1/a', 'Tue, 03 Feb 2026 10:00:00 GMT', 'Brazil signed an accord with Argentina.')
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urljoin

import feedparser

from loaders.html import visible_text

if TYPE_CHECKING:
    from graph.model import Document
    from loaders.readers import LoadProblem

FEED_SUFFIXES = (".rss", ".atom", ".xml")
FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/xml",
              "text/xml", "application/feed+json")


@dataclass
class FeedItem:
    title: str
    link: str | None
    date: str | None  # as the feed wrote it; parsed (with a warning if bad) when the document is made
    date_field: str
    text: str
    guid: str | None = None


def parse_feed(data: bytes, base: str | None = None) -> list[FeedItem]:
    """The items of an RSS/Atom feed; ``ValueError`` when the bytes are not a feed."""
    parsed = feedparser.parse(data, response_headers={"content-location": base} if base else None)
    if not parsed.get("version") and not parsed.entries:
        reason = parsed.get("bozo_exception")
        detail = f" ({str(reason).splitlines()[0][:80]})" if reason else ""
        raise ValueError(f"not an RSS or Atom feed{detail}")
    items = []
    for entry in parsed.entries:
        body = ""
        if entry.get("content"):
            body = "\n".join(c.get("value", "") for c in entry.content)
        body = body or entry.get("summary", "") or ""
        link = entry.get("link")
        if link and base:
            link = urljoin(base, link)
        field = next((f for f in ("published", "updated", "created") if entry.get(f)), "published")
        items.append(FeedItem(title=(entry.get("title") or "").strip(), link=link or None, date=entry.get(field),
                              date_field=field, text=visible_text(body).text if body else "", guid=entry.get("id")))
    return items


def feed_documents(data: bytes, where: str, base: str | None = None) -> Iterator[Document | LoadProblem]:
    """Documents (and problems) for the items of one feed, read at ``where`` (a file or a URL)."""
    # Deferred: loaders.readers and loaders.web both read feeds through this module.
    from loaders import readers
    from loaders.web import current_context

    ctx = current_context()
    try:
        items = parse_feed(data, base)
    except ValueError as exc:
        yield readers.LoadProblem(where, str(exc))
        return
    if not items:
        yield readers.LoadProblem(where, "feed has no items")
        return
    fresh = []
    for i, item in enumerate(items, 1):
        if item.link and ctx.is_known(item.link):
            ctx.skipped_known += 1  # stored by an earlier run: not fetched, not parsed again
            continue
        fresh.append((i, item))
    pages = ctx.fetch_pages([item.link for _, item in fresh if item.link]) if ctx.options.fetch_items else {}
    stem = Path(where).stem if "://" not in where else "feed"
    for i, item in fresh:
        meta = {"title": item.title, "url": item.link}
        date, warning = readers.check_date(item.date, item.date_field)
        if warning:
            yield readers.LoadProblem(where, f"item {i}: {warning}")
        meta["date"] = date
        text = item.text
        page = pages.get(item.link) if item.link else None
        if isinstance(page, readers.LoadProblem):
            yield readers.LoadProblem(page.path, f"{page.message}; ingested the feed item's own text instead")
        elif page is not None:
            text = page.text
            meta["date"] = meta["date"] or page.date
            meta["author"] = page.author
        if not text.strip():
            yield readers.LoadProblem(where, f"item {i} ({item.title or item.link or 'untitled'}): no text")
            continue
        path = item.link or f"{where}#{item.guid or i}"
        name = readers.url_doc_id(item.link) if item.link else f"{stem}-{i}"
        if item.link:
            ctx.remember(item.link)
        yield readers._document(name, text, path, meta)
