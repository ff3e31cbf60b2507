from __future__ import annotations

from jobspec.extract.cells import Layout, cell_label, find_layout
from jobspec.extract.rules.base import PS_TABLE, Context, Rule
from jobspec.extract.rules.subjects import PSTable


class PersonSpecHeaderColumns(Rule):
    """A person-spec table's columns are named by its header row: level, criteria and evidence columns.

    Before: ``| | Essential | Desirable | How assessed |``.  After: column 1 essential, column 2
    desirable, column 3 the assessment methods of each row. A category named in the header
    (``| No. | Experience | Essential | Desirable |``) is the rows' category. A table with no header
    has no level columns: its criteria are essential unless marked (PS05).
    """

    code = "PS12"
    name = "person-spec.header-columns"
    stage = PS_TABLE

    def apply(self, t: PSTable, ctx: Context) -> Layout:
        lay = find_layout(t.table, ctx.settings, ctx.wording)
        roles = {*lay.level_cols, lay.level_col, lay.evidence_col, lay.criteria_col}
        for row in t.table.rows[: lay.header_rows]:  # "No. | Experience | Essential | Desirable": a category
            for c in row.cells:
                label = cell_label(c)
                if c.col not in roles and label and ctx.wording.is_category_label(label):
                    t.state.category = label
        return lay
