"""Exact and fuzzy (rapidfuzz) matching of duty and criterion texts, shared by the duplicate rules."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, ClassVar, NamedTuple

from rapidfuzz import fuzz, process

from jobspec.lint.rules.base import Hit, Rule, SpecView, label, normalise

#: rapidfuzz ``fuzz.ratio`` (0-100) at or above which two texts count as near-duplicates.
NEAR = 90.0
#: Lists longer than this are only checked for exact duplicates (fuzzy matching compares every pair;
#: real specs have well under a hundred duties).
MAX_FUZZY_ITEMS = 2000
_OTHER = {"essential": "desirable", "desirable": "essential"}


class Match(NamedTuple):
    later: int  # index in the list of the item reported
    earlier: int  # index of the item it repeats
    exact: bool
    score: float


def matches(spec: SpecView, key: str, *, same_level: bool | None = None) -> list[Match]:
    """For each item of ``spec[key]``, the first earlier item it repeats exactly, else the most similar
    earlier item at or above :data:`NEAR`. ``same_level`` (criteria) keeps only pairs whose ``level``
    is equal (True) or is the other of essential / desirable (False). Computed once per spec."""
    memo_key = ("matches", key, same_level)
    if memo_key not in spec.memo:
        spec.memo[memo_key] = _matches(spec, key, same_level)
    return spec.memo[memo_key]


def _matches(spec: SpecView, key: str, same_level: bool | None) -> list[Match]:
    items = []
    for i, it in spec.items(key):
        text = normalise(it["text"]) if isinstance(it.get("text"), str) else ""
        if text:
            level = it.get("level") if same_level is not None else None
            items.append((i, text, level if isinstance(level, str) else None))
    fuzzy = len(items) <= MAX_FUZZY_ITEMS
    first: dict[tuple[str, str | None], int] = {}  # (text, level) -> index of its first item
    seen_texts: dict[str | None, list[str]] = {}  # level -> texts of the items so far, in order
    seen_index: dict[str | None, list[int]] = {}  # level -> their indexes
    out = []
    for idx, text, level in items:
        want = level if same_level is not False else _OTHER.get(level or "")
        best = None
        if same_level is not False or want is not None:
            if (text, want) in first:
                best = Match(idx, first[(text, want)], True, 100.0)
            elif fuzzy and seen_texts.get(want):
                hits = process.extract(text, seen_texts[want], scorer=fuzz.ratio, score_cutoff=NEAR, limit=None)
                if hits:
                    _, score, pos = max(hits, key=lambda h: (h[1], -h[2]))
                    best = Match(idx, seen_index[want][pos], False, float(score))
        first.setdefault((text, level), idx)
        seen_texts.setdefault(level, []).append(text)
        seen_index.setdefault(level, []).append(idx)
        if best:
            out.append(best)
    return out


class DuplicateRule(Rule):
    """Base of the rules that report an item of ``duties`` or ``criteria`` repeating an earlier one
    (see :func:`matches`). Each rule states its list, the noun for its items, which matches it reports
    and, if not the text, the field a hit points at."""

    key: ClassVar[str]  # the list: "duties" or "criteria"
    noun: ClassVar[str]  # an item of it in a message: "duty", "criterion"
    exact: ClassVar[bool | None] = None  # report only exact (True) or only near (False) matches; None: both
    same_level: ClassVar[bool | None] = None  # as for :func:`matches`
    field: ClassVar[str] = "text"

    def check(self, spec: SpecView) -> Iterator[Hit]:
        items = dict(spec.items(self.key))
        for m in matches(spec, self.key, same_level=self.same_level):
            if self.exact is None or m.exact == self.exact:
                yield Hit((self.key, m.later, self.field),
                          self.message(m, items[m.later], items[m.earlier], spec.line_of((self.key, m.earlier))))

    def message(self, m: Match, later: dict[str, Any], earlier: dict[str, Any], line: int) -> str:
        """``line`` is the earlier item's line."""
        first = label(earlier, self.key, m.earlier)
        what = (f"repeats {first} (line {line}) word for word" if m.exact else
                f"is nearly the same as {first} (line {line}, {m.score:.0f}% alike; threshold {NEAR:.0f}%)")
        return f"{self.noun} {label(later, self.key, m.later)} {what}"
