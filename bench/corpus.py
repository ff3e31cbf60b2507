"""Write the synthetic benchmark corpus: the same packs as .docx, .pdf and .txt.

usage: python bench/corpus.py OUT [--n 24] [--seed 2025] [--formats docx pdf txt] [--items 40 80]
                                   [--about 0 40] [--prefix pack]

* .docx with python-docx (the helpers of ``examples/make_examples.py``): headings, a shaded
  key/value details table, real Word lists (bullets, 1. and a) numbering), a person-specification
  table whose Essential and Desirable cells hold bullet lists, a header and a page-number footer.
* .pdf with the pure-Python PDF writer of the tests (``MiniPdf``: standard-14 fonts with their
  real widths), laid out here the way a word processor would: wrapped paragraphs, hanging list
  items, ruled tables whose rows move whole to the next page, a repeated page header and a
  "Page n of m" footer. No LibreOffice needed.
* .txt as Word's "Plain Text" export writes it: table cells one per line after a tab, rows apart by
  a blank line, list markers followed by a tab; half the packs cp1252 with CRLF, half UTF-8.

The output is deterministic (seeded; fixed document metadata and zip timestamps). ``OUT/truth.json``
holds every pack's duties and criteria (the ground truth of the recall check) and its PDF page count.
"""

from __future__ import annotations

import argparse
import functools
import importlib.util
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))

from content import Pack, make_pack  # noqa: E402

GENERATOR_VERSION = 4  # bump when the output changes, so cached corpora are rebuilt


@functools.cache
def _load(name: str, path: Path):
    spec = importlib.util.spec_from_file_location(name, path)
    mod = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(mod)  # type: ignore[union-attr]
    return mod


def mini_pdf_class():
    """The tests' pure-Python PDF writer: ``tests/pdf_builder.py`` if present, else the copy in
    ``tests/test_pdf_reader.py``."""
    tests = ROOT / "tests"
    sys.path.insert(0, str(tests))
    if (tests / "pdf_builder.py").exists():
        return _load("pdf_builder", tests / "pdf_builder.py").MiniPdf
    return _load("test_pdf_reader", tests / "test_pdf_reader.py").MiniPdf


# ---------------------------------------------------------------------------------------------
# DOCX


def write_docx(pack: Pack, path: Path) -> None:
    mx = _load("make_examples", ROOT / "examples" / "make_examples.py")
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    doc = mx.new_document(f"{pack.title} - {pack.school}")
    header = doc.sections[0].header
    header.is_linked_to_previous = False
    hp = header.paragraphs[0]
    hp.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    hp.add_run(pack.school).bold = True
    mx.add_page_field_footer(doc.sections[0], f"{pack.title} job pack")

    if pack.about:
        doc.add_heading(f"Welcome to {pack.school}", level=1)
        for para in pack.about:
            doc.add_paragraph(para)
        doc.add_page_break()

    doc.add_heading(f"Job description: {pack.title}", level=1)
    details = doc.add_table(rows=0, cols=2)
    details.style = "Table Grid"
    for label, value in pack.details:
        row = details.add_row()
        mx.set_cell_text(row.cells[0], label, bold=True)
        mx.shade(row.cells[0], "E7EEF7")
        mx.set_cell_text(row.cells[1], value)
    mx.set_widths(details, [4.5, 12.5])

    doc.add_heading("Job purpose", level=2)
    for para in pack.purpose:
        doc.add_paragraph(para)

    doc.add_heading("Main duties and responsibilities", level=2)
    fmts = {"number": ("decimal", "%1."), "letter": ("lowerLetter", "%1)")}
    abstract = {k: mx.add_abstract_num(doc, *v) for k, v in fmts.items()}
    for sec in pack.sections:
        doc.add_heading(sec.heading, level=3)
        if sec.style == "bullet":
            for duty in sec.duties:
                doc.add_paragraph(duty, style="List Bullet")
        else:
            num_id = mx.add_list_instance(doc, abstract[sec.style])
            for duty in sec.duties:
                mx.add_numbered(doc, duty, num_id)
    if pack.ps_on_new_page:
        doc.add_page_break()

    doc.add_heading("Person specification", level=1)
    cols = ["Criteria", "Essential", "Desirable"] + (["How assessed"] if pack.with_assessed else [])
    spec = doc.add_table(rows=1, cols=len(cols))
    spec.style = "Table Grid"
    for cell, text in zip(spec.rows[0].cells, cols, strict=True):
        mx.set_cell_text(cell, text, bold=True)
        mx.shade(cell, "D9E2F3")
    mx.repeat_as_header(spec.rows[0])
    for r in pack.ps_rows:
        row = spec.add_row()
        mx.set_cell_text(row.cells[0], r.category, bold=True)
        mx.fill_bullets(row.cells[1], r.essential)
        if r.desirable:
            mx.fill_bullets(row.cells[2], r.desirable)
        if pack.with_assessed:
            mx.set_cell_text(row.cells[3], r.assessed, align=WD_ALIGN_PARAGRAPH.CENTER)
    mx.set_widths(spec, [3.2, 6.4, 5.0, 2.4] if pack.with_assessed else [3.6, 7.4, 6.0])
    if pack.with_assessed:
        key = doc.add_paragraph()
        key.paragraph_format.space_before = Pt(6)
        key.add_run("Key: ").bold = True
        key.add_run("A = Application form, I = Interview, R = References, C = Certificates, T = Task")

    doc.add_heading("Safeguarding and how to apply", level=2)
    for para in pack.closing:
        doc.add_paragraph(para)
    mx.save_docx(doc, path)


