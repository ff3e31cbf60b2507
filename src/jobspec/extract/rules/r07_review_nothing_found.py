from __future__ import annotations

from jobspec.extract.rules.base import REVIEW, Context, Rule
from jobspec.extract.rules.subjects import ReviewStep


class ReviewNothingFound(Rule):
    """Neither duties nor criteria: not a job description, or a layout none of the rules reads."""

    code = "R07"
    name = "review.nothing-found"
    stage = REVIEW

    def match(self, step: ReviewStep, ctx: Context) -> bool:
        return not step.spec.duties and not step.spec.criteria

    def apply(self, step: ReviewStep, ctx: Context) -> str:
        return "no duties or criteria found: is this a job description or person specification?"
