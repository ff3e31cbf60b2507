"""The report as rich renderables for a terminal: every table of the rows laid out as a rich Table.
Document text is always a rich Text, never markup, so "[Name of School]" prints as written."""

from __future__ import annotations

from collections.abc import Callable
from contextvars import ContextVar
from typing import Any

from rich.style import Style
from rich.table import Table as RichTable
from rich.text import Text

from jobspec.comparison.render.heat import HEAT_COLOURS, HEAT_DARK_FROM
from jobspec.comparison.report.nway_rows import Matrix, NwayReport, heat_step
from jobspec.comparison.report.pair_rows import PairReport, PairSection
from jobspec.comparison.report.rows import (
    Column,
    Diff,
    ItemRef,
    Kind,
    PostRef,
    Table,
    Verdict,
    pct,
    show,
)

TERMINAL_MATRIX_MAX = 30  # wider matrices are left to the other formats
POSTS_TABLE_MIN_WIDTH = 80  # narrower, the posts table is a block a post
_MARKS: ContextVar[bool] = ContextVar("marks", default=False)

# The terminal is narrow: per table, rich's options; per column, its own header where the column's
# is too long (None: left out), rich's column options, and a cell made from the whole row where one
# column shows two. A column not named here gets the defaults, by what it holds.
_LINED = {"show_lines": True, "expand": True}
_TABLES: dict[str, dict[str, Any]] = {"post": {}, "matched": _LINED, "splits": _LINED, "possible": _LINED,
                                      "posts": {"expand": True, "padding": (0, 1)}, "near-duplicates": {},
                                      "outliers": {}, "clusters": _LINED}
_RIGHT = {"justify": "right", "no_wrap": True}
_FOLD = {"overflow": "fold"}
_WIDE = {"overflow": "fold", "ratio": 2}
_NARROW = {"overflow": "fold", "ratio": 1}
_COLUMNS: dict[tuple[str, str], tuple[str | None, dict[str, Any], Callable[[dict], Any] | None]] = {
    ("post", "detail"): ("detail", _FOLD, None), ("post", "a"): ("A", _FOLD, None), ("post", "b"): ("B", _FOLD, None),
    ("post", "verdict"): ("", _FOLD, None),
    ("matched", "kind"): ("kind", {"no_wrap": True}, None),
    ("matched", "a"): ("A", _WIDE, None), ("matched", "b"): ("B", _WIDE, lambda r: _with_why(r["b"], r["why"])),
    ("matched", "diff"): (None, {}, None), ("matched", "why"): (None, {}, None),
    ("matched", "changes"): ("changes", _NARROW, lambda r: _styled(r["changes"], "magenta")),
    ("possible", "b"): ("B", _NARROW, lambda r: _with_why(r["b"], r["why"])), ("possible", "why"): (None, {}, None),
    ("posts", "id"): ("id", {"no_wrap": True}, None),
    ("posts", "post"): ("post (file)", {"overflow": "fold", "ratio": 1, "min_width": 16},
                        lambda r: Text(r["post"]).append(f" ({r['file']})", style="dim")),
    ("posts", "file"): (None, {}, None), ("posts", "criteria"): (None, {}, None),
    ("posts", "grade"): ("grade, pay, hours", {"overflow": "fold", "ratio": 1, "min_width": 12},
                         lambda r: Text("\n".join(x for x in (r["grade"], r["pay"], r["hours"]) if x) or "—")),
    ("posts", "pay"): (None, {}, None), ("posts", "hours"): (None, {}, None),
    ("posts", "duties"): ("items", _RIGHT, lambda r: Text(f"{r['duties']}, {r['criteria']}")),
    ("posts", "core"): ("core", _RIGHT, None), ("posts", "unique"): ("unique", _RIGHT, None),
    ("posts", "mean"): ("mean", _RIGHT, None),
    ("posts", "nearest"): ("nearest", _RIGHT,
                           lambda r: Text(f"{r['nearest'].post} {pct(r['nearest'].share)}" if r["nearest"] else "—")),
    ("near-duplicates", "a"): ("posts", {"justify": "left"}, lambda r: Text(f"{r['a'].id} ~ {r['b'].id}")),
    ("near-duplicates", "b"): (None, {}, None), ("near-duplicates", "all"): ("all %", {"justify": "right"}, None),
    ("near-duplicates", "duties"): ("duties %", {"justify": "right"}, None),
    ("near-duplicates", "criteria"): ("criteria %", {"justify": "right"}, None),
    ("outliers", "post"): ("post", {"justify": "left"}, None), ("outliers", "mean"): ("mean %", {"justify": "right"}, None),
    ("outliers", "median"): ("median post's %", {"justify": "right"}, None),
    ("outliers", "nearest"): ("most like", {"justify": "left"}, None),
    ("clusters", "text"): ("", {"overflow": "fold", "ratio": 3}, None),  # the header without its "(…)", below
}
_TITLES = {"posts": "Posts (grade, pay, hours; duties, criteria: all, in the core, unique; mean similarity %; the most "
                    "like)"}
