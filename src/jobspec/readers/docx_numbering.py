"""List numbering for DOCX: markers and levels from numbering.xml, which python-docx does not expose."""

from __future__ import annotations

from dataclasses import dataclass, field

from jobspec.glyphs import PUA_BULLETS
from jobspec.readers.limits import MAX_LIST_VALUE, MAX_MARKER_CHARS, check

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"



@dataclass(slots=True)
class _Level:
    fmt: str = "decimal"
    text: str = "%1."
    start: int = 1


@dataclass(slots=True)
class _Num:
    abstract_id: str
    start_overrides: dict[int, int] = field(default_factory=dict)


def _roman(n: int) -> str:
    vals = [(1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
            (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]
    out = []
    for v, s in vals:
        while n >= v:
            out.append(s)
            n -= v
    return "".join(out)


def _letters(n: int) -> str:
    # a..z, then aa, bb, ... as Word does
    n = max(n, 1)
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def format_number(n: int, fmt: str) -> str:
    """Format ``n`` in a Word numFmt (decimal, lowerLetter, upperRoman, ...)."""
    if fmt == "lowerLetter":
        return _letters(n)
    if fmt == "upperLetter":
        return _letters(n).upper()
    if fmt == "lowerRoman":
        return _roman(n)
    if fmt == "upperRoman":
        return _roman(n).upper()
    if fmt == "decimalZero":
        return f"{n:02d}"
    return str(n)


class Numbering:
    """Computes list markers paragraph by paragraph, keeping Word's counters."""

    def __init__(self, numbering_root) -> None:  # lxml element or None
        self._abstract: dict[str, dict[int, _Level]] = {}
        self._nums: dict[str, _Num] = {}
        self._counters: dict[str, list[int]] = {}
        if numbering_root is None:
            return
        for an in numbering_root.iter(W + "abstractNum"):
            levels: dict[int, _Level] = {}
            for lvl in an.iter(W + "lvl"):
                ilvl = parse_int(lvl.get(W + "ilvl"), 0)
                lv = _Level()
                el = lvl.find(W + "numFmt")
                if el is not None:
                    lv.fmt = el.get(W + "val", "decimal")
                el = lvl.find(W + "lvlText")
                if el is not None:
                    lv.text = el.get(W + "val", "")
                    if len(lv.text) > MAX_MARKER_CHARS:
                        check(len(lv.text), MAX_MARKER_CHARS, "a list numbering pattern (w:lvlText) has {n} characters")
                el = lvl.find(W + "start")
                if el is not None:
                    lv.start = parse_int(el.get(W + "val"), 1)
                levels[ilvl] = lv
            self._abstract[an.get(W + "abstractNumId", "")] = levels
        for num in numbering_root.iter(W + "num"):
            aid = num.find(W + "abstractNumId")
            if aid is None:
                continue
            n = _Num(aid.get(W + "val", ""))
            for ov in num.iter(W + "lvlOverride"):
                so = ov.find(W + "startOverride")
                if so is not None:
                    n.start_overrides[parse_int(ov.get(W + "ilvl"), 0)] = parse_int(so.get(W + "val"), 1)
            self._nums[num.get(W + "numId", "")] = n

    def marker(self, num_id: str, ilvl: int) -> tuple[str, bool] | None:
        """Advance the counter for (num_id, ilvl); return (marker text, ordered) or None."""
        num = self._nums.get(num_id)
        if num is None or num_id == "0":
            return None
        levels = self._abstract.get(num.abstract_id, {})
        lv = levels.get(ilvl) or _Level(fmt="bullet", text="•")
        if lv.fmt in ("bullet", "none"):
            glyph = lv.text.strip()
            return (PUA_BULLETS.get(glyph, glyph or "•") if lv.fmt == "bullet" else ""), False
        counters = self._counters.setdefault(num_id, [0] * 9)
        ilvl = min(max(ilvl, 0), 8)
        start = num.start_overrides.get(ilvl, lv.start)
        counters[ilvl] = start if counters[ilvl] == 0 else counters[ilvl] + 1
        for deeper in range(ilvl + 1, 9):
            counters[deeper] = 0
        text = lv.text
        for k in range(ilvl + 1):
            klv = levels.get(k) or _Level()
            value = counters[k] or num.start_overrides.get(k, klv.start)
            if f"%{k + 1}" in text:
                check(value, MAX_LIST_VALUE, "a list is numbered up to {n}")
                text = text.replace(f"%{k + 1}", format_number(value, klv.fmt))
        check(len(text), MAX_MARKER_CHARS, "a list marker has {n} characters")
        return text.strip(), True


def parse_int(v: str | None, default: int) -> int:
    """An integer attribute of Word XML; ``default`` when it is missing or not a number."""
    try:
        return int(v) if v is not None else default
    except ValueError:
        return default
