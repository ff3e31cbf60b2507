from __future__ import annotations

from collections.abc import Iterator

from jobspec.lint.rules.base import Hit, Rule, SpecView


class HoursTermTimeWithoutWeeks(Rule):
    """A term-time-only post does not say how many weeks a year it is.

    `post.hours.term_time_only` is true but `weeks_per_year` is empty. Pay for a term-time post is
    the full-time salary scaled by hours *and* paid weeks (for example 39 weeks: 38 term weeks plus
    INSET days, plus holiday pay, often expressed as 42.6 or so paid weeks), so without the weeks
    nobody can work out or compare the pay.

    Fix: add `weeks_per_year` from the document; if the document does not say, ask the school.
    """

    code = "JS212"
    name = "hours.term-time-without-weeks"
    severity = "warning"

    def check(self, spec: SpecView) -> Iterator[Hit]:
        h = spec.hours
        if h and h.get("term_time_only") is True and h.get("weeks_per_year") is None:
            yield Hit(("post", "hours", "term_time_only"),
                      "term-time-only post with no weeks_per_year: say how many weeks a year (e.g. 39)")
