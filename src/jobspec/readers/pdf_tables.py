"""Ruled tables in PDFs: finding them, putting characters in their cells, joining page splits.

Tables are found from ruling lines with pdfplumber's table finder, with two repairs: rules that
run off a page (a row split by a page break) get a closing horizontal line at their open ends,
and a lone ruled box (one tall cell, which pdfplumber drops) still counts as a one-cell table.
Fills (cell shading) are not rules and are ignored.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from jobspec.readers.pdf_layout import (
    Char,
    Draft,
    Line,
    continues_text,
    ends_sentence,
    join_lines,
    wraps_short,
)

_SNAP = 3.0
BBox = tuple[float, float, float, float]


@dataclass(slots=True)
class CellBox:
    """One cell on one page, with the characters that fall inside it."""

    x0: float
    top: float
    x1: float
    bottom: float
    chars: list[Char] = field(default_factory=list)
    lines: list[Line] = field(default_factory=list)
    drafts: list[Draft] = field(default_factory=list)
    page: int = 0

    def contains(self, x: float, y: float) -> bool:
        return self.x0 <= x <= self.x1 and self.top <= y <= self.bottom


@dataclass(slots=True)
class RowBox:
    cells: list[CellBox]
    page: int = 0


@dataclass(slots=True)
class TableBox:
    """A table as found on one page; continuations on later pages are appended to ``rows``."""

    bbox: BBox
    rows: list[RowBox]
    page: int
    xs: list[float]  # column boundaries, left to right

    @property
    def top(self) -> float:
        return self.bbox[1]

    @property
    def bottom(self) -> float:
        return self.bbox[3]

    def cells(self) -> Iterable[CellBox]:
        for r in self.rows:
            yield from r.cells

    def has_text(self) -> bool:
        return any(c.chars for c in self.cells())


# ---------------------------------------------------------------------------------------------
# Finding tables


def _edge(orientation: str, x0: float, top: float, x1: float, bottom: float) -> dict[str, Any]:
    return {
        "x0": x0,
        "x1": x1,
        "top": top,
        "bottom": bottom,
        "width": x1 - x0,
        "height": bottom - top,
        "orientation": orientation,
        "object_type": "line_edge",
    }


def ruling_edges(
    lines: Iterable[BBox],
    rects: Iterable[tuple[float, float, float, float, bool]],
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Horizontal and vertical rules from straight lines ``(x0, top, x1, bottom)`` and
    rectangles ``(x0, top, x1, bottom, stroked)``: thin or stroked rectangles are rules, wide
    filled ones are shading and are ignored.
    """
    h: list[dict[str, Any]] = []
    v: list[dict[str, Any]] = []
    for x0, top, x1, bottom in lines:
        if abs(bottom - top) < 1.0 and x1 - x0 >= 3:
            y = (top + bottom) / 2
            h.append(_edge("h", x0, y, x1, y))
        elif abs(x1 - x0) < 1.0 and bottom - top >= 3:
            x = (x0 + x1) / 2
            v.append(_edge("v", x, top, x, bottom))
    for x0, top, x1, bottom, stroked in rects:
        w, hgt = x1 - x0, bottom - top
        if min(w, hgt) <= 2.5:  # a rule drawn as a thin filled rectangle
            if w >= hgt and w >= 3:
                y = (top + bottom) / 2
                h.append(_edge("h", x0, y, x1, y))
            elif hgt > w and hgt >= 3:
                x = (x0 + x1) / 2
                v.append(_edge("v", x, top, x, bottom))
        elif stroked:
            h.append(_edge("h", x0, top, x1, top))
            h.append(_edge("h", x0, bottom, x1, bottom))
            v.append(_edge("v", x0, top, x0, bottom))
            v.append(_edge("v", x1, top, x1, bottom))
    return h, v


def closing_lines(
    h: Sequence[dict[str, Any]], v: Sequence[dict[str, Any]], height: float
) -> list[dict[str, Any]]:
    """Horizontal lines closing vertical rules whose ends meet no horizontal rule.

    A table row split by a page break often has no border at the page edge; two or more
    vertical rules ending at the same height near the top or bottom of the page (``height``)
    get a line across their ends.
    """
    open_ends: list[tuple[float, float]] = []
    for e in v:
        x = e["x0"]
        for y in (e["top"], e["bottom"]):
            if 0.3 * height < y < 0.7 * height:
                continue
            if not any(abs(he["top"] - y) <= _SNAP and he["x0"] - _SNAP <= x <= he["x1"] + _SNAP for he in h):
                open_ends.append((y, x))
    open_ends.sort()
    out: list[dict[str, Any]] = []
    i = 0
    while i < len(open_ends):
        j = i
        while j + 1 < len(open_ends) and open_ends[j + 1][0] - open_ends[i][0] <= 2.0:
            j += 1
        group = open_ends[i : j + 1]
        xs = sorted({round(x, 1) for _, x in group})
        if len(xs) >= 2 and xs[-1] - xs[0] > 5:
            y = sum(y for y, _ in group) / len(group)
            out.append(_edge("h", xs[0], y, xs[-1], y))
        i = j + 1
    return out


