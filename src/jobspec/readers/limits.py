"""Limits that bound a reader's memory on hostile files. Real documents stay far below each one;
a file past one is refused with a message that names the limit."""

from __future__ import annotations

MAX_LIST_VALUE = 1_000_000  # a list counter: w:start, w:startOverride, or items counted
MAX_MARKER_CHARS = 64  # a list marker, and the pattern it is made from (w:lvlText)
MAX_GRID_COLUMNS = 1_000  # grid columns of one table (Word itself allows 63)
MAX_TABLE_CELLS = 1_000_000  # grid cells (rows x columns) of one table
MAX_PDF_STREAM_BYTES = 64 * 1024 * 1024  # one PDF stream once decompressed
MAX_PDF_INFLATED_BYTES = 256 * 1024 * 1024  # all of one PDF's streams once decompressed
MAX_PDF_PAGE_CHARS = 100_000  # characters drawn on one PDF page (a dense page has about 5,000)
MAX_PDF_CHARS = 2_000_000  # characters drawn in a whole PDF (pages x content)


class LimitExceeded(Exception):  # noqa: N818 - it reads as a statement where it is raised
    """A file goes past one of the limits above; ``reason`` is the one-line refusal."""

    def __init__(self, reason: str) -> None:
        self.reason = reason
        super().__init__(reason)


def check(value: int, limit: int, what: str) -> None:
    """Raise :class:`LimitExceeded` when ``value`` is past ``limit``: ``what`` names the value as ``{n}``,
    e.g. "a table cell spans {n} grid columns" gives "... spans 2,000 grid columns; the limit is 1,000"."""
    if value > limit:
        raise LimitExceeded(f"{what.format(n=f'{value:,}')}; the limit is {limit:,}")


def mb(n: int) -> str:
    return f"{n // (1024 * 1024):,} MB"
