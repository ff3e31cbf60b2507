"""Bullets, ticks, crosses and list markers: the one glyph table every reader and extractor uses.

What each glyph means, once:

- **Bullets** mark a list item when they start a line and are followed by a space (or, in a PDF,
  a gap): the round, square, arrow and diamond glyphs below, the tick glyphs (✓ ✔ √, which schools
  use as bullets too), and the typed dashes ``- – — *``. A lone ``o`` is a sub-bullet (Word's
  Courier New "o"). Whichever bullet a document uses, the item's text never keeps it.
- **Marks** fill the Essential/Desirable columns of a person specification. *Positive* marks say
  "this level": ticks (✓ ✔ √), a checked box (☑ ☒), a bullet or asterisk (• ● ■ *), and the
  letters or words ``x``, ``y``, ``yes``. *Negative* marks say "not this level": crosses
  (✗ ✘ ×), an empty box (☐) and ``n``/``no``. A cell of negative marks only is still a mark cell
  (so the row is a tick row), it just does not set the level.
- **Symbol fonts** (Wingdings, Wingdings 2, Symbol) put their glyphs at private-use code points;
  :data:`SYMBOL_FONTS` maps them to the Unicode glyphs above, for DOCX ``w:sym`` runs, Word list
  bullets and PDF text alike.
- **Typed markers** are list numbers typed into the text rather than made by list formatting:
  ``1.`` ``1.2`` ``1)`` ``(1)`` ``a)`` ``(b)`` ``iv.`` ``A.``.
"""

from __future__ import annotations

import re

#: Glyph bullets (not dashes): a line starting with one of these and a space is a list item.
BULLETS = frozenset("•·‣◦▪▫■□●○►▶➢➤◆◇♦❖⬥∙⁃➔✓✔√☐❑")
#: Typed bullets: a hyphen, en dash, em dash or asterisk followed by a space.
DASH_BULLETS = frozenset("-\u2013\u2014*")
#: Every character that can be a bullet (the sub-bullet "o" is handled apart: it is also a word).
ALL_BULLETS = BULLETS | DASH_BULLETS

#: Tick glyphs: a tick that starts a line in a level column is a mark, not a bullet.
TICKS = frozenset("√✓✔☑")
#: Bullets that separate items run together on one line of a table cell ("• one • two").
INLINE_BULLETS = frozenset("•·▪\uf0b7")

#: Marks in a level column that select the level.
POSITIVE_MARKS = frozenset("√✓✔☑☒•●■*")
#: Marks in a level column that say "not this level".
NEGATIVE_MARKS = frozenset("✗✘×☐")
_POSITIVE_WORDS = frozenset({"x", "y", "yes"})
_NEGATIVE_WORDS = frozenset({"n", "no"})
_MARK_CHARS = POSITIVE_MARKS | NEGATIVE_MARKS | frozenset("xXyY \t\n\u00a0")

#: Symbol-font glyphs by font family and code: the low byte of a U+F0xx private-use code point,
#: or the raw byte in a font without a Unicode map.
SYMBOL_FONTS: dict[str, dict[int, str]] = {
    "wingdings": {
        0xA7: "▪", 0xD8: "➢", 0x76: "❖", 0xFC: "✓", 0xFB: "✗", 0xFE: "☒", 0xA8: "☐", 0x6F: "☐",
        0x78: "☒", 0x6C: "●", 0x6E: "■", 0x71: "❑", 0x77: "⬥", 0x9F: "•", 0xE8: "➔", 0xB7: "•",
    },
    "wingdings 2": {0x50: "✓", 0x52: "☑", 0x4F: "✗", 0x54: "☒", 0xA3: "☐"},
    "symbol": {0xB7: "•", 0xD6: "√", 0xB4: "×", 0xA7: "♣", 0xA8: "♦", 0xE0: "◊"},
}
#: Word list-bullet characters stored as private-use code points without a font we can trust
#: (the level's font is often missing): what each shows. U+F06F is Courier New's "o".
PUA_BULLETS = {"\uf0b7": "•", "\uf0a7": "▪", "\uf0d8": "➢", "\uf076": "❖", "\uf0fc": "✓", "o": "o", "\uf06f": "o",
               "\uf0e0": "➔"}

