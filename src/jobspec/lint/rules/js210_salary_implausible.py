from __future__ import annotations

from collections.abc import Iterator

from jobspec.lint.rules.base import Hit, Rule, SpecView, money, number

#: Plausible full-time-equivalent pay per period (any currency jobspec knows: GBP, EUR, USD).
BOUNDS = {
    "year": (5_000, 250_000),
    "month": (400, 21_000),
    "week": (100, 5_000),
    "day": (20, 1_000),
    "hour": (5, 200),
}
_PER = {"year": "a year", "month": "a month", "week": "a week", "day": "a day", "hour": "an hour"}


class SalaryImplausible(Rule):
    """A salary figure is implausible for its period.

    The full-time-equivalent `min` and `max` must fall within a believable range for the stated
    `period`: a year 5,000 to 250,000, a month 400 to 21,000, a week 100 to 5,000, a day 20 to
    1,000, an hour 5 to 200. Actual (part-time, term-time) pay may be low, so `actual_min` and
    `actual_max` are checked only against the upper bound, and, when the salary is given as FTE, must
    not be above the FTE figures. Figures outside these ranges are almost always a misread: an
    hourly rate read as annual, a spine point read as pounds, a missing or extra digit.

    Fix: correct the figure or the `period` from the source document.
    """

    code = "JS210"
    name = "salary.implausible"
    severity = "warning"

    def check(self, spec: SpecView) -> Iterator[Hit]:
        s = spec.salary
        if s is None or not isinstance(s.get("period"), str) or s["period"] not in BOUNDS:
            return
        period, cur = s["period"], s.get("currency")
        lo, hi = BOUNDS[period]
        for key in ("min", "max", "actual_min", "actual_max"):
            v = number(s.get(key))
            if v is None:
                continue
            if v > hi:
                yield Hit(("post", "salary", key), f"salary {key} {money(v, cur)} {_PER[period]} is implausibly "
                          f"high (over {money(hi, cur)}): check the figure and the period")
            elif v < lo and not key.startswith("actual"):
                yield Hit(("post", "salary", key), f"salary {key} {money(v, cur)} {_PER[period]} is implausibly "
                          f"low (under {money(lo, cur)}): check the figure and the period")
        if s.get("basis") == "fte":
            for key, fte_key in (("actual_min", "min"), ("actual_max", "max")):
                a, f = number(s.get(key)), number(s.get(fte_key))
                if a is not None and f is not None and a > f:
                    yield Hit(("post", "salary", key), f"actual pay {money(a, cur)} is above the full-time "
                              f"equivalent {money(f, cur)}")
