from __future__ import annotations

from jobspec.extract.cells import tick_rows
from jobspec.extract.rules.base import TABLE, Context, Rule
from jobspec.extract.rules.subjects import PERSON_SPEC_TABLE, TableStep


class TablePersonSpecByTicks(Rule):
    """A table with ticks in at least ``min_tick_rows`` rows is a person specification.

    Before: rows ``| Good literacy | ✓ |   | Application |`` with no header row the parser can
    read.  After: parsed as a person specification (its columns by PS02).
    """

    code = "T02"
    name = "table.person-spec-by-ticks"
    stage = TABLE

    def match(self, s: TableStep, ctx: Context) -> bool:
        return tick_rows(s.table) >= ctx.settings.min_tick_rows

    def apply(self, s: TableStep, ctx: Context) -> str:
        return PERSON_SPEC_TABLE
