"""`jobspec export`: specs and documents as one workbook (Posts, Duties, Criteria) or three CSV files.

Every workbook is read back with openpyxl: values, types, number formats, the frozen header, the
filter; CSV files with Python's csv module. Document text that looks like a formula stays text.
"""

from __future__ import annotations

import csv
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import openpyxl
import pytest
from typer.testing import CliRunner

from compare_helpers import post, spec
from docx_builder import small_pack
from jobspec.cli.app import app
from jobspec.readers import SUFFIX_LIST
from jobspec.sheets import csv_safe, money_format
from jobspec.spec.yamlio import spec_to_yaml

ROOT = Path(__file__).resolve().parents[1]
SPECS = ROOT / "specs"
runner = CliRunner()

POSTS_HEADER = ["File", "Title", "Organisation", "Grade", "Salary min", "Salary max", "Currency", "Pay period",
                "Salary basis", "Actual min", "Actual max", "Pro rata", "Hours per week", "Term-time only",
                "Weeks per year", "FTE", "Reports to", "Contract", "Duties", "Essential criteria",
                "Desirable criteria", "Review warnings"]
DUTIES_HEADER = ["File", "Post", "ID", "Section", "Duty", "Tags", "Source location"]
CRITERIA_HEADER = ["File", "Post", "ID", "Category", "Level", "Criterion", "Assessed by", "Tags", "Source location"]
FORMULAS = ['=HYPERLINK("http://example.invalid/x","Click here")', "+44 20 7946 0000 is the office line",
            "-1 point for lateness", "@SUM(A1:A9)"]


def _write(path: Path, s) -> Path:
    path.write_text(spec_to_yaml(s.to_dict(), "0.1.0"), encoding="utf-8")
    return path


def _hostile_spec(tmp_path: Path) -> Path:
    """A spec with accents, formula-like duties and criteria, a multi-line review warning."""
    s = spec([*FORMULAS, "Support pupils' well-being: naïve café crème"],
             [("=1+1", "essential"), ("Fluent in Welsh – Cymraeg", "desirable")], title="Cynorthwyydd Addysgu",
             path="ecole.docx",
             post=post(title="Cynorthwyydd Addysgu", organisation="École Sainte-Thérèse", grade="Grade 3",
                       salary={"text": "£12.45 an hour", "min": 12.45, "max": 13.1, "currency": "GBP",
                               "period": "hour"},
                       hours={"text": "27.5 hours", "per_week": 27.5, "term_time_only": False}))
    s.duties[0].at = "para 4"
    s.duties[0].tags = ["ict", "other_duties"]
    s.criteria[0].assessed_by = ["application_form", "interview"]
    s.warnings = ["review: text read by OCR from a scanned image", "a note that is not a review",
                  "review: most duties are under four words"]
    return _write(tmp_path / "école.yaml", s)


def _export(*args: str):
    return runner.invoke(app, ["export", *args])


def _header(ws) -> list:
    return [c.value for c in ws[1]]


def _row(ws, n: int) -> list:
    return [c.value for c in ws[n]]


