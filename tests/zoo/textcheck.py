"""The text a reader can find in each rendered file, to check that every gold string was really drawn.

A string must sit inside one unit: a paragraph of the DOCX (body, table cells, page header), a line
of the text export, or, in a PDF, the running text of all pages or one table cell (side-by-side
cells share lines in page text, so pdfplumber reads each cell on its own too). Matching ignores
whitespace (line wraps, cell padding) and Unicode compatibility forms (ligatures), nothing else."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from docx.oxml.ns import qn


def squash(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def docx_texts(path: Path) -> list[str]:
    """Every paragraph of the body, its tables and the page headers."""
    import docx

    d = docx.Document(str(path))
    parts = [d.element.body] + [s.header._element for s in d.sections]
    return ["".join(t.text or "" for t in p.iter(qn("w:t"))) for part in parts for p in part.iter(qn("w:p"))]


def pdf_texts(path: Path, cells: bool = True) -> list[str]:
    """The text of all pages as one run, then (with ``cells``) the text of every table cell pdfplumber finds."""
    import pdfplumber

    pages: list[str] = []
    found: list[str] = []
    with pdfplumber.open(str(path)) as pdf:
        for page in pdf.pages:
            pages.append(page.extract_text() or "")
            for table in page.find_tables() if cells else ():
                found.extend(text or "" for row in table.extract() for text in row)
    return ["\n".join(pages), *found]


def file_texts(path: Path, cells: bool = True) -> list[str]:
    if path.suffix == ".docx":
        return docx_texts(path)
    if path.suffix == ".pdf":
        return pdf_texts(path, cells)
    return path.read_text(encoding="utf-8-sig").splitlines()


def missing(expected: list[str], texts: list[str]) -> list[str]:
    """The expected strings found in none of ``texts``."""
    pool = [squash(t) for t in texts]
    return [e for e in expected if not any(squash(e) in t for t in pool)]


def missing_in_file(expected: list[str], path: Path) -> list[str]:
    """The expected strings ``path`` does not hold (PDF table cells are read only when the page text falls short)."""
    left = missing(expected, file_texts(path, cells=False))
    return missing(left, file_texts(path)) if left and path.suffix == ".pdf" else left
