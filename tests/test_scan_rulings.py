"""Reading scans well: the rulings found in a page image, and the OCR misreadings mended."""

from __future__ import annotations

from pathlib import Path

import pytest

from jobspec.document import Cell, Document, Heading, ListItem, Paragraph, Row, Table
from jobspec.readers.ocr_tidy import tidy


def _scan(path: Path) -> Path:
    """A 100 dpi page image: a 3 x 3 table with a shaded header row holding letter-like strokes, an
    underline, a photo, and a tall letter outside any table; wrapped in a PDF as a scanner would."""
    from PIL import Image, ImageDraw

    img = Image.new("L", (850, 1100), 255)
    d = ImageDraw.Draw(img)
    d.rectangle([100, 200, 700, 230], fill=206)  # the header row's shading
    for x in range(120, 680, 40):  # bold letters in the header: stems 12 px high, short of the rulings
        d.rectangle([x, 209, x + 3, 221], fill=0)
    for y in (200, 230, 300, 400):
        d.line([100, y, 700, y], fill=120, width=2)
    for x in (100, 300, 500, 700):
        d.line([x, 200, x, 400], fill=120, width=2)
    d.line([100, 500, 400, 500], fill=0, width=1)  # an underline: a horizontal rule, not a table
    d.rectangle([500, 600, 700, 800], fill=30)  # a photo: no rulings inside it
    d.rectangle([150, 900, 155, 960], fill=0)  # a tall stem with no rulings at its ends
    img.save(path, resolution=100)
    return path


def test_rulings_of_a_scanned_table_are_drawn_into_the_pdf(tmp_path):
    pytest.importorskip("pikepdf", reason="pikepdf comes with OCRmyPDF: pip install -e '.[test]'")
    import pdfplumber

    from jobspec.readers.scan_rulings import add_rulings

    pdf = _scan(tmp_path / "scan.pdf")
    assert add_rulings(pdf) == 9
    with pdfplumber.open(pdf) as doc:
        lines = doc.pages[0].lines
    pt = 72 / 100  # points per pixel

    def near(a: float, b: float) -> bool:
        return abs(a - b) <= 2.5

    horizontal = sorted((round(ln["top"]), round(ln["x0"]), round(ln["x1"])) for ln in lines if ln["top"] == ln["bottom"])
    vertical = sorted((round(ln["x0"]), round(ln["top"]), round(ln["bottom"])) for ln in lines if ln["x0"] == ln["x1"])
    assert len(horizontal) == 5 and len(vertical) == 4
    for (top, x0, x1), (row, a, b) in zip(horizontal, [(200, 100, 700), (230, 100, 700), (300, 100, 700),
                                                       (400, 100, 700), (500, 100, 400)], strict=True):
        assert near(top, row * pt) and near(x0, a * pt) and near(x1, b * pt), (top, x0, x1)
    for (x, top, bottom), col in zip(vertical, (100, 300, 500, 700), strict=True):
        assert near(x, col * pt) and near(top, 200 * pt) and near(bottom, 400 * pt), (x, top, bottom)


def test_a_page_without_rulings_is_left_alone(tmp_path):
    pytest.importorskip("pikepdf", reason="pikepdf comes with OCRmyPDF: pip install -e '.[test]'")
    from PIL import Image

    from jobspec.readers.scan_rulings import add_rulings

    pdf = tmp_path / "blank.pdf"
    Image.new("L", (850, 1100), 255).save(pdf, resolution=100)
    before = pdf.read_bytes()
    assert add_rulings(pdf) == 0
    assert pdf.read_bytes() == before


def test_ocr_misreadings_are_mended():
    table = Table(rows=[Row(cells=[Cell(blocks=[Paragraph("1 |")], col=0),
                                   Cell(blocks=[Paragraph("| Good literacy skills")], col=1),
                                   Cell(blocks=[Paragraph("v")], col=2), Cell(blocks=[Paragraph("|")], col=3),
                                   Cell(blocks=[Paragraph("V")], col=4), Cell(blocks=[Paragraph("Valid")], col=5)])],
                  ncols=6)
    doc = Document(blocks=[
        Heading("Job purpose", level=2),
        Paragraph("¢ To help students overcome barriers to learning"),
        Paragraph("e To build strong links with families"),
        Paragraph("e-safety is taught to every year group"),  # a word, not a misread bullet
        Paragraph("No | Criteria | Essential"),  # rulings read between words go too
        Paragraph("Email|phone"),  # a "|" inside a word is kept
        Paragraph("|"),
        ListItem("Keep records |", marker="1."),
        table,
    ])
    tidy(doc)
    assert [(type(b).__name__, getattr(b, "marker", None), b.text) for b in doc.blocks[:7]] == [
        ("Heading", None, "Job purpose"),
        ("ListItem", "•", "To help students overcome barriers to learning"),
        ("ListItem", "•", "To build strong links with families"),
        ("Paragraph", None, "e-safety is taught to every year group"),
        ("Paragraph", None, "No Criteria Essential"),
        ("Paragraph", None, "Email|phone"),
        ("ListItem", "1.", "Keep records"),
    ]
    assert [c.text for c in doc.blocks[7].rows[0].cells] == ["1", "Good literacy skills", "✓", "", "✓", "Valid"]