_COUNTED = {"near-duplicates", "outliers"}  # titles that say how many rows there are
_OPTIONAL = {"near-duplicates", "outliers"}  # left out when empty (other tables say "none")
_NOTED = {"clusters"}  # say how many rows were left out


def renderables(report: PairReport | NwayReport, width: int | None = None, *, marks: bool = False) -> list:
    """The report as rich renderables for a console ``width`` characters wide (it decides whether
    the similarity matrices fit). With ``marks`` (a console without colour), a rewording's words are
    also marked as text: ``[-A's only-]`` and ``{+B's only+}``, as wdiff writes them."""
    token = _MARKS.set(marks)
    try:
        return _nway(report, width) if isinstance(report, NwayReport) else _pair(report)
    finally:
        _MARKS.reset(token)


def _pair(r: PairReport) -> list:
    out: list = [Text.assemble(("A: ", "bold"), r.a), Text.assemble(("B: ", "bold"), r.b)]
    out += [Text(line, style="bold cyan") for line in r.summary]
    if r.post is not None:
        out.append(_table(r.post))
    for s in r.sections:
        out += _section(s)
    out.append(Text(f"Settings: {r.settings}", style="dim"))
    return out


def _section(s: PairSection) -> list:
    out: list = [Text(""), Text(s.title.upper(), style="bold underline"), Text(s.summary, style="cyan")]
    out += [_table(t) for t in s.tables]
    for lst in s.only:
        out.append(Text(lst.title, style=f"bold {'red' if lst.key == 'only_a' else 'green'}"))
        out += _items(lst.items)
    return out


def _items(items: list[ItemRef], *, dim_id_only: bool = False) -> list:
    """Bulleted items; the two-post report has always dimmed the whole item, the N-way report its id."""
    out = []
    for it in items:
        line = Text("  • ")
        line.append_text(Text.assemble((it.id + " ", "dim"), it.text) if dim_id_only else _cell(it))
        if it.level is not None:
            line.append(f" ({it.level})", style="dim")
        out.append(line)
    return out


def _nway(r: NwayReport, width: int | None) -> list:
    out: list = [Text(line, style="bold cyan" if k == 0 else "cyan") for k, line in enumerate(r.summary)]
    out += _post_blocks(r.posts) if width is not None and width < POSTS_TABLE_MIN_WIDTH else [_table(r.posts)]
    for m in r.matrices:
        out.append(_matrix(m, width))
    for t in (r.near_duplicates, r.outliers, *r.clusters):
        out += _table_or_none(t)
    if r.unique:
        out += [Text(""), Text("UNIQUE TO ONE POST (grouped with no other post)", style="bold underline")]
    for u in r.unique:
        out.append(Text(f"{u.post.id} {u.post.label}", style="bold"))
        out += _items(u.duties + u.criteria, dim_id_only=True)
    out.append(Text(f"Settings: {r.settings}", style="dim"))
    return out


def _post_blocks(t: Table) -> list:
    """The posts table for a narrow terminal: a post a block, its name on a line of its own (in a
    table its eight columns would cut names to a few letters a line)."""
    out: list = [Text(_TITLES["posts"].split(" (")[0], style="bold")]
    for r in t.records():
        out.append(Text.assemble((r["id"] + " ", "bold"), r["post"], (f" ({r['file']})", "dim")))
        facts = [", ".join(x for x in (r["grade"], r["pay"], r["hours"]) if x) or "grade, pay, hours not stated",
                 f"duties, criteria {r['duties']}, {r['criteria']}; in the core {_cell(r['core']).plain}; "
                 f"unique {_cell(r['unique']).plain}",
                 f"mean similarity {_cell(r['mean']).plain}%" + (f"; most like {r['nearest'].post} "
                                                                 f"{pct(r['nearest'].share)}%" if r["nearest"] else "")]
        out += [Text("  " + f, style="dim" if k == 0 and not any((r["grade"], r["pay"], r["hours"])) else "")
                for k, f in enumerate(facts)]
    return out


