"""Parallel extraction (worker processes) gives exactly what one process gives."""

from __future__ import annotations

import shutil

from conftest import EXAMPLES

from actorgraph.ingest import ingest_paths
from benchmarks.generate import corpus
from graph.model import Document
from graph.store import GraphStore
from loaders.remote import load_paths


def _docs() -> list[Document]:
    examples, _ = load_paths([EXAMPLES])
    synthetic = [Document(id=d["id"], text=d["text"], date=d["date"]) for d in corpus(5, seed=2, words=150)]
    return examples + synthetic


def test_extract_many_in_workers_matches_one_process():
    from extraction.extractor import Extractor

    ex = Extractor()
    docs = _docs()
    one = [e.model_dump() for e in ex.extract_many(docs, batch_size=2, n_process=1)]
    two = [e.model_dump() for e in ex.extract_many(docs, batch_size=2, n_process=2)]
    naive = [ex.extract(d).model_dump() for d in docs]
    assert one == two == naive
    assert [e["document"]["id"] for e in two] == [d.id for d in docs]  # input order kept
    assert sum(len(e["relations"]) for e in two) > 5


def test_ingest_with_two_processes_builds_the_same_store(tmp_path):
    a, b = GraphStore.open(tmp_path / "a", create=True), GraphStore.open(tmp_path / "b", create=True)
    ingest_paths([EXAMPLES], a, processes=1, progress=False)
    report = ingest_paths([EXAMPLES], b, processes=2, progress=False)
    assert report.documents_added == 2
    assert GraphStore.open(tmp_path / "a").to_dict() == GraphStore.open(tmp_path / "b").to_dict()


def test_stored_parses_give_the_same_extraction_and_are_not_parsed_again():
    from extraction.extractor import Extractor, ParseCache

    ex = Extractor()
    docs = _docs()
    fresh = [e.model_dump() for e in ex.extract_many(docs, batch_size=2, n_process=1)]
    for n_process in (1, 2):
        parses = ParseCache()
        first = [e.model_dump() for e in ex.extract_many(docs, batch_size=2, n_process=n_process, parses=parses)]
        assert len(parses._parses) == len({d.text for d in docs}) and parses.size > 0
        parses.keep = False
        calls = []
        pipe = ex.nlp.pipe
        ex.nlp.pipe = lambda texts, pipe=pipe, calls=calls, **kw: pipe((calls.append(t) or t for t in texts), **kw)
        try:
            again = [e.model_dump() for e in ex.extract_many(docs, batch_size=2, n_process=1, parses=parses)]
        finally:
            del ex.nlp.pipe
        assert first == again == fresh
        assert calls == []  # every text came from the stored parses
    small = ParseCache(budget=1)
    list(ex.extract_many(docs[:2], n_process=1, parses=small))
    assert small.size == 0  # over the budget: nothing kept, the text is parsed again when read again


def test_a_stored_document_read_again_uses_its_stored_parse(tmp_path):
    """'Okonkwo' alone in a stored document names Maria Okonkwo once a later ingest names her in full: the stored
    document is read again, from the parse its own ingest left in the store folder, with the same result."""
    from extraction.nlp import load_nlp

    later = "Analyst Maria Okonkwo of Human Rights Watch criticised the European Union."
    (tmp_path / "a.txt").write_text("In a new statement, Okonkwo condemned the European Union again.", encoding="utf-8")
    (tmp_path / "b.txt").write_text(later, encoding="utf-8")
    stores = []
    for name, keep in (("with", True), ("without", False)):
        store = GraphStore.open(tmp_path / name, create=True)
        ingest_paths([tmp_path / "a.txt"], store, progress=False)
        assert len(list((tmp_path / name / "parses").glob("*.zlib"))) == 1
        if not keep:
            shutil.rmtree(tmp_path / name / "parses")
        parsed: list[str] = []
        nlp = load_nlp(None)  # the extractor's pipeline (load_nlp() is another cache entry)
        nlp.pipe = lambda texts, pipe=nlp.pipe, parsed=parsed, **kw: pipe((parsed.append(t) or t for t in texts), **kw)
        try:
            report = ingest_paths([tmp_path / "b.txt"], store, progress=False)
        finally:
            del nlp.pipe
        assert report.reresolved == 1
        assert len(parsed) == (1 if keep else 2) and parsed[0] == later  # with the stored parse, only b is parsed
        stores.append(GraphStore.open(tmp_path / name).to_dict())
    assert stores[0] == stores[1]
    assert "maria-okonkwo" in str(stores[0])


def test_one_ingest_starts_its_worker_processes_once(tmp_path, monkeypatch):
    """With -j 2, the first read, the re-reads of this batch and the re-reads of stored documents share one
    pool of workers (each used to start its own), and the store is the one -j 1 builds."""
    import multiprocessing.pool

    old = {"a1.txt": "In a new statement, Okonkwo condemned the European Union again.",
           "a2.txt": "Okonkwo later praised Kenya for its mediation."}
    new = {"b1.txt": "Analyst Maria Okonkwo of Human Rights Watch criticised the European Union.",
           "b2.txt": "Kenya and Somalia agreed to restore diplomatic ties.",
           "c1.txt": "Okonkwo also criticised Ethiopia over the border.",
           "c2.txt": "On Tuesday, Okonkwo met the Kenyan foreign minister."}
    for folder, texts in (("old", old), ("new", new)):
        (tmp_path / folder).mkdir()
        for name, text in texts.items():
            (tmp_path / folder / name).write_text(text, encoding="utf-8")
    starts: list[int] = []
    init = multiprocessing.pool.Pool.__init__

    def counted(self, processes=None, *args, **kwargs):
        starts.append(processes)
        init(self, processes, *args, **kwargs)

    stores = []
    for j in (1, 2):
        store = GraphStore.open(tmp_path / f"j{j}", create=True)
        ingest_paths([tmp_path / "old"], store, processes=j, progress=False)
        monkeypatch.setattr(multiprocessing.pool.Pool, "__init__", counted)
        starts.clear()
        report = ingest_paths([tmp_path / "new"], store, processes=j, progress=False)
        monkeypatch.undo()
        assert report.reresolved == 2  # both stored documents read again under the lock
        assert starts == ([] if j == 1 else [2])
        stores.append(GraphStore.open(tmp_path / f"j{j}").to_dict())
    assert stores[0] == stores[1]
    assert "maria-okonkwo" in str(stores[0])
