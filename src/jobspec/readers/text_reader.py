"""Reader for plain-text exports of Word documents (.txt, .md).

The text is decoded (:mod:`.text_decode`), split into lines, and each line is classified:
blank, *vertical* cell start (a line that starts with a tab and holds one cell), *horizontal*
row (tabs between cells; rows laid out with spaces are given tabs first, see
:func:`.text_tables.space_columns`), a line with only trailing tabs, or plain text. Runs of table lines
become :class:`~jobspec.document.Table` blocks (:mod:`.text_tables`); everything else becomes
paragraphs and list items, one per line, with wrapped lines joined back.
"""

from __future__ import annotations

import gc
import re
from pathlib import Path

from jobspec.document import Block, Cell, Document, Heading, ListItem, Paragraph, Provenance, Row, Table
from jobspec.glyphs import BULLETS, DASH_BULLETS, PUA_BULLETS, TICKS
from jobspec.readers.text_decode import read_text_file
from jobspec.readers.text_tables import (
    BIG_GAP,
    FUNCTION_WORDS,
    Group,
    Line,
    RawCell,
    RawRow,
    RawTable,
    horizontal_table,
    html_list,
    row_fits,
    space_columns,
    split_inline_bullets,
    split_run_together,
    split_tab_cells,
    vertical_tables,
)

__all__ = ["read_text"]

BLANK, VCELL, HROW, TRAIL, PLAIN = "blank", "vcell", "hrow", "trail", "plain"

_GLYPH_BULLETS = BULLETS | frozenset(PUA_BULLETS) - {"o"}
_EMPTY_BULLETS = _GLYPH_BULLETS - TICKS  # a lone tick is a mark in a cell, not an empty bullet
_BULLETS = "".join(sorted(_GLYPH_BULLETS | DASH_BULLETS)).replace("-", "\\-")
_BULLET_RE = re.compile(rf"^([{_BULLETS}]|o)\s+(?=\S)")
_ROMAN = r"(?:i{1,3}|iv|vi{0,3}|ix|xi{0,2})"
_NUMBER_RE = re.compile(
    rf"^(\((?:\d{{1,3}}|[a-zA-Z]|{_ROMAN})\)"  # (1) (a) (iv)
    rf"|(?:\d{{1,3}}(?:\.\d{{1,2}})*|[a-z]|{_ROMAN})[.)]"  # 1. 1) 1.2. a) a. iv)
    r"|[A-Z]\)"  # A)
    r"|\d{1,2}\.\d{1,2}(?=\s+[A-Z]))"  # 1.2 Text
    r"\s+(?=\S)"
)
_MARKER_TAB = re.compile(rf"^([ \t]*(?:[{_BULLETS}]|o|\(?(?:\d{{1,3}}|[a-z]|{_ROMAN})[.)]))\t+(?=\S)")
_MD_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_MD_BOLD = re.compile(r"^\*\*(.+)\*\*$")
_MD_RULE = re.compile(r"^\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?$")
_UL = re.compile(r"<(?:ul|li)\b", re.IGNORECASE)
_SENTENCE_END = (".", "!", "?", ":", ";")
_JOIN_WORDS = FUNCTION_WORDS - {"is", "are", "be"}
WRAP_MIN = 60  # a line at least this long without a full stop may have wrapped
MAX_TABLE_GAP = 5  # a cell start after at most this many blank lines still continues a table
EMPTY_CELL_MAX_LINES = 4  # text after a blank line fills an empty cell only if this short


def read_text(path: Path) -> Document:
    """Read a plain-text (.txt/.md) export into a :class:`Document`.

    Raises :class:`~jobspec.errors.InputError` for unreadable, binary or empty files.
    """
    path = Path(path)
    text, encoding, warnings = read_text_file(path)
    lines = space_columns(text.split("\n"))
    doc = Document(info={"encoding": encoding, "lines": len(lines)}, warnings=list(warnings))
    # The parse makes many small acyclic objects; pausing the cyclic collector meanwhile saves
    # a third of the time on large files.
    collecting = gc.isenabled()
    gc.disable()
    try:
        doc.blocks = _Parser(lines, markdown=path.suffix.lower() == ".md").parse()
    finally:
        if collecting:
            gc.enable()
    return doc


