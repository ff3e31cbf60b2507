"""Readers: one per format, each turning a file into the one :class:`~jobspec.document.Document` model.

The heavy libraries (python-docx, pdfplumber, lxml) are imported only when a file of that
format is read, so that start-up stays light. Legacy and other office formats are converted
to DOCX by LibreOffice (:mod:`jobspec.readers.office_convert`); scanned PDFs are read through
OCRmyPDF when asked (:mod:`jobspec.readers.pdf_ocr`).
"""

from __future__ import annotations

from pathlib import Path

from jobspec.document import Document
from jobspec.errors import InputError

# suffix -> format name, as recorded in a spec's source.format
SUFFIXES = {
    ".docx": "docx", ".doc": "doc", ".docm": "docm", ".dotx": "dotx", ".odt": "odt", ".rtf": "rtf",
    ".pdf": "pdf", ".html": "html", ".htm": "html", ".txt": "txt", ".md": "txt", ".text": "txt",
}
CONVERTED = frozenset({"doc", "docm", "dotx", "odt", "rtf"})  # read as the DOCX LibreOffice makes of them
SUFFIX_LIST = ".docx, .doc, .docm, .dotx, .odt, .rtf, .pdf, .html, .htm, .txt or .md"
DEFAULT_MAX_BYTES = 50 * 1024 * 1024
DEFAULT_MAX_PAGES = 200
DEFAULT_TIMEOUT = 60  # seconds to read one file (the commands enforce it; see jobspec.workers.time_limit)
DEFAULT_TOOL_TIMEOUT = 120.0  # seconds for one conversion or OCR run, when the caller sets none


def detect_format(path: Path) -> str:
    """The reader name for ``path`` from its suffix; raises :class:`InputError` if unsupported."""
    fmt = SUFFIXES.get(path.suffix.lower())
    if fmt is None:
        raise InputError(path, f"unsupported file type '{path.suffix or '(none)'}': expected {SUFFIX_LIST}")
    return fmt


def read_document(path: str | Path, *, max_bytes: int = DEFAULT_MAX_BYTES,
                  max_pages: int = DEFAULT_MAX_PAGES, ocr: bool = False,
                  tool_timeout: float | None = DEFAULT_TOOL_TIMEOUT) -> tuple[Document, str]:
    """Read ``path`` with the reader for its format. Returns the document and the format name.

    ``ocr`` lets a PDF without a text layer be read by OCR; ``tool_timeout`` bounds each run of
    LibreOffice or OCRmyPDF (``None``: no bound).
    """
    p = Path(path)
    fmt = detect_format(p)
    try:
        size = p.stat().st_size
    except OSError as exc:
        raise InputError(p, f"cannot read file: {exc.strerror or exc}") from None
    if size == 0:
        raise InputError(p, "empty file")
    if size > max_bytes:
        raise InputError(p, f"file too large ({size // (1024 * 1024)} MB; the limit is {max_bytes // (1024 * 1024)} MB, see --max-size)")
    if fmt == "docx":
        from jobspec.readers.docx_reader import read_docx

        return read_docx(p), fmt
    if fmt in CONVERTED:
        from jobspec.readers.office_convert import read_converted

        return read_converted(p, timeout=tool_timeout), fmt
    if fmt == "pdf":
        from jobspec.readers.pdf_reader import NoTextLayer, read_pdf

        try:
            return read_pdf(p, max_pages=max_pages), fmt
        except NoTextLayer:
            if not ocr:
                raise
        from jobspec.readers.pdf_ocr import read_scanned_pdf

        return read_scanned_pdf(p, max_pages=max_pages, timeout=tool_timeout), fmt
    if fmt == "html":
        from jobspec.readers.html_reader import read_html

        return read_html(p), fmt
    from jobspec.readers.text_reader import read_text

    return read_text(p), fmt