# ---------------------------------------------------------------------------------------------
# PDF

LEFT, RIGHT, TOP, BOTTOM = 72.0, 540.0, 72.0, 720.0
BODY, LEAD = 10.0, 12.0


class _Layout:
    """A word processor in miniature: a cursor down the page, new pages as needed."""

    def __init__(self, pack: Pack, MiniPdf) -> None:  # noqa: N803
        self.pdf = MiniPdf()
        self.pack = pack
        self.y = TOP
        self._page()

    def _page(self) -> None:
        self.pdf.page()
        self.pdf.text(LEFT, 40, self.pack.school, "F1", 8)
        self.y = TOP

    def lines(self, text: str, width: float, font: str = "F1", size: float = BODY) -> list[str]:
        out: list[str] = []
        line: list[str] = []
        for word in text.split():
            if line and self.pdf.text_width(" ".join([*line, word]), font, size) > width:
                out.append(" ".join(line))
                line = []
            line.append(word)
        if line:
            out.append(" ".join(line))
        return out

    def need(self, height: float) -> None:
        if self.y + height > BOTTOM:
            self._page()

    def page_break(self) -> None:
        self._page()

    def heading(self, text: str, size: float) -> None:
        self.y += 0.6 * size
        self.need(size + 3 * LEAD)  # keep with next
        self.pdf.text(LEFT, self.y, text, "F2", size)
        self.y += 1.5 * size

    def para(self, text: str) -> None:
        for ln in self.lines(text, RIGHT - LEFT):
            self.need(LEAD)
            self.pdf.text(LEFT, self.y, ln)
            self.y += LEAD
        self.y += 6

    def item(self, marker: str, text: str) -> None:
        ls = self.lines(text, RIGHT - LEFT - 36)
        self.need(LEAD * len(ls))
        self.pdf.text(LEFT + 12, self.y, marker)
        for ln in ls:
            self.pdf.text(LEFT + 36, self.y, ln)
            self.y += LEAD
        self.y += 3

    def table(self, xs: list[float], rows: list[list[list[tuple[str, str]]]], bold_first_row: bool = False,
              bold_first_col: bool = False) -> None:
        """``rows`` of cells, each a list of (marker or "", text) paragraphs. Rows never split."""
        pad = 5.4
        ys = [self.y]
        for r_i, row in enumerate(rows):
            laid = []
            height = 0.0
            for c_i, cell in enumerate(row):
                x0, x1 = xs[c_i] + pad, xs[c_i + 1] - pad
                bold = (bold_first_row and r_i == 0) or (bold_first_col and c_i == 0)
                font = "F2" if bold else "F1"
                cl = []
                for marker, text in cell:
                    indent = 12.0 if marker else 0.0
                    for k, ln in enumerate(self.lines(text, x1 - x0 - indent, font)):
                        cl.append((x0 + indent, ln, marker if k == 0 else "", font))
                laid.append(cl)
                height = max(height, len(cl) * LEAD)
            height += 2 * pad
            if ys[-1] + height > BOTTOM and len(ys) > 1:
                self.pdf.grid(xs, ys)
                self._page()
                ys = [self.y]
            top = ys[-1] + pad
            for cl in laid:
                for k, (x, ln, marker, font) in enumerate(cl):
                    if marker:
                        self.pdf.text(x - 12, top + k * LEAD, marker)
                    self.pdf.text(x, top + k * LEAD, ln, font)
            ys.append(ys[-1] + height)
        self.pdf.grid(xs, ys)
        self.y = ys[-1] + 12

    def save(self, path: Path) -> int:
        n = len(self.pdf.pages)
        pages = self.pdf.pages
        for i in range(n):  # MiniPdf draws on the last page: point it at each page in turn
            self.pdf.pages = [pages[i]]
            label = f"{self.pack.title} job pack - page {i + 1} of {n}"
            self.pdf.text((LEFT + RIGHT) / 2 - self.pdf.text_width(label, "F1", 8) / 2, 752, label, "F1", 8)
        self.pdf.pages = pages
        self.pdf.save(path)
        return n


