from __future__ import annotations

from collections.abc import Iterator

from jobspec.lint.rules.base import Hit, Rule, SpecView, money, number


class SalaryMinAboveMax(Rule):
    """The bottom of a salary range is above its top.

    `post.salary.min` is greater than `post.salary.max`, or `actual_min` is greater than
    `actual_max`. The range was written back to front or a figure was misread (a missing digit, a
    pay point taken for an amount).

    Fix: correct the figures from the source document.
    """

    code = "JS209"
    name = "salary.min-above-max"
    severity = "error"

    def check(self, spec: SpecView) -> Iterator[Hit]:
        s = spec.salary
        if s is None:
            return
        for lo_key, hi_key in (("min", "max"), ("actual_min", "actual_max")):
            lo, hi = number(s.get(lo_key)), number(s.get(hi_key))
            if lo is not None and hi is not None and lo > hi:
                cur = s.get("currency")
                yield Hit(("post", "salary", lo_key),
                          f"salary {lo_key} {money(lo, cur)} is above {hi_key} {money(hi, cur)}")
