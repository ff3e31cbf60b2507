from __future__ import annotations

import re

from jobspec.extract.rules.base import POST, Context, Rule
from jobspec.extract.rules.subjects import PostStep
from jobspec.extract.text import clean

_NAMED_GRADE = re.compile(r"^(?:Grade|Band|Scale|Level)\s+\w{1,4}(?:\s*[-–]\s*\w{1,4})?$", re.I)
_CODE = re.compile(r"^[A-Z]{1,3}\s?\d{1,2}[a-z]?$")


class PostStandaloneGrade(Rule):
    """With no grade field, a grade on a line of its own at the top: ``Grade 4``, ``Band 6``, or a code under the title.

    Before: ``Senior Content Designer – Job description`` then a line ``G7`` (or ``B8a``).
    After: grade "G7". A bare code counts only on the line right after the title line; a
    "Grade/Band/Scale/Level …" line anywhere in the first ``grade_search_units`` units.
    """

    code = "F07"
    name = "post.standalone-grade"
    stage = POST

    def match(self, p: PostStep, ctx: Context) -> bool:
        return p.post.grade is None and self._find(p, ctx) is not None

    def apply(self, p: PostStep, ctx: Context) -> tuple[str, str | None]:
        p.post.grade = self._find(p, ctx)
        return "grade", p.post.grade

    def _find(self, p: PostStep, ctx: Context) -> str | None:
        for i, u in enumerate(p.top[: ctx.settings.grade_search_units]):
            t = clean(u.text)
            if _NAMED_GRADE.fullmatch(t):
                return t
            if p.title_at is not None and i == p.title_at + 1 and _CODE.fullmatch(t):
                return t
        return None
