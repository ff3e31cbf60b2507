"""`jobspec parse --trace`, `--list-rules` and `--explain` end to end."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from docx_builder import small_pack
from jobspec import parse_document
from jobspec.cli.app import app
from jobspec.extract.rules import RULES
from pdf_builder import MiniPdf

runner = CliRunner()
ROOT = Path(__file__).resolve().parents[1]


def _pack(tmp_path):
    return small_pack(tmp_path / "ta.docx", title="Teaching Assistant", details={"School": "Larchwood Primary School"},
                      duties=["Support pupils in class", "Prepare resources"])


def test_trace_text_names_every_block_what_it_became_and_the_rule(tmp_path):
    res = runner.invoke(app, ["parse", str(_pack(tmp_path)), "--trace"])
    assert res.exit_code == 0, res.stderr
    lines = res.stdout.splitlines()
    assert lines[0].endswith("ta.docx")
    duty = next(line for line in lines if "Support pupils in class" in line)
    assert "item I01" in duty and "duty D001 D03" in duty
    school = next(line for line in lines if "School" in line and "field" in line)
    assert "post organisation F02" in school


def test_trace_json_is_a_list_of_records_per_file(tmp_path):
    res = runner.invoke(app, ["parse", str(_pack(tmp_path)), "--trace", "--trace-format", "json"])
    assert res.exit_code == 0, res.stderr
    docs = json.loads(res.stdout)
    assert len(docs) == 1 and docs[0]["file"].endswith("ta.docx")
    rec = next(r for r in docs[0]["trace"] if r["text"] == "Prepare resources")
    assert rec == {"at": rec["at"], "kind": "item", "text": "Prepare resources", "became": "duty D002", "rule": "D03",
                   "made_by": "I01", "earlier": ""}


def test_trace_refuses_an_output_folder_and_a_bad_format(tmp_path):
    res = runner.invoke(app, ["parse", str(_pack(tmp_path)), "--trace", "-o", str(tmp_path / "out")])
    assert res.exit_code == 2
    assert res.stderr.strip() == "error: --trace prints the trace instead of writing specs: leave out -o"
    res = runner.invoke(app, ["parse", str(_pack(tmp_path)), "--trace", "--trace-format", "xml"])
    assert res.exit_code == 2
    assert "unknown --trace-format 'xml': use text or json" in res.stderr


def test_trace_of_a_missing_file_is_one_error_line(tmp_path):
    res = runner.invoke(app, ["parse", str(tmp_path / "nope.docx"), "--trace"])
    assert res.exit_code == 1
    assert res.stderr.strip() == f"error: {tmp_path / 'nope.docx'}: no such file or folder"


def test_trace_with_ocr_reads_a_scan(tmp_path, monkeypatch):
    from jobspec.readers.pdf_reader import read_pdf

    pdf = MiniPdf().page()
    pdf.image(100, 142, 500, 642)
    scan = pdf.save(tmp_path / "scan.pdf")
    res = runner.invoke(app, ["parse", "--trace", str(scan)])
    assert res.exit_code == 1
    assert res.stderr == f"error: {scan}: no text layer: scanned image, read it with jobspec parse --ocr\n"
    monkeypatch.setattr("jobspec.readers.pdf_ocr.missing_tool", lambda: "reading scanned PDFs needs OCRmyPDF: x")
    res = runner.invoke(app, ["parse", "--ocr", "--trace", str(scan)])
    assert (res.exit_code, res.stderr) == (2, "error: --ocr: reading scanned PDFs needs OCRmyPDF: x\n")
    # OCR stood in for by the text PDF the scan was made from
    text_pdf = ROOT / "examples" / "riverside-academy-learning-mentor.pdf"
    monkeypatch.setattr("jobspec.readers.pdf_ocr.missing_tool", lambda: None)
    monkeypatch.setattr("jobspec.readers.pdf_ocr.read_scanned_pdf",
                        lambda path, *, max_pages, timeout: read_pdf(text_pdf, max_pages=max_pages))
    res = runner.invoke(app, ["parse", "--ocr", "--trace", str(scan)])
    assert res.exit_code == 0 and res.stderr == ""
    lines = res.stdout.splitlines()
    assert lines[0] == str(scan) and any("duty D002" in line and "one-to-one mentoring" in line for line in lines)


def test_spec_items_carry_their_rule_and_the_api_keeps_the_trace(tmp_path):
    spec = parse_document(_pack(tmp_path), trace=True)
    assert [d.rule for d in spec.duties] == ["D03", "D03"]
    assert spec.to_dict()["duties"][0]["rule"] == "D03"
    assert spec.trace and all(r.where for r in spec.trace)
    assert parse_document(_pack(tmp_path)).trace is None


def test_list_rules_prints_every_rule_once():
    res = runner.invoke(app, ["parse", "--list-rules"])
    assert res.exit_code == 0
    lines = res.stdout.splitlines()
    assert len(lines) == len(RULES)
    assert lines[0].split()[:3] == ["B01", "block.paragraph", "block"]
    assert any(line.split()[:2] == ["PS02", "person-spec.tick-columns"] for line in lines)


def test_explain_prints_the_rule_and_refuses_unknown_codes():
    res = runner.invoke(app, ["parse", "--explain", "d01"])
    assert res.exit_code == 0
    assert res.stdout.startswith("D01 duty.note-is-not-a-duty (stage: duty)\n\nA note about the job description")
    res = runner.invoke(app, ["parse", "--explain", "ZZ9"])
    assert res.exit_code == 2
    assert res.stderr.strip() == "error: unknown layout rule 'ZZ9': see jobspec parse --list-rules"


def test_parse_without_a_path_is_a_usage_error():
    res = runner.invoke(app, ["parse"])
    assert res.exit_code == 2
    assert "give at least one file or folder (or --list-rules)" in res.stderr
