from __future__ import annotations

from jobspec.extract.rules.base import SECTION, Context, Rule
from jobspec.extract.rules.post_common import org_name
from jobspec.extract.rules.subjects import AsNothing, SectionStep
from jobspec.extract.text import clean
from jobspec.extract.units import HEADING, PARA, PLAIN
from jobspec.extract.wording import UNKNOWN


class SectionEmployerNameLine(Rule):
    """A plain line that is only the employer's name is a letterhead: it opens nothing and is no criterion.

    Before: "Person Specification – Teaching Assistant", then a line "Oakfield Primary School",
    then the criteria.  After: the criteria stay in the person specification, and the school's
    name is not one of them (it is the organisation, F05).
    """

    code = "S13"
    name = "section.employer-name-line"
    stage = SECTION

    def match(self, s: SectionStep, ctx: Context) -> bool:
        u = s.unit
        if not ((u.kind == HEADING and u.cue == PLAIN) or u.kind == PARA):
            return False
        t = clean(u.text)
        return ctx.wording.section_kind(t) == UNKNOWN and bool(org_name(ctx.wording, ctx.settings).fullmatch(t))

    def apply(self, s: SectionStep, ctx: Context) -> AsNothing:
        return AsNothing()
