"""`jobspec compare` end to end: spec files and raw .docx, formats, -o, exit codes, --vocabulary."""

from __future__ import annotations

import json
from pathlib import Path

import yaml
from typer.testing import CliRunner

from compare_helpers import spec
from docx_builder import new, save, small_pack
from jobspec.cli.app import app
from jobspec.spec.yamlio import spec_to_yaml

runner = CliRunner()


def _spec_file(tmp_path: Path, name: str, duties, criteria=(), title="Teaching Assistant") -> Path:
    p = tmp_path / name
    data = spec(duties, criteria, title=title).to_dict()
    p.write_text(spec_to_yaml(data, "0.1.0"), encoding="utf-8")
    return p


def _docx(tmp_path: Path, name: str = "new.docx") -> Path:
    return small_pack(tmp_path / name, title="Learning Support Assistant", details={"Grade": "Grade 5"},
                      duties=["Supervise pupils at lunchtime and break time", "Keep accurate records of pupil progress",
                              "Run the after-school homework club"])


DUTIES = ["To supervise pupils at break and lunch times", "Record pupils' progress accurately",
          "Undertake other duties as required by the headteacher"]


def test_compare_spec_with_docx_markdown_by_default_when_piped(tmp_path):
    a = _spec_file(tmp_path, "old.yaml", DUTIES)
    res = runner.invoke(app, ["compare", str(a), str(_docx(tmp_path))])
    assert res.exit_code == 0, res.stderr
    assert res.stdout.startswith("# Comparison: Teaching Assistant vs Learning Support Assistant")
    assert "B covers 2/3 of A's duties" in res.stdout
    assert "| Grade |" in res.stdout or "Grade" in res.stdout


def test_json_output_to_file_is_atomic_and_summarised_on_stderr(tmp_path):
    a = _spec_file(tmp_path, "a.yaml", DUTIES)
    b = _spec_file(tmp_path, "b.yaml", ["Supervise pupils at lunchtime", "Keep accurate records of progress"])
    out = tmp_path / "reports" / "a__b.json"
    res = runner.invoke(app, ["compare", str(a), str(b), "-o", str(out)])
    assert res.exit_code == 0, res.stderr
    assert res.stdout == ""
    assert f"wrote {out} (json)" in res.stderr and "B covers" in res.stderr
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["schema_version"] == 1 and data["a"]["path"] == str(a)
    assert len(data["duties"]["matched"]) == 2
    assert not list(out.parent.glob(".*.tmp"))


def test_formats_and_threshold_option(tmp_path):
    a = _spec_file(tmp_path, "a.yaml", DUTIES)
    b = _spec_file(tmp_path, "b.yaml", ["Supervise pupils at lunchtime"])
    res = runner.invoke(app, ["compare", str(a), str(b), "--format", "html"])
    assert res.exit_code == 0 and res.stdout.startswith("<!DOCTYPE html>")
    res = runner.invoke(app, ["compare", str(a), str(b), "-f", "terminal"])
    assert res.exit_code == 0 and "DUTIES" in res.stdout
    res = runner.invoke(app, ["compare", str(a), str(b), "--format", "json", "--threshold", "70", "--possible", "5"])
    data = json.loads(res.stdout)
    assert data["settings"]["threshold"] == 70 and data["settings"]["possible"] == 5
    assert all(m["score"] >= 70 for m in data["duties"]["matched"])
    assert all(5 <= p["score"] < 70 for p in data["duties"]["possible"])


