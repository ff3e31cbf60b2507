"""The DOCX reader: order, numbering from numbering.xml, w:sym ticks, merged cells, headers, errors."""

from __future__ import annotations

import zipfile

import pytest

from docx_builder import (
    add_lettered_numbering,
    add_numbering,
    add_sym,
    new,
    numbered,
    save,
    set_cell,
    set_num_pr,
)
from jobspec.document import Heading, ListItem, Paragraph, Table
from jobspec.errors import InputError
from jobspec.readers import read_document


def _doc(tmp_path):
    d = new()
    d.sections[0].header.paragraphs[0].text = "Brookfield Junior School"
    d.add_heading("Teaching Assistant", level=1)
    d.add_paragraph("Main duties", style="Heading 2")
    nid = add_lettered_numbering(d)
    for text in ("Support pupils in class", "Prepare resources"):
        numbered(d.add_paragraph(text), nid)
    numbered(d.add_paragraph("Photocopy worksheets"), nid, ilvl=1)
    numbered(d.add_paragraph("Record progress"), nid)
    d.add_paragraph("Keep records", style="List Bullet")
    t = d.add_table(rows=3, cols=3)
    set_cell(t.cell(0, 0), "Criteria")
    set_cell(t.cell(0, 1), "Essential")
    set_cell(t.cell(0, 2), "Desirable")
    set_cell(t.cell(1, 0), "First aid certificate")
    add_sym(t.cell(1, 1).paragraphs[0])
    a = t.cell(2, 0).merge(t.cell(2, 1))  # gridSpan 2
    set_cell(a, "Merged across two columns")
    return save(d, tmp_path / "ta.docx")


def test_blocks_in_order_with_numbering_and_symbols(tmp_path):
    doc, fmt = read_document(_doc(tmp_path))
    assert fmt == "docx"
    kinds = [(type(b).__name__, getattr(b, "marker", None), b.text if not isinstance(b, Table) else None)
             for b in doc.blocks if not (isinstance(b, Paragraph) and not b.text)]
    assert kinds[:7] == [
        ("Heading", None, "Teaching Assistant"),
        ("Heading", None, "Main duties"),
        ("ListItem", "a)", "Support pupils in class"),
        ("ListItem", "b)", "Prepare resources"),
        ("ListItem", "i.", "Photocopy worksheets"),
        ("ListItem", "c)", "Record progress"),
        ("ListItem", "•", "Keep records"),
    ]
    sub = [b for b in doc.blocks if isinstance(b, ListItem) and b.text == "Photocopy worksheets"][0]
    assert sub.level == 1 and sub.ordered
    assert isinstance(doc.blocks[0], Heading) and doc.blocks[0].level == 1
    assert doc.header_lines == ["Brookfield Junior School"]


def test_tick_symbol_and_merged_cells(tmp_path):
    doc, _ = read_document(_doc(tmp_path))
    table = next(b for b in doc.blocks if isinstance(b, Table))
    assert table.ncols == 3
    assert table.rows[1].cells[1].text == "✓"  # w:sym Wingdings F0FC, dropped by python-docx
    merged = table.rows[2].cells
    assert [(c.col, c.span, c.text) for c in merged] == [(0, 2, "Merged across two columns"), (2, 1, "")]


def test_vertical_merge_is_represented_once(tmp_path):
    d = new()
    t = d.add_table(rows=2, cols=2)
    set_cell(t.cell(0, 0), "Experience")
    t.cell(0, 0).merge(t.cell(1, 0))
    set_cell(t.cell(0, 1), "Working with children")
    set_cell(t.cell(1, 1), "Working in a school")
    doc, _ = read_document(save(d, tmp_path / "v.docx"))
    table = doc.blocks[0]
    assert [c.col for c in table.rows[0].cells] == [0, 1]
    assert [c.col for c in table.rows[1].cells] == [1]
    assert table.rows[1].cell_at(0) is None


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "empty file"),
        (b"this is not a zip", "corrupt or not a Word file (not a zip archive)"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "legacy Word 97-2003 file renamed .docx: save it as .docx"),
    ],
)
def test_bad_docx_files_give_one_clear_reason(tmp_path, content, reason):
    p = tmp_path / "bad.docx"
    p.write_bytes(content)
    with pytest.raises(InputError) as exc:
        read_document(p)
    assert exc.value.reason == reason
    assert str(exc.value) == f"{p}: {reason}"


