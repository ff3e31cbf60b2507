from __future__ import annotations

from jobspec.extract.cells import cell_text, label_like
from jobspec.extract.rules.base import ROW, Context, Rule
from jobspec.extract.rules.subjects import LayoutRow
from jobspec.extract.text import heading_label
from jobspec.extract.units import FIELD, Unit


class FieldBlankDetailsRow(Rule):
    """A details row whose value cell was left blank is an empty post field, not a heading.

    Before: ``| Hours: |      |`` in a job-details table.  After: field hours, no value (so the
    label does not open a section over the rows below it).
    """

    code = "F03"
    name = "field.blank-details-row"
    stage = ROW

    def match(self, r: LayoutRow, ctx: Context) -> bool:
        if len(r.row.cells) < 2 or len(r.cells) != 1 or r.row.cells[0] is not r.cells[0]:
            return False
        t = cell_text(r.cells[0])
        return label_like(t, ctx.settings) and ctx.field_of(heading_label(t)) is not None

    def apply(self, r: LayoutRow, ctx: Context) -> list[Unit]:
        c = r.cells[0]
        return [Unit(FIELD, cell_text(c), c.prov, rule=self.code)]
