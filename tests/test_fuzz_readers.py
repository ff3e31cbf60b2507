"""Fuzz / property tests for the DOCX and PDF readers: only :class:`InputError` may come out, every
Document is well formed, and the limits hold (no marker past 64 characters, no table wider than
1,000 grid columns).

Two targets, each a ``check_*`` function the hypothesis tests below feed and the atheris harnesses
(``tests/fuzz/fuzz_docx_reader.py``, ``fuzz_pdf_reader.py``) run for longer (``make fuzz``):

- ``check_docx``: list numbering (numbering.xml) and body XML (paragraphs with list properties,
  tables with spans, merges and skipped grid columns) put into a real .docx.
- ``check_pdf``: PDF bytes: small generated PDFs mutated (bytes flipped, cut, tokens spliced in:
  /Rotate, /FlateDecode, huge and negative numbers...).
"""

from __future__ import annotations

import io
import random
import sys
import zipfile
import zlib
from functools import lru_cache
from pathlib import Path

from hypothesis import example, given
from hypothesis import strategies as st

from jobspec.document import Document, ListItem, Table
from jobspec.errors import InputError
from jobspec.readers.docx_reader import read_docx
from jobspec.readers.limits import MAX_GRID_COLUMNS, MAX_MARKER_CHARS
from jobspec.readers.pdf_reader import read_pdf
from test_fuzz import assert_blocks_well_formed, budget, scratch_file

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
SEPARATOR = b"\n--numbering--\n"  # between document.xml and numbering.xml in an atheris input


# --------------------------------------------------------------------------- target: DOCX reader


@lru_cache(maxsize=1)
def _template() -> dict[str, bytes]:
    """The parts of a real .docx that has a numbering part (python-docx's default template)."""
    from docx_builder import new

    d = new()
    d.add_paragraph("x", style="List Number")
    buf = io.BytesIO()
    d.save(buf)
    with zipfile.ZipFile(buf) as z:
        return {n: z.read(n) for n in z.namelist()}


def docx_bytes(document_xml: bytes, numbering_xml: bytes) -> bytes:
    parts = dict(_template(), **{"word/document.xml": document_xml, "word/numbering.xml": numbering_xml})
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)
    return buf.getvalue()


def check_docx(document_xml: bytes, numbering_xml: bytes) -> Document | None:
    """``read_docx`` on a .docx with these two parts: a well-formed Document within the limits, or an
    InputError with a one-line reason."""
    path = scratch_file(docx_bytes(document_xml, numbering_xml), ".docx")
    try:
        doc = read_docx(path)
    except InputError as e:
        assert e.reason and "\n" not in e.reason, e.reason
        return None
    assert_blocks_well_formed(doc, empty_rows=True)
    for b in doc.iter_blocks():
        if isinstance(b, ListItem):
            assert len(b.marker) <= MAX_MARKER_CHARS and 0 <= b.level <= 8, b
        if isinstance(b, Table):
            assert b.ncols <= MAX_GRID_COLUMNS, b.ncols
    return doc


_NUMBER = st.one_of(st.integers(-5, 60), st.integers(-(10**20), 10**20), st.sampled_from(["", "abc", "1e9", "0x10",
                    " 3", "٣", "99999999999999999999999"]), st.text(max_size=4)).map(str)
_FMT = st.sampled_from(["decimal", "lowerLetter", "upperLetter", "lowerRoman", "upperRoman", "bullet", "none",
                        "decimalZero", "ordinal", "cardinalText", "", "x"])
_LVL_TEXT = st.one_of(st.sampled_from(["%1.", "%1)", "(%1)", "%1.%2.", "%1.%2.%3", "•", "", "%9", "%0", "%%1"]),
                      st.text(alphabet="%123456789.)( a", max_size=80))


def _attr(s: str) -> str:
    return s.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")


