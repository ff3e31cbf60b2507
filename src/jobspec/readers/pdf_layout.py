"""Text layout for the PDF reader: characters -> lines -> paragraph/list-item/heading drafts.

Everything here works on plain geometry (positions, sizes, font names, glyphs) and knows
nothing of pdfplumber, so body text and table cells go through the same grouping.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from jobspec.glyphs import ALL_BULLETS, SYMBOL_FONTS, TICKS, TYPED_MARKER

# ---------------------------------------------------------------------------------------------
# Glyphs

_WINGDINGS = SYMBOL_FONTS["wingdings"]
_WINGDINGS2 = SYMBOL_FONTS["wingdings 2"]
_SYMBOL = SYMBOL_FONTS["symbol"]
#: Characters that mark a bullet when they start a line and are followed by a space or gap.
BULLET_GLYPHS = ALL_BULLETS
_SYMBOL_FONT_WORDS = ("symbol", "wingding", "webding", "dingbat", "zapf")
_OBULLET_FONT_WORDS = (*_SYMBOL_FONT_WORDS, "courier")

_CID_RE = re.compile(r"^\(cid:(\d+)\)$")
_SPACES = re.compile(r"\s+")
_SENTENCE_END = ".!?"


def is_pua(ch: str) -> bool:
    """True for a Private Use Area code point (symbol fonts' glyphs often land there)."""
    return len(ch) == 1 and 0xE000 <= ord(ch) <= 0xF8FF


@lru_cache(maxsize=8192)
def glyph_text(text: str, fontname: str) -> str:
    """The visible text of one PDF character: symbol-font glyphs mapped to Unicode look-alikes.

    Cached: a document has a few hundred distinct (character, font) pairs and many thousand characters."""
    if len(text) != 1:
        if text and "\ufb00" <= text[0] <= "\ufb06":
            return unicodedata.normalize("NFKC", text)
        m = _CID_RE.match(text)  # a glyph without a Unicode mapping: "(cid:214)"
        if m and int(m.group(1)) < 0x100:
            font = fontname.lower()
            if any(w in font for w in _SYMBOL_FONT_WORDS):
                return glyph_text(chr(0xF000 + int(m.group(1))), fontname)
        return text
    code = ord(text)
    if text == "\u00a0":
        return " "
    if "\ufb00" <= text <= "\ufb06":
        return unicodedata.normalize("NFKC", text)
    font = fontname.lower().replace(" ", "").replace("-", "")
    pua = 0xF000 <= code <= 0xF0FF
    if not pua and (code >= 0x100 or not any(w in font for w in _SYMBOL_FONT_WORDS)):
        return text
    low = code - 0xF000 if pua else code
    if "wingdings2" in font:
        table = _WINGDINGS2
    elif "symbol" in font:
        table = _SYMBOL
    elif "wingding" in font or pua:
        table = _WINGDINGS if low != 0xB7 or "wingding" in font else _SYMBOL
    else:
        return text
    if text == "o" and not pua:
        return text  # the "o" sub-bullet, handled by the bullet rule
    return table.get(low, text)


@lru_cache(maxsize=1024)
def is_bold_font(fontname: str) -> bool:
    """Bold, black or heavy weight, judged from the font name."""
    f = fontname.lower()
    return "bold" in f or "black" in f or "heavy" in f


# ---------------------------------------------------------------------------------------------
# Characters and lines


@dataclass(slots=True)
class Char:
    """One visible character, already mapped to its Unicode look-alike."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    bold: bool
    font: str

    @property
    def cx(self) -> float:
        return (self.x0 + self.x1) / 2

    @property
    def cy(self) -> float:
        return (self.top + self.bottom) / 2


def make_char(
    raw: str, fontname: str, size: float, upright: bool, x0: float, top: float, x1: float, bottom: float
) -> Char | None:
    """A :class:`Char` from one PDF character, or ``None`` for empty or rotated ones."""
    if not raw or not upright:
        return None
    text = glyph_text(raw, fontname)
    size = size or (bottom - top)
    return Char(text, x0, x1, top, bottom, round(size * 2) / 2, is_bold_font(fontname), fontname)


@dataclass(slots=True)
class Line:
    """A visual text line inside one region (the page body or one table cell)."""

    chars: list[Char]
    text: str = ""
    x0: float = 0.0
    x1: float = 0.0
    top: float = 0.0
    bottom: float = 0.0
    base: float = 0.0  # the common foot of the body-size glyphs: steadier than top or bottom
    size: float = 0.0
    bold: bool = False
    bullet: str | None = None
    text_x0: float = 0.0  # where the text starts (after a bullet)
    first_word_w: float = 0.0


def build_lines(chars: Iterable[Char]) -> list[Line]:
    """Cluster characters into lines by vertical overlap, then read each line left to right."""
    ordered = sorted(chars, key=lambda c: (c.top, c.x0))
    rows: list[tuple[float, float, list[Char]]] = []  # (ref top, ref bottom, chars)
    for ch in ordered:
        placed = False
        h = max(ch.bottom - ch.top, 0.1)
        for k in range(len(rows) - 1, max(len(rows) - 4, -1), -1):
            t, b, members = rows[k]
            overlap = min(b, ch.bottom) - max(t, ch.top)
            if overlap >= 0.5 * min(h, b - t):
                members.append(ch)
                placed = True
                break
            if ch.top > b:
                break
        if not placed:
            rows.append((ch.top, ch.bottom, [ch]))
    lines = [finish_line(members) for _, _, members in rows]
    return [ln for ln in lines if ln.text]


DOT_MAX = 6.0  # points: a drawn bullet is no bigger than this each way
DOT_GAP = 24.0  # points: the most a drawn bullet sits left of its text


def is_dot(box: tuple[float, float, float, float]) -> bool:
    """A small, roughly square shape: a bullet a browser or word processor drew rather than wrote."""
    w, h = box[2] - box[0], box[3] - box[1]
    return 0.5 < w <= DOT_MAX and 0.5 < h <= DOT_MAX and 0.5 <= w / h <= 2.0


def mark_drawn_bullets(lines: list[Line], dots: Sequence[tuple[float, float, float, float]]) -> list[Line]:
    """Give a line the bullet drawn just left of it (a CSS disc, a filled square): an item, as a glyph
    bullet would make it. The line then starts at the bullet, as glyph-bullet lines do."""
    if not dots:
        return lines
    for ln in lines:
        if ln.bullet is not None:
            continue
        for x0, top, x1, bottom in dots:
            mid = (top + bottom) / 2
            if ln.top <= mid <= ln.bottom and 0 <= ln.x0 - x1 <= DOT_GAP:
                ln.bullet, ln.text_x0, ln.x0 = "•", ln.x0, x0
                break
    return lines


COLUMN_GAP = 2.0  # a gap this many times the type size between words parts two pieces of a line


def spaced_text(line: Line) -> str:
    """The line's text with " | " where a wide gap parts it (a page header's left, centre and right
    pieces: "Senior Administrator | Willowmere School | Grade F")."""
    out: list[str] = []
    prev: Char | None = None
    for ch in line.chars:
        if prev is not None:
            gap = ch.x0 - prev.x1
            if gap > COLUMN_GAP * max(ch.size, prev.size):
                out.append(" | ")
            elif gap > space_width(ch.size) * 0.5 and not out[-1].endswith(" "):
                out.append(" ")
        out.append(ch.text)
        prev = ch
    return " ".join("".join(out).split())


def finish_line(members: list[Char]) -> Line:
    """Work out text, extent, size, boldness, bullet and first-word width of one line."""
    members.sort(key=lambda c: c.x0)
    chars: list[Char] = []
    for c in members:  # drop overprinted duplicates (fake bold, shadows)
        if chars and c.text == chars[-1].text and abs(c.x0 - chars[-1].x0) < 1.0:
            continue
        chars.append(c)
    line = Line(chars)
    words: list[list[Char]] = []
    gap_after: list[bool] = []  # a visible gap (or space) follows the word
    cur: list[Char] = []
    prev: Char | None = None
    for c in chars:
        if c.text.isspace() or not c.text.strip():
            if cur:
                words.append(cur)
                gap_after.append(True)
                cur = []
            prev = None
            continue
        if prev is not None and c.x0 - prev.x1 > 0.2 * max(c.size, prev.size, 1.0):
            words.append(cur)
            gap_after.append(True)
            cur = []
        cur.append(c)
        prev = c
    if cur:
        words.append(cur)
        gap_after.append(False)
    if not words:
        return line
    sizes = Counter()
    for w in words:
        for c in w:
            sizes[c.size] += len(c.text)
    line.size = sizes.most_common(1)[0][0]
    feet = Counter(round(c.bottom, 1) for w in words for c in w if c.size == line.size)
    line.base = feet.most_common(1)[0][0]
    line.top = min(c.top for w in words for c in w)
    line.bottom = max(c.bottom for w in words for c in w)
    line.x0 = words[0][0].x0
    line.x1 = words[-1][-1].x1
    first = 0
    marker = _bullet_of(words, gap_after)
    if marker is not None:
        line.bullet = marker
        first = 1
    body = words[first:]
    texts = ["".join(c.text for c in w) for w in body]
    line.text = _SPACES.sub(" ", " ".join(texts)).strip()
    if body:
        line.text_x0 = body[0][0].x0
        line.first_word_w = body[0][-1].x1 - body[0][0].x0
        glyphs = [c for w in body for c in w if c.text.strip()]
        line.bold = bool(glyphs) and all(c.bold for c in glyphs)
    else:
        line.text_x0 = line.x0
    return line


def _bullet_of(words: list[list[Char]], gap_after: list[bool]) -> str | None:
    """The bullet marker that starts a line, if its first word is a lone bullet glyph."""
    if len(words) < 2 or not gap_after[0]:
        return None
    w = words[0]
    if len(w) != 1:
        return None
    ch = w[0]
    t = ch.text
    if _CID_RE.match(t):
        return "•"  # an unmapped symbol-font glyph alone at the start of a line
    if len(t) != 1:
        return None
    if t == "o" and any(k in ch.font.lower() for k in _OBULLET_FONT_WORDS):
        return "o"
    if t in BULLET_GLYPHS:
        return t
    if is_pua(t):
        return "•"
    return None


# ---------------------------------------------------------------------------------------------
# Styles (document-wide statistics)


@dataclass(slots=True)
class Styles:
    """Document-wide facts the grouping needs: body size, heading sizes, line pitch."""

    body_size: float = 10.0
    heading_sizes: list[float] = field(default_factory=list)  # biggest first
    pitch: dict[float, float] = field(default_factory=dict)

    def heading_level(self, size: float) -> int:
        """0 for body text, else 1 for the biggest heading size, 2 for the next..."""
        if size < self.body_size * 1.15 - 0.01:
            return 0
        for i, s in enumerate(self.heading_sizes):
            if abs(s - size) < 0.26:
                return i + 1
        return len(self.heading_sizes) + 1

    def line_pitch(self, size: float) -> float:
        return self.pitch.get(size) or size * 1.2


def space_width(size: float) -> float:
    """Width of a normal space in a proportional font of ``size`` points."""
    return 0.25 * size


def wraps(prev: Line, nxt: Line, right: float) -> bool:
    """True when the first word of ``nxt`` would not have fitted at the end of ``prev``.

    ``right`` is an estimate (the furthest a line reaches), so a word must clear it by a few
    points to count as fitting.
    """
    slack = max(2.0, 0.3 * prev.size)
    return prev.x1 + space_width(prev.size) + nxt.first_word_w >= right - slack


def wraps_short(lines: Sequence[Line], right: float) -> bool:
    """Do these lines wrap well before ``right``? True when a line ends short of it although the
    next line carries on the same sentence (starts in lowercase) and its first word would have
    fitted: the text column must be narrower than ``right``.
    """
    for prev, nxt in zip(lines, lines[1:], strict=False):
        if nxt.bullet is None and prev.size == nxt.size and continues_text(nxt.text) and not wraps(prev, nxt, right):
            return True
    return False


def compute_styles(size_counts: Counter, line_groups: Sequence[tuple[Sequence[Line], float]]) -> Styles:
    """Body size (most common size by characters), heading sizes and the line pitch per size.

    ``line_groups`` holds each region's lines with its right edge: pitch is learnt from line pairs
    where the next line's first word would not have fitted, i.e. certain wraps.
    """
    styles = Styles()
    if size_counts:
        styles.body_size = size_counts.most_common(1)[0][0]
    heads: set[float] = set()
    deltas: dict[float, list[float]] = {}
    for lines, right in line_groups:
        for i, ln in enumerate(lines):
            if styles.heading_level(ln.size):
                heads.add(ln.size)
            if i == 0:
                continue
            prev = lines[i - 1]
            if prev.size != ln.size or ln.bullet:
                continue
            d = ln.base - prev.base
            if 0.9 * ln.size <= d <= 2.5 * ln.size and wraps(prev, ln, right):
                deltas.setdefault(ln.size, []).append(round(d * 2) / 2)
    styles.heading_sizes = sorted(heads, reverse=True)
    for size, ds in deltas.items():
        styles.pitch[size] = Counter(ds).most_common(1)[0][0]
    return styles


# ---------------------------------------------------------------------------------------------
# Grouping lines into block drafts


@dataclass(slots=True)
class Draft:
    """A block under construction: a heading, paragraph or list item with its geometry."""

    kind: str  # "heading" | "para" | "item"
    lines: list[Line]
    text: str
    level: int = 0  # heading level; list level once computed
    marker: str = ""
    bold: bool = False
    x0: float = 0.0  # left of the first line (the bullet for items)
    text_x0: float = 0.0
    top: float = 0.0
    bottom: float = 0.0
    size: float = 0.0
    page: int = 0  # 1-based page the block starts on (set by the reader)

    def add(self, line: Line) -> None:
        self.lines.append(line)
        self.text = join_lines(self.text, line.text)
        self.bottom = max(self.bottom, line.bottom)
        self.bold = self.bold and line.bold

    def join_continuation(self, nxt: Draft) -> bool:
        """Join paragraph ``nxt`` onto this paragraph or item if this one stops mid-sentence and ``nxt``
        reads as its continuation (the text was cut by a page or cell break); return whether it did."""
        if (self.kind in ("para", "item") and nxt.kind == "para" and not ends_sentence(self.text)
                and continues_text(nxt.text)):
            self.text = join_lines(self.text, nxt.text)
            self.lines.extend(nxt.lines)
            return True
        return False


def join_lines(a: str, b: str) -> str:
    """Join a wrapped line to the text before it: one space, or none after a word-hyphen."""
    if not a:
        return b
    if not b:
        return a
    if a.endswith("\u00ad"):
        return a[:-1] + b
    if a.endswith("-") and len(a) >= 2 and not a[-2].isspace():
        return a + b
    return a + " " + b


def _new_draft(line: Line, styles: Styles, keep_ticks: bool) -> Draft:
    level = styles.heading_level(line.size)
    tick = keep_ticks and line.bullet in TICKS
    if line.bullet is not None and not level and not tick:
        kind = "item"
    elif level:
        kind = "heading"
    else:
        kind = "para"
    text = line.text
    if kind != "item" and line.bullet is not None:
        text = f"{line.bullet} {text}"
    return Draft(
        kind,
        [line],
        text,
        level=level,
        marker=line.bullet or "",
        bold=line.bold,
        x0=line.x0,
        text_x0=line.text_x0,
        top=line.top,
        bottom=line.bottom,
        size=line.size,
    )


_MULTI_LEVEL = re.compile(r"^\d{1,2}\.\d{1,2}")
_JOINING_WORDS = frozenset({"and", "or", "of", "the", "to", "in", "for", "with", "a", "an", "by", "on", "at", "as",
                            "from", "into", "within", "including", "e.g.", "i.e.", "&", "/"})
_WORD_START = re.compile(r"^[A-Z][a-z]")


#: words written with a capital in mid-sentence (subjects, languages): no sign of a new item
_NAMES = frozenset({"English", "Maths", "Mathematics", "Science", "Welsh", "French", "Spanish", "German", "Latin",
                    "British", "Christian", "Catholic", "Church", "God", "Microsoft", "Google", "Excel", "Word"})
_LABEL_START = re.compile(r"^[A-Z][A-Za-z ]{1,24}:(\s|$)")


def starts_new_item(prev: str, nxt: str) -> bool:
    """In a table cell of unbulleted items, ``nxt`` starts the next item: a label ("ESSENTIAL:"), or a
    capitalised word ("Patience, punctuality …") after a line that could end an item (not after "and",
    "of", a comma or a capitalised name being continued, and not a name written with a capital
    anywhere, such as "English")."""
    if _LABEL_START.match(nxt):
        return True
    if not _WORD_START.match(nxt) or nxt.split()[0].strip(",.;:") in _NAMES:
        return False
    last = prev.rstrip().split()[-1] if prev.strip() else ""
    if not last or last[-1] in ",-–/(&":
        return False
    return last.lower() not in _JOINING_WORDS and not (last[0].isupper() and last[-1] not in ".;:!?")


def has_blank_gaps(lines: Sequence[Line], styles: Styles) -> bool:
    """Does this cell separate its paragraphs with blank lines (a gap of about two lines somewhere)?"""
    for prev, nxt in zip(lines, lines[1:], strict=False):
        pitch = styles.line_pitch(max(prev.size, nxt.size))
        if nxt.base - prev.base > 1.6 * pitch:
            return True
    return False


def _breaks(cur: Draft, line: Line, right: float, styles: Styles, *, cell: bool = False, gaps: bool = False) -> bool:
    """Does ``line`` start a new block rather than continue ``cur``?

    In a table cell (``cell``) whose paragraphs are set apart by blank lines (``gaps``), a line
    close below another continues it however short the first; in a cell without such gaps, a
    capitalised line after one that could end an item starts the next item.
    """
    prev = cur.lines[-1]
    if line.bullet is not None:
        return True
    if styles.heading_level(line.size) != styles.heading_level(cur.size):
        return True
    if cur.kind != "heading" and line.bold != cur.bold:
        return True
    size = max(line.size, prev.size)
    pitch = prev_pitch(cur) or styles.line_pitch(line.size)
    delta = line.base - prev.base
    if delta > pitch + max(0.25 * size, 2.0):
        return True
    tol = 2.5
    if cur.kind == "item":
        if line.x0 < cur.x0 - tol:
            return True
        if len(cur.lines) >= 2 and abs(line.x0 - cur.lines[-1].x0) > tol:
            return True
    elif len(cur.lines) >= 2 and abs(line.x0 - cur.lines[-1].x0) > tol and not _centred(cur, line):
        return True
    if not gaps and not wraps(prev, line, right):
        return True
    if cell and not gaps and starts_new_item(prev.text, line.text):
        return True
    m = TYPED_MARKER.match(line.text)
    # a typed number after a finished sentence, or a two-level one ("5.3.") anywhere, starts an item
    return bool(m and (prev.text[-1:] in _SENTENCE_END + ";:" or _MULTI_LEVEL.match(m.group("m"))))


def prev_pitch(cur: Draft) -> float:
    """The line pitch already seen inside ``cur`` (0 when it has a single line)."""
    if len(cur.lines) < 2:
        return 0.0
    return cur.lines[-1].base - cur.lines[-2].base


def _centred(cur: Draft, line: Line) -> bool:
    mids = [(ln.x0 + ln.x1) / 2 for ln in cur.lines]
    mid = (line.x0 + line.x1) / 2
    return all(abs(m - mid) < 3.0 for m in mids) and abs(line.x0 - cur.lines[-1].x0) > 6.0


def group_lines(
    lines: Sequence[Line], right: float, styles: Styles, *, keep_ticks: bool = False
) -> list[Draft]:
    """Group a region's lines (top to bottom) into heading/paragraph/list-item drafts.

    ``right`` is the right edge of the text column (page margin or cell inner edge): a line
    that ends well short of it, when the next line's first word would have fitted, ends a
    paragraph. With ``keep_ticks`` (table cells) a tick starting a line stays in the text
    (it may be what a tick column says) instead of becoming a list marker, and paragraphs are read
    as a cell's items are written (see :func:`_breaks`).
    """
    drafts: list[Draft] = []
    cur: Draft | None = None
    gaps = keep_ticks and has_blank_gaps(lines, styles)
    for line in lines:
        if cur is not None and not _breaks(cur, line, right, styles, cell=keep_ticks, gaps=gaps):
            cur.add(line)
            continue
        cur = _new_draft(line, styles, keep_ticks)
        drafts.append(cur)
    return drafts


def assign_list_levels(drafts: Iterable[Draft], stack: list[float] | None = None) -> list[float]:
    """Set each list item's ``level`` from its indentation relative to the items before it.

    Returns the indentation stack so a caller can carry it across pages.
    """
    st: list[float] = stack if stack is not None else []
    tol = 2.5
    for d in drafts:
        if d.kind == "item":
            while st and d.x0 < st[-1] - tol:
                st.pop()
            if not st or d.x0 > st[-1] + tol:
                st.append(d.x0)
            d.level = len(st) - 1
        elif d.kind == "heading" or not st or d.x0 <= st[0] + tol:
            st.clear()
    return st


def ends_sentence(text: str) -> bool:
    """True when ``text`` ends like a finished sentence or clause."""
    t = text.rstrip(" \"'\u201d\u2019)")
    return not t or t[-1] in _SENTENCE_END


def continues_text(text: str) -> bool:
    """True when ``text`` reads as the continuation of a broken sentence (lowercase start)."""
    t = text.lstrip()
    return bool(t) and t[0].islower() and not TYPED_MARKER.match(t)
