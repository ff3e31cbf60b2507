from __future__ import annotations

from jobspec.extract.cells import cell_text, is_cell_number
from jobspec.extract.rules.base import ROW, Context, Rule
from jobspec.extract.rules.subjects import LayoutRow
from jobspec.extract.units import HEADING, ITEM, PARA, Unit


class ItemNumberedRow(Rule):
    """A layout-table row whose first cell is only a number is a numbered item.

    Before: ``| 3. | Keep accurate records of pupils' progress. |``.  After: item ``3.`` "Keep
    accurate records of pupils' progress." (the rest of the row flows after it).
    """

    code = "I04"
    name = "item.numbered-row"
    stage = ROW

    def match(self, r: LayoutRow, ctx: Context) -> bool:
        return len(r.cells) >= 2 and is_cell_number(cell_text(r.cells[0]))

    def apply(self, r: LayoutRow, ctx: Context) -> list[Unit]:
        assert ctx.linearise is not None
        marker = cell_text(r.cells[0])
        out: list[Unit] = []
        for c in r.cells[1:]:
            units = ctx.linearise(c.blocks)
            if units and units[0].kind in (PARA, HEADING):
                u = units[0]
                units[0] = Unit(ITEM, u.text, u.prov, rule=self.code, marker=marker, typed=True)
            out.extend(units)
        return out
