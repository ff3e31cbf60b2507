from __future__ import annotations

from jobspec.lint.rules.similarity import DuplicateRule


class CriteriaNearDuplicate(DuplicateRule):
    """Two criteria at the same level are nearly the same.

    Two entries in `criteria` with the same `level` are at least 90% alike (rapidfuzz `fuzz.ratio`
    with case, punctuation and spacing ignored) without being identical. The later one is reported,
    naming the earlier.

    Fix: merge them, or reword one so the difference is clear.
    """

    code = "JS204"
    name = "criteria.near-duplicate"
    severity = "warning"
    key = "criteria"
    noun = "criterion"
    exact = False
    same_level = True
