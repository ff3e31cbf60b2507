from __future__ import annotations

from jobspec.document import Block
from jobspec.extract.cells import cell_text, label_like
from jobspec.extract.rules.base import ROW, Context, Rule
from jobspec.extract.rules.subjects import LayoutRow
from jobspec.extract.units import FIELD, Unit


class FieldLabelValueRow(Rule):
    """A layout-table row with a short label cell and a value is a ``label: value`` field.

    Before: ``| Responsible to | Headteacher |``.  After: field "Responsible to" = "Headteacher"
    (a post detail, or, when the label names a section such as "Job purpose", that section with
    the value as its text: S09).
    """

    code = "F02"
    name = "field.label-value-row"
    stage = ROW

    def match(self, r: LayoutRow, ctx: Context) -> bool:
        return len(r.cells) >= 2 and label_like(cell_text(r.cells[0]), ctx.settings)

    def apply(self, r: LayoutRow, ctx: Context) -> list[Unit]:
        first, rest = r.cells[0], r.cells[1:]
        blocks: list[Block] = [b for c in rest for b in c.blocks]
        value = " ".join(cell_text(c) for c in rest)
        return [Unit(FIELD, cell_text(first), first.prov, rule=self.code, value=value, value_blocks=blocks)]
