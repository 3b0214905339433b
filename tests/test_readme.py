"""The README's examples work: each `actorgraph ...` line of its shell blocks and command table runs
on a store built from examples/news (the Neo4j ones on a real server, marker ``neo4j``), and the
`$ actorgraph ...` transcripts print the errors they show."""

from __future__ import annotations

import ast
import re
import shlex
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from actorgraph import docs
from actorgraph.cli import cli
from tests.conftest import EXAMPLES, ROOT, SHARED
from tests.test_docs import parse_command_line

README = ROOT / "README.md"

# Shell lines of the README that are not actorgraph commands, and why the tests do not run them.
NOT_RUN = {
    "bash scripts/quickstart.sh": "installs; `bash scripts/test.sh` runs this suite",
    "bash scripts/test.sh": "runs this suite",
    "bash scripts/neo4j.sh ": "the suite's Neo4j server is started by the same script (conftest.py)",
    'eval "$(bash scripts/neo4j.sh env)"': "as above",
    "python -m benchmarks.run": "minutes long; benchmarks are run on their own",
    "docker compose ": "Docker is not part of the test machine",
    "cp .env.example .env": "Docker setup",
    "set -a; . ./.env; set +a": "Docker setup",
    "neo4j-admin ": "needs an offline Neo4j; the CSV format is tested in test_html_export.py",
}


def fenced_blocks(text: str) -> list[tuple[str, list[str]]]:
    """(language, lines) of every ``` block."""
    blocks, lang, lines = [], None, []
    for line in text.splitlines():
        if line.startswith("```"):
            if lang is None:
                lang, lines = line[3:].strip(), []
            else:
                blocks.append((lang, lines))
                lang = None
        elif lang is not None:
            lines.append(line)
    return blocks


def shell_lines(text: str) -> list[str]:
    """Command lines of the bash blocks and the examples of the Commands table, in README order."""
    out: list[tuple[int, str]] = []
    pos = 0
    for lang, lines in fenced_blocks(text):
        if lang == "bash":
            for line in lines:
                if line.strip():
                    pos = text.index(line, pos)
                    out.append((pos, line.strip()))
    start = text.index("\n## Commands\n")
    end = text.index("\n## ", start + 1)
    for m in re.finditer(r"^\|.*$", text[start:end], flags=re.M):
        for code in re.findall(r"`(actorgraph [^`]+)` \|$", m.group(0)):
            out.append((start + m.start(), code))
    return [line for _, line in sorted(out, key=lambda x: x[0])]


def command_args(line: str) -> list[str]:
    return shlex.split(line, comments=True)[1:]


def needs_neo4j(args: list[str]) -> bool:
    return (args[0] in ("push", "pull", "cypher") or "--neo4j" in args
            or (args[0] == "query" and not {"--list", "--show"} & set(args)))


README_TEXT = README.read_text(encoding="utf-8")
LINES = shell_lines(README_TEXT)
COMMANDS = [line for line in LINES if line.startswith("actorgraph ")]


def test_every_readme_shell_line_is_run_or_explained():
    unknown = [line for line in LINES if not line.startswith("actorgraph ") and not any(line.startswith(p) for p in NOT_RUN)]
    assert not unknown, f"README shell lines neither run by tests/test_readme.py nor listed in NOT_RUN: {unknown}"


def test_commands_table_has_every_command_with_an_example():
    section = README_TEXT.split("## Commands\n", 1)[1].split("\n## ", 1)[0]
    for name in cli.commands:
        assert f"| [`{name}`](docs/cli.md#actorgraph-{name}) |" in section, f"`{name}` missing from the Commands table"
        assert re.search(rf"\| `actorgraph {name}\b[^`]*` \|", section), f"no example of `{name}` in the Commands table"
    # Subcommands (export json, html...) each have an example somewhere in the README.
    for path, _ in docs.walk_commands():
        if len(path) > 2:
            assert any(line.startswith(" ".join(path) + " ") for line in COMMANDS), f"no README example of {' '.join(path)}"
    assert "docs/cli.md" in section


@pytest.mark.parametrize("line", COMMANDS)
def test_readme_examples_parse(line: str):
    # ../shared of the README is the repository's copy (tests/data/shared), so a bare clone parses it too.
    parse_command_line(line.replace("../shared/", f"{SHARED}/"))


