"""Renderers keyed by format name: terminal, markdown, html, json."""

from __future__ import annotations

import json

from jobspec.compare.engine import Comparison

FORMATS = ("terminal", "markdown", "html", "json")


def render_text(c: Comparison, fmt: str, *, width: int = 120) -> str:
    """The report as text in ``fmt``; ``terminal`` gives the tables as plain text (no colour)."""
    if fmt == "json":
        from jobspec.compare.report import to_dict

        return json.dumps(to_dict(c), ensure_ascii=False, indent=2) + "\n"
    if fmt == "markdown":
        from jobspec.compare.render_markdown import render

        return render(c)
    if fmt == "html":
        from jobspec.compare.render_html import render

        return render(c)
    if fmt == "terminal":
        import io

        from rich.console import Console

        from jobspec.compare.render_terminal import renderables

        buf = io.StringIO()
        con = Console(file=buf, width=width, markup=False, emoji=False, highlight=False, color_system=None)
        for r in renderables(c):
            con.print(r)
        return buf.getvalue()
    raise ValueError(f"unknown format {fmt!r}")
