"""Reference documentation generated from the code: ``docs/cli.md`` and ``docs/taxonomy.md``.

``python -m actorgraph.docs`` rewrites both files; ``python -m actorgraph.docs --check`` only says whether
they are up to date (exit 1 if not). ``tests/test_docs.py`` runs the same check.

>>> "actorgraph ingest" in cli_markdown()
True
>>> "| `SANCTIONS` |" in taxonomy_markdown()
True
"""

from __future__ import annotations

import inspect
import sys
from collections.abc import Iterator
from pathlib import Path

import click

from actorgraph.cli import cli
from graph.html import relation_colours
from graph.taxonomy import DEFAULT_TAXONOMY, load_taxonomy

ROOT = Path(__file__).resolve().parent.parent
DOCS_DIR = ROOT / "docs"
REGENERATE = "python -m actorgraph.docs"

# Width of the help text in docs/cli.md: fixed, so the file does not depend on the terminal.
HELP_WIDTH = 100

# Sections of docs/cli.md, one per CLI module, in reading order; modules not listed come after.
SECTIONS = {
    "actorgraph.cli.core": "Ingest, browse, explain and evaluate",
    "actorgraph.cli.analysis": "Questions and reports (local store)",
    "actorgraph.cli.export": "Exports and network views",
    "actorgraph.cli.neo4j": "Neo4j: push and pull",
    "actorgraph.cli.query": "Cypher on Neo4j",
}


def walk_commands(group: click.Group | None = None) -> Iterator[tuple[list[str], click.Command]]:
    """Every command under ``group`` (default: ``actorgraph``) as ``(path, command)``, the group first.

    Top-level commands are ordered by section (:data:`SECTIONS`), then by where they are defined
    in their module; subcommands by name.

    >>> [" ".join(p) for p, _ in walk_commands()][:2]
    ['actorgraph', 'actorgraph ingest']
    """
    if group is None:
        group = cli
    yield ["actorgraph"], group
    yield from _walk(group, ["actorgraph"], top=True)


def _walk(group: click.Group, path: list[str], top: bool) -> Iterator[tuple[list[str], click.Command]]:
    ctx = click.Context(group, info_name=path[-1])
    names = group.list_commands(ctx)
    if top:
        names = sorted(names, key=lambda n: _position(group.commands[n]))
    for name in names:
        cmd = group.commands[name]
        yield [*path, name], cmd
        if isinstance(cmd, click.Group):
            yield from _walk(cmd, [*path, name], top=False)


def _position(cmd: click.Command) -> tuple[int, str, int]:
    module = section_module(cmd)
    order = list(SECTIONS)
    rank = order.index(module) if module in order else len(order)
    func = inspect.unwrap(cmd.callback) if cmd.callback else None
    line = func.__code__.co_firstlineno if func is not None else 0
    return rank, module if rank == len(order) else "", line


def section_module(cmd: click.Command) -> str:
    func = inspect.unwrap(cmd.callback) if cmd.callback else None
    return func.__module__ if func is not None else ""


def help_text(path: list[str]) -> str:
    """The ``--help`` output of one command, as ``actorgraph ... --help`` prints it at width 100."""
    settings = dict(cli.context_settings, terminal_width=HELP_WIDTH, max_content_width=HELP_WIDTH)
    ctx = click.Context(cli, info_name=path[0], **settings)
    cmd: click.Command = cli
    for name in path[1:]:
        assert isinstance(cmd, click.Group)
        cmd = cmd.commands[name]
        ctx = click.Context(cmd, info_name=name, parent=ctx)
    return cmd.get_help(ctx).rstrip() + "\n"


def _anchor(title: str) -> str:
    # GitHub's rule for heading anchors: lower case, spaces to dashes, punctuation dropped.
    return "".join(c for c in title.lower().replace(" ", "-") if c.isalnum() or c in "-_")


