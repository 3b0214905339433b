"""Round 4, gdelt2: an import's evidence texts and URLs stay pyarrow arrays until the save writes them
(graph.store.ChunkedColumn); the store file and what readers see are those of plain lists."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pyarrow as pa

from graph.store import _CHUNK, ChunkedColumn, GraphStore, _dumps, _pieces
from loaders.events import ImportOptions, import_events
from tests.test_events import gdelt_row, write_tsv

USA, COL, VEN = ("USAGOV", "UNITED STATES", "USA"), ("COL", "COLOMBIA", "COL"), ("VEN", "VENEZUELA", "VEN")


def _column(values: list[str | None], pieces: int) -> ChunkedColumn:
    """``values`` cut into ``pieces`` arrays, one of them empty."""
    size = -(-len(values) // pieces)
    chunks = [pa.array(values[i:i + size], pa.string()) for i in range(0, len(values), size)]
    return ChunkedColumn([pa.array([], pa.string()), *chunks])


def test_a_chunked_column_is_written_as_the_bytes_of_its_list() -> None:
    values = [f'event "{i}" ü\\ {i % 7}' if i % 5 else None for i in range(2 * _CHUNK + 11)]
    col = _column(values, 7)
    data = {"evidence": {"sentence": col, "empty": ChunkedColumn([])}, "x": [1]}
    assert b"".join(_pieces(data)) == _dumps({"evidence": {"sentence": values, "empty": []}, "x": [1]})
    assert len(col) == len(values) and col[5] is None and col[6] == values[6]


def test_a_chunked_column_taken_in_relation_order() -> None:
    values = [f"text {i}" for i in range(50)]
    col = _column(values, 4)
    rows = np.array([49, 0, 17, 17, 3])
    taken = col.take(rows)
    assert taken.to_list() == [values[i] for i in rows]
    assert col.to_list() == values  # the pieces joined in place: the same values, in order
    assert ChunkedColumn([]).take(np.array([], dtype=np.intp)).to_list() == []


def test_imported_texts_and_urls_are_the_same_into_an_empty_store_and_beside_stored_evidence(tmp_path: Path) -> None:
    """The first import's block is written from arrays gathered by pyarrow; the second meets stored
    evidence of the same relations (its rows read one by one): both give each event's text and URL."""
    first = write_tsv(tmp_path / "a.CSV", [gdelt_row(1, "163", USA, COL), gdelt_row(2, "043", COL, VEN, url=""),
                                          gdelt_row(3, "163", USA, VEN, url="https://x.example/ü")])
    second = write_tsv(tmp_path / "b.CSV", [gdelt_row(4, "163", USA, COL, url="https://x.example/4"),
                                           gdelt_row(5, "043", VEN, COL, url="")])
    store = tmp_path / "s"
    for f in (first, second):
        import_events("gdelt", [f], GraphStore.open(store, create=True), ImportOptions(progress=False))
    got = {e.doc: (e.sentence, e.url) for r in GraphStore.open(store).relations() for e in r.evidence}
    assert got == {
        "gdelt:1": ("GDELT event CAMEO 163: UNITED STATES -> COLOMBIA (4 mentions)", "https://news.example.org/a"),
        "gdelt:2": ("GDELT event CAMEO 043: COLOMBIA -> VENEZUELA (4 mentions)", None),
        "gdelt:3": ("GDELT event CAMEO 163: UNITED STATES -> VENEZUELA (4 mentions)", "https://x.example/ü"),
        "gdelt:4": ("GDELT event CAMEO 163: UNITED STATES -> COLOMBIA (4 mentions)", "https://x.example/4"),
        "gdelt:5": ("GDELT event CAMEO 043: VENEZUELA -> COLOMBIA (4 mentions)", None),
    }
