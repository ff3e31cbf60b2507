"""PDF reader: a text PDF becomes one :class:`~jobspec.document.Document`.

The reader works from the layout alone (positions, font sizes, font weights, glyphs, ruling
lines): body text and each table cell are grouped into headings, paragraphs and list items
(see :mod:`jobspec.readers.pdf_layout`), ruled tables are found and re-joined across page
breaks, borderless tables are found among the body lines from their column layout (see
:mod:`jobspec.readers.pdf_tables`), and repeated page headers/footers are moved to
``Document.header_lines``.
"""

from __future__ import annotations

import logging
import math
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jobspec.document import Block, Cell, Document, Heading, ListItem, Paragraph, Provenance, Row, Table
from jobspec.errors import InputError
from jobspec.readers.pdf_guard import (
    CharCount,
    check_decodable,
    exception_chain,
    inflate_budget,
    laid_out,
    limit_in,
)
from jobspec.readers.pdf_layout import (
    Char,
    Draft,
    Line,
    Styles,
    assign_list_levels,
    build_lines,
    compute_styles,
    group_lines,
    is_dot,
    make_char,
    mark_drawn_bullets,
    spaced_text,
)
from jobspec.readers.pdf_tables import (
    BBox,
    TableBox,
    append_continuation,
    assign_chars,
    cell_right_edge,
    drop_empty,
    extend_borderless,
    find_borderless,
    find_tables,
    ruling_edges,
    same_columns,
)

_BAND = 0.10  # header/footer band: this fraction of the page height at top and bottom
_PAGE_NUMBER_RE = re.compile(r"^(?:page\s*)?#(?:\s*(?:of|/)\s*#)?$|^[-\u2013]\s*#\s*[-\u2013]$")

_PAGE_REF_RE = re.compile(r"\s*\bpage\s*\d+(?:\s*(?:of|/)\s*\d+)?\s*", re.IGNORECASE)

Item = Draft | TableBox


@dataclass(slots=True)
class _Page:
    no: int  # 1-based
    width: float
    height: float
    chars: list[Char] = field(default_factory=list)
    tables: list[TableBox] = field(default_factory=list)
    lines: list[Line] = field(default_factory=list)  # body lines, top to bottom
    items: list[Item] = field(default_factory=list)
    hrules: list[tuple[float, float, float]] = field(default_factory=list)  # (y, x0, x1)
    right: float = 0.0  # right edge of the body text column (see _body_right)
    dots: list[BBox] = field(default_factory=list)  # small filled shapes: drawn bullets
    images: list[Any] = field(default_factory=list)


DEFAULT_MAX_PAGES = 200
NO_TEXT_LAYER = "no text layer: scanned image, read it with jobspec parse --ocr"


class NoTextLayer(InputError):
    """A PDF with pages but no text on any of them: a scan, which only OCR can read."""


def read_pdf(path: Path, *, max_pages: int = DEFAULT_MAX_PAGES) -> Document:
    """Read a text PDF into a :class:`Document`; raises :class:`InputError` when it cannot."""
    import pdfplumber

    logging.getLogger("pdfminer").setLevel(logging.ERROR)  # its warnings on odd fonts are not the user's concern
    path = Path(path)
    doc = Document()
    try:
        with open(path, "rb"):
            pass
    except OSError as exc:
        raise InputError(path, f"cannot read file: {exc.strerror or exc}") from None
    try:
        with inflate_budget(), pdfplumber.open(path, raise_unicode_errors=False) as pdf:
            n = len(pdf.pages)
            if n > max_pages:
                raise InputError(path, f"too many pages ({n}; the limit is {max_pages}, see --max-pages)")
            pages = _load_pages(pdf, doc)
    except InputError:
        raise
    except MemoryError:
        raise
    except Exception as exc:  # pdfminer/pdfplumber raise many kinds; all mean "cannot read"
        limit = limit_in(exc)
        if limit is not None:
            raise InputError(path, limit.reason) from None
        if _is_encryption_error(exc):
            raise InputError(path, "encrypted PDF: needs a password") from None
        raise InputError(path, f"corrupt or not a PDF: {_describe(exc)}") from None
    if not pages:
        raise InputError(path, "corrupt or not a PDF: no pages found")
    if not any(ch.text.strip() for p in pages for ch in p.chars):
        if doc.warnings and all("could not be read" in w for w in doc.warnings):
            raise InputError(path, f"corrupt or not a PDF: {doc.warnings[0]}")
        raise NoTextLayer(path, NO_TEXT_LAYER)
    check_decodable([ch.text for p in pages for ch in p.chars], [ch.font for p in pages for ch in p.chars], doc, path)
    doc.info["pages"] = len(pages)
    _build(pages, doc)
    return doc


