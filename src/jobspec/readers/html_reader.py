"""Saved web pages (.html, .htm): job adverts and job descriptions read into the document model with lxml.

Headings (``h1``-``h6``, ``role=heading``), paragraphs (a ``<br>`` starts a new one), lists with their
nesting and markers (``ol`` ``type``/``start``/``reversed``, ``li value``), tables with ``colspan`` and
``rowspan``, ``<dl>`` as a two-column table, and bold text. Scripts, styles, forms, navigation, hidden
elements, images and other embedded or remote resources are ignored: nothing is fetched, nothing runs.
A page's own header and footer (outside its main content) go to the header lines, as a Word file's do.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from jobspec.document import Block, Cell, Document, Heading, ListItem, Paragraph, Provenance, Row, Table
from jobspec.errors import InputError
from jobspec.readers.docx_numbering import format_number
from jobspec.readers.text_decode import decode_bytes, normalise_text

# Never read: code, styling, metadata, embedded media and controls.
_IGNORED = frozenset({
    "script", "style", "noscript", "template", "head", "title", "meta", "link", "base", "nav", "iframe",
    "frame", "frameset", "object", "embed", "applet", "img", "picture", "source", "track", "video", "audio",
    "canvas", "svg", "math", "map", "area", "button", "input", "select", "option", "optgroup", "textarea",
    "datalist", "output", "progress", "meter", "dialog", "label",
})
_HEADINGS = {f"h{n}": n for n in range(1, 7)}
_LISTS = frozenset({"ul", "ol", "menu", "dir"})
# Elements that break the flow of text: everything else is inline and joins its neighbours.
_BLOCKS = frozenset({
    "address", "article", "aside", "blockquote", "body", "center", "dd", "details", "div", "dl", "dt",
    "fieldset", "figcaption", "figure", "footer", "form", "header", "hgroup", "hr", "html", "li", "main",
    "p", "pre", "section", "summary", "table", "caption", "tbody", "thead", "tfoot", "tr", "td", "th", "legend",
    *_HEADINGS, *_LISTS,
})
_CONTENT = frozenset({"main", "article", "section", "aside", "td", "th", "li"})
_BOLD_TAGS = frozenset({"b", "strong", "th"})
_BOLD_STYLE = re.compile(r"font-weight\s*:\s*(bold|bolder|[6-9]00)", re.I)
_NOT_BOLD_STYLE = re.compile(r"font-weight\s*:\s*(normal|lighter|[1-5]00)", re.I)
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.I)
_CHARSET_ALIASES = {"iso-8859-1": "cp1252", "latin1": "cp1252", "us-ascii": "cp1252", "ascii": "cp1252"}  # as browsers do
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)
_SPACE = re.compile(r"[ \t\n\r\f\v\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_UL_MARKERS = {"disc": "•", "circle": "◦", "square": "▪", "none": ""}
_OL_TYPES = {"1": "decimal", "a": "lowerLetter", "A": "upperLetter", "i": "lowerRoman", "I": "upperRoman"}
MAX_COLUMNS = 1000  # a table is read up to this many grid columns (HTML caps colspan at 1000 too)


def read_html(path: Path) -> Document:
    """Read a saved web page into a :class:`Document`; raises :class:`InputError` when it cannot."""
    import lxml.html
    from lxml import etree

    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(path, f"cannot read file: {exc.strerror or exc}") from None
    text, encoding, warnings = _decode(data, path)
    parser = lxml.html.HTMLParser(remove_comments=True, remove_pis=True, no_network=True, recover=True,
                                  default_doctype=False)
    try:
        root = lxml.html.document_fromstring(_XML_DECL.sub("", text, count=1), parser=parser)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError) as exc:
        raise InputError(path, f"not a readable web page ({str(exc)[:80] or 'empty'})") from None
    if any("Excessive depth" in e.message for e in parser.error_log):
        raise InputError(path, "web page nested too deeply to read (more than 256 levels)")
    walker = _Walker()
    try:
        walker.container(root, ())
    except RecursionError:
        raise InputError(path, "web page nested too deeply to read") from None
    if not any(_has_text(b) for b in walker.blocks):
        raise InputError(path, "no text: the web page has no readable content")
    return Document(blocks=walker.blocks, header_lines=walker.header_lines,
                    info={"encoding": encoding}, warnings=warnings)


def _decode(data: bytes, path: Path) -> tuple[str, str, list[str]]:
    """Text of the page: the charset its ``<meta>`` declares when there is no BOM, else as for text files."""
    m = _META_CHARSET.search(data[:4096])
    if m and not data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        name = m.group(1).decode("ascii").lower()
        name = _CHARSET_ALIASES.get(name, name)
        try:
            text = data.decode(name)
        except (LookupError, UnicodeDecodeError):
            pass
        else:
            return normalise_text(text), name, []
    text, encoding, warnings = decode_bytes(data, path)
    return normalise_text(text), encoding, warnings


def _has_text(b: Block) -> bool:
    if isinstance(b, Table):
        return any(c.text.strip() for r in b.rows for c in r.cells)
    return bool(b.text.strip())


def _tag(el) -> str:
    return el.tag.lower() if isinstance(el.tag, str) else ""


def _hidden(el) -> bool:
    return (el.get("hidden") is not None or el.get("aria-hidden", "").lower() == "true"
            or el.get("role", "").lower() == "navigation" or bool(_HIDDEN_STYLE.search(el.get("style", ""))))


def _bold(el, inherited: bool) -> bool:
    style = el.get("style", "")
    if _NOT_BOLD_STYLE.search(style):
        return False
    return inherited or _tag(el) in _BOLD_TAGS or bool(_BOLD_STYLE.search(style))


@dataclass(slots=True)
class _Line:
    """Inline text gathered until the next block boundary or ``<br>``, with how much of it is bold."""

    parts: list[str] = field(default_factory=list)
    bold_chars: int = 0
    plain_chars: int = 0
    line: int | None = None

    def add(self, text: str, bold: bool, line: int | None) -> None:
        if not text:
            return
        self.parts.append(text)
        n = len(text.strip())
        if n and self.line is None:
            self.line = line
        if bold:
            self.bold_chars += n
        else:
            self.plain_chars += n

    def text(self) -> str:
        return _SPACE.sub(" ", "".join(self.parts).replace("\u00ad", "").replace("\u200b", "")).strip()

    def bold(self) -> bool:
        return self.bold_chars > 0 and self.plain_chars == 0

    def take(self) -> tuple[str, bool, int | None]:
        """(text, all bold, source line) of what was gathered; starts a new line."""
        got = self.text(), self.bold(), self.line
        self.parts, self.bold_chars, self.plain_chars, self.line = [], 0, 0, None
        return got


class _Walker:
    """Turns an lxml tree into blocks, keeping list depth, table counts and the page's header lines."""

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.header_lines: list[str] = []
        self.n_tables = 0

    # --- flow ------------------------------------------------------------------------------

    def container(self, el, path: tuple, out: list[Block] | None = None, bold: bool = False,
                  depth: int = 0) -> list[Block]:
        """Blocks for the children of ``el``: inline runs become paragraphs, block children their own."""
        out = self.blocks if out is None else out
        line = _Line()

        def flush() -> None:
            text, is_bold, where = line.take()
            if text:
                out.append(Paragraph(text, prov=Provenance(line=where, path=path), bold=is_bold))

        line.add(el.text or "", bold, el.sourceline)
        for ch in el:
            tag = _tag(ch)
            if not tag or tag in _IGNORED or _hidden(ch):
                line.add(ch.tail or "", bold, ch.sourceline)
                continue
            if tag == "br":
                flush()
            elif tag in _BLOCKS or ch.get("role", "").lower() == "heading":
                flush()
                self.block(ch, path, out, bold, depth)
            else:
                self.inline(ch, line, bold, flush)
            line.add(ch.tail or "", bold, ch.sourceline)
        flush()
        return out

    def inline(self, el, line: _Line, bold: bool, flush) -> None:
        """Text of an inline element and its descendants; a ``<br>`` or block inside it breaks the line."""
        b = _bold(el, bold)
        line.add(el.text or "", b, el.sourceline)
        for ch in el:
            tag = _tag(ch)
            if tag and tag not in _IGNORED and not _hidden(ch):
                if tag == "br" or tag in _BLOCKS:
                    flush()
                    if tag != "br":
                        line.add(_SPACE.sub(" ", ch.text_content()), b, ch.sourceline)
                        flush()
                else:
                    self.inline(ch, line, b, flush)
            line.add(ch.tail or "", b, ch.sourceline)

    def block(self, el, path: tuple, out: list[Block], bold: bool, depth: int) -> None:
        tag = _tag(el)
        b = _bold(el, bold)
        if tag in _HEADINGS or el.get("role", "").lower() == "heading":
            level = _HEADINGS.get(tag) or _int(el.get("aria-level"), 2)
            for p in self.container(el, path, [], b, depth):
                if isinstance(p, Paragraph):
                    out.append(Heading(p.text, level=level, prov=p.prov))
                else:
                    out.append(p)
        elif tag in _LISTS:
            self.list(el, path, out, b, depth)
        elif tag == "table":
            out.append(self.table(el, path, b))
        elif tag == "dl":
            out.append(self.definitions(el, path, b))
        elif tag == "pre":
            for n, text in enumerate(el.text_content().split("\n")):
                if text.strip():
                    out.append(Paragraph(_SPACE.sub(" ", text).strip(),
                                         prov=Provenance(line=(el.sourceline or 0) + n or None, path=path), bold=b))
        elif not path and _page_header(el):
            for blk in self.container(el, path, [], b, depth):
                self.header_lines.extend(t for t in _texts(blk) if t and t not in self.header_lines)
        elif tag != "hr":
            self.container(el, path, out, b, depth)

    # --- lists -----------------------------------------------------------------------------

    def list(self, el, path: tuple, out: list[Block], bold: bool, depth: int) -> None:
        ordered = _tag(el) == "ol"
        fmt = _OL_TYPES.get(el.get("type", "1"), "decimal")
        style = el.get("type", "").lower() or _list_style(el.get("style", "")) or ("disc" if depth == 0 else "circle")
        bullet = _UL_MARKERS.get(style, "•")
        step = -1 if ordered and el.get("reversed") is not None else 1
        number = _int(el.get("start"), sum(_tag(li) == "li" for li in el) if step < 0 else 1)
        for li in el:
            tag = _tag(li)
            if tag in _LISTS and not _hidden(li):  # a list straight inside a list (invalid HTML, common)
                self.list(li, path, out, bold, depth + 1)
                continue
            if tag != "li" or _hidden(li):
                continue
            number = _int(li.get("value"), number)
            marker = f"{format_number(number, fmt)}." if ordered else bullet
            number += step
            own, kids = _Line(), []
            self.item(li, own, kids, _bold(li, bold), path, depth)
            text = own.text()
            if text:
                out.append(ListItem(text, marker=marker, level=depth, ordered=ordered,
                                    prov=Provenance(line=own.line, path=path), bold=own.bold()))
            out.extend(kids)

    def item(self, el, own: _Line, kids: list[Block], bold: bool, path: tuple, depth: int) -> None:
        """The text of a list item (paragraphs inside it joined) into ``own``; lists and tables in it
        into ``kids``, which follow the item."""
        own.add(el.text or "", bold, el.sourceline)
        for ch in el:
            tag = _tag(ch)
            if tag and tag not in _IGNORED and not _hidden(ch):
                if tag in _LISTS:
                    self.list(ch, path, kids, bold, depth + 1)
                elif tag in ("table", "dl"):
                    self.block(ch, path, kids, bold, depth)
                elif tag in _BLOCKS or tag == "br":
                    own.add(" ", bold, ch.sourceline)
                    self.item(ch, own, kids, _bold(ch, bold), path, depth)
                    own.add(" ", bold, ch.sourceline)
                else:
                    self.inline(ch, own, bold, _no_break)
            own.add(ch.tail or "", bold, ch.sourceline)

    # --- tables ----------------------------------------------------------------------------

    def table(self, el, path: tuple, bold: bool) -> Table:
        ti = self.n_tables
        self.n_tables += 1
        tpath = (*path, "table", ti)
        rows: list[Row] = []
        trs = _rows(el)
        covered: list[int] = []  # per grid column: rows, this one included, that a rowspan above still covers
        ncols = 0
        for ri, tr in enumerate(trs):
            cells: list[Cell] = []
            blocked = [n > 0 for n in covered]
            col = ci = 0
            for td in tr:
                if _tag(td) not in ("td", "th") or _hidden(td):
                    continue
                while col < len(blocked) and blocked[col]:
                    col += 1
                if col >= MAX_COLUMNS:
                    break
                span = min(max(_int(td.get("colspan"), 1), 1), MAX_COLUMNS - col)
                down = _int(td.get("rowspan"), 1)
                down = len(trs) - ri if down <= 0 else min(down, len(trs) - ri)
                covered.extend([0] * (col + span - len(covered)))
                blocked.extend([False] * (col + span - len(blocked)))
                for c in range(col, col + span):
                    covered[c] = down
                cpath = (*tpath, "row", ri, "cell", ci)
                blocks = self.container(td, cpath, [], _bold(td, bold))
                cells.append(Cell(blocks=blocks, col=col, span=span, prov=Provenance(line=td.sourceline, path=cpath)))
                col += span
                ci += 1
            ncols = max(ncols, len(covered))
            covered = [max(n - 1, 0) for n in covered]
            rows.append(Row(cells=cells, prov=Provenance(line=tr.sourceline, path=(*tpath, "row", ri))))
        return Table(rows=rows, ncols=ncols, prov=Provenance(line=el.sourceline, path=tpath))

    def definitions(self, el, path: tuple, bold: bool) -> Table:
        """A ``<dl>`` as a table: each term and its descriptions in one row."""
        ti = self.n_tables
        self.n_tables += 1
        tpath = (*path, "table", ti)
        rows: list[Row] = []
        for ch in el.iter("dt", "dd"):
            ri = len(rows) - (_tag(ch) == "dd" and bool(rows))
            if _tag(ch) == "dt" or not rows:
                rows.append(Row(prov=Provenance(line=ch.sourceline, path=(*tpath, "row", len(rows)))))
                ri = len(rows) - 1
            row = rows[ri]
            col = 0 if _tag(ch) == "dt" else 1
            cpath = (*tpath, "row", ri, "cell", col)
            blocks = self.container(ch, cpath, [], _bold(ch, bold))
            existing = row.cell_at(col)
            if existing is not None:
                existing.blocks.extend(blocks)
            else:
                row.cells.append(Cell(blocks=blocks, col=col, prov=Provenance(line=ch.sourceline, path=cpath)))
        return Table(rows=rows, ncols=2, prov=Provenance(line=el.sourceline, path=tpath))


