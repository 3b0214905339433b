"""Web pages and feeds: main text (trafilatura), fetching by URL from a real local server, feeds."""

from __future__ import annotations

import itertools

import pytest

from loaders.html import html_to_text, visible_text
from loaders.web import Fetcher, FetchError, WebContext, WebOptions, load_sources
from tests.web_pages import BORDER, CLUTTER_PAIRS, FISH, GRAIN, MOST_READ, Route, Site, article_page, rss, serve

CLUTTER_WORDS = ["Most read", "cookies", "Pakistan", "Turkey", "Venezuela", "Related", "Privacy", "Home"]


def pairs(store_path) -> set[tuple[str, str]]:
    from graph.store import GraphStore

    return {(u, v) for u, v in GraphStore.open(store_path).graph.edges()}


@pytest.mark.parametrize("semantic", [True, False], ids=["html5-tags", "plain-divs"])
def test_main_text_keeps_the_article_and_drops_the_clutter(semantic):
    page = html_to_text(article_page(GRAIN, "https://ledger.example/world/grain-accord", semantic=semantic))
    for paragraph in GRAIN[3]:
        assert paragraph in page.text
    for word in [*CLUTTER_WORDS, *MOST_READ]:
        assert word not in page.text
    # The visible-text parser trafilatura replaced keeps every line of the clutter.
    everything = visible_text(article_page(GRAIN, "x", semantic=semantic)).text
    assert all(headline in everything for headline in MOST_READ) and "Pakistan threatens India" in everything
    assert (page.title, page.date, page.author, page.url) == (
        GRAIN[0], "2026-03-10", "Ana Ferreira", "https://ledger.example/world/grain-accord")


def test_bare_fragment_falls_back_to_visible_text():
    # trafilatura finds no document in a fragment without <html>/<body>: its visible text is kept.
    assert html_to_text("<p>Russia threatens NATO.</p><script>x()</script>").text == "Russia threatens NATO."


@pytest.mark.slow
def test_saved_html_page_gives_only_the_articles_relations(cli, tmp_path, store_dir):
    (tmp_path / "grain.html").write_text(article_page(GRAIN, "https://ledger.example/grain"), encoding="utf-8")
    result = cli("ingest", str(tmp_path / "grain.html"))
    assert result.exit_code == 0, result.output
    got = pairs(store_dir)
    assert ("brazil", "argentina") in got
    assert not {(a, b) for a, b in got if (a, b) in CLUTTER_PAIRS or (b, a) in CLUTTER_PAIRS}


def _site() -> Site:
    site = Site()
    site.routes["/world/grain-accord"] = Route(article_page(GRAIN, "https://ledger.example/world/grain-accord").encode())
    site.routes["/africa/border"] = Route(article_page(BORDER, "https://ledger.example/africa/border", semantic=False).encode())
    site.routes["/slow"] = Route(b"", hang=True)
    site.routes["/data.json"] = Route(b'{"text": "Russia threatens NATO."}', "application/json")
    site.routes["/huge"] = Route(article_page(GRAIN, "x").replace("</body>", "<p>filler</p>" * 20000 + "</body>").encode())
    site.routes["/huge-chunked"] = Route(site.routes["/huge"].body, length=False)
    return site


def _feed(site: Site) -> bytes:
    return rss([
        (GRAIN[0], site.url("/world/grain-accord"), "Tue, 10 Mar 2026 08:30:00 GMT", "Brazil and Argentina end a quota dispute."),
        (BORDER[0], site.url("/africa/border"), "Fri, 13 Mar 2026 06:00:00 +0000", "Nairobi and Addis Ababa trade charges."),
    ]).encode()


