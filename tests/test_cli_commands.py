"""The commands in daily use: version and completion, colour, help text, exit codes, counts and
labels, the parse summary in a narrow pipe, kept specs, file permissions, packaging."""

from __future__ import annotations

import os
import re
import tomllib
from pathlib import Path

import pytest
from typer.testing import CliRunner

from docx_builder import small_pack
from jobspec.cli.app import app

runner = CliRunner()
ROOT = Path(__file__).resolve().parents[1]
SPECS = ROOT / "specs"
TA = SPECS / "oakfield-primary-teaching-assistant.yaml"  # DBS: enhanced_barred
MENTOR = SPECS / "riverside-academy-learning-mentor.docx.yaml"  # DBS: enhanced
FLAWED = ROOT / "tests" / "fixtures" / "lint" / "js201_duties_duplicate.yaml"
ESC = "\x1b"


def _pack(folder: Path, name: str, title: str = "Teaching Assistant") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    return small_pack(folder / name, title=title, details={"School": "Larchwood Primary School"},
                      duties=["Support pupils in class", "Prepare resources"])


# -- version and completion ------------------------------------------------------------------------

@pytest.mark.parametrize("flag", ["-V", "--version"])
def test_version_short_and_long(flag):
    res = runner.invoke(app, [flag])
    assert res.exit_code == 0 and re.fullmatch(r"jobspec \d+\.\d+\.\d+\S*\n", res.stdout)


def test_shell_completion_is_offered():
    res = runner.invoke(app, ["--help"])
    assert "--install-completion" in res.stdout and "--show-completion" in res.stdout
    res = runner.invoke(app, ["--show-completion", "bash"])
    assert res.exit_code == 0 and "_JOBSPEC_COMPLETE" in res.stdout


# -- colour ----------------------------------------------------------------------------------------

def _styled_run(command: str, tmp_path: Path, before: list[str], env: dict[str, str], after: list[str] = ()):
    """One run of ``command`` that prints styled human output (on stdout or stderr)."""
    if command == "parse":
        args = ["parse", str(_pack(tmp_path / "in", "ta.docx")), "-o", str(tmp_path / "out"), "--force"]
    elif command == "lint":
        args = ["lint", str(FLAWED)]
    else:
        args = ["compare", str(TA), str(MENTOR), "--format", "terminal"]
    return runner.invoke(app, [*before, *args, *after], env={"COLUMNS": "200", **env})


@pytest.mark.parametrize("command", ["parse", "lint", "compare"])
def test_color_option_and_no_color_in_every_command(command, tmp_path):
    def escapes(before: list[str], env: dict[str, str], after: list[str] = ()) -> bool:
        res = _styled_run(command, tmp_path, before, env, after)
        assert res.exit_code in (0, 1), res.stderr
        return ESC in res.stdout + res.stderr

    assert escapes(["--color", "always"], {})  # forced, even into a pipe
    assert escapes([], {}, ["--color", "always"])  # the option also goes after the command
    assert not escapes([], {})  # auto: no colour into a pipe
    assert escapes([], {"FORCE_COLOR": "1"})  # auto follows rich's FORCE_COLOR
    # NO_COLOR (any non-empty value) drops every style, bold and dim included, even when forced
    assert not escapes([], {"FORCE_COLOR": "1", "NO_COLOR": "1"})
    assert not escapes([], {"FORCE_COLOR": "1", "NO_COLOR": "yes"})
    assert not escapes(["--color", "never"], {"FORCE_COLOR": "1"})
    assert not escapes([], {"FORCE_COLOR": "1"}, ["--color", "never"])
    assert escapes(["--color", "always"], {"NO_COLOR": "1"})  # the flag says what the user wants now


def test_color_option_rejects_unknown_values():
    res = runner.invoke(app, ["--color", "sometimes", "schema", "--path"])
    assert res.exit_code == 2 and "auto, always or never" in res.output