@st.composite
def numbering_xml(draw) -> bytes:
    levels = "".join(
        f'<w:lvl w:ilvl="{_attr(draw(_NUMBER))}"><w:start w:val="{_attr(draw(_NUMBER))}"/>'
        f'<w:numFmt w:val="{draw(_FMT)}"/><w:lvlText w:val="{_attr(draw(_LVL_TEXT))}"/></w:lvl>'
        for _ in range(draw(st.integers(0, 4))))
    overrides = "".join(f'<w:lvlOverride w:ilvl="{_attr(draw(_NUMBER))}"><w:startOverride w:val="{_attr(draw(_NUMBER))}"/>'
                        "</w:lvlOverride>" for _ in range(draw(st.integers(0, 2))))
    return (f'<?xml version="1.0" encoding="UTF-8"?><w:numbering xmlns:w="{W_NS}"><w:abstractNum w:abstractNumId="1">'
            f'{levels}</w:abstractNum><w:num w:numId="5"><w:abstractNumId w:val="1"/>{overrides}</w:num>'
            "</w:numbering>").encode()


def _para(draw, text: str) -> str:
    ppr = ""
    if draw(st.booleans()):
        ppr = (f'<w:pPr><w:numPr><w:ilvl w:val="{_attr(draw(_NUMBER))}"/><w:numId w:val="{draw(st.sampled_from(["5", "0", "7", "x"]))}"/>'
               "</w:numPr></w:pPr>")
    rpr = draw(st.sampled_from(["", "<w:rPr><w:vanish/></w:rPr>", "<w:rPr><w:b/></w:rPr>"]))
    wrap = draw(st.sampled_from(["{}", "<w:ins>{}</w:ins>", "<w:moveTo>{}</w:moveTo>", "<w:del>{}</w:del>"]))
    return f"<w:p>{ppr}" + wrap.format(f"<w:r>{rpr}<w:t>{text}</w:t></w:r>") + "</w:p>"


@st.composite
def body_xml(draw) -> bytes:
    texts = st.sampled_from(["Main duties", "Support pupils", "Essential", "Desirable", "Qualifications", "", "√"])
    blocks = []
    for _ in range(draw(st.integers(1, 5))):
        if draw(st.booleans()):
            blocks.append(_para(draw, draw(texts)))
            continue
        rows = []
        for _ in range(draw(st.integers(1, 4))):
            trpr = f'<w:trPr><w:gridBefore w:val="{_attr(draw(_NUMBER))}"/></w:trPr>' if draw(st.booleans()) else ""
            cells = []
            for _ in range(draw(st.integers(1, 4))):
                tcpr = ""
                if draw(st.booleans()):
                    merge = draw(st.sampled_from(["", '<w:vMerge/>', '<w:vMerge w:val="restart"/>']))
                    tcpr = f'<w:tcPr><w:gridSpan w:val="{_attr(draw(_NUMBER))}"/>{merge}</w:tcPr>'
                cells.append(f"<w:tc>{tcpr}{_para(draw, draw(texts))}</w:tc>")
            rows.append(f"<w:tr>{trpr}{''.join(cells)}</w:tr>")
        blocks.append(f"<w:tbl><w:tblGrid><w:gridCol/></w:tblGrid>{''.join(rows)}</w:tbl>")
    return (f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{W_NS}"><w:body>{"".join(blocks)}'
            "<w:sectPr/></w:body></w:document>").encode()


@budget(0.3)
@given(body_xml(), numbering_xml())
@example(f'<w:document xmlns:w="{W_NS}"><w:body><w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="5"/>'
         "</w:numPr></w:pPr><w:r><w:t>x</w:t></w:r></w:p></w:body></w:document>".encode(),
         f'<w:numbering xmlns:w="{W_NS}"><w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="999999"/>'
         '<w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum><w:num w:numId="5">'
         '<w:abstractNumId w:val="1"/></w:num></w:numbering>'.encode())
@example(f'<w:document xmlns:w="{W_NS}"><w:body><w:tbl><w:tr><w:tc><w:p/></w:tc></w:tr><w:tr><w:tc><w:tcPr>'
         '<w:vMerge/></w:tcPr><w:p/></w:tc></w:tr></w:tbl></w:body></w:document>'.encode(),
         f'<w:numbering xmlns:w="{W_NS}"/>'.encode())
