"""Draw a :class:`~layout.Layout` as a real Word document with python-docx.

Real tables (merged cells as w:gridSpan / w:vMerge, repeated header rows as w:tblHeader, rows that
cannot split), real list numbering in numbering.xml (bullets with the chosen glyph, 1. / a) lists and
multi-level 1. / 1.1. lists), bold and large-type runs, page headers and page breaks. The generic
helpers (A4 document with fixed metadata, deterministic save, shading, column widths) are the
examples' own, from ``examples/make_examples.py``.
"""

from __future__ import annotations

import functools
import importlib.util
from pathlib import Path

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Pt

from .layout import Layout, ListSpec, PageBreak, Para, Table

ROOT = Path(__file__).resolve().parents[2]
ALIGN = {"center": WD_ALIGN_PARAGRAPH.CENTER, "right": WD_ALIGN_PARAGRAPH.RIGHT}
SYMBOL_BULLET = "\uf0b7"  # Word's default bullet: Symbol font, private-use code point


@functools.cache
def examples():
    path = ROOT / "examples" / "make_examples.py"
    spec = importlib.util.spec_from_file_location("zoo_make_examples", path)
    mod = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(mod)  # type: ignore[union-attr]
    return mod


def _levels(spec: ListSpec) -> list[tuple[str, str, str | None]]:
    """(w:numFmt, w:lvlText, font) per level of the list's definition."""
    if spec.kind == "bullet":
        if spec.glyph == "symbol":
            return [("bullet", SYMBOL_BULLET, "Symbol"), ("bullet", "o", "Courier New")]
        return [("bullet", spec.glyph, None), ("bullet", "\u25e6", None)]
    if spec.kind == "letter":
        return [("lowerLetter", "%1)", None), ("lowerRoman", "(%2)", None)]
    if spec.kind == "multilevel":
        return [("decimal", "%1.", None), ("decimal", "%1.%2.", None), ("decimal", "%1.%2.%3.", None)]
    return [("decimal", "%1.", None), ("lowerLetter", "%2)", None)]


class Numbering:
    """numbering.xml: one w:abstractNum per list kind and glyph, one w:num (restarting at 1) per list."""

    def __init__(self, doc) -> None:
        self.doc = doc
        self.part = doc.part.numbering_part.element
        self.abstract: dict[tuple[str, str], int] = {}
        self.nums: dict[int, int] = {}

    def _abstract_id(self, spec: ListSpec) -> int:
        key = (spec.kind, spec.glyph if spec.kind == "bullet" else "")
        if key not in self.abstract:
            new_id = 100 + len(self.abstract)
            lvls = []
            for ilvl, (fmt, text, font) in enumerate(_levels(spec)):
                rpr = f'<w:rPr><w:rFonts w:ascii="{font}" w:hAnsi="{font}" w:hint="default"/></w:rPr>' if font else ""
                left = 720 + 360 * ilvl * (2 if spec.kind == "multilevel" else 1)
                lvls.append(f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
                            f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
                            f'<w:pPr><w:ind w:left="{left}" w:hanging="{360 if ilvl == 0 else 720}"/></w:pPr>'
                            f"{rpr}</w:lvl>")
            multi = "multilevel" if len(lvls) > 1 else "singleLevel"
            abstract = parse_xml(f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{new_id}">'
                                 f'<w:nsid w:val="{0x5A0C0000 + new_id:08X}"/><w:multiLevelType w:val="{multi}"/>'
                                 + "".join(lvls) + "</w:abstractNum>")
            first_num = self.part.find(qn("w:num"))
            if first_num is not None:
                first_num.addprevious(abstract)
            else:
                self.part.append(abstract)
            self.abstract[key] = new_id
        return self.abstract[key]

    def num_id(self, spec: ListSpec) -> int:
        if spec.list_id not in self.nums:
            num = self.part.add_num(self._abstract_id(spec))
            num.add_lvlOverride(ilvl=0).add_startOverride(1)
            self.nums[spec.list_id] = num.numId
        return self.nums[spec.list_id]


