from __future__ import annotations

from jobspec.extract.rules.base import DUTY, Context, Rule
from jobspec.extract.rules.subjects import EntryStep, Keep
from jobspec.extract.units import ITEM
from jobspec.extract.wording import UNKNOWN


class DutyItemsUnderNumberedHeadings(Rule):
    """Items under a numbered heading (S07) are duties even when the heading's words name nothing.

    Before: ``1. Departmental policy and resources`` then ``a) Manage the budget …``.  After: the
    lettered items are duties with section "Departmental policy and resources".
    """

    code = "D07"
    name = "duty.items-under-numbered-headings"
    stage = DUTY

    def match(self, e: EntryStep, ctx: Context) -> bool:
        g = e.group
        return e.unit.kind == ITEM and g is not None and g.kind == UNKNOWN and g.numbered

    def apply(self, e: EntryStep, ctx: Context) -> Keep:
        return Keep()