def _cluster(values: Iterable[float], tol: float = 2.5) -> list[float]:
    out: list[float] = []
    for x in sorted(values):
        if out and x - out[-1] <= tol:
            continue
        out.append(x)
    return out


def _inside(a: BBox, b: BBox, tol: float = 2.0) -> bool:
    """Is box ``a`` inside box ``b``?"""
    return a[0] >= b[0] - tol and a[1] >= b[1] - tol and a[2] <= b[2] + tol and a[3] <= b[3] + tol


def _table_from_cells(cells: Sequence[BBox], page: int) -> TableBox:
    bbox = (
        min(c[0] for c in cells),
        min(c[1] for c in cells),
        max(c[2] for c in cells),
        max(c[3] for c in cells),
    )
    rows: list[RowBox] = []
    for c in sorted(cells, key=lambda c: (c[1], c[0])):
        box = CellBox(c[0], c[1], c[2], c[3], page=page)
        if rows and abs(rows[-1].cells[0].top - c[1]) <= 2.0:
            rows[-1].cells.append(box)
        else:
            rows.append(RowBox([box], page=page))
    for r in rows:
        r.cells.sort(key=lambda c: c.x0)
    xs = _cluster([c[0] for c in cells] + [c[2] for c in cells])
    return TableBox(bbox, rows, page, xs)


def find_tables(page: Any, page_no: int, h: list[dict[str, Any]], v: list[dict[str, Any]]) -> list[TableBox]:
    """The outermost ruled tables on pdfplumber ``page`` given its rules (see :func:`ruling_edges`).

    Nested tables are left to their outer cell.
    """
    h = h + closing_lines(h, v, float(page.height))
    if len(h) < 2 or len(v) < 2:
        return []
    settings = {
        "vertical_strategy": "explicit",
        "horizontal_strategy": "explicit",
        "explicit_vertical_lines": v,
        "explicit_horizontal_lines": h,
    }
    finder = page.debug_tablefinder(settings)
    groups: list[list[BBox]] = [list(t.cells) for t in finder.tables]
    used = {tuple(round(x, 1) for x in c) for g in groups for c in g}
    singles = [c for c in finder.cells if tuple(round(x, 1) for x in c) not in used]
    tables = [_table_from_cells(g, page_no) for g in groups if g]
    for c in singles:
        if c[2] - c[0] < 10 or c[3] - c[1] < 6:
            continue
        if any(_inside(t.bbox, c) for t in tables):
            continue  # a frame around other tables, not a table
        tables.append(_table_from_cells([c], page_no))
    outer = [
        t
        for t in tables
        if not any(o is not t and _inside(t.bbox, o.bbox) and not _inside(o.bbox, t.bbox) for o in tables)
    ]
    # identical boxes (a single cell equal to a table): keep the first
    unique: list[TableBox] = []
    for t in outer:
        if not any(_inside(t.bbox, u.bbox) for u in unique):
            unique.append(t)
    unique.sort(key=lambda t: (t.top, t.bbox[0]))
    return unique


def drop_empty(tables: Sequence[TableBox]) -> list[TableBox]:
    """Tables with at least one character in them (empty ruled shapes are decoration)."""
    return [t for t in tables if t.has_text()]


# ---------------------------------------------------------------------------------------------
# Characters into cells


def assign_chars(chars: Iterable[Char], tables: Sequence[TableBox]) -> list[Char]:
    """Put each character whose centre lies in a table into its cell; return the rest (body)."""
    body: list[Char] = []
    cells = [(t, list(t.cells())) for t in tables]
    for ch in chars:
        x, y = ch.cx, ch.cy
        for t, tcells in cells:
            b = t.bbox
            if not (b[0] <= x <= b[2] and b[1] <= y <= b[3]):
                continue
            home = next((c for c in tcells if c.contains(x, y)), None)
            if home is None:
                home = min(tcells, key=lambda c: _distance(c, x, y))
            home.chars.append(ch)
            break
        else:
            body.append(ch)
    return body


