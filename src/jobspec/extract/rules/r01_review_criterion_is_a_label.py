from __future__ import annotations

import re

from jobspec.extract.rules.base import REVIEW, Context, Rule
from jobspec.extract.rules.c06_criterion_column_header_is_not_a_criterion import COLUMN_HEADER
from jobspec.extract.rules.post_common import org_name
from jobspec.extract.rules.review_common import some
from jobspec.extract.rules.subjects import ReviewStep

_METHOD_WORDS = frozenset({"application", "form", "interview", "references", "reference", "certificate", "certificates",
                           "assessment", "test", "task", "observation", "presentation", "cv", "letter", "supporting",
                           "statement", "and", "or", "/", "&", "+", "by"})
_LABELISH = re.compile(r"^(?:[A-Za-z]|" + COLUMN_HEADER.pattern[len("^(?:"):], re.I)


def label_texts(step: ReviewStep, ctx: Context) -> list[str]:
    org = org_name(ctx.wording, ctx.settings)
    out = []
    for c in step.spec.criteria:
        t = c.text.strip()
        ws = re.findall(r"[a-z]+|[/&+]", t.lower())
        method_only = bool(ws) and len(ws) <= ctx.settings.method_label_max_words and set(ws) <= _METHOD_WORDS
        if _LABELISH.match(t) or method_only or org.fullmatch(t):
            out.append(t)
    return out


class ReviewCriterionIsALabel(Rule):
    """Criteria that are a single letter, a level, an assessment method, a column header or a school name.

    These come from a table whose columns were misread (``D``, ``Essential``, ``Interview``,
    ``Assessed by``) or a title block read as a list ("Oakfield Primary School"). The spec gets a
    ``review:`` warning naming them.
    """

    code = "R01"
    name = "review.criterion-is-a-label"
    stage = REVIEW

    def match(self, step: ReviewStep, ctx: Context) -> bool:
        return bool(label_texts(step, ctx))

    def apply(self, step: ReviewStep, ctx: Context) -> str:
        texts = label_texts(step, ctx)
        return f"criteria that look like labels, not requirements: {some(texts, ctx.settings.review_examples)}"