# -- help ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("command", [[], ["parse"], ["lint"], ["compare"], ["schema"], ["export"]])
def test_help_shows_clean_metavars(command):
    res = runner.invoke(app, [*command, "--help"], env={"COLUMNS": "100"})
    assert res.exit_code == 0
    text = res.stdout
    assert not re.search(r"<(list|int|float|path|text|str|integer|bool)\b[^>]*>", text, re.I), text
    assert "{" not in text.split("\n\n")[0], text  # the usage line: no {POST...}...
    assert "...]..." not in text and "...}..." not in text and "....." not in text
    assert "range>" not in text


def test_usage_lines_read_as_written():
    usage = {c: runner.invoke(app, [c, "--help"]).stdout.splitlines()[0] for c in ("parse", "lint", "compare", "export")}
    assert usage == {"parse": "Usage: jobspec parse [OPTIONS] [PATH...]",
                     "lint": "Usage: jobspec lint [OPTIONS] [PATH...]",
                     "compare": "Usage: jobspec compare [OPTIONS] POST...",
                     "export": "Usage: jobspec export [OPTIONS] SPEC_OR_FOLDER..."}


# -- exit codes ------------------------------------------------------------------------------------

@pytest.mark.parametrize("command", [["parse"], ["lint"], ["compare", str(TA)], ["export", "-o", "out.xlsx", str(TA)]])
def test_a_missing_path_is_a_usage_error_in_every_command(command, tmp_path):
    missing = tmp_path / "no-such.yaml"
    res = runner.invoke(app, [*command, str(missing)])
    assert res.exit_code == 2, res.stderr
    assert f"error: {missing}: no such file or folder" in res.stderr
    assert "Traceback" not in res.stderr


@pytest.mark.parametrize(("command", "suffix", "code"), [
    (["parse"], ".docx", 1), (["parse", "--trace"], ".docx", 1), (["lint"], ".yaml", 2),
    (["compare", str(TA)], ".yaml", 1), (["export", "-o", "out.xlsx", str(TA)], ".yaml", 1)])
