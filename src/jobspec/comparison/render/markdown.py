"""The report as Markdown: the rows' tables as pipe tables, under headings. Every piece of document
text is escaped, so a job pack cannot inject links, HTML or table breaks into the report."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from jobspec.comparison.report.nway_rows import MATRIX_NOTE, Matrix, NwayReport
from jobspec.comparison.report.pair_rows import PairReport, PairSection
from jobspec.comparison.report.rows import Diff, ItemRef, Kind, PostRef, Table, Verdict, pct, show, text

MARKDOWN_MATRIX_MAX = 100  # larger matrices are left to the JSON report and the HTML heat map

_MD_SPECIAL = re.compile(r"([\\`*_\[\]|~])")
_ENTITY_START = re.compile(r"&(?=#?[0-9A-Za-z]+;)")


def md(text: str) -> str:
    """Escape text for a Markdown table cell or line: entities for < >, and for an & that would
    start an entity ("&amp;" as written), backslashes for the rest; "Health & Safety" stays as it is."""
    t = _ENTITY_START.sub("&amp;", text).replace("<", "&lt;").replace(">", "&gt;")
    t = _MD_SPECIAL.sub(r"\\\1", t)
    return re.sub(r"\s+", " ", t).strip()


def render(report: PairReport | NwayReport) -> str:
    return "\n".join(_nway(report) if isinstance(report, NwayReport) else _pair(report))


def _pair(r: PairReport) -> list[str]:
    lines = [f"# Comparison: {md(r.titles[0])} vs {md(r.titles[1])}", ""]
    lines += [f"- **A**: {md(r.a)}", f"- **B**: {md(r.b)}", ""]
    lines += [f"- {md(line)}" for line in r.summary] + [""]
    if r.post is not None:
        lines += [f"## {r.post.title}", ""] + _table(r.post) + [""]
    for s in r.sections:
        lines += _section(s)
    lines += ["## Settings", "", md(r.settings) + ".",
              "Scores are 0–100; a match needs the threshold, a possible match the lower bound. "
              "In the diffs ~~struck~~ words are A's only and **bold** words B's only.", ""]
    return lines


def _section(s: PairSection) -> list[str]:
    out = [f"## {s.title}", "", md(s.summary) + ".", ""]
    for t in s.tables:
        out += [f"### {t.title}", ""] + _table(t) + [""]
    for lst in s.only:
        out += [f"### {lst.title}", ""] + _items(lst.items) + [""]
    return out


def _items(items: list[ItemRef]) -> list[str]:
    return [f"- {_cell(it)}" + (f" *({md(it.level)})*" if it.level is not None else "") for it in items]


def _nway(r: NwayReport) -> list[str]:
    out = [f"# {r.title}", ""] + [f"- {md(line)}" for line in r.summary] + [""]
    out += [f"## {r.posts.title}", ""] + _table(r.posts) + [""]
    for m in r.matrices:
        out += _matrix(m)
    for t in (r.near_duplicates, r.outliers, *r.clusters):
        out += [f"## {t.title}", ""] + _block(t) + [""]
    out += ["## Unique to one post", "", "Items grouped with no item of another post.", ""]
    for u in r.unique:
        out += [f"### {u.post.id} {md(u.post.label)}", ""] + _items(u.duties + u.criteria) + [""]
    out += ["## Settings", "", md(r.settings) + ".", ""]
    return out


def _block(t: Table) -> list[str]:
    """A table, or what its emptiness means, and how many rows were left out."""
    if not t.rows:
        return [t.empty]
    return _table(t) + (["", t.more_note + "."] if t.more else [])


def _table(t: Table) -> list[str]:
    head = "|" + "|".join(f" {c.title} " if c.title else " " for c in t.columns) + "|"
    return [head, "|" + "---|" * len(t.columns)] + ["| " + " | ".join(_cell(v) for v in row) + " |" for row in t.rows]


_CELLS: dict[type, Callable[[Any], str]] = {
    ItemRef: lambda v: f"`{md(v.id)}` {md(v.text)}",
    Verdict: lambda v: ("same" if v.same else "**differs**") + (f" ({md(v.note)})" if v.note else ""),
    Diff: lambda v: v.marked("~~{}~~", "**{}**", md), Kind: text, PostRef: text,
}


def _cell(v: Any) -> str:
    return show(v, _CELLS, md, "<br>".join)


def _matrix(m: Matrix) -> list[str]:
    n = len(m.posts)
    out = [f"## Similarity of {m.name} (%)", ""]
    if n > MARKDOWN_MATRIX_MAX:
        return out + [f"{n} posts are too many for a table: the matrix is in the JSON report (`matrix.{m.name}`) "
                      "and the HTML report's heat map.", ""]
    out += [md(MATRIX_NOTE), ""]
    out.append("| | " + " | ".join(p.id for p in m.posts) + " |")
    out.append("|---|" + "---|" * n)
    for i, p in enumerate(m.posts):
        cells = ["—" if i == j or v is None else pct(v) for j, v in enumerate(m.values[i])]
        out.append(f"| **{p.id}** | " + " | ".join(cells) + " |")
    return out + [""]
