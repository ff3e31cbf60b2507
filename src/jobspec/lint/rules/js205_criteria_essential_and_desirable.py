from __future__ import annotations

from collections.abc import Iterator

from jobspec.lint.rules.base import Hit, Rule, SpecView, label
from jobspec.lint.rules.similarity import matches


class CriteriaEssentialAndDesirable(Rule):
    """The same criterion is listed as both essential and desirable.

    A criterion cannot be both: a candidate who lacks it is either out (essential) or not
    (desirable). Reported when an `essential` and a `desirable` criterion have the same text, or texts
    at least 90% alike, with case, punctuation and spacing ignored. This usually comes from a table
    whose Essential and Desirable columns were both ticked, or a criterion pasted into both lists.

    Fix: keep it at the level the post really needs and delete the other.
    """

    code = "JS205"
    name = "criteria.essential-and-desirable"
    severity = "error"

    def check(self, spec: SpecView) -> Iterator[Hit]:
        items = dict(spec.items("criteria"))
        for m in matches(spec, "criteria", same_level=False):
            later, earlier = items[m.later], items[m.earlier]
            how = "the same text" if m.exact else f"{m.score:.0f}% alike"
            yield Hit(("criteria", m.later, "level"),
                      f"criterion {label(later, 'criteria', m.later)} is {later.get('level')} but "
                      f"{label(earlier, 'criteria', m.earlier)} (line {spec.line_of(('criteria', m.earlier))}) "
                      f"is {earlier.get('level')} with {how}")
