from __future__ import annotations

import re

from jobspec.extract.rules.base import POST, Context, Rule
from jobspec.extract.rules.subjects import PostStep

_TRAILING_GRADE = re.compile(r"^(?P<title>.+?)\s+(?P<grade>(?:(?:Main|Upper|Leadership|Unqualified) (?:Pay )?(?:Scale|Range|Spine)"
                             r"|Grade|Band|Scale|NJC|SCP|MPS|UPS)\b[\w\s\-–/.]*)$")


class PostGradeInTitle(Rule):
    """A pay grade written after the job title on the title line belongs to the grade.

    Before: ``Job Title Class Teacher Main Pay Scale 1-6``.  After: title "Class Teacher", grade
    "Main Pay Scale 1-6" (when no grade is stated elsewhere first). "Level 3" stays in a title:
    it names the post, not its pay.
    """

    code = "F11"
    name = "post.grade-in-title"
    stage = POST

    def match(self, p: PostStep, ctx: Context) -> bool:
        return p.post.title is not None and _TRAILING_GRADE.match(p.post.title) is not None

    def apply(self, p: PostStep, ctx: Context) -> tuple[str, str | None]:
        m = _TRAILING_GRADE.match(p.post.title or "")
        assert m is not None
        p.post.title = m.group("title").strip(" -–,")
        p.post.grade = p.post.grade or m.group("grade").strip()
        return "grade", p.post.grade
