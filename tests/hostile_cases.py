"""Inputs that exhaust memory or time, or trip the batch runner: one small generator per case.

Usage: python tests/hostile_cases.py OUTDIR [--full]  (writes every case; the tests call the
generators directly). ``--full`` writes the PDF flate bomb at its full 1.5 GB inflated size.
"""

from __future__ import annotations

import sys
import zipfile
import zlib
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from docx_builder import new, save  # noqa: E402
from pdf_builder import MiniPdf, write_pdf  # noqa: E402

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_DOC_OPEN = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{W_NS}"><w:body>'
_DOC_CLOSE = "<w:sectPr/></w:body></w:document>"


def _base_docx(path: Path) -> Path:
    d = new()
    d.add_paragraph("Main duties", style="Heading 2")
    d.add_paragraph("Support pupils in class", style="List Bullet")
    return save(d, path)


def docx_with_parts(path: Path, body: str, parts: dict[str, bytes] | None = None,
                    document_xml: bytes | None = None) -> Path:
    """A .docx whose body is ``body`` (WordprocessingML inside w:body); ``parts`` replace or add parts."""
    src = _base_docx(path.with_suffix(".base.docx"))
    xml = document_xml if document_xml is not None else (_DOC_OPEN + body + _DOC_CLOSE).encode("utf-8")
    parts = dict(parts or {})
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = xml if item.filename == "word/document.xml" else parts.pop(item.filename, None) or zin.read(item)
            zout.writestr(item.filename, data)
        for name, data in parts.items():
            zout.writestr(name, data)
    src.unlink()
    return path


def _p(text: str, extra: str = "", run_props: str = "") -> str:
    return f"<w:p>{extra}<w:r>{run_props}<w:t xml:space=\"preserve\">{text}</w:t></w:r></w:p>"


def _numbering_xml(fmt: str, start: str, ilvl: str = "0") -> bytes:
    return (f'<?xml version="1.0" encoding="UTF-8"?><w:numbering xmlns:w="{W_NS}">'
            f'<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/>'
            f'<w:numFmt w:val="{fmt}"/><w:lvlText w:val="%1)"/></w:lvl></w:abstractNum>'
            f'<w:num w:numId="5"><w:abstractNumId w:val="1"/></w:num></w:numbering>').encode()


def _with_numbering(path: Path, numbering: bytes, ilvl: str = "0", items: int = 20) -> Path:
    """A duties list numbered by ``numbering`` (numId 5); needs a numbering part and its relationship."""
    num_pr = f'<w:pPr><w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="5"/></w:numPr></w:pPr>'
    body = _p("Main duties") + "".join(_p(f"Support pupils in class {i}", num_pr) for i in range(items))
    d = new()
    d.add_paragraph("x", style="List Number")  # makes python-docx add a numbering part
    tmp = save(d, path.with_suffix(".num.docx"))
    with zipfile.ZipFile(tmp) as z:
        extra = {n: z.read(n) for n in z.namelist() if n not in ("word/document.xml", "word/numbering.xml")}
    tmp.unlink()
    extra["word/numbering.xml"] = numbering
    return docx_with_parts(path, body, extra)


# 1 ------------------------------------------------------------------------------------------------
def numbering_letters(path: Path, start: int = 2_000_000_000) -> Path:
    """A lowerLetter list starting at ``start``: each marker would be start/26 characters long."""
    return _with_numbering(path, _numbering_xml("lowerLetter", str(start)))


def numbering_roman(path: Path, start: int = 10**15) -> Path:
    """An upperRoman list starting at ``start``: each marker would be start/1000 characters long."""
    return _with_numbering(path, _numbering_xml("upperRoman", str(start)))


# 2 ------------------------------------------------------------------------------------------------
def grid_span(path: Path, span: int = 2_000_000_000, before: bool = False) -> Path:
    """A person-spec table whose "Essential" header spans ``span`` grid columns (or, with ``before``,
    whose header row first skips ``span`` columns with gridBefore and then spans as many)."""
    def cell(text: str, n: int = 1) -> str:
        pr = f'<w:tcPr><w:gridSpan w:val="{n}"/></w:tcPr>' if n != 1 else ""
        return f"<w:tc>{pr}{_p(text)}</w:tc>"

    skip = f'<w:trPr><w:gridBefore w:val="{span}"/></w:trPr>' if before else ""
    head = f"<w:tr>{skip}{cell('Criteria')}{cell('Essential', span)}{cell('Desirable')}</w:tr>"
    row = f"<w:tr>{skip}{cell('Qualifications')}{cell('GCSE English and maths', span)}{cell('')}</w:tr>"
    body = _p("Person specification") + f"<w:tbl><w:tblGrid><w:gridCol/></w:tblGrid>{head}{row}</w:tbl>" + _p("End")
    return docx_with_parts(path, body)


