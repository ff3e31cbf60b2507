from __future__ import annotations

from typing import Any

from jobspec.lint.rules.base import label
from jobspec.lint.rules.similarity import DuplicateRule, Match


class CriteriaEssentialAndDesirable(DuplicateRule):
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
    key = "criteria"
    same_level = False
    field = "level"

    def message(self, m: Match, later: dict[str, Any], earlier: dict[str, Any], line: int) -> str:
        how = "the same text" if m.exact else f"{m.score:.0f}% alike"
        return (f"criterion {label(later, 'criteria', m.later)} is {later.get('level')} but "
                f"{label(earlier, 'criteria', m.earlier)} (line {line}) is {earlier.get('level')} with {how}")
