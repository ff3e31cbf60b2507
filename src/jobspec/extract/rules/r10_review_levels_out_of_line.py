from __future__ import annotations

from jobspec.extract.rules.base import REVIEW, Context, Rule
from jobspec.extract.rules.review_common import some
from jobspec.extract.rules.subjects import ReviewStep


class ReviewLevelsOutOfLine(Rule):
    """A person-specification row whose Essential/Desirable letters do not pair one to one with its criteria.

    Before: a cell of three requirements beside a level cell of two letters (``E``, ``D``).
    After: the levels are paired in order, as read, and a ``review:`` warning names the row:
    "levels that do not line up with their criteria (table 1, row 2: 3 criteria, 2 levels)".
    """

    code = "R10"
    name = "review.levels-out-of-line"
    stage = REVIEW

    def match(self, step: ReviewStep, ctx: Context) -> bool:
        return bool(step.misaligned)

    def apply(self, step: ReviewStep, ctx: Context) -> str:
        rows = [f"{where}: {n} criteria, {k} levels" for where, n, k in step.misaligned]
        return f"levels that do not line up with their criteria ({some(rows, ctx.settings.review_examples, quoted=False, sep='; ')})"