def test_usage_errors_exit_2_and_unreadable_inputs_exit_1(tmp_path):
    a = _spec_file(tmp_path, "a.yaml", DUTIES)
    res = runner.invoke(app, ["compare", str(a), str(a), "--format", "xml"])
    assert res.exit_code == 2 and "unknown --format 'xml'" in res.stderr
    res = runner.invoke(app, ["compare", str(a), str(a), "--threshold", "120"])
    assert res.exit_code == 2 and "--threshold" in res.stderr
    xls = tmp_path / "pay.xlsx"
    xls.write_bytes(b"PK")
    res = runner.invoke(app, ["compare", str(a), str(xls)])
    assert res.exit_code == 2 and f"error: {xls}: cannot compare a '.xlsx' file" in res.stderr
    res = runner.invoke(app, ["compare", str(a), str(tmp_path / "missing.yaml")])
    assert res.exit_code == 2 and f"error: {tmp_path / 'missing.yaml'}: no such file or folder" in res.stderr
    bad = tmp_path / "bad.yaml"
    bad.write_text("just: [a, list\n", encoding="utf-8")
    res = runner.invoke(app, ["compare", str(bad), str(a)])
    assert res.exit_code == 1 and f"error: {bad}: not valid YAML" in res.stderr
    other = tmp_path / "other.yaml"
    other.write_text("name: not a spec\n", encoding="utf-8")
    res = runner.invoke(app, ["compare", str(a), str(other)])
    assert res.exit_code == 1 and "not a jobspec spec" in res.stderr
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"not a zip")
    res = runner.invoke(app, ["compare", str(a), str(broken)])
    assert res.exit_code == 1 and str(broken) in res.stderr
    for r in (res,):
        assert "Traceback" not in r.stderr and len(r.stderr.strip().splitlines()) == 1


def _score(a: Path, b: Path, vocab: Path | None) -> float:
    args = ["compare", str(a), str(b), "--format", "json", "--threshold", "99", "--possible", "0.1"]
    data = json.loads(runner.invoke(app, args + (["--vocabulary", str(vocab)] if vocab else [])).stdout)
    pairs = data["duties"]["matched"] + data["duties"]["possible"]
    return pairs[0]["score"] if pairs else 0.0


def test_vocabulary_option_on_compare_and_parse(tmp_path):
    vocab = tmp_path / "mine.yaml"
    vocab.write_text("concepts:\n  forest_school:\n    terms: [forest school, outdoor learning, den building]\n",
                     encoding="utf-8")
    a = _spec_file(tmp_path, "a.yaml", ["Lead forest school sessions"])
    b = _spec_file(tmp_path, "b.yaml", ["Den building with small groups outdoors"])
    assert _score(a, b, vocab) > _score(a, b, None) + 5
    res = runner.invoke(app, ["compare", str(a), str(b), "--format", "json", "--vocabulary", str(vocab)])
    assert res.exit_code == 0, res.stderr
    data = json.loads(res.stdout)
    assert [s["path"] for s in data["settings"]["vocabulary"]["sources"]][1] == str(vocab)
    assert data["duties"]["only_a"][0]["tags"] == ["forest_school"]
    assert "forest_school" in data["duties"]["only_b"][0]["tags"]
    # parse writes the tags, with the extra vocabulary
    d = new()
    d.add_heading("Main duties", level=2)
    d.add_paragraph("Lead forest school sessions and keep records on CPOMS", style="List Bullet")
    pack = save(d, tmp_path / "pack.docx")
    res = runner.invoke(app, ["parse", str(pack), "-q", "--vocabulary", str(vocab)])
    assert res.exit_code == 0, res.stderr
    tags = yaml.safe_load(res.stdout)["duties"][0]["tags"]
    assert tags == sorted(tags) and {"forest_school", "school_systems", "ict", "record_keeping"} <= set(tags)
    res = runner.invoke(app, ["parse", str(pack), "-q"])
    assert "forest_school" not in yaml.safe_load(res.stdout)["duties"][0]["tags"]
    # a bad vocabulary file is a one-line usage error on both commands
    bad = tmp_path / "bad.yaml"
    bad.write_text("concepts:\n  x:\n    terms: nope\n", encoding="utf-8")
    for args in (["compare", str(a), str(b)], ["parse", str(pack)]):
        res = runner.invoke(app, [*args, "--vocabulary", str(bad)])
        assert res.exit_code == 2 and res.stderr.startswith(f"error: {bad}: ") and len(res.stderr.splitlines()) == 1


