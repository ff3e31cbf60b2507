"""Tables in PDFs: finding them, putting characters in their cells, joining page splits.

Ruled tables are found from ruling lines with pdfplumber's table finder, with two repairs: rules
that run off a page (a row split by a page break) get a closing horizontal line at their open
ends, and a lone ruled box (one tall cell, which pdfplumber drops) still counts as a one-cell
table. Fills (cell shading) are not rules and are ignored.

Borderless tables (no rules, or horizontal rules only) are found afterwards among the body lines
from their layout alone: see :func:`find_borderless`.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from jobspec.glyphs import LONE_MARKER
from jobspec.readers.pdf_layout import (
    Char,
    Draft,
    Line,
    Styles,
    continues_text,
    finish_line,
    wraps,
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
    right: float = 0.0  # borderless cells: the estimated right edge of the text (0: unknown)

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
    ruled: bool = True  # False for a table found from text alignment alone

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


def _word_starts(chars: list[Char]) -> dict[int, Char]:
    """For each character, the first character of the word it belongs to (letters drawn side by side
    with no space between them), so that a word running over a cell border stays in its cell."""
    rows: list[list[Char]] = []
    for ch in sorted(chars, key=lambda c: c.top):
        if rows and abs(ch.top - rows[-1][0].top) < 1.0:
            rows[-1].append(ch)
        else:
            rows.append([ch])
    start: dict[int, Char] = {}
    for row in rows:
        prev: Char | None = None
        for ch in sorted(row, key=lambda c: c.x0):
            joined = (prev is not None and -0.2 * ch.size <= ch.x0 - prev.x1 < 0.15 * ch.size
                      and ch.text.strip() != "" and prev.text.strip() != "")
            start[id(ch)] = start[id(prev)] if joined and prev is not None else ch
            prev = ch
    return start


def assign_chars(chars: Iterable[Char], tables: Sequence[TableBox]) -> list[Char]:
    """Put each character whose word starts in a table into that cell; return the rest (body)."""
    body: list[Char] = []
    cells = [(t, list(t.cells())) for t in tables]
    chars = list(chars)
    starts = _word_starts(chars) if tables else {}
    for ch in chars:
        anchor = starts.get(id(ch), ch)
        x, y = anchor.cx, anchor.cy
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
    if cell.right:  # borderless: no border to measure from
        return max([cell.right, *(ln.x1 for ln in cell.lines)])
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
    """Do two tables share their outer edges, and does one's column grid contain the other's?

    Borderless tables (whose edges are only estimates) must have as many columns, each
    starting at the same x.
    """
    if a.ruled != b.ruled:
        return False
    if not a.ruled:
        if len(a.xs) != len(b.xs):
            return False
        both = [(x, y) for x, y in zip(_table_lefts(a), _table_lefts(b), strict=True) if x < math.inf > y]
        return len(both) >= 2 and all(abs(x - y) <= tol for x, y in both)
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
    if prev.ruled:
        xs = _cluster(list(prev.xs) + list(cont.xs))
    else:  # borderless: the same columns by position, whatever the estimated boundaries
        xs = list(prev.xs)
        for r in cont.rows:
            for j, c in enumerate(r.cells):
                c.x0, c.x1 = xs[j], xs[j + 1]
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
    rest = extra.drafts
    if target.drafts and target.drafts[-1].join_continuation(extra.drafts[0]):
        rest = extra.drafts[1:]
    target.drafts.extend(rest)
    target.chars.extend(extra.chars)


# ---------------------------------------------------------------------------------------------
# Borderless tables
#
# A table drawn without rules still shows as columns: on each of its lines the text keeps out of
# the same x-intervals ("rivers"), and where a line has text on both sides of a river the gap is
# far wider than a space. A run of body lines is followed while its rivers stay open; it becomes a
# table when it has enough rows with two or more filled columns and passes a few checks that keep
# hanging-indent lists, numbered lists and two-column page layouts out. Rows are cut from the
# first column: a line with text there starts a new row unless that text carries on the line above.

Rule = tuple[float, float, float]  # a horizontal rule (y, x0, x1)

_GAP = 0.8  # a column gap is at least this many font sizes wide (a space is about 0.25)
_MIN = 0.4  # narrowest gap (font sizes) that still keeps two columns apart on some line
_MAX_LABEL_WORDS = 6  # the first column of a two-column table holds short labels
_INF = math.inf


@dataclass(slots=True)
class _River:
    """An x-interval free of text on every line of a run.

    ``support`` counts the lines with text on both sides of it and a wide gap across it;
    ``edge`` is the left edge of the text right of it once two lines agree on it.
    """

    lo: float
    hi: float
    support: int = 0
    starts: Counter[int] = field(default_factory=Counter)
    edge: float = math.nan
    edge_n: int = 0

    def bounded(self) -> bool:
        return math.isfinite(self.lo) and math.isfinite(self.hi)

    def strong(self) -> bool:
        return self.support >= 2 and self.bounded()

    def child(self, lo: float, hi: float) -> _River:
        return _River(lo, hi, self.support, Counter(self.starts), self.edge, self.edge_n)

    def note_start(self, x: float) -> None:
        k = round(x)
        self.starts[k] += 1
        n = self.starts[k - 1] + self.starts[k] + self.starts[k + 1]
        if n >= 2 and n > self.edge_n:
            self.edge, self.edge_n = x, n

    def left_aligned(self) -> bool:
        """Does the text right of it start at one x (a left-aligned column)?"""
        return self.edge_n >= 2 and abs(self.edge - self.hi) <= 2.0


@dataclass(slots=True)
class _Geo:
    """A line's text as x-intervals, with the gap widths that count as column gaps on it."""

    hulls: list[tuple[float, float]]
    least: float  # narrowest gap that can part two columns
    wide: float  # a gap this wide is plainly a column gap


