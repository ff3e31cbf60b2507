"""Say when unsure: the review rules read the finished spec and what the walk saw."""

from __future__ import annotations

from collections import Counter

from jobspec.extract.rules import REVIEW, Context
from jobspec.extract.rules.subjects import ReviewStep
from jobspec.extract.units import TraceRecord
from jobspec.extract.walker import Walk
from jobspec.spec.model import Spec

PREFIX = "review: "


def review(spec: Spec, walk: Walk, taken_groups: list[int], ctx: Context) -> list[str]:
    """``review:`` warnings for a parse that is probably wrong somewhere (one per rule that fires).

    ``taken_groups`` holds the section group of every duty and listed criterion taken."""
    taken = Counter(taken_groups)
    met = Counter(e.group for e in walk.entries)
    for _where, group, n, _rows in walk.ps_tables:
        taken[group] += n
    step = ReviewStep(spec, walk.sections, dict(taken), dict(met), list(walk.ps_tables),
                      walk.headings, [u.text for u in walk.first_units[: ctx.settings.grade_search_units]],
                      walk.misaligned)
    out = []
    for rule, msg in ctx.each(REVIEW, step):
        out.append(PREFIX + msg)
        if ctx.log is not None:
            ctx.log.append(TraceRecord("document", "review", msg, "review warning", rule.code))
    return out