def test_output_file_whose_extension_names_no_format_is_a_usage_error(tmp_path):
    a = _spec_file(tmp_path, "a.yaml", DUTIES)
    b = _spec_file(tmp_path, "b.yaml", DUTIES)
    for name, shown in (("report.ods", ".ods"), ("report", "a name without an extension")):
        out = tmp_path / name
        res = runner.invoke(app, ["compare", str(a), str(b), "-o", str(out)])
        assert res.exit_code == 2, res.stderr
        assert res.stderr.strip() == (f"error: {out}: cannot tell the report format from {shown}: name the file "
                                      ".json, .md, .markdown, .html, .htm, .txt, .xlsx, or give --format")
        assert res.stdout == "" and not out.exists()
    # an explicit --format names the format whatever the file is called
    res = runner.invoke(app, ["compare", str(a), str(b), "-o", str(tmp_path / "report.out"), "--format", "json", "-q"])
    assert res.exit_code == 0 and json.loads((tmp_path / "report.out").read_text(encoding="utf-8"))["kind"] == "pair"
    res = runner.invoke(app, ["compare", str(a), str(b), "-o", str(tmp_path / "r.HTML"), "-q"])
    assert res.exit_code == 0 and (tmp_path / "r.HTML").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_a_spec_the_schema_rejects_is_refused_before_comparing(tmp_path):
    a = _spec_file(tmp_path, "a.yaml", DUTIES, [("Good ICT skills", "essential")])
    b = tmp_path / "b.yaml"
    b.write_text(a.read_text(encoding="utf-8").replace("level: essential", "level: must-have"), encoding="utf-8")
    res = runner.invoke(app, ["compare", str(a), str(b), "--format", "json"])
    assert res.exit_code == 1 and res.stdout == ""
    assert res.stderr == f"error: {b}: not a valid spec: 'must-have' is not one of ['essential', 'desirable'] " \
                         "($.criteria[0].level)\n"
    c = tmp_path / "c.yaml"
    c.write_text(a.read_text(encoding="utf-8").replace("level: essential", "level: must-have")
                 .replace("category: other", "category: misc"), encoding="utf-8")
    res = runner.invoke(app, ["compare", str(a), str(c)])
    assert res.exit_code == 1 and res.stderr.startswith(f"error: {c}: not a valid spec: ")
    assert res.stderr.rstrip().endswith("(and 1 more: `jobspec lint` lists them)") and res.stderr.count("\n") == 1


def test_a_spec_with_a_repeated_id_is_refused_like_lint_refuses_it(tmp_path):
    a = _spec_file(tmp_path, "a.yaml", DUTIES, ["Good ICT skills", "First aid certificate"])
    b = tmp_path / "b.yaml"
    b.write_text(a.read_text(encoding="utf-8").replace("id: C002", "id: C001"), encoding="utf-8")
    res = runner.invoke(app, ["compare", str(a), str(b), "--format", "json"])
    assert res.exit_code == 1 and res.stdout == ""
    assert res.stderr == f"error: {b}: not a valid spec: id C001 is used twice ($.criteria[1].id)\n"


def test_the_report_never_replaces_a_post_being_compared(tmp_path):
    a = _spec_file(tmp_path, "a.yaml", DUTIES)
    b = tmp_path / "b.json"
    b.write_text(json.dumps(spec(DUTIES[:2]).to_dict()), encoding="utf-8")
    before = b.read_bytes()
    for out in (str(b), str(tmp_path / "." / "b.json")):
        res = runner.invoke(app, ["compare", str(a), str(b), "-o", out])
        assert res.exit_code == 2 and res.stdout == ""
        assert res.stderr == f"error: {out}: -o names one of the posts being compared; write the report to another file\n"
        assert b.read_bytes() == before
    folder = tmp_path / "posts"
    folder.mkdir()
    for name in ("a.yaml", "b.json"):
        (folder / name).write_bytes((tmp_path / name).read_bytes())
    res = runner.invoke(app, ["compare", str(folder), "-o", str(folder / "b.json"), "--format", "markdown"])
    assert res.exit_code == 2 and (folder / "b.json").read_bytes() == before


