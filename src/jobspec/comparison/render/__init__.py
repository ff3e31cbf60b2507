"""Renderers keyed by format name, one module each: terminal, markdown, html, json, xlsx.

The human formats lay out the rows of :mod:`jobspec.comparison.report` (made here, once per
report); json writes the JSON contract. A new format is a module here with a ``render(rows)``
function, and its name in :data:`FORMATS` (and in :data:`BINARY`, when it gives bytes: xlsx).
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from jobspec.comparison.engine.pair import Comparison
    from jobspec.comparison.nway.many import NWay
    from jobspec.comparison.report.nway_rows import NwayReport
    from jobspec.comparison.report.pair_rows import PairReport

FORMATS = ("terminal", "markdown", "html", "json", "xlsx")
BINARY = ("xlsx",)  # formats that are bytes, written only to a file


def rows(result: Comparison | NWay, *, order: str = "similarity", full: bool = False) -> PairReport | NwayReport:
    """The report's rows for a two-post or an N-way comparison; ``order`` the N-way matrices' posts:
    "similarity" (alike posts together) or "input" (as given); ``full``: every row of the long N-way
    lists, which a page cuts short."""
    from jobspec.comparison.nway.many import NWay

    if isinstance(result, NWay):
        from jobspec.comparison.report.nway_rows import nway_report

        return nway_report(result, order, full=full)
    from jobspec.comparison.report.pair_rows import pair_report

    return pair_report(result)


def renderables(result: Comparison | NWay, width: int | None = None, *, marks: bool = False,
                order: str = "similarity") -> list:
    """The report as rich renderables (tables and text, document text never read as markup) for a
    console ``width`` characters wide; ``marks`` for a console without colour (reworded words
    marked as text too)."""
    from jobspec.comparison.render.terminal import renderables as terminal

    return terminal(rows(result, order=order), width, marks=marks)


def render_text(result: Comparison | NWay, fmt: str, *, width: int = 120, order: str = "similarity") -> str:
    """The report as text in ``fmt``; ``terminal`` gives the tables as plain text (no colour).
    ``order``: see :func:`rows` (the JSON report keeps the posts as given)."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}")
    if fmt in BINARY:
        raise ValueError(f"{fmt} is not text: use render_bytes")
    if fmt == "json":
        from jobspec.comparison.render.json import render

        return render(result)
    if fmt == "terminal":
        import io

        from rich.console import Console

        buf = io.StringIO()
        con = Console(file=buf, width=width, markup=False, emoji=False, highlight=False, color_system=None)
        for r in renderables(result, width, marks=True, order=order):
            con.print(r)
        return buf.getvalue()
    return import_module(f"{__name__}.{fmt}").render(rows(result, order=order))


def render_bytes(result: Comparison | NWay, fmt: str, *, order: str = "similarity") -> bytes:
    """The report as a file's bytes: ``xlsx`` (an Excel workbook), or any text format as UTF-8."""
    if fmt not in BINARY:
        return render_text(result, fmt, order=order).encode("utf-8")
    return import_module(f"{__name__}.{fmt}").render(rows(result, order=order, full=True))
