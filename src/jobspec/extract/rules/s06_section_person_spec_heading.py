from __future__ import annotations

from jobspec.extract.rules.base import SECTION, Context, Rule
from jobspec.extract.rules.subjects import Open, SectionStep
from jobspec.extract.units import HEADING
from jobspec.extract.wording import PERSON_SPEC


class SectionPersonSpecHeading(Rule):
    """A person-specification heading opens the person specification, with its level if it names one.

    Before: **Essential criteria** (a heading outside any person specification) then items.
    After: a person specification whose items are essential, category from the heading.
    """

    code = "S06"
    name = "section.person-spec-heading"
    stage = SECTION

    def match(self, s: SectionStep, ctx: Context) -> bool:
        return s.unit.kind == HEADING and s.label_kind == PERSON_SPEC

    def apply(self, s: SectionStep, ctx: Context) -> Open:
        level = ctx.wording.level_in(s.label)
        return Open(PERSON_SPEC, s.label, level=level, category=s.label if level else None)
