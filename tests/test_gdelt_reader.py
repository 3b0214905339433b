"""The GDELT reader's batches (pyarrow's CSV reader, worked column-wise): what a row-by-row reader
gave must not depend on where a batch ends. Small blocks make many batches of a small file.

Files are built here in the GDELT 2.0 layout (tests/test_events.py's builder); no GDELT data is shipped.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from graph.store import GraphStore
from loaders.events import ImportOptions, gdelt, import_events
from tests.test_events import gdelt_row

USA, COL, VEN = ("USAGOV", "UNITED STATES", "USA"), ("COL", "COLOMBIA", "COL"), ("VEN", "VENEZUELA", "VEN")


def lines(n: int) -> list[bytes]:
    """``n`` good rows of three dyads and three codes (some repeated relations, one symmetric both ways)."""
    dyads = [(USA, COL, "163"), (COL, VEN, "043"), (VEN, COL, "042")]
    return [("\t".join(gdelt_row(1000 + i, dyads[i % 3][2], dyads[i % 3][0], dyads[i % 3][1],
                                 day=f"202601{1 + i % 28:02d}")).encode()) for i in range(n)]


def run(tmp_path: Path, name: str, data: bytes, **options: object) -> tuple[object, list[str], dict]:
    f = tmp_path / name
    f.write_bytes(data)
    warnings: list[str] = []
    store = tmp_path / f"store-{name}"
    report = import_events("gdelt", [f], GraphStore.open(store, create=True),
                           ImportOptions(**{"progress": False, **options}), warn=warnings.append)  # type: ignore[arg-type]
    return report, [w.replace(str(f), "F") for w in warnings], GraphStore.open(store).to_dict()


def test_many_small_batches_give_the_graph_and_warnings_of_one(tmp_path: Path, monkeypatch) -> None:
    rows = lines(60)
    bad_date = "\t".join(gdelt_row(9999, "163", USA, COL, day="2026XX01")).encode()
    body = [*rows[:7], b"", *rows[7:30], b"x\ty", bad_date, *rows[30:], b"\t" * 60]
    data = b"\n".join(body) + b"\n"
    one, one_warnings, one_graph = run(tmp_path, "one.CSV", data)
    monkeypatch.setattr(gdelt, "BLOCK", 1024)  # a few rows per batch: the bad lines fall in later batches
    many, many_warnings, many_graph = run(tmp_path, "many.CSV", data)
    assert many_graph == one_graph and many_warnings == one_warnings
    assert many_warnings == ["F:8: 0 columns, GDELT 2.0 events have 61",
                             "F:32: 2 columns, GDELT 2.0 events have 61",
                             "F:33: no event id or no valid date ('2026XX01')",
                             "F:64: no event id or no valid date ('')"]
    assert (many.rows, many.events, many.bad_rows) == (64, 60, 4) == (one.rows, one.events, one.bad_rows)  # type: ignore[attr-defined]
    sanctions = next(e for e in many_graph["edges"] if e["type"] == "SANCTIONS")
    assert [ev["doc"] for ev in sanctions["evidence"]] == [f"gdelt:{1000 + i}" for i in range(0, 60, 3)]


def test_progress_counts_rows_and_events_at_each_multiple(tmp_path: Path, monkeypatch, capsys) -> None:
    monkeypatch.setattr(gdelt, "BLOCK", 1024)
    data = b"\n".join([*lines(5), b"short", *lines(4)]) + b"\n"
    run(tmp_path, "p.CSV", data, progress=True, progress_every=4)
    said = [line.split(" (")[0] for line in capsys.readouterr().err.splitlines() if "rows read" in line]
    # at line 4: the three rows before it; at line 8: rows 1-5 and 7 (line 6 is bad)
    assert said == ["gdelt: 4 rows read, 3 events stored", "gdelt: 8 rows read, 6 events stored"]


def test_bad_utf8_is_replaced_and_a_zip_is_read(tmp_path: Path) -> None:
    row = "\t".join(gdelt_row(77, "163", ("USA", "UNITED STATES", "USA"), ("XYZ", "ACME GROUP", ""))).encode()
    row = row.replace(b"ACME", b"AC\xffME")
    report, warnings, graph = run(tmp_path, "u.CSV", row + b"\r\n")
    assert warnings == [] and report.events == 1  # type: ignore[attr-defined]
    assert graph["edges"][0]["evidence"][0]["sentence"] == "GDELT event CAMEO 163: UNITED STATES -> AC\ufffdME GROUP (4 mentions)"
    with zipfile.ZipFile(tmp_path / "z.CSV.zip", "w") as zf:
        zf.writestr("z.CSV", row + b"\n")
    again = import_events("gdelt", [tmp_path / "z.CSV.zip"], GraphStore.open(tmp_path / "zs", create=True),
                          ImportOptions(progress=False))
    assert again.events == 1 and GraphStore.open(tmp_path / "zs").to_dict()["edges"] == graph["edges"]


@pytest.mark.parametrize(("width", "message"), [(57, "a GDELT 1.0 file?"), (16, "a mentions file")])
def test_a_file_of_another_layout_is_refused_before_anything_is_stored(tmp_path: Path, width: int, message: str) -> None:
    f = tmp_path / "other.CSV"
    f.write_bytes(b"\n".join([b"\t".join([b"1"] * width), *lines(3)]) + b"\n")
    with pytest.raises(gdelt.EventFormatError, match=message):
        import_events("gdelt", [f], GraphStore.open(tmp_path / "s", create=True), ImportOptions(progress=False))
    assert not (tmp_path / "s" / "graph.json").exists()


def test_a_line_longer_than_a_block_is_one_error_and_the_store_is_left_as_it_was(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(gdelt, "BLOCK", 4096)
    f = tmp_path / "long.CSV"
    f.write_bytes(b"\n".join([*lines(3), b"x" * 10_000, *lines(2)]) + b"\n")
    store = GraphStore.open(tmp_path / "s", create=True)
    with pytest.raises(gdelt.EventFormatError, match=r"a line after line \d+ is longer than 4 KiB"):
        import_events("gdelt", [f], store, ImportOptions(progress=False))
    assert not (tmp_path / "s" / "graph.json").exists()
