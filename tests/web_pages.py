"""Web pages, feeds and a local HTTP server for the web-input tests (our own prose, nothing fetched).

Each page puts one short article among the clutter of a news site: a cookie banner, navigation,
a "Most read" list, related articles, reader comments and a footer. The clutter states relations
of its own (Russia THREATENS NATO, China SANCTIONS United States, ...), so a test can tell whether
any of it reached the graph.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from html import escape
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import httpx

GRAIN = ("Brazil and Argentina sign a grain accord", "2026-03-10T08:30:00Z", "Ana Ferreira", [
    "BRASÍLIA — Brazil signed a grain trade agreement with Argentina on Tuesday, ending a dispute over export "
    "quotas that had strained relations between the two neighbours for most of the year.",
    "The Brazilian president praised Argentina for its patience during the talks, and officials in Buenos Aires "
    "said the accord would be reviewed in twelve months.",
    "Chile criticised the deal, saying it left smaller exporters in the region without a fair share of the market.",
])
BORDER = ("Kenya accuses Ethiopia over border troops", "2026-03-13T06:00:00Z", "Joseph Mwangi", [
    "NAIROBI — Kenya accused Ethiopia on Friday of moving troops close to the shared border, a charge that "
    "officials in Addis Ababa rejected within hours.",
    "The African Union urged both governments to return to talks, and Uganda offered to host a meeting of the "
    "two foreign ministers next month.",
])
FISH = ("Chile and Peru sign a fisheries pact", [
    "Chile signed a fisheries agreement with Peru on Monday after two years of negotiations over quotas in their "
    "shared waters.",
    "Ecuador welcomed the pact and said it hoped to join it before the end of the season.",
])
# Relations that only the clutter states: none may reach the graph.
CLUTTER_PAIRS = {("russia", "nato"), ("china", "united-states"), ("iran", "israel"), ("venezuela", "guyana"),
                 ("pakistan", "india"), ("turkey", "greece")}
MOST_READ = ["Russia threatens NATO over new exercises.", "China sanctions the United States over chip exports.",
             "Iran condemned Israel after the strike."]


def article_page(article: tuple, canonical: str, semantic: bool = True) -> str:
    """A full news page; ``semantic=False`` builds the same page from plain ``div``s (no article/aside/footer tags)."""
    title, date, author, paragraphs = article
    body = "\n".join(f"<p>{escape(p)}</p>" for p in paragraphs)
    tag = (lambda t: t) if semantic else (lambda t: "div")
    most_read = "".join(f'<li><a href="/r{i}">{escape(h)}</a></li>' for i, h in enumerate(MOST_READ))
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>{escape(title)} | The Daily Ledger</title>
<meta property="og:title" content="{escape(title)}">
<meta property="article:published_time" content="{date}">
<meta name="author" content="{escape(author)}">
<link rel="canonical" href="{escape(canonical)}">
<script>window.analytics = {{"page": "article"}};</script>
</head><body>
<div id="cookie-banner" class="cookie-consent"><p>We use cookies to improve your experience on our site.
Accept all cookies or manage your preferences.</p><button>Accept</button></div>
<{tag("header")}><{tag("nav")} class="main-nav"><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li>
<li><a href="/politics">Politics</a></li><li><a href="/business">Business</a></li></ul></{tag("nav")}></{tag("header")}>
<{tag("main")}>
<{tag("article")} class="story">
<h1>{escape(title)}</h1>
<div class="byline">By {escape(author)}</div>
{body}
</{tag("article")}>
<{tag("aside")} class="sidebar most-read"><h2>Most read</h2><ol>{most_read}</ol></{tag("aside")}>
<{tag("section")} class="related"><h2>Related articles</h2><ul>
<li><a href="/d">Venezuela accuses Guyana of provocation at the border.</a></li></ul></{tag("section")}>
<{tag("section")} id="comments" class="comments"><h2>Comments</h2>
<div class="comment"><p>Pakistan threatens India every week and nobody writes about it.</p></div></{tag("section")}>
</{tag("main")}>
<{tag("footer")} class="site-footer"><p>© 2026 The Daily Ledger. Turkey criticised Greece in our archive.
All rights reserved.</p><a href="/privacy">Privacy</a></{tag("footer")}>
</body></html>"""


def rss(items: list[tuple[str, str, str, str]], title: str = "The Daily Ledger: World") -> str:
    """An RSS 2.0 feed of (title, link, pubDate, description) items."""
    body = "".join(f"<item><title>{escape(t)}</title><link>{escape(link)}</link><guid>{escape(link)}</guid>"
                   f"<pubDate>{escape(d)}</pubDate><description>{escape(desc)}</description></item>"
                   for t, link, d, desc in items)
    return f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>{escape(title)}</title>' \
           f"<link>http://127.0.0.1/</link><description>World news</description>{body}</channel></rss>"


@dataclass
class Route:
    body: bytes
    content_type: str = "text/html; charset=utf-8"
    status: int = 200
    hang: bool = False  # wait (until the server stops) instead of answering: a timeout
    length: bool = True  # send Content-Length (False: the client learns the size only by reading)
    location: str | None = None
    hold: float = 0.0  # seconds to hold the request open before answering (to see requests overlap)


@dataclass
class Site:
    """A local web server: ``routes`` by path; ``hits`` records (path, User-Agent, monotonic time)."""

    routes: dict[str, Route] = field(default_factory=dict)
    hits: list[tuple[str, str, float]] = field(default_factory=list)
    in_flight: int = 0
    most_in_flight: int = 0  # the most requests being answered at one time
    lock: threading.Lock = field(default_factory=threading.Lock)
    base: str = ""
    stop: threading.Event = field(default_factory=threading.Event)

    def url(self, path: str) -> str:
        return self.base + path


@contextmanager
def serve(site: Site) -> Iterator[Site]:
    """Serve ``site`` on 127.0.0.1 (a free port) in a thread; ready when this returns (checked, no sleeps)."""
    import time

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            site.hits.append((self.path, self.headers.get("User-Agent", ""), time.monotonic()))
            route = site.routes.get(self.path)
            if self.path == "/__ready":
                route = Route(b"ok", "text/plain")
            if route is None:
                route = Route(b"<html><body><p>Not here.</p></body></html>", status=404)
            if route.hang:
                site.stop.wait(30)
                return
            if route.hold:
                with site.lock:
                    site.in_flight += 1
                    site.most_in_flight = max(site.most_in_flight, site.in_flight)
                site.stop.wait(route.hold)
                with site.lock:
                    site.in_flight -= 1
            self.send_response(route.status)
            self.send_header("Content-Type", route.content_type)
            if route.location:
                self.send_header("Location", route.location)
            if route.length:
                self.send_header("Content-Length", str(len(route.body)))
            self.end_headers()
            try:
                self.wfile.write(route.body)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client stopped reading at its size limit

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    site.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        assert httpx.get(site.url("/__ready"), timeout=5).status_code == 200  # readiness: one real request
        site.hits.clear()
        yield site
    finally:
        site.stop.set()
        server.shutdown()
        server.server_close()
        thread.join(5)
