"""The writer's relation rows (no server needed): the fast path gives exactly the rows of the plain one."""

from __future__ import annotations

from graph.neo4j.writer import RELATION_COLUMNS, Neo4jWriter, edge_row, relation_row
from tests.conftest import make_random_store


def test_edge_row_is_relation_row_of_the_edge_dict(random_store):
    g = random_store.graph
    edges = list(g.edges(keys=True))
    assert any(len(a["evidence"]) > 1 for *_, a in g.edges(keys=True, data=True))
    for u, v, k in edges:
        row = edge_row(g, u, v, k)
        assert row == relation_row(random_store._edge_dict(u, v, k))
        assert len(row) == len(RELATION_COLUMNS)


def test_unknown_dates_become_empty_strings_in_lists_and_null_on_the_relation(tmp_path):
    g = make_random_store(tmp_path, actors=40, relations=100).graph  # its own store: this test edits it
    u, v, k = next(iter(g.edges(keys=True)))
    g.edges[u, v, k]["evidence"] = [dict(e, date=None) for e in g.edges[u, v, k]["evidence"]]
    row = dict(zip(RELATION_COLUMNS, edge_row(g, u, v, k), strict=True))
    assert row["date"] is None and set(row["ev_date"]) == {""}
    assert row["evidence_count"] == len(g.edges[u, v, k]["evidence"])


def test_relation_query_reads_the_row_positions():
    q = Neo4jWriter(driver=None).relation_query("SANCTIONS")
    for i, name in enumerate(RELATION_COLUMNS[2:], 2):
        assert f"r.{name} = row[{i}]" in q
    assert "{id: row[0]}" in q and "{id: row[1]}" in q


def test_run_disjoint_never_runs_two_batches_on_one_actor(random_store):
    import threading
    import time

    from graph.neo4j.writer import run_disjoint

    edges = list(random_store.graph.edges(keys=True))
    lock = threading.Lock()
    in_flight: list[set[str]] = []
    written: list[tuple[str, str, str]] = []
    overlaps = []
    peak = 0

    def write(batch):
        nonlocal peak
        actors = {n for e in batch for n in e[:2]}
        assert 0 < len(batch) <= 20
        with lock:
            overlaps.extend(actors & other for other in in_flight if actors & other)
            in_flight.append(actors)
            peak = max(peak, len(in_flight))
        time.sleep(0.002)  # long enough for the batches to overlap in time
        with lock:
            in_flight.remove(actors)
            written.extend(batch)

    run_disjoint(edges, write, workers=3, batch_size=20)
    assert sorted(written) == sorted(edges)  # every relation once
    assert not overlaps
    assert peak > 1  # it did run batches side by side


def test_run_disjoint_stops_at_the_first_failure(random_store):
    from graph.neo4j.writer import run_disjoint

    calls = []

    def write(batch):
        calls.append(batch)
        if len(calls) == 3:
            raise RuntimeError("server went away")

    edges = list(random_store.graph.edges(keys=True))
    try:
        run_disjoint(edges, write, workers=2, batch_size=10)
    except RuntimeError as exc:
        assert str(exc) == "server went away"
    else:
        raise AssertionError("the failure was swallowed")
    assert len(calls) < len(edges) / 10 / 2  # scheduling stopped soon after it


class _FlakySession:
    """Stands in for a neo4j Session: fails ``failures`` times with ``error``, then runs the work."""

    def __init__(self, failures: int, error: Exception) -> None:
        self.failures, self.error, self.calls, self.done = failures, error, 0, []

    def execute_write(self, work, *args):
        self.calls += 1
        if self.calls <= self.failures:
            raise self.error
        self.done.append(args)


def test_retrying_retries_transient_failures_quickly():
    import time

    import neo4j

    from graph.neo4j.writer import _retrying

    session = _FlakySession(3, neo4j.exceptions.ServiceUnavailable("deadlock, say"))
    t = time.monotonic()
    _retrying(session, print, "rows")
    assert session.calls == 4 and session.done == [("rows",)]
    assert time.monotonic() - t < 0.5  # 10, 20, 40 ms: not the driver's 1, 2, 4 s


def test_retrying_gives_up_on_permanent_errors_and_after_its_budget():
    import neo4j
    import pytest

    from graph.neo4j.writer import _retrying

    permanent = _FlakySession(1, neo4j.exceptions.ConfigurationError("bad"))
    with pytest.raises(neo4j.exceptions.ConfigurationError):
        _retrying(permanent, print)
    assert permanent.calls == 1
    endless = _FlakySession(10**6, neo4j.exceptions.ServiceUnavailable("down"))
    with pytest.raises(neo4j.exceptions.ServiceUnavailable):
        _retrying(endless, print, budget=0.2)
    assert 3 <= endless.calls < 20
