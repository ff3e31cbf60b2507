from __future__ import annotations

from jobspec.extract.rules.base import REVIEW, Context, Rule
from jobspec.extract.rules.subjects import ReviewStep


class ReviewShortItems(Rule):
    """Most duties (or most criteria) are under four words: headings or fragments read as items.

    Limits: ``review_min_items`` items at least, ``review_short_words`` words, more than half of
    them.
    """

    code = "R06"
    name = "review.short-items"
    stage = REVIEW

    @staticmethod
    def _short(texts: list[str], ctx: Context) -> bool:
        s = ctx.settings
        n = sum(1 for t in texts if len(t.split()) < s.review_short_words)
        return len(texts) >= s.review_min_items and n * 2 > len(texts)

    def match(self, step: ReviewStep, ctx: Context) -> bool:
        return (self._short([d.text for d in step.spec.duties], ctx)
                or self._short([c.text for c in step.spec.criteria], ctx))

    def apply(self, step: ReviewStep, ctx: Context) -> str:
        what = "duties" if self._short([d.text for d in step.spec.duties], ctx) else "criteria"
        return f"most {what} are only a word or three: headings or broken lines read as items?"
