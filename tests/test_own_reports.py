"""A folder walk passes over the reports jobspec wrote and a saved web page's folder of resources."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from jobspec.cli.app import app
from jobspec.files import jobspec_report, saved_page_folder

ROOT = Path(__file__).resolve().parent.parent
SPECS = sorted((ROOT / "specs").glob("*.yaml"))
runner = CliRunner()


def _folder_with_reports(tmp_path: Path) -> Path:
    folder = tmp_path / "posts"
    folder.mkdir()
    for s in SPECS:
        shutil.copy(s, folder / s.name)
    for out in ("trust.html", "trust.md"):
        assert runner.invoke(app, ["compare", str(folder), "-o", str(folder / out), "-q"]).exit_code == 0
    assert runner.invoke(app, ["compare", str(folder), "-o", str(folder / "trust.json"), "-q"]).exit_code == 0
    for out in ("pair.html", "pair.md", "pair.json"):
        assert runner.invoke(app, ["compare", str(SPECS[0]), str(SPECS[1]), "-o", str(folder / out), "-q"]).exit_code == 0
    return folder


def test_reports_written_into_the_folder_are_not_read_back_as_posts(tmp_path):
    folder = _folder_with_reports(tmp_path)
    assert sorted(p.name for p in folder.iterdir() if jobspec_report(p)) == [
        "pair.html", "pair.json", "pair.md", "trust.html", "trust.json", "trust.md"]
    res = runner.invoke(app, ["compare", str(folder), "--format", "json"])
    assert res.exit_code == 0, res.stderr
    assert [Path(p["path"]).name for p in json.loads(res.stdout)["posts"]] == [s.name for s in SPECS]
    res = runner.invoke(app, ["export", str(folder), "-o", str(tmp_path / "x.xlsx")])
    assert res.exit_code == 0 and res.stderr == f"wrote {tmp_path / 'x.xlsx'} (xlsx): 4 posts, 60 duties, 64 criteria\n"
    res = runner.invoke(app, ["parse", str(folder), "-o", str(tmp_path / "out")])
    assert res.stderr.count("skipped: a report jobspec wrote") == 6


def test_a_document_that_only_looks_like_a_report_is_still_read(tmp_path):
    md = tmp_path / "jd.md"
    md.write_text("# Comparison: our two roles\n\nDuties\n\n- Compare prices of supplies\n", encoding="utf-8")
    html = tmp_path / "jd.html"
    html.write_text('<html><head><meta name="generator" content="Microsoft Word 15"></head><body>x</body></html>',
                    encoding="utf-8")
    data = tmp_path / "jd.json"
    data.write_text('{"schema_version": 1, "post": {"title": "Teaching Assistant"}, "duties": []}', encoding="utf-8")
    assert not jobspec_report(md) and not jobspec_report(html) and not jobspec_report(data)


def test_a_saved_web_page_s_folder_of_resources_is_passed_over(tmp_path):
    page = tmp_path / "advert.html"
    page.write_text("<html><body><h1>Teaching Assistant</h1><h2>Duties</h2><ul><li>Support pupils in class</li>"
                    "</ul></body></html>", encoding="utf-8")
    res_dir = tmp_path / "advert_files"
    res_dir.mkdir()
    (res_dir / "cookie-banner.html").write_text("<html><body><p>We use cookies</p></body></html>", encoding="utf-8")
    (res_dir / "app.js").write_text("var x;", encoding="utf-8")
    assert saved_page_folder(res_dir) and not saved_page_folder(tmp_path)
    res = runner.invoke(app, ["parse", str(tmp_path), "-o", str(tmp_path / "out")])
    assert res.exit_code == 0, res.stderr
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["advert.yaml"]
    assert "skipped: a saved web page's images and scripts" in res.stderr
    res = runner.invoke(app, ["compare", str(tmp_path), str(page), "--format", "json"])
    assert "cookie-banner" not in res.stdout


def test_terminal_reports_saved_as_text_are_not_read_back_as_posts(tmp_path):
    folder = tmp_path / "posts"
    folder.mkdir()
    for s in SPECS[:3]:
        shutil.copy(s, folder / s.name)
    assert runner.invoke(app, ["compare", str(folder), "-o", str(folder / "trust.txt"), "-q"]).exit_code == 0
    assert runner.invoke(app, ["compare", str(SPECS[0]), str(SPECS[1]), "-o", str(folder / "pair.txt"),
                               "-q"]).exit_code == 0
    assert jobspec_report(folder / "trust.txt") and jobspec_report(folder / "pair.txt")
    res = runner.invoke(app, ["compare", str(folder), "-o", str(tmp_path / "again.md")])
    assert res.exit_code == 0, res.stderr
    assert "3 posts compared" in res.stderr
    res = runner.invoke(app, ["export", str(folder), "-o", str(tmp_path / "x.xlsx")])
    assert res.exit_code == 0 and res.stderr.startswith(f"wrote {tmp_path / 'x.xlsx'} (xlsx): 3 posts,")
    res = runner.invoke(app, ["parse", str(folder), "-o", str(tmp_path / "out")])
    assert res.stderr.count("skipped: a report jobspec wrote") == 2


def test_a_terminal_report_wrapped_by_a_narrow_console_is_still_recognised(tmp_path):
    from jobspec.comparison.engine.pair import compare
    from jobspec.comparison.nway.many import compare_many
    from jobspec.comparison.render import render_text

    for name, result in (("pair.txt", compare(SPECS[0], SPECS[1])), ("trust.txt", compare_many(SPECS[:3]))):
        report = tmp_path / name
        report.write_text(render_text(result, "terminal", width=40), encoding="utf-8")
        assert jobspec_report(report), name


def test_a_text_document_that_only_looks_like_a_report_is_still_read(tmp_path):
    jd = tmp_path / "jd.txt"
    jd.write_text("A: Teaching Assistant\nB: Level 2\nDuties\n- Support pupils in class\n", encoding="utf-8")
    count = tmp_path / "jd2.txt"
    count.write_text("3 posts compared across the trust\n\nDuties\n- Support pupils\n", encoding="utf-8")
    assert not jobspec_report(jd) and not jobspec_report(count)


@pytest.mark.parametrize("suffix", [".txt", ".md", ".html", ".json"])
def test_a_report_named_as_a_post_is_refused_in_one_line(tmp_path, suffix):
    report = tmp_path / f"pair{suffix}"
    assert runner.invoke(app, ["compare", str(SPECS[0]), str(SPECS[1]), "-o", str(report), "-q"]).exit_code == 0
    res = runner.invoke(app, ["compare", str(report), str(SPECS[0]), "--format", "json"])
    assert res.exit_code == 1 and res.stdout == ""
    assert res.stderr == f"error: {report}: a comparison report jobspec wrote, not a post\n"
    res = runner.invoke(app, ["compare", str(report), str(SPECS[0]), str(SPECS[1]), "-o", str(tmp_path / "n.md"), "-q"])
    assert res.exit_code == 1 and res.stderr.startswith(f"error: {report}: a comparison report jobspec wrote, not a post\n")
    res = runner.invoke(app, ["export", str(report), str(SPECS[0]), "-o", str(tmp_path / "x.xlsx")])
    assert res.exit_code == 1
    assert res.stderr.startswith(f"error: {report}: a comparison report jobspec wrote, not a post\n")
