"""Core commands: ingest, actors, relations, explain, eval."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from actorgraph.cli.common import (
    ProgressDisplay,
    emit,
    evidence_lines,
    format_option,
    friendly_errors,
    max_evidence_option,
    open_store,
    open_topology,
    report_command,
    source_option,
    store_option,
)
from actorgraph.cli.group import cli
from actorgraph.cli.neo4j import neo4j_options, push_extractions, settings_from
from actorgraph.evaluate import evaluate, format_report
from graph.analysis import actors_by_kind, relations_of_type
from graph.export import node_link
from graph.resolve import resolve_actor
from graph.taxonomy import load_taxonomy
from loaders.readers import DEFAULT_MAX_DOC_MB, read_file


@cli.command()
# Plain strings: a click.Path would turn 'https://host/x' into 'https:/host/x' (and s3://b/k into s3:/b/k).
@click.argument("paths", nargs=-1, required=True, metavar="PATH_OR_URL...")
@store_option
@click.option("--model", default=None, help="spaCy pipeline to use (default: $ACTORGRAPH_SPACY_MODEL or the packaged small English model).")
@click.option("--processes", "-j", type=int, default=1, show_default=True, help="Worker processes for the NLP pipeline.")
@click.option("--quiet", "-q", is_flag=True,
              help="No progress or summary. Progress goes to stderr: a bar on a terminal, else a line every "
                   "$ACTORGRAPH_PROGRESS_SECONDS (10) seconds.")
@click.option("--max-doc-mb", type=click.FloatRange(min=0, min_open=True), default=DEFAULT_MAX_DOC_MB, show_default=True,
              help="Refuse documents (files or JSONL lines) larger than this many megabytes.")
@click.option("--fetch-items", is_flag=True,
              help="For feeds: ingest each item's linked page (its main text) instead of the item's own text.")
@click.option("--timeout", type=click.FloatRange(min=0, min_open=True), default=20.0, show_default=True,
              help="Seconds to wait for a web server to connect or send data.")
@click.option("--delay", type=click.FloatRange(min=0), default=1.0, show_default=True,
              help="Seconds between two requests to the same host (a longer Crawl-delay in robots.txt wins).")
@click.option("--concurrency", type=click.IntRange(min=1, max=32), default=4, show_default=True,
              help="Web requests in flight at once (all hosts together).")
@click.option("--ignore-robots", is_flag=True, help="Fetch pages even where the site's robots.txt disallows it.")
@click.option("--cluster", default=None, envvar="ACTORGRAPH_CLUSTER", metavar="local:N|tcp://HOST:8786",
              help="Read and parse on a Dask cluster: local:N starts N worker processes here, tcp://HOST:8786 uses a "
                   "running scheduler (default: $ACTORGRAPH_CLUSTER). Replaces -j.")
@click.option("--neo4j", "to_neo4j", is_flag=True, help="Also write the new documents to Neo4j (settings: NEO4J_* or the flags below).")
@neo4j_options
@friendly_errors
def ingest(paths: tuple[str, ...], store_path: Path | None, model: str | None, processes: int, quiet: bool,
           max_doc_mb: float, fetch_items: bool, timeout: float, delay: float, concurrency: int, ignore_robots: bool,
           cluster: str | None, to_neo4j: bool, uri: str | None, user: str | None, database: str | None,
           ask_password: bool) -> None:
    """Read documents into the graph: files, folders, web pages and RSS/Atom feeds.

    Files: .txt, .md, .html, .jsonl, .pdf, .docx, and feeds saved as .rss, .atom or
    .xml; a folder is read recursively (other file types in it are listed as
    warnings). A URL (http or https) is fetched: an HTML page gives its main text,
    a feed one document per item. Documents already stored with the same content,
    and feed items whose URL is already stored, are skipped, so ingesting twice
    changes nothing.

    Exit status 0 when anything was read (what could not be read is listed as
    "warning: SOURCE: reason"), 1 when nothing could be.

    New text at a stored file's path updates that document. Give - to read one
    article from stdin (only regular files are read otherwise). PATHS may also be
    fsspec URLs (s3://bucket/news/, gs://..., abfs://..., file://...; cloud storage
    needs actorgraph[s3], [gcs] or [azure]).

    \b
    Example:
      actorgraph ingest examples/news
      actorgraph ingest https://news.example/world/accord https://news.example/feed.rss --fetch-items
      actorgraph ingest examples/news --neo4j
      actorgraph ingest - < article.txt
      actorgraph ingest s3://bucket/news/ --cluster tcp://scheduler:8786
    """
    # lazy: extraction imports spaCy (~1.3 s), loaders.web httpx and feedparser (~0.4 s); only for ingest
    from actorgraph.ingest import ingest_paths
    from loaders.web import WebOptions

    # Ask for the password up front, not after a long extraction.
    settings = settings_from(uri, user, database, ask_password) if to_neo4j else None
    store = open_store(store_path, create=True)
    if cluster:
        from actorgraph.cluster import ingest_cluster  # lazy: Dask (optional extra) and spaCy

        shown: list[int] = []

        def progress(done: int, total: int, words: int, seconds: float) -> None:
            rate = words / seconds if seconds > 0 else 0.0
            click.echo(f"\rextracting on the cluster: {done}/{total} documents, {rate:,.0f} words/s", nl=False, err=True)
            shown.append(done)

        report = ingest_cluster(paths, store, cluster, model=model, progress=None if quiet else progress,
                                max_doc_mb=max_doc_mb)
        if shown:
            click.echo(err=True)  # end the progress line
    else:
        web = WebOptions(timeout=timeout, delay=delay, concurrency=concurrency, robots=not ignore_robots,
                         fetch_items=fetch_items)
        with ProgressDisplay() as display:
            report = ingest_paths(paths, store, model=model, processes=processes, progress=False if quiet else display,
                                  max_doc_mb=max_doc_mb, web=web)
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

    rows = actors_by_kind(open_topology(store_path), [kind] if kind else None, order="id")
    for r in rows:
        r["degree"] = r.pop("relations")
    emit(rows, ["id", "name", "kind", "documents", "degree", "aliases"], fmt)


@cli.command()
@store_option
@format_option
@click.option("--type", "types", multiple=True, help="Only this relation type (repeatable).")
@click.option("--actor", default=None, help="Only relations of this actor (name, alias or id).")
@click.option("--evidence/--no-evidence", default=False,
              help="Show the evidence sentences (in a table: each whole, on its own lines under its relation).")
@max_evidence_option
@source_option
@report_command
@friendly_errors
def relations(store_path: Path | None, fmt: str, types: tuple[str, ...], actor: str | None, evidence: bool,
              max_evidence: int | None, provenance: str) -> None:
    """List relations (source, type, target) with their evidence count, date and provenance.

    "provenance" is text (extracted from documents) and/or the event datasets that coded it.

    \b
    Example:
      actorgraph relations --type SANCTIONS
      actorgraph relations --actor petro --evidence
      actorgraph relations --source gdelt
    """

    checked = load_taxonomy().check_relation_types(list(types)) if types else None
    topo = open_topology(store_path, provenance)
    actor_id = resolve_actor(topo, actor) if actor else None
    rows = []
    for rel in relations_of_type(topo, checked, actor_id, order="source"):
        u, k, v = rel["source"], rel["type"], rel["target"]
        row = {
            "source": rel["source_name"], "type": k, "target": rel["target_name"], "date": rel["date"],
            "confidence": rel["confidence"], "evidence": rel["evidence_count"], "source_id": u, "target_id": v,
            "provenance": rel["provenance"],
        }
        if evidence:
            row["sentences"] = evidence_lines(topo.evidence(u, v, k), max_evidence)
        rows.append(row)
    cols = ["source", "type", "target", "date", "confidence", "evidence", "provenance"]
    if fmt != "table":
        cols += ["source_id", "target_id"]
    elif all(r["provenance"] == "text" for r in rows):
        cols.remove("provenance")  # a store of documents only: keep the table narrow
    if evidence:
        cols.append("sentences")
    emit(rows, cols, fmt, below="sentences" if evidence else None)


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

    DOC is a file (.txt/.md/.html/.pdf/.docx; the first article of a .jsonl or a feed) or the id of a stored document.
    Use it to see why an edge exists, then fix the data files (gazetteer, triggers).

    \b
    Example:
      actorgraph explain examples/news/trump-petro-white-house-meeting.txt
    """
    from extraction.extractor import Extractor  # lazy: spaCy (~1.3 s), only for explain
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
