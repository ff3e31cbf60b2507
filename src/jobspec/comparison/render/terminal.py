"""The comparison as rich renderables for a terminal. Document text is always a rich Text,
never markup, so "[Name of School]" prints as written."""

from __future__ import annotations

from contextvars import ContextVar

from jobspec.comparison.engine.pair import Comparison, Section
from jobspec.comparison.report.pair_rows import (
    FIELD_LABELS,
    changes_text,
    post_name,
    settings_line,
    summary_line,
    value,
    why_text,
)

_MARKS: ContextVar[bool] = ContextVar("marks", default=False)


def renderables(c: Comparison, *, marks: bool = False) -> list:
    """The report as rich renderables. With ``marks`` (a console without colour), a rewording's
    words are also marked as text: ``[-A's only-]`` and ``{+B's only+}``, as wdiff writes them."""
    token = _MARKS.set(marks)
    try:
        return _renderables(c)
    finally:
        _MARKS.reset(token)


def _renderables(c: Comparison) -> list:
    from rich.table import Table
    from rich.text import Text

    out: list = []
    out.append(Text.assemble(("A: ", "bold"), post_name(c, "a")))
    out.append(Text.assemble(("B: ", "bold"), post_name(c, "b")))
    for s in (c.duties, c.criteria):
        out.append(Text(summary_line(s), style="bold cyan"))
    if c.post:
        t = Table(title="Post details", title_justify="left", show_lines=False, expand=False)
        for col in ("detail", "A", "B", ""):
            t.add_column(col, overflow="fold")
        for r in c.post:
            mark = Text("same", style="green") if r["same"] else Text("differs", style="bold yellow")
            if r.get("note"):
                mark.append(f" ({r['note']})", style="dim")
            t.add_row(Text(FIELD_LABELS.get(r["field"], r["field"])), Text(value(r["a"])), Text(value(r["b"])), mark)
        out.append(t)
    for s in (c.duties, c.criteria):
        out += _section(s)
    out.append(Text(f"Settings: {settings_line(c)}", style="dim"))
    return out


def _texts(ops: list[dict[str, str]]):
    from rich.text import Text

    a, b = Text(), Text()
    marks = _MARKS.get()
    for op in ops:
        if op["op"] in ("equal", "delete"):
            w = f"[-{op['text']}-]" if marks and op["op"] == "delete" else op["text"]
            a.append(("" if not a.plain else " ") + w, style="red strike" if op["op"] == "delete" else "")
        if op["op"] in ("equal", "insert"):
            w = op.get("text_b", op["text"])
            w = f"{{+{w}+}}" if marks and op["op"] == "insert" else w
            b.append(("" if not b.plain else " ") + w, style="green" if op["op"] == "insert" else "")
    return a, b


def _with_why(tb, why: dict):
    """B's item with, on a dim line below it, why the pair was made (no room for a column)."""
    line = why_text(why)
    if line:
        tb.append("\nwhy: " + line, style="dim italic")
    return tb


def _id_text(it, body=None):
    from rich.text import Text

    t = Text(it.id + " ", style="dim")
    t.append_text(body if body is not None else Text(it.text))
    return t


def _section(s: Section) -> list:
    from rich.table import Table
    from rich.text import Text

    crit = s.name == "criteria"
    out: list = [Text(""), Text(s.name.upper(), style="bold underline"), Text(summary_line(s), style="cyan")]
    if s.matched:
        t = Table(title=f"Matched ({len(s.matched)})", title_justify="left", show_lines=True, expand=True)
        t.add_column("score", justify="right", no_wrap=True)
        t.add_column("kind", no_wrap=True)
        t.add_column("A", overflow="fold", ratio=2)
        t.add_column("B", overflow="fold", ratio=2)
        if crit:
            t.add_column("changes", overflow="fold", ratio=1)
        for m in s.matched:
            if m.kind == "identical":
                ta, tb = Text(m.a.text), Text(m.b.text)
            else:
                ta, tb = _texts(m.diff)
            row = [f"{m.score:.1f}", Text(m.kind, style="green" if m.kind == "identical" else "yellow"),
                   _id_text(m.a, ta), _with_why(_id_text(m.b, tb), m.why)]
            if crit:
                row.append(Text(changes_text(m.changes) or "—", style="magenta" if changes_text(m.changes) else "dim"))
            t.add_row(*row)
        out.append(t)
    if s.splits:
        t = Table(title=f"One item covering several ({len(s.splits)})", title_justify="left", show_lines=True, expand=True)
        t.add_column("score", justify="right", no_wrap=True)
        t.add_column("A", overflow="fold", ratio=1)
        t.add_column("B", overflow="fold", ratio=1)
        for sp in s.splits:
            many = Text("\n").join(_id_text(p) for p in sp.parts)
            one = _id_text(sp.one)
            t.add_row(f"{sp.score:.1f}", one if sp.side == "a" else many, many if sp.side == "a" else one)
        out.append(t)
    if s.possible:
        t = Table(title=f"Possible matches, not counted ({len(s.possible)})", title_justify="left", show_lines=True,
                  expand=True)
        t.add_column("score", justify="right", no_wrap=True)
        t.add_column("A", overflow="fold", ratio=1)
        t.add_column("B", overflow="fold", ratio=1)
        for p in s.possible:
            t.add_row(f"{p.score:.1f}", _id_text(p.a), _with_why(_id_text(p.b), p.why))
        out.append(t)
    for label, items, style in (("Only in A", s.only_a, "red"), ("Only in B", s.only_b, "green")):
        if items:
            out.append(Text(f"{label} ({len(items)})", style=f"bold {style}"))
            for it in items:
                line = Text("  • ")
                line.append_text(_id_text(it))
                if crit:
                    line.append(f" ({it.ref.level})", style="dim")
                out.append(line)
    return out