def _group(t: Table) -> str:
    return "clusters" if t.key.startswith(("core-", "shared-")) else t.key


def _table_or_none(t: Table) -> list:
    if not t.rows:
        return [] if _group(t) in _OPTIONAL else [Text(t.title + ": none", style="bold")]
    out = [_table(t)]
    if t.more and _group(t) in _NOTED:
        out.append(Text(t.more_note, style="dim"))
    return out


def _table(t: Table) -> RichTable:
    group = _group(t)
    title = _TITLES.get(group, t.title)
    if group in _COUNTED:
        title += f" ({len(t.rows) + t.more})"
    table = RichTable(title=title, title_justify="left", **_TABLES.get(group, _LINED))
    shown: list[tuple[Column, Callable[[dict], Any] | None]] = []
    for c in t.columns:
        header, options, make = _COLUMNS.get((group, c.key), (c.title, _default(c), None))
        if header is None:
            continue
        if group == "clusters" and c.key == "text":
            header = c.title.split(" (")[0]  # "duty (the most common wording)" -> "duty"
        table.add_column(header, **options)
        shown.append((c, make))
    for row in t.records():
        table.add_row(*[make(row) if make else _cell(row[c.key], c) for c, make in shown])
    return table


def _default(c: Column) -> dict[str, Any]:
    return _RIGHT if c.numeric else _NARROW


def _with_why(item: ItemRef, why: str | None) -> Text:
    """B's item with, on a dim line below it, why the pair was made (no room for a column)."""
    t = _cell(item)
    if why:
        t.append("\nwhy: " + why, style="dim italic")
    return t


def _styled(v: str | None, style: str) -> Text:
    return Text(v or "—", style=style if v else "dim")


def _item(v: ItemRef) -> Text:
    t = Text(v.id + " ", style="dim")  # the base style: the whole item is dim, its marked words on top
    t.append_text(Text(v.text) if v.words is None else _words(v.words))
    return t


def _verdict(v: Verdict) -> Text:
    mark = Text("same", style="green") if v.same else Text("differs", style="bold yellow")
    if v.note:
        mark.append(f" ({v.note})", style="dim")
    return mark


_CELLS: dict[type, Callable[[Any], Text]] = {
    ItemRef: _item, Verdict: _verdict, PostRef: lambda v: Text(f"{v.id} {v.label}"),
    Kind: lambda v: Text(v.value, style="green" if v.value == "identical" else "yellow"),
    Diff: lambda v: _words(tuple((op["op"], op["text"]) for op in v.ops)),
}


def _cell(v: Any, column: Column | None = None) -> Text:
    if isinstance(v, str) and column is not None and column.muted:
        return Text(v, style="dim")
    return show(v, _CELLS, Text, Text("\n").join)


def _words(words: tuple[tuple[str, str], ...]) -> Text:
    marks = _MARKS.get()
    t = Text()
    for op, w in words:
        if marks and op != "equal":
            w = f"[-{w}-]" if op == "delete" else f"{{+{w}+}}"
        t.append(("" if not t.plain else " ") + w,
                 style="red strike" if op == "delete" else "green" if op == "insert" else "")
    return t


def _matrix(m: Matrix, width: int | None):
    n = len(m.posts)
    id_width = len(m.posts[0].id) if m.posts else 3
    if n > TERMINAL_MATRIX_MAX or (width is not None and (n + 1) * (id_width + 2) + 1 > width):
        return Text(f"Similarity of {m.name}: {n} posts make a matrix too wide for this terminal; see --format "
                    "html (a heat map), markdown or json (matrix).", style="dim")
    t = RichTable(title=f"Similarity of {m.name} (% of items matched)", title_justify="left", show_lines=False,
                  padding=(0, 0), collapse_padding=True)
    t.add_column("", no_wrap=True)
    for p in m.posts:
        t.add_column(p.id, justify="right", no_wrap=True)
    for i, p in enumerate(m.posts):
        cells: list = [p.id]
        for j, v in enumerate(m.values[i]):
            if i == j or v is None:
                cells.append(Text(" —", style="dim"))
                continue
            k = heat_step(v)
            style = Style(bgcolor=HEAT_COLOURS[k], color="white" if k >= HEAT_DARK_FROM else "black")
            cells.append(Text(f" {pct(v):>3}", style=style))
        t.add_row(*cells)
    return t
