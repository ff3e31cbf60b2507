from __future__ import annotations

from jobspec.extract.rules.base import CELL_LINE, Context, Rule
from jobspec.extract.rules.subjects import CellLine
from jobspec.extract.text import is_lead_in


class PersonSpecLeadInLine(Rule):
    """A line in a person-spec cell that leads into a list is not a criterion.

    Before: ``Experience of:`` then ``• working with children``.  After: one criterion,
    "working with children".
    """

    code = "PS13"
    name = "person-spec.lead-in-line"
    stage = CELL_LINE

    def match(self, line: CellLine, ctx: Context) -> bool:
        return is_lead_in(line.text)

    def apply(self, line: CellLine, ctx: Context) -> None:
        line.text = ""
