from __future__ import annotations

from jobspec.extract.rules.base import REVIEW, Context, Rule
from jobspec.extract.rules.subjects import ReviewStep


class ReviewPersonSpecTableWithoutCriteria(Rule):
    """A table read as a person specification that gave no criteria.

    Its header named Essential/Desirable (or its cells held ticks), but no row was read as a
    criterion: the columns were probably misread.
    """

    code = "R05"
    name = "review.person-spec-table-without-criteria"
    stage = REVIEW

    def match(self, step: ReviewStep, ctx: Context) -> bool:
        return any(n == 0 for _where, n in step.ps_tables)

    def apply(self, step: ReviewStep, ctx: Context) -> str:
        where = next(w for w, n in step.ps_tables if n == 0)
        return f"the person-specification table at {where} gave no criteria"
