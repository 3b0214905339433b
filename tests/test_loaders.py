import json

from loaders import load_paths
from loaders.documents import normalise_date
from loaders.html import html_to_text
from loaders.readers import decode


def test_txt_md_html_jsonl_and_folders(tmp_path):
    (tmp_path / "a.txt").write_text("Trump met Petro.\n", encoding="utf-8")
    sub = tmp_path / "sub"
    sub.mkdir()
    (sub / "b.md").write_text("# Title B\nBody text.", encoding="utf-8")
    (sub / "c.html").write_text(
        "<html><head><title>T</title><script>alert(1)</script><style>p{}</style></head>"
        "<body><p>Visible one.</p><script>var x = 'hidden';</script><div>Visible two.</div></body></html>",
        encoding="utf-8")
    lines = [json.dumps({"text": "First article.", "title": "One", "date": "2026-01-05T10:00:00Z"}),
             "{not json", json.dumps({"title": "no text"}), json.dumps({"id": "x/y", "text": "Second."})]
    (tmp_path / "d.jsonl").write_text("\n".join(lines), encoding="utf-8")
    (tmp_path / "ignored.csv").write_text("a,b", encoding="utf-8")

    docs, problems = load_paths([tmp_path])
    by_id = {d.id: d for d in docs}
    assert set(by_id) == {"a", "b", "c", "d-1", "x-y"}
    assert by_id["b"].title == "Title B"
    assert by_id["c"].text == "Visible one.\nVisible two."
    assert by_id["c"].title == "T"
    assert by_id["d-1"].date == "2026-01-05"
    assert sorted((p.line or 0, p.message.split(" ")[0]) for p in problems) == [(0, "unsupported"), (2, "malformed"), (3, "missing")]
    assert all(len(d.sha256) == 64 for d in docs)


def test_sidecar_metadata_and_stable_ids(tmp_path):
    (tmp_path / "story.txt").write_text("Some text here.", encoding="utf-8")
    (tmp_path / "story.meta.yaml").write_text("title: A title\ndate: 2026-02-03\n", encoding="utf-8")
    docs, problems = load_paths([tmp_path / "story.txt"])
    assert not problems
    assert (docs[0].id, docs[0].title, docs[0].date) == ("story", "A title", "2026-02-03")
    again, _ = load_paths([tmp_path / "story.txt"])
    assert again[0].sha256 == docs[0].sha256


def test_bad_inputs_are_problems_not_exceptions(tmp_path):
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01\x02binary")
    docs, problems = load_paths([tmp_path / "missing.txt", tmp_path / "empty.txt", tmp_path / "bin.txt"])
    assert docs == []
    messages = " | ".join(str(p) for p in problems)
    assert "no such file" in messages and "empty" in messages and "binary" in messages


def test_encodings():
    assert decode("Bogotá".encode())[0] == "Bogotá"
    assert decode("Bogotá".encode("latin-1")) == ("Bogotá", "cp1252")
    assert decode(b"\xef\xbb\xbfhi")[0] == "hi"


def test_same_file_name_in_two_folders_gets_distinct_ids(tmp_path):
    for d in ("x", "y"):
        (tmp_path / d).mkdir()
        (tmp_path / d / "same.txt").write_text(f"text {d}", encoding="utf-8")
    docs, _ = load_paths([tmp_path])
    assert len({d.id for d in docs}) == 2


def test_html_meta():
    page = html_to_text('<meta property="article:published_time" content="2025-03-04T00:00"><p>x</p>')
    assert page.date == "2025-03-04" or normalise_date(page.date) == "2025-03-04"