def _markers(style: str, n: int) -> list[str]:
    if style == "number":
        return [f"{i}." for i in range(1, n + 1)]
    if style == "letter":
        return [f"{chr(ord('a') + i % 26)})" for i in range(n)]
    return ["\u2022"] * n


def layout_pdf(pack: Pack, MiniPdf) -> _Layout:  # noqa: N803
    lay = _Layout(pack, MiniPdf)
    if pack.about:
        lay.heading(f"Welcome to {pack.school}", 14)
        for para in pack.about:
            lay.para(para)
        lay.page_break()
    lay.heading(f"Job description: {pack.title}", 14)
    lay.table([LEFT, 200.0, RIGHT], [[[("", k)], [("", v)]] for k, v in pack.details], bold_first_col=True)
    lay.heading("Job purpose", 12)
    for para in pack.purpose:
        lay.para(para)
    lay.heading("Main duties and responsibilities", 12)
    for sec in pack.sections:
        lay.heading(sec.heading, 11)
        for m, duty in zip(_markers(sec.style, len(sec.duties)), sec.duties, strict=True):
            lay.item(m, duty)
    if pack.ps_on_new_page:
        lay.page_break()
    lay.heading("Person specification", 14)
    if pack.with_assessed:
        xs = [LEFT, 165.0, 340.0, 480.0, RIGHT]
        head = ["Criteria", "Essential", "Desirable", "How assessed"]
    else:
        xs = [LEFT, 175.0, 370.0, RIGHT]
        head = ["Criteria", "Essential", "Desirable"]
    rows = [[[("", h)] for h in head]]
    for r in pack.ps_rows:
        row = [[("", r.category)], [("\u2022", c) for c in r.essential], [("\u2022", c) for c in r.desirable]]
        if pack.with_assessed:
            row.append([("", r.assessed)])
        rows.append(row)
    lay.table(xs, rows, bold_first_row=True)
    if pack.with_assessed:
        lay.para("Key: A = Application form, I = Interview, R = References, C = Certificates, T = Task")
    lay.heading("Safeguarding and how to apply", 12)
    for para in pack.closing:
        lay.para(para)
    return lay


# ---------------------------------------------------------------------------------------------
# TXT (Word's plain-text export)