def test_export_of_the_bundled_specs_reads_back_typed(tmp_path):
    out = tmp_path / "posts.xlsx"
    res = _export(str(SPECS), "-o", str(out))
    assert res.exit_code == 0, res.stderr
    assert res.stdout == ""
    assert res.stderr == f"wrote {out} (xlsx): 4 posts, 60 duties, 64 criteria\n"
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == ["Posts", "Duties", "Criteria"]
    posts, duties, criteria = wb["Posts"], wb["Duties"], wb["Criteria"]
    assert (_header(posts), _header(duties), _header(criteria)) == (POSTS_HEADER, DUTIES_HEADER, CRITERIA_HEADER)
    for ws, last in ((posts, "V5"), (duties, "G61"), (criteria, "I65")):
        assert ws.freeze_panes == "A2"
        assert ws.auto_filter.ref == f"A1:{last}"
        assert ws.max_row == int(last[1:])
        assert all(c.font.b for c in ws[1])
    assert [posts.cell(r, 1).value for r in range(2, 6)] == [
        f"{SPECS}/hillside-school-office-manager.yaml", f"{SPECS}/oakfield-primary-teaching-assistant.yaml",
        f"{SPECS}/riverside-academy-learning-mentor.docx.yaml", f"{SPECS}/riverside-academy-learning-mentor.pdf.yaml"]
    assert _row(posts, 3)[1:] == [
        "Teaching Assistant (Level 2)", "Oakfield Primary School", "Grade 4, SCP 5-6", 24790, 25183, "GBP", "year",
        "fte", 19640, 19951, "yes", 32.5, "yes", 39, None, "Class teacher and the Inclusion Lead (SENCO)", None,
        18, 11, 7, None]
    for col in "EFJK":  # salary min/max, actual min/max: numbers in pounds
        cell = posts[f"{col}3"]
        assert (cell.data_type, cell.number_format) == ("n", "£#,##0") and isinstance(cell.value, int | float)
    assert (posts["M3"].data_type, posts["M3"].number_format, posts["M3"].value) == ("n", "0.0#", 32.5)
    assert (posts["S3"].number_format, posts["T3"].data_type) == ("0", "n")
    assert _row(posts, 2)[4:9] == [30559, 33366, "GBP", "year", None]
    # duties and criteria: one row each, keyed by the file, in the spec's order
    assert _row(duties, 18) == [
        f"{SPECS}/oakfield-primary-teaching-assistant.yaml", "Teaching Assistant (Level 2)", "D001", "Supporting pupils",
        "Work with individual pupils and small groups on reading, phonics, writing and number activities planned by "
        "the class teacher, adapting explanations so that every child can take part.",
        "flexibility, interventions, planning_preparation, reading_phonics, working_with_teachers", "para 6"]
    assert duties["E18"].alignment.wrap_text and round(duties.column_dimensions["E"].width) == 73
    assert 10 < duties.column_dimensions["D"].width <= 42
    oak_c001 = next(r for r in criteria.iter_rows(min_row=2, values_only=True)
                    if r[0].endswith("oakfield-primary-teaching-assistant.yaml") and r[2] == "C001")
    assert oak_c001[2:] == ("C001", "qualifications", "essential",
                            "GCSE grade 4 (C) or above in English and maths, or equivalent",
                            "application_form, certificates", "english_maths, qualification_level2",
                            "table 2, row 2, cell 2, para 1")
    levels = [r[4] for r in criteria.iter_rows(min_row=2, values_only=True)]
    assert levels.count("essential") == 10 + 11 + 10 + 10 and levels.count("desirable") == 6 + 7 + 5 + 5


def test_document_text_is_never_a_formula(tmp_path):
    src = _hostile_spec(tmp_path)
    out = tmp_path / "x.xlsx"
    assert _export(str(src), "-o", str(out), "-q").exit_code == 0
    wb = openpyxl.load_workbook(out)
    duties = wb["Duties"]
    for n, text in enumerate(FORMULAS, 2):
        cell = duties.cell(n, 5)
        assert (cell.value, cell.data_type) == (text, "s")
    assert (wb["Criteria"]["F2"].value, wb["Criteria"]["F2"].data_type) == ("=1+1", "s")
    with zipfile.ZipFile(out) as z:
        sheets = [z.read(n).decode() for n in z.namelist() if n.startswith("xl/worksheets/sheet")]
    assert len(sheets) == 3 and not any("<f>" in x or "<f " in x for x in sheets)
    # the posts row: pay per hour with pence, accents, review warnings only, one per line
    posts = wb["Posts"]
    assert _row(posts, 2)[1:8] == ["Cynorthwyydd Addysgu", "École Sainte-Thérèse", "Grade 3", 12.45, 13.1, "GBP", "hour"]
    assert posts["E2"].number_format == "£#,##0.00"
    assert posts["N2"].value == "no" and posts["L2"].value == "no"
    assert posts["V2"].alignment.wrap_text and posts["V2"].value == "review: text read by OCR from a scanned image\nreview: most duties are under four words"
    assert _row(wb["Duties"], 2)[5:] == ["ict, other_duties", "para 4"]
    assert _row(wb["Criteria"], 2)[6] == "application_form, interview"


