from __future__ import annotations

from jobspec.extract.rules.base import REVIEW, Context, Rule
from jobspec.extract.rules.subjects import ReviewStep


class ReviewPersonSpecTableWithoutCriteria(Rule):
    """A table read as a person specification that gave no criteria.

    Its header named Essential/Desirable (or its cells held ticks), but no row was read as a
    criterion: the columns were probably misread. A header row split off its rows (a category line
    between them, in a text export) is no such table when a table after it gave criteria.
    """

    code = "R05"
    name = "review.person-spec-table-without-criteria"
    stage = REVIEW

    def match(self, step: ReviewStep, ctx: Context) -> bool:
        return bool(_empty(step))

    def apply(self, step: ReviewStep, ctx: Context) -> str:
        return f"the person-specification table at {_empty(step)[0]} gave no criteria"


def _empty(step: ReviewStep) -> list[str]:
    """Tables that gave no criteria, but a header row split off the rows below it (one row, and a
    table after it gave criteria)."""
    tables = step.ps_tables
    return [where for k, (where, _group, n, rows) in enumerate(tables)
            if n == 0 and not (rows == 1 and any(m > 0 for _w, _g, m, _r in tables[k + 1:]))]
