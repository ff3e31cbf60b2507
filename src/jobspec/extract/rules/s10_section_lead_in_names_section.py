from __future__ import annotations

from jobspec.extract.rules.base import SECTION, Context, Rule
from jobspec.extract.rules.subjects import AsHeading, SectionStep
from jobspec.extract.text import is_lead_in
from jobspec.extract.units import PARA
from jobspec.extract.wording import DUTIES, PERSON_SPEC, PURPOSE


class SectionLeadInNamesSection(Rule):
    """A lead-in sentence naming another kind of section opens it.

    Before: under "Job purpose including main duties", ``The main purpose of the job is to:`` then
    a paragraph, then **Main duties:** and items.  After: the paragraph is the purpose (not a duty).
    Only a lead-in (ending with a colon) whose words name purpose, duties or a person
    specification, and only when that differs from the section it is in.
    """

    code = "S10"
    name = "section.lead-in-names-section"
    stage = SECTION

    def match(self, s: SectionStep, ctx: Context) -> bool:
        u = s.unit
        if u.kind != PARA or not is_lead_in(u.text) or not u.text.rstrip().endswith(":"):
            return False
        kind = ctx.wording.section_kind(u.text)
        return kind in (PURPOSE, DUTIES, PERSON_SPEC) and kind != s.state.kind

    def apply(self, s: SectionStep, ctx: Context) -> AsHeading:
        return AsHeading()