def _geo(line: Line) -> _Geo:
    """Words closer than a column gap are joined into one interval, and a bullet is joined to the
    text after it (so a hanging indent is never a column). The gap widths grow with the line's
    own spaces where the PDF has them (a monospaced space is 0.6 of the font size); a low quantile,
    as some writers draw a tab as one stretched space."""
    spaces = sorted(c.x1 - c.x0 for c in line.chars if c.text == " " and c.x1 - c.x0 > 0.05 * line.size)
    space = spaces[len(spaces) // 4] if spaces else 0.0
    least = max(_MIN * line.size, 1.5 * space)
    out: list[list[float]] = []
    for c in line.chars:
        if not c.text.strip():
            continue
        if out and c.x0 - out[-1][1] < least:
            out[-1][1] = max(out[-1][1], c.x1)
        else:
            out.append([c.x0, c.x1])
    if line.bullet is not None and len(out) >= 2:
        out[0][1] = max(out[0][1], out[1][1])
        del out[1]
    return _Geo([(a, b) for a, b in out], least, max(_GAP * line.size, 3.0 * space))


def _has_wide_gap(g: _Geo) -> bool:
    return any(b[0] - a[1] >= g.wide for a, b in zip(g.hulls, g.hulls[1:], strict=False))


def _narrow(rivers: Sequence[_River], g: _Geo) -> list[_River] | None:
    """The rivers left open once line ``g`` is added, or ``None`` when the line closes a river
    with support or starts left of a left-aligned column's edge."""
    hulls = g.hulls
    free = [(-_INF, hulls[0][0])]
    free.extend((a[1], b[0]) for a, b in zip(hulls, hulls[1:], strict=False))
    free.append((hulls[-1][1], _INF))
    wide, least = g.wide, g.least
    out: list[_River] = []
    i = 0
    for r in rivers:
        while i < len(free) and free[i][1] <= r.lo:
            i += 1
        kids: list[_River] = []
        k = i
        while k < len(free) and free[k][0] < r.hi:
            f_lo, f_hi = free[k]
            k += 1
            lo, hi = max(r.lo, f_lo), min(r.hi, f_hi)
            if hi - lo < least:
                continue
            if hi == f_hi and math.isfinite(f_hi) and r.edge_n >= 2 and r.bounded() and f_hi < r.edge - 1.5:
                if r.strong():
                    return None  # text inside a left-aligned column's gap: not this table
                continue
            kid = r.child(lo, hi)
            if math.isfinite(f_hi):
                kid.note_start(f_hi)
                if math.isfinite(f_lo) and f_hi - f_lo >= wide:
                    kid.support += 1
            kids.append(kid)
        if not kids and r.strong():
            return None
        out.extend(kids)
    return out


def _same_block(prev: Line, line: Line, size: float, styles: Styles) -> bool:
    """Can ``line`` (below ``prev``) belong to the same table as lines of font ``size``?"""
    return (
        abs(line.size - size) <= 1.0
        and styles.heading_level(line.size) == styles.heading_level(size)
        and line.top - prev.bottom <= 2.2 * size
    )


def _merge_rules(rules: Iterable[Rule]) -> list[Rule]:
    """Horizontal rules at one height joined into spans (cell borders are drawn cell by cell)."""
    out: list[list[float]] = []
    for y, x0, x1 in sorted(rules):
        if out and abs(out[-1][0] - y) <= 1.0 and x0 <= out[-1][2] + 2.0:
            out[-1][2] = max(out[-1][2], x1)
        else:
            out.append([y, x0, x1])
    return [(y, x0, x1) for y, x0, x1 in out]


@dataclass(slots=True)
class _Run:
    lines: list[Line]
    cells: list[dict[int, Line]]  # per line: column -> the part of the line in that column
    rivers: list[_River]
    size: float


def find_borderless(
    lines: Sequence[Line], styles: Styles, page: int, rules: Iterable[Rule] = ()
) -> list[tuple[TableBox, list[Line]]]:
    """Borderless tables among consecutive body ``lines`` (top to bottom, no ruled table between
    them), each with the lines it takes from the body. ``rules`` are the page's horizontal rules
    (row separators when a table has them)."""
    geos = [_geo(ln) for ln in lines]
    spans = _merge_rules(rules)
    out: list[tuple[TableBox, list[Line]]] = []
    i = floor = 0
    n = len(lines)
    memo: dict[tuple[int, tuple[float, ...]], dict[int, Line]] = {}  # lines cut into columns, for the next seeds
    while i < n:
        if not (geos[i].hulls and _has_wide_gap(geos[i])):
            i += 1
            continue
        found = _table_at(lines, geos, i, floor, styles, page, spans, memo)
        if found is None:
            i += 1
            continue
        table, first, end = found
        out.append((table, list(lines[first:end])))
        i = floor = end
    return out


def _table_at(
    lines: Sequence[Line],
    geos: Sequence[_Geo],
    seed: int,
    floor: int,
    styles: Styles,
    page: int,
    spans: Sequence[Rule],
    memo: dict[tuple[int, tuple[float, ...]], dict[int, Line]] | None = None,
) -> tuple[TableBox, int, int] | None:
    """The borderless table grown from line ``seed`` (which has a wide gap): the table and the
    range of lines it covers, or ``None``. ``memo`` keeps lines already cut into columns (a long
    list with a hanging indent is a candidate from each of its lines, at the same cuts)."""
    size = lines[seed].size
    pitch = styles.line_pitch(size)
    tol = max(0.25 * size, 2.0)
    rivers = _narrow([_River(-_INF, _INF)], geos[seed]) or []
    end = seed + 1
    killed = False
    while end < len(lines) and rivers:
        if not _same_block(lines[end - 1], lines[end], size, styles):
            break
        nxt = _narrow(rivers, geos[end]) if geos[end].hulls else None
        if nxt is None or not any(r.bounded() for r in nxt):
            killed = True
            break
        rivers = nxt
        end += 1
    if killed and end - 1 > seed:
        last, stop = lines[end - 1], lines[end]
        if (abs(last.x0 - stop.x0) <= 1.5 or abs(last.x1 - stop.x1) <= 1.5) and stop.base - last.base <= pitch + tol:
            end -= 1  # the last line is the first line of the paragraph that closed the rivers
    rivers = [_River(-_INF, _INF)]
    for k in range(seed, end):
        rivers = _narrow(rivers, geos[k]) or []
    strong = [r for r in rivers if r.strong()]
    if not strong or max(r.support for r in strong) < 3:
        return None
    first = seed
    while first > floor and _same_block(lines[first - 1], lines[first], size, styles):
        nxt = _narrow(strong, geos[first - 1]) if geos[first - 1].hulls else None
        if nxt is None or len(nxt) != len(strong):
            break
        strong = nxt
        first -= 1
    run = _split_run(lines[first:end], strong, size, memo=memo)
    rows = _cut_rows(run, pitch, tol, spans)
    while rows and _label_only(run, rows[0]):
        rows.pop(0)
    while rows and _label_only(run, rows[-1]):
        rows.pop()
    if not rows or not _plausible(run, rows):
        return None
    table = _borderless_box(run, rows, page)
    return table, first + rows[0][0], first + rows[-1][1]


def _split_run(lines: Sequence[Line], rivers: list[_River], size: float, mids: Sequence[float] = (),
               memo: dict[tuple[int, tuple[float, ...]], dict[int, Line]] | None = None) -> _Run:
    """The run's lines cut into columns at its rivers (or at ``mids``); ``memo`` keeps each
    line's cut (by the line and the cuts) for later runs over the same lines."""
    run = _Run(list(lines), [], rivers, size)
    cuts = list(mids) or [(r.lo + r.hi) / 2 for r in rivers]
    key = tuple(cuts)
    for ln in run.lines:
        got = memo.get((id(ln), key)) if memo is not None else None
        if got is None:
            parts: dict[int, list[Char]] = {}
            for c in ln.chars:
                parts.setdefault(sum(1 for m in cuts if m < c.cx), []).append(c)
            cells = {j: finish_line(list(cs)) for j, cs in parts.items()}
            got = {j: cl for j, cl in cells.items() if cl.text}
            if memo is not None:
                memo[(id(ln), key)] = got
        run.cells.append(got)
    return run


def extend_borderless(
    lines: Sequence[Line], known: TableBox, styles: Styles, page: int, rules: Iterable[Rule] = (), *, at_end: bool
) -> tuple[TableBox, list[Line]] | None:
    """The piece of borderless table ``known`` (on the next or previous page) among ``lines``.

    ``lines`` are the body lines at the foot of the page before ``known`` (``at_end``) or at the
    head of the page after it. A few rows are enough here, as long as they keep to ``known``'s
    columns and their columns start where ``known``'s do.
    """
    sample = next((ln for c in known.cells() for ln in c.lines), None)
    if sample is None or not lines:
        return None
    size = sample.size
    cuts = known.xs[1:-1]
    picked: list[int] = []
    for k in range(len(lines) - 1, -1, -1) if at_end else range(len(lines)):
        ln = lines[k]
        hulls = _geo(ln).hulls
        if not hulls or any(a < x < b for a, b in hulls for x in cuts):
            break
        if picked:
            other = lines[picked[-1]]
            above, below = (ln, other) if at_end else (other, ln)
            if not _same_block(above, below, size, styles):
                break
        elif abs(ln.size - size) > 1.0 or styles.heading_level(ln.size) != styles.heading_level(size):
            break
        picked.append(k)
    if not picked:
        return None
    lo, hi = min(picked), max(picked) + 1
    rivers: list[_River] | None = [_River(-_INF, _INF)]
    for ln in lines[lo:hi]:
        rivers = _narrow(rivers, _geo(ln)) if rivers is not None else None
    if rivers is None:
        return None
    chosen = [next((r for r in rivers if r.lo < x < r.hi), None) for x in cuts]
    if any(r is None for r in chosen):
        return None
    run = _split_run(lines[lo:hi], [r for r in chosen if r is not None], size, cuts)
    tol = max(0.25 * size, 2.0)
    rows = _cut_rows(run, styles.line_pitch(size), tol, _merge_rules(rules))
    while rows and _label_only(run, rows[0 if at_end else -1]):
        rows.pop(0 if at_end else -1)
    if not rows or not _plausible(run, rows, fragment=True) or not _same_lefts(run, rows, known):
        return None
    table = _borderless_box(run, rows, page, known.xs)
    return table, list(lines[lo + rows[0][0] : lo + rows[-1][1]])


def _lefts(cols: Iterable[tuple[int, Iterable[Line]]], ncols: int) -> list[float]:
    out = [math.inf] * ncols
    for j, lines in cols:
        for ln in lines:
            out[j] = min(out[j], ln.x0)
    return out


def _same_lefts(run: _Run, rows: Sequence[tuple[int, int]], known: TableBox) -> bool:
    """Do the run's columns start where ``known``'s columns start (two columns at least)?"""
    ncols = len(known.xs) - 1
    mine = _lefts(((j, [cl]) for a, b in rows for k in range(a, b) for j, cl in run.cells[k].items()), ncols)
    theirs = _table_lefts(known)
    both = [(x, y) for x, y in zip(mine, theirs, strict=True) if math.isfinite(x) and math.isfinite(y)]
    return len(both) >= 2 and all(abs(x - y) <= 2.0 for x, y in both)


def _table_lefts(t: TableBox) -> list[float]:
    ncols = len(t.xs) - 1
    return _lefts(((j, c.lines) for r in t.rows for j, c in enumerate(r.cells)), ncols)


def _rights(run: _Run) -> list[float]:
    """Each column's right text edge, erring on the small side: the furthest its text reaches, or
    a font size short of the next column when that column is left-aligned."""
    out = [max(r.lo, r.hi - run.size) if r.left_aligned() else r.lo for r in run.rivers]
    last = len(run.rivers)
    out.append(max((c[last].x1 for c in run.cells if last in c), default=0.0))
    return out


def _continues(above: Line, line: Line, right: float) -> bool:
    return line.bullet is None and wraps(above, line, right)


def _cut_rows(run: _Run, pitch: float, tol: float, spans: Sequence[Rule]) -> list[tuple[int, int]]:
    """Rows as ranges of the run's lines."""
    lines, cells = run.lines, run.cells
    rights = _rights(run)
    first = run.rivers[0]

    def ruled(k: int) -> bool:  # a rule across the first column gap between lines k-1 and k
        y0, y1 = lines[k - 1].bottom - 1.0, lines[k].top + 1.0
        return any(y0 <= y <= y1 and x0 <= first.lo and x1 >= first.hi for y, x0, x1 in spans)

    def near(k: int) -> bool:
        return lines[k].base - lines[k - 1].base <= pitch + tol and not ruled(k)

    starts = [0]
    for k in range(1, len(lines)):
        cur, prev = cells[k], cells[k - 1]
        if ruled(k):
            starts.append(k)
            continue
        if 0 not in cur:
            continue  # text in other columns only: it carries on the row
        # the first column carries on the line above when it wraps there and either reads on
        # (lowercase) or is the only text on its line; the furthest-reaching label of a column
        # always seems to wrap, so a wrap alone is no proof
        new = not near(k) or 0 not in prev or not _continues(prev[0], cur[0], rights[0])
        if not new and not continues_text(cur[0].text):
            new = len(cur) > 1
        if not new:
            continue
        if (
            starts[-1] == 0
            and not continues_text(lines[0].text)  # (that is a row carried over from the page before)
            and all(0 not in cells[x] and len(cells[x]) == 1 and near(x + 1) for x in range(k))
        ):
            continue  # the table opens with a value whose label sits lower
        # lines just above with text in other columns only, set off from the row above them by
        # a gap, belong to this row: its label sits lower than its value
        b = k
        while b - 1 > starts[-1] and 0 not in cells[b - 1] and near(b):
            b -= 1
        starts.append(b if b < k and not near(b) else k)
    ends = [*starts[1:], len(lines)]
    return list(zip(starts, ends, strict=True))


def _label_only(run: _Run, row: tuple[int, int]) -> bool:
    """A one-line row with text in the first column only (a heading or short line by the table)."""
    a, b = row
    return b - a == 1 and set(run.cells[a]) == {0}


def _plausible(run: _Run, rows: Sequence[tuple[int, int]], *, fragment: bool = False) -> bool:
    """Enough rows with two or more filled columns (one for a ``fragment`` of a table already
    found across a page break), and a first column of labels rather than list markers."""
    ncols = len(run.rivers) + 1
    filled_rows = 0
    col_rows = [0] * ncols
    labels: list[tuple[str, bool]] = []
    for a, b in rows:
        cols = {j for k in range(a, b) for j in run.cells[k]}
        filled_rows += len(cols) >= 2
        for j in cols:
            col_rows[j] += 1
        firsts = [run.cells[k][0] for k in range(a, b) if 0 in run.cells[k]]
        if firsts:
            text = " ".join(ln.text for ln in firsts)
            labels.append((text, firsts[0].bullet is not None or bool(LONE_MARKER.match(text))))
    if fragment:
        if filled_rows < 1:
            return False
    elif filled_rows < 3 or min(col_rows) < 2:
        return False
    for j in range(1, ncols):
        if not _aligned([cl.x0 for a, b in rows for k in range(a, b) for i, cl in run.cells[k].items() if i == j]):
            return False
    markers = sum(1 for _, m in labels if m)
    if ncols == 2:
        return markers == 0 and all(len(t.split()) <= _MAX_LABEL_WORDS for t, _ in labels)
    return markers * 2 < len(labels)


def _aligned(starts: list[float]) -> bool:
    """Do most lines of a column start at one or two x positions (a left edge, and the hanging
    indent of its list items)? The lines right of a gap in justified text start anywhere."""
    groups: list[int] = []
    first = -math.inf  # where the current group starts
    for x in sorted(starts):
        if x - first <= 1.5:
            groups[-1] += 1
        else:
            groups.append(1)
            first = x
    top2 = sum(sorted(groups, reverse=True)[:2])
    return top2 >= 0.6 * len(starts)


def _borderless_box(run: _Run, rows: Sequence[tuple[int, int]], page: int, xs: Sequence[float] = ()) -> TableBox:
    ncols = len(run.rivers) + 1
    a0, b0 = rows[0][0], rows[-1][1]
    used = range(a0, b0)
    left = min(run.cells[k][0].x0 for k in used if 0 in run.cells[k]) if any(0 in run.cells[k] for k in used) else (
        run.rivers[0].lo
    )
    right = max(cl.x1 for k in used for cl in run.cells[k].values())
    xs = list(xs) or [left, *((r.lo + r.hi) / 2 for r in run.rivers), right]
    rights = _rights(run)
    out: list[RowBox] = []
    for a, b in rows:
        top = min(run.lines[k].top for k in range(a, b))
        bottom = max(run.lines[k].bottom for k in range(a, b))
        cells: list[CellBox] = []
        for j in range(ncols):
            lines = [run.cells[k][j] for k in range(a, b) if j in run.cells[k]]
            chars = [c for ln in lines for c in ln.chars]
            cells.append(CellBox(xs[j], top, xs[j + 1], bottom, chars, lines, page=page, right=rights[j]))
        out.append(RowBox(cells, page=page))
    bbox = (xs[0], out[0].cells[0].top, xs[-1], out[-1].cells[0].bottom)
    return TableBox(bbox, out, page, xs, ruled=False)
