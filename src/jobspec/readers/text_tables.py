"""Table layouts found in plain-text exports, and the text repairs their cells need.

Two layouts occur. *Horizontal*: one line is one row and tabs separate the cells
(``Label<TAB>Value``). *Vertical*: every cell starts a line with a tab, lines without a tab
continue the cell, and rows are separated by blank lines. This module turns the lines a reader
has already grouped into :class:`RawTable` objects; :mod:`jobspec.readers.text_reader` turns
those into the document model.

Vertical rows are rebuilt from *groups* (the cells between two blank-line boundaries): the
header group sets the column count, a group that fills a row is a row, a short group is joined
to the next ones only when together they fill exactly one row (blank lines inside a row are
empty paragraphs of a cell), and a short group that cannot be completed is a merged row.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from jobspec.glyphs import ALL_BULLETS, INLINE_BULLETS

# At least this many blank lines in a row end a table before text, may start a new table
# before a new header row, and stop short rows from being joined across them.
BIG_GAP = 3

Line = tuple[int, str]  # (1-based line number, text)


@dataclass(slots=True)
class RawCell:
    """A cell's physical lines; ``inline`` cells come from one line of a horizontal row."""

    lines: list[Line] = field(default_factory=list)
    inline: bool = False

    @property
    def line(self) -> int:
        return self.lines[0][0] if self.lines else 0

    def nonempty(self) -> int:
        return sum(1 for _, t in self.lines if t.strip())

    def is_empty(self) -> bool:
        return not any(t.strip() for _, t in self.lines)


@dataclass(slots=True)
class RawRow:
    cells: list[RawCell]
    full_width: bool = False

    @property
    def line(self) -> int:
        return min((c.line for c in self.cells if c.lines), default=0)


@dataclass(slots=True)
class RawTable:
    rows: list[RawRow]
    ncols: int

    @property
    def line(self) -> int:
        return self.rows[0].line if self.rows else 0


@dataclass(slots=True)
class Group:
    """Cells of a vertical table between two blank-line boundaries."""

    cells: list[RawCell]
    gap_before: int = 0


# --------------------------------------------------------------------------- horizontal rows

_UL_SPLIT = re.compile(r"(?=<ul\b)", re.IGNORECASE)


# a gap of three spaces or more between two cells of a row laid out with spaces
_SPACE_GAP = re.compile(r"\S( {3,})(?=\S)")
SPACE_ALIGN = 2  # cells of two rows whose starts are this close (in characters) are one column


def space_columns(lines: list[str]) -> list[str]:
    """``lines`` with the rows of a table laid out with spaces (a text exported with its layout)
    rewritten with tabs between their cells, as a Word export writes them.

    A row is a line without tabs whose text has gaps of three spaces or more; it counts only beside
    another such row of the same number of cells starting at the same columns (give or take
    ``SPACE_ALIGN``), with no blank line between: one line with a wide gap (``Key: (A) Application
    (I) Interview``) stays text. Lines of one cell between rows (category labels) are left as they are.
    """
    starts: list[list[int] | None] = []
    for line in lines:
        if "\t" in line or not line.strip():
            starts.append(None)
            continue
        body = line.rstrip()
        cuts = [m.end(1) for m in _SPACE_GAP.finditer(body)]
        starts.append([len(body) - len(body.lstrip()), *cuts] if cuts else None)
    out = list(lines)
    prev: int | None = None  # the last row seen in this run of lines, to compare columns with
    for i, cols in enumerate(starts):
        if not lines[i].strip():
            prev = None
            continue
        if cols is None:
            continue
        if prev is not None and _aligned(starts[prev], cols):
            for k in (prev, i):
                out[k] = "\t".join(_SPACE_GAP.sub(lambda m: m.group(0)[0] + "\t", lines[k].rstrip()).split("\t"))
        prev = i
    return out


def _aligned(a: list[int] | None, b: list[int]) -> bool:
    return a is not None and len(a) == len(b) and all(abs(x - y) <= SPACE_ALIGN for x, y in zip(a, b, strict=True))


def split_tab_cells(content: str) -> list[str]:
    """Cells of one horizontal row; a second ``<ul`` list inside one cell starts the next cell."""
    if "<" not in content:
        return content.split("\t")
    cells: list[str] = []
    for part in content.split("\t"):
        pieces = [p for p in _UL_SPLIT.split(part) if p != ""] or [""]
        if len(pieces) > 1 and not pieces[0].strip():
            pieces = [pieces[0] + pieces[1], *pieces[2:]]
        cells.extend(pieces)
    return cells


def _has_inner_gap(parts: list[str]) -> bool:
    """True when an empty part lies between two non-empty parts (alignment tabs)."""
    idx = [i for i, p in enumerate(parts) if p.strip()]
    return len(idx) >= 2 and idx[-1] - idx[0] + 1 > len(idx)


def _is_mark(cell: str) -> bool:
    """A tick, cross or similar one-symbol cell."""
    c = cell.strip()
    return len(c) == 1 and not c.isalnum()


