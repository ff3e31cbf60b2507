from __future__ import annotations

from itertools import groupby

from jobspec.extract.rules.base import REVIEW, Context, Rule
from jobspec.extract.rules.review_common import some
from jobspec.extract.rules.subjects import ReviewStep
from jobspec.extract.wording import DUTIES, PERSON_SPEC


def empty_sections(step: ReviewStep, ctx: Context) -> list[str]:
    """Labels of runs of duties (or person-spec) sections with text under them but nothing taken.

    A section covers its own group and the groups its level and category headings opened, up to
    the next section; a heading straight over another heading (a title line) is not empty."""
    if not step.sections:
        return []
    bounds = [s.group for s in step.sections[1:]] + [max([*step.entries_by_group, 0]) + 1]
    spans = [(s, range(s.group, nxt)) for s, nxt in zip(step.sections, bounds, strict=True)
             if not s.items_only]  # sections whose prose is left out on purpose (S11, S12)
    out = []
    for kind, run in groupby(spans, key=lambda sp: sp[0].kind):
        run = list(run)
        if kind not in (DUTIES, PERSON_SPEC):
            continue
        groups = [g for _s, r in run for g in r]
        met = sum(step.entries_by_group.get(g, 0) for g in groups)
        taken = sum(step.taken_by_group.get(g, 0) for g in groups)
        if met and not taken:
            out.append(next((s.label for s, _r in run if s.label), kind.replace("_", " ")))
        elif taken:  # a sub-section read as nothing, among sub-sections that gave duties or criteria
            out.extend(s.label or "" for s, r in run
                       if sum(step.entries_by_group.get(g, 0) for g in r) >= ctx.settings.review_min_entries
                       and not sum(step.taken_by_group.get(g, 0) for g in r))
    return out


class ReviewEmptySection(Rule):
    """A heading that opens duties or a person specification with text under it but nothing taken.

    Before: **Key responsibilities** followed by text the rules did not read as duties (typed
    numbering they missed, a table they took for layout). The warning names the heading.
    """

    code = "R04"
    name = "review.empty-section"
    stage = REVIEW

    def match(self, step: ReviewStep, ctx: Context) -> bool:
        return bool(empty_sections(step, ctx))

    def apply(self, step: ReviewStep, ctx: Context) -> str:
        return f"nothing was read under {some(empty_sections(step, ctx), ctx.settings.review_examples)}"
