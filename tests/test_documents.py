"""PDF and DOCX files our tests write, unsupported files in folders, and dates in metadata."""

from __future__ import annotations

import json

import pytest

from actorgraph.ingest import ingest_paths
from graph.store import GraphStore
from loaders import load_paths
from loaders.pdf import NO_TEXT, pdf_text
from tests.web_pages import BORDER, GRAIN

TITLE = "Two accords and a border row"
# Our own prose: the same paragraphs go into a .txt, a .pdf and a .docx.
PARAGRAPHS = [*GRAIN[3], *BORDER[3]]


def _relations(path, tmp_path, name: str) -> set[tuple[str, str, str]]:
    store = GraphStore.open(tmp_path / name, create=True)
    report = ingest_paths([path], store, progress=False)
    assert report.documents_added == 1, [str(p) for p in report.problems]
    return {(u, k, v) for u, v, k in store.graph.edges(keys=True)}


def _write_pdf(path, paragraphs: list[str], header: bool = True) -> None:
    """A two-page PDF: running header, 'Page N of M' footer; paragraphs wrapped (and one word
    hyphenated) by us, and the last paragraph cut by the page break."""
    from fpdf import FPDF

    class Paper(FPDF):
        def header(self) -> None:
            if header:
                self.set_font("Helvetica", size=8)
                self.cell(0, 6, "The Daily Ledger - World desk - March 2026", align="C")
                self.ln(10)

        def footer(self) -> None:
            self.set_y(-12)
            self.set_font("Helvetica", size=8)
            self.cell(0, 6, f"Page {self.page_no()} of {{nb}}", align="C")

    pdf = Paper()
    pdf.set_title(TITLE)
    pdf.set_author("Ana Ferreira")
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    lines_per_page = 0
    for i, paragraph in enumerate(paragraphs):
        words = paragraph.replace("—", "-").replace("Í", "I").split()
        line = ""
        lines = []
        for w in words:
            if pdf.get_string_width(f"{line} {w}") > 110:
                lines.append(line)
                line = w
            else:
                line = f"{line} {w}".strip()
        lines.append(line)
        if i == 0:  # hyphenate the first word of the second line at the end of the first: 'ending' → 'end-' 'ing'
            first, second = lines[0], lines[1].split(" ", 1)
            lines[0], lines[1] = f"{first} {second[0][:3]}-", f"{second[0][3:]} {second[1]}"
        for j, text in enumerate(lines):
            if i == len(paragraphs) - 1 and j == len(lines) // 2:
                pdf.add_page()  # the last paragraph goes on on the next page
            pdf.cell(0, 6, text)
            pdf.ln(6)
            lines_per_page += 1
        pdf.ln(4)
    pdf.output(str(path))


def _plain(paragraphs: list[str]) -> list[str]:
    return [p.replace("—", "-").replace("Í", "I") for p in paragraphs]  # what the PDF's core font can show


@pytest.mark.slow
def test_pdf_gives_the_same_relations_as_the_same_text(tmp_path):
    _write_pdf(tmp_path / "story.pdf", PARAGRAPHS)
    text, meta = pdf_text((tmp_path / "story.pdf").read_bytes())
    assert text.split("\n") == _plain(PARAGRAPHS)  # reading order, hyphen joined, header/footer/page numbers gone
    assert meta == {"title": TITLE, "author": "Ana Ferreira"}
    (tmp_path / "story.txt").write_text("\n".join(_plain(PARAGRAPHS)), encoding="utf-8")
    from_txt = _relations(tmp_path / "story.txt", tmp_path, "txt")
    assert {("brazil", "COOPERATES_WITH", "argentina"), ("kenya", "CRITICISES", "ethiopia")} <= from_txt
    assert _relations(tmp_path / "story.pdf", tmp_path, "pdf") == from_txt


def test_pdf_without_a_text_layer_says_so(tmp_path):
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.rect(20, 20, 100, 60, style="F")  # a page with marks but no text, as a scan is
    pdf.output(str(tmp_path / "scan.pdf"))
    docs, problems = load_paths([tmp_path / "scan.pdf"])
    assert docs == [] and [str(p) for p in problems] == [f"{tmp_path / 'scan.pdf'}: {NO_TEXT}"]
    (tmp_path / "broken.pdf").write_bytes(b"%PDF-1.4\n% not a real pdf\n")
    _, problems = load_paths([tmp_path / "broken.pdf"])
    assert len(problems) == 1 and problems[0].message.startswith("not a readable PDF")


