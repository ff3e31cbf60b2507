"""The PDF reader: layout grouping, glyph bullets, ruled tables, page breaks, headers, errors.

Small PDFs are written by hand (the minimal PDF writer in pdf_builder.py, standard-14 fonts with
their real widths, so lines wrap as a word processor would wrap them); the development corpus is
read in place, its expected texts taken from the gold files at test time.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from pathlib import Path

import pytest
import yaml

from conftest import need_corpus
from jobspec.document import Document, Heading, ListItem, Paragraph, Table
from jobspec.errors import InputError
from jobspec.readers import read_document
from jobspec.readers.pdf_layout import glyph_text
from jobspec.readers.pdf_reader import read_pdf
from pdf_builder import MiniPdf


def blocks_of(doc: Document) -> list[tuple[str, str]]:
    """(kind, text) for the top-level non-table blocks."""
    return [(type(b).__name__, b.text) for b in doc.blocks if not isinstance(b, Table)]


# ---------------------------------------------------------------------------------------------
# Body text: headings, paragraphs, lists, headers, a paragraph split by a page break

LEFT, RIGHT = 72.0, 540.0
LONG = ("Teaching assistants work under the direction of the class teacher to support the learning of "
        "individual pupils and small groups across the whole of the school day.")


def _body_pdf(tmp_path: Path) -> Path:
    pdf = MiniPdf()
    for n in (1, 2):
        pdf.page()
        pdf.text(LEFT, 30, "Northfield Primary School", size=9)
        pdf.text(290, 760, f"Page {n} of 2", size=9)
    pdf.pages[1], pages2 = [], pdf.pages[1]
    pdf.pages = pdf.pages[:1]
    pdf.text(LEFT, 72, "Teaching Assistant", "F2", 18)
    pdf.text(LEFT, 100, "Main duties", "F2", 14)
    pdf.text(LEFT, 126, "Purpose of the role", "F2", 10)
    top = pdf.wrap(LEFT, 142, RIGHT - LEFT, LONG)  # three lines, the last one short
    top = pdf.wrap(LEFT, top, RIGHT - LEFT, "Pupils come first.")  # no gap: the line-fill cue splits
    top = pdf.wrap(LEFT, top, RIGHT - LEFT, "Staff share responsibility for safeguarding.")
    # a line ending in a word-hyphen, filled so that the next word could not have fitted
    words, line = ["work", "with", "staff", "and", "pupils", "in", "the"], ["Staff", "may"]
    i = 0
    while pdf.text_width(" ".join([*line, words[i % 7], "home-"])) < RIGHT - LEFT - 20:
        line.append(words[i % 7])
        i += 1
    top += 8
    pdf.text(LEFT, top, " ".join([*line, "home-"]))
    pdf.text(LEFT, top + 12, "based arrangements when agreed.")
    top += 32
    # bullets: Symbol bullet, wrapped item with hanging indent, Courier "o" and PUA sub-bullets
    pdf.text(90, top, "\xb7", "F4")
    pdf.text(108, top, "Support pupils with reading")
    top += 14
    pdf.text(90, top, "\xb7", "F4")
    top = pdf.wrap(108, top, RIGHT - 108, LONG) + 2
    pdf.text(126, top, "o", "F3")
    pdf.text(144, top, "Phonics groups")
    top += 14
    pdf.text(126, top, "\xa7", "F5")
    pdf.text(144, top, "Spelling practice")
    top += 14
    pdf.text(90, top, "\xb7", "F4")
    pdf.text(108, top, "1. Keep accurate records")
    top += 14
    pdf.text(90, top, "\u2013 Attend team meetings")
    top += 22
    pdf.text(LEFT, top, "a) Prepare classroom resources.")
    pdf.text(LEFT, top + 12, "b) Tidy the classroom.")
    # a paragraph broken by the page break
    pdf.text(LEFT, 720, "The post holder will build good relationships with parents, carers, staff")
    pdf.pages.append(pages2)
    pdf.text(LEFT, 72, "and the wider school community.")
    pdf.text(LEFT, 100, "Closing remarks", "F2", 14)
    return pdf.save(tmp_path / "body.pdf")


def test_headings_paragraphs_and_bold_lines(tmp_path):
    doc = read_pdf(_body_pdf(tmp_path))
    got = blocks_of(doc)
    assert got[:6] == [
        ("Heading", "Teaching Assistant"),
        ("Heading", "Main duties"),
        ("Paragraph", "Purpose of the role"),
        ("Paragraph", LONG),
        ("Paragraph", "Pupils come first."),
        ("Paragraph", "Staff share responsibility for safeguarding."),
    ]
    heads = [b for b in doc.blocks if isinstance(b, Heading)]
    assert [(h.text, h.level) for h in heads] == [("Teaching Assistant", 1), ("Main duties", 2),
                                                  ("Closing remarks", 2)]
    purpose = doc.blocks[2]
    assert isinstance(purpose, Paragraph) and purpose.bold
    assert not doc.blocks[3].bold


def test_word_hyphen_at_line_end_is_kept_and_joined(tmp_path):
    doc = read_pdf(_body_pdf(tmp_path))
    hyph = [t for _, t in blocks_of(doc) if "home-" in t]
    assert len(hyph) == 1
    assert hyph[0].startswith("Staff may work") and hyph[0].endswith("home-based arrangements when agreed.")


def test_bullets_levels_and_typed_numbers(tmp_path):
    doc = read_pdf(_body_pdf(tmp_path))
    items = [(b.marker, b.level, b.text) for b in doc.blocks if isinstance(b, ListItem)]
    assert items == [
        ("•", 0, "Support pupils with reading"),
        ("•", 0, LONG),
        ("o", 1, "Phonics groups"),
        ("▪", 1, "Spelling practice"),
        ("•", 0, "1. Keep accurate records"),
        ("\u2013", 0, "Attend team meetings"),
    ]
    paras = [t for k, t in blocks_of(doc) if k == "Paragraph"]
    assert "a) Prepare classroom resources." in paras and "b) Tidy the classroom." in paras


def test_page_headers_numbers_and_page_break_join(tmp_path):
    doc = read_pdf(_body_pdf(tmp_path))
    assert doc.header_lines == ["Northfield Primary School"]
    assert doc.info["pages"] == 2
    texts = [t for _, t in blocks_of(doc)]
    assert not any("Northfield" in t or re.search(r"Page \d", t) for t in texts)
    joined = ("The post holder will build good relationships with parents, carers, staff "
              "and the wider school community.")
    assert joined in texts
    block = next(b for b in doc.blocks if not isinstance(b, Table) and b.text == joined)
    assert block.prov.page == 1 and block.prov.path[0] == "para"
    assert texts[-1] == "Closing remarks"


def test_dispatch_reads_pdf(tmp_path):
    doc, fmt = read_document(_body_pdf(tmp_path))
    assert fmt == "pdf" and doc.blocks


# ---------------------------------------------------------------------------------------------
# Tables

XS = [72.0, 200.0, 380.0, 540.0]


def _cell_text(pdf: MiniPdf, col: int, top: float, text: str, font: str = "F1", span: int = 1) -> float:
    x0, x1 = XS[col] + 5.4, XS[col + span] - 5.4
    return pdf.wrap(x0, top, x1 - x0, text, font)


def _tables_pdf(tmp_path: Path) -> Path:
    pdf = MiniPdf().page()
    pdf.text(LEFT, 60, "Person specification", "F2", 14)
    for i, h in enumerate(("Criteria", "Essential", "Desirable")):
        _cell_text(pdf, i, 94, h, "F2")
    _cell_text(pdf, 0, 114, "Qualifications")
    # two criteria in one cell, told apart only by the line-fill cue
    top = _cell_text(pdf, 1, 114, "GCSE English and maths")
    _cell_text(pdf, 1, top, "Level 3 qualification in supporting teaching and learning")
    pdf.text(XS[2] + 5.4, 114, "\xd6", "F4")  # Symbol radical: a tick
    _cell_text(pdf, 0, 164, "Experience")
    pdf.text(XS[1] + 5.4, 164, "\xb7", "F4")
    pdf.text(XS[1] + 18, 164, "Work with children")
    pdf.text(XS[1] + 5.4, 178, "\xb7", "F4")
    pdf.text(XS[1] + 18, 178, "Work in a school")
    pdf.text(XS[2] + 5.4, 164, "\xfc", "F5")  # Wingdings tick
    _cell_text(pdf, 0, 214, "Other")
    _cell_text(pdf, 1, 214, "Willing to work flexibly", span=2)
    # the last row runs off the page: no rule at its foot
    _cell_text(pdf, 0, 234, "Skills")
    _cell_text(pdf, 1, 234, "Ability to build positive relationships with pupils, parents and")
    for x in (XS[0], XS[1], XS[3]):
        pdf.rule(x, 90, x, 740)
    pdf.rule(XS[2], 90, XS[2], 210)  # no rule inside the merged cell of the "Other" row
    pdf.rule(XS[2], 230, XS[2], 740)
    for y in (90, 110, 160, 210, 230):
        pdf.rule(XS[0], y, XS[-1], y)
    # page 2: the continuation, open at the top
    pdf.page()
    ys2 = [72.0, 100.0, 130.0]
    for x in XS:
        pdf.rule(x, ys2[0], x, ys2[-1])
    for y in ys2[1:]:
        pdf.rule(XS[0], y, XS[-1], y)
    _cell_text(pdf, 1, 76, "colleagues across the school")
    _cell_text(pdf, 0, 104, "Personal qualities")
    _cell_text(pdf, 1, 104, "Patient and calm")
    pdf.text(LEFT, 150, "Applications are welcome from all.")
    pdf.box(LEFT, 180, RIGHT, 230)  # a lone ruled box: a one-cell table
    pdf.text(LEFT + 6, 190, "Applications close on Friday.")
    return pdf.save(tmp_path / "tables.pdf")


def _one_table(doc: Document) -> Table:
    tables = [b for b in doc.blocks if isinstance(b, Table)]
    assert tables
    return tables[0]


def test_table_cells_columns_and_spans(tmp_path):
    doc = read_pdf(_tables_pdf(tmp_path))
    assert blocks_of(doc)[0] == ("Heading", "Person specification")
    t = _one_table(doc)
    assert t.ncols == 3
    assert [c.text for c in t.rows[0].cells] == ["Criteria", "Essential", "Desirable"]
    assert all(b.bold for c in t.rows[0].cells for b in c.blocks)
    quals = t.rows[1].cells[1]
    assert [(type(b).__name__, b.text) for b in quals.blocks] == [
        ("Paragraph", "GCSE English and maths"),
        ("Paragraph", "Level 3 qualification in supporting teaching and learning"),
    ]
    exp = t.rows[2].cells[1]
    assert [(type(b).__name__, b.text) for b in exp.blocks] == [
        ("ListItem", "Work with children"), ("ListItem", "Work in a school")]
    merged = t.rows[3].cells
    assert [(c.col, c.span, c.text) for c in merged] == [(0, 1, "Other"), (1, 2, "Willing to work flexibly")]
    assert quals.prov.path == ("table", 0, "row", 1, "cell", 1)
    assert quals.blocks[1].prov.path == ("table", 0, "row", 1, "cell", 1, "para", 1)
    assert quals.prov.page == 1


def test_ticks_come_through(tmp_path):
    t = _one_table(read_pdf(_tables_pdf(tmp_path)))
    assert t.rows[1].cells[2].text == "√"
    assert t.rows[2].cells[2].text == "✓"


def test_row_split_by_page_break_is_one_row(tmp_path):
    doc = read_pdf(_tables_pdf(tmp_path))
    tables = [b for b in doc.blocks if isinstance(b, Table)]
    t = tables[0]
    assert [r.cells[0].text for r in t.rows] == ["Criteria", "Qualifications", "Experience", "Other", "Skills",
                                                 "Personal qualities"]
    skills = t.rows[4].cells[1]
    assert skills.blocks[0].text == ("Ability to build positive relationships with pupils, parents and "
                                     "colleagues across the school")
    assert t.rows[5].prov.page == 2
    # body text after the table, then the lone box as a one-cell table
    assert ("Paragraph", "Applications are welcome from all.") in blocks_of(doc)
    assert len(tables) == 2
    box = tables[1]
    assert box.ncols == 1 and [[c.text for c in r.cells] for r in box.rows] == [["Applications close on Friday."]]
    assert box.prov.page == 2 and box.prov.path == ("table", 1)


def _tall_cell_pdf(tmp_path: Path) -> Path:
    """A table whose last, full-width row fills page 1 and all of page 2 (one tall cell)."""
    pdf = MiniPdf().page()
    xs = [LEFT, 200.0, RIGHT]
    pdf.grid(xs[:2] + [RIGHT], [72.0, 100.0])
    pdf.text(LEFT + 5.4, 76, "Job title")
    pdf.text(200 + 5.4, 76, "Learning mentor")
    pdf.rule(LEFT, 100, LEFT, 740)
    pdf.rule(RIGHT, 100, RIGHT, 740)
    pdf.rule(LEFT, 740, RIGHT, 740)
    pdf.text(LEFT + 5.4, 104, "Responsibilities", "F2")
    top = 120.0
    for i in range(40):
        pdf.text(LEFT + 5.4, top, f"{chr(97 + i % 26)}) Duty number {i + 1} of the post.")
        top += 14.5
    pdf.page()
    pdf.box(LEFT, 72, RIGHT, 700)
    pdf.text(LEFT + 5.4, 76, "x) Carry on with the last duties.")
    pdf.text(LEFT + 5.4, 90, "y) And one more.")
    pdf.page()
    pdf.text(LEFT, 72, "Next section", "F2", 14)
    return pdf.save(tmp_path / "tall.pdf")


def test_tall_single_cell_continues_the_table(tmp_path):
    doc = read_pdf(_tall_cell_pdf(tmp_path))
    tables = [b for b in doc.blocks if isinstance(b, Table)]
    assert len(tables) == 1
    t = tables[0]
    assert t.ncols == 2 and len(t.rows) == 2
    cell = t.rows[1].cells[0]
    assert (cell.col, cell.span) == (0, 2)
    texts = [b.text for b in cell.blocks]
    assert texts[0] == "Responsibilities" and texts[1] == "a) Duty number 1 of the post."
    assert texts[-2:] == ["x) Carry on with the last duties.", "y) And one more."]
    assert cell.blocks[-1].prov.page == 2
    assert blocks_of(doc)[-1] == ("Heading", "Next section")


def test_nested_table_is_left_to_its_outer_cell(tmp_path):
    pdf = MiniPdf().page()
    pdf.grid([LEFT, 200, RIGHT], [72, 100, 200])
    pdf.text(LEFT + 5.4, 76, "Header A")
    pdf.text(205.4, 76, "Header B")
    pdf.grid([220, 300, 380], [120, 140, 160])  # inside the cell at row 1, col 1
    pdf.text(225, 124, "in1")
    pdf.text(305, 124, "in2")
    doc = read_pdf(pdf.save(tmp_path / "nested.pdf"))
    tables = [b for b in doc.blocks if isinstance(b, Table)]
    assert len(tables) == 1 and tables[0].ncols == 2
    assert "in1" in tables[0].rows[1].cells[1].text


def test_tick_with_text_in_a_cell_keeps_the_tick(tmp_path):
    pdf = MiniPdf().page()
    pdf.grid([LEFT, 300, RIGHT], [72, 100])
    pdf.text(LEFT + 5.4, 76, "Full driving licence")
    pdf.text(305.4, 76, "\xfc", "F5")
    pdf.text(320, 76, "interview")
    t = _one_table(read_pdf(pdf.save(tmp_path / "tick.pdf")))
    assert t.rows[0].cells[1].text == "✓ interview"


def test_lettered_rows_on_a_new_page_stay_separate_rows(tmp_path):
    pdf = MiniPdf().page()
    pdf.grid([LEFT, 300, RIGHT], [650, 680, 740], bottom_rule=False)
    pdf.text(LEFT + 5.4, 654, "a) Plan lessons")
    pdf.text(LEFT + 5.4, 684, "b) Mark work")
    pdf.page()
    pdf.grid([LEFT, 300, RIGHT], [72, 100], top_rule=False)
    pdf.text(LEFT + 5.4, 76, "c) Report progress")
    t = _one_table(read_pdf(pdf.save(tmp_path / "rows.pdf")))
    assert [r.cells[0].text for r in t.rows] == ["a) Plan lessons", "b) Mark work", "c) Report progress"]


def test_footer_with_page_reference_is_stored_without_it(tmp_path):
    pdf = MiniPdf()
    for n in (1, 2, 3):
        pdf.page()
        pdf.text(LEFT, 72, f"Body text on page {n}.")
        pdf.text(LEFT, 760, f"Job description | Page {n} of 3", size=8)
    doc = read_pdf(pdf.save(tmp_path / "footer.pdf"))
    assert doc.header_lines == ["Job description"]
    assert blocks_of(doc) == [("Paragraph", f"Body text on page {n}.") for n in (1, 2, 3)]


@pytest.mark.parametrize(
    ("text", "font", "want"),
    [
        ("\uf0b7", "SymbolMT", "•"),
        ("\uf0b7", "OpenSymbol", "•"),
        ("\uf0a7", "Wingdings-Regular", "▪"),
        ("\uf0d8", "Wingdings", "➢"),
        ("\uf076", "Wingdings", "❖"),
        ("\uf0fc", "Wingdings", "✓"),
        ("P", "ABCDEF+Wingdings2", "✓"),
        ("(cid:214)", "Symbol", "√"),
        ("o", "CourierNewPSMT", "o"),
        ("P", "Arial", "P"),
    ],
)
def test_symbol_glyphs(text, font, want):
    assert glyph_text(text, font) == want


def test_page_border_is_not_a_table(tmp_path):
    pdf = MiniPdf()
    for n in (1, 2):
        pdf.page()
        pdf.box(36, 36, 576, 756)
        pdf.text(LEFT, 72, f"Section {n}", "F2", 14)
        pdf.text(LEFT, 100, f"Text of section {n}.")
    doc = read_pdf(pdf.save(tmp_path / "border.pdf"))
    assert blocks_of(doc) == [("Heading", "Section 1"), ("Paragraph", "Text of section 1."),
                              ("Heading", "Section 2"), ("Paragraph", "Text of section 2.")]
    one = MiniPdf().page()
    one.box(36, 36, 576, 756)
    one.text(LEFT, 100, "Only page.")
    assert blocks_of(read_pdf(one.save(tmp_path / "border1.pdf"))) == [("Paragraph", "Only page.")]


# ---------------------------------------------------------------------------------------------
# Errors


def test_not_a_pdf(tmp_path):
    p = tmp_path / "fake.pdf"
    p.write_text("this is plain text, not a PDF\n")
    with pytest.raises(InputError) as e:
        read_pdf(p)
    assert e.value.reason.startswith("corrupt or not a PDF")


def test_truncated_pdf(tmp_path):
    good = _body_pdf(tmp_path).read_bytes()
    p = tmp_path / "cut.pdf"
    p.write_bytes(good[:200])
    with pytest.raises(InputError) as e:
        read_pdf(p)
    assert e.value.reason.startswith("corrupt or not a PDF")


def test_encrypted_pdf(tmp_path):
    pdf = MiniPdf().page()
    pdf.text(LEFT, 72, "Secret")
    with pytest.raises(InputError) as e:
        read_pdf(pdf.save(tmp_path / "locked.pdf", encrypt=True))
    assert e.value.reason == "encrypted PDF: needs a password"


def test_no_text_layer(tmp_path):
    pdf = MiniPdf().page()
    pdf.box(LEFT, 72, RIGHT, 700, fill=True)  # what a scan looks like to a text reader
    with pytest.raises(InputError) as e:
        read_pdf(pdf.save(tmp_path / "scan.pdf"))
    assert e.value.reason == "no text layer: scanned image, read it with jobspec parse --ocr"


# ---------------------------------------------------------------------------------------------
# The development corpus, read in place

CORPUS_PDFS = {
    "000_chaucer": ("pdf/000_chaucer.pdf", "gold/000_chaucer.gold.yaml"),
    "001_toftwood": ("pdf/001_toftwood.pdf", "gold/001_toftwood.gold.yaml"),
    "002_woodgreen": ("pdf/002_woodgreen.pdf", "gold/002_woodgreen.gold.yaml"),
    "003_support_worker": ("pdf/003_support_worker.pdf", "gold/003_support_worker.gold.yaml"),
    "004_elmtree": ("pdf/004_elmtree.pdf", "gold/004_elmtree.gold.yaml"),
    "mlcsu": ("real/docs/mlcsu-heu-lead-data-scientist-jd-ps.pdf",
              "real/gold/mlcsu-heu-lead-data-scientist-jd-ps.gold.yaml"),
}
_MARKER = re.compile(r"^\s*(?:[-\u2013\u2014\u00b7\u2022*]|\(?[0-9]{1,2}[.)]|\(?[a-z][.)])\s+")


def _norm(s: str) -> str:
    s = unicodedata.normalize("NFKC", s).replace("\u2019", "'").replace("\u2018", "'")
    s = s.replace("\u201c", '"').replace("\u201d", '"')
    return re.sub(r"\s+", " ", _MARKER.sub("", s)).strip(" .;:,")


@cache
def _corpus_doc(name: str) -> Document:
    return read_pdf(need_corpus() / CORPUS_PDFS[name][0])


def _gold_texts(name: str) -> list[str]:
    gold = yaml.safe_load((need_corpus() / CORPUS_PDFS[name][1]).read_text(encoding="utf-8"))
    return [it if isinstance(it, str) else it["text"] for k in ("purpose", "duties", "criteria")
            for it in gold.get(k) or []]


@pytest.mark.parametrize("name", sorted(CORPUS_PDFS))
def test_corpus_gold_texts_are_whole_blocks(name):
    """Every gold duty/criterion/purpose is exactly one block's text (one paragraph, item or cell
    paragraph): nothing split, nothing run together."""
    doc = _corpus_doc(name)
    texts = {_norm(b.text) for b in doc.iter_blocks() if not isinstance(b, Table)}
    missing = [t for t in _gold_texts(name) if _norm(t) not in texts]
    assert missing == []


def test_corpus_001_split_row_and_header():
    doc = _corpus_doc("001_toftwood")
    assert len(doc.header_lines) == 1
    assert all(b.text != doc.header_lines[0] for b in doc.iter_blocks() if not isinstance(b, Table))
    tables = [b for b in doc.blocks if isinstance(b, Table)]
    assert [t.prov.page for t in tables] == [1, 3, 3]  # the page-4 piece joined the last table
    last = tables[-1]
    assert last.ncols == 2 and len(last.rows) == 3
    # the criteria cell on page 3: several criteria paragraphs without bullets
    crit_cells = [c for t in tables for r in t.rows for c in r.cells
                  if len(c.blocks) >= 5 and all(isinstance(b, Paragraph) for b in c.blocks)]
    assert len(crit_cells) == 1


def test_corpus_002_tall_cell_and_ticks():
    doc = _corpus_doc("002_woodgreen")
    tables = [b for b in doc.blocks if isinstance(b, Table)]
    assert [t.prov.page for t in tables] == [1, 5]
    first = tables[0]
    pages = {b.prov.page for r in first.rows for c in r.cells for b in c.blocks}
    assert pages == {1, 2, 3}
    ps = tables[1]
    assert ps.ncols == 5
    assert sum(1 for r in ps.rows for c in r.cells if c.text == "√") == 15


def test_corpus_000_bullets_in_cells():
    doc = _corpus_doc("000_chaucer")
    t = next(b for b in doc.blocks if isinstance(b, Table))
    items = [b for r in t.rows for c in r.cells for b in c.blocks if isinstance(b, ListItem)]
    assert len(items) == len(_gold_texts("000_chaucer"))
    assert {(i.marker, i.level) for i in items} == {("•", 0)}


def test_corpus_mlcsu_sub_bullets_and_person_spec():
    doc = _corpus_doc("mlcsu")
    subs = [b for b in doc.blocks if isinstance(b, ListItem) and b.marker == "o"]
    assert len(subs) == 5 and {b.level for b in subs} == {1}
    tables = [b for b in doc.blocks if isinstance(b, Table)]
    assert [(t.prov.page, t.ncols, len(t.rows)) for t in tables] == [(1, 2, 6), (5, 2, 5)]
    assert not any(isinstance(b, Table) and b.prov.page == 6 for b in doc.blocks)  # the org chart


# ---------------------------------------------------------------------------------------------
# Borderless tables: columns of text without rules

VX = 170.0  # the value column of a borderless details table


def _rows(t: Table) -> list[list[str]]:
    return [[c.text for c in r.cells] for r in t.rows]


def _details_pdf(tmp_path: Path) -> Path:
    pdf = MiniPdf().page()
    pdf.text(LEFT, 60, "Job details", "F2", 14)
    pdf.text(LEFT, 90, "Position profile", "F2")  # short enough for the label column: not a row
    top = 114.0
    for label, value in (("Post title:", "Teaching Assistant"), ("Grade:", "Scale 4")):
        pdf.text(LEFT, top, label, "F2")
        pdf.text(VX, top, value)
        top += 24
    # a wrapped value whose label is centred on it: the label sits lower than the value's first line
    after = pdf.wrap(VX, top, RIGHT - VX, SALARY)
    pdf.text(LEFT, top + 6, "Salary:", "F2")
    top = after + 12
    pdf.text(LEFT, top, "Hours:", "F2")
    pdf.text(VX, top, "32.5 hours per week, term time only")
    top += 24
    pdf.text(LEFT, top, "Commencement", "F2")  # a label wrapped in its column
    pdf.text(LEFT, top + 12, "date:", "F2")
    pdf.text(VX, top, "1 September 2024")
    pdf.wrap(LEFT, top + 44, RIGHT - LEFT, LONG)
    return pdf.save(tmp_path / "details.pdf")


SALARY = ("£22,366 to £24,294 per annum pro rata (actual salary £17,020 to £18,487 for 32.5 hours a week, "
          "term time only)")


def test_borderless_details_table(tmp_path):
    doc = read_pdf(_details_pdf(tmp_path))
    assert blocks_of(doc) == [("Heading", "Job details"), ("Paragraph", "Position profile"), ("Paragraph", LONG)]
    t = _one_table(doc)
    assert t.ncols == 2
    assert _rows(t) == [
        ["Post title:", "Teaching Assistant"],
        ["Grade:", "Scale 4"],
        ["Salary:", SALARY],
        ["Hours:", "32.5 hours per week, term time only"],
        ["Commencement date:", "1 September 2024"],
    ]
    assert all([c.col for c in r.cells] == [0, 1] and all(c.span == 1 for c in r.cells) for r in t.rows)
    assert all(b.bold for r in t.rows for b in r.cells[0].blocks)
    salary = t.rows[2].cells[1]
    assert len(salary.blocks) == 1 and isinstance(salary.blocks[0], Paragraph)
    assert t.prov == t.prov.__class__(page=1, path=("table", 0))
    assert salary.prov.path == ("table", 0, "row", 2, "cell", 1)
    assert salary.blocks[0].prov.path == ("table", 0, "row", 2, "cell", 1, "para", 0)
    assert doc.blocks[2] is t  # in reading order, between the heading lines and the paragraph


def _grid_pdf(tmp_path: Path, rows: list[tuple[str, list[str], str]], *, top: float = 100.0,
              pdf: MiniPdf | None = None, header: bool = True) -> MiniPdf:
    """A tight borderless Criteria | Essential | Desirable grid (no space between rows)."""
    pdf = pdf or MiniPdf().page()
    xs = (LEFT, 200.0, 390.0)
    if header:
        for x, h in zip(xs, ("Criteria", "Essential", "Desirable"), strict=True):
            pdf.text(x, top, h, "F2")
        top += 12
    for label, essentials, desirable in rows:
        pdf.text(xs[0], top, label)
        if desirable:
            pdf.text(xs[2], top, desirable)
        for e in essentials:
            if e.startswith("\xb7 "):  # a bullet with a hanging indent inside the cell
                pdf.text(xs[1], top, "\xb7", "F4")
                top = pdf.wrap(xs[1] + 12, top, xs[2] - xs[1] - 22, e[2:])
            else:
                top = pdf.wrap(xs[1], top, xs[2] - xs[1] - 10, e)
    return pdf


GRID = [
    ("Qualifications", ["GCSE English and maths", "Level 3 qualification in supporting teaching and learning"],
     "Degree"),
    ("Experience", ["\xb7 Work with children", "\xb7 Work in a school"], "Phonics training"),
    ("Skills", ["Good communication"], ""),
    ("Personal qualities", ["Patient and calm"], "First aid certificate"),
]


def test_borderless_three_column_grid(tmp_path):
    pdf = _grid_pdf(tmp_path, GRID)
    pdf.text(LEFT, 72, "Person specification", "F2", 14)
    doc = read_pdf(pdf.save(tmp_path / "grid.pdf"))
    assert blocks_of(doc) == [("Heading", "Person specification")]
    t = _one_table(doc)
    assert t.ncols == 3
    assert _rows(t) == [
        ["Criteria", "Essential", "Desirable"],
        ["Qualifications", "GCSE English and maths\nLevel 3 qualification in supporting teaching and learning",
         "Degree"],
        ["Experience", "Work with children\nWork in a school", "Phonics training"],
        ["Skills", "Good communication", ""],
        ["Personal qualities", "Patient and calm", "First aid certificate"],
    ]
    assert [c.col for c in t.rows[3].cells] == [0, 1, 2]
    exp = t.rows[2].cells[1]
    assert [(type(b).__name__, b.marker, b.level) for b in exp.blocks] == [("ListItem", "•", 0)] * 2
    assert all(b.bold for c in t.rows[0].cells for b in c.blocks)


def test_borderless_rows_split_by_horizontal_rules(tmp_path):
    """Horizontal rules only (no verticals: not a ruled table) part the rows of a tight table."""
    pdf = MiniPdf().page()
    rows = [("Post", "School Business Manager"), ("Reports to", "Headteacher and the governing body finance committee"),
            ("Location", "Hillside Academy"), ("Hours", "37 hours per week, all year round")]
    top = 100.0
    pdf.rule(LEFT, top - 2, RIGHT, top - 2)
    for label, value in rows:
        pdf.text(LEFT, top, label)
        top = pdf.wrap(VX, top, 150, value)
        pdf.rule(LEFT, top - 1, RIGHT, top - 1)
        top += 1
    t = _one_table(read_pdf(pdf.save(tmp_path / "hrules.pdf")))
    assert _rows(t) == [["Post", "School Business Manager"],
                        ["Reports to", "Headteacher and the governing body finance committee"],
                        ["Location", "Hillside Academy"], ["Hours", "37 hours per week, all year round"]]


def _justify(pdf: MiniPdf, x: float, top: float, width: float, text: str, leading: float = 12.0) -> float:
    """Draw ``text`` justified into ``width`` word by word; returns the top of the next line."""
    lines: list[list[str]] = [[]]
    for word in text.split():
        if lines[-1] and pdf.text_width(" ".join([*lines[-1], word])) > width:
            lines.append([])
        lines[-1].append(word)
    for i, words in enumerate(lines):
        gap = pdf.text_width(" ")
        if i < len(lines) - 1 and len(words) > 1:
            gap = (width - sum(pdf.text_width(w) for w in words)) / (len(words) - 1)
        pos = x
        for w in words:
            pos = pdf.text(pos, top, w) + gap
        top += leading
    return top


def test_justified_text_and_lists_are_not_tables(tmp_path):
    pdf = MiniPdf().page()
    words = ("Accountability responsibilities communication safeguarding confidentiality administrative "
             "interventions professionalism documentation partnership")
    top = _justify(pdf, LEFT, 72, 170, f"{words} {words} {words}")  # a narrow column: wide word gaps
    top = _justify(pdf, LEFT, top + 12, RIGHT - LEFT, f"{LONG} {LONG} {LONG}")
    items = ["Support pupils with reading, writing and mathematics in small groups and one-to-one sessions as "
             "directed by the class teacher", "Prepare the classroom", "Keep accurate records of pupils' progress "
             "and report to the class teacher regularly", "Supervise pupils at break and lunch time"]
    top += 12
    for item in items:  # bullets with a hanging indent
        pdf.text(90, top, "\xb7", "F4")
        top = pdf.wrap(108, top, RIGHT - 108, item)
    top += 12
    for n, item in enumerate(items, start=1):  # numbers followed by a tab, with a hanging indent
        pdf.text(LEFT, top, f"{n}.")
        top = pdf.wrap(LEFT + 36, top, RIGHT - LEFT - 36, item)
    doc = read_pdf(pdf.save(tmp_path / "prose.pdf"))
    assert not any(isinstance(b, Table) for b in doc.blocks)
    got = blocks_of(doc)
    assert " ".join(t for _, t in got[:-8]) == f"{words} {words} {words} {LONG} {LONG} {LONG}"
    assert [k for k, _ in got[-8:]] == ["ListItem"] * 4 + ["Paragraph"] * 4
    assert [t for k, t in got if k == "ListItem"] == items
    assert got[-4:] == [("Paragraph", f"{n}. {item}") for n, item in enumerate(items, start=1)]


def test_borderless_grid_continued_across_a_page_break(tmp_path):
    pdf = _grid_pdf(tmp_path, GRID[:2] + [("Skills", ["Ability to build positive relationships with"], "")],
                    top=660)
    pdf.page()
    pdf.text(200, 72, "pupils and staff")  # the row split by the page break
    _grid_pdf(tmp_path, GRID[3:] + [("Other", ["Willing to work flexibly"], "Driving licence")], top=84, pdf=pdf,
              header=False)
    pdf.text(LEFT, 130, "Applications are welcome from all.")
    doc = read_pdf(pdf.save(tmp_path / "gridbreak.pdf"))
    tables = [b for b in doc.blocks if isinstance(b, Table)]
    assert len(tables) == 1
    t = tables[0]
    assert [r.cells[0].text for r in t.rows] == ["Criteria", "Qualifications", "Experience", "Skills",
                                                 "Personal qualities", "Other"]
    assert t.rows[3].cells[1].text == "Ability to build positive relationships with pupils and staff"
    assert [r.prov.page for r in t.rows] == [1, 1, 1, 1, 2, 2]
    assert blocks_of(doc) == [("Paragraph", "Applications are welcome from all.")]


def test_two_columns_of_long_text_are_not_a_details_table(tmp_path):
    pdf = MiniPdf().page()
    top = 72.0
    for left in ("Ability to work as part of a team and on", "Experience of working in a school or a",
                 "Knowledge of child development and how"):
        pdf.text(LEFT, top, left)
        pdf.text(300, top, "Essential")
        top += 24
    doc = read_pdf(pdf.save(tmp_path / "long.pdf"))
    assert not any(isinstance(b, Table) for b in doc.blocks)


def test_tight_rows_with_labels_reaching_the_column_edge(tmp_path):
    """One row per line and no space between rows: every label seems to wrap into the next."""
    pdf = MiniPdf().page()
    opts = [("-b, --benchmark", "perform a benchmark on decoding"), ("-s, --strict", "use strict decoding"),
            ("-t, --no-time-strict", "use strict decoding but not in time fields"),
            ("-h, --help", "display this help and exit")]
    for i, (opt, text) in enumerate(opts):
        pdf.text(LEFT, 72 + 12 * i, opt)
        pdf.text(LEFT + pdf.text_width(opts[2][0]) + 12, 72 + 12 * i, text)
    t = _one_table(read_pdf(pdf.save(tmp_path / "opts.pdf")))
    assert _rows(t) == [list(o) for o in opts]


def test_corpus_004_position_profile_is_a_table():
    doc = _corpus_doc("004_elmtree")
    t = next(b for b in doc.blocks if isinstance(b, Table))
    assert t.prov.page == 1 and t.ncols == 2
    assert [r.cells[0].text for r in t.rows] == ["School", "Post title:", "Responsible to:", "Remuneration:",
                                                 "Hours:", "Commencement date:"]
    assert t.rows[4].cells[1].text == "32.5 hrs per week, term time only + 5 training days"
    assert t.rows[3].cells[1].text.endswith("+ SEN Allowance £1491 per annum)")
    assert t.rows[5].cells[1].text == ""


def test_cell_items_by_capitals_or_by_blank_lines(tmp_path):
    """Two ways schools write several requirements in one cell without bullets: each item on new
    lines starting with a capital (a narrow cell fills every line), or items set apart by blank
    lines, with hard line breaks inside an item."""
    pdf = MiniPdf().page()
    xs, top = [72.0, 210.0, 400.0], 100.0
    # cell 1: no gaps; "Patience" and "Able" start items though the line before was full
    for i, line in enumerate(["Good communication with", "colleagues and parents.", "Patience, punctuality and",
                              "reliability", "Enthusiasm for working with", "children and young people",
                              "Flexible approach to work", "Able to work in small teams"]):
        pdf.text(xs[0] + 5.4, top + 4 + 12 * i, line)
    # cell 2: blank lines between items; short lines inside an item
    for top_i, line in [(0, "Passionate about Learning and"), (1, "Teaching"), (3, "Display warmth, care and"),
                        (4, "sensitivity with children"), (6, "Excellent written communication skills")]:
        pdf.text(xs[1] + 5.4, top + 4 + 12 * top_i, line)
    pdf.grid(xs, [top, top + 104])
    doc, _ = read_document(pdf.save(tmp_path / "cells.pdf"))
    (t,) = [b for b in doc.blocks if isinstance(b, Table)]
    cells = t.rows[0].cells
    assert [b.text for b in cells[0].blocks] == [
        "Good communication with colleagues and parents.", "Patience, punctuality and reliability",
        "Enthusiasm for working with children and young people", "Flexible approach to work",
        "Able to work in small teams"]
    assert [b.text for b in cells[1].blocks] == [
        "Passionate about Learning and Teaching", "Display warmth, care and sensitivity with children",
        "Excellent written communication skills"]


def test_drawn_bullets_make_items_and_words_stay_in_their_cell(tmp_path):
    """Browsers print CSS list bullets as small filled shapes, not characters; and a word too long for
    its column runs over the border but belongs to the cell it starts in."""
    pdf = MiniPdf().page()
    pdf.text(LEFT, 60, "Main duties", "F2", 14)
    for i, line in enumerate(["Plan lessons with the class teacher", "Mark pupils' work promptly"]):
        pdf.box(LEFT + 2, 92 + 14 * i, LEFT + 5, 95 + 14 * i, fill=True)  # a 3 pt disc, drawn
        pdf.text(LEFT + 12, 88 + 14 * i, line)
    xs, top = [72.0, 200.0, 262.0], 140.0
    pdf.text(xs[0] + 5, top + 4, "Good ICT skills")
    pdf.text(xs[1] + 5, top + 4, "Application/References")  # wider than its 62 pt column
    pdf.grid(xs, [top, top + 20])
    doc, _ = read_document(pdf.save(tmp_path / "drawn.pdf"))
    items = [b for b in doc.blocks if isinstance(b, ListItem)]
    assert [(b.marker, b.text) for b in items] == [("•", "Plan lessons with the class teacher"),
                                                   ("•", "Mark pupils' work promptly")]
    (t,) = [b for b in doc.blocks if isinstance(b, Table)]
    assert [c.text for c in t.rows[0].cells] == ["Good ICT skills", "Application/References"]
    assert not [b for b in doc.blocks if isinstance(b, Paragraph) and b.text.startswith("nces")]


def test_a_blank_page_is_not_a_scan_but_an_image_only_page_is(tmp_path):
    pdf = MiniPdf().page()
    pdf.text(LEFT, 60, "Main duties", "F2", 14)
    pdf.page()  # a page break left an empty page
    doc, _ = read_document(pdf.save(tmp_path / "blank.pdf"))
    assert doc.warnings == []
    pdf.page()
    pdf.image(LEFT, 100, 300, 400)
    doc, _ = read_document(pdf.save(tmp_path / "scan.pdf"))
    assert doc.warnings == ["no text on page(s) 3: scanned image? OCR them to read them"]
