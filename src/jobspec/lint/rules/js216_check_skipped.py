from __future__ import annotations

from collections.abc import Iterator

from jobspec.lint.rules.base import Hit, Rule, SpecView
from jobspec.lint.rules.similarity import MAX_FUZZY_ITEMS


class CheckSkipped(Rule):
    """A check was skipped: the list is too long for it.

    The near-duplicate rules (JS202, JS204) compare every pair of items, so they run only on lists
    of at most 2,000 items (real specs have well under a hundred); exact duplicates (JS201, JS203)
    are still checked. A spec this long is almost always a mistake: a document parsed as one
    enormous list, or items pasted many times.

    Fix: check how the spec was made; split it if it really is several posts.
    """

    code = "JS216"
    name = "lint.check-skipped"
    severity = "info"

    def check(self, spec: SpecView) -> Iterator[Hit]:
        for key, rule in (("duties", "JS202"), ("criteria", "JS204")):
            n = sum(1 for _ in spec.items(key))
            if n > MAX_FUZZY_ITEMS:
                yield Hit((key,), f"near-duplicate check ({rule}) skipped: {n:,} {key} is over its limit of "
                          f"{MAX_FUZZY_ITEMS:,} (exact duplicates are still checked)")
