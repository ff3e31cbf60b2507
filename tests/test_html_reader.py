"""Saved web pages: the HTML reader's document model, encodings, errors, and pages LibreOffice saves."""

from __future__ import annotations

import os
import subprocess
import time
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from conftest import need_soffice
from jobspec.api import parse_document
from jobspec.cli.app import app
from jobspec.document import Heading, ListItem, Paragraph, Table
from jobspec.errors import InputError
from jobspec.readers import read_document

ROOT = Path(__file__).resolve().parents[1]
ADVERT = ROOT / "tests" / "fixtures" / "html" / "advert.html"
runner = CliRunner()


def _shape(blocks) -> list:
    out = []
    for b in blocks:
        if isinstance(b, Table):
            out.append(("table", b.ncols, [[(c.col, c.span, c.text) for c in r.cells] for r in b.rows]))
        elif isinstance(b, ListItem):
            out.append(("item", b.marker, b.level, b.ordered, b.text))
        elif isinstance(b, Heading):
            out.append(("heading", b.level, b.text))
        else:
            out.append(("para", b.bold, b.text))
    return out


def test_advert_page_as_a_document(no_network):
    doc, fmt = read_document(ADVERT)
    assert fmt == "html"
    assert _shape(doc.blocks) == [
        ("heading", 1, "Teaching Assistant (Level 2)"),
        ("para", False, "Salary: £24,790 - £25,183 FTE pro rata"),  # a <br> starts a new paragraph
        ("para", False, "Hours: 32.5 hours per week, term time only"),
        ("para", False, "Closing date: Friday 14 March 2025"),
        ("heading", 2, "Job purpose"),
        ("para", False, "To help pupils learn, feel safe and enjoy school."),  # the comment is gone
        ("heading", 2, "Main duties"),
        ("item", "•", 0, False, "Support pupils in class"),
        ("item", "c.", 1, True, "Work with small groups on phonics"),  # type="a" start="3"
        ("item", "g.", 1, True, "Hear readers every day"),  # value="7"
        ("item", "•", 0, False, "Prepare resources and displays"),  # paragraphs in an item are one text
        ("item", "2.", 0, True, "Third"),  # reversed
        ("item", "1.", 0, True, "Second"),
        ("heading", 3, "Person specification"),
        ("table", 3, [[(0, 1, "Criteria"), (1, 2, "Level")],
                      [(1, 1, "Essential"), (2, 1, "Desirable")],  # the rowspan leaves column 0 to the cell above
                      [(0, 1, "Qualifications"), (1, 1, "GCSE English and maths"), (2, 1, "NVQ Level 2")],
                      [(0, 3, "Experience")]]),
        ("table", 2, [[(0, 1, "Contract"), (1, 1, "Permanent")],
                      [(0, 1, "Start date"), (1, 1, "September 2025\nor sooner")]]),
    ]
    # scripts, styles, the hidden banner, nav, iframe, noscript, template, svg and the form are not read
    text = "\n".join(b.text if not isinstance(b, Table) else "" for b in doc.iter_blocks())
    for absent in ("run this", "cookies", "Home", "Please enable", "template row", "Vector text", "Apply",
                   "Email", "nobody sees", "logo"):
        assert absent not in text, absent
    assert doc.header_lines == ["Larchwood Primary School", "Larchwood Primary School, Mill Lane, Lindenford"]
    assert doc.info == {"encoding": "utf-8"} and doc.warnings == []
    cell = doc.blocks[14].rows[2].cells[1].blocks[0]
    assert isinstance(cell, ListItem) and cell.text == "GCSE English and maths"
    assert doc.blocks[8].prov.describe() == "line 30"
    assert doc.blocks[14].rows[2].cells[1].prov.describe() == "line 48, table 1, row 3, cell 2"


def test_bold_paragraphs_and_headings_by_role():
    doc = _read_html(b'<p><strong>Main duties</strong></p><p><b>Salary:</b> <span style="font-weight:700">'
                     b'25k</span></p><div role="heading" aria-level="3">Other duties</div>'
                     b'<p style="font-weight: bold">All bold <span style="font-weight: normal">but this</span></p>')
    assert [(type(b).__name__, getattr(b, "bold", None), b.text) for b in doc.blocks] == [
        ("Paragraph", True, "Main duties"), ("Paragraph", True, "Salary: 25k"),
        ("Heading", None, "Other duties"), ("Paragraph", False, "All bold but this")]
    assert doc.blocks[2].level == 3


def _read_html(data: bytes, name: str = "page.html") -> object:
    import tempfile

    with tempfile.TemporaryDirectory() as d:
        p = Path(d) / name
        p.write_bytes(data)
        return read_document(p)[0]


@pytest.mark.parametrize(("data", "encoding"), [
    ('<meta charset="windows-1252"><p>Salary £25,000 – £27,000</p>'.encode("cp1252"), "windows-1252"),
    ('<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1"><p>Salary £25,000 – £27,000</p>'
     .encode("cp1252"), "cp1252"),  # as browsers do, latin-1 means windows-1252
    ('<?xml version="1.0" encoding="UTF-8"?><html xmlns="http://www.w3.org/1999/xhtml"><body>'
     "<p>Salary £25,000 – £27,000</p></body></html>".encode(), "utf-8"),
    ("\ufeff<p>Salary £25,000 – £27,000</p>".encode("utf-16-le"), "utf-16-le"),
    ("<p>Salary £25,000 – £27,000</p>".encode("cp1252"), "cp1252"),  # no declaration, not UTF-8
])
def test_encodings(data, encoding):
    doc = _read_html(data)
    assert [b.text for b in doc.blocks] == ["Salary £25,000 – £27,000"]
    assert doc.info["encoding"] == encoding


