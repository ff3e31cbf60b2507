from __future__ import annotations

from jobspec.extract.rules.base import PS_ROW, Context, Rule
from jobspec.extract.rules.subjects import PSRow
from jobspec.extract.text import clean, is_lead_in


class PersonSpecLeadInRow(Rule):
    """A person-spec row whose every cell leads into a list holds no criteria.

    Before: ``| The successful candidate will have: | |``.  After: nothing from that row.
    """

    code = "PS07"
    name = "person-spec.lead-in-row"
    stage = PS_ROW

    def match(self, r: PSRow, ctx: Context) -> bool:
        texts = [clean(c.text) for c in r.row.cells if not c.is_empty()]
        return bool(texts) and all(is_lead_in(x) for x in texts)

    def apply(self, r: PSRow, ctx: Context) -> list:
        return []