def cli_markdown() -> str:
    """The text of ``docs/cli.md``: every command and subcommand with its full ``--help``."""
    commands = list(walk_commands())
    root, rest = commands[0], commands[1:]
    sections: dict[str, list[list[str]]] = {}
    by_path = {tuple(p): c for p, c in rest}
    for path, _ in rest:
        module = section_module(by_path[tuple(path[:2])])  # subcommands go in their group's section
        sections.setdefault(SECTIONS.get(module, module.rsplit(".", 1)[-1]), []).append(path)

    out = [
        "# actorgraph command reference",
        "",
        f"<!-- Generated from the code by `{REGENERATE}`: do not edit by hand. -->",
        "",
        "Every command with its full `--help`. The README has one example of each; this is the",
        "rest. Options shared by many commands: `--store PATH` (the local store, default",
        "`$ACTORGRAPH_STORE` or `./actorgraph-data`) and `--format table|json|csv`.",
        "",
    ]
    for title, paths in sections.items():
        out.append(f"- {title}")
        for p in paths:
            name = " ".join(p)
            out.append(f"{'    ' if len(p) > 2 else ''}  - [`{name}`](#{_anchor(name)})")
    out += ["", f"## {' '.join(root[0])}", "", "```", help_text(root[0]).rstrip(), "```", ""]
    for title, paths in sections.items():
        out += [f"## {title}", ""]
        for p in paths:
            out += [f"### {' '.join(p)}", "", "```", help_text(p).rstrip(), "```", ""]
    return "\n".join(out).rstrip() + "\n"


def taxonomy_markdown() -> str:
    """The text of ``docs/taxonomy.md``: actor kinds and relation types from the packaged taxonomy."""
    tax = load_taxonomy(DEFAULT_TAXONOMY)  # the packaged file, whatever $ACTORGRAPH_TAXONOMY says
    colours = relation_colours(tax)

    def cell(v: object) -> str:
        return "–" if v in (None, "") else str(v).replace("|", "\\|")

    out = [
        "# Taxonomy: actor kinds and relation types",
        "",
        f"<!-- Generated from graph/schema/taxonomy.yaml by `{REGENERATE}`: do not edit by hand. -->",
        "",
        f"The taxonomy (version {tax.version}) is data, in `graph/schema/taxonomy.yaml`: every part of",
        "actorgraph (validation, Neo4j labels and relationship types, HTML colours and shapes, the",
        "cooperation–conflict score of timelines) reads it from there. See \"How to extend\" below.",
        "",
        "## Actor kinds",
        "",
        f"{len(tax.actor_kinds)} kinds. In Neo4j an actor has the label `:Actor` and its kind's label;",
        "in the HTML view its kind sets the node's colour and shape.",
        "",
        "| kind | Neo4j labels | colour | shape | description |",
        "| --- | --- | --- | --- | --- |",
    ]
    for k in tax.actor_kinds.values():
        out.append(f"| `{k.name}` | `:Actor:{k.label}` | `{k.color}` | {cell(k.shape)} | {cell(k.description)} |")
    n_sym = len(tax.symmetric)
    out += [
        "",
        "## Relation types",
        "",
        f"{len(tax.relation_types)} types. A relation is directed, source → target (who acts on whom), except",
        f"the {n_sym} symmetric types, where A MEETS B is the same relation as B MEETS A (stored once, drawn",
        "without an arrow, followed both ways by `actorgraph path`). The score runs from -10 (conflict)",
        "to +10 (cooperation), in the spirit of the Goldstein scale for the CAMEO root codes: its sign sets",
        "the family of the type's edge colour in the HTML view (warm for conflict, greys for 0, cool for",
        "cooperation; each type its own colour) and it makes the running balance of `actorgraph timeline`.",
        "PLOVER and CAMEO give the nearest event category of",
        "those coding schemes (– where there is none). In Neo4j the type is the relationship type.",
        "Source and target kinds are the type's `edge:` (any: every kind); the extractor drops a relation",
        "whose ends break it. Communicative types are acts done in words: their subject must be an actor",
        "that speaks, not an event.",
        "",
        "| type | description | PLOVER | CAMEO | symmetric | communicative | source kinds | target kinds | score "
        "| edge colour |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | ---: | --- |",
    ]

    def kinds(names: tuple[str, ...] | None) -> str:
        return "any" if names is None else ", ".join(f"`{n}`" for n in names)

    for r in tax.relation_types.values():
        out.append(f"| `{r.name}` | {cell(r.description)} | {cell(r.plover)} | {cell(r.cameo)} | "
                   f"{'yes' if r.symmetric else 'no'} | {'yes' if r.communicative else 'no'} | "
                   f"{kinds(r.edge.source)} | {kinds(r.edge.target)} | {_signed(r.score)} | `{colours[r.name]}` |")
    out += ["", HOW_TO_EXTEND.strip(), ""]
    return "\n".join(out)


