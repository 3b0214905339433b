"""The generated reference (docs/cli.md, docs/taxonomy.md) is up to date, and every command's
help is complete: a description and an ``Example:`` whose command lines parse."""

from __future__ import annotations

import inspect
import shlex

import click
import pytest

from actorgraph import docs
from actorgraph.cli import cli
from tests.conftest import SHARED


def test_generated_docs_are_up_to_date():
    stale = [str(p.relative_to(docs.ROOT)) for p in docs.stale()]
    assert not stale, f"{', '.join(stale)} out of date: run `{docs.REGENERATE}` and commit the result"


def test_cli_reference_lists_every_command_with_its_help():
    text = docs.cli_markdown()
    paths = [p for p, _ in docs.walk_commands()]
    assert {tuple(p[1:2]) for p in paths[1:]} == {(n,) for n in cli.commands}
    for path in paths:
        help_text = docs.help_text(path)
        assert help_text.rstrip() in text
        if len(path) > 1:
            assert f"### {' '.join(path)}\n" in text
            assert f"](#{'-'.join(path)})" in text  # the table of contents links to it


def test_reference_does_not_depend_on_the_terminal(monkeypatch: pytest.MonkeyPatch):
    before = docs.cli_markdown()
    monkeypatch.setenv("COLUMNS", "40")
    assert docs.cli_markdown() == before


COMMANDS = [pytest.param(p, c, id=" ".join(p)) for p, c in docs.walk_commands()]


def _example_lines(cmd: click.Command) -> list[str]:
    """The lines of the ``Example:`` block of a command's docstring."""
    lines = inspect.cleandoc(cmd.help or "").splitlines()
    start = next(i for i, line in enumerate(lines) if line.strip() == "Example:")
    out = []
    for line in lines[start + 1:]:
        if not line.strip():
            break
        out.append(line.strip())
    return out


@pytest.mark.parametrize(("path", "cmd"), COMMANDS)
def test_every_command_has_help_and_an_example(path: list[str], cmd: click.Command):
    assert (cmd.help or "").strip(), f"{' '.join(path)} has no help text"
    assert cmd.get_short_help_str().strip()
    assert "\nExample:\n" in inspect.cleandoc(cmd.help or ""), f"{' '.join(path)}: its docstring has no 'Example:' block"
    examples = _example_lines(cmd)
    assert examples, f"{' '.join(path)}: empty 'Example:' block"
    assert any(e.startswith(" ".join(path)) for e in examples), f"no example of {' '.join(path)} itself"


@pytest.mark.parametrize(("path", "cmd"), COMMANDS)
def test_examples_in_help_parse(path: list[str], cmd: click.Command):
    """Each ``actorgraph ...`` line of an example names real commands and options with valid values
    (parsed as the shell and click would, without running it)."""
    for line in _example_lines(cmd):
        if not line.startswith("actorgraph"):
            continue  # e.g. `eval "$(bash scripts/neo4j.sh env)"` before `actorgraph push`
        parse_command_line(line.replace("../shared/", f"{SHARED}/"))  # the repository's copy of ../shared


def parse_command_line(line: str) -> click.Context:
    """Parse ``actorgraph ...`` the way click would run it (options, arguments, choices), without
    running it; a mistake raises click.UsageError."""
    args = shlex.split(line, comments=True)[1:]
    cmd: click.Command = cli
    ctx = cli.make_context("actorgraph", [], resilient_parsing=True)
    while isinstance(cmd, click.Group):
        if not args:
            raise click.UsageError(f"{line}: no subcommand", ctx)
        name = args.pop(0)
        sub = cmd.get_command(ctx, name)
        if sub is None:
            raise click.UsageError(f"{line}: no command {name!r}", ctx)
        cmd = sub
        # Groups are entered as click enters them; the last command parses the rest of the line.
        group = isinstance(sub, click.Group)
        ctx = sub.make_context(name, [] if group else args, parent=ctx, resilient_parsing=group)
    return ctx


def test_parse_command_line_catches_mistakes():
    parse_command_line("actorgraph centrality --measure pagerank --top 5")
    for bad in ("actorgraph centrality --measure pagrank", "actorgraph export htm x.html",
                "actorgraph path petro", "actorgraph actors --kinds person"):
        with pytest.raises(click.UsageError):
            parse_command_line(bad)