@pytest.mark.slow
def test_ingest_by_url_and_feed_from_a_local_server(cli, store_dir):
    """The done-when test: pages and a feed by URL; failures are one line each; a second run adds nothing."""
    with serve(_site()) as site:
        site.routes["/feed.rss"] = Route(_feed(site), "application/rss+xml")
        bad = {"/missing": "HTTP 404 Not Found", "/slow": "timed out after 0.5 s",
               "/data.json": "not an HTML page or a feed (content type application/json)",
               "/huge": "over the 0.05 MB limit", "/huge-chunked": "over the 0.05 MB limit"}
        first = cli("ingest", site.url("/world/grain-accord"), *map(site.url, bad), "--timeout", "0.5", "--delay", "0",
                    "--max-doc-mb", "0.05")
        assert first.exit_code == 0, first.output  # README: 0 when anything was read; the failures are warnings
        warnings = [line for line in first.output.splitlines() if line.startswith("warning:")]
        assert len(warnings) == len(bad)
        for path, reason in bad.items():
            assert any(line.startswith(f"warning: {site.url(path)}: ") and reason in line for line in warnings), (path, warnings)
        assert "1 read, 1 added" in first.output
        assert ("brazil", "argentina") in pairs(store_dir)

        # The feed: the first item's page is stored already (skipped by URL, not fetched); the second is new.
        hits = len(site.hits)
        feed = cli("ingest", site.url("/feed.rss"), "--fetch-items", "--delay", "0")
        assert feed.exit_code == 0, feed.output
        assert "1 added, 1 unchanged" in feed.output
        fetched = [p for p, _, _ in site.hits[hits:]]
        assert "/africa/border" in fetched and "/world/grain-accord" not in fetched
        got = pairs(store_dir)
        assert {("brazil", "argentina"), ("kenya", "ethiopia")} <= got
        assert not {(a, b) for a, b in got if (a, b) in CLUTTER_PAIRS or (b, a) in CLUTTER_PAIRS}

        again = cli("ingest", site.url("/feed.rss"), site.url("/world/grain-accord"), "--fetch-items", "--delay", "0")
        assert again.exit_code == 0, again.output
        assert "0 added" in again.output
        assert pairs(store_dir) == got

        # Nothing readable at all: the one line is an error and the exit status 1.
        alone = cli("ingest", site.url("/missing"), "--delay", "0")
        assert alone.exit_code == 1
        assert alone.output.strip() == f"Error: {site.url('/missing')}: HTTP 404 Not Found"
        assert all("actorgraph/" in ua for _, ua, _ in site.hits)


@pytest.mark.slow
def test_feed_items_own_text_dates_and_metadata(tmp_path):
    from actorgraph.ingest import ingest_paths
    from graph.store import GraphStore

    feed = tmp_path / "world.rss"
    feed.write_text(rss([
        ("Grain accord", "http://127.0.0.1:9/grain", "Tue, 10 Mar 2026 08:30:00 GMT", " ".join(GRAIN[3])),
        ("Border row", "http://127.0.0.1:9/border", "sometime in March", " ".join(BORDER[3])),
    ]), encoding="utf-8")
    store = GraphStore.open(tmp_path / "store", create=True)
    report = ingest_paths([feed], store, progress=False)
    assert report.documents_added == 2
    [warning] = [str(p) for p in report.problems]
    assert warning == f"{feed}: item 2: invalid date 'sometime in March' in field \"published\"; stored without a date"
    docs = {d.path: d for d in store.documents.values()}
    grain = docs["http://127.0.0.1:9/grain"]
    assert (grain.title, grain.date, grain.url) == ("Grain accord", "2026-03-10", "http://127.0.0.1:9/grain")
    assert docs["http://127.0.0.1:9/border"].date is None
    assert {("brazil", "argentina"), ("kenya", "ethiopia")} <= {(u, v) for u, v in store.graph.edges()}
    again = ingest_paths([feed], store, progress=False)
    assert (again.documents_added, again.documents_unchanged) == (0, 2)
    # The feed gains an item: only that one is added.
    feed.write_text(rss([
        ("Fisheries pact", "http://127.0.0.1:9/fish", "Mon, 16 Mar 2026 09:00:00 GMT", " ".join(FISH[1])),
        ("Grain accord", "http://127.0.0.1:9/grain", "Tue, 10 Mar 2026 08:30:00 GMT", " ".join(GRAIN[3])),
        ("Border row", "http://127.0.0.1:9/border", "sometime in March", " ".join(BORDER[3])),
    ]), encoding="utf-8")
    third = ingest_paths([feed], store, progress=False)
    assert (third.documents_added, third.documents_unchanged) == (1, 2)
    assert ("chile", "peru") in {(u, v) for u, v in store.graph.edges()}


