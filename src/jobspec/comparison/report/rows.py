"""The row model: what a comparison report says, made once, as plain rows, for every format.

:func:`~jobspec.comparison.report.pair_rows.pair_report` (two posts) and
:func:`~jobspec.comparison.report.nway_rows.nway_report` (many posts) turn the engine's results into
a report object of named parts: lines of text, :class:`Table` objects, item lists and similarity
matrices. Every renderer in :mod:`jobspec.comparison.render` (terminal, markdown, html) only lays
those parts out; none of them reads the engine's results, counts, or words a sentence of its own
about the comparison.

A :class:`Table` has a ``key`` (``matched``, ``posts``, ``core-duties``: what a format can key its
layout and anchors on), a ``title``, :class:`Column` objects and rows with one cell per column. A cell
is one of:

- ``str``: text, a document's or a label, shown as written (each format escapes it);
- ``None``, ``bool``, ``int``, ``float``: a value, shown by :func:`value` (``—``, yes/no, 24,000);
- :class:`Score` (0-100, one decimal), :class:`Share` (0-1, a whole percentage), :class:`Counts`
  (duties and criteria), :class:`OutOf` (``18/20``), :class:`Kind` (identical or reworded),
  :class:`Verdict` (same or differs, with a note), :class:`Diff` (a word diff);
- :class:`ItemRef`: a duty or criterion (a tuple of them for one side of a split);
- :class:`PostRef` and :class:`Nearest`: a post of many, and the post most like another;
- :class:`Money`: an amount of pay in its currency (``£24,790``);
- :class:`FileRef`: a file's path as given (text), with a ``file://`` URL where it is a local file.

A spreadsheet reads the typed cells as numbers and text; a human format writes each type its own
way. Adding a column is one :class:`Column` and one cell per row where the table is built, and every
format shows it; adding a format is one module that lays out the parts. Formats that predate the
row model keep their own headers and a few merged columns (the terminal is narrow) in small layout
tables of their own; a new column needs none of that.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class Column:
    """``key`` names the column for machines; ``title`` is its header. ``numeric`` columns hold
    numbers (right-aligned); ``muted`` ones secondary detail (shown dimmed)."""

    key: str
    title: str
    numeric: bool = False
    muted: bool = False


@dataclass(slots=True)
class Table:
    """Rows of cells under columns. ``more`` rows were left out (the JSON report has them all);
    ``empty`` says what an empty table means."""

    key: str
    title: str
    columns: list[Column]
    rows: list[tuple[Any, ...]] = field(default_factory=list)
    more: int = 0
    more_note: str = ""
    empty: str = ""

    def records(self) -> list[dict[str, Any]]:
        """Each row as a mapping from column key to cell."""
        keys = [c.key for c in self.columns]
        return [dict(zip(keys, row, strict=True)) for row in self.rows]


@dataclass(frozen=True, slots=True)
class ItemRef:
    """A duty or criterion. ``level`` is a criterion's, where the report shows it; ``words`` marks, for
    one side of a reworded match, each run of its words as ``equal``, or as ``delete`` (A's only) /
    ``insert`` (B's only); ``at`` is where in its document it was read ("page 2, table 1 row 3")."""

    id: str
    text: str
    level: str | None = None
    words: tuple[tuple[str, str], ...] | None = None
    at: str | None = None


@dataclass(slots=True)
class ItemList:
    key: str  # only_a, only_b
    title: str
    items: list[ItemRef]


@dataclass(frozen=True, slots=True)
class Score:
    value: float  # 0-100


@dataclass(frozen=True, slots=True)
class Share:
    value: float | None  # 0-1; None: nothing to compare


@dataclass(frozen=True, slots=True)
class Counts:
    duties: int
    criteria: int


@dataclass(frozen=True, slots=True)
class OutOf:
    count: int
    total: int


@dataclass(frozen=True, slots=True)
class Kind:
    value: str  # identical | reworded


@dataclass(frozen=True, slots=True)
class Verdict:
    same: bool
    note: str | None = None


@dataclass(frozen=True, slots=True)
class Diff:
    """Runs of ``{"op": "equal"|"delete"|"insert", "text": ...}`` (see engine.diff.word_diff)."""

    ops: tuple[dict[str, str], ...]

    def marked(self, delete: str, insert: str, escape: Callable[[str], str] = str) -> str:
        """The runs joined by spaces, A's words in ``delete`` and B's in ``insert`` (format strings)."""
        return " ".join(delete.format(escape(op["text"])) if op["op"] == "delete" else
                        insert.format(escape(op["text"])) if op["op"] == "insert" else escape(op["text"])
                        for op in self.ops)


@dataclass(frozen=True, slots=True)
class PostRef:
    id: str  # P01
    label: str  # title — organisation


class FileRef(str):
    """A file's path as it was given (the text every format shows), with ``url``: its ``file://``
    URL where it names a file on this computer (None otherwise: a format shows the text alone)."""

    url: str | None

    def __new__(cls, path: str, url: str | None = None) -> FileRef:
        obj = super().__new__(cls, path)
        obj.url = url
        return obj


def file_ref(path: str | None, base: str | None = None) -> FileRef | None:
    """``path`` (relative to the folder of ``base`` when it is relative and ``base`` is given) with its
    ``file://`` URL when it is a file here; None for no path."""
    if not path:
        return None
    from pathlib import Path

    if "://" in path:
        return FileRef(path)
    p = Path(path)
    if not p.is_absolute() and base:
        p = Path(base).parent / p
    try:
        url = p.resolve().as_uri() if p.is_file() else None
    except (OSError, ValueError):
        url = None
    return FileRef(path, url)


@dataclass(frozen=True, slots=True)
class Nearest:
    post: str
    share: float


@dataclass(frozen=True, slots=True)
class Money:
    amount: float
    currency: str | None = None  # GBP when the document does not say

    def __str__(self) -> str:
        sym = {"GBP": "£", "EUR": "€", "USD": "$"}.get(self.currency or "GBP")
        num = f"{self.amount:,.0f}" if float(self.amount).is_integer() else f"{self.amount:,.2f}"
        return f"{sym}{num}" if sym else f"{num} {self.currency}"


def value(v: Any) -> str:
    """A plain value as every format shows it: ``—`` for none, yes/no, 24,000, 32.5."""
    if v is None:
        return "—"
    if isinstance(v, bool):
        return "yes" if v else "no"
    if isinstance(v, float) and v.is_integer():
        v = int(v)
    if isinstance(v, int) and abs(v) >= 1000:
        return f"{v:,}"
    return str(v)


def pct(v: float | None) -> str:
    """A share as a whole percentage ("62"), or "—" when there is none."""
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return "—"
    return f"{round(v * 100):d}"


_TEXT: dict[type, Callable[[Any], str]] = {
    Score: lambda c: f"{c.value:.1f}", Share: lambda c: pct(c.value), Counts: lambda c: f"{c.duties}, {c.criteria}",
    OutOf: lambda c: f"{c.count}/{c.total}", Kind: lambda c: c.value, Nearest: lambda c: f"{c.post} ({pct(c.share)}%)",
    PostRef: lambda c: c.id, ItemRef: lambda c: f"{c.id} {c.text}", Money: str,
    Verdict: lambda c: ("same" if c.same else "differs") + (f" ({c.note})" if c.note else ""),
    Diff: lambda c: c.marked("[-{}-]", "{{+{}+}}"),  # wdiff's marks: [-A's words-] {+B's words+}
}


def text(cell: Any) -> str:
    """A cell as plain text: what a format without markup of its own shows."""
    if isinstance(cell, tuple):
        return "\n".join(text(x) for x in cell)
    make = _TEXT.get(type(cell))
    return make(cell) if make else value(cell)


def show(cell: Any, formatters: Mapping[type, Callable[[Any], Any]], plain: Callable[[Any], Any],
         join: Callable[[list[Any]], Any]) -> Any:
    """A cell in a format: its type's formatter if the format has one, else ``plain`` of its plain
    text; the items of a tuple (one side of a split) each so, then joined."""
    if isinstance(cell, tuple):
        return join([show(x, formatters, plain, join) for x in cell])
    make = formatters.get(type(cell))
    return make(cell) if make else plain(text(cell))


def diff_words(ops: list[dict[str, str]]) -> tuple[tuple[tuple[str, str], ...], tuple[tuple[str, str], ...]]:
    """The ``words`` of A's and of B's side of a reworded match, from its word diff."""
    a = tuple((op["op"], op["text"]) for op in ops if op["op"] in ("equal", "delete"))
    b = tuple((op["op"], op.get("text_b", op["text"])) for op in ops if op["op"] in ("equal", "insert"))
    return a, b
