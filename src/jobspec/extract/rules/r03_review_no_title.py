from __future__ import annotations

from jobspec.extract.rules.base import REVIEW, Context, Rule
from jobspec.extract.rules.subjects import ReviewStep


class ReviewNoTitle(Rule):
    """No job title was found: the details block or the title line was not read.

    Almost every job description and person specification names the post; when none is found,
    the top of the document was probably misread too.
    """

    code = "R03"
    name = "review.no-title"
    stage = REVIEW

    def match(self, step: ReviewStep, ctx: Context) -> bool:
        return not step.spec.post.title and bool(step.spec.duties or step.spec.criteria)

    def apply(self, step: ReviewStep, ctx: Context) -> str:
        return "no job title found"
