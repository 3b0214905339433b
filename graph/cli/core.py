"""Core commands: ingest, actors, relations, explain, eval."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from graph.cli import cli
from graph.cli.common import emit, format_option, friendly_errors, open_store, open_topology, report_command, source_option, store_option
from graph.cli.neo4j import neo4j_options, push_extractions, settings_from
from graph.taxonomy import load_taxonomy
from loaders.readers import DEFAULT_MAX_DOC_MB


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@store_option
@click.option("--model", default=None, help="spaCy pipeline to use (default: $ACTORGRAPH_SPACY_MODEL or the packaged small English model).")
@click.option("--processes", "-j", type=int, default=1, show_default=True, help="Worker processes for the NLP pipeline.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar or summary.")
@click.option("--max-doc-mb", type=click.FloatRange(min=0, min_open=True), default=DEFAULT_MAX_DOC_MB, show_default=True,
              help="Refuse documents (files or JSONL lines) larger than this many megabytes.")
@click.option("--neo4j", "to_neo4j", is_flag=True, help="Also write the new documents to Neo4j (settings: NEO4J_* or the flags below).")
@neo4j_options
@friendly_errors
def ingest(paths: tuple[Path, ...], store_path: Path | None, model: str | None, processes: int, quiet: bool,
           max_doc_mb: float, to_neo4j: bool, uri: str | None, user: str | None, database: str | None,
           ask_password: bool) -> None:
    """Read documents (.txt, .md, .html, .jsonl, or folders of them) into the graph.

    Documents already stored with the same content are skipped, so ingesting
    twice changes nothing.

    \b
    Example:
      actorgraph ingest examples/news
      actorgraph ingest examples/news --neo4j
    """
    from graph.ingest import ingest_paths

    # Ask for the password up front, not after a long extraction.
    settings = settings_from(uri, user, database, ask_password) if to_neo4j else None
    store = open_store(store_path)
    report = ingest_paths(paths, store, model=model, processes=processes, progress=not quiet, max_doc_mb=max_doc_mb)
    if report.failed:
        # Nothing could be read: the problems are the errors; the store was not touched.
        for problem in report.problems:
            click.echo(f"Error: {problem}", err=True)
        sys.exit(1)
    for problem in report.problems:
        click.echo(f"warning: {problem}", err=True)
    if not quiet:
        click.echo(report.summary())
    if settings is not None:
        # The local store is already saved: if Neo4j is down, the error says so and exits 1.
        counts = push_extractions(report.extractions, store, settings)
        if not quiet:
            click.echo(f"neo4j: wrote {counts['documents']} documents, {counts['actors']} actors, "
                       f"{counts['relations']} relations to {settings.uri}")


@cli.command()
@store_option
@format_option
@click.option("--kind", default=None, help="Only actors of this kind.")
@report_command
@friendly_errors
def actors(store_path: Path | None, fmt: str, kind: str | None) -> None:
    """List actors: id, name, kind, aliases and how many documents mention them.

    \b
    Example:
      actorgraph actors --kind person --format csv
    """
    if kind:
        kind = load_taxonomy().check_kinds([kind])[0]
    topo = open_topology(store_path)
    degree = topo.degree()
    rows = [
        {"id": n, "name": topo.names[i], "kind": topo.kinds[i], "aliases": topo.aliases[i],
         "documents": topo.ndocs[i], "degree": degree[n]}
        for i, n in enumerate(topo.ids) if kind is None or topo.kinds[i] == kind
    ]
    emit(rows, ["id", "name", "kind", "documents", "degree", "aliases"], fmt)


@cli.command()
@store_option
@format_option
@click.option("--type", "types", multiple=True, help="Only this relation type (repeatable).")
@click.option("--actor", default=None, help="Only relations of this actor (name, alias or id).")
@click.option("--evidence/--no-evidence", default=False, help="Show the evidence sentences.")
@source_option
@report_command
@friendly_errors
def relations(store_path: Path | None, fmt: str, types: tuple[str, ...], actor: str | None, evidence: bool,
              provenance: str) -> None:
    """List relations (source, type, target) with their evidence count, date and provenance.

    "provenance" is text (extracted from documents) and/or the event datasets that coded it.

    \b
    Example:
      actorgraph relations --type SANCTIONS
      actorgraph relations --actor petro --evidence
      actorgraph relations --source gdelt
    """
    from graph.resolve import resolve_actor

    checked = load_taxonomy().check_relation_types(list(types)) if types else None
    topo = open_topology(store_path, provenance)
    actor_id = resolve_actor(topo.actors, actor) if actor else None
    names = dict(zip(topo.ids, topo.names, strict=True))
    rows = []
    for e in topo.select(checked, actor_id):
        u, v, k = topo.edge(e)
        row = {
            "source": names[u], "type": k, "target": names[v],
            "date": topo.first_dates[e], "confidence": topo.confidence[e], "evidence": int(topo.evidence_count[e]),
            "source_id": u, "target_id": v, "provenance": topo.provenance[e],
        }
        if evidence:
            row["sentences"] = [f"[{x['doc']}] {x['sentence']}" for x in topo.evidence_at(e)]
        rows.append(row)
    cols = ["source", "type", "target", "date", "confidence", "evidence", "provenance"]
    if fmt != "table":
        cols += ["source_id", "target_id"]
    if evidence:
        cols.append("sentences")
    emit(rows, cols, fmt)


@cli.command()
@click.argument("gold", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@store_option
@click.option("--docs", type=click.Path(exists=True, file_okay=False, path_type=Path), default=None,
              help="Folder of the documents, to check evidence sentences verbatim (default: the stored paths).")
@click.option("--json", "as_json", is_flag=True, help="Print the full report as JSON.")
@friendly_errors
def eval(gold: tuple[Path, ...], store_path: Path | None, docs: Path | None, as_json: bool) -> None:  # noqa: A001
    """Score the stored graph against gold annotation files (GUIDE.md format).

    Prints actor and relation precision/recall/F1 per document and overall,
    what was missed, what was wrong, and the share of valid evidence sentences.

    \b
    Example:
      actorgraph eval ../shared/eval/gold/seeds.yaml
    """
    import json

    from graph.evaluate import evaluate, format_report
    from graph.export import node_link

    store = open_store(store_path)
    report = evaluate(node_link(store), [str(g) for g in gold], store=store, docs_dir=docs)
    click.echo(json.dumps(report, indent=2) if as_json else format_report(report))


@cli.command()
@click.argument("doc")
@store_option
@click.option("--model", default=None, help="spaCy pipeline to use.")
@click.option("--all-sentences", is_flag=True, help="Also show sentences with no actor.")
@friendly_errors
def explain(doc: str, store_path: Path | None, model: str | None, all_sentences: bool) -> None:
    """Show, sentence by sentence, the actors found and each relation with the rule that made it.

    DOC is a file (.txt/.md/.html; the first article of a .jsonl) or the id of a stored document.
    Use it to see why an edge exists, then fix the data files (gazetteer, triggers).

    \b
    Example:
      actorgraph explain examples/news/trump-petro-white-house-meeting.txt
    """
    from extraction.extractor import Extractor
    from loaders.readers import read_file

    path = Path(doc)
    if not path.exists():
        store = open_store(store_path)
        stored = store.documents.get(doc)
        if stored is None:
            raise click.ClickException(f"{doc!r} is neither a file nor a stored document id")
        path = Path(stored.path.split(":")[0])
    items = list(read_file(path))
    documents = [d for d in items if not isinstance(d, Exception) and hasattr(d, "text")]
    if not documents:
        raise click.ClickException(str(items[0]) if items else f"{path}: nothing to read")
    document = next((d for d in documents if d.id == doc), documents[0])
    names: dict[str, str] = {}
    for s in Extractor(model).explain(document):
        if not s.mentions and not all_sentences:
            continue
        click.echo(f"\n[{s.index}] {s.text}")
        for surface, actor, via in s.mentions:
            names.setdefault(actor, surface)
            click.echo(f"    actor     {surface!r} -> {actor} ({via})")
        for f in s.relations:
            click.echo(f"    relation  {f.source} -{f.type}-> {f.target}   [{f.rule}, {f.confidence:.2f}]")
        for f in s.dropped:
            click.echo(f"    (not stored: {f.source} and {f.target} belong together) {f.source} -{f.type}-> {f.target}"
                       f"   [{f.rule}]")