def test_a_loop_of_symbolic_links_is_named_as_such_in_every_command(command, suffix, code, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    loop = tmp_path / f"loop{suffix}"
    loop.symlink_to(loop.name)
    res = runner.invoke(app, [*command, str(loop)])
    assert res.exit_code == code, res.stderr
    assert res.stderr.startswith(f"error: {loop}: too many levels of symbolic links\n")


def test_parse_goes_on_past_a_missing_path_and_still_exits_2(tmp_path):
    pack = _pack(tmp_path, "ta.docx")
    res = runner.invoke(app, ["parse", str(pack), str(tmp_path / "nope.docx"), "-o", str(tmp_path / "out"), "-q"])
    assert res.exit_code == 2 and (tmp_path / "out" / "ta.yaml").is_file()


# -- lint: where settings came from, unknown inline codes, -v --------------------------------------

def test_unknown_code_names_where_it_came_from(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    res = runner.invoke(app, ["lint", str(FLAWED), "--ignore", "JS9999"])
    assert res.exit_code == 2 and "unknown rule code 'JS9999' in --ignore" in res.stderr
    res = runner.invoke(app, ["lint", str(FLAWED), "--select", "JS201,JS8888"])
    assert res.exit_code == 2 and "unknown rule code 'JS8888' in --select" in res.stderr
    (tmp_path / "pyproject.toml").write_text('[tool.jobspec.lint]\nignore = ["JS9999"]\n', encoding="utf-8")
    res = runner.invoke(app, ["lint", str(FLAWED)])
    assert res.exit_code == 2
    assert f"unknown rule code 'JS9999' in {tmp_path / 'pyproject.toml'} [tool.jobspec.lint]" in res.stderr
    (tmp_path / "pyproject.toml").unlink()
    (tmp_path / ".jobspec.yaml").write_text("lint:\n  select: [JS9999]\n", encoding="utf-8")
    res = runner.invoke(app, ["lint", str(FLAWED)])
    assert res.exit_code == 2 and f"unknown rule code 'JS9999' in {tmp_path / '.jobspec.yaml'} (lint:)" in res.stderr


def test_unknown_inline_disable_is_a_finding(tmp_path):
    spec = tmp_path / "spec.yaml"
    text = FLAWED.read_text(encoding="utf-8").replace("- id: D003", "- id: D003  # jobspec: disable=JS2O1", 1)
    spec.write_text(text, encoding="utf-8")
    res = runner.invoke(app, ["lint", str(spec), "--format", "concise", "--fail-on", "warning"])
    assert res.exit_code == 1
    assert re.search(r":\d+:\d+: JS217 \[warning\] unknown rule code 'JS2O1' in an inline disable comment", res.stdout)
    assert "JS201 [warning]" in res.stdout  # the duplicate it meant to silence is still there
    res = runner.invoke(app, ["lint", "--explain", "JS217"])
    assert res.exit_code == 0 and "lint.unknown-disable" in res.stdout


def test_lint_verbose_names_the_configuration_file(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    res = runner.invoke(app, ["lint", str(FLAWED), "-v"])
    assert "configuration: no configuration file" in res.stderr
    (tmp_path / "pyproject.toml").write_text('[tool.jobspec.lint]\nignore = ["JS201"]\n', encoding="utf-8")
    res = runner.invoke(app, ["lint", str(FLAWED), "--verbose"])
    assert res.exit_code == 0 and f"configuration: {tmp_path / 'pyproject.toml'}" in res.stderr
    assert "configuration" not in runner.invoke(app, ["lint", str(FLAWED)]).stderr


# -- counts and labels -----------------------------------------------------------------------------

def test_plural_helper():
    from jobspec.display import plural

    assert [plural(n, "file") for n in (0, 1, 2, 1500)] == ["0 files", "1 file", "2 files", "1,500 files"]
    assert plural(1, "criterion", "criteria") == "1 criterion" and plural(3, "duty", "duties") == "3 duties"


def test_counts_agree_with_their_numbers(tmp_path):
    res = runner.invoke(app, ["parse", str(_pack(tmp_path, "ta.docx")), "-o", str(tmp_path / "out")])
    last = res.stderr.strip().splitlines()[-1]
    assert last == f"parsed 1 of 1 file into {tmp_path / 'out'}: 0 failed, 0 skipped"
    res = runner.invoke(app, ["lint", str(FLAWED)])
    assert res.stderr.strip().splitlines()[-1] == "found 1 problem (1 warning) in 1 of 1 file checked"
    from jobspec.spec.schema import violations

    assert any("a list (1 item)" in v[1] for v in violations({"schema_version": 1, "post": ["x"]}))


def test_reports_for_people_show_labels_not_codes():
    res = runner.invoke(app, ["compare", str(TA), str(MENTOR), "--format", "markdown"])
    assert res.exit_code == 0
    dbs = next(line for line in res.stdout.splitlines() if line.startswith("| DBS check"))
    assert "enhanced DBS with barred list check" in dbs and "enhanced_barred" not in dbs
    assert "application_form" not in res.stdout and "application form" in res.stdout
    res = runner.invoke(app, ["compare", str(TA), str(MENTOR), "--format", "json"])
    assert '"enhanced_barred"' in res.stdout  # the machine format keeps the codes


# -- the parse summary -----------------------------------------------------------------------------

def test_parse_summary_fits_an_80_column_pipe_without_cutting_words(tmp_path):
    src = tmp_path / "packs"
    names = ["larchwood-primary-school-teaching-assistant-level-2.docx", "oakfield-office-manager.docx"]
    for n in names:
        _pack(src, n, title="Higher Level Teaching Assistant (Special Educational Needs)")
    _pack(src / "other", names[1])  # a name clash
    (src / "budget.xlsx").write_bytes(b"PK\x03\x04")
    res = runner.invoke(app, ["parse", str(src), "-o", str(tmp_path / "out"), "-j", "1"], env={"COLUMNS": "80"})
    assert res.exit_code == 0, res.stderr
    lines = res.stderr.splitlines()
    assert all(len(line) <= 80 for line in lines[:-1]), res.stderr  # the last: one message, with a long path
    for n in [*names, "budget.xlsx", "organisation" if "organisation" in res.stderr else ""]:
        assert any(n in line for line in lines), (n, res.stderr)  # every name whole, on one line
    assert not re.search(r"\w\n", "\n".join(line.rstrip("│ ") for line in lines if "│" in line)), res.stderr
    assert "Higher Level Teaching Assistant (Special Educational Needs)" in " ".join(res.stderr.split())
    assert lines[-1] == f"parsed 3 of 4 files into {tmp_path / 'out'}: 0 failed, 1 skipped"


def test_parse_summary_is_a_table_when_it_fits(tmp_path):
    res = runner.invoke(app, ["parse", str(_pack(tmp_path, "ta.docx")), "-o", str(tmp_path / "out")],
                        env={"COLUMNS": "200"})
    header = next(line for line in res.stderr.splitlines() if "organisation" in line)
    assert all(h in header for h in ("file", "title", "organisation", "duties", "criteria E/D", "warnings"))


def test_a_name_clash_is_reported_once(tmp_path):
    a, b = _pack(tmp_path / "x", "post.docx"), _pack(tmp_path / "y", "post.docx")
    for cols in ("80", "200"):
        res = runner.invoke(app, ["parse", str(a), str(b), "-o", str(tmp_path / "out"), "-j", "1", "--force"],
                            env={"COLUMNS": cols})
        assert res.exit_code == 0
        flat = " ".join(res.stderr.replace("│", " ").split())
        assert flat.count("name clash") == 2, res.stderr  # once for each of the two files
        assert "warning: " not in res.stderr


def test_a_kept_hand_edited_spec_is_counted_apart(tmp_path):
    pack = _pack(tmp_path, "ta.docx")
    out = tmp_path / "specs"
    assert runner.invoke(app, ["parse", str(pack), "-o", str(out), "-q"]).exit_code == 0
    spec = out / "ta.yaml"
    spec.write_text(spec.read_text().replace("Teaching Assistant", "Senior Teaching Assistant"))
    for cols in ("200", "80"):
        res = runner.invoke(app, ["parse", str(pack), "-o", str(out)], env={"COLUMNS": cols})
        assert res.exit_code == 0
        assert "kept: edited by hand (use --force to overwrite)" in res.stderr
        assert res.stderr.count("edited by hand (use --force") == 1, res.stderr
        assert "Teaching Assistant" not in res.stderr  # the re-parsed title is not what is on disk
        assert res.stderr.strip().splitlines()[-1] == (
            f"parsed 0 of 1 file into {out}: 1 kept (edited by hand), 0 failed, 0 skipped")
    assert "Senior Teaching Assistant" in spec.read_text()


# -- permissions -----------------------------------------------------------------------------------

@pytest.mark.parametrize("umask", [0o022, 0o027], ids=["umask-022", "umask-027"])
def test_output_files_get_the_users_umask(umask, tmp_path):
    from jobspec.files import atomic_write

    pack = _pack(tmp_path, "ta.docx")
    old = os.umask(umask)
    try:
        assert runner.invoke(app, ["parse", str(pack), "-o", str(tmp_path / "specs"), "-q"]).exit_code == 0
        for fmt in ("html", "md", "json", "txt"):
            res = runner.invoke(app, ["compare", str(TA), str(MENTOR), "-o", str(tmp_path / f"report.{fmt}"), "-q"])
            assert res.exit_code == 0, res.stderr
        atomic_write(tmp_path / "direct.bin", b"\x00\x01")
    finally:
        os.umask(old)
    files = [tmp_path / "specs" / "ta.yaml", tmp_path / "direct.bin",
             *(tmp_path / f"report.{f}" for f in ("html", "md", "json", "txt"))]
    for f in files:
        assert f.stat().st_mode & 0o777 == 0o666 & ~umask, (f, oct(f.stat().st_mode))
    assert not list(tmp_path.rglob(".*.tmp"))


# -- packaging -------------------------------------------------------------------------------------

def test_pyproject_uses_the_spdx_license_form():
    meta = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    project = meta["project"]
    assert isinstance(project["license"], str), "project.license as a TOML table is deprecated"
    assert project["license-files"] and all((ROOT / f).is_file() for f in project["license-files"])
    backend = next(r for r in meta["build-system"]["requires"] if r.startswith("setuptools"))
    assert int(re.search(r">=\s*(\d+)", backend).group(1)) >= 77  # the first setuptools that reads it



def test_parse_summary_through_a_real_pipe_at_80_columns(tmp_path):
    import subprocess
    import sys

    src = tmp_path / "packs"
    _pack(src, "larchwood-primary-school-higher-level-teaching-assistant.docx",
          title="Higher Level Teaching Assistant (Special Educational Needs)")
    env = {k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR", "NO_COLOR")}
    env["COLUMNS"] = "80"
    res = subprocess.run([sys.executable, "-c", "from jobspec.cli.app import main; main()", "parse", str(src), "-o",
                          str(tmp_path / "out")], env=env, capture_output=True, text=True, timeout=120)
    assert res.returncode == 0, res.stderr
    lines = res.stderr.splitlines()
    assert ESC not in res.stderr and all(len(line) <= 80 for line in lines[:-1]), res.stderr
    assert "larchwood-primary-school-higher-level-teaching-assistant.docx" in lines
    assert "organisatio\n" not in res.stderr


def test_export_messages_follow_color_and_no_color(tmp_path):
    def run(before: list[str], env: dict[str, str]) -> str:
        res = runner.invoke(app, [*before, "export", str(tmp_path / "none"), "-o", str(tmp_path / "x.xlsx")],
                            env={"COLUMNS": "200", **env})
        assert res.exit_code == 2 and f"error: {tmp_path / 'none'}: no such file or folder" in res.stderr
        return res.stderr

    assert ESC in run(["--color", "always"], {})
    assert ESC not in run([], {"NO_COLOR": "1", "FORCE_COLOR": "1"})
    assert ESC not in run(["--color", "never"], {"FORCE_COLOR": "1"})
    # after the command too, as for every command
    res = runner.invoke(app, ["export", str(tmp_path / "none"), "-o", str(tmp_path / "x.xlsx"), "--color", "always"])
    assert res.exit_code == 2 and ESC in res.stderr


@pytest.mark.parametrize("command", [["parse"], ["lint"], ["compare"], ["export"], ["schema"]])
def test_every_command_takes_color_after_its_name(command):
    res = runner.invoke(app, [*command, "--color", "never", "--help"])
    assert res.exit_code == 0 and "--color" in res.stdout


@pytest.mark.parametrize(("command", "target", "what"), [
    (["compare", str(TA), str(MENTOR), "--format", "json"], "jobspec.comparison.engine.pair.compare", "compare"),
    (["export", str(TA), "-o", "out.xlsx"], "jobspec.export.load_posts", "export"),
])
def test_an_unexpected_failure_is_one_line_or_with_debug_the_traceback(command, target, what, monkeypatch, tmp_path):
    def boom(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(target, boom)
    monkeypatch.chdir(tmp_path)
    res = runner.invoke(app, command)
    assert res.exit_code == 1
    assert res.stderr == f"error: could not {what} (RuntimeError: boom); run with --debug for details\n"
    res = runner.invoke(app, [*command, "--debug"])
    assert isinstance(res.exception, RuntimeError)