@pytest.mark.parametrize(("data", "reason"), [
    (b"   \n", "no text: the file is empty"),
    (b"<html><head><script>var duties = 1;</script></head><body><img src=x></body></html>",
     "no text: the web page has no readable content"),
    (bytes(range(256)) * 8, "not a text file: looks like binary data"),
])
def test_pages_without_text_give_one_clear_reason(tmp_path, data, reason):
    p = tmp_path / "vacancy.htm"
    p.write_bytes(data)
    with pytest.raises(InputError) as e:
        read_document(p)
    assert (e.value.path, e.value.reason) == (p, reason)


def test_huge_spans_and_deep_nesting_are_bounded(tmp_path):
    rows = "".join(f'<tr><td colspan="100000" rowspan="100000">r{i}</td><td>x</td></tr>' for i in range(300))
    t0 = time.monotonic()
    doc = _read_html(f"<table>{rows}</table>".encode())
    assert time.monotonic() - t0 < 5
    table = doc.blocks[0]
    assert table.ncols == 1000 and len(table.rows) == 300
    assert [c.text for c in table.rows[0].cells] == ["r0"]  # no room left for the second cell
    assert table.rows[1].cells == []  # the first row's cell covers the rest of the table
    doc = _read_html(("<div>" * 200 + "Support pupils" + "</div>" * 200).encode())
    assert [b.text for b in doc.blocks] == ["Support pupils"]
    p = tmp_path / "deep.html"
    p.write_text("<div>" * 5000 + "Support pupils" + "</div>" * 5000)
    with pytest.raises(InputError) as e:
        read_document(p)
    assert e.value.reason == "web page nested too deeply to read (more than 256 levels)"


def test_parse_a_web_page_end_to_end(tmp_path):
    res = runner.invoke(app, ["parse", str(ADVERT), "--format", "json"])
    assert res.exit_code == 0, res.stderr
    [spec] = yaml.safe_load(res.stdout)
    assert spec["source"]["format"] == "html" and spec["source"]["encoding"] == "utf-8"
    assert "converted_by" not in spec["source"]
    post = spec["post"]
    assert post["organisation"] == "Larchwood Primary School"  # from the page's header
    assert (post["salary"]["min"], post["salary"]["max"], post["hours"]["per_week"]) == (24790, 25183, 32.5)
    assert (post["contract"], post["dates"]) == ("Permanent", {"Closing date": "Friday 14 March 2025",
                                                                "Start date": "September 2025 or sooner"})
    assert spec["purpose"] == ["To help pupils learn, feel safe and enjoy school."]
    assert [d["text"] for d in spec["duties"]][:3] == ["Work with small groups on phonics", "Hear readers every day",
                                                        "Prepare resources and displays"]
    assert [(c["level"], c["text"]) for c in spec["criteria"]] == [("essential", "GCSE English and maths"),
                                                                   ("desirable", "NVQ Level 2")]
    assert spec["duties"][0]["at"] == "line 30"
    assert post["title"] == "Teaching Assistant (Level 2)" and spec["warnings"] == []  # the page's <h1>
    assert res.stderr.splitlines()[-1] == "parsed 1 of 1 file: 0 failed, 0 skipped"


def test_pages_libreoffice_saves_give_the_same_spec_as_the_word_files(tmp_path, no_network):
    soffice = need_soffice()
    names = ["oakfield-primary-teaching-assistant", "riverside-academy-learning-mentor"]
    subprocess.run([soffice, f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless",
                    "--convert-to", "html", "--outdir", str(tmp_path / "html"),
                    *(str(ROOT / "examples" / f"{n}.docx") for n in names)],
                   check=True, capture_output=True, timeout=180, env={**os.environ, "HOME": str(tmp_path)})
    for name in names:
        page = parse_document(tmp_path / "html" / f"{name}.html").to_dict()
        word = parse_document(ROOT / "examples" / f"{name}.docx").to_dict()
        for key in ("post", "purpose", "duties", "criteria", "statements", "warnings"):
            if key in ("duties", "criteria"):
                assert [{k: v for k, v in d.items() if k != "at"} for d in page[key]] == \
                       [{k: v for k, v in d.items() if k != "at"} for d in word[key]], (name, key)
            else:
                assert page[key] == word[key], (name, key)
        assert page["duties"][0]["at"].startswith("line ")
        assert isinstance(page["duties"], list) and len(page["duties"]) >= 13


def test_paragraph_blocks_keep_their_order_with_text_around_blocks():
    doc = _read_html(b"<div>Lead-in text<p>A paragraph</p>tail text<br>after a break</div>")
    assert [(type(b).__name__, b.text) for b in doc.blocks] == [
        ("Paragraph", "Lead-in text"), ("Paragraph", "A paragraph"), ("Paragraph", "tail text"),
        ("Paragraph", "after a break")]
    assert all(isinstance(b, Paragraph) for b in doc.blocks)
