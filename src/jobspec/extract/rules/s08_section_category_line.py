from __future__ import annotations

from jobspec.extract.rules.base import SECTION, Context, Rule
from jobspec.extract.rules.subjects import AsHeading, SectionStep
from jobspec.extract.text import clean
from jobspec.extract.units import PARA
from jobspec.extract.wording import PERSON_SPEC


def category_line(text: str, ctx: Context) -> bool:
    """A short line naming person-spec categories only ("Skills and abilities", "Personal qualities:")."""
    t = clean(text)
    if len(t.split()) > ctx.settings.category_line_max_words:
        return False
    return bool(ctx.wording.category_line.match(t.replace("/", " / ").replace(",", " , ")))


class SectionCategoryLine(Rule):
    """In a person specification, a plain line naming only categories is a category heading.

    Text exports lose headings' type: ``Skills and abilities`` on a line of its own, then the
    criteria. After: a category (S04) for the lines below, not a criterion.
    """

    code = "S08"
    name = "section.category-line"
    stage = SECTION

    def match(self, s: SectionStep, ctx: Context) -> bool:
        return s.unit.kind == PARA and s.state.kind == PERSON_SPEC and category_line(s.unit.text, ctx)

    def apply(self, s: SectionStep, ctx: Context) -> AsHeading:
        return AsHeading()
