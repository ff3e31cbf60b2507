from __future__ import annotations

from jobspec.extract.rules.base import TABLE, Context, Rule
from jobspec.extract.rules.subjects import LAYOUT_TABLE, TableStep


class TableLayout(Rule):
    """Any other table lays out the page: its rows are read as details, items and text (F02, I04, T06)."""

    code = "T05"
    name = "table.layout"
    stage = TABLE

    def apply(self, s: TableStep, ctx: Context) -> str:
        return LAYOUT_TABLE