@example(f'<w:document xmlns:w="{W_NS}"><w:body><w:p><w:r><w:t>a\x00b</w:t></w:r></w:p></w:body></w:document>'.encode(),
         b"")  # lxml's message for a NUL has a line break in it (was a two-line reason)
@example(b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/5961/main"><w:body/></w:document>',
         b"")  # another namespace: python-docx gives an element without .body (was AttributeError)
def test_docx_reader_raises_only_input_error_and_keeps_its_limits(document, numbering):
    check_docx(document, numbering)


# --------------------------------------------------------------------------- target: PDF reader


def check_pdf(data: bytes, give_up_after: float = 0) -> Document | None:
    """``read_pdf`` on ``data``: a well-formed Document, or an InputError with a one-line reason.

    ``give_up_after`` seconds (0: never) count as a pass: pdfminer loops for ever on some reference
    cycles (tests/fixtures/hostile/pdf-reference-loop.pdf), which the commands' --timeout bounds.
    The atheris harness passes 0, so that libFuzzer's own -timeout reports any new hang."""
    from jobspec.workers import TimeLimitExceeded, time_limit

    path = scratch_file(data, ".pdf")
    try:
        with time_limit(give_up_after):
            doc = read_pdf(path, max_pages=20)
    except TimeLimitExceeded:
        return None
    except InputError as e:
        assert e.reason and "\n" not in e.reason, e.reason
        return None
    assert_blocks_well_formed(doc)
    return doc


@lru_cache(maxsize=1)
def seed_pdfs() -> tuple[bytes, ...]:
    """Small PDFs to mutate: text with a list and a ruled table, a rotated page, a compressed stream."""
    import tempfile

    from hostile_cases import pdf_flate_bomb, pdf_rotated
    from pdf_builder import MiniPdf

    out = []
    with tempfile.TemporaryDirectory() as tmp:
        pdf = MiniPdf().page()
        pdf.text(72, 80, "Main duties", font="F2", size=12)
        pdf.text(72, 100, "\u2022 Support pupils in class")
        pdf.grid([72, 250, 400], [130, 150, 170])
        pdf.text(76, 135, "Essential")
        pdf.text(254, 135, "GCSE English")
        out.append(pdf.save(Path(tmp) / "a.pdf").read_bytes())
        out.append(pdf_rotated(Path(tmp) / "r.pdf").read_bytes())
        out.append(pdf_flate_bomb(Path(tmp) / "f.pdf", inflated=4096).read_bytes())
    return tuple(out)


_TOKENS = [b"/Rotate 90", b"/Rotate -270", b"/Filter /FlateDecode", b"/Filter /LZWDecode", b"99999999999", b"-1",
           b"/Length 0", b"/Length 99999999", b"<<", b">>", b"[", b"]", b"(", b")", b"endstream", b"0 0 obj",
           b"/Type /Page", b"/Kids [3 0 R 3 0 R]", b"/MediaBox [0 0 0 0]", b"1e308", b"/Encrypt 1 0 R", b"R"]


@st.composite
def mutated_pdf(draw) -> bytes:
    data = bytearray(draw(st.sampled_from(seed_pdfs())))
    rnd = random.Random(draw(st.integers(0, 2**32)))
    for _ in range(draw(st.integers(1, 6))):
        pos = rnd.randrange(len(data))
        kind = rnd.randrange(4)
        if kind == 0:
            data[pos] = rnd.randrange(256)
        elif kind == 1:
            data[pos:pos] = rnd.choice(_TOKENS)
        elif kind == 2:
            del data[pos:pos + rnd.randrange(1, 40)]
        else:
            data = data[:pos]
        if not data:
            break
    return bytes(data)


@budget(0.25)
@given(mutated_pdf())
@example((HERE / "fixtures" / "hostile" / "pdf-reference-loop.pdf").read_bytes())
@example(b"%PDF-1.4\n")
@example(zlib.compress(b"%PDF"))
def test_pdf_reader_raises_only_input_error_on_mutated_files(data):
    check_pdf(data, give_up_after=5)
