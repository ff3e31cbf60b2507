from __future__ import annotations

from jobspec.extract.rules.base import DUTY, Context, Rule
from jobspec.extract.rules.subjects import EntryStep, Keep
from jobspec.extract.units import ITEM
from jobspec.extract.wording import UNKNOWN


class DutyItemsAfterDutyLeadIn(Rule):
    """Items after a lead-in that puts them on the post holder are duties, under any heading.

    Before: **Data and records**, ``All staff are expected to:``, ``• Keep personal data
    secure``.  After: a duty "Keep personal data secure" in section "Data and records", though
    the heading's words name no duties section. The lead-ins are the layout wording's
    ``phrases.duty_lead_in`` ("… will:", "… must:", "… are expected to:"); "… will have:" leads
    into criteria, not duties.
    """

    code = "D10"
    name = "duty.items-after-duty-lead-in"
    stage = DUTY

    def match(self, e: EntryStep, ctx: Context) -> bool:
        g = e.group
        return e.unit.kind == ITEM and g is not None and g.kind == UNKNOWN and g.duty_lead_in

    def apply(self, e: EntryStep, ctx: Context) -> Keep:
        return Keep()
