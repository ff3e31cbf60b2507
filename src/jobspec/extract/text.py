"""Small text helpers shared by the extractors: cleaning, typed markers, heading-likeness."""

from __future__ import annotations

import re

# Typed list markers at the start of a line: "1.", "1)", "(1)", "a)", "(b)", "iv.", "A."
_TYPED_MARKER = re.compile(
    r"^\s*(?P<m>\(?(?:\d{1,2}(?:\.\d{1,2})*|[a-zA-Z]|[ivxIVX]{1,4})[.)](?=\s)|\(\d{1,2}\)|\([a-zA-Z]\))\s+(?=\S)"
)
_BULLET = re.compile(r"^\s*[•·▪■●◦‣⁃\-–—*➢❖✓√o]\s+(?=\S)")
_LEVEL_WORDS = re.compile(r"\b(essential|desirable)\b", re.I)
_SMALL_WORDS = {"and", "or", "of", "the", "a", "an", "in", "on", "at", "to", "for", "with", "by", "from",
                "as", "&", "into", "per", "via", "its", "their", "our", "your", "within", "across"}


_SPACES = re.compile(r"\s+")


def clean(text: str) -> str:
    """Collapse whitespace and trim; keep the document's own wording and punctuation."""
    return _SPACES.sub(" ", text.replace("\u00a0", " ")).strip()


def split_typed_marker(text: str) -> tuple[str | None, str]:
    """Split a typed marker off a line: "a) Do this" -> ("a)", "Do this")."""
    m = _TYPED_MARKER.match(text)
    if not m:
        return None, text
    return m.group("m"), text[m.end():]


def strip_bullet(text: str) -> str:
    """Remove a leading bullet glyph typed into the text."""
    return _BULLET.sub("", text, count=1)


def marker_kind(marker: str | None) -> str:
    """Classify a marker: number, letter, roman, bullet or '' (none)."""
    if not marker:
        return ""
    core = marker.strip("().")
    if core.replace(".", "").isdigit():
        return "number"
    if re.fullmatch(r"[ivxIVX]{1,4}", core) and core.lower() not in ("i", "v", "x"):
        return "roman"
    if re.fullmatch(r"[a-zA-Z]", core):
        return "letter"
    return "bullet"


def heading_label(text: str) -> str:
    """A heading as a label: leading numbering, trailing colon and extra spaces removed."""
    t = clean(text)
    _, t = split_typed_marker(t)
    t = re.sub(r"^\d{1,2}\s+(?=[A-Za-z])", "", t)
    return t.strip().rstrip(":").strip()


def words(text: str) -> list[str]:
    return re.findall(r"[A-Za-z][A-Za-z'’\-]*", text)


def is_title_case(text: str) -> bool:
    """True when every content word starts with a capital (small words may be lower case)."""
    ws = words(text)
    if not ws:
        return False
    return all(w[0].isupper() or w.lower() in _SMALL_WORDS for w in ws)


def ends_sentence(text: str) -> bool:
    return text.rstrip().endswith((".", "!", "?", ".”", ".'", '."', ";"))


def is_lead_in(text: str) -> bool:
    """A line that introduces a list rather than stating an item ("The post holder will:")."""
    t = text.rstrip()
    return t.endswith((":", "…", "...", ":-", "–", " -"))


_LEADIN_END = re.compile(r"\b(to|will|shall|of|be|include|includes|including|following|are|is|should|must|can|may|"
                         r"for|in|with|by|as|that|who|has|have|need|needs|required|expected|e\.g|such as)\s*:$", re.I)
_LEADIN_WORDS = re.compile(r"\b(you|we|they|he|she|his|her|will|shall|must|should|expected|required|able to)\b", re.I)


def introduces_list(text: str) -> bool:
    """A colon-ended sentence that leads into a list ("All staff are expected to:"), not a heading."""
    t = clean(text)
    return t.endswith(":") and bool(_LEADIN_END.search(t) or _LEADIN_WORDS.search(t))


def heading_like(text: str, *, bold: bool = False) -> bool:
    """Could this short line be a heading rather than a sentence or an item?"""
    t = clean(text)
    if not t or len(t) > 90:
        return False
    n = len(words(t))
    if n == 0 or n > 10:
        return False
    if t.endswith((".", ";", ",", "!", "?")):
        return False
    if t.endswith(":"):
        return n <= 12 and not introduces_list(t)
    if bold:
        return True
    letters = [c for c in t if c.isalpha()]
    if letters and all(c.isupper() for c in letters) and n <= 8:
        return True
    return is_title_case(t) and n <= 7


def has_level_word(text: str) -> str | None:
    m = _LEVEL_WORDS.search(text)
    return m.group(1).lower() if m else None
