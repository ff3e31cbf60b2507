from __future__ import annotations

from jobspec.extract.rules.base import CRITERION, Context, Rule
from jobspec.extract.rules.subjects import Drop, EntryStep


class CriterionStatementIsNotACriterion(Rule):
    """The employer's own statements (safeguarding commitment, equal opportunities) are not criteria.

    Before: ``The school is committed to safeguarding and promoting the welfare of children.``
    at the end of a person specification.  After: dropped (the spec's ``statements`` record it).
    """

    code = "C04"
    name = "criterion.statement-is-not-a-criterion"
    stage = CRITERION

    def match(self, e: EntryStep, ctx: Context) -> bool:
        return bool(ctx.wording.employer_statement.search(e.unit.text))

    def apply(self, e: EntryStep, ctx: Context) -> Drop:
        return Drop()
