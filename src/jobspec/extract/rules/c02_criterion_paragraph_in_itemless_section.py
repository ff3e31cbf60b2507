from __future__ import annotations

from jobspec.extract.rules.base import CRITERION, Context, Rule
from jobspec.extract.rules.subjects import EntryStep, Keep
from jobspec.extract.units import PARA


class CriterionParagraphInItemlessSection(Rule):
    """In a person-spec section with no list, each short paragraph is a criterion.

    Text exports and plain documents put one requirement per line. Limit:
    ``criterion_paragraph_max_chars`` (longer prose is explanation, not a requirement).
    """

    code = "C02"
    name = "criterion.paragraph-in-itemless-section"
    stage = CRITERION

    def match(self, e: EntryStep, ctx: Context) -> bool:
        g = e.group
        return (e.unit.kind == PARA and g is not None and not g.has_items
                and len(e.unit.text) < ctx.settings.criterion_paragraph_max_chars)

    def apply(self, e: EntryStep, ctx: Context) -> Keep:
        return Keep()
