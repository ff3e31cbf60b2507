"""The report's row model: a comparison becomes rows once (report/pair_rows.py, report/nway_rows.py),
every human format lays out whatever columns the rows have, and a format needs nothing but the rows."""

from __future__ import annotations

import io
import sys
import types

import openpyxl
import pytest

from compare_helpers import post, spec
from jobspec.comparison import render
from jobspec.comparison.engine.pair import compare
from jobspec.comparison.nway.many import compare_many
from jobspec.comparison.report import nway_rows, pair_rows
from jobspec.comparison.report.nway_rows import NwayReport, nway_report
from jobspec.comparison.report.pair_rows import PairReport, pair_report
from jobspec.comparison.report.rows import (
    Column,
    Counts,
    Diff,
    ItemRef,
    Kind,
    Money,
    Nearest,
    OutOf,
    PostRef,
    Score,
    Share,
    Verdict,
    text,
)
from test_compare_nway import _posts


def _pair():
    a = spec(["Supervise pupils at break and lunchtime", "Keep accurate records of pupil progress",
              "Run the after-school homework club"], [("GCSE grade 4 in English and maths", "essential", "qualifications")],
             post=post(title="Teaching Assistant", grade="Grade 4", hours={"text": "32.5 hours", "per_week": 32.5}))
    b = spec(["Supervise pupils at break and lunchtime.", "Record pupils' progress accurately and keep records up to date",
              "Drive the minibus"], [("GCSE English and maths at grade 4", "desirable", "qualifications")],
             post=post(title="TA", grade="Grade 5", hours={"text": "37 hours", "per_week": 37}), path="b.docx")
    return compare(a, b)


def test_a_pair_becomes_rows_once():
    r = pair_report(_pair())
    assert r.title == "Comparison: Teaching Assistant vs TA"
    assert (r.a, r.b) == ("Teaching Assistant (a.docx)", "TA (b.docx)")
    assert r.summary == ["B covers 2/3 of A's duties; 1 identical; 1 reworded; 1 only in A; 1 only in B",
                         "B covers 1/1 of A's criteria; 0 identical; 1 reworded; 0 only in A; 0 only in B"]
    empty = pair_report(compare(spec([]), spec(["Drive the minibus"])))
    assert empty.summary == ["A has no duties; 1 only in B", "neither post has criteria"]
    assert pair_report(compare(spec(["Drive the minibus"], ["Full driving licence"]), spec([]))).summary == [
        "B has no duties; 1 only in A", "B has no criteria; 1 only in A"]
    assert [c.key for c in r.post.columns] == ["detail", "a", "b", "verdict"]
    assert r.post.rows == [("Title", "Teaching Assistant", "TA", Verdict(False)), ("Grade", "Grade 4", "Grade 5", Verdict(False)),
                           ("Hours (as written)", "32.5 hours", "37 hours", Verdict(False)),
                           ("Hours per week", 32.5, 37, Verdict(False))]
    duties, criteria = r.sections
    assert [t.key for t in duties.tables] == ["matched"] and duties.tables[0].title == "Matched (2)"
    same, reworded = duties.tables[0].records()
    assert same == {"score": Score(100.0), "kind": Kind("identical"),
                    "a": ItemRef("D001", "Supervise pupils at break and lunchtime"),
                    "b": ItemRef("D001", "Supervise pupils at break and lunchtime."), "diff": None,
                    "why": "words: supervise, pupils, break, lunchtime — concepts: Supervising pupils at break, lunch "
                           "and outside lessons"}
    assert reworded["kind"] == Kind("reworded") and isinstance(reworded["diff"], Diff)
    assert reworded["a"].words == (("equal", "Keep"), ("delete", "accurate"), ("equal", "records"),
                                   ("delete", "of pupil progress"))
    assert reworded["b"].words[-1] == ("insert", "up to date")
    assert [(o.key, o.title, o.items) for o in duties.only] == [
        ("only_a", "Only in A (1)", [ItemRef("D003", "Run the after-school homework club")]),
        ("only_b", "Only in B (1)", [ItemRef("D003", "Drive the minibus")])]
    assert [c.key for c in criteria.tables[0].columns] == ["score", "kind", "a", "b", "diff", "changes", "why"]
    assert criteria.tables[0].records()[0]["changes"] == "level essential → desirable"
    assert r.settings.startswith("threshold 50, possible 25, vocabulary: ")
    assert r.tables() == [r.post, duties.tables[0], criteria.tables[0]]


