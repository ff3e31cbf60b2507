"""Small text helpers shared by the layout rules: cleaning, labels, sentence and heading shape."""

from __future__ import annotations

import re
from functools import lru_cache

from jobspec.extract.settings import ExtractSettings
from jobspec.extract.wording import Wording
from jobspec.glyphs import split_typed_marker

_SPACES = re.compile(r"\s+")
_WORD = re.compile(r"[A-Za-z][A-Za-z'’\-]*")
_LEADING_NUMBER = re.compile(r"^\d{1,2}\s+(?=[A-Za-z])")


@lru_cache(maxsize=8192)
def clean(text: str) -> str:
    """Collapse whitespace and trim; keep the document's own wording and punctuation (remembered:
    every rule of a stage cleans the same block's text)."""
    return _SPACES.sub(" ", text.replace("\u00a0", " ")).strip()


def heading_label(text: str) -> str:
    """A heading as a label: leading numbering, trailing colon and extra spaces removed."""
    t = clean(text)
    _, t = split_typed_marker(t)
    t = _LEADING_NUMBER.sub("", t)
    return t.strip().rstrip(":").strip()


def words(text: str) -> list[str]:
    return _WORD.findall(text)


def is_title_case(text: str, wording: Wording) -> bool:
    """True when every content word starts with a capital (small words may be lower case)."""
    ws = words(text)
    if not ws:
        return False
    return all(w[0].isupper() or w.lower() in wording.small_words for w in ws)


def is_capitals(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def ends_sentence(text: str) -> bool:
    return text.rstrip().endswith((".", "!", "?", ".”", ".'", '."', ";"))


def is_lead_in(text: str) -> bool:
    """A line that introduces a list rather than stating an item ("The post holder will:")."""
    t = text.rstrip()
    return t.endswith((":", "…", "...", ":-", "–", " -"))


def introduces_list(text: str, wording: Wording) -> bool:
    """A colon-ended sentence that leads into a list ("All staff are expected to:"), not a heading."""
    t = clean(text)
    return t.endswith(":") and bool(wording.lead_in_end.search(t) or wording.lead_in_words.search(t))


def short_line(text: str, s: ExtractSettings) -> bool:
    """Short enough to be a heading: few characters and words, no sentence ending."""
    t = clean(text)
    if not t or len(t) > s.heading_max_chars:
        return False
    n = len(words(t))
    return 0 < n <= s.heading_max_words and not t.endswith((".", ";", ",", "!", "?"))
