from __future__ import annotations

from jobspec.extract.rules.base import PAY, Context, Rule
from jobspec.extract.rules.subjects import PostStep
from jobspec.extract.values import grade_in_salary


class PostGradeInPayLine(Rule):
    """A grade written at the start of a pay line is the grade, unless a grade field came before it.

    Before: ``Salary: Band D SCP 9–17 £26,409 – £28,598 per annum``.  After: grade "Band D SCP
    9–17", salary £26,409–£28,598 a year.
    """

    code = "F08"
    name = "post.grade-in-pay-line"
    stage = PAY

    def match(self, p: PostStep, ctx: Context) -> bool:
        return p.post.grade is None and p.salary_text is not None and grade_in_salary(p.salary_text) is not None

    def apply(self, p: PostStep, ctx: Context) -> tuple[str, str | None]:
        p.post.grade = grade_in_salary(p.salary_text or "")
        return "grade", p.post.grade
