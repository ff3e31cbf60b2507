from __future__ import annotations

from jobspec.extract.rules.base import DUTY, Context, Rule
from jobspec.extract.rules.subjects import EntryStep, Keep
from jobspec.extract.units import ITEM
from jobspec.extract.wording import DUTIES


class DutyListItem(Rule):
    """Every list item in a duties section is a duty (bulleted, numbered, lettered or typed)."""

    code = "D03"
    name = "duty.list-item"
    stage = DUTY

    def match(self, e: EntryStep, ctx: Context) -> bool:
        return e.unit.kind == ITEM and e.group is not None and e.group.kind == DUTIES

    def apply(self, e: EntryStep, ctx: Context) -> Keep:
        return Keep()
