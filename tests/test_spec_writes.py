"""Writing specs over old ones: the digest that spots hand edits anywhere, and specs from another document."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from typer.testing import CliRunner

from docx_builder import small_pack
from jobspec.batch import write_spec
from jobspec.cli.app import app
from jobspec.spec.yamlio import recorded_source, spec_to_yaml, written_by_jobspec_unchanged

DATA = {"schema_version": 1, "source": {"path": "../packs/ta.docx", "format": "docx", "sha256": "0" * 64},
        "post": {"title": "Teaching Assistant"}, "duties": [{"id": "D001", "text": "Support pupils in class"}],
        "warnings": []}

# DATA as jobspec 0.1.0 wrote it, when the digest covered only the text above `generated`
WRITTEN_BY_0_1_0 = (
    "# yaml-language-server: $schema=https://jobspec.readthedocs.io/schema/jobspec-1.schema.json\n"
    "schema_version: 1\nsource:\n  path: ../packs/ta.docx\n  format: docx\n"
    "  sha256: '0000000000000000000000000000000000000000000000000000000000000000'\n"
    "post:\n  title: Teaching Assistant\nduties:\n- id: D001\n  text: Support pupils in class\nwarnings: []\n"
    "generated:\n  by: jobspec 0.1.0\n"
    "  digest: sha256:4eb82b0f091f271a879e1e74c07dec1e3641a782f4372a04c3ca6cb9b0d4a622\n")

EDITS = {
    "a comment appended": lambda t: t + "# reviewed by JB 2025-03-01\n",
    "a key appended": lambda t: t + "notes: checked\n",
    "a line after generated:": lambda t: t.replace("generated:\n", "generated:\n  reviewed: true\n"),
    "the version changed": lambda t: t.replace("by: jobspec ", "by: jobspec 9"),
    "the title changed": lambda t: t.replace("Teaching Assistant", "Senior Teaching Assistant"),
    "a comment at the top": lambda t: "# reviewed\n" + t,
    "the digest changed": lambda t: t.replace("digest: sha256:", "digest: sha256:0")[:-2] + "\n",
}


runner = CliRunner()


def written_the_old_way(text: str) -> str:
    """``text`` with its ``generated`` block as jobspec 0.1.0 wrote it."""
    body = text[: text.index("\ngenerated:\n") + 1]
    return body + f"generated:\n  by: jobspec 0.1.0\n  digest: sha256:{hashlib.sha256(body.encode()).hexdigest()}\n"


def test_the_old_way_is_how_0_1_0_wrote_specs():
    assert written_the_old_way(WRITTEN_BY_0_1_0) == WRITTEN_BY_0_1_0


def test_a_spec_as_written_is_untouched_in_either_scheme():
    assert written_by_jobspec_unchanged(spec_to_yaml(DATA, "0.1.0"))
    assert written_by_jobspec_unchanged(WRITTEN_BY_0_1_0)


@pytest.mark.parametrize("edit", list(EDITS), ids=list(EDITS))
@pytest.mark.parametrize("scheme", ["current", "0.1.0"])
def test_any_change_anywhere_is_a_hand_edit(scheme, edit):
    text = spec_to_yaml(DATA, "0.1.0") if scheme == "current" else WRITTEN_BY_0_1_0
    edited = EDITS[edit](text)
    assert edited != text
    assert not written_by_jobspec_unchanged(edited)


@pytest.mark.parametrize("scheme", ["current", "0.1.0"])
def test_write_spec_keeps_an_edited_spec_and_replaces_an_untouched_one(tmp_path, scheme):
    out = tmp_path / "ta.yaml"
    old = spec_to_yaml(DATA, "0.0.9") if scheme == "current" else WRITTEN_BY_0_1_0
    new = spec_to_yaml({**DATA, "warnings": ["review: check the duties"]}, "0.1.0")
    out.write_text(old + "# reviewed by JB\n", encoding="utf-8")
    assert write_spec(out, new, force=False) == "edited by hand (use --force to overwrite)"
    assert out.read_text(encoding="utf-8") == old + "# reviewed by JB\n"
    assert write_spec(out, new, force=True) is None
    assert out.read_text(encoding="utf-8") == new
    out.write_text(old, encoding="utf-8")
    assert write_spec(out, new, force=False) is None
    assert out.read_text(encoding="utf-8") == new


# -- the command line --------------------------------------------------------------------------------

def _parsed(tmp_path) -> tuple[list[str], Path]:
    """The arguments that parse a small pack into ``specs/``, run once; and the spec written."""
    pack = small_pack(tmp_path / "ta.docx", title="Teaching Assistant", details={"School": "Larchwood Primary School"},
                      duties=["Support pupils in class"])
    args = ["parse", str(pack), "-o", str(tmp_path / "specs")]
    assert runner.invoke(app, [*args, "-q"]).exit_code == 0
    return args, tmp_path / "specs" / "ta.yaml"


def test_parse_keeps_a_spec_with_a_comment_added_at_the_end(tmp_path):
    args, spec = _parsed(tmp_path)
    edited = spec.read_text(encoding="utf-8") + "# reviewed by JB 2025-03-01\n"
    spec.write_text(edited, encoding="utf-8")
    res = runner.invoke(app, args, env={"COLUMNS": "200"})
    assert res.exit_code == 0
    assert "kept: edited by hand (use --force to overwrite)" in res.stderr
    assert res.stderr.strip().splitlines()[-1] == (
        f"parsed 0 of 1 file into {spec.parent}: 1 kept (edited by hand), 0 failed, 0 skipped")
    assert spec.read_text(encoding="utf-8") == edited
    assert runner.invoke(app, [*args, "--force", "-q"]).exit_code == 0
    assert "reviewed by JB" not in spec.read_text(encoding="utf-8")


def test_parse_replaces_an_untouched_spec_jobspec_0_1_0_wrote_and_keeps_an_edited_one(tmp_path):
    args, spec = _parsed(tmp_path)
    now = spec.read_text(encoding="utf-8")
    old = written_the_old_way(now)
    assert old != now
    spec.write_text(old, encoding="utf-8")
    res = runner.invoke(app, args, env={"COLUMNS": "200"})
    assert res.exit_code == 0 and "kept" not in res.stderr
    assert spec.read_text(encoding="utf-8") == now
    spec.write_text(old + "# reviewed by JB 2025-03-01\n", encoding="utf-8")
    res = runner.invoke(app, args, env={"COLUMNS": "200"})
    assert res.exit_code == 0
    assert "kept: edited by hand (use --force to overwrite)" in res.stderr
    assert spec.read_text(encoding="utf-8") == old + "# reviewed by JB 2025-03-01\n"


# -- a spec written from another document of the same name -------------------------------------------

def _from(source: str, title: str = "Teaching Assistant") -> str:
    return spec_to_yaml({**DATA, "source": {**DATA["source"], "path": source}, "post": {"title": title}}, "0.1.0")


def test_recorded_source_reads_the_spec_s_source_path():
    assert recorded_source(_from("../a/post.docx")) == "../a/post.docx"
    assert recorded_source(WRITTEN_BY_0_1_0) == "../packs/ta.docx"
    assert recorded_source(_from("../a/post: draft #2.docx")) == "../a/post: draft #2.docx"
    assert recorded_source("schema_version: 1\nsource: null\n") is None
    assert recorded_source("schema_version: 1\n") is None


def test_write_spec_keeps_a_spec_written_from_another_document(tmp_path):
    out = tmp_path / "out" / "post.yaml"
    out.parent.mkdir()
    out.write_text(_from("../a/post.docx", "Learning Mentor"), encoding="utf-8")
    new = _from("../b/post.docx")
    assert write_spec(out, new, force=False) == "written from ../a/post.docx (use --force to overwrite)"
    assert "Learning Mentor" in out.read_text(encoding="utf-8")
    assert write_spec(out, new, force=True) is None
    assert out.read_text(encoding="utf-8") == new


@pytest.mark.parametrize("was", ["../a/post.docx", "../out/../a/post.docx", "./../a//post.docx"])
def test_write_spec_replaces_a_spec_from_the_same_document(tmp_path, was):
    out = tmp_path / "out" / "post.yaml"
    out.parent.mkdir()
    out.write_text(_from(was, "Learning Mentor"), encoding="utf-8")
    new = _from("../a/post.docx")
    assert write_spec(out, new, force=False) is None
    assert out.read_text(encoding="utf-8") == new


def test_write_spec_says_edited_by_hand_first(tmp_path):
    out = tmp_path / "post.yaml"
    out.write_text(_from("../a/post.docx") + "# reviewed\n", encoding="utf-8")
    assert write_spec(out, _from("../b/post.docx"), force=False) == "edited by hand (use --force to overwrite)"


def _post(folder: Path, title: str) -> Path:
    folder.mkdir(exist_ok=True)
    return small_pack(folder / "post.docx", title=title, details={"School": "Larchwood Primary School"},
                      duties=["Support pupils in class"])


def test_parse_keeps_a_spec_written_from_another_document_of_the_same_name(tmp_path):
    a, b = _post(tmp_path / "a", "Teaching Assistant"), _post(tmp_path / "b", "Learning Mentor")
    out = tmp_path / "out"
    spec = out / "post.yaml"
    assert runner.invoke(app, ["parse", str(a), "-o", str(out), "-q"]).exit_code == 0
    written = spec.read_text(encoding="utf-8")
    for cols in ("200", "80"):
        res = runner.invoke(app, ["parse", str(b), "-o", str(out)], env={"COLUMNS": cols})
        assert res.exit_code == 0
        assert "kept: written from ../a/post.docx (use --force to overwrite)" in res.stderr, res.stderr
        assert "Learning Mentor" not in res.stderr  # the re-parsed title is not what is on disk
        assert res.stderr.strip().splitlines()[-1] == (
            f"parsed 0 of 1 file into {out}: 1 kept (written from another document), 0 failed, 0 skipped")
        assert spec.read_text(encoding="utf-8") == written
    res = runner.invoke(app, ["parse", str(b), "-o", str(out), "--force", "-q"])
    assert res.exit_code == 0 and "Learning Mentor" in spec.read_text(encoding="utf-8")
    _post(tmp_path / "b", "Senior Learning Mentor")  # the same document, changed: replaced as before
    res = runner.invoke(app, ["parse", str(b), "-o", str(out)], env={"COLUMNS": "200"})
    assert res.exit_code == 0 and "kept" not in res.stderr
    assert "Senior Learning Mentor" in spec.read_text(encoding="utf-8")


def test_parse_counts_each_reason_for_keeping_once(tmp_path):
    a, b = _post(tmp_path / "a", "Teaching Assistant"), _post(tmp_path / "b", "Learning Mentor")
    args, ta = _parsed(tmp_path)
    out = ta.parent
    assert runner.invoke(app, ["parse", str(a), "-o", str(out), "-q"]).exit_code == 0
    ta.write_text(ta.read_text(encoding="utf-8") + "# reviewed\n", encoding="utf-8")
    res = runner.invoke(app, [*args, str(b), "-j", "1"], env={"COLUMNS": "200"})
    assert res.exit_code == 0
    assert res.stderr.strip().splitlines()[-1] == (f"parsed 0 of 2 files into {out}: 2 kept (edited by hand, "
                                                   "written from another document), 0 failed, 0 skipped")
