"""`jobspec compare --format xlsx`: the report's rows as sheets, read back with openpyxl."""

from __future__ import annotations

import zipfile
from pathlib import Path

import openpyxl
from typer.testing import CliRunner

from compare_helpers import spec
from jobspec.cli.app import app
from jobspec.comparison.engine.pair import compare
from jobspec.comparison.render import render_bytes, render_text
from jobspec.spec.yamlio import spec_to_yaml

ROOT = Path(__file__).resolve().parents[1]
SPECS = ROOT / "specs"
OAK = SPECS / "oakfield-primary-teaching-assistant.yaml"
RIVER = SPECS / "riverside-academy-learning-mentor.docx.yaml"
runner = CliRunner()


def _rows(ws, first: int = 1) -> list[tuple]:
    return list(ws.iter_rows(min_row=first, values_only=True))


def test_pair_of_the_bundled_examples(tmp_path):
    out = tmp_path / "report.xlsx"
    res = runner.invoke(app, ["compare", str(OAK), str(RIVER), "-o", str(out)])
    assert res.exit_code == 0, res.stderr
    assert res.stderr.splitlines()[0] == f"wrote {out} (xlsx)" and res.stdout == ""
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == ["Summary", "Post details", "Duties", "Criteria", "Only in A", "Only in B"]
    for ws in wb:
        assert ws.freeze_panes == "A2"
        assert ws.auto_filter.ref == f"A1:{ws.cell(1, ws.max_column).column_letter}{ws.max_row}"
    assert _rows(wb["Summary"]) == [
        ("What", "Value"), ("Comparison", "Comparison: Teaching Assistant (Level 2) vs Learning Mentor"),
        ("A", f"Teaching Assistant (Level 2) — Oakfield Primary School ({OAK})"),
        ("B", f"Learning Mentor — Riverside Academy ({RIVER})"),
        ("Duties", "B covers 5/18 of A's duties; 0 identical; 5 reworded; 13 only in A; 8 only in B; 2 possible "
                   "matches to check"),
        ("Criteria", "B covers 3/18 of A's criteria; 0 identical; 3 reworded; 15 only in A; 12 only in B; 2 possible "
                     "matches to check"),
        ("Settings", "threshold 50, possible 25, vocabulary: 71 concepts (shipped)")]
    post = {r[0]: r[1:] for r in _rows(wb["Post details"], 2)}
    assert _rows(wb["Post details"])[0] == ("Field", "A", "B", "Differs", "Note")
    assert post["Grade"] == ("Grade 4, SCP 5-6", "NJC Grade 5 (SCP 7-11)", "yes", None)
    assert post["Salary from"][:3] == (24790, 25584, "yes") and post["Hours per week"][:3] == (32.5, 37, "yes")
    duties = wb["Duties"]
    assert _rows(duties)[0] == ("Kind", "Score", "A id", "A text", "B id", "B text",
                                "What changed (A's words [-…-], B's {+…+})", "Why paired")
    kinds = [r[0] for r in _rows(duties, 2)]
    assert kinds == ["reworded"] * 5 + ["possible"] * 2
    first = _rows(duties, 2)[0]
    assert first[:3] == ("reworded", 58.9, "D002") and first[4] == "D001"
    assert first[3].startswith("Help pupils with SEND") and first[6].startswith("[-Help pupils-] {+Hold a caseload")
    assert (duties["B2"].data_type, duties["B2"].number_format) == ("n", "0.0")
    assert duties["D2"].alignment.wrap_text
    crit = _rows(wb["Criteria"])
    assert crit[0][6] == "Level, category, assessment change"
    assert crit[1][:5] == ("reworded", 99.9, "C001", "GCSE grade 4 (C) or above in English and maths, or equivalent",
                           "C001")
    assert crit[1][6] == "assessed by application form, certificates → application form"
    only_a, only_b = _rows(wb["Only in A"], 2), _rows(wb["Only in B"], 2)
    assert [r[0] for r in only_a] == ["duties"] * 13 + ["criteria"] * 15
    assert [r[0] for r in only_b] == ["duties"] * 8 + ["criteria"] * 12
    assert only_a[0][:2] == ("duties", "D001") and only_a[0][3] is None
    assert only_a[13][3] in ("essential", "desirable")


