from __future__ import annotations

from collections.abc import Iterator

from jobspec.lint.rules.base import Hit, Rule, SpecView, number


class HoursOver48(Rule):
    """More than 48 working hours a week.

    `post.hours.per_week` is over 48, the weekly average the Working Time Regulations 1998 allow
    unless the worker opts out. School support posts are usually 37 hours or fewer, so a larger
    figure is nearly always a misread (hours per fortnight, a total for several posts, a stray digit).

    Fix: correct `per_week` from the source document.
    """

    code = "JS211"
    name = "hours.over-48"
    severity = "warning"

    def check(self, spec: SpecView) -> Iterator[Hit]:
        h = spec.hours
        per_week = number(h.get("per_week")) if h else None
        if per_week is not None and per_week > 48:
            yield Hit(("post", "hours", "per_week"), f"{per_week:g} hours a week is over the 48-hour "
                      "Working Time Regulations average")
