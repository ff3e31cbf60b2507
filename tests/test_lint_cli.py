"""`jobspec lint` end to end: every output format, exit codes, config files, GitHub Actions, pre-commit."""

from __future__ import annotations

import json
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import unquote

import pytest
import yaml
from typer.testing import CliRunner

from jobspec.cli.app import app
from jobspec.lint.rules import BY_CODE

runner = CliRunner()
ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures" / "lint"
DUP = str(FIXTURES / "js201_duties_duplicate.yaml")  # one warning
PLACEHOLDER = str(FIXTURES / "js207_text_placeholder.yaml")  # one error
SCHEMA = str(FIXTURES / "js100_schema_violation.yaml")  # four errors
CLEAN = str(FIXTURES / "clean.yaml")
# (file, line, col, code) of every finding in DUP + PLACEHOLDER + SCHEMA
EXPECTED = {(DUP, 49, 9, "JS201"), (PLACEHOLDER, 9, 17, "JS207"), (SCHEMA, 5, 11, "JS100"),
            (SCHEMA, 26, 15, "JS100"), (SCHEMA, 31, 3, "JS100"), (SCHEMA, 65, 10, "JS100")}


@pytest.fixture(autouse=True)
def _isolated(tmp_path, monkeypatch):
    """No config file or CI environment from outside the test."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)


def lint(*args: str, env: dict[str, str] | None = None):
    return runner.invoke(app, ["lint", *args], env=env)


def test_concise_format():
    res = lint(DUP, PLACEHOLDER, SCHEMA, "--format", "concise")
    assert res.exit_code == 1
    lines = res.stdout.splitlines()
    assert f"{DUP}:49:9: JS201 [warning] duty D003 repeats D001 (line 37) word for word ($.duties[2].text)" in lines
    found = {(m[1], int(m[2]), int(m[3]), m[4]) for m in
             (re.match(r"(.+):(\d+):(\d+): (JS\d+) \[(error|warning|info)\] .+ \(\$.*\)$", ln) for ln in lines)}
    assert found == EXPECTED
    assert res.stderr.strip() == "found 6 problems (5 errors, 1 warning) in 3 of 3 files checked"


def test_json_format():
    res = lint(DUP, PLACEHOLDER, SCHEMA, "--format", "json", "-q")
    doc = json.loads(res.stdout)
    assert res.stderr == ""
    assert doc["files_checked"] == 3 and doc["summary"] == {"error": 5, "warning": 1, "info": 0}
    assert {(f["file"], f["line"], f["col"], f["code"]) for f in doc["findings"]} == EXPECTED
    first = next(f for f in doc["findings"] if f["code"] == "JS201")
    assert first == {"file": DUP, "line": 49, "col": 9, "code": "JS201", "name": "duties.duplicate",
                     "severity": "warning", "message": "duty D003 repeats D001 (line 37) word for word",
                     "json_path": "$.duties[2].text"}


def test_github_format_and_auto_selection_under_github_actions():
    res = lint(DUP, PLACEHOLDER, SCHEMA, env={"GITHUB_ACTIONS": "true"})
    lines = res.stdout.splitlines()
    assert f"::warning file={DUP},line=49,col=9,title=JS201 duties.duplicate::duty D003 repeats D001 (line 37) " \
           "word for word ($.duties[2].text)" in lines
    found = {(m[2], int(m[3]), int(m[4]), m[5]) for m in
             (re.match(r"::(error|warning|notice) file=(.+),line=(\d+),col=(\d+),title=(JS\d+) [\w.-]+::.+", ln)
              for ln in lines)}
    assert found == EXPECTED
    # an explicit --format wins over the environment
    assert lint(DUP, "--format", "concise", env={"GITHUB_ACTIONS": "true"}).stdout.startswith(DUP + ":49:9:")


def test_sarif_format_structure():
    res = lint(DUP, PLACEHOLDER, SCHEMA, "--format", "sarif", "-q")
    assert res.exit_code == 1 and res.stderr == ""
    log = json.loads(res.stdout)
    assert log["version"] == "2.1.0" and log["$schema"].endswith("sarif-2.1.0.json")
    run = log["runs"][0]
    driver = run["tool"]["driver"]
    assert driver["name"] == "jobspec"
    rules = {r["id"]: r for r in driver["rules"]}
    assert set(rules) == set(BY_CODE)
    r201 = rules["JS201"]
    assert r201["name"] == "duties.duplicate"
    assert r201["shortDescription"]["text"] == "A duty appears twice, word for word."
    assert r201["fullDescription"]["text"] == r201["help"]["text"] == BY_CODE["JS201"].doc()
    assert r201["defaultConfiguration"]["level"] == "warning"
    found = set()
    for result in run["results"]:
        loc = result["locations"][0]["physicalLocation"]
        assert result["level"] in ("error", "warning", "note") and result["message"]["text"]
        assert driver["rules"][result["ruleIndex"]]["id"] == result["ruleId"]
        uri = loc["artifactLocation"]["uri"]
        found.add((uri, loc["region"]["startLine"], loc["region"]["startColumn"], result["ruleId"]))
    assert found == {(Path(f).as_uri(), line, col, code) for f, line, col, code in EXPECTED}


def test_sarif_uris_are_percent_encoded_relative_references(tmp_path):
    (tmp_path / "sub").mkdir()
    for name in ("Head, Deputy: 100%.yaml", "sub/café spec.yaml"):
        shutil.copy(PLACEHOLDER, tmp_path / name)
    res = lint("Head, Deputy: 100%.yaml", str(tmp_path / "sub" / "café spec.yaml"), "--format", "sarif", "-q")
    assert res.exit_code == 1
    uris = [r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            for r in json.loads(res.stdout)["runs"][0]["results"]]
    assert uris == ["Head,%20Deputy%3A%20100%25.yaml", "sub/caf%C3%A9%20spec.yaml"]
    assert [unquote(u) for u in uris] == ["Head, Deputy: 100%.yaml", "sub/café spec.yaml"]


def test_full_format_groups_by_file_and_prints_text_verbatim():
    res = lint(PLACEHOLDER, DUP)
    assert res.exit_code == 1
    out = res.stdout
    assert out.index(PLACEHOLDER) < out.index("9:17") < out.index(DUP) < out.index("49:9")
    assert "placeholder text '[Name of School]' in post.organisation" in out  # brackets are not rich markup
    assert "JS207 text.placeholder" in out and "$.duties[2].text" in out
    assert "found 2 problems (1 error, 1 warning) in 2 of 2 files checked" in res.stderr


def test_exit_codes():
    assert lint(CLEAN).exit_code == 0
    assert lint(DUP).exit_code == 0  # a warning does not fail by default
    assert lint(DUP, "--fail-on", "warning").exit_code == 1
    assert lint(DUP, "--fail-on", "info").exit_code == 1
    assert lint(PLACEHOLDER).exit_code == 1
    assert lint(PLACEHOLDER, "--exit-zero").exit_code == 0
    assert lint(PLACEHOLDER, "--ignore", "JS207").exit_code == 0
    assert lint(PLACEHOLDER, DUP, "--select", "JS201,JS202", "--fail-on", "warning").exit_code == 1
    assert lint(PLACEHOLDER, "--select", "duties").exit_code == 0


def test_usage_and_io_errors_exit_2_even_with_exit_zero(tmp_path):
    res = lint(str(tmp_path / "nope.yaml"), PLACEHOLDER, "--exit-zero", "--format", "concise")
    assert res.exit_code == 2
    assert f"error: {tmp_path / 'nope.yaml'}: no such file or folder" in res.stderr
    assert PLACEHOLDER in res.stdout  # the other files are still linted
    for args in (["--select", "JS999"], ["--ignore", "nonsense"], ["--format", "xml"], ["--fail-on", "fatal"], []):
        res = lint(*([CLEAN] if args else []), *args)
        assert res.exit_code == 2, args
        assert res.stderr.startswith("error: ") and res.stdout == "", args
    assert "unknown rule code 'JS999'" in lint(CLEAN, "--select", "JS999").stderr


def test_the_summary_counts_the_files_that_could_not_be_read(tmp_path):
    specs = tmp_path / "specs"
    specs.mkdir()
    for name in ("a.yaml", "b.yaml"):
        shutil.copy(CLEAN, specs / name)
    (specs / "y.yaml").symlink_to("y.yaml")  # unreadable even as root
    res = lint(str(specs), "--format", "concise")
    assert res.exit_code == 2 and res.stdout == ""
    assert res.stderr == f"error: {specs / 'y.yaml'}: too many levels of symbolic links\n" \
                         "3 files checked, 1 could not be read: no problems found in the others\n"
    shutil.copy(PLACEHOLDER, specs / "c.yaml")
    res = lint(str(specs), "--format", "json")
    assert res.exit_code == 2
    doc = json.loads(res.stdout)
    assert doc["files_checked"] == 4 and doc["files_not_read"] == 1 and len(doc["findings"]) == 1
    assert res.stderr.endswith("\nfound 1 problem (1 error) in 1 of 4 files checked, 1 could not be read\n")
    for name in ("a.yaml", "b.yaml", "c.yaml"):
        (specs / name).unlink()
    res = lint(str(specs))
    assert res.exit_code == 2 and res.stderr.endswith("\n1 file could not be read: nothing checked\n")


def test_huge_file_is_refused_with_a_finding(tmp_path):
    big = tmp_path / "big.yaml"
    big.write_bytes(b"a: b\n" * 500_000)  # 2.4 MB
    res = lint(str(big), "--max-size", "1", "--format", "concise")
    assert res.exit_code == 1
    assert res.stdout.startswith(f"{big}:1:1: JS006 [error] file is 2.4 MB, over the 1.0 MB limit")


def test_pyproject_config_select_ignore_and_cli_override(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.jobspec.lint]\nignore = ["JS207"]\nseverity = {JS201 = "error"}\n')
    assert lint(PLACEHOLDER).exit_code == 0
    res = lint(DUP, "--format", "concise")
    assert res.exit_code == 1 and "JS201 [error]" in res.stdout
    assert lint(PLACEHOLDER, "--ignore", "JS100").exit_code == 1  # --ignore replaces the file's ignore
    (tmp_path / "pyproject.toml").write_text('[tool.jobspec.lint]\nselect = ["JS1"]\n')
    assert lint(PLACEHOLDER).exit_code == 0
    assert lint(PLACEHOLDER, "--select", "ALL").exit_code == 1
    (tmp_path / "pyproject.toml").write_text('[tool.jobspec.lint]\nselect = "JS207\n')
    res = lint(CLEAN)
    assert res.exit_code == 2 and "cannot read config" in res.stderr


def test_jobspec_yaml_config_and_explicit_config(tmp_path):
    (tmp_path / ".jobspec.yaml").write_text("lint:\n  ignore: [text.placeholder]\n  fail-on: warning\n")
    assert lint(PLACEHOLDER).exit_code == 0
    assert lint(DUP).exit_code == 1  # fail-on: warning from the file
    other = tmp_path / "elsewhere.yaml"
    other.write_text("lint:\n  select: [JS207]\n")
    res = lint(PLACEHOLDER, DUP, "--config", str(other), "--format", "concise")
    assert res.exit_code == 1 and [ln.split(": ")[1].split()[0] for ln in res.stdout.splitlines()] == ["JS207"]
    assert lint(CLEAN, "--config", str(tmp_path / "missing.toml")).exit_code == 2


def test_explain_prints_the_rules_docstring():
    res = lint("--explain", "JS201")
    assert res.exit_code == 0
    assert res.stdout.startswith("JS201 duties.duplicate (default severity: warning)\n")
    assert BY_CODE["JS201"].doc() in res.stdout
    assert lint("--explain", "text.placeholder").stdout.startswith("JS207 ")
    res = lint("--explain", "JS999")
    assert res.exit_code == 2 and "unknown rule code 'JS999'" in res.stderr


def test_list_rules():
    res = lint("--list-rules")
    assert res.exit_code == 0
    assert [ln.split()[0] for ln in res.stdout.splitlines()] == list(BY_CODE)


def test_committed_specs_lint_clean_through_the_cli():
    res = lint(str(ROOT / "specs"))
    assert res.exit_code == 0 and res.stdout == ""
    assert re.fullmatch(r"\d+ files checked: no problems found\n", res.stderr)


def test_pre_commit_hook_manifest_runs_the_installed_console_script():
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    [hook] = [h for h in hooks if h["id"] == "jobspec-lint"]
    assert hook["language"] == "python" and hook["types"] == ["yaml"]
    files = re.compile(hook["files"])
    assert files.search("specs/ta.yaml") and files.search("hr/spec/ta.yml")
    assert not files.search(".github/workflows/ci.yml") and not files.search(".pre-commit-config.yaml")
    entry = shlex.split(hook["entry"])
    script = Path(sys.executable).parent / entry[0]
    if not script.is_file():  # not a virtual environment: wherever pip put the console script
        script = Path(shutil.which(entry[0]) or entry[0])
    assert script.is_file() and "jobspec.cli.app" in script.read_text(encoding="utf-8", errors="replace")
    # pre-commit runs `entry + [files]`
    proc = subprocess.run([str(script), *entry[1:], PLACEHOLDER], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 1, proc.stderr
    assert "JS207 text.placeholder" in proc.stdout and "1 file checked" in proc.stderr