def test_a_folder_gives_matrices_on_a_colour_scale_and_the_posts_side_by_side(tmp_path):
    out = tmp_path / "trust.xlsx"
    res = runner.invoke(app, ["compare", str(SPECS), "-o", str(out), "-q"])
    assert res.exit_code == 0, res.stderr
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == ["Summary", "Posts", "Duties similarity", "Criteria similarity", "Core", "Unique",
                             "Near duplicates", "Outliers"]
    assert _rows(wb["Summary"])[:2] == [("Report",), ("Comparison of 4 posts",)]
    posts = wb["Posts"]
    assert _rows(posts)[0] == (
        "Id", "Post", "File", "Duties", "Criteria", "In the core: duties", "In the core: criteria", "Unique: duties",
        "Unique: criteria", "Mean similarity", "Most like", "Most like: similarity", "Grade", "Salary from",
        "Salary to", "Pay period", "Basis", "Actual pay from", "Actual pay to", "Hours per week", "Term time only",
        "Weeks per year", "FTE")
    oak = _rows(posts, 3)[0]
    assert oak[:5] == ("P02", "Teaching Assistant (Level 2) — Oakfield Primary School",
                       str(OAK), 18, 18)
    assert oak[12:] == ("Grade 4, SCP 5-6", 24790, 25183, "year", "fte", 19640, 19951, 32.5, "yes", 39, None)
    assert (posts["N3"].number_format, posts["T3"].number_format, posts["J3"].number_format) == ("£#,##0", "0.0#", "0%")
    assert isinstance(posts["J3"].value, float) and 0 < posts["J3"].value < 1
    for name in ("Duties similarity", "Criteria similarity"):
        ws = wb[name]
        assert ws.freeze_panes == "C2" and ws.auto_filter.ref == "A1:F5"
        head = _rows(ws)[0]
        assert head[:2] == ("Post", "Title — organisation") and sorted(head[2:]) == ["P01", "P02", "P03", "P04"]
        assert [r[0] for r in _rows(ws, 2)[:4]] == list(head[2:])  # the rows in the columns' order
        values = [r[2:] for r in _rows(ws, 2)[:4]]
        assert [values[i][i] for i in range(4)] == [None] * 4
        assert all(values[i][j] == values[j][i] and 0 <= values[i][j] <= 1 for i in range(4) for j in range(4) if i != j)
        assert ws["D2"].number_format == "0%"
        rules = [(str(cf.sqref), r) for cf in ws.conditional_formatting for r in cf.rules]
        assert len(rules) == 1 and rules[0][0] == "C2:F5"
        rule = rules[0][1]
        assert rule.type == "colorScale" and [c.type for c in rule.colorScale.cfvo] == ["min", "percentile", "max"]
        assert [c.rgb for c in rule.colorScale.color] == ["FFF7FBFF", "FF9ECAE1", "FF3182BD"]
        assert _rows(ws)[-1][0].startswith("Each cell is the share of the two posts' items matched one to one")
    # the two Riverside specs (the same pack as .docx and .pdf) are near-duplicates with identical rows
    dups = _rows(wb["Duties similarity"])
    k3, k4 = dups[0].index("P03"), dups[0].index("P04")
    assert dups[k3 - 1][k3] is None and dups[k4 - 1][k4] is None and dups[k3 - 1][k4] == 1
    assert abs(k3 - k4) == 1  # alike posts side by side (the default order)
    assert _rows(wb["Near duplicates"]) == [("Post A", "Post B", "All items", "Duties", "Criteria"),
                                            ("P03", "P04", 1, 1, 1)]
    core = _rows(wb["Core"])
    assert core[0] == ("Section", "Posts", "Of", "Share", "Text (the most common wording)", "Level", "In")
    assert [r[0] for r in core[1:]] == ["duties"] * 14 + ["criteria"] * 16
    assert core[1][:4] == ("duties", 4, 4, 1) and core[1][6] == "P01, P02, P03, P04"
    assert all(r[5] for r in core[15:]) and all(r[5] is None for r in core[1:15])
    unique = _rows(wb["Unique"])
    assert unique[0] == ("Post", "Title — organisation", "Section", "ID", "Text", "Level")
    assert len(unique) - 1 == 19 + 22
    assert _rows(wb["Outliers"]) == [("Post", "Mean similarity", "Median post's", "Most like", "Most like: similarity"),
                                     (None,) * 5,
                                     ("None: every post is about as like the others as the median post is.",
                                      None, None, None, None)]


