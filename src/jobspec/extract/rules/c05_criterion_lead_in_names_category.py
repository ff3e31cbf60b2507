from __future__ import annotations

from jobspec.extract.rules.base import CRITERION, Context, Rule
from jobspec.extract.rules.subjects import Drop, EntryStep, Hint
from jobspec.extract.text import is_lead_in
from jobspec.extract.units import PARA


class CriterionLeadInNamesCategory(Rule):
    """A lead-in paragraph in a person specification is not a criterion; if it names a category, the list below takes it.

    Before: **Essential criteria**, ``We are looking for people with experience of:``, items.
    After: the items are essential *experience* criteria (the heading names only a level).
    """

    code = "C05"
    name = "criterion.lead-in-names-category"
    stage = CRITERION

    def match(self, e: EntryStep, ctx: Context) -> bool:
        return e.unit.kind == PARA and is_lead_in(e.unit.text)

    def apply(self, e: EntryStep, ctx: Context) -> Drop | Hint:
        cat = ctx.wording.category_of(e.unit.text)
        return Hint(cat) if cat != "other" else Drop()