# ---------------------------------------------------------------------------------------------
# Loading


def _load_pages(pdf: Any, doc: Document) -> list[_Page]:
    pages: list[_Page] = []
    count = CharCount()
    for i, page in enumerate(pdf.pages):
        p = _Page(i + 1, float(page.width), float(page.height))
        pages.append(p)
        try:
            page = laid_out(pdf, page, count)  # characters counted against the limits; /Rotate undone if need be
            p.width, p.height = float(page.width), float(page.height)
            p.chars, lines, rects = _page_objects(page, p.dots, p.images)
            if p.chars:
                h, v = ruling_edges(lines, rects)
                p.tables = find_tables(page, p.no, h, v)
                p.hrules = [(e["top"], e["x0"], e["x1"]) for e in h]
        except MemoryError:
            raise
        except Exception as exc:
            if limit_in(exc) is not None or _is_encryption_error(exc):
                raise
            doc.warnings.append(f"page {p.no} could not be read: {_describe(exc)}")
            p.chars, p.tables = [], []
        finally:
            page.close()
    # a page with no text but an image is a scan; one with neither is just blank (a page break)
    blank = [p.no for p in pages if not p.chars and p.images and f"page {p.no} could not" not in " ".join(doc.warnings)]
    if blank and len(blank) < len(pages):
        nums = ", ".join(map(str, blank))
        doc.warnings.append(f"no text on page(s) {nums}: scanned image? OCR them to read them")
    return pages


def _page_objects(page: Any, dots_out: list[BBox] | None = None, images_out: list[Any] | None = None,
                  ) -> tuple[list[Char], list[BBox], list[tuple[float, float, float, float, bool]]]:
    """Characters, straight lines and rectangles of a page, in pdfplumber's coordinates; small filled
    shapes (bullets a browser draws rather than writes) go to ``dots_out``, images to ``images_out``.

    Reads pdfminer's layout objects directly: converting every object to a pdfplumber dict
    would cost about a third of the reading time.
    """
    from pdfminer.layout import LTChar, LTContainer, LTCurve, LTImage, LTLine, LTRect

    height = float(page.height)
    mb_x0, mb_top = float(page.mediabox[0]), float(page.mediabox[1])
    bx0, btop, bx1, bbottom = (float(v) for v in page.bbox)
    chars: list[Char] = []
    lines: list[BBox] = []
    rects: list[tuple[float, float, float, float, bool]] = []
    dots = dots_out if dots_out is not None else []
    images = images_out if images_out is not None else []
    todo = list(page.layout)
    while todo:
        obj = todo.pop()
        if isinstance(obj, LTChar):
            ch = make_char(
                obj.get_text(),
                str(obj.fontname),
                float(obj.size),
                bool(obj.upright),
                obj.x0 + mb_x0,
                height - obj.y1 + mb_top,
                obj.x1 + mb_x0,
                height - obj.y0 + mb_top,
            )
            if ch is not None and bx0 <= ch.cx <= bx1 and btop <= ch.cy <= bbottom:
                chars.append(ch)
        elif isinstance(obj, LTImage):
            images.append(obj)
        elif isinstance(obj, LTContainer):
            todo.extend(obj)
        elif isinstance(obj, LTLine | LTRect):
            box = (obj.x0 + mb_x0, height - obj.y1 + mb_top, obj.x1 + mb_x0, height - obj.y0 + mb_top)
            if isinstance(obj, LTRect):
                rects.append((*box, bool(obj.stroke)))
                if obj.fill and is_dot(box):
                    dots.append(box)
            else:
                lines.append(box)
        elif isinstance(obj, LTCurve) and obj.fill:
            box = (obj.x0 + mb_x0, height - obj.y1 + mb_top, obj.x1 + mb_x0, height - obj.y0 + mb_top)
            if is_dot(box):
                dots.append(box)
    return chars, lines, rects


