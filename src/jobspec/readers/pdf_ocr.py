"""Scanned PDFs (no text layer): OCRmyPDF, with Tesseract, adds one; then the PDF reader reads it.

Only with ``jobspec parse --ocr``. OCR is an optional extra (``pip install 'jobspec[ocr]'``, which
brings the ``ocrmypdf`` package) and needs Debian's ``tesseract-ocr``; Ghostscript is used when
present. OCRmyPDF runs as a child process, one page at a time, in a temporary folder removed
afterwards, with no network and a timeout (see :mod:`jobspec.readers.external`). The ruled lines of
the scan are drawn into the result (:mod:`jobspec.readers.scan_rulings`) so that its tables are
found, and common misreadings are mended (:mod:`jobspec.readers.ocr_tidy`). The spec records
``source.ocr: true`` and carries :data:`REVIEW_WARNING`.
"""

from __future__ import annotations

import importlib.util
import shutil
import sys
import tempfile
from importlib import metadata
from pathlib import Path

from jobspec.document import Document
from jobspec.errors import InputError
from jobspec.readers.external import ToolTimeout, private_env, run_for, run_tool
from jobspec.readers.ocr_tidy import tidy
from jobspec.readers.scan_rulings import add_rulings

INSTALL_OCRMYPDF = "pip install 'jobspec[ocr]'"
INSTALL_TESSERACT = "apt-get install tesseract-ocr tesseract-ocr-eng"
INSTALL_TOOLS = "apt-get install tesseract-ocr tesseract-ocr-eng ghostscript"
# a "review:" warning, as the extractors give a parse that is probably wrong somewhere (--strict fails on it)
REVIEW_WARNING = "review: text read by OCR from a scanned image: check names, dates and figures against the original"
OVERSAMPLE = 300  # dpi: scans below it are upsampled first, which Tesseract reads much better
_MISSING_DEPENDENCY, _ENCRYPTED = 3, 8  # OCRmyPDF's exit codes


def missing_tool() -> str | None:
    """What to install before OCR can run, or None when everything is there."""
    if importlib.util.find_spec("ocrmypdf") is None:
        return f"reading scanned PDFs needs OCRmyPDF: {INSTALL_OCRMYPDF}"
    if shutil.which("tesseract") is None:
        return f"reading scanned PDFs needs Tesseract OCR: {INSTALL_TESSERACT}"
    return None


def read_scanned_pdf(path: Path, *, max_pages: int, timeout: float | None) -> Document:
    """OCR ``path`` and read the result; raises :class:`InputError`."""
    from jobspec.readers.pdf_reader import NoTextLayer, read_pdf

    why = missing_tool()
    if why:
        raise InputError(path, why)
    with tempfile.TemporaryDirectory(prefix="jobspec-ocr-", ignore_cleanup_errors=True) as tmp:
        work = Path(tmp)
        out = ocr_pdf(path, work, timeout)
        add_rulings(out)
        try:
            doc = read_pdf(out, max_pages=max_pages)
        except NoTextLayer:
            raise InputError(path, "OCR found no text: is the scan blank, or too faint to read?") from None
        except InputError as exc:
            raise InputError(path, f"{exc.reason} (in the PDF that OCRmyPDF made of it)") from None
        doc.info["converted_by"] = ocr_version(work)
    tidy(doc)
    doc.info["ocr"] = True
    doc.warnings.insert(0, REVIEW_WARNING)
    return doc


def ocr_pdf(path: Path, work: Path, timeout: float | None) -> Path:
    """Run OCRmyPDF on ``path``; returns the PDF with a text layer, inside ``work``."""
    out = work / "ocr.pdf"
    argv = [sys.executable, "-m", "ocrmypdf", "--output-type", "pdf", "--skip-text", "--optimize", "0",
            "--oversample", str(OVERSAMPLE), "--jobs", "1", "--quiet", "--language", "eng", str(path.resolve()), str(out)]
    res = run_for(path, argv, program="OCRmyPDF", task="to read the scan", timeout=timeout, work=work,
                  OMP_THREAD_LIMIT="1")
    if res.returncode == _MISSING_DEPENDENCY:
        raise InputError(path, f"OCR needs a program that is missing ({res.last_line()}): {INSTALL_TOOLS}")
    if res.returncode == _ENCRYPTED:
        raise InputError(path, "encrypted PDF: needs a password")
    if res.returncode != 0 or not out.is_file():
        raise InputError(path, f"OCR failed ({res.last_line()})")
    return out


def ocr_version(work: Path) -> str:
    """``OCRmyPDF 17.13.0 (Tesseract 5.3.0)``, asked once per process."""
    if not _VERSIONS:
        try:
            words = run_tool(["tesseract", "--version"], timeout=30, env=private_env(work), cwd=work).stdout.split()
        except (ToolTimeout, OSError):
            words = []
        tesseract = f" (Tesseract {words[1]})" if len(words) >= 2 and words[0] == "tesseract" else ""
        try:
            version = f" {metadata.version('ocrmypdf')}"
        except metadata.PackageNotFoundError:
            version = ""
        _VERSIONS.append(f"OCRmyPDF{version}{tesseract}")
    return _VERSIONS[0]


_VERSIONS: list[str] = []
