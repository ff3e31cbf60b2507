"""The command line end to end: outputs, errors, exit codes, overwrite protection, help."""

from __future__ import annotations

import json
import re
from pathlib import Path

import yaml
from typer.testing import CliRunner

from docx_builder import small_pack
from jobspec.cli.app import app

runner = CliRunner()
ROOT = Path(__file__).resolve().parents[1]


def _pack(tmp_path: Path, name: str = "ta.docx") -> Path:
    return small_pack(tmp_path / name, title="Teaching Assistant", details={"School": "Larchwood Primary School"},
                      duties=["Support pupils in class", "Prepare resources"])


def test_parse_to_stdout_is_yaml_with_schema_comment(tmp_path):
    res = runner.invoke(app, ["parse", str(_pack(tmp_path)), "-q"])
    assert res.exit_code == 0, res.stderr
    assert res.stdout.startswith("# yaml-language-server: $schema=")
    data = yaml.safe_load(res.stdout)
    assert data["post"]["title"] == "Teaching Assistant"
    assert data["post"]["organisation"] == "Larchwood Primary School"
    assert [d["text"] for d in data["duties"]] == ["Support pupils in class", "Prepare resources"]
    assert data["generated"]["by"].startswith("jobspec ")


def test_parse_folder_to_dir_writes_one_spec_each_and_reports_bad_files(tmp_path):
    src = tmp_path / "packs"
    src.mkdir()
    _pack(src, "a.docx")
    (src / "broken.pdf").write_bytes(b"%PDF-1.4 truncated")
    (src / "notes.txt").write_bytes(b"")
    out = tmp_path / "specs"
    res = runner.invoke(app, ["parse", str(src), "-o", str(out), "--jobs", "1"])
    assert res.exit_code == 1
    assert sorted(p.name for p in out.iterdir()) == ["a.yaml"]
    assert f"error: {src / 'notes.txt'}: empty file" in res.stderr
    assert re.search(r"error: .*broken\.pdf: ", res.stderr)
    assert "Traceback" not in res.stderr
    assert yaml.safe_load((out / "a.yaml").read_text())["source"]["path"] == "../packs/a.docx"


def test_unsupported_and_missing_inputs(tmp_path):
    xls = tmp_path / "budget.xlsx"
    xls.write_bytes(b"PK\x03\x04")
    res = runner.invoke(app, ["parse", str(xls), str(tmp_path / "nope.docx"), "-q"])
    assert res.exit_code == 2  # a path that does not exist is a usage error
    assert f"error: {tmp_path / 'nope.docx'}: no such file or folder" in res.stderr
    assert f"error: {xls}: unsupported file type '.xlsx': expected .docx, .doc, .docm, .dotx, .odt, .rtf, .pdf, .html, .htm, .txt or .md" in res.stderr


def test_hand_edited_spec_is_not_overwritten_without_force(tmp_path):
    pack = _pack(tmp_path)
    out = tmp_path / "specs"
    assert runner.invoke(app, ["parse", str(pack), "-o", str(out), "-q"]).exit_code == 0
    spec = out / "ta.yaml"
    edited = spec.read_text().replace("Teaching Assistant", "Senior Teaching Assistant")
    spec.write_text(edited)
    res = runner.invoke(app, ["parse", str(pack), "-o", str(out)], env={"COLUMNS": "200"})
    assert res.exit_code == 0
    assert "kept: edited by hand (use --force to overwrite)" in res.stderr
    assert spec.read_text() == edited
    res = runner.invoke(app, ["parse", str(pack), "-o", str(out), "--force", "-q"])
    assert res.exit_code == 0 and "Senior" not in spec.read_text()
    # an untouched spec jobspec wrote is refreshed silently
    assert runner.invoke(app, ["parse", str(pack), "-o", str(out), "-q"]).exit_code == 0


def test_json_format_and_name_clashes(tmp_path):
    (tmp_path / "x").mkdir()
    (tmp_path / "y").mkdir()
    a, b = _pack(tmp_path / "x", "post.docx"), _pack(tmp_path / "y", "post.docx")
    res = runner.invoke(app, ["parse", str(a), "--format", "json", "-q"])
    assert res.exit_code == 0
    assert json.loads(res.stdout)[0]["post"]["title"] == "Teaching Assistant"
    out = tmp_path / "out"
    res = runner.invoke(app, ["parse", str(a), str(b), "-o", str(out), "--jobs", "1"])
    assert res.exit_code == 0
    assert sorted(p.name for p in out.iterdir()) == ["post.docx.yaml", "post.y.docx.yaml"]
    assert "name clash" in res.stderr


def test_bad_format_and_output_is_a_file(tmp_path):
    pack = _pack(tmp_path)
    assert runner.invoke(app, ["parse", str(pack), "--format", "xml"]).exit_code == 2
    res = runner.invoke(app, ["parse", str(pack), "-o", str(pack)])
    assert res.exit_code == 2 and "-o must be a folder" in res.stderr


def test_json_format_with_an_output_folder_is_a_usage_error(tmp_path):
    out = tmp_path / "specs"
    res = runner.invoke(app, ["parse", str(_pack(tmp_path)), "--format", "json", "-o", str(out)])
    assert res.exit_code == 2 and res.stdout == ""
    assert res.stderr == "error: --format json prints to stdout, and -o always writes YAML specs: leave out one of them\n"
    assert not out.exists()


def test_every_command_has_help_and_a_readme_example():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    res = runner.invoke(app, ["--help"])
    assert res.exit_code == 0
    commands = re.findall(r"^\s{2}(\w+)\s{2,}", res.stdout.split("Commands:")[1], re.M)
    assert "parse" in commands
    for cmd in commands:
        h = runner.invoke(app, [cmd, "--help"])
        assert h.exit_code == 0 and len(h.stdout) > 200, cmd
        assert f"jobspec {cmd}" in readme, f"README has no example of `jobspec {cmd}`"


def test_version():
    res = runner.invoke(app, ["--version"])
    assert res.exit_code == 0 and res.stdout.startswith("jobspec 0.")