def _is_encryption_error(exc: BaseException) -> bool:
    from pdfminer.pdfdocument import PDFEncryptionError

    return any(isinstance(e, PDFEncryptionError) or "password" in str(e).lower() for e in exception_chain(exc))


def _describe(exc: BaseException) -> str:
    inner = exc
    while inner.args and isinstance(inner.args[0], BaseException):
        inner = inner.args[0]
    text = str(inner).strip() or type(inner).__name__
    return text[:200]


# ---------------------------------------------------------------------------------------------
# Building the document


def _build(pages: list[_Page], doc: Document) -> None:
    _drop_frames(pages)
    for p in pages:
        body = assign_chars(p.chars, p.tables)
        p.tables = drop_empty(p.tables)
        p.lines = mark_drawn_bullets(build_lines(body), p.dots)
        for t in p.tables:
            for c in t.cells():
                c.lines = mark_drawn_bullets(build_lines(c.chars), p.dots)
    doc.header_lines = _strip_headers(pages)

    groups: list[tuple[list[Line], float]] = []
    for p in pages:
        right = _body_right(p)
        groups.extend((seg, right) for seg in _segments(p))
        for t in p.tables:
            groups.extend((c.lines, cell_right_edge(t, c)) for c in t.cells() if c.lines)
    sizes: Counter[float] = Counter()  # by characters, headers and footers left out
    for lines, _ in groups:
        for ln in lines:
            for ch in ln.chars:
                sizes[ch.size] += 1
    styles = compute_styles(sizes, groups)

    for p in pages:
        p.right = _body_right(p)
        _find_borderless(p, styles)
    for p, q in zip(pages, pages[1:], strict=False):
        _borderless_across(p, q, styles)

    for p in pages:
        items: list[Item] = []
        for seg in _segments(p):
            items.extend(_on_page(group_lines(seg, p.right, styles), p.no))
        for t in p.tables:
            for c in t.cells():
                c.drafts = _on_page(
                    group_lines(c.lines, cell_right_edge(t, c), styles, keep_ticks=True), p.no
                )
            items.append(t)
        items.sort(key=lambda it: it.top)
        p.items = items

    flow = _join_pages(pages)
    stack: list[float] = []
    for _, it in flow:
        if isinstance(it, TableBox):
            stack = []
            for c in it.cells():
                assign_list_levels(c.drafts)
        else:
            stack = assign_list_levels([it], stack)
    doc.blocks = _to_blocks(flow, styles)


def _on_page(drafts: list[Draft], page_no: int) -> list[Draft]:
    for d in drafts:
        d.page = page_no
    return drafts


def _body_right(p: _Page) -> float:
    """The right edge of the page's text column: the furthest any body line reaches.

    Taken per page (sections can change margins). It can only err on the small side, which
    makes the line-fill cue join rather than split.
    """
    return max((ln.x1 for ln in p.lines), default=p.width)


