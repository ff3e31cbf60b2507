"""Make broken and hostile input files, as found on a shared drive.

Usage: python tests/hostile.py OUTDIR   (the tests call make_all() directly)

Each generator writes one file and returns its path; EXPECTED maps a file name to the
reason jobspec must print for it (None: it must parse).
"""

from __future__ import annotations

import io
import os
import random
import sys
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from docx_builder import new, save  # noqa: E402
from pdf_builder import MiniPdf  # noqa: E402

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _good_docx(path: Path, text: str = "Support pupils in class") -> Path:
    d = new()
    d.add_heading("Main duties", level=2)
    d.add_paragraph(text, style="List Bullet")
    return save(d, path)


def _swap_document_xml(src: Path, dst: Path, xml: bytes) -> Path:
    """Copy a .docx replacing word/document.xml with ``xml``."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = xml if item.filename == "word/document.xml" else zin.read(item.filename)
            zout.writestr(item.filename, data)
    return dst


def _text_pdf(path: Path, *, encrypt: bool = False) -> Path:
    """A one-page PDF with a heading and one duty."""
    pdf = MiniPdf().page()
    pdf.text(72, 83, "Main duties", size=11)
    pdf.text(72, 103, "- Support pupils in class", size=11)
    return pdf.save(path, encrypt=encrypt)


def _xlsx_bytes() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("xl/workbook.xml", "<workbook/>")
    return buf.getvalue()


def make_all(out: Path) -> dict[str, str | None]:
    """Write every hostile input into ``out``; return {file name: expected reason (None = parses)}."""
    out.mkdir(parents=True, exist_ok=True)
    good = _good_docx(out / "good.docx")
    exp: dict[str, str | None] = {"good.docx": None}

    (out / "empty.docx").write_bytes(b"")
    exp["empty.docx"] = "empty file"
    (out / "empty.pdf").write_bytes(b"")
    exp["empty.pdf"] = "empty file"

    data = good.read_bytes()
    (out / "truncated.docx").write_bytes(data[: len(data) // 2])
    exp["truncated.docx"] = "corrupt Word file (damaged or truncated zip archive)"
    (out / "notzip.docx").write_bytes(b"Dear applicant, thank you for your interest.\n" * 20)
    exp["notzip.docx"] = "corrupt or not a Word file (not a zip archive)"

    # a zip bomb: a few KB on disk, gigabytes of XML once inflated
    with zipfile.ZipFile(good) as zin, zipfile.ZipFile(out / "bomb.docx", "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            if item.filename == "word/document.xml":
                with zout.open("word/document.xml", "w", force_zip64=True) as fh:
                    chunk = b" " * (1 << 20)
                    for _ in range(300):
                        fh.write(chunk)
            else:
                zout.writestr(item.filename, zin.read(item.filename))
    exp["bomb.docx"] = "decompressed content too large"

    xxe = (b'<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
           b'<w:document xmlns:w="' + W_NS.encode() + b'"><w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p>'
           b"</w:body></w:document>")
    _swap_document_xml(good, out / "xxe.docx", xxe)
    exp["xxe.docx"] = "unsafe Word file: its XML declares entities (DTD); refusing to read it"
    lol = (b'<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY a "lollollollollollollollollollol">'
           + b"".join(b'<!ENTITY %s "%s">' % (bytes([98 + i]), (b"&" + bytes([97 + i]) + b";") * 10) for i in range(9))
           + b']><w:document xmlns:w="' + W_NS.encode() + b'"><w:body><w:p><w:r><w:t>&j;</w:t></w:r></w:p>'
           b"</w:body></w:document>")
    _swap_document_xml(good, out / "laughs.docx", lol)
    exp["laughs.docx"] = "unsafe Word file: its XML declares entities (DTD); refusing to read it"

    for name, depth, reason in (("deep.docx", 40, None),
                                ("too-deep.docx", 150, "Word file nested too deeply to read")):
        opened = b"".join(b"<w:tbl><w:tr><w:tc>" for _ in range(depth))
        closed = b"".join(b"</w:tc></w:tr></w:tbl>" for _ in range(depth))
        body = opened + b"<w:p><w:r><w:t>Support pupils in class</w:t></w:r></w:p>" + closed
        _swap_document_xml(good, out / name,
                           b'<w:document xmlns:w="' + W_NS.encode() + b'"><w:body>' + body + b"<w:p/></w:body></w:document>")
        exp[name] = reason

    _text_pdf(out / "encrypted.pdf", encrypt=True)
    exp["encrypted.pdf"] = "encrypted PDF: needs a password"
    scan = MiniPdf().page()
    scan.image(100, 142, 500, 642)
    scan.save(out / "scan.pdf")
    exp["scan.pdf"] = "no text layer: scanned image, read it with jobspec parse --ocr"
    blank = MiniPdf()
    for _ in range(2000):
        blank.page()
    blank.save(out / "blank2000.pdf")
    exp["blank2000.pdf"] = "too many pages (2000; the limit is 200, see --max-pages)"
    full = _text_pdf(out / "ok.pdf")
    exp["ok.pdf"] = None
    raw = full.read_bytes()
    (out / "truncated.pdf").write_bytes(raw[: len(raw) // 3])
    exp["truncated.pdf"] = "corrupt or not a PDF"
    (out / "webpage.pdf").write_text("<!DOCTYPE html><html><body><h1>Vacancies</h1></body></html>\n")
    exp["webpage.pdf"] = "corrupt or not a PDF"

    (out / "random.txt").write_bytes(random.Random(7).randbytes(4096))
    exp["random.txt"] = "not a text file: looks like binary data"
    (out / "cp1252.txt").write_bytes("Main duties\r\n- Manage the £200 petty cash – carefully\r\n".encode("cp1252"))
    exp["cp1252.txt"] = None
    (out / "utf16.txt").write_bytes("Main duties\n- Support pupils’ learning\n".encode("utf-16"))
    exp["utf16.txt"] = None
    (out / "huge-paragraph.txt").write_text("Main duties\n- " + ("support pupils " * 75_000) + "\n", encoding="utf-8")
    exp["huge-paragraph.txt"] = None
    (out / "renamed-spreadsheet.docx").write_bytes(_xlsx_bytes())
    exp["renamed-spreadsheet.docx"] = "not a Word document (no word/document.xml; is it another Office format?)"
    return exp


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "hostile")
    for name, reason in make_all(target).items():
        print(f"{name:22s} {os.path.getsize(target / name):>10d}  {reason or 'parses'}")