def test_a_post_with_nothing_to_compare_is_named_on_stderr(tmp_path):
    prose = tmp_path / "advert.txt"
    prose.write_text("We are a friendly school looking for a great colleague.\n", encoding="utf-8")
    a = _spec_file(tmp_path, "a.yaml", DUTIES)
    b = _spec_file(tmp_path, "b.yaml", DUTIES)
    for args in ([str(prose), str(a)], [str(prose), str(a), str(b)]):
        res = runner.invoke(app, ["compare", *args, "--format", "json"])
        assert res.exit_code == 0
        assert res.stderr == (f"warning: {prose}: no duties or criteria found (is it a job description or person "
                              "specification?)\n")
    res = runner.invoke(app, ["compare", str(a), str(b), "--format", "json"])
    assert res.exit_code == 0 and res.stderr == ""


def test_options_for_many_posts_are_named_when_two_are_compared():
    a, b = sorted((Path(__file__).resolve().parent.parent / "specs").glob("*.yaml"))[:2]
    res = runner.invoke(app, ["compare", str(a), str(b), "--format", "json", "--order", "input", "--min-share", "3"])
    assert res.exit_code == 0
    assert res.stderr.splitlines()[0] == ("warning: --min-share, --order: for three posts or more; two posts are "
                                          "compared side by side without them")
    res = runner.invoke(app, ["compare", str(a), str(b), "--format", "json"])
    assert "warning" not in res.stderr
    c = Path(__file__).resolve().parent.parent / "specs"
    res = runner.invoke(app, ["compare", str(c), "--format", "json", "--possible", "30"])
    assert res.exit_code == 0 and res.stderr.splitlines()[0] == (
        "warning: --possible: for two posts; three or more are compared without possible matches")


def test_control_characters_of_a_hand_edited_spec_never_reach_the_terminal(tmp_path):
    # parse never writes them; a hand edit can: an escape sequence would restyle the terminal and a
    # bidi override would make a title read as another
    a = _spec_file(tmp_path, "a.yaml", ["Supervise pupils at lunchtime"], title="Teaching \x1b[31mAssistant\u202e")
    b = _spec_file(tmp_path, "b.yaml", ["Supervise pupils at lunch time"], title="Midday Supervisor")
    for fmt in ("terminal", "markdown", "json"):
        res = runner.invoke(app, ["compare", str(a), str(b), "--format", fmt])
        assert res.exit_code == 0, res.output
        assert "\x1b" not in res.stdout and "\u202e" not in res.stdout, fmt
        assert "31mAssistant" in res.stdout, fmt


def test_a_post_given_twice_is_compared_once(tmp_path):
    posts, elsewhere = tmp_path / "posts", tmp_path / "elsewhere"
    posts.mkdir()
    elsewhere.mkdir()
    a = _spec_file(posts, "a.yaml", DUTIES)
    b = _spec_file(posts, "b.yaml", DUTIES[:2], title="Learning Mentor")
    res = runner.invoke(app, ["compare", str(a), str(a), str(b), "--format", "json"])
    assert res.exit_code == 0, res.stderr
    assert res.stderr == f"warning: {a}: given twice; compared once\n"
    data = json.loads(res.stdout)
    assert data["kind"] == "pair" and (data["a"]["path"], data["b"]["path"]) == (str(a), str(b))
    link = elsewhere / "same.yaml"
    link.symlink_to(a)
    c = _spec_file(elsewhere, "c.yaml", DUTIES[1:], title="Cover Supervisor")
    res = runner.invoke(app, ["compare", str(elsewhere), str(posts), "--format", "json", "-j", "1"])
    assert res.exit_code == 0, res.stderr
    assert res.stderr == f"warning: {a}: the same file as {link}; compared once\n"
    assert [p["path"] for p in json.loads(res.stdout)["posts"]] == [str(c), str(link), str(b)]


def test_two_paths_to_one_file_are_not_two_posts(tmp_path):
    a = _spec_file(tmp_path, "a.yaml", DUTIES)
    res = runner.invoke(app, ["compare", str(a), str(a)])
    assert res.exit_code == 2 and res.stdout == ""
    assert res.stderr == f"error: compare needs two posts or more: {a} and {a} are the same file\n"
    res = runner.invoke(app, ["compare", str(a), str(tmp_path / "." / "a.yaml")])
    assert res.exit_code == 2 and res.stderr.endswith("are the same file\n")