# --------------------------------------------------------------------------- line-level helpers


def clean(text: str) -> str:
    """Collapse whitespace (tabs included) and strip the ends."""
    return " ".join(text.split())


def parse_marker(text: str) -> tuple[str, bool, str] | None:
    """(marker, ordered, rest) when ``text`` starts with a bullet or typed number, else None."""
    first = text[:1]
    if first.isalpha() and first != "o" and ")" not in text[:6] and "." not in text[:6]:
        return None  # fast path: an ordinary word
    m = _BULLET_RE.match(text)
    if m:
        return m.group(1), False, text[m.end() :]
    m = _NUMBER_RE.match(text)
    if m:
        return m.group(1), True, text[m.end() :]
    return None


def classify(line: str) -> tuple[str, str]:
    """(kind, content) of one physical line; see the module docstring for the kinds."""
    if not line.strip():
        return (VCELL, "") if "\t" in line else (BLANK, "")
    if "\t" not in line:
        return PLAIN, line
    m = _MARKER_TAB.match(line)
    if m and "\t" not in line[m.end() :].rstrip():  # "1.<TAB>text", not a row "1.<TAB>a<TAB>b"
        line = f"{m.group(1)} {line[m.end() :]}"
    s = line.lstrip(" ").rstrip(" ")
    if "\t" not in s:
        return PLAIN, line
    parts = s.split("\t")
    filled = [p for p in parts if p.strip()]
    if not parts[0].strip():
        if len(filled) <= 1:
            return VCELL, filled[0].strip() if filled else ""
        return HROW, s
    if len(filled) == 1:
        return TRAIL, s
    return HROW, s


def is_wrap(raw: str, prev_raw: str) -> bool:
    """Whether physical line ``raw`` continues the line before it (a wrapped paragraph)."""
    s = raw.lstrip(" \t")
    if not s or parse_marker(s) or s.startswith("<"):
        return False
    lead = len(raw) - len(raw.lstrip(" "))
    prev = prev_raw.strip()
    first_lower = s[0].islower()
    open_end = not prev.endswith(_SENTENCE_END)
    if lead >= 2 and (first_lower or open_end):
        return True
    if lead == 1 and (first_lower or (open_end and len(prev) >= WRAP_MIN)):
        return True
    words = prev.split()
    return first_lower and bool(words) and words[-1].lower() in _JOIN_WORDS


Path_ = tuple[str | int, ...]


def _prov(n: int, cell: Path_, k: int) -> Provenance:
    """Provenance of the ``k``-th block of a table cell (or of a body block when ``cell`` is empty)."""
    return Provenance(line=n, path=(*cell, "para", k) if cell else ())


def _renumber(blocks: list[Block], n: int, cell: Path_, k0: int) -> list[Block]:
    """Give blocks made from one line their own positions in the cell (the first already has it)."""
    if cell:
        for k in range(1, len(blocks)):
            blocks[k].prov = _prov(n, cell, k0 + k)
    return blocks


def line_blocks(n: int, text: str, markdown: bool = False, cell: Path_ = (), k0: int = 0) -> list[Block]:
    """Blocks for one cleaned line: an HTML list remnant, a list item or a paragraph.

    ``cell`` is the path of the table cell the line belongs to and ``k0`` the index of the
    first block made from this line within that cell.
    """
    if text in _EMPTY_BULLETS:  # an empty bullet paragraph
        return []
    prov = _prov(n, cell, k0)
    if markdown:
        m = _MD_HEADING.match(text)
        if m:
            title = clean(m.group(2))  # "# #" is an empty heading: nothing to keep
            return [Heading(title, level=len(m.group(1)), prov=prov)] if title else []
    if "<" in text and _UL.search(text):
        found = html_list(text)
        if found is not None:
            lead, marker, items = found
            out: list[Block] = [Paragraph(lead, prov=prov)] if lead else []
            out.extend(ListItem(it, marker=marker, prov=prov) for it in items)
            return _renumber(out, n, cell, k0)
    mk = parse_marker(text)
    if mk is not None:
        marker, ordered, rest = mk
        if markdown and marker == "*" and rest.endswith("*") and not rest.endswith("**"):
            return [Paragraph(text, prov=prov)]
        return [ListItem(rest, marker=marker, ordered=ordered, prov=prov)]
    if markdown:
        m = _MD_BOLD.match(text)
        if m:
            return [Paragraph(clean(m.group(1)), prov=prov, bold=True)]
    return [Paragraph(text, prov=prov)]