def _distance(c: CellBox, x: float, y: float) -> float:
    dx = max(c.x0 - x, 0.0, x - c.x1)
    dy = max(c.top - y, 0.0, y - c.bottom)
    return dx * dx + dy * dy


def cell_right_edge(table: TableBox, cell: CellBox) -> float:
    """The right edge of the text area in ``cell``: its border less the table's cell padding.

    When the text plainly wraps short of that edge (a right indent, an unruled inner table),
    the furthest any of its lines reaches is used instead.
    """
    pads = [min(ln.x0 for ln in c.lines) - c.x0 for c in table.cells() if c.lines]
    pad = min((p for p in pads if p >= 0.5), default=5.0)
    pad = min(max(pad, 1.0), 10.0)
    if not cell.lines:
        return cell.x1 - pad
    reach = max(ln.x1 for ln in cell.lines)
    right = max(cell.x1 - pad, reach)
    return reach if wraps_short(cell.lines, right) else right


# ---------------------------------------------------------------------------------------------
# Tables split by a page break


def same_columns(a: TableBox, b: TableBox, tol: float = 3.0) -> bool:
    """Do two tables share their outer edges, and does one's column grid contain the other's?"""
    if abs(a.bbox[0] - b.bbox[0]) > tol or abs(a.bbox[2] - b.bbox[2]) > tol:
        return False

    def subset(xs: Sequence[float], ys: Sequence[float]) -> bool:
        return all(any(abs(x - y) <= tol for y in ys) for x in xs)

    return subset(a.xs, b.xs) or subset(b.xs, a.xs)


def _grid_key(xs: Sequence[float], cell: CellBox) -> tuple[int, int]:
    def idx(x: float) -> int:
        return min(range(len(xs)), key=lambda i: abs(xs[i] - x))

    return idx(cell.x0), idx(cell.x1)


def append_continuation(prev: TableBox, cont: TableBox) -> None:
    """Append ``cont`` (the same table continued on the next page) to ``prev``.

    When the continuation's first row carries on the text of ``prev``'s last row (its first
    non-empty cell starts in lowercase), the two are one row split by the page break: their
    cells are merged, joining a broken sentence with a space.
    """
    xs = _cluster(list(prev.xs) + list(cont.xs))
    rows = list(cont.rows)
    if len(rows) > 1 and prev.rows and _row_text(rows[0]) and _row_text(rows[0]) == _row_text(prev.rows[0]):
        rows = rows[1:]  # a header row repeated on the new page
    if rows and prev.rows and _continues_row(prev.rows[-1], rows[0], xs):
        last = prev.rows[-1]
        by_key = {_grid_key(xs, c): c for c in last.cells}
        for c in rows[0].cells:
            target = by_key[_grid_key(xs, c)]
            _merge_cell(target, c)
        rows = rows[1:]
    prev.rows.extend(rows)
    prev.xs = xs
    prev.bbox = (prev.bbox[0], prev.bbox[1], prev.bbox[2], cont.bbox[3])


def _row_text(row: RowBox) -> tuple[str, ...]:
    return tuple(" ".join(d.text for d in c.drafts) for c in row.cells)


def _continues_row(last: RowBox, first: RowBox, xs: Sequence[float]) -> bool:
    keys_last = {_grid_key(xs, c) for c in last.cells}
    if any(_grid_key(xs, c) not in keys_last for c in first.cells):
        return False
    head = next((c for c in first.cells if c.drafts), None)
    if head is None:
        return False
    d = head.drafts[0]
    if d.kind != "para" or not d.text or not d.text.lstrip()[0].islower():
        return False
    if continues_text(d.text):
        return True
    # "b) ...": a lettered item carries on a cell of many items, but starts a new row when
    # the row above holds a single item
    above = next((c for c in last.cells if _grid_key(xs, c) == _grid_key(xs, head)), None)
    return above is not None and len(above.drafts) > 1


def _merge_cell(target: CellBox, extra: CellBox) -> None:
    if not extra.drafts:
        return
    first = extra.drafts[0]
    tail = target.drafts[-1] if target.drafts else None
    rest = extra.drafts
    if (
        tail is not None
        and tail.kind in ("para", "item")
        and first.kind == "para"
        and not ends_sentence(tail.text)
        and continues_text(first.text)
    ):
        tail.text = join_lines(tail.text, first.text)
        tail.lines.extend(first.lines)
        rest = extra.drafts[1:]
    target.drafts.extend(rest)
    target.chars.extend(extra.chars)
