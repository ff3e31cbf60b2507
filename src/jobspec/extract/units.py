"""Linearise a document into units: headings, items, paragraphs, label/value fields and tables.

Layout tables (a table used to lay out a page) are unrolled into the flow; key/value rows
become fields; tables that may hold a person specification are kept whole for the
criteria extractor. Heading-likeness is decided here from layout cues only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from jobspec.document import Block, Cell, Heading, ListItem, Paragraph, Provenance, Table
from jobspec.extract.text import (
    clean,
    ends_sentence,
    has_level_word,
    heading_label,
    heading_like,
    marker_kind,
    split_typed_marker,
    strip_bullet,
)
from jobspec.extract.vocabulary import UNKNOWN, field_of, is_category_label, section_kind

HEADING, ITEM, PARA, FIELD, TABLE = "heading", "item", "para", "field", "table"
_LABEL_VALUE = re.compile(r"^([A-Z][A-Za-z/&' ()\-]{1,40}?)\s*:\s+(\S.{0,300})$")


@dataclass(slots=True)
class Unit:
    kind: str
    text: str = ""
    prov: Provenance = field(default_factory=Provenance)
    rank: int = 9  # headings: 1 biggest .. 9 weakest
    marker: str | None = None
    level: int = 0
    bold: bool = False
    value: str = ""
    value_blocks: list[Block] = field(default_factory=list)
    table: Table | None = None
    typed: bool = False  # the marker was typed into the text, not list formatting


def linearise(blocks: list[Block]) -> list[Unit]:
    """Units in reading order; numbered headings over lettered items are turned into headings."""
    out: list[Unit] = []
    _emit(blocks, out)
    _promote_list_headings(out)
    return out


def _emit(blocks: list[Block], out: list[Unit]) -> None:
    for b in blocks:
        if isinstance(b, Table):
            _emit_table(b, out)
        elif isinstance(b, Heading):
            t = clean(b.text)
            if t:
                out.append(Unit(HEADING, t, b.prov, rank=max(1, min(b.level, 6))))
        elif isinstance(b, ListItem):
            t = clean(b.text)
            if not t:
                continue
            typed, rest = split_typed_marker(t)
            marker, text = (typed, clean(rest)) if typed else (b.marker, t)
            out.append(Unit(ITEM, text, b.prov, marker=marker, level=b.level, bold=b.bold, typed=bool(typed)))
        elif isinstance(b, Paragraph):
            t = clean(b.text)
            if not t:
                continue
            typed, rest = split_typed_marker(t)
            if typed and len(rest) > 1:
                out.append(Unit(ITEM, clean(rest), b.prov, marker=typed, bold=b.bold, typed=True))
                continue
            lv = _LABEL_VALUE.match(t)
            if lv and _field_label(lv.group(1)):
                out.append(Unit(FIELD, lv.group(1).strip(), b.prov, value=clean(lv.group(2)),
                                value_blocks=[Paragraph(lv.group(2), prov=b.prov)]))
                continue
            stripped = strip_bullet(t)
            if stripped != t:
                out.append(Unit(ITEM, clean(stripped), b.prov, marker=t[: len(t) - len(stripped)].strip(), bold=b.bold, typed=True))
            elif heading_like(t, bold=b.bold) or _named_section(t):
                out.append(Unit(HEADING, t, b.prov, rank=7 if b.bold else 9, bold=b.bold))
            else:
                out.append(Unit(PARA, t, b.prov, bold=b.bold))


def _field_label(label: str) -> bool:
    """A "Label: value" line: a known post field, or a short label that is not a level or category."""
    if field_of(label) is not None:
        return True
    return len(label.split()) <= 3 and not has_level_word(label) and not is_category_label(label)


def _named_section(text: str) -> bool:
    """A short line naming a known kind of section ("General information", "Selection process details")."""
    n = len(text.split())
    if n > 4 or text.endswith((".", ";", ",", "!", "?")) or text.startswith("To "):
        return False
    return section_kind(heading_label(text)) != UNKNOWN


def _cell_text(c: Cell | None) -> str:
    return clean(c.text) if c is not None else ""


def _emit_table(t: Table, out: list[Unit]) -> None:
    # whether a table is a person specification or page layout depends on the section it sits in:
    # the walker decides, and unrolls layout tables with layout_units()
    out.append(Unit(TABLE, "", t.prov, table=t))


def emit_layout_table(t: Table, out: list[Unit]) -> None:
    """Unroll a layout table: numbered rows become items, label/value rows fields, the rest flow."""
    for row in t.rows:
        cells = [c for c in row.cells if not c.is_empty()]
        if not cells:
            continue
        first = cells[0]
        first_text = _cell_text(first)
        if len(cells) >= 2 and re.fullmatch(r"\(?\d{1,2}[.)]?|\(?[a-z][.)]", first_text):
            # a numbered row: "1." | text
            for c in cells[1:]:
                start = len(out)
                _emit(c.blocks, out)
                if len(out) > start and out[start].kind in (PARA, HEADING):
                    u = out[start]
                    out[start] = Unit(ITEM, u.text, u.prov, marker=first_text, typed=True)
            continue
        if len(row.cells) >= 2 and len(cells) == 1 and row.cells[0] is first and _label_like(first_text) and (
            field_of(heading_label(first_text)) is not None
        ):
            out.append(Unit(FIELD, first_text, first.prov))  # a details row left blank
            continue
        if len(cells) >= 2 and _label_like(first_text):
            rest: list[Block] = [b for c in cells[1:] for b in c.blocks]
            value = " ".join(_cell_text(c) for c in cells[1:])
            out.append(Unit(FIELD, first_text, first.prov, value=value, value_blocks=rest))
            continue
        for c in cells:
            _emit(c.blocks, out)


def layout_units(t: Table) -> list[Unit]:
    """A table's units when it turns out to be layout rather than a person specification."""
    out: list[Unit] = []
    emit_layout_table(t, out)
    _promote_list_headings(out)
    return out


def _label_like(text: str) -> bool:
    if not text or "\n" in text.strip():
        return False
    n = len(text.split())
    return n <= 8 and not ends_sentence(text) and not text.rstrip().endswith(",")


def _promote_list_headings(units: list[Unit]) -> None:
    """An item followed by deeper items ("1. Teaching" then "a) Plan ...") is a heading for them."""
    n = len(units)
    for i, u in enumerate(units):
        if u.kind != ITEM or ends_sentence(u.text) or len(u.text.split()) > 14:
            continue
        j = i + 1
        if j >= n or units[j].kind != ITEM:
            continue
        nxt = units[j]
        k_u, k_n = marker_kind(u.marker), marker_kind(nxt.marker)
        deeper = nxt.level > u.level or (k_u == "number" and k_n in ("letter", "roman")) or (
            u.bold and not nxt.bold and k_u != k_n
        )
        if deeper:
            units[i] = Unit(HEADING, u.text, u.prov, rank=8, marker=u.marker, bold=u.bold)