def horizontal_table(lines: list[Line]) -> RawTable:
    """A table from consecutive horizontal lines (each line one row).

    When some rows use several tabs to align a value, no row has more than two non-empty cells
    and no value is a short mark such as a tick, the table is a key/value list and each tab run
    is one separator.
    """
    parts = [split_tab_cells(text) for _, text in lines]
    key_value = (
        any(_has_inner_gap(p) for p in parts)
        and all(sum(1 for c in p if c.strip()) <= 2 for p in parts)
        # ticks and crosses sit in their column: keep positions then
        and not any(_is_mark(c) for p in parts for c in p[1:])
    )
    rows: list[RawRow] = []
    for (n, _), row_parts in zip(lines, parts, strict=True):
        if key_value:
            filled = [c for c in row_parts if c.strip()]
            if row_parts[0].strip():
                row_parts = filled + [""] * (2 - len(filled))
            else:
                row_parts = ["", *filled] if filled else ["", ""]
        rows.append(RawRow([RawCell([(n, c)], inline=True) for c in row_parts]))
    return RawTable(rows, max((len(r.cells) for r in rows), default=0))


def row_fits(cells: list[str], ncols: int) -> bool:
    """Whether a horizontal row read after blank lines still belongs to a table of ``ncols``."""
    return len(cells) == ncols or (not cells[0].strip() and len(cells) <= ncols)


# --------------------------------------------------------------------------- vertical rows


def _ncols(groups: list[Group]) -> int:
    """Column count: the first (header) group's size; when that is a lone cell (a title row),
    the largest group of one-line cells (a header row further down), else the commonest size."""
    first = len(groups[0].cells)
    if first >= 2:
        return first
    header_like = [len(g.cells) for g in groups if all(c.nonempty() <= 1 for c in g.cells)]
    if header_like and max(header_like) >= 2:
        return max(header_like)
    counts = Counter(len(g.cells) for g in groups)
    return max(counts, key=lambda k: (counts[k], k))


def _split_tables(groups: list[Group]) -> list[list[Group]]:
    """Cut groups into tables at big blank gaps, but only where the group after the gap looks
    like a new header (several cells, not as many as the table before has columns)."""
    segments: list[list[Group]] = []
    for g in groups:
        if not segments or g.gap_before >= BIG_GAP:
            segments.append([])
        segments[-1].append(g)
    tables = [segments[0]]
    ncols = _ncols(segments[0])  # estimated from the table's first segment only: stays linear
    for seg in segments[1:]:
        head = len(seg[0].cells)
        if head >= 2 and head != ncols:
            tables.append(seg)
            ncols = _ncols(seg)
        else:
            tables[-1].extend(seg)
    return tables


def vertical_tables(groups: list[Group]) -> list[RawTable]:
    """Rows from vertical groups (see :func:`_split_tables` and :func:`_ncols`): a short group is
    merged with the following ones only when together they fill the row exactly (across a big
    blank gap only when the short group holds one-line labels); a group longer than a row is cut
    into rows."""
    out: list[RawTable] = []
    for tgroups in _split_tables(groups) if groups else []:
        ncols = _ncols(tgroups)
        rows: list[RawRow] = []
        pending: list[RawCell] = []

        def close(cells: list[RawCell], ncols: int = ncols, rows: list[RawRow] = rows) -> None:
            if cells and not all(c.is_empty() for c in cells):
                rows.append(RawRow(cells, full_width=len(cells) == 1 and ncols > 1))

        for i, g in enumerate(tgroups):
            cells = list(g.cells)
            if pending:
                labels = all(c.nonempty() <= 1 for c in pending)
                if (g.gap_before < BIG_GAP or labels) and _completes(len(pending), tgroups, i, ncols):
                    cells = pending + cells
                else:
                    close(pending)
                pending = []
            while len(cells) >= ncols:
                close(cells[:ncols])
                cells = cells[ncols:]
            pending = cells
        close(pending)
        if rows:
            out.append(RawTable(rows, ncols))
    return out


def _completes(pending: int, groups: list[Group], start: int, ncols: int) -> bool:
    """True when ``pending`` cells plus the groups from ``start`` on add up to exactly one row."""
    total = pending
    for g in groups[start:start + ncols]:  # each group adds at least one cell
        total += len(g.cells)
        if total >= ncols:
            return total == ncols
    return False


# --------------------------------------------------------------------------- cell text repairs

_UL_TAG = re.compile(r"<ul\b[^>]*>", re.IGNORECASE)
_LI_TAG = re.compile(r"<li\b[^>]*>", re.IGNORECASE)
_ANY_TAG = re.compile(r"</?(?:ul|ol|li|p|span|div|br|b|i|u|strong|em)\b[^>]*>", re.IGNORECASE)
_HTML_MARKERS = ALL_BULLETS


