from __future__ import annotations

from jobspec.extract.rules.base import ROW, Context, Rule
from jobspec.extract.rules.subjects import LayoutRow
from jobspec.extract.units import Unit


class TableCellsFlow(Rule):
    """Any other row of a layout table flows: its cells are read left to right as body text.

    Tables that only lay out a page (a boxed job summary, a one-column table of duties, full-width
    merged rows) hold ordinary headings, lists and paragraphs.
    """

    code = "T06"
    name = "table.cells-flow"
    stage = ROW

    def apply(self, r: LayoutRow, ctx: Context) -> list[Unit]:
        assert ctx.linearise is not None
        out: list[Unit] = []
        for c in r.cells:
            out.extend(ctx.linearise(c.blocks))
        return out