# 3 ------------------------------------------------------------------------------------------------
def pdf_flate_bomb(path: Path, inflated: int = 300 * 1024 * 1024) -> Path:
    """One page whose content stream is ``inflated`` bytes of spaces once decompressed (about 1/1000 on disk)."""
    comp = zlib.compressobj(9)
    chunk = b" " * (4 << 20)
    head = b"BT /F1 11 Tf 72 700 Td (Main duties) Tj ET\n"
    parts = [comp.compress(head)]
    left = inflated - len(head)
    while left > 0:
        parts.append(comp.compress(chunk[: min(left, len(chunk))]))
        left -= len(chunk)
    parts.append(comp.flush())
    stream = b"".join(parts)
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >>"
        b" /Contents 4 0 R >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    return write_pdf(path, objs)


def pdf_many_chars(path: Path, chars: int = 400_000) -> Path:
    """One page drawing ``chars`` characters (a real page holds a few thousand)."""
    line = "Support pupils in class and keep records of their progress " * 2
    pdf = MiniPdf().page()
    n = 0
    top = 40.0
    while n < chars:
        pdf.text(40, top, line, size=4)
        n += len(line)
        top = 40.0 + (top + 4) % 700
    return pdf.save(path)


# 9 ------------------------------------------------------------------------------------------------
def pdf_rotated(path: Path, rotate: int = 90) -> Path:
    """A landscape page stored portrait with /Rotate, and an ordinary text layer."""
    pdf = MiniPdf(width=792, height=612).page()
    pdf.text(72, 83, "Main duties", size=11)
    pdf.text(72, 103, "- Support pupils in class", size=11)
    pdf.text(72, 123, "- Keep records of progress", size=11)
    pdf.save(path)
    raw = path.read_bytes().replace(b"/Type /Page /Parent", b"/Type /Page /Rotate %d /Parent" % rotate)
    return _fix_xref(path, raw)


def _fix_xref(path: Path, raw: bytes) -> Path:
    """Rewrite the xref table of a MiniPdf file whose objects were edited in place."""
    import re

    body = raw[: raw.rindex(b"xref\n")]
    offsets = [m.start() for m in re.finditer(rb"(?m)^\d+ 0 obj\n", body)]
    tail = raw[raw.index(b"trailer"):]
    tail = re.sub(rb"startxref\n\d+", b"startxref\n%d" % len(body), tail)
    xref = b"xref\n0 %d\n0000000000 65535 f \n" % (len(offsets) + 1) + b"".join(b"%010d 00000 n \n" % o for o in offsets)
    path.write_bytes(body + xref + tail)
    return path


# 10 -----------------------------------------------------------------------------------------------
def tracked_changes(path: Path) -> Path:
    """Duties in a bulleted list: one moved by tracked changes (w:moveFrom / w:moveTo), one hidden
    (w:vanish), one with a hidden remark, one deleted (w:del)."""
    li = '<w:pPr><w:pStyle w:val="ListBullet"/></w:pPr>'
    body = (_p("Main duties", '<w:pPr><w:pStyle w:val="Heading2"/></w:pPr>')
            + f'<w:p>{li}<w:moveFrom w:id="1" w:author="A"><w:r><w:t>Plan lessons</w:t></w:r></w:moveFrom></w:p>'
            + _p("Support pupils in class", li)
            + f'<w:p>{li}<w:moveTo w:id="2" w:author="A"><w:r><w:t>Plan lessons</w:t></w:r></w:moveTo></w:p>'
            + _p("Hidden note to the head", li, "<w:rPr><w:vanish/></w:rPr>")
            + f'<w:p>{li}<w:r><w:t xml:space="preserve">Keep records </w:t></w:r>'
              '<w:r><w:rPr><w:vanish/></w:rPr><w:t>(draft: ask HR)</w:t></w:r></w:p>'
            + f'<w:p>{li}<w:del w:id="3" w:author="A"><w:r><w:delText>Drive the minibus</w:delText></w:r></w:del></w:p>')
    return docx_with_parts(path, body)


# 11 -----------------------------------------------------------------------------------------------
def mixed_encoding(path: Path) -> Path:
    """UTF-8 text with one line saved as Windows-1252."""
    data = ("Main duties\n- Support pupils’ learning\n- Keep records – weekly\n".encode()
            + "- Manage the £200 petty cash\n".encode("cp1252")
            + "- Liaise with parents’ groups\n".encode())
    path.write_bytes(data)
    return path


# 14 -----------------------------------------------------------------------------------------------
def doctype_after_padding(path: Path) -> Path:
    xml = ('<?xml version="1.0"?>' + "<!--" + " " * 8000 + "-->"
           + '<!DOCTYPE w:document [<!ENTITY e "Support pupils">]>'
           + f'<w:document xmlns:w="{W_NS}"><w:body>{_p("Main duties")}<w:p><w:r><w:t>&e;</w:t></w:r></w:p>'
           + _DOC_CLOSE).encode()
    return docx_with_parts(path, "", document_xml=xml)