def test_many_posts_become_rows_once():
    r = nway_report(compare_many(_posts()))
    assert r.title == "Comparison of 5 posts" and r.summary[1] == "Common core, in at least 3 of the 5 posts: 5 duties, 2 criteria."
    assert [t.key for t in r.tables()] == ["posts", "post-details", "near-duplicates", "outliers", "core-duties",
                                          "core-criteria", "shared-duties", "shared-criteria"]
    p1, *_, p5 = r.posts.records()
    assert p1 == {"id": "P01", "post": "Teaching Assistant — Oakfield", "file": "a.docx", "grade": None, "pay": None,
                  "hours": None, "duties": 5, "criteria": 2,
                  "core": Counts(5, 2), "unique": Counts(0, 0), "mean": Share(p1["mean"].value),
                  "nearest": Nearest("P04", 1.0)}
    assert p5["nearest"] is None and p5["unique"] == Counts(4, 1) and text(p5["mean"]) == "0"
    assert [(d["a"].id, d["b"].id, text(d["all"])) for d in r.near_duplicates.records()] == [
        ("P01", "P04", "100"), ("P01", "P02", "93"), ("P02", "P04", "93")]
    assert r.outliers.records() == [{"post": PostRef("P05", "Office Manager"), "mean": Share(0.0),
                                     "median": Share(0.662), "nearest": None}]
    core = r.clusters[1].records()
    assert core[0]["posts"] == OutOf(4, 5) and core[0]["level"] == "essential in 4" and core[0]["in"] == "P01, P02, P03, P04"
    assert r.clusters[3].rows == [] and r.clusters[3].empty == "None: every criterion matched in another post is in the common core."
    assert [(u.post.id, [i.id for i in u.duties], [(i.id, i.level) for i in u.criteria]) for u in r.unique] == [
        ("P03", ["D006"], []), ("P05", ["D001", "D002", "D003", "D004"], [("C001", "essential")])]
    duties = r.matrices[0]
    assert duties.name == "duties" and duties.values[0][0] == 1.0 and round(duties.values[0][2], 2) == 0.91
    # alike posts side by side (the teaching assistants, then the office manager), or as given
    assert duties.order == "similarity" and [p.id for p in duties.posts] == ["P01", "P04", "P02", "P03", "P05"]
    as_given = nway_report(compare_many(_posts()), "input").matrices[0]
    assert [p.id for p in as_given.posts] == ["P01", "P02", "P03", "P04", "P05"] and round(as_given.values[0][1], 2) == 0.91


def test_a_new_column_is_one_edit_and_every_format_shows_it(monkeypatch):
    made_pair, made_nway = pair_rows.pair_report, nway_rows.nway_report

    def with_why(c) -> PairReport:
        r = made_pair(c)
        t = r.sections[0].tables[0]
        t.columns.append(Column("note", "note"))
        t.rows = [row + (f"a note on {row[2].id}",) for row in t.rows]
        return r

    def with_rank(r, order="similarity", **kw) -> NwayReport:
        rep = made_nway(r, order, **kw)
        rep.posts.columns.append(Column("rank", "rank", numeric=True))
        rep.posts.rows = [row + (k,) for k, row in enumerate(rep.posts.rows, 1)]
        return rep

    monkeypatch.setattr(pair_rows, "pair_report", with_why)
    monkeypatch.setattr(nway_rows, "nway_report", with_rank)
    c, many = _pair(), compare_many(_posts())
    md = render.render_text(c, "markdown")
    assert "| score | kind | A | B | what changed | why paired | note |" in md and " | a note on D001 |" in md
    html = render.render_text(c, "html")
    assert "<th>what changed</th><th>why paired</th><th>note</th></tr>" in html and "<td>a note on D001</td></tr>" in html
    term = render.render_text(c, "terminal", width=200)
    assert "note" in term.splitlines()[next(i for i, line in enumerate(term.splitlines()) if "score" in line)]
    assert "a note on D001" in term
    md = render.render_text(many, "markdown")
    assert "| most like | rank |" in md and "| P04 (100%) | 1 |" in md
    assert '<th>most like (%)</th><th>rank</th></tr>' in render.render_text(many, "html")
    assert '<td class="num">5</td></tr>' in render.render_text(many, "html")
    assert " rank " in render.render_text(many, "terminal", width=200)
    sheet = openpyxl.load_workbook(io.BytesIO(render.render_bytes(c, "xlsx")))["Duties"]
    assert sheet.cell(1, sheet.max_column).value == "Note" and sheet.cell(2, sheet.max_column).value == "a note on D001"
    sheet = openpyxl.load_workbook(io.BytesIO(render.render_bytes(many, "xlsx")))["Posts"]
    assert "Rank" in [c.value for c in sheet[1]]