def _find_borderless(p: _Page, styles: Styles) -> None:
    """Move runs of body lines laid out as columns into borderless tables."""
    found = [t for seg in _segments(p) for t in find_borderless(seg, styles, p.no, p.hrules)]
    if not found:
        return
    used = {id(ln) for _, lines in found for ln in lines}
    p.lines = [ln for ln in p.lines if id(ln) not in used]
    p.tables = sorted([*p.tables, *(t for t, _ in found)], key=lambda t: (t.top, t.bbox[0]))


def _borderless_across(p: _Page, q: _Page, styles: Styles) -> None:
    """A borderless table ending page ``p`` or opening page ``q`` may go on across the page break
    with too few rows to be found on its own: look for that piece at the foot of ``p`` or the head
    of ``q`` (the pieces are joined later, as ruled tables are)."""
    last = max(p.tables, key=lambda t: t.top, default=None)
    first = min(q.tables, key=lambda t: t.top, default=None)
    tail = [ln for ln in p.lines if last is None or ln.top > last.top]
    head = [ln for ln in q.lines if first is None or ln.top < first.top]
    if last is not None and not last.ruled and not tail and head:
        found = extend_borderless(head, last, styles, q.no, q.hrules, at_end=False)
        page = q
    elif first is not None and not first.ruled and not head and tail:
        found = extend_borderless(tail, first, styles, p.no, p.hrules, at_end=True)
        page = p
    else:
        return
    if found is None:
        return
    table, lines = found
    used = {id(ln) for ln in lines}
    page.lines = [ln for ln in page.lines if id(ln) not in used]
    page.tables = sorted([*page.tables, table], key=lambda t: (t.top, t.bbox[0]))


def _drop_frames(pages: list[_Page]) -> None:
    """Drop page borders: one-cell boxes repeated at the same place on most pages (or, in a
    one-page document, a box round most of the page). They are not tables."""
    if len(pages) == 1:
        p = pages[0]
        area = p.width * p.height
        p.tables = [t for t in p.tables if not (_is_box(t) and _area(t.bbox) >= 0.6 * area)]
        return
    boxes: Counter[tuple[int, int, int, int]] = Counter()
    for p in pages:
        for t in p.tables:
            if _is_box(t):
                boxes[tuple(round(v / 3) for v in t.bbox)] += 1  # type: ignore[misc]
    need = max(2, math.ceil(0.75 * len(pages)))
    frames = {k for k, n in boxes.items() if n >= need}
    if not frames:
        return
    for p in pages:
        p.tables = [t for t in p.tables if tuple(round(v / 3) for v in t.bbox) not in frames]


def _is_box(t: TableBox) -> bool:
    return len(t.rows) == 1 and len(t.rows[0].cells) == 1


def _area(b: BBox) -> float:
    return (b[2] - b[0]) * (b[3] - b[1])


def _segments(p: _Page) -> list[list[Line]]:
    """Body lines split wherever a table sits between two consecutive lines."""
    segs: list[list[Line]] = []
    last_key = -1
    for ln in p.lines:
        key = sum(1 for t in p.tables if t.top < ln.top)
        if key != last_key:
            segs.append([])
            last_key = key
        segs[-1].append(ln)
    return segs


def _norm_header(text: str) -> str:
    return re.sub(r"\d+", "#", re.sub(r"\s+", " ", text.strip().lower()))


def _strip_headers(pages: list[_Page]) -> list[str]:
    """Remove page numbers and repeated header/footer lines; return the distinct header texts."""
    occurrences: dict[str, list[tuple[_Page, Line]]] = {}
    drop: set[int] = set()
    for p in pages:
        for ln in p.lines:
            if ln.bottom <= _BAND * p.height or ln.top >= (1 - _BAND) * p.height:
                key = _norm_header((ln.bullet or "") + " " + ln.text)
                if _PAGE_NUMBER_RE.match(key):
                    drop.add(id(ln))
                else:
                    occurrences.setdefault(key, []).append((p, ln))
    need = max(2, math.ceil(len(pages) / 2))
    headers: list[str] = []
    for occ in occurrences.values():
        ys = sorted(ln.top for _, ln in occ)
        best: list[tuple[_Page, Line]] = []
        for y in ys:
            near = [(p, ln) for p, ln in occ if abs(ln.top - y) <= 4.0]
            if len({p.no for p, _ in near}) > len({p.no for p, _ in best}):
                best = near
        if len({p.no for p, _ in best}) >= need:
            drop.update(id(ln) for _, ln in best)
            text = _PAGE_REF_RE.sub("", spaced_text(best[0][1])).strip(" -\u2013|")
            if text and text not in headers:
                headers.append(text)
    if drop:
        for p in pages:
            p.lines = [ln for ln in p.lines if id(ln) not in drop]
    return headers


