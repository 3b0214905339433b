"""Pages and feeds by URL: polite fetching (httpx) and the loader for a mix of URLs and paths.

Fetching is polite: a per-host delay between requests (or the host's ``Crawl-delay``, if longer), at
most ``concurrency`` requests at once, ``robots.txt`` obeyed unless ``robots=False``, and a
User-Agent that names actorgraph and its version. Every failure is one line: DNS failure, refused
connection, timeout, HTTP 4xx/5xx, too many redirects, a response that is not HTML or a feed, or
one over the size limit (read no further than the limit).

>>> load_sources(["ftp://example.org/x"]).problems[0].message
"unsupported URL scheme 'ftp' (only http and https)"
"""

from __future__ import annotations

import contextlib
import re
import socket
import threading
import time
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from urllib.parse import urlsplit
from urllib.robotparser import RobotFileParser

import httpx

from graph.errors import ActorgraphError
from graph.model import Document
from loaders import documents, readers, remote
from loaders.documents import LoadProblem
from loaders.feeds import FEED_TYPES, FETCH_CONTEXT, OfflineContext, feed_documents
from loaders.html import Page, html_to_text
from loaders.readers import DEFAULT_MAX_DOC_MB

try:
    VERSION = version("actorgraph")
except PackageNotFoundError:  # running from a source tree that was not installed
    VERSION = "0"
USER_AGENT = f"actorgraph/{VERSION} (news-to-graph research tool; +https://pypi.org/project/actorgraph/)"
HTML_TYPES = ("text/html", "application/xhtml+xml")
_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")
ROBOTS_MAX_BYTES = 512 * 1024


def is_url(source: str | Path) -> bool:
    """True for 'scheme://...' (http, https, or any other scheme, which is then refused with a reason)."""
    return isinstance(source, str) and bool(_URL.match(source))


@dataclass
class WebOptions:
    """How to fetch: per-request timeout (s), redirects, per-host delay (s), parallel requests, robots.txt."""

    timeout: float = 20.0
    max_redirects: int = 5
    delay: float = 1.0
    concurrency: int = 4
    robots: bool = True
    fetch_items: bool = False
    user_agent: str = USER_AGENT


@dataclass
class Fetched:
    url: str  # after redirects
    content_type: str
    body: bytes
    charset: str | None = None  # from the Content-Type header


class FetchError(ActorgraphError):
    """A fetch that failed, with a one-line reason."""