def text_lines(pack: Pack, variant: int) -> list[str]:
    out = [pack.school, ""]
    if pack.about:
        out += [f"Welcome to {pack.school}", ""]
    for para in pack.about:
        out += [para, ""]
    out += [f"Job description: {pack.title}", ""]
    out += [f"{k}\t{v}" for k, v in pack.details]  # one-paragraph cells: a row a line, tabs between
    out += ["", "Job purpose"] + pack.purpose + ["", "Main duties and responsibilities", ""]
    for sec in pack.sections:
        out.append(sec.heading)
        for m, duty in zip(_markers(sec.style, len(sec.duties)), sec.duties, strict=True):
            out.append(f"{m}\t{duty}")
        out.append("")
    out += ["", "Person specification", ""]
    head = ["Criteria", "Essential", "Desirable"] + (["How assessed"] if pack.with_assessed else [])
    out += [f"\t{h}" for h in head] + [""]  # cells holding lists: a cell a line, each after a tab
    for r in pack.ps_rows:
        out.append(f"\t{r.category}")
        for cell in (r.essential, r.desirable):
            if not cell:
                out.append("\t")
            for k, c in enumerate(cell):
                out.append(("\t" if k == 0 else "") + f"\u2022\t{c}")
        if pack.with_assessed:
            out.append(f"\t{r.assessed}")
        out.append("")
    out.append("")
    if pack.with_assessed:
        out += ["Key: A = Application form, I = Interview, R = References, C = Certificates, T = Task", ""]
    out += ["Safeguarding and how to apply", ""] + [x for c in pack.closing for x in (c, "")]
    return out


def write_txt(pack: Pack, path: Path, variant: int) -> None:
    lines = text_lines(pack, variant)
    if variant % 2:
        path.write_bytes(("\r\n".join(lines) + "\r\n").encode("cp1252"))
    else:
        path.write_bytes(("\n".join(lines) + "\n").encode("utf-8"))


# ---------------------------------------------------------------------------------------------


def generate(out: Path, n: int, seed: int, *, formats: tuple[str, ...] = ("docx", "pdf", "txt"),
             items: tuple[int, int] = (40, 80), about: tuple[int, int] = (0, 40), prefix: str = "pack") -> dict:
    """Write ``n`` packs in each format under ``out/<format>/``; return (and write) the truth."""
    MiniPdf = mini_pdf_class()  # noqa: N806
    for fmt in formats:
        (out / fmt).mkdir(parents=True, exist_ok=True)
    truth = {"generator_version": GENERATOR_VERSION, "seed": seed, "n": n, "packs": []}
    for i in range(n):
        pack = make_pack(seed, i, items=items, about=about, prefix=prefix)
        lay = layout_pdf(pack, MiniPdf)
        pages = len(lay.pdf.pages)
        if "pdf" in formats:
            lay.save(out / "pdf" / f"{pack.slug}.pdf")
        if "docx" in formats:
            write_docx(pack, out / "docx" / f"{pack.slug}.docx")
        if "txt" in formats:
            write_txt(pack, out / "txt" / f"{pack.slug}.txt", i)
        truth["packs"].append({**pack.truth(), "pages": pages})
    (out / "truth.json").write_text(json.dumps(truth, indent=1, ensure_ascii=False), encoding="utf-8")
    return truth


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--n", type=int, default=24)
    ap.add_argument("--seed", type=int, default=2025)
    ap.add_argument("--formats", nargs="+", default=["docx", "pdf", "txt"], choices=["docx", "pdf", "txt"])
    ap.add_argument("--items", nargs=2, type=int, default=[40, 80], metavar=("MIN", "MAX"),
                    help="duties + criteria per pack")
    ap.add_argument("--about", nargs=2, type=int, default=[0, 40], metavar=("MIN", "MAX"),
                    help="paragraphs of prose about the school (these set the length in pages)")
    ap.add_argument("--prefix", default="pack")
    args = ap.parse_args(argv)
    truth = generate(args.out, args.n, args.seed, formats=tuple(args.formats), items=tuple(args.items),
                     about=tuple(args.about), prefix=args.prefix)
    pages = [p["pages"] for p in truth["packs"]]
    items = [len(p["duties"]) + len(p["criteria"]) for p in truth["packs"]]
    print(f"wrote {args.n} packs x {len(args.formats)} formats to {args.out}: {min(pages)}-{max(pages)} pages, "
          f"{min(items)}-{max(items)} duties + criteria")
    return 0


if __name__ == "__main__":
    sys.exit(main())
