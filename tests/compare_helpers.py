"""Small specs for the compare tests, built in code (no corpus text)."""

from __future__ import annotations

from jobspec.spec.model import Criterion, Duty, Hours, Post, Salary, Source, Spec


def spec(duties: list[str] = (), criteria: list[tuple[str, str] | tuple[str, str, str] | str] = (), *,
         title: str = "Teaching Assistant", path: str = "a.docx", post: Post | None = None) -> Spec:
    """``criteria`` items: text, (text, level) or (text, level, category)."""
    s = Spec(source=Source(path=path, format="docx", sha256="0" * 64), post=post or Post(title=title))
    s.duties = [Duty(id=f"D{i:03d}", text=t, section="Main duties") for i, t in enumerate(duties, 1)]
    for i, c in enumerate(criteria, 1):
        text, level, category = (c, "essential", "other") if isinstance(c, str) else (tuple(c) + ("other",))[:3]
        s.criteria.append(Criterion(id=f"C{i:03d}", text=text, level=level, category=category))
    return s


def post(**kw) -> Post:
    salary = kw.pop("salary", None)
    hours = kw.pop("hours", None)
    p = Post(**kw)
    if salary:
        p.salary = Salary(**salary)
    if hours:
        p.hours = Hours(**hours)
    return p
