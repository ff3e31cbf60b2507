"""Renderers keyed by format name: terminal, markdown, html, json; for two posts or for many."""

from __future__ import annotations

import json

from jobspec.comparison.engine.pair import Comparison
from jobspec.comparison.nway.many import NWay

FORMATS = ("terminal", "markdown", "html", "json")


def renderables(c: Comparison | NWay, width: int | None = None, *, marks: bool = False) -> list:
    """The report as rich renderables (tables and text, document text never read as markup) for a
    console ``width`` characters wide; ``marks`` for a console without colour (reworded words
    marked as text too)."""
    if isinstance(c, NWay):
        from jobspec.comparison.render.nway_terminal import renderables as nway_renderables

        return nway_renderables(c, width)
    from jobspec.comparison.render.terminal import renderables as pair_renderables

    return pair_renderables(c, marks=marks)


def render_text(c: Comparison | NWay, fmt: str, *, width: int = 120) -> str:
    """The report as text in ``fmt``; ``terminal`` gives the tables as plain text (no colour)."""
    nway = isinstance(c, NWay)
    if fmt == "json":
        if nway:
            from jobspec.comparison.report.nway_json import to_dict as nway_dict

            return json.dumps(nway_dict(c), ensure_ascii=False, indent=2) + "\n"
        from jobspec.comparison.report.pair_json import to_dict

        return json.dumps(to_dict(c), ensure_ascii=False, indent=2) + "\n"
    if fmt == "markdown":
        if nway:
            from jobspec.comparison.render.nway_markdown import render as nway_markdown

            return nway_markdown(c)
        from jobspec.comparison.render.markdown import render

        return render(c)
    if fmt == "html":
        if nway:
            from jobspec.comparison.render.nway_html import render as nway_html

            return nway_html(c)
        from jobspec.comparison.render.html import render

        return render(c)
    if fmt == "terminal":
        import io

        from rich.console import Console

        buf = io.StringIO()
        con = Console(file=buf, width=width, markup=False, emoji=False, highlight=False, color_system=None)
        for r in renderables(c, width, marks=True):
            con.print(r)
        return buf.getvalue()
    raise ValueError(f"unknown format {fmt!r}")
