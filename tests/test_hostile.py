"""Hostile and broken inputs: one clear line each, the batch carries on, nothing partial is written."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from hostile import make_all
from jobspec import files
from jobspec.batch import Limits, atomic_write, parse_many
from jobspec.cli.app import app

runner = CliRunner()


@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> tuple[Path, dict[str, str | None]]:
    d = tmp_path_factory.mktemp("hostile")
    return d, make_all(d)


def test_every_bad_file_gets_one_line_and_the_rest_are_parsed(hostile, tmp_path):
    src, expected = hostile
    out = tmp_path / "specs"
    res = runner.invoke(app, ["parse", str(src), "-o", str(out), "--jobs", "2"])
    assert res.exit_code == 1
    assert "Traceback" not in res.stderr
    errors = {line.split(": ", 2)[1].rsplit("/", 1)[-1]: line.split(": ", 2)[2]
              for line in res.stderr.splitlines() if line.startswith("error: ")}
    for name, reason in expected.items():
        if reason is None:
            assert name not in errors, f"{name} should parse, got: {errors.get(name)}"
            assert (out / (Path(name).stem + ".yaml")).is_file(), name
        else:
            assert errors.get(name, "").startswith(reason), f"{name}: {errors.get(name)!r}"
            assert not (out / (Path(name).stem + ".yaml")).exists(), f"partial output for {name}"
    assert sorted(p.name for p in out.iterdir()) == sorted(Path(n).stem + ".yaml" for n, r in expected.items() if r is None)


def test_unsupported_type_named_on_the_command_line(tmp_path):
    f = tmp_path / "budget.xlsx"
    f.write_bytes(b"PK\x03\x04")
    res = runner.invoke(app, ["parse", str(f)])
    assert res.exit_code == 1
    assert res.stderr.strip().splitlines()[0] == f"error: {f}: unsupported file type '.xlsx': expected .docx, .doc, .docm, .dotx, .odt, .rtf, .pdf, .html, .htm, .txt or .md"


def test_limits_have_flags(hostile):
    src, _ = hostile
    res = runner.invoke(app, ["parse", str(src / "blank2000.pdf"), "--max-pages", "3000", "-q"])
    assert "no text layer" in res.stderr  # past the page limit, the blank pages have no text
    res = runner.invoke(app, ["parse", str(src / "huge-paragraph.txt"), "--max-size", "1", "-q"])
    assert res.exit_code == 1 and "file too large (1 MB; the limit is 1 MB, see --max-size)" in res.stderr


def test_a_file_that_takes_too_long_is_given_up(monkeypatch, tmp_path):
    f = tmp_path / "slow.txt"
    f.write_text("Main duties\n- Support pupils\n")

    def slow(*a, **k):
        time.sleep(5)

    monkeypatch.setattr("jobspec.api.parse_document", slow)
    t0 = time.monotonic()
    [o] = list(parse_many([f], out_dir=None, jobs=1, limits=Limits(timeout=0.3)))
    assert time.monotonic() - t0 < 3
    assert o.error == "took longer than 0.3 s to read, gave up (see --timeout)"


def test_interrupted_write_leaves_no_partial_file(monkeypatch, tmp_path):
    target = tmp_path / "spec.yaml"

    def boom(src, dst):
        raise KeyboardInterrupt

    monkeypatch.setattr(files.os, "replace", boom)
    with pytest.raises(KeyboardInterrupt):
        atomic_write(target, "schema_version: 1\n")
    assert list(tmp_path.iterdir()) == []


def test_no_network_while_parsing(no_network, hostile, tmp_path):
    src, expected = hostile
    files = [src / n for n in expected]
    outcomes = list(parse_many(files, out_dir=None, jobs=1))
    assert all("network" not in (o.error or "") for o in outcomes)
    assert sum(o.ok for o in outcomes) == sum(r is None for r in expected.values())