class Fetcher:
    """One HTTP client for a run: polite (per-host delay, robots.txt, concurrency) and size-limited.

    >>> Fetcher(WebOptions(), max_bytes=1000).options.max_redirects
    5
    """

    def __init__(self, options: WebOptions, max_bytes: int) -> None:
        self.options, self.max_bytes = options, max_bytes
        self.client = httpx.Client(
            follow_redirects=True, max_redirects=options.max_redirects, timeout=httpx.Timeout(options.timeout),
            headers={"User-Agent": options.user_agent,
                     "Accept": "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,"
                               "application/xml;q=0.9,*/*;q=0.1"},
            # Every request waits its host's turn, redirect hops and robots.txt included.
            event_hooks={"request": [lambda request: self._wait_turn(request.url.netloc.decode("ascii", "replace"))]},
        )
        self._lock = threading.Lock()
        self._host_locks: dict[str, threading.Lock] = {}
        self._next: dict[str, float] = {}
        self._delay: dict[str, float] = {}  # per host, when its robots.txt asks for a longer Crawl-delay
        self._robots: dict[str, RobotFileParser | str] = {}

    def close(self) -> None:
        self.client.close()

    def _host_lock(self, host: str) -> threading.Lock:
        with self._lock:
            return self._host_locks.setdefault(host, threading.Lock())

    def _wait_turn(self, host: str) -> None:
        """Requests to one host start at least the delay apart, whatever the concurrency."""
        with self._host_lock(host):
            now = time.monotonic()
            start = max(now, self._next.get(host, now))
            self._next[host] = start + self._delay.get(host, self.options.delay)
        if start > now:
            time.sleep(start - now)

    def _robots_for(self, origin: str) -> RobotFileParser | str:
        """The origin's parsed robots.txt, or a reason why nothing there may be fetched."""
        with self._host_lock("robots " + origin):
            if origin in self._robots:
                return self._robots[origin]
            rp = RobotFileParser()
            try:
                got = self._get(origin + "/robots.txt", ROBOTS_MAX_BYTES, robots=True)
                rp.parse(got.body.decode("utf-8", errors="replace").splitlines())
                result: RobotFileParser | str = rp
            except FetchError as exc:
                text = str(exc)
                if text.startswith("HTTP 4"):  # RFC 9309: robots.txt missing (4xx) means no rules
                    rp.parse([])
                    result = rp
                elif text.startswith("HTTP"):  # RFC 9309: a server error means "assume everything disallowed"
                    result = f"robots.txt answered {text}; not fetched (--ignore-robots to fetch anyway)"
                else:  # the host cannot be reached at all: that is the page's problem too
                    result = text
            self._robots[origin] = result
            return result

    def get(self, url: str) -> Fetched:
        """Fetch one page or feed; ``FetchError`` with a one-line reason."""
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https"):
            raise FetchError(f"unsupported URL scheme {parts.scheme!r} (only http and https)")
        if not parts.hostname:
            raise FetchError("URL has no host")
        if self.options.robots:
            rules = self._robots_for(f"{parts.scheme}://{parts.netloc}")
            if isinstance(rules, str):
                raise FetchError(rules)
            if not rules.can_fetch(self.options.user_agent, url):
                raise FetchError("disallowed by the site's robots.txt (--ignore-robots to fetch anyway)")
            crawl = rules.crawl_delay(self.options.user_agent)
            if crawl and float(crawl) > self.options.delay:
                self._delay[parts.netloc] = float(crawl)
        return self._get(url, self.max_bytes)

    def _get(self, url: str, limit: int, robots: bool = False) -> Fetched:
        host = urlsplit(url).netloc
        try:
            with self.client.stream("GET", url) as resp:
                if resp.status_code >= 400:
                    raise FetchError(f"HTTP {resp.status_code} {resp.reason_phrase}".strip())
                ctype = resp.headers.get("content-type", "").split(";")[0].strip().lower()
                length = resp.headers.get("content-length")
                if length and length.isdigit() and int(length) > limit:
                    raise FetchError(self._too_big(int(length)))
                body = bytearray()
                deadline = time.monotonic() + 4 * self.options.timeout  # a server that drips bytes forever
                for chunk in resp.iter_bytes():
                    body += chunk
                    if len(body) > limit:
                        raise FetchError(self._too_big(None))
                    if time.monotonic() > deadline:
                        raise FetchError(f"timed out after {4 * self.options.timeout:g} s reading the response")
                return Fetched(str(resp.url), ctype, bytes(body), resp.charset_encoding)
        except httpx.TooManyRedirects:
            raise FetchError(f"more than {self.options.max_redirects} redirects") from None
        except httpx.TimeoutException:
            raise FetchError(f"timed out after {self.options.timeout:g} s (raise it with --timeout)") from None
        except httpx.UnsupportedProtocol as exc:
            raise FetchError(f"redirected to an unsupported URL ({exc})") from None
        except httpx.ConnectError as exc:
            if _caused_by(exc, socket.gaierror):
                raise FetchError(f"cannot resolve host {urlsplit(url).hostname!r} (DNS lookup failed)") from None
            if _caused_by(exc, ConnectionRefusedError) or "refused" in str(exc).lower():
                raise FetchError(f"cannot connect to {host} (connection refused)") from None
            raise FetchError(f"cannot connect to {host} ({str(exc)[:80] or exc.__class__.__name__})") from None
        except httpx.HTTPError as exc:
            raise FetchError(f"request failed ({exc.__class__.__name__}: {str(exc)[:80]})") from None

    def _too_big(self, size: int | None) -> str:
        mb = self.max_bytes / 1e6
        what = f"response is {size / 1e6:.1f} MB" if size else "response is larger than the limit"
        return f"{what}, over the {mb:g} MB limit (raise it with --max-doc-mb)"


def _caused_by(exc: BaseException, kind: type[BaseException]) -> bool:
    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, kind):
            return True
        seen = seen.__cause__ or seen.__context__
    return False


@dataclass
class WebContext(OfflineContext):
    """What one load run shares: options, the fetcher (made on first use), and, as every load context, the
    URLs already stored or seen."""

    options: WebOptions = field(default_factory=WebOptions)
    max_bytes: int = int(DEFAULT_MAX_DOC_MB * 1e6)
    _fetcher: Fetcher | None = None

    @property
    def fetcher(self) -> Fetcher:
        if self._fetcher is None:
            self._fetcher = Fetcher(self.options, self.max_bytes)
        return self._fetcher

    def fetch_all(self, urls: Sequence[str]) -> list[Fetched | FetchError]:
        """Fetch in parallel (``concurrency`` at once), results in the order of ``urls``."""
        def one(url: str) -> Fetched | FetchError:
            try:
                return self.fetcher.get(url)
            except FetchError as exc:
                return exc

        if not urls:
            return []
        with ThreadPoolExecutor(max_workers=max(1, min(self.options.concurrency, len(urls)))) as pool:
            return list(pool.map(one, urls))

    def fetch_pages(self, urls: Sequence[str]) -> dict[str, Page | LoadProblem]:
        """Linked pages of feed items: their main text, or the problem (non-HTML included)."""
        out: dict[str, Page | LoadProblem] = {}
        for url, got in zip(urls, self.fetch_all(urls), strict=True):
            if isinstance(got, FetchError):
                out[url] = LoadProblem(url, str(got))
            elif got.content_type not in HTML_TYPES:
                out[url] = LoadProblem(url, _not_html(got.content_type))
            else:
                out[url] = html_to_text(_decode_html(got), url=got.url)
        return out