def test_document_text_in_a_comparison_is_never_a_formula(tmp_path):
    a = spec(['=HYPERLINK("http://example.invalid","x") and supervise pupils at lunch', "Keep records"])
    b = spec(["@cmd|' /C calc'!A0 supervise pupils at lunch", "Keep records"])
    data = render_bytes(compare(a, b), "xlsx")
    out = tmp_path / "r.xlsx"
    out.write_bytes(data)
    wb = openpyxl.load_workbook(out)
    texts = [c for ws in wb for row in ws.iter_rows() for c in row if isinstance(c.value, str)
             and c.value.startswith(("=HYPERLINK", "@cmd"))]
    assert texts and all(c.data_type == "s" for c in texts)
    with zipfile.ZipFile(out) as z:
        assert not any(b"<f>" in z.read(n) for n in z.namelist() if n.startswith("xl/worksheets/"))


def test_xlsx_needs_a_file_whose_name_agrees(tmp_path):
    res = runner.invoke(app, ["compare", str(OAK), str(RIVER), "--format", "xlsx"])
    assert (res.exit_code, res.stderr, res.stdout) == (
        2, "error: --format xlsx writes a workbook, which never goes to a terminal: give -o FILE.xlsx\n", "")
    md = tmp_path / "r.md"
    res = runner.invoke(app, ["compare", str(OAK), str(RIVER), "--format", "xlsx", "-o", str(md)])
    assert (res.exit_code, res.stderr) == (2, f"error: {md}: the name says markdown and --format says xlsx: name the "
                                              "file .xlsx\n")
    xl = tmp_path / "r.xlsx"
    res = runner.invoke(app, ["compare", str(OAK), str(RIVER), "--format", "markdown", "-o", str(xl)])
    assert (res.exit_code, res.stderr) == (2, f"error: {xl}: the name says xlsx and --format says markdown: give a "
                                              "name that fits the format\n")
    assert not md.exists() and not xl.exists()
    res = runner.invoke(app, ["compare", str(OAK), str(RIVER), "--format", "xlsx", "-o", str(xl), "-q"])
    assert res.exit_code == 0 and zipfile.is_zipfile(xl)


def test_text_renderers_refuse_a_binary_format():
    c = compare(spec(["Keep records"]), spec(["Keep records"]))
    try:
        render_text(c, "xlsx")
    except ValueError as exc:
        assert str(exc) == "xlsx is not text: use render_bytes"
    else:
        raise AssertionError("render_text wrote xlsx")
    assert render_bytes(c, "json").startswith(b'{\n  "schema_version": 1')


def test_spec_files_with_a_formula_title_compare_in_a_folder(tmp_path):
    for name, title in (("a.yaml", "=1+1"), ("b.yaml", "TA"), ("c.yaml", "-TA")):
        (tmp_path / name).write_text(spec_to_yaml(spec(["Keep records", "Supervise pupils at lunch"],
                                                       title=title).to_dict(), "0.1.0"), encoding="utf-8")
    out = tmp_path / "out.xlsx"
    assert runner.invoke(app, ["compare", str(tmp_path), "-o", str(out), "-q"]).exit_code == 0
    posts = openpyxl.load_workbook(out)["Posts"]
    assert [(posts.cell(r, 2).value, posts.cell(r, 2).data_type) for r in (2, 3, 4)] == [
        ("=1+1", "s"), ("TA", "s"), ("-TA", "s")]


def test_a_folder_in_input_order(tmp_path):
    out = tmp_path / "trust.xlsx"
    res = runner.invoke(app, ["compare", str(SPECS), "-o", str(out), "-q", "--order", "input"])
    assert res.exit_code == 0, res.stderr
    ws = openpyxl.load_workbook(out)["Duties similarity"]
    assert _rows(ws)[0] == ("Post", "Title — organisation", "P01", "P02", "P03", "P04")
    assert [r[0] for r in _rows(ws, 2)[:4]] == ["P01", "P02", "P03", "P04"]
