from __future__ import annotations

from collections.abc import Iterator

from jobspec.lint.rules.base import Hit, Rule, SpecView, number


class SalaryTermTimeFteOnly(Rule):
    """A term-time-only post states only the full-time-equivalent salary.

    `post.hours.term_time_only` is true and the salary has no `actual_min` / `actual_max` (and is
    not itself given as actual pay). For NJC ("Green Book") support staff the advertised FTE salary
    is pro-rated for hours and paid weeks, so a term-time post on £25,000 FTE might pay under
    £20,000; UK practice is to state the actual salary as well, so applicants know what they would
    be paid.

    Fix: add the actual salary to the advert / job description, then parse it again (or fill in
    `actual_min` and `actual_max`).
    """

    code = "JS215"
    name = "salary.term-time-fte-only"
    severity = "warning"

    def check(self, spec: SpecView) -> Iterator[Hit]:
        h, s = spec.hours, spec.salary
        if not h or h.get("term_time_only") is not True or s is None or s.get("basis") == "actual":
            return
        if number(s.get("min")) is None and number(s.get("max")) is None:
            return
        if number(s.get("actual_min")) is None and number(s.get("actual_max")) is None:
            yield Hit(("post", "salary"), "term-time-only post states only the full-time-equivalent salary: "
                      "state the actual pay too")
