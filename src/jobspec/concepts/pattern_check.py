"""Vet a vocabulary's regular expressions: refuse the shapes that make a search take exponential time.

Python's ``re`` backtracks: a repeat inside a repeat (``(\\w+\\s?)+$``, ``(a*)*``) can try every way
of splitting a text between the two before failing, so one duty of forty characters can take
hours. Such a pattern is refused when the vocabulary is loaded. Possessive repeats and atomic
groups (which do not backtrack) are allowed.
"""

from __future__ import annotations

import re
from typing import Any

MAX_PATTERN_CHARS = 500

try:  # Python 3.11+
    from re import _constants as _c  # type: ignore[attr-defined]
    from re import _parser as _p  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - older Pythons
    import sre_constants as _c  # type: ignore[no-redef]
    import sre_parse as _p  # type: ignore[no-redef]

_REPEATS = {_c.MAX_REPEAT, _c.MIN_REPEAT}
_SAFE = {getattr(_c, "POSSESSIVE_REPEAT", None), getattr(_c, "ATOMIC_GROUP", None)} - {None}


def backtracking_problem(pattern: str) -> str | None:
    """Why ``pattern`` may take exponential time, or None when it is safe to run on any text."""
    if len(pattern) > MAX_PATTERN_CHARS:
        return f"longer than {MAX_PATTERN_CHARS} characters"
    try:
        parsed = _p.parse(pattern)
    except (re.error, RecursionError):
        return None  # re.compile reports it
    return "a repeat inside a repeat (like (a+)+) can take exponential time" if _nested(parsed, False) else None


def _nested(items: Any, in_repeat: bool) -> bool:
    for op, av in items:
        if op in _SAFE:
            continue
        if op in _REPEATS:
            lo, hi, sub = av
            many = hi is _c.MAXREPEAT or hi > 1
            if many and in_repeat and (lo != hi or _varies(sub)):
                return True
            if _nested(sub, in_repeat or hi is _c.MAXREPEAT or hi > 10):  # {0,3} around a repeat stays polynomial
                return True
        elif op is _c.SUBPATTERN:
            if _nested(av[-1], in_repeat):
                return True
        elif op is _c.BRANCH:
            if any(_nested(b, in_repeat) for b in av[1]):
                return True
        elif op in (_c.ASSERT, _c.ASSERT_NOT) and _nested(av[1], in_repeat):
            return True
    return False


def _varies(sub: Any) -> bool:
    """Whether ``sub`` can match text of more than one length (a fixed ``\\d{2}`` inside ``(...)+`` is fine)."""
    lo, hi = sub.getwidth()
    return lo != hi
