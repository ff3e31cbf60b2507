from __future__ import annotations

from jobspec.extract.rules.base import REVIEW, Context, Rule
from jobspec.extract.rules.post_common import org_name
from jobspec.extract.rules.review_common import some
from jobspec.extract.rules.subjects import ReviewStep
from jobspec.extract.text import ends_sentence


def odd_labels(step: ReviewStep, ctx: Context) -> list[str]:
    org = org_name(ctx.wording, ctx.settings)
    labels = dict.fromkeys(c.category_label for c in step.spec.criteria if c.category_label)
    return [x for x in labels if len(x.split()) > ctx.settings.category_heading_max_words or ends_sentence(x)
            or org.fullmatch(x)]


class ReviewCategoryLabelIsNotACategory(Rule):
    """Criteria whose category label reads like a sentence or a school name.

    The wording of a requirement landed in the category column (a table read with the wrong
    columns), or the school's name heads the criteria.
    """

    code = "R02"
    name = "review.category-label-is-not-a-category"
    stage = REVIEW

    def match(self, step: ReviewStep, ctx: Context) -> bool:
        return bool(odd_labels(step, ctx))

    def apply(self, step: ReviewStep, ctx: Context) -> str:
        return f"category labels that read like text, not a category: {some(odd_labels(step, ctx), ctx.settings.review_examples)}"
