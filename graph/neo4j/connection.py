"""Open a verified Neo4j driver; failures become one-line :class:`Neo4jUnavailable` errors.

>>> with session(Neo4jSettings.from_env()) as s:  # doctest: +SKIP
...     s.run("RETURN 1").single()[0]
1
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import neo4j
from neo4j.exceptions import AuthError, ClientError, ConfigurationError, DriverError, Neo4jError, ServiceUnavailable

from graph.errors import ActorgraphError
from graph.neo4j.settings import Neo4jSettings

HINT = ("start one with `bash scripts/neo4j.sh start` (or `docker compose up -d`), "
        "or point NEO4J_URI at a running server")


class Neo4jUnavailable(ActorgraphError, RuntimeError):
    """Neo4j cannot be used: server down, wrong credentials, unknown database, bad URI."""


def connect(settings: Neo4jSettings, timeout: float = 10.0) -> neo4j.Driver:
    """A driver that has already answered a query on ``settings.database``."""
    where = f"Neo4j at {settings.uri}"
    try:
        driver = neo4j.GraphDatabase.driver(
            settings.uri, auth=(settings.user, settings.secret()),
            connection_timeout=timeout, connection_acquisition_timeout=timeout,
        )
    except (ConfigurationError, ValueError) as exc:
        raise Neo4jUnavailable(_clean(f"invalid Neo4j URI {settings.uri!r}: {_first(exc)}", settings)) from None
    try:
        # verify_connectivity fails fast when the server is down (execute_query would retry for 30 s);
        # the query then checks the credentials and that the database exists.
        driver.verify_connectivity()
        with driver.session(database=settings.database) as s:
            s.run("RETURN 1").consume()
    except AuthError:
        driver.close()
        hint = "NEO4J_PASSWORD is not set" if not settings.secret() else "check NEO4J_USER / NEO4J_PASSWORD"
        raise Neo4jUnavailable(f"{where} rejected the credentials of user {settings.user!r} ({hint})") from None
    except ClientError as exc:
        driver.close()
        if exc.code and "DatabaseNotFound" in exc.code:
            raise Neo4jUnavailable(f"{where} has no database {settings.database!r}") from None
        raise Neo4jUnavailable(_clean(f"{where}: {exc.message or exc.code}", settings)) from None
    except (ServiceUnavailable, DriverError, Neo4jError, OSError) as exc:
        driver.close()
        raise Neo4jUnavailable(_clean(f"cannot reach {where} ({_reason(exc, timeout)}); {HINT}", settings)) from None
    return driver


def _reason(exc: BaseException, timeout: float) -> str:
    """Why a server could not be reached, in a few words (the driver's text names its internals:
    resolved addresses, connection classes).

    >>> _reason(OSError("Couldn't connect to 127.0.0.1:7687 ... [Errno 111] Connection refused"), 10)
    'nothing listens there: connection refused'
    """
    text = " ".join(str(e) for e in _chain(exc)).lower()
    if "refused" in text:
        return "nothing listens there: connection refused"
    if "timed out" in text or "timeout" in text:
        return f"no answer within {timeout:g} s"
    if "name or service not known" in text or "name resolution" in text or "nodename nor servname" in text:
        return "unknown host name"
    if "routing" in text:
        return "no routing information from it"
    return "the connection failed"


def _chain(exc: BaseException) -> Iterator[BaseException]:
    seen: set[int] = set()
    e: BaseException | None = exc
    while e is not None and id(e) not in seen:
        seen.add(id(e))
        yield e
        e = e.__cause__ or e.__context__


@contextmanager
def session(settings: Neo4jSettings) -> Iterator[neo4j.Session]:
    """A session on ``settings.database``; the driver is closed on exit."""
    driver = connect(settings)
    try:
        with driver.session(database=settings.database) as s:
            yield s
    finally:
        driver.close()


def _first(exc: BaseException) -> str:
    # Driver messages span lines ("Couldn't connect ...:\nFailed ... (reason ...)"): keep one line.
    text = " ".join(line.strip() for line in str(exc).strip().splitlines())
    return text or exc.__class__.__name__


def _clean(message: str, settings: Neo4jSettings) -> str:
    # Belt and braces: no server or driver message may carry the password onwards.
    secret = settings.secret()
    return message.replace(secret, "***") if secret else message
