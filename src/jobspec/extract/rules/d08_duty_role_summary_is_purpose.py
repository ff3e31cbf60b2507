from __future__ import annotations

from jobspec.extract.rules.base import DUTY, Context, Rule
from jobspec.extract.rules.duty_common import closes_list
from jobspec.extract.rules.subjects import Drop, EntryStep
from jobspec.extract.units import PARA


class DutyRoleSummaryIsPurpose(Rule):
    """A paragraph saying who the post holder is responsible to is the job's purpose, not a duty.

    Before: under "Main duties", ``The post holder will be responsible to the Headteacher for the
    smooth running of the office.``  After: not a duty (PU02 takes its first sentence as purpose).
    """

    code = "D08"
    name = "duty.role-summary-is-purpose"
    stage = DUTY

    def match(self, e: EntryStep, ctx: Context) -> bool:
        return e.unit.kind == PARA and bool(ctx.wording.role_summary.search(e.unit.text))

    def apply(self, e: EntryStep, ctx: Context) -> Drop:
        return Drop(closes=closes_list(e, ctx))