def _signed(x: float) -> str:
    return f"{x:+.1f}" if x else "0.0"


HOW_TO_EXTEND = """
## How to extend

The taxonomy, the gazetteer of known actors and the trigger words are data files; none of them
needs a code change. Documents already stored with the same content are skipped by `ingest`, so
to see the effect of a change on them, ingest into a fresh store (`--store new-store`).

**Taxonomy.** Copy `graph/schema/taxonomy.yaml`, edit the copy and point `ACTORGRAPH_TAXONOMY` at
it. It is validated when loaded: kinds are `lower_snake_case` with a `CamelCase` Neo4j label,
relation types `UPPER_SNAKE_CASE` (they become Neo4j labels and relationship types, so nothing
else is allowed), scores within -10..10. A relation type that the trigger words use must stay in
the taxonomy, and every gazetteer entry's kind must be one of its kinds.

```bash
cp graph/schema/taxonomy.yaml my-taxonomy.yaml        # add a kind or a relation type
export ACTORGRAPH_TAXONOMY=$PWD/my-taxonomy.yaml
actorgraph relations --type MY_NEW_TYPE
```

**Gazetteer.** Known actors, with their names, aliases, demonyms, capitals and offices, are in
`extraction/data/gazetteer/*.yaml`. Add your own in files of the same shape (a list under
`actors:`) and name them in `ACTORGRAPH_GAZETTEER`: files or folders of `*.yaml`, separated by
`:`. An entry with the id of a packaged one extends it (lists are merged, other fields replaced).

```yaml
# my-actors.yaml
actors:
  - {id: gustavo-petro, name: Gustavo Petro, kind: person, aliases: [Petro Urrego]}   # extends the packaged entry
  - {id: acme-militia, name: Acme Militia, kind: armed_group, aliases: [AM]}
```

```bash
ACTORGRAPH_GAZETTEER=my-actors.yaml actorgraph ingest my-articles/ --store new-store
```

**Trigger words and phrases.** `extraction/data/triggers/*.yaml` hold, one file per relation
family, the words that state each relation (`verbs` whose subject acts on their object, event
`nouns` such as "sanctions against X", `agent_nouns` such as "X is Y's ally"), verb + object
`phrases` ("recalled its ambassador from X", matched with a spaCy `DependencyMatcher`), and
`examples`: sentences with the triples they must yield, which the tests run. The format is in
`extraction/data/triggers/README.md`. Add your own in files of the same shape and name them in
`ACTORGRAPH_TRIGGERS` (files or folders, separated by `:`): their words are added, a phrase with
a packaged phrase's `id` replaces it. `actorgraph explain DOC` shows, sentence by sentence, which
trigger made each relation (`verb:recall`, `phrase:recall-envoy`).

**Word classes.** The closed classes the rules consult are data too, in
`extraction/data/triggers/word-classes.yaml`: the code says what a class does in a sentence, the
file which words belong to it. For example `penalty_verbs` ('..., or face suspension' makes an
ultimatum a threat), `deadline_nouns` ('gave Y 48 hours to ...'), `blame_verbs` and `blame_objects`
('"Y continues to sponsor armed groups," X said' criticises Y), `displeased_words` ('was
disappointed that Y ...'), `hostile_acts` ('has not ruled out military action against Y') and
`courtesy_acts` ('asked Y to convey his greetings' demands nothing). A file in
`ACTORGRAPH_TRIGGERS` adds words to a class with `word_classes: {penalty_verbs: [endure]}`.

**Who may relate to whom.** Each relation type's `edge:` in the taxonomy names the kinds that may
be its source and target (the way FollowTheMoney's schema declares an edge); `communicative: true`
marks acts done in words, which need a speaking actor as subject. The extractor drops a relation
whose ends break `edge:` ("a person LEADS a person"), so the rules carry no copy of it.

### Worked example: a phrase and a new relation type, as data only

A phrase for a type that exists — "X rolled out the red carpet for Y" is a meeting — and a new type,
`INVESTIGATES`, for "X opened an investigation into Y". First the type, appended under
`relation_types:` in a copy of the taxonomy:

```yaml
# appended to my-taxonomy.yaml (a copy of graph/schema/taxonomy.yaml), under relation_types:
  INVESTIGATES:
    description: "opens an investigation or inquiry into an actor"
    plover: INVESTIGATE
    cameo: "09"
    score: -1.0
    edge: {source: [state, government_body, igo, ngo, other_org]}
```

Then the triggers, with a sentence for each that the tests run:

```yaml
# my-triggers.yaml
phrases:
  - id: red-carpet
    type: MEETS
    verbs: [roll]
    particle: [out]
    objects: [carpet]
    with: [red]
    target: [for]
  - id: open-inquiry
    type: INVESTIGATES
    verbs: [open, launch, begin, announce]
    objects: [investigation, inquiry, probe]
    target: [into, "on"]
examples:
  - text: "Hungary rolled out the red carpet for Xi Jinping in Budapest on Thursday."
    found: [[hungary, MEETS, xi-jinping]]
  - text: "The European Commission opened an investigation into Huawei on Monday."
    found: [[european-commission, INVESTIGATES, huawei]]
```

```bash
export ACTORGRAPH_TAXONOMY=$PWD/my-taxonomy.yaml ACTORGRAPH_TRIGGERS=$PWD/my-triggers.yaml
actorgraph ingest my-articles/ --store new-store
actorgraph relations --type INVESTIGATES --store new-store
```

`tests/test_extraction_triggers.py` runs this example from this page. To find phrases worth adding,
`scripts/cameo_triggers.py` derives verb + object families from the CAMEO dictionary of the
PETRARCH2 coder (`extraction/data/triggers/cameo.yaml`); keep a family only where it raises
recall on the annotated articles without lowering precision (`actorgraph eval`).
"""


def outputs() -> dict[Path, str]:
    """Each generated file and the text it should have."""
    return {DOCS_DIR / "cli.md": cli_markdown(), DOCS_DIR / "taxonomy.md": taxonomy_markdown()}


def stale() -> list[Path]:
    """Generated files whose content on disk differs from what the code gives."""
    return [p for p, text in outputs().items() if not p.exists() or p.read_text(encoding="utf-8") != text]


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if args and args != ["--check"]:
        print(f"usage: {REGENERATE} [--check]", file=sys.stderr)
        return 2
    if args == ["--check"]:
        old = stale()
        for p in old:
            print(f"{p.relative_to(ROOT)} is out of date: run `{REGENERATE}`", file=sys.stderr)
        return 1 if old else 0
    DOCS_DIR.mkdir(exist_ok=True)
    for p, text in outputs().items():
        p.write_text(text, encoding="utf-8")
        print(f"wrote {p.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
