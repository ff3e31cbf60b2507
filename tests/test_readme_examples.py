"""The README's command examples are what the commands print today (regenerate with `make docs`)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _script():
    spec = importlib.util.spec_from_file_location("readme_examples", ROOT / "scripts" / "readme_examples.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod  # its dataclass looks its module up
    spec.loader.exec_module(mod)
    return mod


def test_readme_examples_are_current():
    mod = _script()
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    assert len(mod.examples(text)) >= 6
    _new, stale = mod.regenerate(text)
    assert not stale, f"README examples are stale (run `make docs`): {stale}"


def test_every_command_example_runs_on_committed_files():
    mod = _script()
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    commands = [ex.command for ex in mod.examples(text) if ex.command]
    assert {c.split()[1] for c in commands} >= {"parse", "lint", "compare"}
    lint = next(c for c in commands if c.split()[1] == "lint")
    folder = ROOT / lint.split()[2]
    assert folder.is_dir() and list(folder.glob("*.yaml")), lint  # the flawed specs are committed
    assert "larchwood" not in " ".join(p.name for p in (ROOT / "specs").iterdir())


def test_abridging_marks_what_was_left_out():
    mod = _script()
    out = "\n".join(f"line {n}" for n in range(1, 11))
    assert mod.abridge(out, "1-2,5,9-10") == ["line 1", "line 2", "…", "line 5", "…", "line 9", "line 10"]
    assert mod.abridge(out, "1-3") == ["line 1", "line 2", "line 3", "…"]
    assert mod.abridge(out, None) == out.split("\n")


def test_pre_commit_snippet_pins_a_commit_not_a_tag_that_does_not_exist():
    import re

    text = (ROOT / "README.md").read_text(encoding="utf-8")
    revs = re.findall(r"^\s*rev:\s*(\S+)", text, re.M)
    assert revs and all(re.fullmatch(r"[0-9a-f]{40}", r) for r in revs), revs
    assert "git rev-parse HEAD" in text