def doctype_utf16(path: Path) -> Path:
    xml = ('<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE w:document [<!ENTITY e "Support pupils">]>'
           + f'<w:document xmlns:w="{W_NS}"><w:body>{_p("Main duties")}<w:p><w:r><w:t>&e;</w:t></w:r></w:p>'
           + _DOC_CLOSE).encode("utf-16")
    return docx_with_parts(path, "", document_xml=xml)


# 18 -----------------------------------------------------------------------------------------------
def pdf_no_tounicode(path: Path) -> Path:
    """Text in an embedded-style font with a custom encoding and no ToUnicode map: glyph ids only."""
    content = b"BT /F9 11 Tf 72 700 Td <0102030405060708> Tj 0 -20 Td <090a0b0c0d0e0f10> Tj ET"
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F9 5 0 R >> >>"
        b" /Contents 4 0 R >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type0 /BaseFont /ABCDEF+Calibri /Encoding /Identity-H"
        b" /DescendantFonts [6 0 R] >>",
        b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /ABCDEF+Calibri"
        b" /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 500 >>",
    ]
    return write_pdf(path, objs)


def alt_chunk_only(path: Path) -> Path:
    """A .docx whose whole content is an imported HTML chunk (w:altChunk)."""
    rel_ns = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    xml = (f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{W_NS}" xmlns:r="{rel_ns}"><w:body>'
           f'<w:altChunk r:id="rIdChunk"/>{_DOC_CLOSE}').encode()
    d = new()
    tmp = save(d, path.with_suffix(".tmp.docx"))
    with zipfile.ZipFile(tmp) as z:
        rels = z.read("word/_rels/document.xml.rels").decode()
        types = z.read("[Content_Types].xml").decode()
    tmp.unlink()
    rels = rels.replace("</Relationships>", '<Relationship Id="rIdChunk" Type="http://schemas.openxmlformats.org/'
                        'officeDocument/2006/relationships/aFChunk" Target="chunk.html"/></Relationships>')
    types = types.replace("</Types>", '<Override PartName="/word/chunk.html" ContentType="text/html"/></Types>')
    return docx_with_parts(path, "", {"word/_rels/document.xml.rels": rels.encode(), "[Content_Types].xml": types.encode(),
                                      "word/chunk.html": b"<html><body><h2>Main duties</h2><ul><li>Support pupils"
                                                         b"</li></ul></body></html>"}, document_xml=xml)


def bidi_docx(path: Path) -> Path:
    """Bidi overrides and zero-width characters in runs, and a right-to-left (w:bidi) paragraph."""
    body = (_p("Main duties") + _p("Support\u202e pupils\u202c in\u200d class\u2066 daily\u2069")
            + _p("دعم التلاميذ في الفصل", "<w:pPr><w:bidi/></w:pPr>", "<w:rPr><w:rtl/></w:rPr>"))
    return docx_with_parts(path, body)


# 19 -----------------------------------------------------------------------------------------------
def bad_ilvl(path: Path) -> Path:
    return _with_numbering(path, _numbering_xml("decimal", "1", ilvl="abc"), ilvl="abc")


def missing_part(path: Path) -> Path:
    """A relationship (the numbering part) that points at a part missing from the archive."""
    p = _with_numbering(path, _numbering_xml("decimal", "1"))
    tmp = path.with_suffix(".tmp.docx")
    with zipfile.ZipFile(p) as zin, zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            if item.filename != "word/numbering.xml":
                zout.writestr(item.filename, zin.read(item))
    tmp.replace(path)
    return path


def stray_nul(path: Path) -> Path:
    path.write_bytes(b"Main duties\n- Support pupils in class\n- Keep\x00 records of progress\n")
    return path


CASES = {
    "numbering-letters.docx": numbering_letters, "numbering-roman.docx": numbering_roman,
    "gridspan.docx": grid_span, "gridbefore.docx": lambda p: grid_span(p, before=True),
    "flate-bomb.pdf": pdf_flate_bomb, "many-chars.pdf": pdf_many_chars,
    "rotated.pdf": pdf_rotated, "tracked.docx": tracked_changes, "mixed.txt": mixed_encoding,
    "doctype-padded.docx": doctype_after_padding, "doctype-utf16.docx": doctype_utf16,
    "no-tounicode.pdf": pdf_no_tounicode, "altchunk.docx": alt_chunk_only, "bidi.docx": bidi_docx,
    "bad-ilvl.docx": bad_ilvl, "missing-part.docx": missing_part, "stray-nul.txt": stray_nul,
}


if __name__ == "__main__":
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "hostile-cases")
    out.mkdir(parents=True, exist_ok=True)
    for name, make in CASES.items():
        if name == "flate-bomb.pdf" and "--full" in sys.argv:
            pdf_flate_bomb(out / name, 1536 * 1024 * 1024)
        else:
            make(out / name)
        print(f"{name:24s} {(out / name).stat().st_size:>10d}")