@pytest.mark.slow
def test_docx_gives_the_same_relations_as_the_same_text(tmp_path):
    import docx

    d = docx.Document()
    d.core_properties.title = TITLE
    d.core_properties.author = "Ana Ferreira"
    for p in PARAGRAPHS[:3]:
        d.add_paragraph(p)
    table = d.add_table(rows=1, cols=1)  # a paragraph inside a table still counts, in its place
    table.cell(0, 0).text = PARAGRAPHS[3]
    d.add_paragraph(PARAGRAPHS[4])
    d.save(str(tmp_path / "story.docx"))
    docs, problems = load_paths([tmp_path / "story.docx"])
    assert not problems
    assert docs[0].text.split("\n") == PARAGRAPHS
    assert (docs[0].title, docs[0].author) == (TITLE, "Ana Ferreira")
    (tmp_path / "story.txt").write_text("\n".join(PARAGRAPHS), encoding="utf-8")
    assert _relations(tmp_path / "story.docx", tmp_path, "docx") == _relations(tmp_path / "story.txt", tmp_path, "txt")
    (tmp_path / "bad.docx").write_bytes(b"PK\x03\x04 not really a zip")
    _, problems = load_paths([tmp_path / "bad.docx"])
    assert len(problems) == 1 and problems[0].message.startswith("not a readable .docx file")


def test_folder_lists_unsupported_files_and_reads_the_rest(cli, tmp_path):
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "note.txt").write_text("Kenya accused Ethiopia of moving troops to the border.", encoding="utf-8")
    (folder / "note.meta.yaml").write_text("date: 2026-03-13\n", encoding="utf-8")  # a sidecar: not a warning
    (folder / "slides.pptx").write_bytes(b"PK\x03\x04")
    (folder / "sheet.xlsx").write_bytes(b"PK\x03\x04")
    (folder / ".DS_Store").write_bytes(b"\x00")  # hidden: not listed
    docs, problems = load_paths([folder])
    assert [d.id for d in docs] == ["note"] and docs[0].date == "2026-03-13"
    assert [str(p) for p in problems] == [f"{folder / 'sheet.xlsx'}: unsupported file type .xlsx; skipped",
                                          f"{folder / 'slides.pptx'}: unsupported file type .pptx; skipped"]


def test_dates_in_jsonl_and_sidecars_are_parsed_or_warned(tmp_path):
    rows = [{"text": "One.", "date": "2026-13-45"}, {"text": "Two.", "date": "Feb 3, 2026"},
            {"text": "Three.", "date": "2026-02"}, {"text": "Four.", "date": "Tue, 03 Feb 2026 10:00:00 GMT"},
            {"text": "Five.", "date": "3 February 2026"}, {"text": "Six.", "date": "next week"}]
    (tmp_path / "a.jsonl").write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    (tmp_path / "b.txt").write_text("Seven.", encoding="utf-8")
    (tmp_path / "b.meta.yaml").write_text("date: 2026-02-30\n", encoding="utf-8")
    docs, problems = load_paths([tmp_path / "a.jsonl", tmp_path / "b.txt"])
    assert [d.date for d in docs] == [None, "2026-02-03", "2026-02", "2026-02-03", "2026-02-03", None, None]
    assert [str(p) for p in problems] == [
        f"{tmp_path / 'a.jsonl'}:1: invalid date '2026-13-45' in field \"date\"; stored without a date",
        f"{tmp_path / 'a.jsonl'}:6: invalid date 'next week' in field \"date\"; stored without a date",
        f"{tmp_path / 'b.meta.yaml'}: invalid date '2026-02-30' in field \"date\"; stored without a date",
    ]


def test_pdf_columns_are_read_one_after_the_other(tmp_path):
    import textwrap

    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=10)
    left, right = (textwrap.wrap(_plain([p])[0], 40) for p in (GRAIN[3][1], BORDER[3][1]))
    for i in range(max(len(left), len(right))):  # drawn row by row: the file interleaves the two columns
        if i < len(left):
            pdf.text(15, 30 + 5 * i, left[i])
        if i < len(right):
            pdf.text(110, 30 + 5 * i, right[i])
    pdf.output(str(tmp_path / "columns.pdf"))
    text, _ = pdf_text((tmp_path / "columns.pdf").read_bytes())
    assert text.split("\n") == [GRAIN[3][1], BORDER[3][1]]
