from __future__ import annotations

import re

from jobspec.extract.rules.base import REVIEW, Context, Rule
from jobspec.extract.rules.review_common import some
from jobspec.extract.rules.subjects import ReviewStep

_CUT = re.compile(r"(?:\b(?:and|or|of|the|to|in|with|for|a|an|by|as)|[,/&(–-])\s*$", re.I)
_LIST_JOIN = re.compile(r"[;,]\s*(?:and|or)\s*$", re.I)  # "…; and" closes a list item, it does not cut it
# a verb's particle after its object or a verb of signing in: "sign them in", "log in", "join in"
_PARTICLE = re.compile(r"\b(?:them|it|him|her|us|you|me|sign|log|join|fill|hand|check|drop|plug|phone|call)\s+in\s*$",
                       re.I)


def broken(step: ReviewStep) -> list[str]:
    return [x.text for x in (*step.spec.duties, *step.spec.criteria)
            if _CUT.search(x.text) and not _LIST_JOIN.search(x.text) and not _PARTICLE.search(x.text)]


class ReviewBrokenItems(Rule):
    """Items that stop mid-phrase ("Display warmth, care and", "Application /"): a line broken in two.

    A wrapped line read as two items, or a cell split across a page break, leaves one item ending
    with "and", "of", a comma or a slash. A verb's particle is no cut: "Greet visitors and sign
    them in", "Help pupils to log in".
    """

    code = "R08"
    name = "review.broken-items"
    stage = REVIEW

    def match(self, step: ReviewStep, ctx: Context) -> bool:
        return bool(broken(step))

    def apply(self, step: ReviewStep, ctx: Context) -> str:
        return f"items that stop mid-phrase (a line broken in two?): {some(broken(step), ctx.settings.review_examples)}"
