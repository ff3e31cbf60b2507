"""The ruled lines of a scanned page, found in its image and drawn into the OCR'd PDF as vector lines.

OCR gives a scan a text layer but no lines, and the PDF reader finds table cells from lines: with
them drawn in (on top of the image, where the scan already shows them) a scanned person-specification
table is read as a table, as in the PDF the scan was made from. A ruling is a straight run of dark
pixels at least :data:`MIN_HORIZONTAL` or :data:`MIN_VERTICAL` long and at most :data:`MAX_THICKNESS`
thick, a vertical one running from one horizontal ruling to another; letters, shading and pictures
give no such runs.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

DPI = 100  # resolution the pages are rendered at to look for rulings
DARK = 190  # grey level (0-255) below which a pixel is ink (thin rules scan as mid grey)
MIN_HORIZONTAL = 0.5  # inches
MIN_VERTICAL = 0.15  # inches, and both ends on horizontal rulings (a row of one line is about 0.2 in high)
MAX_THICKNESS = 0.05  # inches
REACH = 2  # pixels added at each end, so lines that meet in the scan meet in the PDF


@dataclass(slots=True)
class _Run:
    """Runs of ink in consecutive rows (or columns) that line up: one ruling once closed."""

    first: int
    last: int
    start: int
    end: int


def add_rulings(pdf_path: Path) -> int:
    """Draw the rulings of every page of ``pdf_path`` (an OCR'd scan) into it; returns how many."""
    import pikepdf  # comes with OCRmyPDF
    import pypdfium2

    found: list[list[tuple[float, float, float, float]]] = []
    pdf = pypdfium2.PdfDocument(str(pdf_path))
    try:
        for page in pdf:
            try:
                found.append(page_rulings(page) if page.get_rotation() == 0 else [])
            finally:
                page.close()
    finally:
        pdf.close()
    if not any(found):
        return 0
    with pikepdf.open(pdf_path, allow_overwriting_input=True) as doc:
        for page, lines in zip(doc.pages, found, strict=True):
            if lines:
                x0, y0 = (float(v) for v in page.mediabox[:2])
                ops = " ".join(f"{a + x0:.2f} {b + y0:.2f} m {c + x0:.2f} {d + y0:.2f} l S" for a, b, c, d in lines)
                page.contents_add(pikepdf.Stream(doc, f"q 0 G 0.5 w {ops} Q".encode("ascii")), prepend=False)
        doc.save(pdf_path)
    return sum(map(len, found))


def page_rulings(page) -> list[tuple[float, float, float, float]]:
    """(x0, y0, x1, y1) in PDF points from the page's lower left corner, for each ruling of a page."""
    scale = DPI / 72
    _width, height = page.get_size()
    ink = page.render(scale=scale, grayscale=True).to_numpy() < DARK
    across = _rulings(ink, round(MIN_HORIZONTAL * DPI))
    bands = _filled_bands(ink, across)
    down = [v for v in _rulings(ink.T, round(MIN_VERTICAL * DPI))
            if _ends_on(v, across) and not any(_within(v, band) for band in bands)]
    def pt(pixels: float) -> float:
        return pixels / scale

    return ([(pt(x0 - REACH), height - pt(row), pt(x1 + REACH), height - pt(row)) for row, x0, x1 in across]
            + [(pt(col), height - pt(y0 - REACH), pt(col), height - pt(y1 + REACH)) for col, y0, y1 in down])


def _filled_bands(ink, across: list[tuple[float, int, int]]) -> list[tuple[float, float, int, int]]:
    """(top, bottom, x0, x1) of each shaded table row: between two horizontal rulings, mostly ink. The
    gaps between its letters look like short vertical rulings and are not."""
    bands = []
    rows = sorted(across)
    for i, (top, a0, a1) in enumerate(rows):
        for bottom, b0, b1 in rows[i + 1:]:
            x0, x1 = max(a0, b0), min(a1, b1)
            if x1 - x0 < 0.8 * min(a1 - a0, b1 - b0):
                continue
            inner = ink[int(top) + 3:int(bottom) - 2, x0:x1]
            if inner.size and inner.mean() > 0.5:
                bands.append((top, bottom, x0, x1))
            break  # only the next ruling below that spans the same columns bounds a row
    return bands


def _within(vertical: tuple[float, int, int], band: tuple[float, float, int, int]) -> bool:
    col, y0, y1 = vertical
    top, bottom, x0, x1 = band
    return x0 < col < x1 and y0 >= top - 2 and y1 <= bottom + 2


def _ends_on(vertical: tuple[float, int, int], across: list[tuple[float, int, int]]) -> bool:
    """Whether both ends of a vertical run meet horizontal rulings: a table's border, not a letter's stem."""
    col, top, bottom = vertical
    slack = 2  # pixels: the run goes into the ruling (a letter's stem stops short of it)

    def meets(y: float) -> bool:
        return any(abs(row - y) <= slack and x0 - slack <= col <= x1 + slack for row, x0, x1 in across)

    return meets(top) and meets(bottom)


def _rulings(ink, min_length: int) -> list[tuple[float, int, int]]:
    """(row, first, last) of each horizontal ruling in a boolean image (transpose it for vertical ones)."""
    import numpy as np

    edges = np.diff(np.pad(ink, ((0, 0), (1, 1))).astype(np.int8), axis=1)
    rows, starts = np.nonzero(edges == 1)
    _, ends = np.nonzero(edges == -1)
    keep = ends - starts >= min_length
    max_rows = max(1, round(MAX_THICKNESS * DPI))
    open_runs: list[_Run] = []
    out: list[tuple[float, int, int]] = []

    def close(run: _Run) -> None:
        if run.last - run.first + 1 <= max_rows:
            out.append(((run.first + run.last) / 2, run.start, run.end - 1))

    for row, start, end in zip(rows[keep].tolist(), starts[keep].tolist(), ends[keep].tolist(), strict=True):
        still = []
        for run in open_runs:
            if run.last < row - 1:
                close(run)
            else:
                still.append(run)
        open_runs = still
        for run in open_runs:
            overlap = min(end, run.end) - max(start, run.start)
            if run.last == row - 1 and overlap >= 0.8 * min(end - start, run.end - run.start):
                run.last, run.start, run.end = row, min(start, run.start), max(end, run.end)
                break
        else:
            open_runs.append(_Run(row, row, start, end))
    for run in open_runs:
        close(run)
    return out
