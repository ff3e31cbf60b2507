"""Build small .docx fixtures in tests with python-docx, plus the XML python-docx has no API for."""

from __future__ import annotations

from pathlib import Path

import docx
from docx.oxml import OxmlElement
from docx.oxml.ns import qn


def new() -> docx.document.Document:
    return docx.Document()


def add_numbering(d, num_id: str, levels: list[tuple[str, str]]) -> str:
    """Add a list whose level ``i`` has numFmt and lvlText ``levels[i]``; return its numId."""
    numbering = d.part.numbering_part.element
    absn = OxmlElement("w:abstractNum")
    absn.set(qn("w:abstractNumId"), f"{num_id}0")
    for ilvl, (fmt, text) in enumerate(levels):
        lvl = OxmlElement("w:lvl")
        lvl.set(qn("w:ilvl"), str(ilvl))
        for tag, val in (("w:start", "1"), ("w:numFmt", fmt), ("w:lvlText", text)):
            el = OxmlElement(tag)
            el.set(qn("w:val"), val)
            lvl.append(el)
        absn.append(lvl)
    numbering.insert(0, absn)
    num = OxmlElement("w:num")
    num.set(qn("w:numId"), num_id)
    aid = OxmlElement("w:abstractNumId")
    aid.set(qn("w:val"), f"{num_id}0")
    num.append(aid)
    numbering.append(num)
    return num_id


def add_lettered_numbering(d) -> str:
    """Add a real Word list numbered a), b), c) at level 0 and i., ii. at level 1; return its numId."""
    return add_numbering(d, "77", [("lowerLetter", "%1)"), ("lowerRoman", "%2.")])


def numbered(paragraph, num_id: str, ilvl: int = 0) -> None:
    set_num_pr(paragraph._p.get_or_add_pPr(), num_id, ilvl)


def set_num_pr(ppr, num_id: str, ilvl: int = 0) -> None:
    """Number a paragraph, or every paragraph of a style, given its w:pPr."""
    numpr = OxmlElement("w:numPr")
    il = OxmlElement("w:ilvl")
    il.set(qn("w:val"), str(ilvl))
    ni = OxmlElement("w:numId")
    ni.set(qn("w:val"), num_id)
    numpr.append(il)
    numpr.append(ni)
    ppr.append(numpr)


def add_sym(paragraph, font: str = "Wingdings", char: str = "F0FC") -> None:
    """A symbol inserted with Insert > Symbol (python-docx drops these when reading)."""
    run = paragraph.add_run()
    sym = OxmlElement("w:sym")
    sym.set(qn("w:font"), font)
    sym.set(qn("w:char"), char)
    run._r.append(sym)


def set_cell(cell, *paras: str, style: str | None = None) -> None:
    """Fill a cell with paragraphs (the first replaces the cell's empty paragraph)."""
    first = True
    for text in paras:
        if first:
            p = cell.paragraphs[0]
            p.text = text
            if style:
                p.style = style
            first = False
        else:
            cell.add_paragraph(text, style=style)


def save(d, path: Path) -> Path:
    d.save(str(path))
    return path


def small_pack(path: Path, *, title: str, details: dict[str, str], duties: list[str]) -> Path:
    """A minimal job pack: a two-column table (job title, then ``details``) and a bulleted duties list."""
    rows = {"Job title": title, **details}
    d = new()
    t = d.add_table(rows=len(rows), cols=2)
    for i, (label, value) in enumerate(rows.items()):
        set_cell(t.cell(i, 0), label)
        set_cell(t.cell(i, 1), value)
    d.add_heading("Main duties", level=2)
    for duty in duties:
        d.add_paragraph(duty, style="List Bullet")
    return save(d, path)
