"""`jobspec compare` with three posts or more, or a folder: formats, -o, --min-share, exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from compare_helpers import post, spec
from jobspec.cli.app import app
from jobspec.spec.yamlio import spec_to_yaml
from test_compare_nway import _posts

runner = CliRunner()


def _folder(tmp_path: Path) -> list[Path]:
    folder = tmp_path / "trust"
    folder.mkdir()
    out = []
    for name, s in zip(("a", "b", "c", "d", "e"), _posts(), strict=True):
        p = folder / f"{name}.yaml"
        p.write_text(spec_to_yaml(s.to_dict(), "0.1.0"), encoding="utf-8")
        out.append(p)
    return out


def test_three_spec_files_give_the_nway_report(tmp_path):
    a, b, c, *_ = _folder(tmp_path)
    res = runner.invoke(app, ["compare", str(a), str(b), str(c)])
    assert res.exit_code == 0, res.stderr
    assert res.stdout.startswith("# Comparison of 3 posts")
    assert "Common core, in at least 2 of the 3 posts" in res.stdout and "## Similarity of duties (%)" in res.stdout
    assert "| P01 | Teaching Assistant — Oakfield | " in res.stdout and "a.yaml |" in res.stdout
    res = runner.invoke(app, ["compare", str(a), str(b), str(c), "--format", "json"])
    data = json.loads(res.stdout)
    assert data["kind"] == "nway" and [p["path"] for p in data["posts"]] == [str(a), str(b), str(c)]
    # two files are still the two-post report
    res = runner.invoke(app, ["compare", str(a), str(b), "--format", "json"])
    assert json.loads(res.stdout)["kind"] == "pair"


def test_a_folder_to_an_html_file_with_min_share(tmp_path):
    files = _folder(tmp_path)
    out = tmp_path / "reports" / "trust.html"
    res = runner.invoke(app, ["compare", str(files[0].parent), "-o", str(out), "--min-share", "80%", "-j", "1"])
    assert res.exit_code == 0, res.stderr
    assert res.stdout == ""
    assert f"wrote {out} (html)" in res.stderr and "Common core, in at least 4 of the 5 posts" in res.stderr
    assert "Outliers (mean similarity to the others under 0.5 x the median post's): P05." in res.stderr
    html = out.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and 'id="heat-duties"' in html
    assert not list(out.parent.glob(".*.tmp"))
    res = runner.invoke(app, ["compare", str(files[0].parent), "-f", "terminal", "--near-duplicate", "0.95"])
    assert res.exit_code == 0 and "5 posts compared" in res.stdout and "P01 ~ P04" in res.stdout
    # a folder of two posts is still compared as a group
    two = tmp_path / "two"
    two.mkdir()
    for f in files[:2]:
        (two / f.name).write_bytes(f.read_bytes())
    res = runner.invoke(app, ["compare", str(two), "--format", "json"])
    assert res.exit_code == 0 and json.loads(res.stdout)["kind"] == "nway"


@pytest.mark.parametrize("processes", [1, 2])
def test_a_post_that_cannot_be_read_is_named_and_the_rest_compared(tmp_path, monkeypatch, processes):
    import jobspec.comparison.nway.many as nway

    monkeypatch.setattr(nway, "PARALLEL_MIN_POSTS", 2)  # read and score in two processes even for six posts
    files = _folder(tmp_path)
    bad = files[0].parent / "broken.yaml"
    bad.write_text("duties: [unclosed\n", encoding="utf-8")
    res = runner.invoke(app, ["compare", str(files[0].parent), "--format", "json", "--jobs", str(processes)])
    assert res.exit_code == 1
    assert f"error: {bad}: not valid YAML" in res.stderr and "comparing the 5 posts that could be read" in res.stderr
    data = json.loads(res.stdout)
    assert [p["path"] for p in data["posts"]] == [str(f) for f in files]
    assert "Traceback" not in res.stderr
    assert data["outliers"][0]["post"] == "P05" and data["near_duplicates"][0]["a"] == "P01"


def test_usage_errors_exit_2(tmp_path):
    files = _folder(tmp_path)
    folder = str(files[0].parent)
    for args, msg in (
        (["compare", str(files[0])], "compare needs two posts or more"),
        (["compare", folder, "--min-share", "9"], "--min-share 9: a count must be between 2 and the number of posts (5)"),
        (["compare", folder, "--min-share", "most"], "--min-share most: give a number of posts"),
        (["compare", folder, "--min-share", "1"], "--min-share 1: a count must be between 2 and the number of posts "
                                                  "(5); for a share, write 1.0 or 100%"),
        (["compare", folder, "--threshold", "100"], "--threshold 100: must be a number above 0 and under 100"),
        (["compare", folder, "--near-duplicate", "80"], "--near-duplicate 80: must be a share of the items above 0 "
                                                        "and at most 1 (0.9 or 90%)"),
        (["compare", folder, "--format", "xml"], "unknown --format 'xml'"),
    ):
        res = runner.invoke(app, args)
        assert res.exit_code == 2, (args, res.stderr)
        assert msg in res.stderr and len(res.stderr.strip().splitlines()) == 1, res.stderr
    empty = tmp_path / "empty"
    empty.mkdir()
    res = runner.invoke(app, ["compare", str(empty), folder])
    assert res.exit_code == 2 and f"error: {empty}: no specs" in res.stderr
    xls = tmp_path / "pay.xlsx"
    xls.write_bytes(b"PK")
    res = runner.invoke(app, ["compare", folder, str(xls)])
    assert res.exit_code == 2 and f"error: {xls}: cannot compare a '.xlsx' file" in res.stderr
    only = tmp_path / "only"
    only.mkdir()
    (only / "a.yaml").write_text(spec_to_yaml(spec(["x"], post=post(title="x")).to_dict(), "0.1.0"), encoding="utf-8")
    (only / "b.yaml").write_text("not: [a spec\n", encoding="utf-8")
    res = runner.invoke(app, ["compare", str(only)])
    assert res.exit_code == 1 and "only 1 of 2 posts could be read" in res.stderr


def test_a_spec_the_schema_rejects_is_named_and_the_others_compared(tmp_path):
    files = _folder(tmp_path)
    files[1].write_text(files[1].read_text(encoding="utf-8").replace("level: essential", "level: must-have", 1),
                        encoding="utf-8")
    res = runner.invoke(app, ["compare", str(files[0].parent), "--format", "json"])
    assert res.exit_code == 1
    assert res.stderr.splitlines() == [
        f"error: {files[1]}: not a valid spec: 'must-have' is not one of ['essential', 'desirable'] "
        "($.criteria[0].level)",
        "warning: comparing the 4 posts that could be read (1 could not)"]
    report = json.loads(res.stdout)
    assert [p["path"] for p in report["posts"]] == [str(f) for f in files if f != files[1]]
    assert report["unread"] == [{"path": str(files[1]), "problem": "not a valid spec: 'must-have' is not one of "
                                 "['essential', 'desirable'] ($.criteria[0].level)"}]
    res = runner.invoke(app, ["compare", str(files[0].parent), "--format", "markdown"])  # a report passed on says so too
    line = next(x for x in res.stdout.splitlines() if x.startswith("- Not compared"))
    assert line.startswith("- Not compared, could not be read: 1 file: ") and line.endswith(
        "b.yaml (not a valid spec: 'must-have' is not one of \\['essential', 'desirable'\\] ($.criteria\\[0\\].level)).")
    res = runner.invoke(app, ["compare", str(files[0]), str(files[2]), str(files[3]), "--format", "json"])
    assert res.exit_code == 0 and json.loads(res.stdout)["unread"] == []


def test_order_by_similarity_or_as_given(tmp_path):
    """The matrices put alike posts side by side (the default), or keep the posts as given."""
    files = _folder(tmp_path)
    folder = str(files[0].parent)

    def header(*extra: str) -> str:
        res = runner.invoke(app, ["compare", folder, "--format", "markdown", *extra])
        assert res.exit_code == 0, res.stderr
        md = res.stdout
        return next(line for line in md[md.index("## Similarity of duties"):].splitlines() if line.startswith("| | "))

    assert header() == header("--order", "similarity") == "| | P01 | P04 | P02 | P03 | P05 |"
    assert header("--order", "input") == "| | P01 | P02 | P03 | P04 | P05 |"
    res = runner.invoke(app, ["compare", folder, "--order", "random"])
    assert res.exit_code == 2 and "unknown --order 'random'" in res.stderr
    res = runner.invoke(app, ["compare", "--help"])
    assert "--order" in res.stdout and "similarity|input" in res.stdout


def _deny(monkeypatch, denied: Path) -> None:
    """As a user without read permission sees ``denied`` (the tests may run as root, whom chmod does not stop)."""
    import os
    import pathlib

    def no(path) -> bool:
        return Path(os.fspath(path)).absolute() == denied.absolute()

    access, scandir, read_text = os.access, os.scandir, pathlib.Path.read_text

    def fake_access(path, mode, *a, **k):
        return False if no(path) and mode & os.R_OK else access(path, mode, *a, **k)

    def fake_scandir(path="."):
        if no(path):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return scandir(path)

    def fake_read_text(self, *a, **k):
        if no(self):
            raise PermissionError(13, "Permission denied", str(self))
        return read_text(self, *a, **k)

    monkeypatch.setattr(os, "access", fake_access)
    monkeypatch.setattr(os, "scandir", fake_scandir)
    monkeypatch.setattr(pathlib.Path, "read_text", fake_read_text)


def test_an_unreadable_file_named_on_the_command_line_is_one_line_exit_1(tmp_path, monkeypatch):
    a, b, c, *_ = _folder(tmp_path)
    _deny(monkeypatch, a)
    res = runner.invoke(app, ["compare", str(a), str(b), "--format", "json"])
    assert (res.exit_code, res.stderr, res.stdout) == (1, f"error: {a}: cannot read (Permission denied)\n", "")
    res = runner.invoke(app, ["compare", str(a), str(b), str(c), "--format", "json"])
    assert res.exit_code == 1 and res.stderr.splitlines()[0] == f"error: {a}: cannot read (Permission denied)"
    out = tmp_path / "x.xlsx"
    res = runner.invoke(app, ["export", str(a), str(b), "-o", str(out)])
    assert res.exit_code == 1 and res.stderr.splitlines() == [
        f"error: {a}: cannot read (Permission denied)",
        f"wrote {out} (xlsx): 1 post, 6 duties, 2 criteria; 1 of 2 files could not be read"]


def test_the_post_arguments_leave_the_readable_check_to_the_reader():
    import typer

    command = typer.main.get_command(app)
    for name in ("compare", "export"):
        (arg,) = [p for p in command.commands[name].params if p.param_type_name == "argument"]
        assert arg.type_descriptor.parameter_info.readable is False, name


def test_an_unreadable_folder_inside_is_named_and_counted(tmp_path, monkeypatch):
    files = _folder(tmp_path)
    folder = files[0].parent
    locked = folder / "locked"
    locked.mkdir()
    (locked / "f.yaml").write_bytes(files[0].read_bytes())
    _deny(monkeypatch, locked)
    res = runner.invoke(app, ["compare", str(folder), "--format", "json", "-j", "1"])
    assert res.exit_code == 1
    assert res.stderr.splitlines() == [f"error: {locked}: cannot read (Permission denied)",
                                       "warning: comparing the 5 posts that could be read (1 could not)"]
    data = json.loads(res.stdout)
    assert len(data["posts"]) == 5
    out = tmp_path / "x.xlsx"
    res = runner.invoke(app, ["export", str(folder), "-o", str(out)])
    assert res.exit_code == 1 and res.stderr.splitlines()[0] == f"error: {locked}: cannot read (Permission denied)"
    assert res.stderr.splitlines()[1].endswith("; 1 of 6 files and folders could not be read")


@pytest.mark.parametrize(("option", "value", "message"), [
    ("--threshold", "abc", "--threshold abc: must be a number above 0 and under 100"),
    ("--threshold", "0", "--threshold 0: must be a number above 0 and under 100"),
    ("--threshold", "50%", "--threshold 50%: must be a number above 0 and under 100"),
    ("--near-duplicate", "most", "--near-duplicate most: must be a share of the items above 0 and at most 1 "
                                 "(0.9 or 90%)"),
    ("--near-duplicate", "150%", "--near-duplicate 150%: must be a share of the items above 0 and at most 1 "
                                 "(0.9 or 90%)"),
    ("--possible", "some", "--possible some: must be a number above 0 and not above the threshold (50)"),
    ("--possible", "60", "--possible 60: must be a number above 0 and not above the threshold (50)"),
])
def test_a_bad_number_is_a_one_line_usage_error(tmp_path, option, value, message):
    a, b, *_ = _folder(tmp_path)
    res = runner.invoke(app, ["compare", str(a), str(b), option, value])
    assert (res.exit_code, res.stderr, res.stdout) == (2, f"error: {message}\n", "")


def test_near_duplicate_as_a_percentage(tmp_path):
    folder = str(_folder(tmp_path)[0].parent)
    share = runner.invoke(app, ["compare", folder, "--format", "json", "--near-duplicate", "0.95"])
    percent = runner.invoke(app, ["compare", folder, "--format", "json", "--near-duplicate", "95%"])
    assert share.exit_code == percent.exit_code == 0
    assert json.loads(percent.stdout)["settings"]["near_duplicate"] == 0.95
    assert json.loads(percent.stdout)["near_duplicates"] == json.loads(share.stdout)["near_duplicates"]


def test_the_help_says_which_scores_are_accepted():
    res = runner.invoke(app, ["compare", "--help"], terminal_width=200)
    assert "Score (above 0 and under 100)" in res.stdout and "0-100" not in res.stdout
    assert "(0.9 or 90%)" in res.stdout
