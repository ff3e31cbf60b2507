from __future__ import annotations

from collections.abc import Iterator

from jobspec.lint.rules.base import Hit, Rule, SpecView, label
from jobspec.lint.rules.similarity import NEAR, matches


class CriteriaNearDuplicate(Rule):
    """Two criteria at the same level are nearly the same.

    Two entries in `criteria` with the same `level` are at least 90% alike (rapidfuzz `fuzz.ratio`
    with case, punctuation and spacing ignored) without being identical. The later one is reported,
    naming the earlier.

    Fix: merge them, or reword one so the difference is clear.
    """

    code = "JS204"
    name = "criteria.near-duplicate"
    severity = "warning"

    def check(self, spec: SpecView) -> Iterator[Hit]:
        items = dict(spec.items("criteria"))
        for m in matches(spec, "criteria", same_level=True):
            if not m.exact:
                first = label(items[m.earlier], "criteria", m.earlier)
                yield Hit(("criteria", m.later, "text"),
                          f"criterion {label(items[m.later], 'criteria', m.later)} is nearly the same as "
                          f"{first} (line {spec.line_of(('criteria', m.earlier))}, {m.score:.0f}% alike; "
                          f"threshold {NEAR:.0f}%)")