def test_csv_files_round_trip_with_accents_bom_and_the_injection_guard(tmp_path):
    src = _hostile_spec(tmp_path)
    folder = tmp_path / "tables"
    res = _export(str(src), "--format", "csv", "-o", str(folder))
    assert res.exit_code == 0, res.stderr
    assert res.stderr == (f"wrote {folder}/posts.csv, {folder}/duties.csv, {folder}/criteria.csv (csv): 1 post, "
                          "5 duties, 2 criteria\n")
    assert sorted(p.name for p in folder.iterdir()) == ["criteria.csv", "duties.csv", "posts.csv"]
    raw = (folder / "duties.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbfFile,Post,ID,") and b"\r\n" in raw and b"\n" not in raw.replace(b"\r\n", b"")

    def read(name: str) -> list[list[str]]:
        with open(folder / name, encoding="utf-8-sig", newline="") as fh:
            return list(csv.reader(fh))

    posts, duties, criteria = read("posts.csv"), read("duties.csv"), read("criteria.csv")
    assert (posts[0], duties[0], criteria[0]) == (POSTS_HEADER, DUTIES_HEADER, CRITERIA_HEADER)
    assert posts[1] == [str(src), "Cynorthwyydd Addysgu", "École Sainte-Thérèse", "Grade 3", "12.45", "13.1", "GBP",
                        "hour", "", "", "", "no", "27.5", "no", "", "", "", "", "5", "1", "1",
                        "review: text read by OCR from a scanned image\nreview: most duties are under four words"]
    assert [r[4] for r in duties[1:]] == ["'" + t for t in FORMULAS] + ["Support pupils' well-being: naïve café crème"]
    assert duties[1][2:] == ["D001", "Main duties", "'" + FORMULAS[0], "ict, other_duties", "para 4"]
    assert [r[5] for r in criteria[1:]] == ["'=1+1", "Fluent in Welsh – Cymraeg"]
    assert criteria[2][4] == "desirable"


def test_csv_guard_rule():
    assert [csv_safe(t) for t in ("=A1", "+1", "-2", "@x", "\tx", "\rx", "a=b", "", "'=x")] == [
        "'=A1", "'+1", "'-2", "'@x", "'\tx", "'\rx", "a=b", "", "'=x"]
    assert (money_format("GBP", True), money_format("EUR", False), money_format("CHF", True)) == (
        "£#,##0", "€#,##0.00", '#,##0 "CHF"')
    assert money_format('X"Y', True) == "#,##0"


def test_documents_are_parsed_on_the_fly_and_a_bad_spec_does_not_stop_the_batch(tmp_path):
    docx = small_pack(tmp_path / "new-ta.docx", title="Learning Support Assistant", details={"Grade": "Grade 5"},
                      duties=["Supervise pupils at lunchtime and break time", "Keep accurate records of progress"])
    bad = tmp_path / "broken.yaml"
    bad.write_text("schema_version: 1\nduties: [\n", encoding="utf-8")
    out = tmp_path / "out" / "posts.xlsx"
    res = _export(str(SPECS / "oakfield-primary-teaching-assistant.yaml"), str(bad), str(docx), "-o", str(out))
    assert res.exit_code == 1
    assert res.stderr.splitlines() == [
        f"error: {bad}: not valid YAML (line 3)",
        f"wrote {out} (xlsx): 2 posts, 20 duties, 18 criteria; 1 of 3 files could not be read"]
    wb = openpyxl.load_workbook(out)
    assert [r[:4] for r in wb["Posts"].iter_rows(min_row=2, values_only=True)] == [
        (str(SPECS / "oakfield-primary-teaching-assistant.yaml"), "Teaching Assistant (Level 2)",
         "Oakfield Primary School", "Grade 4, SCP 5-6"),
        (str(docx), "Learning Support Assistant", None, "Grade 5")]
    assert [r[4] for r in wb["Duties"].iter_rows(min_row=20, values_only=True)] == [
        "Supervise pupils at lunchtime and break time", "Keep accurate records of progress"]