def html_list(text: str) -> tuple[str, str, list[str]] | None:
    """Split an HTML list remnant (``<ul ...>– one– two``) into (lead text, marker, items).

    Items are separated by the marker character that follows the ``<ul>`` tag (en dash, hyphen
    or bullet) when it is followed by a space, or by ``<li>`` tags. None if there is no list.
    """
    m = _UL_TAG.search(text) or _LI_TAG.search(text)
    if m is None:
        return None
    lead = _ANY_TAG.sub(" ", text[: m.start()]).strip()
    body = text[m.end() :]
    if _LI_TAG.search(body) or m.re is _LI_TAG:
        items = [_ANY_TAG.sub(" ", p).strip() for p in _LI_TAG.split(body)]
        return lead, "•", [i for i in items if i]
    body = _ANY_TAG.sub(" ", body).strip()
    marker = body[:1] if body[:1] in _HTML_MARKERS else ""
    if not marker:
        return lead, "•", [body] if body else []
    items = re.split(r"\s*" + re.escape(marker) + r"\s+", body)
    return lead, marker, [i.strip() for i in items if i.strip()]


FUNCTION_WORDS = frozenset(
    # conjunctions, articles, prepositions, determiners and possessives: a capitalised word after
    # one of these is part of the same phrase ("the Head Teacher", "using Microsoft Office")
    (
        "and", "or", "nor", "but", "of", "the", "a", "an", "in", "on", "at", "to", "for", "with", "by",
        "from", "as", "than", "such", "including", "into", "per", "via", "e.g.", "i.e.", "is", "are",
        "be", "using", "regarding", "following", "concerning", "within", "without", "across", "under",
        "over", "between", "through", "towards", "toward", "about", "like", "upon", "onto", "among",
        "against", "during", "before", "after", "all", "any", "each", "every", "your", "our", "their",
        "his", "her", "its", "this", "that", "these", "those", "some", "my", "no", "not",
    )
)
_LOWER_WORD = re.compile(r"[a-z][a-z0-9'’/\-]*")
_CAP_WORD = re.compile(r"[A-Z][a-z]+(?:[-'’][A-Za-z]+)*")
_ACRONYM = re.compile(r"[A-Z]{2,}[0-9]*")
_DIGITS = re.compile(r"\d")
RUN_TOGETHER_MIN = 60


def _cue_at(words: list[str], j: int, wide_gap: bool) -> bool:
    """Whether a new paragraph plausibly starts at ``words[j]`` (see :func:`split_run_together`)."""
    prev, word = words[j - 1], words[j]
    nxt = words[j + 1] if j + 1 < len(words) else ""
    if prev.lower() in FUNCTION_WORDS:
        return False
    if wide_gap:  # "... equivalent  Willing to ..." (a paragraph's trailing space kept)
        return word[:1].isupper() and not prev.endswith((".", "!", "?", ":", ";", ","))
    if not _LOWER_WORD.fullmatch(prev) or prev.endswith(("'s", "’s")):
        return False
    if _CAP_WORD.fullmatch(word):
        return not _CAP_WORD.fullmatch(nxt.rstrip(".,;:)"))  # "Microsoft Office" is one name
    return bool(_ACRONYM.fullmatch(word) and _DIGITS.match(nxt))


_GAPS = re.compile(r"(\s+)")
_CANDIDATE = re.compile(r"[a-z0-9'’/\-]\s+[A-Z]|\s{2,}[A-Z]")


def split_run_together(text: str) -> list[str]:
    """Split a one-line cell whose Word paragraphs were joined by spaces.

    A paragraph starts at a capitalised word (or an acronym followed by a number, "NVQ 2") that
    follows a lowercase word which is not a function word, or at any capitalised word after a
    run of two or more spaces; sentence ends ("... work. Next") are left alone. Only cells
    longer than ``RUN_TOGETHER_MIN`` characters are split, and every piece keeps at least two
    words. ``text`` should still hold its original spacing.
    """
    text = text.strip()
    if len(text) <= RUN_TOGETHER_MIN or not _CANDIDATE.search(text):
        return [" ".join(text.split())] if text else []
    tokens = _GAPS.split(text)
    words, gaps = tokens[0::2], tokens[1::2]
    cuts = [0]
    for j in range(2, len(words) - 1):
        if words[j][0].isupper() and j - cuts[-1] >= 2:
            gap = gaps[j - 1]
            if _cue_at(words, j, len(gap) >= 2 or "\t" in gap):
                cuts.append(j)
    cuts.append(len(words))
    return [" ".join(words[a:b]) for a, b in zip(cuts, cuts[1:], strict=False)]


_INLINE_BULLET = re.compile(rf"(?:^|\s+)[{''.join(sorted(INLINE_BULLETS))}](?=\s)")


def split_inline_bullets(text: str) -> tuple[str, list[str]] | None:
    """(lead, items) for a one-line cell holding ``• a • b``; None without inline bullets."""
    pieces = _INLINE_BULLET.split(text)
    if len(pieces) < 2:
        return None
    items = [p.strip() for p in pieces[1:] if p.strip()]
    return pieces[0].strip(), items