def _fill_para(p, block: Para, numbering: Numbering) -> None:
    if block.style != "Normal" or block.lst:
        p.style = "List Paragraph" if block.lst else block.style
    for r in block.runs:
        run = p.add_run(r.text)
        run.bold = r.bold or None
        run.italic = r.italic or None
        run.underline = r.underline or None
        if r.size:
            run.font.size = Pt(r.size)
    if block.align:
        p.alignment = ALIGN[block.align]
    fmt = p.paragraph_format
    fmt.keep_together = True
    if block.space_after is not None:
        fmt.space_after = Pt(block.space_after)
    if block.lst:
        num_pr = p._p.get_or_add_pPr().get_or_add_numPr()
        num_pr.get_or_add_ilvl().val = block.lst.level
        num_pr.get_or_add_numId().val = numbering.num_id(block.lst)


def _add_table(container, table: Table, numbering: Numbering, width_cm: float | None = None):
    ex = examples()
    ncols = len(table.widths)
    if width_cm is None:
        t = container.add_table(rows=len(table.rows), cols=ncols)
    else:
        from docx.shared import Cm

        t = container.add_table(rows=len(table.rows), cols=ncols, width=Cm(width_cm))
    if table.borders:
        t.style = "Table Grid"
    # merge first, then fill the top-left cell of each merged area
    anchors: list[list[int]] = []  # per row: the grid column each layout cell starts at
    for r, row in enumerate(table.rows):
        col, starts = 0, []
        for c in row.cells:
            starts.append(col)
            if c.span > 1:
                t.cell(r, col).merge(t.cell(r, col + c.span - 1))
            col += c.span
        assert col == ncols, f"row {r} covers {col} of {ncols} columns"
        anchors.append(starts)
    for r, row in enumerate(table.rows):
        for c, start in zip(row.cells, anchors[r], strict=True):
            if c.vmerge == "restart":
                last = r
                while last + 1 < len(table.rows) and _continues(table, last + 1, start, anchors):
                    last += 1
                if last > r:
                    t.cell(r, start).merge(t.cell(last, start))
    for r, row in enumerate(table.rows):
        tr = t.rows[r]._tr
        tr_pr = tr.get_or_add_trPr()
        tr_pr.append(parse_xml(f"<w:cantSplit {nsdecls('w')}/>"))
        if row.header:
            ex.repeat_as_header(t.rows[r])
        for c, start in zip(row.cells, anchors[r], strict=True):
            if c.vmerge == "continue":
                continue
            target = t.cell(r, start)
            if c.shade:
                ex.shade(target, c.shade)
            for i, block in enumerate(c.blocks):
                p = target.paragraphs[0] if i == 0 else target.add_paragraph()
                _fill_para(p, block, numbering)
    ex.set_widths(t, table.widths)
    return t


def _continues(table: Table, r: int, start: int, anchors: list[list[int]]) -> bool:
    for c, s in zip(table.rows[r].cells, anchors[r], strict=True):
        if s == start:
            return c.vmerge == "continue"
    return False


def write_docx(layout: Layout, path: Path) -> None:
    ex = examples()
    doc = ex.new_document(layout.title, font=layout.font, size=layout.size)
    numbering = Numbering(doc)
    body_width = 17.0
    if layout.header:
        header = doc.sections[0].header
        header.is_linked_to_previous = False
        first = True
        for block in layout.header:
            if isinstance(block, Table):
                _add_table(header, block, numbering, width_cm=body_width)
            else:
                p = header.paragraphs[0] if first else header.add_paragraph()
                _fill_para(p, block, numbering)
            first = False
    for block in layout.body:
        if isinstance(block, PageBreak):
            doc.add_page_break()
        elif isinstance(block, Table):
            _add_table(doc, block, numbering)
            doc.add_paragraph()  # Word always keeps a paragraph between two tables
        else:
            _fill_para(doc.add_paragraph(), block, numbering)
    ex.save_docx(doc, path)
