"""Readers: one per format, each turning a file into the one :class:`~jobspec.document.Document` model.

The heavy libraries (python-docx, pdfplumber) are imported only when a file of that
format is read, so that start-up stays light.
"""

from __future__ import annotations

from pathlib import Path

from jobspec.document import Document
from jobspec.errors import InputError

SUFFIXES = {".docx": "docx", ".pdf": "pdf", ".txt": "txt", ".md": "txt", ".text": "txt"}
DEFAULT_MAX_BYTES = 50 * 1024 * 1024
DEFAULT_MAX_PAGES = 200
DEFAULT_TIMEOUT = 60  # seconds to read one file (the commands enforce it; see jobspec.workers.time_limit)


def detect_format(path: Path) -> str:
    """The reader name for ``path`` from its suffix; raises :class:`InputError` if unsupported."""
    fmt = SUFFIXES.get(path.suffix.lower())
    if fmt is None:
        raise InputError(path, f"unsupported file type '{path.suffix or '(none)'}': expected .docx, .pdf, .txt or .md")
    return fmt


def read_document(path: str | Path, *, max_bytes: int = DEFAULT_MAX_BYTES,
                  max_pages: int = DEFAULT_MAX_PAGES) -> tuple[Document, str]:
    """Read ``path`` with the reader for its format. Returns the document and the format name."""
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
    if fmt == "pdf":
        from jobspec.readers.pdf_reader import read_pdf

        return read_pdf(p, max_pages=max_pages), fmt
    from jobspec.readers.text_reader import read_text

    return read_text(p), fmt
