from __future__ import annotations

from jobspec.extract.rules.base import DUTY, Context, Rule
from jobspec.extract.rules.duty_common import closes_list
from jobspec.extract.rules.subjects import Drop, EntryStep
from jobspec.extract.units import PARA


class DutyPolicyStatementIsNotADuty(Rule):
    """A paragraph stating the employer's own policy or commitment is not a duty.

    Before: under a "No Smoking" sub-heading of the general duties, ``The school operates a
    no-smoking policy on all its sites.`` or ``The Trust is committed to equality of
    opportunity.``  After: dropped. The phrases are the layout wording's ``phrases.policy_statement``;
    list items are left alone (a bullet is an instruction to the post holder).
    """

    code = "D09"
    name = "duty.policy-statement-is-not-a-duty"
    stage = DUTY

    def match(self, e: EntryStep, ctx: Context) -> bool:
        return e.unit.kind == PARA and bool(ctx.wording.policy_statement.search(e.unit.text))

    def apply(self, e: EntryStep, ctx: Context) -> Drop:
        return Drop(closes=closes_list(e, ctx))