@pytest.mark.parametrize(("args", "message"), [
    ([], "-o is required: a workbook is binary and never goes to a terminal; give -o FILE.xlsx, or -o FOLDER with "
         "--format csv"),
    (["-o", "{tmp}/posts.csv"], "{tmp}/posts.csv: cannot tell the format from .csv: name the file .xlsx, or give "
                                "--format csv to write CSV files into a folder"),
    (["-o", "{tmp}/posts"], "{tmp}/posts: cannot tell the format from a name without an extension: name the file "
                            ".xlsx, or give --format csv to write CSV files into a folder"),
    (["--format", "xlsx", "-o", "{tmp}/posts.txt"], "{tmp}/posts.txt: --format xlsx writes an Excel workbook: name "
                                                    "it .xlsx"),
    (["--format", "csv", "-o", "{tmp}/posts.xlsx"], "{tmp}/posts.xlsx: --format csv writes a folder of CSV files, "
                                                    "not a workbook: name a folder"),
    (["--format", "ods", "-o", "{tmp}/posts.ods"], "unknown --format 'ods': use xlsx or csv"),
])
def test_usage_errors_are_one_line_and_write_nothing(tmp_path, args, message):
    before = set(tmp_path.iterdir())
    res = _export(str(SPECS), *[a.format(tmp=tmp_path) for a in args])
    assert res.exit_code == 2
    assert res.stderr == f"error: {message.format(tmp=tmp_path)}\n" and res.stdout == ""
    assert set(tmp_path.iterdir()) == before


def test_missing_path_and_unreadable_types_are_usage_errors(tmp_path):
    out = tmp_path / "posts.xlsx"
    gone = tmp_path / "nope"
    res = _export(str(SPECS), str(gone), "-o", str(out))
    assert (res.exit_code, res.stderr) == (2, f"error: {gone}: no such file or folder\n") and not out.exists()
    sheet = tmp_path / "pay.xlsx"
    sheet.write_bytes(b"PK")
    res = _export(str(sheet), "-o", str(out))
    assert res.exit_code == 2 and res.stderr.startswith(f"error: {sheet}: cannot export a '.xlsx' file: give a spec")
    empty = tmp_path / "empty"
    empty.mkdir()
    res = _export(str(empty), "-o", str(out))
    assert (res.exit_code, res.stderr) == (2, f"error: {empty}: no specs (.yaml .yml .json) or documents ({SUFFIX_LIST}) "
                                              "in this folder\n")
    (tmp_path / "folder.xlsx").mkdir()
    res = _export(str(SPECS), "-o", str(tmp_path / "folder.xlsx"))
    assert (res.exit_code, res.stderr) == (2, f"error: {tmp_path}/folder.xlsx: -o must be a file, and this is a folder\n")
    (tmp_path / "file").write_text("x", encoding="utf-8")
    res = _export(str(SPECS), "--format", "csv", "-o", str(tmp_path / "file"))
    assert (res.exit_code, res.stderr) == (2, f"error: {tmp_path}/file: --format csv writes into a folder, and this "
                                              "is a file\n")
    bad = tmp_path / "bad.yaml"
    bad.write_text("schema_version: 1\ncriteria: [{level: must-have}]\n", encoding="utf-8")
    res = _export(str(bad), "-o", str(out))
    assert res.exit_code == 1 and res.stderr.splitlines()[-1] == "error: none of the 1 file could be read: nothing written"
    assert not out.exists()


def test_written_atomically_with_the_umask_and_overwritten_like_a_report(tmp_path):
    out = tmp_path / "posts.xlsx"
    out.write_bytes(b"old")
    old = os.umask(0o027)
    try:
        assert _export(str(SPECS), "-o", str(out), "-q").exit_code == 0
        assert _export(str(SPECS), "--format", "csv", "-o", str(tmp_path / "csv"), "-q").exit_code == 0
    finally:
        os.umask(old)
    assert out.stat().st_mode & 0o777 == 0o640 and (tmp_path / "csv" / "posts.csv").stat().st_mode & 0o777 == 0o640
    assert zipfile.is_zipfile(out)
    assert not [p for p in tmp_path.rglob(".*.tmp")]
    # the same specs give the same bytes (the demo's workbook is committed)
    first = out.read_bytes()
    assert _export(str(SPECS), "-o", str(out), "-q").exit_code == 0 and out.read_bytes() == first


