from __future__ import annotations

from jobspec.extract.rules.base import SECTION, Context, Rule
from jobspec.extract.rules.subjects import Open, SectionStep
from jobspec.extract.units import HEADING
from jobspec.extract.wording import DUTIES, UNKNOWN


class SectionSubheadingInDuties(Rule):
    """Inside a duties section, a heading whose words name no section is a sub-heading: still duties.

    Before: "Key responsibilities", **Data and reporting**, items, **Working with parents**,
    items.  After: every item a duty, its section the sub-heading it sits under.
    """

    code = "S02"
    name = "section.subheading-in-duties"
    stage = SECTION

    def match(self, s: SectionStep, ctx: Context) -> bool:
        return s.unit.kind == HEADING and s.label_kind == UNKNOWN and s.state.kind == DUTIES

    def apply(self, s: SectionStep, ctx: Context) -> Open:
        return Open(DUTIES, s.label)
