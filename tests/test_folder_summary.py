"""Folders: every file jobspec does not read is named in the summary with why; the last line counts."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from docx_builder import small_pack
from jobspec.cli.app import app
from jobspec.readers.skip_reasons import skip_reason

ROOT = Path(__file__).resolve().parents[1]
runner = CliRunner()
WIDE = {"COLUMNS": "250"}


def _rows(stderr: str) -> dict[str, list[str]]:
    """The summary table's rows: file name -> the other cells."""
    out = {}
    for line in stderr.splitlines():
        if line.startswith("│"):
            cells = [c.strip() for c in line.strip("│").split("│")]
            out[cells[0]] = cells[1:]
    return out


@pytest.fixture
def packs(tmp_path) -> Path:
    src = tmp_path / "packs"
    (src / "2024" / ".git").mkdir(parents=True)
    small_pack(src / "ta.docx", title="Teaching Assistant", details={"School": "Larchwood Primary School"},
               duties=["Support pupils in class"])
    shutil.copy(ROOT / "examples" / "hillside-school-office-manager.txt", src / "2024" / "office.txt")
    (src / "broken.pdf").write_bytes(b"%PDF-1.4 truncated")
    files = {"budget.xlsx": b"PK\x03\x04", "photo.JPG": b"\xff\xd8\xff", "2024/slides.pptx": b"PK\x03\x04",
             "~$ta.docx": b"lock", ".DS_Store": b"\0", "2024/.git/config": b"[core]", "letters.zip": b"PK",
             "README": b"read me", "notes.xyz": b"?", "old-spec.yaml": b"schema_version: 1\n",
             "advert.mht": b"MIME-Version: 1.0"}
    for name, data in files.items():
        (src / name).write_bytes(data)
    return src


def test_summary_names_every_file_not_read_with_its_reason(packs, tmp_path):
    out = tmp_path / "specs"
    res = runner.invoke(app, ["parse", str(packs), "-o", str(out), "--jobs", "1"], env=WIDE)
    assert res.exit_code == 1  # broken.pdf failed; files not read are not failures
    assert res.stdout == ""
    rows = _rows(res.stderr)
    assert rows["ta.docx"][:2] == ["Teaching Assistant", "Larchwood Primary School"]
    assert rows["office.txt"][0] == "School Office Manager"
    assert rows["broken.pdf"][0] == "failed"
    skipped = {name: cells[-1] for name, cells in rows.items() if cells[0] == "skipped"}
    assert skipped == {
        "budget.xlsx": "skipped: spreadsheet",
        "photo.JPG": "skipped: image",
        "slides.pptx": "skipped: presentation",
        "letters.zip": "skipped: archive",
        "~$ta.docx": "skipped: Office lock file (the document is open in Word)",
        ".DS_Store": "skipped: hidden file",
        ".git/": "skipped: hidden folder",
        "README": "skipped: no file extension: not a document jobspec reads",
        "notes.xyz": "skipped: not a document jobspec reads (.xyz)",
        "old-spec.yaml": "skipped: spec or data file",
        "advert.mht": "skipped: web archive (save the page as .html)",
    }
    assert res.stderr.splitlines()[-1] == f"parsed 2 of 14 files into {out}: 1 failed, 11 skipped"
    assert sorted(p.name for p in out.iterdir()) == ["office.yaml", "ta.yaml"]


def test_files_not_read_do_not_fail_the_run(tmp_path):
    src = tmp_path / "packs"
    src.mkdir()
    shutil.copy(ROOT / "examples" / "hillside-school-office-manager.txt", src)
    (src / "budget.xlsx").write_bytes(b"PK\x03\x04")
    res = runner.invoke(app, ["parse", str(src)], env=WIDE)
    assert res.exit_code == 0, res.stderr
    assert res.stdout.startswith("# yaml-language-server")
    assert _rows(res.stderr)["budget.xlsx"] == ["skipped", "", "", "", "skipped: spreadsheet"]
    assert res.stderr.splitlines()[-1] == "parsed 1 of 2 files: 0 failed, 1 skipped"
    quiet = runner.invoke(app, ["parse", str(src), "-q"], env=WIDE)
    assert quiet.exit_code == 0 and quiet.stderr == ""


def test_a_folder_with_no_documents_names_what_it_found(tmp_path):
    src = tmp_path / "scans"
    src.mkdir()
    (src / "page1.png").write_bytes(b"\x89PNG")
    (src / "rota.csv").write_text("name,day\n")
    res = runner.invoke(app, ["parse", str(src)], env=WIDE)
    assert res.exit_code == 1 and res.stdout == ""
    assert res.stderr.splitlines() == [
        f"{src / 'page1.png'}: skipped: image",
        f"{src / 'rota.csv'}: skipped: spreadsheet",
        f"error: no documents (.docx, .doc, .docm, .dotx, .odt, .rtf, .pdf, .html, .htm, .txt or .md) found in {src}",
    ]


def test_a_file_named_explicitly_is_never_skipped_silently(tmp_path):
    xls = tmp_path / "budget.xlsx"
    xls.write_bytes(b"PK\x03\x04")
    res = runner.invoke(app, ["parse", str(xls)], env=WIDE)
    assert res.exit_code == 1
    assert res.stderr.splitlines()[0] == (f"error: {xls}: unsupported file type '.xlsx': expected .docx, .doc, .docm, "
                                          ".dotx, .odt, .rtf, .pdf, .html, .htm, .txt or .md")


@pytest.mark.parametrize(("name", "reason"), [
    ("rota.ods", "spreadsheet"), ("logo.svg", "image"), ("scan.TIFF", "image"), ("talk.odp", "presentation"),
    ("mail.msg", "email"), ("packs.7z", "archive"), ("advert.mhtml", "web archive (save the page as .html)"),
    ("flyer.pub", "publication (export it as PDF)"), ("intro.mp4", "audio or video"),
])
def test_skip_reasons(tmp_path, name, reason):
    assert skip_reason(tmp_path / name) == reason
    (tmp_path / "node_modules").mkdir()
    assert skip_reason(tmp_path / "node_modules") == "software folder"


def test_trace_of_a_folder_passes_over_what_it_does_not_read(tmp_path):
    src = tmp_path / "packs"
    src.mkdir()
    shutil.copy(ROOT / "examples" / "hillside-school-office-manager.txt", src)
    (src / "budget.xlsx").write_bytes(b"PK\x03\x04")
    res = runner.invoke(app, ["parse", "--trace", str(src)], env=WIDE)
    assert res.exit_code == 0, res.stderr
    assert res.stderr == "" and res.stdout.startswith(str(src / "hillside-school-office-manager.txt"))
