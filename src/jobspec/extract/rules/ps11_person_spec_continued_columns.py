from __future__ import annotations

from jobspec.extract.cells import Layout, find_layout
from jobspec.extract.rules.base import PS_TABLE, Context, Rule
from jobspec.extract.rules.subjects import PSTable


class PersonSpecContinuedColumns(Rule):
    """A person-spec table with no header but the previous one's column count keeps its columns.

    Before: page 1 ``| Category | Essential | Desirable |`` … page 2 (no header) ``| Skills |
    Good ICT skills | First aid |``.  After: on page 2 "Good ICT skills" is essential and "First
    aid" desirable, as on page 1.
    """

    code = "PS11"
    name = "person-spec.continued-columns"
    stage = PS_TABLE

    def match(self, t: PSTable, ctx: Context) -> bool:
        prev = t.state.layout
        if prev is None or not prev.has_levels or prev.ncols != t.table.ncols:
            return False
        return not find_layout(t.table, ctx.settings, ctx.wording).has_levels

    def apply(self, t: PSTable, ctx: Context) -> Layout:
        prev = t.state.layout
        assert prev is not None
        return Layout(dict(prev.level_cols), prev.level_col, prev.evidence_col, prev.criteria_col, prev.criteria_label, 0,
                      t.table.ncols)
