from __future__ import annotations

from jobspec.extract.cells import Layout, find_layout
from jobspec.extract.rules.base import PS_TABLE, Context, Rule
from jobspec.extract.rules.subjects import PSTable


class PersonSpecHeaderColumns(Rule):
    """A person-spec table's columns are named by its header row: level, criteria and evidence columns.

    Before: ``| | Essential | Desirable | How assessed |``.  After: column 1 essential, column 2
    desirable, column 3 the assessment methods of each row. A table with no header has no level
    columns: its criteria are essential unless marked (PS05).
    """

    code = "PS12"
    name = "person-spec.header-columns"
    stage = PS_TABLE

    def apply(self, t: PSTable, ctx: Context) -> Layout:
        return find_layout(t.table, ctx.settings, ctx.wording)
