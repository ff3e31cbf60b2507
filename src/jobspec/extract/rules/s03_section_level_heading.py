from __future__ import annotations

from jobspec.extract.rules.base import SECTION, Context, Rule
from jobspec.extract.rules.subjects import SectionStep, SetLevel
from jobspec.extract.units import HEADING
from jobspec.extract.wording import PERSON_SPEC


class SectionLevelHeading(Rule):
    """Inside a person specification, a short heading naming a level sets the level of the criteria below.

    Before: "Person specification", then **Essential**, items, **Desirable**, items.  After: the
    first items essential, the others desirable. A two- or three-word heading such as "Essential
    skills" also names the category. Limit: ``level_heading_max_words``.
    """

    code = "S03"
    name = "section.level-heading"
    stage = SECTION

    def match(self, s: SectionStep, ctx: Context) -> bool:
        return (s.unit.kind == HEADING and s.state.kind == PERSON_SPEC and s.label_kind == PERSON_SPEC
                and ctx.wording.level_in(s.label) is not None
                and len(s.label.split()) <= ctx.settings.level_heading_max_words)

    def apply(self, s: SectionStep, ctx: Context) -> SetLevel:
        level = ctx.wording.level_in(s.label) or "essential"
        return SetLevel(level, s.label if len(s.label.split()) > 1 else None)
