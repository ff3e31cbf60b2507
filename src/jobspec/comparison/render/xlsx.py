"""The report as an Excel workbook: the rows' tables as sheets (written by :mod:`jobspec.sheets`).

Typed cells become typed spreadsheet cells: a score is a number (one decimal), a share a number
shown as a percentage, pay a number in a currency format, counts and "18 of 20" numbers in columns
of their own, a duty or criterion its id and its text in two columns. Document text is always
written as text, never as a formula.

Two posts: ``Summary``, ``Post details`` (field, A, B, differs, note), ``Duties`` and ``Criteria``
(every pair: matched, split or possible), ``Only in A``, ``Only in B``. Many posts: ``Summary``,
``Posts`` (with grade, pay and hours side by side), one similarity matrix per section on a
three-colour scale, ``Core``, ``Shared`` (three posts or more), ``Unique``, ``Near duplicates``,
``Outliers``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from jobspec.comparison.report.nway_rows import MATRIX_NOTE, Matrix, NwayReport
from jobspec.comparison.report.pair_rows import PairReport, PairSection
from jobspec.comparison.report.rows import (
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
    Table,
    Verdict,
    text,
)
from jobspec.sheets import DECIMAL, INT, LONG, MONEY, SCORE, SHARE, TEXT, Col, Sheet, xlsx_bytes
from jobspec.sheets import Money as SheetMoney

LONG_TEXT = 60  # a text column with a cell longer than this is wrapped


def render(report: PairReport | NwayReport) -> bytes:
    sheets = _nway(report) if isinstance(report, NwayReport) else _pair(report)
    return xlsx_bytes(sheets, title=report.title)


# -- two posts -----------------------------------------------------------------------------------------

_PAIR_KEYS = {"kind", "score", "a", "b", "changes", "diff", "why"}
PAIR_COLUMNS = [Col("Kind"), Col("Score", SCORE), Col("A id"), Col("A text", LONG), Col("B id"), Col("B text", LONG)]


def _pair(r: PairReport) -> list[Sheet]:
    summary = Sheet("Summary", [Col("What"), Col("Value", LONG)], [
        ("Comparison", r.title), ("A", r.a), ("B", r.b),
        *[(s.title, line) for s, line in zip(r.sections, r.summary, strict=False)], ("Settings", r.settings)])
    sheets = [summary]
    post = Sheet("Post details", [Col("Field"), Col("A", LONG), Col("B", LONG), Col("Differs"), Col("Note", LONG)])
    if r.post is not None:
        for rec in r.post.records():
            v: Verdict = rec["verdict"]
            post.rows.append((rec["detail"], _plain(rec["a"]), _plain(rec["b"]), not v.same, v.note))
    sheets.append(post)
    only: dict[str, list[tuple]] = {"only_a": [], "only_b": []}
    for s in r.sections:
        sheets.append(_pairs(s))
        for lst in s.only:
            only[lst.key] += [(s.name, it.id, it.text, it.level) for it in lst.items]
    for key, name in (("only_a", "Only in A"), ("only_b", "Only in B")):
        sheets.append(Sheet(name, [Col("Section"), Col("ID"), Col("Text", LONG), Col("Level")], only[key]))
    return sheets


def _pairs(s: PairSection) -> Sheet:
    """Every pair of the section: matched (identical or reworded), split and possible."""
    crit = s.name == "criteria"
    extra = list(dict.fromkeys((c.key, c.title) for t in s.tables for c in t.columns if c.key not in _PAIR_KEYS))
    cols = PAIR_COLUMNS + ([Col("Level, category, assessment change", LONG)] if crit else []) \
        + [Col("What changed (A's words [-…-], B's {+…+})", LONG), Col("Why paired", LONG)] \
        + [Col(title[:1].upper() + title[1:], LONG) for _, title in extra]  # columns added to the row model
    sheet = Sheet(s.title, cols)
    for t in s.tables:
        for rec in t.records():
            kind = rec["kind"].value if isinstance(rec.get("kind"), Kind) else {"splits": "split"}.get(t.key, t.key)
            a_id, a_text = _refs(rec["a"])
            b_id, b_text = _refs(rec["b"])
            row: tuple[Any, ...] = (kind, rec["score"].value, a_id, a_text, b_id, b_text)
            if crit:
                row += (rec.get("changes"),)
            diff = rec.get("diff")
            sheet.rows.append(row + (text(diff) if isinstance(diff, Diff) else None, rec.get("why"))
                              + tuple(_plain(rec.get(key)) for key, _ in extra))
    return sheet


def _refs(cell: ItemRef | tuple[ItemRef, ...]) -> tuple[str, str]:
    items = cell if isinstance(cell, tuple) else (cell,)
    return ", ".join(i.id for i in items), "\n".join(i.text for i in items)


# -- many posts ----------------------------------------------------------------------------------------

def _nway(r: NwayReport) -> list[Sheet]:
    sheets = [Sheet("Summary", [Col("Report", LONG)], [(r.title,), *[(line,) for line in r.summary],
                                                          (f"Settings: {r.settings}.",)])]
    posts_table = r.posts
    if r.details is not None:  # grade, pay and hours as numbers, not the page's text of them
        keep = [k for k, c in enumerate(posts_table.columns) if c.key not in ("grade", "pay", "hours")]
        posts_table = replace(posts_table, columns=[posts_table.columns[k] for k in keep],
                              rows=[tuple(row[k] for k in keep) for row in posts_table.rows])
    posts = table_sheet("Posts", posts_table)
    if r.details is not None:  # beside each post (the same order, without the id again)
        more = table_sheet("", r.details)
        posts.columns += more.columns[1:]
        posts.rows = [tuple(a) + tuple(b[1:]) for a, b in zip(posts.rows, more.rows, strict=True)]
    sheets.append(posts)
    sheets += [_matrix(m) for m in r.matrices]
    clusters = {t.key: t for t in r.clusters}
    for which, name in (("core", "Core"), ("shared", "Shared")):
        tables = [clusters[k] for k in (f"{which}-duties", f"{which}-criteria") if k in clusters]
        if tables:
            sheets.append(_clusters(name, tables))
    sheets.append(Sheet("Unique", [Col("Post"), Col("Title — organisation"), Col("Section"), Col("ID"),
                                   Col("Text", LONG), Col("Level")],
                        [(u.post.id, u.post.label, section, it.id, it.text, it.level)
                         for u in r.unique for section, items in (("duties", u.duties), ("criteria", u.criteria))
                         for it in items]))
    sheets.append(table_sheet("Near duplicates", r.near_duplicates))
    sheets.append(table_sheet("Outliers", r.outliers))
    return sheets


def _matrix(m: Matrix) -> Sheet:
    """The matrix with the posts down and across, the diagonal left empty, on a colour scale."""
    cols = [Col("Post"), Col("Title — organisation")] + [Col(p.id, SHARE) for p in m.posts]
    rows = [(p.id, p.label, *[None if i == j else v for j, v in enumerate(m.values[i])])
            for i, p in enumerate(m.posts)]
    return Sheet(f"{m.name.capitalize()} similarity", cols, rows, freeze=(1, 2), color_scale=True,
                 notes=[MATRIX_NOTE])


def _clusters(name: str, tables: Sequence[Table]) -> Sheet:
    cols = [Col("Section"), Col("Posts", INT), Col("Of", INT), Col("Share", SHARE),
            Col("Text (the most common wording)", LONG), Col("Level"), Col("In", LONG)]
    sheet = Sheet(name, cols)
    for t in tables:
        section = t.key.split("-", 1)[1]
        for rec in t.records():
            n: OutOf = rec["posts"]
            sheet.rows.append((section, n.count, n.total, n.count / n.total if n.total else None, rec["text"],
                               rec.get("level"), rec["in"]))
    return sheet


# -- any table -----------------------------------------------------------------------------------------

# what the cells of a column that spreads over several sheet columns hold, when it has none to look at
_EMPTY_SAMPLE: dict[str, Any] = {"nearest": Nearest("", 0.0), "core": Counts(0, 0), "unique": Counts(0, 0)}


def table_sheet(name: str, t: Table) -> Sheet:
    """A table of the row model as a sheet: each column as one or more sheet columns, by the type of
    its cells (a :class:`Counts` is two numbers, a :class:`Nearest` a post and a share, ...)."""
    spreads = []
    for j, c in enumerate(t.columns):
        sample = next((row[j] for row in t.rows if row[j] is not None), _EMPTY_SAMPLE.get(c.key))
        spreads.append(_spread(c.title, sample, [row[j] for row in t.rows]))
    cols = [col for cs, _ in spreads for col in cs]
    seen = [c.title for c in cols]
    cols = [Col(_title(c.title, seen, t.columns, k), c.kind) for k, c in enumerate(cols)]
    rows = [tuple(v for (cs, cells), cell in zip(spreads, row, strict=True) for v in cells(cell, len(cs)))
            for row in t.rows]
    return Sheet(name, cols, rows, notes=[t.more_note] if t.more else ([t.empty] if not t.rows and t.empty else []))


def _title(title: str, titles: list[str], columns: Sequence[Any], k: int) -> str:
    """A header with a capital, told apart from a column of the same title (``post`` twice: Post A, Post B)."""
    if titles.count(title) > 1:
        title = f"{title} {'AB'[titles[:k].count(title)] if titles.count(title) == 2 else titles[:k].count(title) + 1}"
    return title[:1].upper() + title[1:]


def _spread(title: str, sample: Any, cells: list[Any]):
    """The sheet columns for one column of the row model, and how to turn one of its cells into them."""
    def none_or(f):
        return lambda c, n: (None,) * n if c is None else f(c)

    if isinstance(sample, Counts):
        title = title.split(" (")[0]  # "in the core (duties, criteria)": one column each
        return [Col(f"{title}: duties", INT), Col(f"{title}: criteria", INT)], none_or(lambda c: (c.duties, c.criteria))
    if isinstance(sample, Nearest):
        return [Col(title), Col(f"{title}: similarity", SHARE)], none_or(lambda c: (c.post, c.share))
    if isinstance(sample, OutOf):
        return [Col(title, INT), Col("of", INT)], none_or(lambda c: (c.count, c.total))
    if isinstance(sample, ItemRef | tuple):
        return [Col(f"{title} id"), Col(f"{title} text", LONG)], none_or(_refs)
    if isinstance(sample, Verdict):
        return [Col("differs"), Col("note", LONG)], none_or(lambda c: (not c.same, c.note))
    kind = {Score: SCORE, Share: SHARE, Money: MONEY, int: INT, float: DECIMAL}.get(type(sample), TEXT)
    if kind == TEXT and any(isinstance(c, str) and len(c) > LONG_TEXT for c in cells):
        kind = LONG
    title = title.replace(" %", "")  # a share is shown as a percentage
    return [Col(title, kind)], lambda c, n: (_plain(c),)


def _plain(c: Any) -> Any:
    """A cell as a spreadsheet value: numbers stay numbers, pay keeps its currency, the rest is text."""
    if c is None or isinstance(c, str | bool | int | float):
        return c
    if isinstance(c, Score | Share):
        return c.value
    if isinstance(c, Money):
        return SheetMoney(c.amount, c.currency)
    if isinstance(c, PostRef):
        return c.id
    return text(c)
