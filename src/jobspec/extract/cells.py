"""Reading tables for the rules: cell text and labels, a person-spec table's column roles, tick rows.

Nothing here decides what a table *is*; the table and person-spec rules do, with these readings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from jobspec.document import Block, Cell, ListItem, Paragraph, Row, Table
from jobspec.extract.settings import ExtractSettings
from jobspec.extract.text import clean, ends_sentence, heading_label, is_title_case
from jobspec.extract.wording import Wording
from jobspec.glyphs import CELL_NUMBER, is_mark, is_positive_mark

_LEVEL_HEADER = re.compile(r"^\s*(essential|desirable|e|d)\b(?!\s+(?:to|for|that)\b)", re.I)
#: a header naming both levels over one column: "Essential/Desirable", "Essential or Desirable", "E/D", "E or D"
_ROW_LABEL_HEADER = re.compile(r"^(category|categories|area|areas|heading|section|factor|criteria|attributes?|requirements?)$", re.I)
_LEVEL_COLUMN_HEADER = re.compile(r"^(?:e\s*(?:/|or|and|&)\s*d|essential\s*(?:/|or|and|&)?\s*desirable)\s*(?:criteria|\(e/d\))?$", re.I)


@dataclass(slots=True)
class Layout:
    """Column roles of a person-specification table, read from its header rows."""

    level_cols: dict[int, str] = field(default_factory=dict)
    level_col: int | None = None  # one column whose cells say each criterion's level (E / D)
    evidence_col: int | None = None
    criteria_col: int | None = None
    criteria_label: str | None = None
    header_rows: int = 0
    ncols: int = 0

    @property
    def has_levels(self) -> bool:
        return bool(self.level_cols) or self.level_col is not None


@dataclass(slots=True)
class PSState:
    """What carries from one person-spec table (or heading) to the next."""

    layout: Layout | None = None
    category: str | None = None
    # rows whose level column's lines did not pair with their criteria: where, criteria, levels
    misaligned: list[tuple[str, int, int]] = field(default_factory=list)


def flat_blocks(blocks: list[Block]) -> list[Paragraph | ListItem]:
    """Paragraphs and list items of a cell, descending into nested tables."""
    out: list[Paragraph | ListItem] = []
    for b in blocks:
        if isinstance(b, Table):
            for row in b.rows:
                for c in row.cells:
                    out.extend(flat_blocks(c.blocks))
        elif isinstance(b, (Paragraph, ListItem)):
            out.append(b)
        else:
            out.append(Paragraph(b.text, prov=b.prov))
    return out


def cell_text(c: Cell | None) -> str:
    return clean(c.text) if c is not None else ""


def cell_label(c: Cell | None) -> str:
    """The first line of a cell as a label (numbering and trailing colon removed)."""
    if c is None:
        return ""
    for b in flat_blocks(c.blocks):
        t = clean(b.text)
        if t:
            return heading_label(t)
    return ""


def is_cell_number(text: str) -> bool:
    return bool(CELL_NUMBER.match(text.strip()))


def label_like(text: str, s: ExtractSettings) -> bool:
    """A short one-line label, not a sentence: the left cell of a key/value row."""
    if not text or "\n" in text.strip():
        return False
    return len(text.split()) <= s.label_max_words and not ends_sentence(text) and not text.rstrip().endswith(",")


def _header_word(txt: str, w: Wording) -> bool:
    """A cell that names a column: criteria, evidence, category."""
    return bool(w.criteria_header.search(txt) or w.evidence_header.search(txt) or _ROW_LABEL_HEADER.match(txt))


def find_layout(t: Table, s: ExtractSettings, w: Wording) -> Layout:
    """Column roles from the header rows at the top of ``t`` (empty when there is no header).

    Header cells are also read with their spaces squeezed out, for words a narrow column broke
    ("Essent ial/ Desira ble"). A lone E or D is a level header only in a row of header words; a
    row of header words with no level column ("Category | Requirements | How assessed") is still
    the header."""
    lay = Layout(ncols=t.ncols)
    plain_header: tuple[int, int | None, int | None, str | None] | None = None  # row, evidence, criteria, label
    for ri, row in enumerate(t.rows[: s.header_search_rows]):
        levels: dict[int, str] = {}
        level_col = None
        texts = [(c, clean(c.text).lower()) for c in row.cells]
        texts = [(c, x) for c, x in texts if x and len(x.split()) <= s.header_cell_max_words]
        header_row = sum(1 for _c, x in texts if _header_word(x, w)) >= 1
        evidence_col = criteria_col = None
        criteria_label = None
        for c, txt in texts:
            squeezed = re.sub(r"\s+", "", txt)
            if _LEVEL_COLUMN_HEADER.match(txt) or _LEVEL_COLUMN_HEADER.match(squeezed):
                level_col = c.col
                continue
            m = _LEVEL_HEADER.match(txt) or _LEVEL_HEADER.match(squeezed) if squeezed in ("essential", "desirable") else (
                _LEVEL_HEADER.match(txt))
            if m and not ("essential" in txt and "desirable" in txt):
                word = m.group(1).lower()
                if len(word) == 1 and (len(txt) > s.level_letter_header_max_chars or not header_row):
                    continue
                lvl = "essential" if word.startswith("e") else "desirable"
                for col in range(c.col, c.col + c.span):
                    levels[col] = lvl
            elif w.evidence_header.search(txt) and len(txt.split()) <= s.evidence_header_max_words:
                evidence_col = c.col
            elif w.criteria_header.search(txt):
                criteria_col, criteria_label = c.col, heading_label(c.text)
        if evidence_col is not None:
            lay.evidence_col = evidence_col
        if criteria_col is not None:
            lay.criteria_col, lay.criteria_label = criteria_col, criteria_label
        if level_col is not None and not levels:
            lay.level_col, lay.header_rows = level_col, ri + 1
            return lay
        if levels:
            lay.level_cols = levels
            lay.header_rows = ri + 1
            return lay
        non_empty = [c for c in row.cells if not c.is_empty()]
        if plain_header is None and len(non_empty) >= 2 and all(_header_word(clean(c.text).lower(), w) for c in non_empty):
            plain_header = (ri, evidence_col, criteria_col, criteria_label)
    lay.evidence_col = lay.criteria_col = lay.criteria_label = None
    if plain_header is not None:
        ri, lay.evidence_col, lay.criteria_col, lay.criteria_label = plain_header
        lay.header_rows = ri + 1
    return lay


def tick_rows(t: Table) -> int:
    """How many rows hold a positive mark cell (a tick, a checked box, an x)."""
    return sum(1 for row in t.rows if any(is_mark(c.text) and is_positive_mark(c.text) for c in row.cells))


def tick_mode(rows: list[Row], lay: Layout) -> bool:
    """True when the level columns hold marks rather than the criteria themselves."""
    if not lay.level_cols:
        return False
    ticks = texts = 0
    for row in rows:
        for col in set(lay.level_cols):
            c = row.cell_at(col)
            if c is None or c.col != col or c.is_empty():
                continue
            if is_mark(c.text):
                ticks += 1
            else:
                texts += 1
    return ticks > 0 and ticks >= texts


def category_row(c: Cell, s: ExtractSettings, w: Wording) -> bool:
    """A cell holding only a category name ("Qualifications", **Experience**)."""
    items = [b for b in flat_blocks(c.blocks) if clean(b.text)]
    if len(items) != 1:
        return False
    t = clean(items[0].text)
    n = len(t.split())
    short = n <= s.category_row_short_words or is_title_case(t, w) or getattr(items[0], "bold", False)
    return w.is_category_label(t) and short and n <= s.category_row_max_words and not ends_sentence(t)


def category_table(t: Table, w: Wording) -> bool:
    """Rows labelled with person-spec categories (Qualifications, Experience, ...)."""
    labels = []
    for row in t.rows:
        cells = [c for c in row.cells if not c.is_empty()]
        if len(cells) >= 2:
            labels.append(cell_label(cells[0]))
    if not labels:
        return False
    hits = sum(1 for x in labels if w.is_category_label(x))
    return hits >= max(1, (len(labels) + 1) // 2)


def nearest_level(col: int, lay: Layout) -> str | None:
    """The level of the level column nearest ``col`` (a criterion cell between two headers)."""
    if not lay.level_cols:
        return None
    levels = set(lay.level_cols.values())
    if len(levels) == 1:
        return next(iter(levels))
    best = min(lay.level_cols, key=lambda k: (abs(k - col), k))
    return lay.level_cols[best]