_BULLET_CLASS = "".join(sorted(ALL_BULLETS)).replace("-", "\\-")
_LEADING_BULLET = re.compile(rf"^\s*(?:[{_BULLET_CLASS}]|o(?=\s))\s+(?=\S)")

#: A list number typed at the start of a line: "1.", "1.2", "1)", "(1)", "a)", "(b)", "iv.", "A."
TYPED_MARKER = re.compile(
    r"^\s*(?P<m>\(?(?:\d{1,2}(?:\.\d{1,2})*|[a-zA-Z]|[ivxIVX]{1,4})[.)](?=\s)|\d{1,2}(?:\.\d{1,2})+(?=\s+[A-Z])|"
    r"\(\d{1,2}\)|\([a-zA-Z]\))\s+(?=\S)"
)
#: A cell or word that is nothing but a list number: "1", "1.", "(a)", "iv)", "[2]"
LONE_MARKER = re.compile(r"^[(\[]?(?:\d{1,2}(?:\.\d{1,2})*|[a-zA-Z]|[ivxlcIVXLC]{1,5})[.):\]]?$")
#: A table cell that numbers its row: "1", "1.", "(2)", "3)", "a)", "(b)"
CELL_NUMBER = re.compile(r"^\(?(?:\d{1,3}[.)]?|[a-z][.)])$")
_ROMAN = re.compile(r"[ivxIVX]{1,4}")


def symbol_char(font: str, code: int) -> str | None:
    """The Unicode glyph of ``code`` in a symbol font (``None`` when unknown)."""
    table = SYMBOL_FONTS.get(font.strip().lower())
    return table.get(code & 0xFF) if table else None


def strip_bullet(text: str) -> str:
    """``text`` without a bullet glyph typed at its start ("► Plan lessons" -> "Plan lessons")."""
    return _LEADING_BULLET.sub("", text, count=1)


def leading_bullet(text: str) -> str | None:
    """The bullet typed at the start of ``text``, if any."""
    m = _LEADING_BULLET.match(text)
    return m.group(0).strip() if m else None


def split_typed_marker(text: str) -> tuple[str | None, str]:
    """Split a typed list number off a line: "a) Do this" -> ("a)", "Do this")."""
    m = TYPED_MARKER.match(text)
    if not m:
        return None, text
    return m.group("m"), text[m.end():]


def marker_kind(marker: str | None) -> str:
    """Classify a list marker: ``number``, ``letter``, ``roman``, ``bullet`` or ``""`` (none)."""
    if not marker:
        return ""
    core = marker.strip("().")
    if core.replace(".", "").isdigit():
        return "number"
    if _ROMAN.fullmatch(core) and core.lower() not in ("i", "v", "x"):
        return "roman"
    if len(core) == 1 and core.isalpha():
        return "letter"
    return "bullet"


def marker_depth(marker: str | None) -> int:
    """How deep a typed number is: "1." -> 0, "1.1" -> 1, "1.2.3" -> 2 (other markers: 0)."""
    if not marker:
        return 0
    core = marker.strip("().")
    return core.count(".") if core.replace(".", "").isdigit() else 0


def is_mark(text: str) -> bool:
    """A level-column cell holding only marks (ticks, crosses, boxes, x/y, yes/no)."""
    t = text.strip()
    if not t:
        return False
    return t.lower() in _POSITIVE_WORDS | _NEGATIVE_WORDS or all(c in _MARK_CHARS for c in t)


def is_positive_mark(text: str) -> bool:
    """A mark cell that selects its column's level (see the module docstring)."""
    t = text.strip()
    return t.lower() in _POSITIVE_WORDS or any(c in POSITIVE_MARKS for c in t)


# Invisible characters: controls, BOM, soft hyphen, zero-width characters and bidi embeddings,
# overrides and isolates (which can make text read differently from what it says).
_INVISIBLE = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f\ufeff\u200b-\u200f\u202a-\u202e\u2060-\u2069\u00ad]")


def strip_invisible(text: str) -> str:
    """``text`` without control, zero-width and bidi formatting characters (tab and newlines kept):
    what a reader drops from a document, and ``compare`` and ``export`` from a hand-edited spec."""
    return _INVISIBLE.sub("", text) if _INVISIBLE.search(text) else text