@pytest.mark.slow
def test_fetcher_limits_robots_and_politeness():
    site = _site()
    site.routes["/robots.txt"] = Route(b"User-agent: *\nDisallow: /private/\n", "text/plain")
    site.routes["/private/page"] = Route(article_page(GRAIN, "x").encode())
    site.routes["/loop"] = Route(b"", status=302, location="/loop")
    with serve(site):
        fetcher = Fetcher(WebOptions(timeout=0.5, delay=0.3, concurrency=4), max_bytes=50_000)
        try:
            with pytest.raises(FetchError, match=r"disallowed by the site's robots.txt \(--ignore-robots"):
                fetcher.get(site.url("/private/page"))
            with pytest.raises(FetchError, match="more than 5 redirects"):
                fetcher.get(site.url("/loop"))
            with pytest.raises(FetchError, match=r"response is 0\.\d MB, over the 0\.05 MB limit"):
                fetcher.get(site.url("/huge"))  # refused on its Content-Length, before reading
            with pytest.raises(FetchError, match="response is larger than the limit"):
                fetcher.get(site.url("/huge-chunked"))  # no length given: stopped while reading
            with pytest.raises(FetchError, match="unsupported URL scheme 'ftp'"):
                fetcher.get("ftp://127.0.0.1/x")
            got = fetcher.get(site.url("/world/grain-accord"))
            assert got.content_type == "text/html" and b"grain" in got.body
        finally:
            fetcher.close()
        # One request to /robots.txt for the host, and requests to the host (redirect hops too) the
        # 0.3 s delay apart, less a margin for a server thread that notes its time late.
        assert [p for p, _, _ in site.hits].count("/robots.txt") == 1
        times = [t for _, _, t in site.hits]
        assert len(times) == 10  # robots.txt, the first /loop and 5 redirects, 2 huge pages, the article
        assert all(b - a >= 0.2 for a, b in itertools.pairwise(times)), [round(b - a, 3) for a, b in itertools.pairwise(times)]
        ignoring = Fetcher(WebOptions(robots=False, delay=0), max_bytes=1_000_000)
        assert b"grain" in ignoring.get(site.url("/private/page")).body
        ignoring.close()
    refused = Fetcher(WebOptions(delay=0, timeout=2), max_bytes=1000)  # its robots.txt cannot be read either
    with pytest.raises(FetchError, match=r"cannot connect to 127\.0\.0\.1:\d+ \(connection refused\)"):
        refused.get(site.base + "/gone")  # the server is stopped: nothing listens on its port now
    refused.close()


@pytest.mark.slow
def test_concurrency_limit_and_the_servers_charset():
    site = Site()
    for i in range(6):
        site.routes[f"/p{i}"] = Route(b"<html><body><p>x</p></body></html>", hold=0.3)
    page = article_page(BORDER, "x").replace("Addis Ababa", "Bogotá").encode("latin-1", errors="replace")
    site.routes["/latin1"] = Route(page, "text/html; charset=ISO-8859-1")
    with serve(site):
        ctx = WebContext(WebOptions(delay=0, concurrency=2, robots=False), max_bytes=1_000_000)
        got = ctx.fetch_all([site.url(f"/p{i}") for i in range(6)])
        ctx.fetcher.close()
        assert all(g.body for g in got)  # type: ignore[union-attr]
        assert site.most_in_flight == 2  # six requests, two at a time: never more, and they did overlap
        result = load_sources([site.url("/latin1")], options=WebOptions(delay=0))
        assert not result.problems
        assert "officials in Bogotá rejected" in result.documents[0].text  # decoded as the header says


@pytest.mark.slow
def test_atom_feed_file(tmp_path):
    from actorgraph.ingest import ingest_paths
    from graph.store import GraphStore

    entries = "".join(
        f"<entry><title>{t}</title><link href='http://127.0.0.1:9/{i}'/><id>urn:{i}</id><updated>{d}</updated>"
        f"<content type='html'>&lt;p&gt;{' '.join(body)}&lt;/p&gt;</content></entry>"
        for i, (t, d, body) in enumerate([(GRAIN[0], "2026-03-10T08:30:00Z", GRAIN[3]), (BORDER[0], "2026-03", BORDER[3])]))
    feed = tmp_path / "world.atom"
    feed.write_text(f'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>W</title>{entries}</feed>',
                    encoding="utf-8")
    store = GraphStore.open(tmp_path / "store", create=True)
    report = ingest_paths([feed], store, progress=False)
    assert report.documents_added == 2 and not report.problems
    assert sorted(d.date for d in store.documents.values()) == ["2026-03", "2026-03-10"]  # a month stays a month
    assert {("brazil", "argentina"), ("kenya", "ethiopia")} <= {(u, v) for u, v in store.graph.edges()}


def test_robots_txt_server_error_means_do_not_fetch():
    site = Site()
    site.routes["/robots.txt"] = Route(b"busy", "text/plain", status=503)
    site.routes["/page"] = Route(article_page(GRAIN, "x").encode())
    with serve(site):
        fetcher = Fetcher(WebOptions(delay=0), max_bytes=1_000_000)
        with pytest.raises(FetchError, match=r"^robots.txt answered HTTP 503 Service Unavailable; not fetched \(--ignore-robots"):
            fetcher.get(site.url("/page"))
        fetcher.close()
        assert [p for p, _, _ in site.hits] == ["/robots.txt"]