_CONTEXT = FETCH_CONTEXT  # one variable for feeds read from files and from the web


def current_context() -> WebContext:
    """The web context of the load in progress (a default one, fetching nothing yet, outside of one)."""
    ctx = _CONTEXT.get()
    if not isinstance(ctx, WebContext):  # none yet, or the offline one of a file load: this one can fetch
        ctx = WebContext()
        _CONTEXT.set(ctx)
    return ctx


@contextlib.contextmanager
def web_context(ctx: WebContext) -> Iterator[WebContext]:
    token = _CONTEXT.set(ctx)
    try:
        yield ctx
    finally:
        _CONTEXT.reset(token)
        if ctx._fetcher is not None:
            ctx._fetcher.close()


def _not_html(ctype: str) -> str:
    return f"not an HTML page or a feed (content type {ctype or 'not given'})"


def _decode_html(got: Fetched) -> str:
    """The page as text: the charset the server names, else UTF-8, else Windows-1252 (as for files)."""
    if got.charset:
        try:
            return got.body.decode(got.charset)
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong or unknown charset in the header: guess as for files
    try:
        return readers.decode(got.body)[0]
    except ValueError:
        return got.body.decode("utf-8", errors="replace")


def _url_documents(url: str, got: Fetched, ctx: WebContext) -> Iterator[Document | LoadProblem]:
    """The document of a fetched page, or the items of a fetched feed."""
    ctype = got.content_type
    head = got.body[:512].lstrip().lower()
    if ctype in FEED_TYPES or (ctype in ("text/plain", "") and head.startswith((b"<?xml", b"<rss", b"<feed"))):
        yield from feed_documents(got.body, url, base=got.url)
        return
    if ctype not in HTML_TYPES:
        yield LoadProblem(url, _not_html(ctype))
        return
    page = html_to_text(_decode_html(got), url=got.url)
    if not page.text.strip():
        yield LoadProblem(url, "empty page (no text)")
        return
    date, warning = documents.check_date(page.date)
    if warning:
        yield LoadProblem(url, warning)
    meta = {"title": page.title, "date": date, "url": page.url or (got.url if got.url != url else None),
            "author": page.author}
    ctx.remember(url)
    yield documents._document(documents.url_doc_id(url), page.text, url, meta)


@dataclass
class LoadResult:
    documents: list[Document]
    problems: list[LoadProblem]
    skipped_known: int = 0  # feed items not read again because their URL is already stored


def load_sources(sources: Iterable[str | Path], max_doc_mb: float = DEFAULT_MAX_DOC_MB,
                 options: WebOptions | None = None, known_urls: Iterable[str] = ()) -> LoadResult:
    """Load files, folders and http(s) URLs of pages or feeds; ids made unique as in :func:`load_paths`."""
    ctx = WebContext(options=options or WebOptions(), max_bytes=int(max_doc_mb * 1e6), known_urls=set(known_urls))
    sources = list(sources)
    # http(s) pages and feeds are fetched here; other URLs (s3://, memory://...) are fsspec paths for the
    # readers (loaders/remote.py), kept as strings since Path() would turn 's3://b/k' into 's3:/b/k'.
    stores = {str(s) for s in sources if remote.is_storage_url(str(s))}
    urls = [str(s) for s in sources if is_url(str(s)) and str(s) not in stores]
    paths = [str(s) if str(s) in stores else Path(s) for s in sources if not is_url(str(s)) or str(s) in stores]
    with web_context(ctx):
        docs, problems = remote.load_paths(paths, max_doc_mb=max_doc_mb) if paths else ([], [])
        seen = {d.id for d in docs}
        for url, got in zip(urls, ctx.fetch_all(urls), strict=True):
            items = [LoadProblem(url, str(got))] if isinstance(got, FetchError) else _url_documents(url, got, ctx)
            for item in items:
                if isinstance(item, LoadProblem):
                    problems.append(item)
                elif item.id in seen:
                    problems.append(LoadProblem(item.path, f"duplicate document id {item.id!r}; skipped"))
                else:
                    seen.add(item.id)
                    docs.append(item)
    return LoadResult(docs, problems, ctx.skipped_known)
