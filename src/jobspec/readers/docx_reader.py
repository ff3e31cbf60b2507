"""DOCX reader: the body XML in document order, with list numbering, symbols, headers and merged cells."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from jobspec.display import plural
from jobspec.document import Block, Cell, Document, Heading, ListItem, Paragraph, Provenance, Row, Table
from jobspec.errors import InputError
from jobspec.glyphs import TYPED_MARKER, leading_bullet, strip_invisible, symbol_char
from jobspec.readers.docx_numbering import Numbering, W, parse_int
from jobspec.readers.limits import MAX_GRID_COLUMNS, MAX_TABLE_CELLS, LimitExceeded, check
from jobspec.readers.text_tables import FUNCTION_WORDS

MAX_XML_BYTES = 200 * 1024 * 1024
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
LARGE_TYPE_HALF_POINTS = 32  # 16 pt and over: title type, not body text
LARGE_TYPE_MAX_CHARS = 120  # a paragraph this long in large type is still text
_HEADING_STYLE = re.compile(r"^(?:heading|überschrift|titre|kop)\s*(\d)$", re.I)

def _sym(font: str, char: str) -> str:
    char = char.upper()
    if len(char) == 2:
        char = "F0" + char
    try:
        code = int(char, 16)
    except ValueError:
        return ""
    hit = symbol_char(font, code) if code >= 0xF000 else None
    if hit:
        return hit
    low = code - 0xF000 if code >= 0xF000 else code
    return chr(low) if 0x20 <= low < 0x7F and font.lower() not in ("wingdings", "wingdings 2", "webdings") else ""


def _check_archive(path: Path) -> None:
    """Reject what is not a safe .docx before python-docx sees it."""
    try:
        with open(path, "rb") as fh:
            magic = fh.read(8)
    except OSError as exc:
        raise InputError(path, f"cannot read file: {exc.strerror or exc}") from None
    if magic.startswith(b"\xd0\xcf\x11\xe0"):
        data = path.read_bytes()[:200_000]
        if b"E\x00n\x00c\x00r\x00y\x00p\x00t\x00i\x00o\x00n\x00I\x00n\x00f\x00o" in data or b"EncryptionInfo" in data:
            raise InputError(path, "encrypted Word file: needs a password")
        raise InputError(path, "legacy Word 97-2003 file renamed .docx: save it as .docx")
    if not magic.startswith(b"PK"):
        raise InputError(path, "corrupt or not a Word file (not a zip archive)")
    try:
        with zipfile.ZipFile(path) as zf:
            names = set(zf.namelist())
            if "word/document.xml" not in names:
                raise InputError(path, "not a Word document (no word/document.xml; is it another Office format?)")
            xml_parts = [i for i in zf.infolist() if i.filename.endswith((".xml", ".rels"))]
            total = sum(i.file_size for i in xml_parts)
            if total > MAX_XML_BYTES:
                raise InputError(path, f"decompressed content too large ({total // (1024 * 1024)} MB of XML): refusing a possible zip bomb")
            for info in xml_parts:
                if _declares_entities(zf, info):
                    raise InputError(path, "unsafe Word file: its XML declares entities (DTD); refusing to read it")
    except zipfile.BadZipFile:
        raise InputError(path, "corrupt Word file (damaged or truncated zip archive)") from None


# "<!DOCTYPE" and "<!ENTITY" in every encoding an XML parser accepts without being told (upper-cased)
_DTD_MARKERS = tuple(m.encode(enc) for m in ("<!DOCTYPE", "<!ENTITY")
                     for enc in ("ascii", "utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"))
_CHUNK = 1 << 20


def _declares_entities(zf: zipfile.ZipFile, info: zipfile.ZipInfo) -> bool:
    """Whether an XML part holds a DTD anywhere (read in chunks that overlap by a marker's length)."""
    tail = b""
    with zf.open(info) as fh:
        while chunk := fh.read(_CHUNK):
            window = tail + chunk
            # every marker holds the byte of "!" in every encoding: most parts have none to look at
            if b"!" in window:
                window = window.upper()
                if any(m in window for m in _DTD_MARKERS):
                    return True
            tail = window[-40:]
    return False


def _one_line(exc: BaseException, limit: int = 80) -> str:
    return " ".join(str(exc).split())[:limit]


def _missing_part(exc: KeyError) -> str:
    name = str(exc.args[0]) if exc.args else ""
    m = re.search(r"named '([^']+)'", name)
    return f"corrupt Word file: a part it refers to is missing ({m.group(1) if m else name or 'unknown part'})"


def read_docx(path: Path) -> Document:
    """Read a .docx file into a :class:`Document`."""
    _check_archive(path)
    import docx  # lazy: heavy import
    from lxml.etree import XMLSyntaxError

    try:
        d = docx.Document(str(path))
    except XMLSyntaxError as exc:
        if "depth" in str(exc).lower():
            raise InputError(path, "Word file nested too deeply to read (tables within tables beyond 256 XML levels)") from None
        raise InputError(path, f"corrupt Word file (bad XML: {_one_line(exc)})") from None
    except KeyError as exc:
        raise InputError(path, _missing_part(exc)) from None
    except (ValueError, zipfile.BadZipFile) as exc:
        raise InputError(path, f"corrupt Word file ({_one_line(exc) or type(exc).__name__})") from None
    except Exception as exc:  # python-docx raises assorted errors on odd packages
        raise InputError(path, f"cannot open Word file: {_one_line(exc)}") from None
    body = d.element.find(W + "body")
    if d.element.tag != W + "document" or body is None:
        raise InputError(path, "corrupt Word file: its main part is not a WordprocessingML document body")
    try:
        reader = _DocxWalker(d)
        blocks = reader.walk(body, ())
        header_lines = reader.header_lines()
    except LimitExceeded as exc:
        raise InputError(path, exc.reason) from None
    doc = Document(blocks=blocks, header_lines=header_lines, info={"paragraphs": reader.n_paras})
    if reader.alt_chunks:
        if not any(_texts(b) != [""] for b in blocks):
            raise InputError(path, "its content is an imported document (w:altChunk) that jobspec cannot read: "
                             "open it in Word and save it again as .docx")
        doc.warnings.append(f"{plural(reader.alt_chunks, 'imported part')} (w:altChunk) not read: open the file in Word "
                            "and save it again as .docx to include them")
    return doc


class _DocxWalker:
    def __init__(self, d) -> None:
        self.d = d
        try:
            numbering_root = d.part.numbering_part.element
        except (NotImplementedError, KeyError, AttributeError):
            numbering_root = None
        self.numbering = Numbering(numbering_root)
        self.styles: dict[str, tuple[str, str | None, object]] = {}
        try:
            for st in d.styles.element.iter(W + "style"):
                sid = st.get(W + "styleId", "")
                name_el = st.find(W + "name")
                based = st.find(W + "basedOn")
                self.styles[sid] = (
                    name_el.get(W + "val", sid) if name_el is not None else sid,
                    based.get(W + "val") if based is not None else None,
                    st,
                )
        except (AttributeError, KeyError):
            pass
        self.n_paras = 0
        self.alt_chunks = 0
        self.in_header = False

    # --- styles -------------------------------------------------------------------------
    def _style_chain(self, sid: str | None):
        seen = set()
        while sid and sid in self.styles and sid not in seen:
            seen.add(sid)
            name, based, el = self.styles[sid]
            yield name, el
            sid = based

    def _style_numpr(self, sid: str | None) -> tuple[str, int] | None:
        for _name, el in self._style_chain(sid):
            ppr = el.find(W + "pPr")
            if ppr is not None:
                npr = ppr.find(W + "numPr")
                if npr is not None:
                    nid = npr.find(W + "numId")
                    ilvl = npr.find(W + "ilvl")
                    if nid is not None:
                        return nid.get(W + "val", "0"), _level(ilvl.get(W + "val")) if ilvl is not None else 0
        return None

    def _style_bold(self, sid: str | None) -> bool:
        for _name, el in self._style_chain(sid):
            rpr = el.find(W + "rPr")
            if rpr is not None:
                b = rpr.find(W + "b")
                if b is not None:
                    return _on(b)
        return False

    def _heading_level(self, sid: str | None, ppr) -> int | None:
        for name, el in self._style_chain(sid):
            low = name.lower()
            if low == "title":
                return 1
            m = _HEADING_STYLE.match(low)
            if m:
                return int(m.group(1))
            sppr = el.find(W + "pPr")
            if sppr is not None and sppr.find(W + "outlineLvl") is not None:
                return min(max(parse_int(sppr.find(W + "outlineLvl").get(W + "val"), 0), 0), 8) + 1
        if ppr is not None and ppr.find(W + "outlineLvl") is not None:
            lvl = parse_int(ppr.find(W + "outlineLvl").get(W + "val"), 9)
            if 0 <= lvl < 9:
                return lvl + 1
        return None

    # --- walking --------------------------------------------------------------------------
    def walk(self, parent, path: tuple) -> list[Block]:
        out: list[Block] = []
        n_p = n_t = 0
        for ch in parent:
            tag = ch.tag
            if tag == W + "p":
                out.extend(self.paragraph(ch, (*path, "para", n_p)))
                n_p += 1
            elif tag == W + "tbl":
                out.append(self.table(ch, (*path, "table", n_t)))
                n_t += 1
            elif tag == W + "altChunk":
                self.alt_chunks += 1
            elif tag in (W + "sdt", W + "customXml", W + "ins", W + "moveTo", W + "smartTag"):
                content = ch.find(W + "sdtContent") if tag == W + "sdt" else ch
                if content is not None:
                    out.extend(self.walk(content, path))
        return out

    def paragraph(self, p, path: tuple) -> list[Block]:
        self.n_paras += 1
        ppr = p.find(W + "pPr")
        sid = None
        numpr = None
        if ppr is not None:
            ps = ppr.find(W + "pStyle")
            sid = ps.get(W + "val") if ps is not None else None
            npr = ppr.find(W + "numPr")
            if npr is not None:
                nid = npr.find(W + "numId")
                ilvl = npr.find(W + "ilvl")
                numpr = (
                    nid.get(W + "val", "0") if nid is not None else None,
                    _level(ilvl.get(W + "val")) if ilvl is not None else None,
                )
        if numpr is None or numpr[0] is None:
            snp = self._style_numpr(sid)
            if snp is not None:
                numpr = (snp[0], numpr[1] if numpr and numpr[1] is not None else snp[1])
        texts, bold_all, boxes = self._runs(p, sid)
        prov = Provenance(path=path)
        blocks: list[Block] = []
        # a double line break inside a paragraph separates what a reader sees as two paragraphs
        # a page header's line is often laid out with tabs: "School ⇥ Job title: … ⇥ Grade: …"
        splits = r"\n\s*\n|\t|\s{4,}" if self.in_header else r"\n\s*\n"
        raw = [t for t in re.split(splits, texts) if _clean(t)] or [""]
        level = self._heading_level(sid, ppr)
        if "\n" in texts and level is None and numpr is None and not (len(raw) == 1 and self._large(p, sid)):
            raw = [line for t in raw for line in soft_lines(t)]
        pieces = [_clean(t) for t in raw]
        marker = None
        if numpr is not None and numpr[0] not in (None, "0") and pieces[0]:
            marker = self.numbering.marker(numpr[0], numpr[1] or 0)
            if marker is not None and not marker[0] and level is not None:
                marker = None  # a heading's outline numbering that shows no number (LibreOffice writes these)
        for i, text in enumerate(pieces):
            if not text and len(pieces) == 1:
                blocks.append(Paragraph("", prov=prov))
            elif i == 0 and marker is not None:
                blocks.append(ListItem(text, marker=marker[0] or "•", level=numpr[1] or 0, ordered=marker[1], prov=prov, bold=bold_all))
            elif i == 0 and level is not None and text:
                blocks.append(Heading(text, level=level, prov=prov))
            elif i == 0 and len(pieces) == 1 and len(text) <= LARGE_TYPE_MAX_CHARS and self._large(p, sid):
                blocks.append(Heading(text, level=1, prov=prov))  # a title set in large type, no heading style
            else:
                blocks.append(Paragraph(text, prov=prov, bold=bold_all))
        for k, box in enumerate(boxes):
            blocks.extend(self.walk(box, (*path, "textbox", k)))
        return blocks

    def _large(self, p, sid: str | None) -> bool:
        """Is every run with text set in large type (``LARGE_TYPE_HALF_POINTS`` or more)?"""
        style_sz = next((int(sz.get(W + "val", "0")) for _n, el in self._style_chain(sid)
                         if (rpr := el.find(W + "rPr")) is not None and (sz := rpr.find(W + "sz")) is not None), 0)
        sizes = []
        for r in _iter_runs(p, []):
            if not "".join(t.text or "" for t in r.iter(W + "t")).strip():
                continue
            rpr = r.find(W + "rPr")
            sz = rpr.find(W + "sz") if rpr is not None else None
            try:
                sizes.append(int(sz.get(W + "val", "0")) if sz is not None else style_sz)
            except ValueError:
                return False
        return bool(sizes) and min(sizes) >= LARGE_TYPE_HALF_POINTS

    def _runs(self, p, sid: str | None) -> tuple[str, bool, list]:
        """Text of a paragraph (with symbols), whether all its text is bold, and its text boxes."""
        style_bold = self._style_bold(sid)
        parts: list[str] = []
        boxes: list = []
        bold_chars = plain_chars = 0
        for r in _iter_runs(p, boxes):
            rpr = r.find(W + "rPr")
            if rpr is not None and _hidden(rpr):
                continue
            b = rpr.find(W + "b") if rpr is not None else None
            is_bold = _on(b) if b is not None else style_bold
            for el in r:
                tag = el.tag
                t = ""
                if tag == W + "t":
                    t = el.text or ""
                elif tag == W + "tab":
                    t = "\t"
                elif tag in (W + "br", W + "cr"):
                    t = "\n"
                elif tag == W + "noBreakHyphen":
                    t = "-"
                elif tag == W + "sym":
                    t = _sym(el.get(W + "font", ""), el.get(W + "char", ""))
                if t:
                    parts.append(t)
                    n = len(t.strip())
                    if is_bold:
                        bold_chars += n
                    else:
                        plain_chars += n
        return "".join(parts), bold_chars > 0 and plain_chars == 0, boxes

    def table(self, tbl, path: tuple) -> Table:
        rows: list[Row] = []
        ncols = len(tbl.findall(f"{W}tblGrid/{W}gridCol"))
        for ri, tr in enumerate(tbl.findall(W + "tr")):
            col = 0
            trpr = tr.find(W + "trPr")
            if trpr is not None and trpr.find(W + "gridBefore") is not None:
                col = max(0, parse_int(trpr.find(W + "gridBefore").get(W + "val"), 0))
                check(col, MAX_GRID_COLUMNS, "a table row skips {n} grid columns (w:gridBefore)")
            cells: list[Cell] = []
            for ci, tc in enumerate(_iter_cells(tr)):
                tcpr = tc.find(W + "tcPr")
                span = 1
                merged_continue = False
                if tcpr is not None:
                    gs = tcpr.find(W + "gridSpan")
                    if gs is not None:
                        span = max(1, parse_int(gs.get(W + "val"), 1))
                        check(span, MAX_GRID_COLUMNS, "a table cell spans {n} grid columns (w:gridSpan)")
                    vm = tcpr.find(W + "vMerge")
                    if vm is not None and vm.get(W + "val", "continue") == "continue":
                        merged_continue = True
                cpath = (*path, "row", ri, "cell", ci)
                if not merged_continue:
                    blocks = self.walk(tc, cpath)
                    cells.append(Cell(blocks=blocks, col=col, span=span, prov=Provenance(path=cpath)))
                col += span
            check(col, MAX_GRID_COLUMNS, "a table is {n} grid columns wide")
            ncols = max(ncols, col)
            check((ri + 1) * ncols, MAX_TABLE_CELLS, "a table has {n} grid cells (rows x columns)")
            rows.append(Row(cells=cells, prov=Provenance(path=(*path, "row", ri))))
        return Table(rows=rows, ncols=ncols, prov=Provenance(path=path))

    def header_lines(self) -> list[str]:
        seen: list[str] = []
        for section in self.d.sections:
            for hf in (section.header, section.first_page_header, section.even_page_header,
                       section.footer, section.first_page_footer, section.even_page_footer):
                try:
                    if hf.is_linked_to_previous and section is not self.d.sections[0]:
                        continue
                    el = hf._element
                except (AttributeError, KeyError, ValueError):
                    continue
                self.in_header = True
                try:
                    blocks = self.walk(el, ())
                finally:
                    self.in_header = False
                for b in blocks:
                    for text in _texts(b):
                        if text and text not in seen:
                            seen.append(text)
        return seen


def _texts(b: Block) -> list[str]:
    if isinstance(b, Table):
        return [t for r in b.rows for c in r.cells for x in c.blocks for t in _texts(x)]
    return [b.text]


def _iter_cells(tr):
    for ch in tr:
        if ch.tag == W + "tc":
            yield ch
        elif ch.tag in (W + "sdt", W + "customXml"):
            content = ch.find(W + "sdtContent") if ch.tag == W + "sdt" else ch
            if content is not None:
                yield from (c for c in content if c.tag == W + "tc")


def _iter_runs(p, boxes: list):
    """Runs of a paragraph in order, through hyperlinks, fields, content controls and insertions.

    Text boxes (w:txbxContent) are collected into ``boxes`` instead of being inlined; of an
    mc:AlternateContent only the first choice is used so box text is not read twice.
    """
    for ch in p:
        tag = ch.tag
        if tag == W + "r":
            for sub in ch.iter(W + "txbxContent"):
                boxes.append(sub)  # the first is mc:Choice's; mc:Fallback repeats it
                break
            yield ch
        elif tag in (W + "hyperlink", W + "smartTag", W + "ins", W + "moveTo", W + "fldSimple", W + "customXml", W + "sdt",
                     W + "sdtContent"):
            inner = ch.find(W + "sdtContent") if tag == W + "sdt" else ch
            if inner is not None:
                yield from _iter_runs(inner, boxes)
        elif tag == f"{MC}AlternateContent":
            choice = ch.find(f"{MC}Choice")
            if choice is not None:
                yield from _iter_runs(choice, boxes)


def _hidden(rpr) -> bool:
    """Hidden text (w:vanish): not printed, so not part of the document a reader sees."""
    v = rpr.find(W + "vanish")
    return v is not None and _on(v)


def _level(v: str | None) -> int:
    """A list level (w:ilvl): 0 to 8, as Word has."""
    return min(max(parse_int(v, 0), 0), 8)


def _on(el) -> bool:
    return el.get(W + "val", "true") not in ("0", "false", "off", "none")


_RUNS_ON_MARKS = (",", ":", "(", "/", "&", "-", "–", "—")  # a line ending so goes on below


def soft_lines(text: str) -> list[str]:
    """A plain paragraph's text split at the single line breaks (Shift+Enter) that start an item of
    their own: the next line starts with a typed bullet or list number, or with a capital letter
    after a line that does not run on (a comma, colon, dash or a word such as "and", "the", "with"
    at its end). "Supervise pupils at lunchtime⏎Help pupils to cut up food" is two lines; "Work in
    line with⏎Keeping Children Safe in Education" and "Job title:⏎Cover Supervisor" stay one."""
    lines = [ln for ln in text.split("\n") if ln.strip()]
    out = lines[:1]
    for line in lines[1:]:
        prev, nxt = out[-1].strip(), line.strip()
        marked = leading_bullet(nxt) is not None or TYPED_MARKER.match(nxt) is not None
        if marked or (nxt[0].isupper() and not _runs_on(prev)):
            out.append(line)
        else:
            out[-1] += "\n" + line
    return out or [text]


def _runs_on(line: str) -> bool:
    """Does ``line`` stop mid-phrase: a comma, colon or dash, or a word such as "and", "the", "with"?"""
    words = line.split()
    return line.endswith(_RUNS_ON_MARKS) or (bool(words) and words[-1].lower() in FUNCTION_WORDS)


def _clean(text: str) -> str:
    text = strip_invisible(text.replace("\u00a0", " "))
    return re.sub(r"\s+", " ", text).strip()
