from __future__ import annotations

from jobspec.extract.rules.base import SECTION, Context, Rule
from jobspec.extract.rules.subjects import AsHeading, SectionStep
from jobspec.extract.units import FIELD
from jobspec.extract.wording import DETAILS, DUTIES, UNKNOWN


class SectionFieldNamesSection(Rule):
    """A label/value pair whose label names a section is that section, with the value as its text.

    Before: ``| Job purpose | To support the class teacher … |`` or ``Main duties:`` followed by
    a list in the same cell.  After: a purpose (or duties) section holding the value. Inside a
    duties section any label that is not a post detail is read this way.
    """

    code = "S09"
    name = "section.field-names-section"
    stage = SECTION

    def match(self, s: SectionStep, ctx: Context) -> bool:
        if s.unit.kind != FIELD or ctx.field_of(s.label) is not None:
            return False
        return not (s.label_kind in (UNKNOWN, DETAILS) and s.state.kind != DUTIES)

    def apply(self, s: SectionStep, ctx: Context) -> AsHeading:
        return AsHeading()