def _join_pages(pages: list[_Page]) -> list[tuple[int, Item]]:
    """All pages' items in order, re-joining paragraphs and tables split by page breaks."""
    flow: list[tuple[int, Item]] = []
    end_page: dict[int, int] = {}
    height = {p.no: p.height for p in pages}
    for p in pages:
        items = list(p.items)
        if flow and items:
            _, last = flow[-1]
            first = items[0]
            prev_no = end_page[id(last)]
            if prev_no == p.no - 1 and _near_bottom(last, height[prev_no]) and first.top < 0.3 * p.height:
                if isinstance(last, TableBox) and isinstance(first, TableBox) and same_columns(last, first):
                    append_continuation(last, first)
                    items.pop(0)
                    end_page[id(last)] = p.no
                elif isinstance(last, Draft) and isinstance(first, Draft) and last.join_continuation(first):
                    items.pop(0)
                    end_page[id(last)] = p.no
        for it in items:
            flow.append((p.no, it))
            end_page[id(it)] = p.no
    return flow


def _near_bottom(item: Item, page_height: float) -> bool:
    bottom = item.bottom if isinstance(item, TableBox) else item.lines[-1].bottom if item.lines else 0.0
    return bottom >= 0.6 * page_height


# ---------------------------------------------------------------------------------------------
# Model blocks


def _draft_block(d: Draft, prov: Provenance) -> Block | None:
    text = d.text.strip()
    if not text:
        return None
    if d.kind == "heading":
        return Heading(text, level=d.level, prov=prov)
    if d.kind == "item":
        return ListItem(text, marker=d.marker, level=d.level, ordered=False, prov=prov, bold=d.bold)
    return Paragraph(text, prov=prov, bold=d.bold)


def _to_blocks(flow: list[tuple[int, Item]], styles: Styles) -> list[Block]:
    blocks: list[Block] = []
    n_para = n_table = 0
    for page_no, it in flow:
        if isinstance(it, TableBox):
            blocks.append(_to_table(it, n_table))
            n_table += 1
            continue
        b = _draft_block(it, Provenance(page=page_no, path=("para", n_para)))
        if b is not None:
            blocks.append(b)
            n_para += 1
    return blocks


def _to_table(t: TableBox, t_index: int) -> Table:
    xs = t.xs

    def idx(x: float) -> int:
        return min(range(len(xs)), key=lambda i: abs(xs[i] - x))

    table = Table(ncols=max(len(xs) - 1, 1), prov=Provenance(page=t.page, path=("table", t_index)))
    for r_i, r in enumerate(t.rows):
        row = Row(prov=Provenance(page=r.page, path=("table", t_index, "row", r_i)))
        for c_i, c in enumerate(r.cells):
            col = idx(c.x0)
            span = max(idx(c.x1) - col, 1)
            path: tuple[str | int, ...] = ("table", t_index, "row", r_i, "cell", c_i)
            cell = Cell(col=col, span=span, prov=Provenance(page=c.page, path=path))
            k = 0
            for d in c.drafts:
                b = _draft_block(d, Provenance(page=d.page or c.page, path=(*path, "para", k)))
                if b is not None:
                    cell.blocks.append(b)
                    k += 1
            row.cells.append(cell)
        table.rows.append(row)
    return table