def build_blocks(lines: list[Line], markdown: bool = False, cell: Path_ = ()) -> list[Block]:
    """Blocks for a run of physical lines (body text, or one vertical cell at path ``cell``).

    Blank lines are dropped; a line that wraps the one before it is joined to the previous
    block; every other line is its own block.
    """
    blocks: list[Block] = []
    prev_raw: str | None = None
    for n, raw in lines:
        if not raw.strip():
            prev_raw = None
            continue
        text = clean(raw)
        maybe_wrap = prev_raw is not None and (raw[0] in " \t" or text[0].islower())
        last = blocks[-1] if blocks else None
        if maybe_wrap and isinstance(last, Paragraph | ListItem) and is_wrap(raw, prev_raw or ""):
            last.text = f"{last.text} {text}"
        else:
            blocks.extend(line_blocks(n, text, markdown, cell, len(blocks)))
        prev_raw = raw
    return blocks


def inline_cell_blocks(n: int, raw: str, cell: Path_ = ()) -> list[Block]:
    """Blocks for a one-line cell of a horizontal row: HTML lists, inline bullets, run-together
    paragraphs."""
    text = clean(raw)
    if not text:
        return []
    if "<" in text and _UL.search(text):
        return line_blocks(n, text, cell=cell)
    bullets = split_inline_bullets(raw.strip())
    if bullets is not None:
        lead, items = bullets
        prov = _prov(n, cell, 0)
        out: list[Block] = [Paragraph(p, prov=prov) for p in split_run_together(lead)] if lead else []
        out.extend(ListItem(clean(it), marker="•", prov=prov) for it in items)
        return _renumber(out, n, cell, 0)
    if parse_marker(text) is not None:
        return line_blocks(n, text, cell=cell)
    parts = split_run_together(raw)
    prov = _prov(n, cell, 0)
    return _renumber([Paragraph(p, prov=prov) for p in parts], n, cell, 0)


def _indented_list(groups: list[Group]) -> bool:
    """Whether tab-started lines are list items indented with a tab rather than table cells:
    every one is a list item with text, followed only by its own wrapped lines (the last may be
    followed by any body text)."""
    cells = [c for g in groups for c in g.cells]
    for i, c in enumerate(cells):
        mk = parse_marker(clean(c.lines[0][1]))
        if mk is None or not mk[2].strip():
            return False
        if i < len(cells) - 1:
            lines = [t for _, t in c.lines]
            if any(not t.strip() or not is_wrap(t, p) for p, t in zip(lines, lines[1:], strict=False)):
                return False
    return True


# --------------------------------------------------------------------------- the parser


