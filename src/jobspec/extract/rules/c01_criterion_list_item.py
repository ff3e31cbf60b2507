from __future__ import annotations

from jobspec.extract.rules.base import CRITERION, Context, Rule
from jobspec.extract.rules.subjects import EntryStep, Keep
from jobspec.extract.units import ITEM


class CriterionListItem(Rule):
    """A list item in a person-specification section (outside tables) is a criterion.

    Level and category come from the headings above it (S03, S04, S06) or its own trailing
    markers (PS09, PS10).
    """

    code = "C01"
    name = "criterion.list-item"
    stage = CRITERION

    def match(self, e: EntryStep, ctx: Context) -> bool:
        return e.unit.kind == ITEM

    def apply(self, e: EntryStep, ctx: Context) -> Keep:
        return Keep()