def test_start_up_does_not_import_xlsxwriter():
    code = ("import sys, jobspec.cli.app, jobspec.export, jobspec.sheets, jobspec.comparison.render; "
            "print('xlsxwriter' in sys.modules, 'openpyxl' in sys.modules)")
    got = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert got.stdout == "False False\n"


def test_export_is_in_the_help():
    res = runner.invoke(app, ["export", "--help"])
    assert res.exit_code == 0 and "jobspec export specs/ -o posts.xlsx" in res.stdout
    assert "export" in runner.invoke(app, ["--help"]).stdout


def test_the_committed_demo_workbook_is_what_make_demo_writes(tmp_path, monkeypatch):
    monkeypatch.chdir(ROOT)
    out = tmp_path / "posts.xlsx"
    assert _export("specs", "-o", str(out), "-q").exit_code == 0
    assert out.read_bytes() == (SPECS / "posts.xlsx").read_bytes(), "run `make demo` and commit specs/posts.xlsx"
    assert "jobspec export specs -o specs/posts.xlsx" in (ROOT / "Makefile").read_text(encoding="utf-8")


def test_screenshot_script_skips_without_libreoffice(monkeypatch, capsys, tmp_path):
    import importlib.util

    spec_ = importlib.util.spec_from_file_location("shot", ROOT / "scripts" / "screenshot_posts_sheet.py")
    shot = importlib.util.module_from_spec(spec_)
    spec_.loader.exec_module(shot)
    monkeypatch.setattr("jobspec.readers.office_convert.find_soffice", lambda: None)
    assert shot.main(["--out", str(tmp_path / "x.png")]) == 0
    assert capsys.readouterr().err == ("skipped: LibreOffice (apt-get install libreoffice-calc-nogui) is not installed, "
                                       "so the Posts sheet was not drawn\n")
    assert not (tmp_path / "x.png").exists()


def test_a_bad_vocabulary_file_is_a_usage_error(tmp_path):
    bad = tmp_path / "terms.yaml"
    bad.write_text("concepts:\n  x:\n    terms: nope\n", encoding="utf-8")
    out = tmp_path / "posts.xlsx"
    res = _export(str(SPECS), "-o", str(out), "--vocabulary", str(bad))
    assert res.exit_code == 2 and res.stderr.startswith(f"error: {bad}: ") and len(res.stderr.splitlines()) == 1
    assert not out.exists()


def test_screenshot_script_draws_the_posts_sheet_headless(tmp_path):
    import shutil

    from conftest import need_soffice, need_tool

    need_soffice()
    need_tool(shutil.which("pdftoppm") is not None, "pdftoppm", "apt-get install poppler-utils")
    out = tmp_path / "posts.png"
    got = subprocess.run([sys.executable, str(ROOT / "scripts" / "screenshot_posts_sheet.py"), "--out", str(out)],
                         capture_output=True, text=True, timeout=300)
    assert got.returncode == 0, got.stderr
    assert got.stdout == f"wrote {out}\n"
    from PIL import Image

    with Image.open(out) as im:
        assert im.format == "PNG" and im.width > 1000 and 60 < im.height < 600
        # the header row's fill (light blue) is drawn: the sheet was rendered, not a blank page
        assert (221, 235, 247) in {c for _, c in im.convert("RGB").getcolors(1 << 20)}


def test_a_file_where_a_folder_should_be_is_named_with_the_output(tmp_path):
    (tmp_path / "afile").write_text("x", encoding="utf-8")
    out = tmp_path / "afile" / "x.xlsx"
    res = _export(str(SPECS), "-o", str(out))
    assert res.exit_code == 1
    assert res.stderr == f"error: {out}: cannot write ({tmp_path / 'afile'} is a file, not a folder)\n"


def test_a_post_given_twice_is_exported_once_saying_so(tmp_path):
    one = SPECS / "oakfield-primary-teaching-assistant.yaml"
    out = tmp_path / "posts.xlsx"
    res = _export(str(SPECS), str(one), "-o", str(out))
    assert res.exit_code == 0
    assert res.stderr.splitlines() == [f"warning: {one}: given twice; exported once",
                                       f"wrote {out} (xlsx): 4 posts, 60 duties, 64 criteria"]
