from __future__ import annotations

from jobspec.extract.rules.base import SECTION, Context, Rule
from jobspec.extract.rules.s08_section_category_line import category_line
from jobspec.extract.rules.subjects import AsEntry, SectionStep
from jobspec.extract.units import HEADING, PLAIN
from jobspec.extract.wording import PERSON_SPEC, UNKNOWN


class SectionPlainLineInPersonSpec(Rule):
    """Inside a person specification, a short plain line that names no section or category is a criterion.

    Title Case criteria are common: ``Full Driving Licence``, ``Enhanced DBS Clearance``. Only
    headings made by a plain-line rule (H04–H07, no bold or heading style) are read this way.
    """

    code = "S05"
    name = "section.plain-line-in-person-spec"
    stage = SECTION

    def match(self, s: SectionStep, ctx: Context) -> bool:
        u = s.unit
        return (u.kind == HEADING and u.cue == PLAIN and s.state.kind == PERSON_SPEC and s.label_kind == UNKNOWN
                and not category_line(s.label, ctx))

    def apply(self, s: SectionStep, ctx: Context) -> AsEntry:
        return AsEntry()
