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

import contextvars
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urljoin

import feedparser

from loaders import documents
from loaders.documents import LoadProblem
from loaders.html import visible_text

if TYPE_CHECKING:
    from graph.model import Document

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


@dataclass
class _NoFetchOptions:
    fetch_items: bool = False


@dataclass
class OfflineContext:
    """The context of a load that reads no web page: URLs stored or seen (a feed item already stored is skipped),
    and no fetching (a feed's items keep their own text). A load from the web puts a
    :class:`loaders.web.WebContext`, which fetches, in :data:`FETCH_CONTEXT`."""

    options: Any = field(default_factory=_NoFetchOptions)
    known_urls: set[str] = field(default_factory=set)
    skipped_known: int = 0

    def is_known(self, url: str) -> bool:
        return url in self.known_urls

    def remember(self, url: str) -> None:
        self.known_urls.add(url)

    def fetch_pages(self, urls: Sequence[str]) -> dict[str, Any]:
        return {}


# The load in progress: what feeds consult to fetch item pages and to skip items stored before. It lives here,
# below the web loader that sets it, so that file and web loads read feeds through one function.
FETCH_CONTEXT: contextvars.ContextVar[Any] = contextvars.ContextVar("actorgraph_web", default=None)


def fetch_context() -> Any:
    """The context of the load in progress (an offline one, fetching nothing, outside of one)."""
    ctx = FETCH_CONTEXT.get()
    if ctx is None:
        ctx = OfflineContext()
        FETCH_CONTEXT.set(ctx)
    return ctx


def feed_documents(data: bytes, where: str, base: str | None = None) -> Iterator[Document | LoadProblem]:
    """Documents (and problems) for the items of one feed, read at ``where`` (a file or a URL)."""
    ctx = fetch_context()
    try:
        items = parse_feed(data, base)
    except ValueError as exc:
        yield LoadProblem(where, str(exc))
        return
    if not items:
        yield LoadProblem(where, "feed has no items")
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
        date, warning = documents.check_date(item.date, item.date_field)
        if warning:
            yield LoadProblem(where, f"item {i}: {warning}")
        meta["date"] = date
        text = item.text
        page = pages.get(item.link) if item.link else None
        if isinstance(page, LoadProblem):
            yield LoadProblem(page.path, f"{page.message}; ingested the feed item's own text instead")
        elif page is not None:
            text = page.text
            meta["date"] = meta["date"] or page.date
            meta["author"] = page.author
        if not text.strip():
            yield LoadProblem(where, f"item {i} ({item.title or item.link or 'untitled'}): no text")
            continue
        path = item.link or f"{where}#{item.guid or i}"
        name = documents.url_doc_id(item.link) if item.link else f"{stem}-{i}"
        if item.link:
            ctx.remember(item.link)
        yield documents._document(name, text, path, meta)