@pytest.fixture
def readme_dir(tmp_path: Path, sample_store: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder where the README's relative paths work: examples/, tests/articles, ../shared, a
    JSONL file of the reader's own, and the default store ./actorgraph-data built from examples/news
    (copied from the session's sample store, so the suite parses the examples only once)."""
    work = tmp_path / "work"
    work.mkdir()
    (work / "examples").symlink_to(EXAMPLES.parent)
    (work / "tests").mkdir()
    (work / "tests" / "articles").symlink_to(ROOT / "tests" / "articles")
    (tmp_path / "shared").symlink_to(SHARED)  # the repository's copy of ../shared (tests/data/shared)
    shutil.copytree(sample_store, work / "actorgraph-data")
    shutil.copytree(sample_store, work / "articles")  # the store `eval ... --store articles` scores
    (work / "articles.jsonl").write_text(
        '{"id": "petro-trump-call", "date": "2026-01-07", "text": "Gustavo Petro spoke with Donald Trump by phone."}\n'
        '{"id": "wola-report", "text": "The Washington Office on Latin America criticised Nicolás Maduro."}\n',
        encoding="utf-8")
    (work / "report.pdf.txt").write_bytes(b"%PDF-1.7\n\x00\x01\x02\x00" * 64)
    monkeypatch.chdir(work)
    monkeypatch.delenv("ACTORGRAPH_STORE", raising=False)
    return work


def run(line: str, env: dict[str, str] | None = None):
    return CliRunner().invoke(cli, command_args(line), env=env, catch_exceptions=False)


def test_readme_examples_run(readme_dir: Path):
    ran = 0
    for line in COMMANDS:
        args = command_args(line)
        if needs_neo4j(args):
            continue  # Neo4j: test_readme_neo4j_examples
        result = run(line)
        out = result.output
        assert result.exit_code == 0, f"`{line}` failed ({result.exit_code}): {out.strip()[-300:]}"
        # An example should show something on the sample corpus.
        assert "(no rows)" not in out and not re.search(r"\b0 (relations|actors)\b", out), f"`{line}` shows nothing:\n{out}"
        ran += 1
    assert ran >= 30
    from graph.store import GraphStore

    assert {"petro-trump-call", "wola-report"} <= set(GraphStore.open(readme_dir / "actorgraph-data").documents)
    for name in ("graph.html", "petro.html", "conflict.html", "jan.html", "graph.graphml", "graph.gexf",
                 "import/actors.csv", "import/relations.csv", "graph.json"):
        assert (readme_dir / name).stat().st_size > 0, name


def transcripts(text: str) -> list[tuple[str, list[str]]]:
    """`$ actorgraph ...` lines of the README's unlabelled blocks, each with the lines it prints."""
    out: list[tuple[str, list[str]]] = []
    for lang, lines in fenced_blocks(text):
        if lang:
            continue
        for line in lines:
            if line.startswith("$ actorgraph "):
                out.append((line[2:], []))
            elif out:
                out[-1][1].append(line)
    return out


TRANSCRIPTS = transcripts(README_TEXT)


def test_readme_has_transcripts():
    assert len(TRANSCRIPTS) >= 4


@pytest.mark.parametrize(("line", "expected"), TRANSCRIPTS, ids=[t[0] for t in TRANSCRIPTS])
def test_readme_transcripts_print_what_they_show(readme_dir: Path, line: str, expected: list[str]):
    """Each shown line matches the output, '...' standing for any text."""
    result = run(line)
    assert result.exit_code == 1
    printed = result.output.strip().splitlines()
    for want in expected:
        pattern = ".*".join(re.escape(part.strip()) for part in want.split("..."))
        assert any(re.fullmatch(pattern, got) for got in printed), f"`{line}` printed {printed}, README shows {want!r}"


@pytest.mark.neo4j
def test_readme_neo4j_examples(neo4j_db, neo4j_settings, readme_dir: Path):
    """The README's Neo4j examples (ingest --neo4j, push, pull, query, cypher) and its Cypher
    blocks, on a real server, in README order."""
    env = {"NEO4J_URI": neo4j_settings.uri, "NEO4J_USER": neo4j_settings.user,
           "NEO4J_PASSWORD": neo4j_settings.secret(), "NEO4J_DATABASE": neo4j_settings.database}
    ran = 0
    for line in COMMANDS:
        args = command_args(line)
        if not needs_neo4j(args):
            continue
        if args[0] == "pull" and "--replace" not in args:
            store = args[args.index("--store") + 1] if "--store" in args else "actorgraph-data"
            shutil.rmtree(readme_dir / store, ignore_errors=True)  # a README line may reuse a store name
        result = run(line, env)
        assert result.exit_code == 0, f"`{line}` failed: {result.output.strip()[-300:]}"
        assert "(no rows)" not in result.output, f"`{line}` shows nothing"
        ran += 1
    assert ran >= 6
    cypher = [s.strip() for lang, lines in fenced_blocks(README_TEXT) if lang == "cypher"
              for s in "\n".join(x for x in lines if not x.strip().startswith("//")).split(";") if s.strip()]
    assert len(cypher) >= 2
    for statement in cypher:
        result = CliRunner().invoke(cli, ["cypher", statement], env=env, catch_exceptions=False)
        assert result.exit_code == 0, f"{statement}: {result.output}"
        assert "(no rows)" not in result.output, f"README Cypher returns nothing:\n{statement}"


def test_python_blocks_run(tmp_path, monkeypatch):
    """Each ```python block of the README runs, in a folder whose actorgraph-data holds examples/news;
    a line ending in `# True` must evaluate to True."""
    from actorgraph.ingest import ingest_paths
    from graph.store import GraphStore

    ingest_paths([EXAMPLES], GraphStore.open(tmp_path / "actorgraph-data", create=True), progress=False)
    monkeypatch.chdir(tmp_path)
    blocks = [lines for lang, lines in fenced_blocks(README.read_text(encoding="utf-8")) if lang == "python"]
    assert blocks
    for lines in blocks:
        scope: dict = {}
        for node in ast.parse("\n".join(lines)).body:
            code = compile(ast.Module([node], []), "README.md", "exec")
            if isinstance(node, ast.Expr) and lines[node.end_lineno - 1].rstrip().endswith("# True"):
                assert eval(compile(ast.Expression(node.value), "README.md", "eval"), scope) is True, lines[node.lineno - 1]
            else:
                exec(code, scope)