def test_a_new_format_is_one_module_reading_only_the_rows(monkeypatch):
    def tsv(report) -> str:
        out = []
        for t in report.tables():
            out.append(t.key)
            out += ["\t".join(c.title for c in t.columns)] + ["\t".join(text(v) for v in row) for row in t.rows]
        return "\n".join(out) + "\n"

    module = types.ModuleType("jobspec.comparison.render.tsv")
    module.render = tsv
    monkeypatch.setitem(sys.modules, "jobspec.comparison.render.tsv", module)
    monkeypatch.setattr(render, "FORMATS", (*render.FORMATS, "tsv"))
    got = render.render_text(_pair(), "tsv").splitlines()
    assert got[:3] == ["post", "detail\tA\tB\t", "Title\tTeaching Assistant\tTA\tdiffers"]
    assert "matched" in got and "score\tkind\tA\tB\twhat changed\twhy paired" in got
    assert ("100.0\tidentical\tD001 Supervise pupils at break and lunchtime\tD001 Supervise pupils at break and "
            "lunchtime.\t—\twords: supervise, pupils, break, lunchtime — concepts: Supervising pupils at break, lunch "
            "and outside lessons") in got
    with pytest.raises(ValueError, match="unknown format 'xml'"):
        render.render_text(_pair(), "xml")


def test_many_posts_show_grade_pay_and_hours_side_by_side():
    a = spec(["Support pupils in class", "Keep records"], post=post(
        title="TA", organisation="Oakfield", grade="Grade 4",
        salary={"text": "£24,790 - £25,183 FTE", "min": 24790, "max": 25183, "currency": "GBP", "period": "year",
                "basis": "fte", "actual_min": 19640, "actual_max": 19951, "pro_rata": True},
        hours={"text": "32.5 hours", "per_week": 32.5, "term_time_only": True, "weeks_per_year": 39}))
    b = spec(["Support pupils in class", "Drive the minibus"], post=post(title="TA", organisation="Riverside"))
    many = compare_many([a, b])
    r = nway_report(many)
    assert [c.key for c in r.details.columns] == ["id", "grade", "salary_min", "salary_max", "period", "basis",
                                                  "actual_min", "actual_max", "hours", "term_time", "weeks", "fte"]
    assert r.details.rows == [
        ("P01", "Grade 4", Money(24790, "GBP"), Money(25183, "GBP"), "year", "fte", Money(19640, "GBP"),
         Money(19951, "GBP"), 32.5, True, 39, None),
        ("P02",) + (None,) * 11]
    assert text(Money(12.5, "GBP")) == "£12.50" and text(Money(30000, "CHF")) == "30,000 CHF"
    # people read them in the posts table; a workbook gets the numbers as well (tests/test_compare_xlsx.py)
    md = render.render_text(many, "markdown")
    assert ("| P01 | TA — Oakfield | a.docx | Grade 4 | £24,790–£25,183 FTE, pro rata | 32.5 a week, term time |"
            in md)
    assert "| P02 | TA — Riverside | a.docx | — | — | — |" in md
    assert "Grade, pay and hours" not in md + render.render_text(many, "html")