class _Parser:
    """One pass over classified lines; linear in the number of lines."""

    def __init__(self, lines: list[str], markdown: bool = False) -> None:
        self.lines = lines
        self.markdown = markdown
        n = len(lines)
        classified = [classify(line) for line in lines]
        self.kinds = [k for k, _ in classified]
        self.contents = [c for _, c in classified]
        self.has_ul = [bool(_UL.search(c)) for c in self.contents]
        # blank_run[i]: blank lines starting at i; resume[i]: reading on from line i, a vertical
        # cell start comes before a horizontal row, the end, or BIG_GAP blank lines followed by
        # text (a cell start may follow up to MAX_TABLE_GAP blank lines).
        # near[i]: text lines from line i to the next cell start, whatever the blank lines
        # between (a large number when a horizontal row or the end comes first).
        self.blank_run = [0] * (n + 1)
        self.resume = [False] * (n + 1)
        self.near = [n + 1] * (n + 1)
        for i in range(n - 1, -1, -1):
            kind = self.kinds[i]
            if kind == BLANK:
                self.blank_run[i] = self.blank_run[i + 1] + 1
                gap = self.blank_run[i]
                after = self.kinds[i + gap] if i + gap < n else BLANK
                if gap < BIG_GAP or (gap <= MAX_TABLE_GAP and after == VCELL):
                    self.resume[i] = self.resume[i + gap]
                self.near[i] = self.near[i + 1]
            elif kind == VCELL:
                self.resume[i] = not self.has_ul[i]
                self.near[i] = 0 if self.resume[i] else n + 1
            elif kind in (PLAIN, TRAIL):
                self.resume[i] = self.resume[i + 1]
                self.near[i] = self.near[i + 1] + 1
        self.blocks: list[Block] = []
        self.ntables = 0

    # -- driver

    def parse(self) -> list[Block]:
        body: list[Line] = []
        i, n = 0, len(self.lines)
        while i < n:
            kind = self.kinds[i]
            if kind == BLANK or (kind == PLAIN and not (self.markdown and self._is_pipe(i))):
                body.append((i + 1, self.lines[i] if kind == PLAIN else ""))
                i += 1
            elif kind == VCELL and not self.has_ul[i]:
                self._flush(body)
                groups, i = self._vertical(i)
                if _indented_list(groups):
                    self._add_list([c for g in groups for c in g.cells])
                else:
                    for t in vertical_tables(groups):
                        self._add_table(t)
            elif self._starts_horizontal(i):
                self._flush(body)
                table, i = self._horizontal(i)
                filled = [c for r in table.rows for c in r.cells if not c.is_empty()]
                if len(table.rows) == 1 and len(filled) <= 1:
                    body.extend(c.lines[0] for c in filled)
                else:
                    self._add_table(table)
            elif self.markdown and self._is_pipe(i) and i + 1 < n and self._is_pipe(i + 1):
                self._flush(body)
                table, i = self._pipe_table(i)
                self._add_table(table)
            else:
                text = self.contents[i] if kind == TRAIL else self.lines[i]
                body.append((i + 1, "" if kind == BLANK else text))
                i += 1
        self._flush(body)
        return self.blocks

    def _flush(self, body: list[Line]) -> None:
        if body:
            self.blocks.extend(build_blocks(body, self.markdown))
            body.clear()

    def _add_list(self, cells: list[RawCell]) -> None:
        """Tab-indented list items (see :func:`_indented_list`), nested one level under a list
        item just before them; lines after the last item are body text again."""
        last = self.blocks[-1] if self.blocks else None
        level = last.level + 1 if isinstance(last, ListItem) else 0
        starts = {c.line for c in cells}
        for b in build_blocks([ln for c in cells for ln in c.lines], self.markdown):
            if isinstance(b, ListItem) and b.prov.line in starts:
                b.level = level
            self.blocks.append(b)

    # -- horizontal tables

    def _is_hline(self, i: int) -> bool:
        """A line that can be a horizontal row once a horizontal table has started."""
        kind = self.kinds[i]
        if kind in (HROW, TRAIL):
            return True
        nxt = self.kinds[i + 1] if i + 1 < len(self.kinds) else BLANK
        return kind == VCELL and (self.has_ul[i] or nxt == HROW)

    def _row_text(self, i: int) -> str:
        return self.lines[i].lstrip(" ").rstrip(" ") if self.kinds[i] == VCELL else self.contents[i]

    def _starts_horizontal(self, i: int) -> bool:
        kind = self.kinds[i]
        if kind == HROW or (kind == VCELL and self.has_ul[i]):
            return True
        return kind == TRAIL and i + 1 < len(self.kinds) and self.kinds[i + 1] in (HROW, TRAIL)

    def _horizontal(self, i: int) -> tuple[RawTable, int]:
        rows: list[Line] = [(i + 1, self._row_text(i))]
        width = len(split_tab_cells(rows[0][1]))
        j, n = i + 1, len(self.lines)
        while j < n:
            if self._is_hline(j):
                text = self._row_text(j)
            elif self.kinds[j] == BLANK:
                nxt = j + self.blank_run[j]
                if self.blank_run[j] >= BIG_GAP or nxt >= n or not self._is_hline(nxt):
                    break
                text = self._row_text(nxt)
                if not row_fits(split_tab_cells(text), width):
                    break
                j = nxt
            else:
                break
            rows.append((j + 1, text))
            width = max(width, len(split_tab_cells(text)))
            j += 1
        return horizontal_table(rows), j

    # -- vertical tables

    def _vertical(self, i: int) -> tuple[list[Group], int]:
        """Cells from line ``i`` on, grouped between blank lines; returns them and the next line."""
        groups: list[Group] = []
        blank = 0
        j, n = i, len(self.lines)
        while j < n:
            kind = self.kinds[j]
            if kind == BLANK:
                blank += 1
            elif kind == VCELL and not self.has_ul[j]:
                if not groups or blank:
                    groups.append(Group([], gap_before=blank))
                groups[-1].cells.append(RawCell([(j + 1, self.contents[j])]))
                blank = 0
            elif kind in (PLAIN, TRAIL):
                cell = groups[-1].cells[-1]
                text = self.contents[j] if kind == TRAIL else self.lines[j]
                if blank and not self._continues(cell, j, blank, text):
                    break
                cell.lines.extend((j - blank + k + 1, "") for k in range(blank))
                cell.lines.append((j + 1, text))
                blank = 0
            else:
                break
            j += 1
        return groups, j

    def _continues(self, cell: RawCell, j: int, blank: int, text: str) -> bool:
        """Whether a plain line after ``blank`` blank lines still belongs to ``cell``: the table
        resumes after it (soon, when the cell is still empty), or it is one more item of a list
        the cell already holds."""
        if cell.is_empty():
            return self.near[j] <= EMPTY_CELL_MAX_LINES
        if blank >= BIG_GAP:
            return False
        if self.resume[j]:
            return True
        last = next((t for _, t in reversed(cell.lines) if t.strip()), "")
        return parse_marker(text.strip()) is not None and parse_marker(last.strip()) is not None

    # -- markdown pipe tables

    def _is_pipe(self, i: int) -> bool:
        s = self.lines[i].strip()
        return len(s) > 1 and s.startswith("|") and s.endswith("|")

    def _pipe_table(self, i: int) -> tuple[RawTable, int]:
        rows: list[RawRow] = []
        j = i
        while j < len(self.lines) and self._is_pipe(j):
            s = self.lines[j].strip()
            if not _MD_RULE.match(s):
                cells = [RawCell([(j + 1, c)], inline=True) for c in s[1:-1].split("|")]
                rows.append(RawRow(cells))
            j += 1
        return RawTable(rows, max((len(r.cells) for r in rows), default=0)), j

    # -- model

    def _add_table(self, raw: RawTable) -> None:
        t = self.ntables
        self.ntables += 1
        table = Table(ncols=raw.ncols, prov=Provenance(line=raw.line, path=("table", t)))
        for r, rrow in enumerate(raw.rows):
            row = Row(prov=Provenance(line=rrow.line, path=("table", t, "row", r)))
            for c, rcell in enumerate(rrow.cells):
                base = ("table", t, "row", r, "cell", c)
                lines = rcell.lines
                if rcell.inline:
                    blocks = inline_cell_blocks(lines[0][0], lines[0][1], base)
                elif len(lines) == 1:  # the common one-line cell
                    text = clean(lines[0][1])
                    blocks = line_blocks(lines[0][0], text, self.markdown, base) if text else []
                else:
                    blocks = build_blocks(lines, self.markdown, base)
                span = raw.ncols if rrow.full_width else 1
                cell_line = rcell.line or rrow.line
                row.cells.append(Cell(blocks, col=c, span=span, prov=Provenance(line=cell_line, path=base)))
            table.rows.append(row)
        self.blocks.append(table)
