"""Person-specification tables: every layout family decided from headers, columns and ticks.

Families handled:
- category rows x Essential/Desirable columns whose cells hold lists;
- numbered attribute rows with tick columns (√ ✓ X Y) and an Evidence / How-assessed column;
- Criteria | Essential | Desirable | How identified, where the column a criterion sits in is its level;
- Essential/Desirable header over columns with category rows between the criteria rows;
- category | criteria tables with no level column (every criterion essential unless marked).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from jobspec.document import Block, Cell, ListItem, Paragraph, Provenance, Row, Table
from jobspec.extract.text import (
    clean,
    ends_sentence,
    heading_label,
    is_lead_in,
    is_title_case,
    split_typed_marker,
    strip_bullet,
)
from jobspec.extract.vocabulary import (
    EVIDENCE_HEADER,
    TICK,
    TICK_POSITIVE,
    field_of,
    is_category_label,
    methods_in,
)

_LEVEL_HEADER = re.compile(r"^\s*(essential|desirable|e|d)\b(?!\s+(?:to|for|that)\b)", re.I)
_CRITERIA_HEADER = re.compile(r"criteri|attribute|requirement|description|specification|competenc|area", re.I)
_INLINE_LEVEL = re.compile(r"\s*[\(\[]\s*(E|D|Essential|Desirable)\s*[\)\]]\s*$|\s+[-–]\s*(Essential|Desirable)\s*$", re.I)
_INLINE_METHODS = re.compile(r"\s*[\(\[]\s*((?:[AIRCTOP]{1,2})(?:\s*[/,&+]\s*[AIRCTOP]{1,2})*)\s*[\)\]]\s*$")
_LEVEL_LABEL = re.compile(r"^\s*(essential|desirable)(?:\s+(?:criteria|requirements|skills|attributes))?\s*[:\-–]\s*", re.I)


@dataclass(slots=True)
class Draft:
    """A criterion before ids and tags are assigned."""

    text: str
    level: str
    category_label: str | None
    assessed_by: list[str]
    prov: Provenance
    label_is_header: bool = False
    category_hint: str | None = None


@dataclass(slots=True)
class Layout:
    """Column roles of a person-specification table."""

    level_cols: dict[int, str] = field(default_factory=dict)
    evidence_col: int | None = None
    criteria_col: int | None = None
    criteria_label: str | None = None
    header_rows: int = 0
    ncols: int = 0


def _norm(text: str) -> str:
    return clean(text).lower()


def find_layout(t: Table) -> Layout:
    """Column roles from the header rows at the top of ``t`` (empty when there is no header)."""
    lay = Layout(ncols=t.ncols)
    for ri, row in enumerate(t.rows[:4]):
        levels: dict[int, str] = {}
        for c in row.cells:
            txt = _norm(c.text)
            if not txt or len(txt.split()) > 5:
                continue
            m = _LEVEL_HEADER.match(txt)
            if m and not ("essential" in txt and "desirable" in txt):
                word = m.group(1).lower()
                lvl = "essential" if word.startswith("e") else "desirable"
                if len(word) == 1 and len(txt) > 3:
                    continue
                for col in range(c.col, c.col + c.span):
                    levels[col] = lvl
            elif EVIDENCE_HEADER.search(txt) and len(txt.split()) <= 4:
                lay.evidence_col = c.col
            elif _CRITERIA_HEADER.search(txt):
                lay.criteria_col = c.col
                lay.criteria_label = heading_label(c.text)
        if levels:
            lay.level_cols = levels
            lay.header_rows = ri + 1
            return lay
    lay.evidence_col = lay.criteria_col = None
    return lay


def looks_like_ps_table(t: Table) -> bool:
    """A table with Essential/Desirable headers (or tick columns) is a person specification."""
    if find_layout(t).level_cols:
        return True
    ticks = 0
    for row in t.rows:
        if any(c.text.strip() and TICK.match(c.text.strip()) and TICK_POSITIVE.search(c.text) for c in row.cells):
            ticks += 1
    return ticks >= 3


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


def _cell_label(c: Cell | None) -> str:
    if c is None:
        return ""
    for b in flat_blocks(c.blocks):
        t = clean(b.text)
        if t:
            return heading_label(t)
    return ""


def item_texts(blocks: list[Block], level: str) -> list[tuple[str, str, Provenance]]:
    """Criteria texts of a cell with their level: one per paragraph or list item.

    "Essential:"/"Desirable:" lines switch the level; inline "(E)"/"(D)" markers set it.
    """
    out: list[tuple[str, str, Provenance]] = []
    cur = level
    for b in flat_blocks(blocks):
        t = clean(b.text)
        if not t:
            continue
        m = _LEVEL_LABEL.match(t)
        if m:
            cur = m.group(1).lower()
            t = t[m.end():].strip()
            if not t:
                continue
        elif re.fullmatch(r"(essential|desirable)( criteria)?:?", t, re.I):
            cur = t.split()[0].lower().rstrip(":")
            continue
        if is_lead_in(t):
            continue
        if isinstance(b, Paragraph):
            t = strip_bullet(t)
        _typed, rest = split_typed_marker(t)
        t = clean(rest) if _typed else t
        out.append((t, cur, b.prov))
    return out


def split_inline(text: str, level: str) -> tuple[str, str, list[str]]:
    """Strip trailing "(E)" / "(A/I)" markers: returns text, level, methods."""
    methods: list[str] = []
    for _ in range(2):
        m = _INLINE_METHODS.search(text)
        if m:
            methods = methods_in(m.group(1)) or methods
            text = text[: m.start()].rstrip()
        m = _INLINE_LEVEL.search(text)
        if m:
            word = (m.group(1) or m.group(2)).lower()
            level = "essential" if word.startswith("e") else "desirable"
            text = text[: m.start()].rstrip()
    return text, level, methods


@dataclass(slots=True)
class PSState:
    """What carries from one person-spec table (or heading) to the next."""

    layout: Layout | None = None
    category: str | None = None


def _is_number(text: str) -> bool:
    return bool(re.fullmatch(r"\(?\d{1,3}[.)]?", text.strip()))


def parse_ps_table(t: Table, state: PSState, default_level: str = "essential") -> list[Draft]:
    """Criteria of one person-specification table, updating ``state`` for a continuation table."""
    lay = find_layout(t)
    if not lay.level_cols and state.layout is not None and state.layout.ncols == t.ncols and state.layout.level_cols:
        prev = state.layout
        lay = Layout(dict(prev.level_cols), prev.evidence_col, prev.criteria_col, prev.criteria_label, 0, t.ncols)
    if lay.level_cols:
        state.layout = lay
    rows = t.rows[lay.header_rows:]
    tick_mode = _tick_mode(rows, lay)
    out: list[Draft] = []
    for row in rows:
        cells = [c for c in row.cells if not c.is_empty()]
        if not cells:
            continue
        texts = [clean(c.text) for c in cells]
        if all(is_lead_in(x) for x in texts):
            continue
        evidence = ""
        if lay.evidence_col is not None:
            ec = row.cell_at(lay.evidence_col)
            if ec is not None and ec.col not in lay.level_cols:
                evidence = clean(ec.text)
        methods = methods_in(evidence) if evidence else []
        content = [c for c in cells if c.col != lay.evidence_col or c.col in lay.level_cols]
        content = [c for c in content if not _is_number(clean(c.text))]
        if not content:
            continue
        # a row holding only a category name: in the category column, or, where the level columns
        # start at the left edge, alone in its row
        has_cat_col = bool(lay.level_cols) and min(lay.level_cols) > 0 and not tick_mode
        if len(content) == 1 and _category_row(content[0]) and (
            not has_cat_col or content[0].col < min(lay.level_cols)
        ):
            state.category = _cell_label(content[0])
            continue
        if not lay.level_cols and len(content) >= 2 and _details_row(content[0]):
            continue  # a post-details row (Job title, Grade, Hours...) at the top of a category table
        if tick_mode:
            out.extend(_tick_row(row, content, lay, state, methods))
        else:
            out.extend(_text_row(content, lay, state, methods, default_level))
    return out


def _details_row(c: Cell) -> bool:
    label = _cell_label(c)
    return field_of(label) is not None and not is_category_label(label)


def _category_row(c: Cell) -> bool:
    items = [b for b in flat_blocks(c.blocks) if clean(b.text)]
    if len(items) != 1:
        return False
    t = clean(items[0].text)
    short = len(t.split()) <= 3 or is_title_case(t) or getattr(items[0], "bold", False)
    return is_category_label(t) and short and len(t.split()) <= 6 and not ends_sentence(t)


def _tick_mode(rows: list[Row], lay: Layout) -> bool:
    """True when the level columns hold ticks rather than the criteria themselves."""
    if not lay.level_cols:
        return False
    ticks = texts = 0
    for row in rows:
        for col in set(lay.level_cols):
            c = row.cell_at(col)
            if c is None or c.col != col or c.is_empty():
                continue
            if TICK.match(c.text.strip()):
                ticks += 1
            else:
                texts += 1
    return ticks > 0 and ticks >= texts


def _tick_row(row: Row, content: list[Cell], lay: Layout, state: PSState, methods: list[str]) -> list[Draft]:
    level = None
    text_cells = []
    for c in content:
        if c.col in lay.level_cols and TICK.match(c.text.strip()):
            if level is None and TICK_POSITIVE.search(c.text):
                level = lay.level_cols[c.col]
        elif c.col not in lay.level_cols:
            text_cells.append(c)
    if not text_cells:
        return []
    if lay.criteria_col is not None:
        crit = next((c for c in text_cells if c.col == lay.criteria_col), None) or text_cells[-1]
    else:
        crit = max(text_cells, key=lambda c: len(c.text))
    cat_cells = [c for c in text_cells if c is not crit and c.col < crit.col]
    if cat_cells:
        state.category = _cell_label(cat_cells[-1]) or state.category
    label, from_header = state.category, False
    if not cat_cells and lay.criteria_col is not None and not state.category:
        label, from_header = lay.criteria_label, True
    out = []
    for text, lvl, prov in item_texts(crit.blocks, level or "essential"):
        text, lvl2, m2 = split_inline(text, lvl)
        out.append(Draft(text, lvl2 if level is None else lvl, label, methods or m2, prov, label_is_header=from_header))
    return out


def _text_row(content: list[Cell], lay: Layout, state: PSState, methods: list[str], default_level: str) -> list[Draft]:
    text_cols = sorted({c.col for c in content})
    level_cells = [c for c in content if c.col in lay.level_cols]
    others = [c for c in content if c.col not in lay.level_cols]
    if lay.level_cols:
        cat_cell = next((c for c in others if c.col < min(lay.level_cols)), None)
        crit_cells = level_cells + [c for c in others if c is not cat_cell]
    else:
        cat_cell = content[0] if len(text_cols) > 1 else None
        crit_cells = [c for c in content if c is not cat_cell]
    if cat_cell is not None:
        state.category = _cell_label(cat_cell) or state.category
    out: list[Draft] = []
    for c in crit_cells:
        level = lay.level_cols.get(c.col) or _nearest_level(c.col, lay) or default_level
        for text, lvl, prov in item_texts(c.blocks, level):
            text, lvl, m2 = split_inline(text, lvl)
            if text:
                out.append(Draft(text, lvl, state.category, methods or m2, prov))
    return out


def _nearest_level(col: int, lay: Layout) -> str | None:
    if not lay.level_cols:
        return None
    levels = set(lay.level_cols.values())
    if len(levels) == 1:
        return next(iter(levels))
    best = min(lay.level_cols, key=lambda k: (abs(k - col), k))
    return lay.level_cols[best]


def category_table(t: Table) -> bool:
    """Rows labelled with person-spec categories (Qualifications, Experience, ...)."""
    labels = []
    for row in t.rows:
        cells = [c for c in row.cells if not c.is_empty()]
        if len(cells) >= 2:
            labels.append(_cell_label(cells[0]))
    if not labels:
        return False
    hits = sum(1 for x in labels if is_category_label(x))
    return hits >= max(1, (len(labels) + 1) // 2)