def _page_header(el) -> bool:
    """A page's own header or footer (not one inside its content), or LibreOffice's ``<div title="header">``
    for a Word file's page header and footer."""
    tag = _tag(el)
    if tag == "div":
        return el.get("title", "").lower() in ("header", "footer")
    if tag not in ("header", "footer") and el.get("role", "").lower() not in ("banner", "contentinfo"):
        return False
    return not any(_tag(a) in _CONTENT or a.get("role", "").lower() == "main" for a in el.iterancestors())


def _no_break() -> None:
    """Inside a list item a line break only separates words."""


def _rows(table) -> list:
    """The table's own rows (in thead, tbody, tfoot or straight inside it), not those of nested tables."""
    out = []
    for ch in table:
        tag = _tag(ch)
        if tag == "tr" and not _hidden(ch):
            out.append(ch)
        elif tag in ("thead", "tbody", "tfoot") and not _hidden(ch):
            out.extend(tr for tr in ch if _tag(tr) == "tr" and not _hidden(tr))
    return out


def _texts(b: Block) -> list[str]:
    if isinstance(b, Table):
        return [t for r in b.rows for c in r.cells for x in c.blocks for t in _texts(x)]
    return [b.text]


def _list_style(style: str) -> str:
    m = re.search(r"list-style(?:-type)?\s*:\s*([a-z-]+)", style, re.I)
    return m.group(1).lower() if m else ""


def _int(value: str | None, default: int) -> int:
    try:
        return int(str(value).strip()) if value is not None else default
    except ValueError:
        return default