def test_truncated_and_foreign_zip(tmp_path):
    good = _doc(tmp_path).read_bytes()
    p = tmp_path / "cut.docx"
    p.write_bytes(good[: len(good) // 2])
    with pytest.raises(InputError, match="corrupt Word file"):
        read_document(p)
    z = tmp_path / "sheet.docx"
    with zipfile.ZipFile(z, "w") as zf:
        zf.writestr("xl/workbook.xml", "<workbook/>")
    with pytest.raises(InputError, match="no word/document.xml"):
        read_document(z)


def _xml_paragraph(d, inner: str):
    """Append a paragraph built from raw WordprocessingML (for features python-docx cannot write)."""
    from docx.oxml import parse_xml

    ns = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
          'xmlns:v="urn:schemas-microsoft-com:vml"')
    el = parse_xml(f"<w:p {ns}>{inner}</w:p>")
    d.element.body.insert(len(d.element.body) - 1, el)


def _xml_body(d, inner: str):
    from docx.oxml import parse_xml

    ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    el = parse_xml(f'<w:sdt {ns}><w:sdtContent>{inner}</w:sdtContent></w:sdt>')
    d.element.body.insert(len(d.element.body) - 1, el)


def test_text_boxes_and_content_controls_keep_their_place(tmp_path):
    d = new()
    d.add_paragraph("Before")
    _xml_paragraph(d, '<w:r><w:t>Anchor</w:t></w:r><w:r><w:pict><v:shape><v:textbox><w:txbxContent>'
                      '<w:p><w:r><w:t>Boxed job summary</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape>'
                      '</w:pict></w:r>')
    _xml_body(d, '<w:p><w:r><w:t>Inside a content control</w:t></w:r></w:p>')
    d.add_paragraph("After")
    doc, _ = read_document(save(d, tmp_path / "boxes.docx"))
    texts = [b.text for b in doc.blocks if b.text]
    assert texts == ["Before", "Anchor", "Boxed job summary", "Inside a content control", "After"]


def test_nested_table_inside_a_cell(tmp_path):
    d = new()
    t = d.add_table(rows=1, cols=2)
    set_cell(t.cell(0, 0), "Experience")
    inner = t.cell(0, 1).add_table(rows=1, cols=1)
    set_cell(inner.cell(0, 0), "Work with children", style="List Bullet")
    doc, _ = read_document(save(d, tmp_path / "nested.docx"))
    cell = doc.blocks[0].rows[0].cells[1]
    nested = [b for b in cell.blocks if isinstance(b, Table)]
    assert len(nested) == 1 and nested[0].rows[0].cells[0].blocks[0].text == "Work with children"
    assert isinstance(nested[0].rows[0].cells[0].blocks[0], ListItem)


def test_a_title_in_large_type_is_a_heading(tmp_path):
    from docx.shared import Pt

    d = new()
    big = d.add_paragraph().add_run("Site Manager")
    big.font.size, big.bold = Pt(22), True
    d.add_paragraph().add_run("Oakfield Primary School").bold = True
    long = d.add_paragraph().add_run("A long sentence in large type is still text, however big its letters may be set. " * 2)
    long.font.size = Pt(20)
    doc, _ = read_document(save(d, tmp_path / "title.docx"))
    assert [(type(b).__name__, b.text[:22]) for b in doc.blocks] == [
        ("Heading", "Site Manager"), ("Paragraph", "Oakfield Primary Schoo"), ("Paragraph", "A long sentence in lar")]
    assert doc.blocks[0].level == 1


def test_heading_style_with_outline_numbering_that_shows_nothing_stays_a_heading(tmp_path):
    # LibreOffice saves headings with their style linked to an outline list whose levels show no number
    d = new()
    outline = add_numbering(d, "5", [("none", ""), ("none", "")])
    set_num_pr(d.styles["Heading 2"].element.get_or_add_pPr(), outline, ilvl=1)
    d.add_paragraph("Main duties", style="Heading 2")
    numbered(d.add_paragraph("Support pupils in class"), add_lettered_numbering(d))
    doc, _ = read_document(save(d, tmp_path / "outline.docx"))
    assert [(type(b).__name__, b.text, getattr(b, "marker", None)) for b in doc.blocks] == [
        ("Heading", "Main duties", None), ("ListItem", "Support pupils in class", "a)")]
    assert doc.blocks[0].level == 2


def _lines(paragraph, lines):
    from docx.enum.text import WD_BREAK

    for k, line in enumerate(lines):
        run = paragraph.add_run(line)
        if k < len(lines) - 1:
            run.add_break(WD_BREAK.LINE)


def test_lines_broken_by_shift_enter_are_items_when_each_starts_one(tmp_path):
    d = new()
    _lines(d.add_paragraph(), ["Supervise pupils in the dining hall", "Help younger pupils to cut up food",
                               "Deal with minor accidents and record them"])
    _lines(d.add_paragraph(), ["- Experience of working with children", "- Experience of supervising groups"])
    # a line that runs on (a comma, colon or a word such as "with" at its end) or a next line in lower case
    _lines(d.add_paragraph(), ["Work at all times in line with", "Keeping Children Safe in Education"])
    _lines(d.add_paragraph(), ["Job title:", "Cover Supervisor"])
    _lines(d.add_paragraph(), ["Support pupils' learning in class and", "during interventions"])
    t = d.add_table(rows=1, cols=1)
    _lines(t.cell(0, 0).paragraphs[0], ["Plan lessons", "Mark pupils' work"])
    numbered(_lines(d.add_paragraph(), ["Safeguarding", "Follow the policy"]) or d.paragraphs[-1],
             add_lettered_numbering(d))  # a numbered item's lines stay one item
    doc, _ = read_document(save(d, tmp_path / "breaks.docx"))
    texts = [(type(b).__name__, b.text) for b in doc.blocks if not isinstance(b, Table)]
    assert texts == [
        ("Paragraph", "Supervise pupils in the dining hall"), ("Paragraph", "Help younger pupils to cut up food"),
        ("Paragraph", "Deal with minor accidents and record them"),
        ("Paragraph", "- Experience of working with children"), ("Paragraph", "- Experience of supervising groups"),
        ("Paragraph", "Work at all times in line with Keeping Children Safe in Education"),
        ("Paragraph", "Job title: Cover Supervisor"),
        ("Paragraph", "Support pupils' learning in class and during interventions"),
        ("ListItem", "Safeguarding Follow the policy"),
    ]
    cell = [b for b in doc.blocks if isinstance(b, Table)][0].rows[0].cells[0]
    assert [b.text for b in cell.blocks] == ["Plan lessons", "Mark pupils' work"]
