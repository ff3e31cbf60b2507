from __future__ import annotations

from jobspec.extract.rules.base import SECTION, Context, Rule
from jobspec.extract.rules.subjects import SectionStep, SetCategory
from jobspec.extract.units import HEADING
from jobspec.extract.wording import DUTIES, PERSON_SPEC, STATEMENT, UNKNOWN


class SectionCategoryHeading(Rule):
    """Inside a person specification, a heading naming a category sets the category of the criteria below.

    Before: "Person specification", **Qualifications**, items, **Skills and abilities**, items.
    After: the items' categories qualifications and knowledge_skills (and the level goes back to
    the default). Limit: ``category_heading_max_words``.
    """

    code = "S04"
    name = "section.category-heading"
    stage = SECTION

    def match(self, s: SectionStep, ctx: Context) -> bool:
        return (s.unit.kind == HEADING and s.state.kind == PERSON_SPEC and s.label_kind in (UNKNOWN, DUTIES, STATEMENT)
                and ctx.wording.is_category_label(s.label)
                and len(s.label.split()) <= ctx.settings.category_heading_max_words)

    def apply(self, s: SectionStep, ctx: Context) -> SetCategory:
        return SetCategory(s.label)
