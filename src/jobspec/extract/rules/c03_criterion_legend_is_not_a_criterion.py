from __future__ import annotations

import re

from jobspec.extract.rules.base import CRITERION, Context, Rule
from jobspec.extract.rules.subjects import Drop, EntryStep

_LEGEND = re.compile(r"(\b[A-Z]{1,2}\s*[=:–-]\s*[A-Z]?[a-z]+.*){2,}|(\(\s*[A-Z]{1,2}\s*\)\s*[A-Z]?[a-z]+.*){2,}")


class CriterionLegendIsNotACriterion(Rule):
    """A key to the assessment letters is not a criterion.

    Before: ``Key: A = Application form, I = Interview, R = References`` or ``Key to methods: (A)
    Application (I) Interview`` under the table or list.  After: dropped.
    """

    code = "C03"
    name = "criterion.legend-is-not-a-criterion"
    stage = CRITERION

    def match(self, e: EntryStep, ctx: Context) -> bool:
        return bool(_LEGEND.search(e.unit.text))

    def apply(self, e: EntryStep, ctx: Context) -> Drop:
        return Drop()
