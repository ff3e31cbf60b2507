"""Say when unsure: review warnings on the command line, and as a detector on the development sets."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import TOOLS, need_corpus
from jobspec.cli.app import app

runner = CliRunner()
POOR = "Job Description\n\nMain duties\n\nThe post holder will help.\n\nPerson specification\n\nD\nE\n"


def test_review_warnings_reach_the_spec_summary_and_exit_code(tmp_path):
    (tmp_path / "bad.txt").write_text(POOR, encoding="utf-8")
    res = runner.invoke(app, ["parse", str(tmp_path / "bad.txt"), "-o", str(tmp_path / "out")],
                        env={"COLUMNS": "200"})  # wide enough for the summary table
    assert res.exit_code == 0, res.stderr
    assert "│ review: criteria" in res.stderr  # the warnings column of the summary
    assert res.stderr.strip().splitlines()[-1] == (
        f"parsed 1 of 1 file into {tmp_path / 'out'}: 0 failed, 0 skipped; 1 needs review (see the warnings)")
    spec = (tmp_path / "out" / "bad.yaml").read_text(encoding="utf-8")
    assert """- 'review: criteria that look like labels, not requirements: "D", "E"'""" in spec
    res = runner.invoke(app, ["parse", str(tmp_path / "bad.txt"), "-o", str(tmp_path / "out"), "--strict"])
    assert res.exit_code == 1


def test_strict_passes_a_clean_parse(tmp_path):
    from docx_builder import small_pack

    pack = small_pack(tmp_path / "ta.docx", title="Teaching Assistant", details={"School": "Larchwood Primary School"},
                      duties=["Support pupils in class", "Prepare resources"])
    res = runner.invoke(app, ["parse", str(pack), "-o", str(tmp_path / "out"), "--strict"])
    assert res.exit_code == 0, res.stderr
    assert res.stderr.strip().splitlines()[-1] == f"parsed 1 of 1 file into {tmp_path / 'out'}: 0 failed, 0 skipped"


SETS = {"real": ("real/docs", "real/gold"), "docx": ("docx", "gold"), "pdf": ("pdf", "gold"), "txt": ("txt", "gold")}


@pytest.mark.parametrize("name", sorted(SETS))
def test_review_warnings_as_a_detector(tmp_path, name):
    """Every parse below 0.90 F1 on duties or criteria is flagged; at most one good parse in ten is."""
    corpus = need_corpus()
    src, gold = SETS[name]
    res = subprocess.run([sys.executable, str(TOOLS / "review_check.py"), str(Path(sys.executable).parent / "jobspec"),
                          str(corpus / gold), str(corpus / src)], capture_output=True, text=True, timeout=600)
    line = res.stdout.strip().splitlines()[-1]
    assert res.returncode == 0, line
    assert "recall 1.00" in line


@pytest.mark.parametrize("fmt", ["docx", "pdf-lo", "pdf-chrome"])
def test_review_warnings_as_a_detector_on_the_layout_zoo(fmt):
    """The same check on the zoo's Word files and both PDF producers. Not on its LibreOffice text
    exports, which flatten every table to one cell a line: there levels are lost without a sign."""
    from zoo.convert import ToolMissing
    from zoo.generate import cached_zoo

    try:
        zoo_dir = cached_zoo()
    except ToolMissing as exc:
        if os.environ.get("CI"):
            pytest.fail(f"cannot render the layout zoo: {exc} (required under CI)")
        pytest.skip(f"cannot render the layout zoo: {exc}")
    res = subprocess.run([sys.executable, str(TOOLS / "review_check.py"), str(Path(sys.executable).parent / "jobspec"),
                          str(zoo_dir / "gold"), str(zoo_dir / fmt)], capture_output=True, text=True, timeout=900)
    line = res.stdout.strip().splitlines()[-1]
    assert res.returncode == 0, line
    assert "recall 1.00" in line
