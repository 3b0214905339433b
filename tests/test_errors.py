"""One error root: the user's errors are ActorgraphErrors (one line, exit 1); anything else is a bug that says so."""

from __future__ import annotations

from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from actorgraph.cli.common import BUG_HINT, friendly_errors
from actorgraph.cluster import ClusterError
from actorgraph.evaluate import load_gold
from extraction.gazetteer import GazetteerError
from extraction.lexicon import TriggerError
from extraction.nlp import ModelError
from graph.errors import ActorgraphError, InputError
from graph.html import ViewError
from graph.neo4j.bulk import BulkRefused
from graph.neo4j.connection import Neo4jUnavailable
from graph.resolution import ResolutionError
from graph.resolve import ActorNotFound
from graph.store import StoreError, StoreNotFound
from graph.taxonomy import TaxonomyError, UnknownTermError, load_taxonomy
from loaders.events import EventFormatError
from loaders.readers import ReadRefused
from loaders.web import FetchError
from queries import QueryError

# Each user-facing error keeps the built-in base it always had, so `except ValueError` callers still catch it.
ERRORS = [
    (ClusterError, RuntimeError), (GazetteerError, ValueError), (TriggerError, ValueError), (ModelError, RuntimeError),
    (InputError, ValueError), (ViewError, ValueError), (BulkRefused, RuntimeError), (Neo4jUnavailable, RuntimeError),
    (ResolutionError, ValueError), (ActorNotFound, KeyError), (StoreError, RuntimeError), (StoreNotFound, RuntimeError),
    (TaxonomyError, ValueError), (UnknownTermError, ValueError), (EventFormatError, ValueError), (ReadRefused, OSError),
    (FetchError, Exception), (QueryError, ValueError),
]


@pytest.mark.parametrize("cls, base", ERRORS, ids=[c.__name__ for c, _ in ERRORS])
def test_user_errors_share_one_root_and_keep_their_base(cls, base):
    assert issubclass(cls, ActorgraphError) and issubclass(cls, base)


def _command(exc: BaseException) -> click.Command:
    @click.command()
    @friendly_errors
    def fails() -> None:
        raise exc

    return fails


def test_a_user_error_is_one_line_without_a_report_request():
    result = CliRunner().invoke(_command(InputError("depth must be at least 1")), [])
    assert result.exit_code == 1
    assert result.output == "Error: depth must be at least 1\n"


def test_a_machine_error_is_one_line_too():
    result = CliRunner().invoke(_command(PermissionError(13, "Permission denied", "/srv/store")), [])
    assert result.exit_code == 1
    assert result.output == "Error: /srv/store: Permission denied\n"


def test_any_other_exception_is_reported_as_a_bug_in_one_line():
    result = CliRunner().invoke(_command(TypeError("unsupported operand\nsecond line")), [])
    assert result.exit_code == 1
    assert result.output == f"Error: internal error (TypeError: unsupported operand); {BUG_HINT}\n"
    assert "Traceback" not in result.output


@pytest.mark.parametrize("exc", [TypeError("boom"), InputError("bad value")])
def test_debug_shows_the_traceback(monkeypatch, exc):
    monkeypatch.setenv("ACTORGRAPH_DEBUG", "1")
    result = CliRunner().invoke(_command(exc), [])
    assert result.exception is exc  # not swallowed: click's runner holds it, a terminal shows its traceback


def test_a_bad_taxonomy_file_is_the_users_error(tmp_path: Path):
    bad = tmp_path / "taxonomy.yaml"
    bad.write_text("actor_kinds:\n  State: {}\nrelation_types: {}\n")
    with pytest.raises(TaxonomyError, match="actor kind 'State' must be lower_snake_case"):
        load_taxonomy(bad)
    bad.write_text("[1, 2")
    with pytest.raises(TaxonomyError, match="not valid YAML"):
        load_taxonomy(bad)


def test_a_malformed_gold_file_is_the_users_error(tmp_path: Path, cli, sample_store):
    gold = tmp_path / "gold.yaml"
    gold.write_text("- just\n- a list\n")
    with pytest.raises(InputError, match="not a gold file"):
        load_gold([str(gold)])
    result = cli("eval", str(gold), store=sample_store)
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == [f"Error: {gold}: not a gold file (a mapping with documents: "
                                                  "[{doc: ..., relations: ...}])"]


def test_a_dyad_of_one_actor_is_the_users_error(cli, sample_store):
    result = cli("timeline", "petro", "petro", store=sample_store)
    assert result.exit_code == 1
    assert result.output == "Error: a dyad needs two different actors\n"
