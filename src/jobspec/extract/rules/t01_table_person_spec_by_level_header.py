from __future__ import annotations

from jobspec.extract.cells import find_layout
from jobspec.extract.rules.base import TABLE, Context, Rule
from jobspec.extract.rules.subjects import PERSON_SPEC_TABLE, TableStep


class TablePersonSpecByLevelHeader(Rule):
    """A table with Essential / Desirable (or E / D) column headers is a person specification.

    Wherever it sits: a person-spec table after a "Job description" heading still opens the
    person specification. The header is looked for in the first ``header_search_rows`` rows.
    """

    code = "T01"
    name = "table.person-spec-by-level-header"
    stage = TABLE

    def match(self, s: TableStep, ctx: Context) -> bool:
        return find_layout(s.table, ctx.settings, ctx.wording).has_levels

    def apply(self, s: TableStep, ctx: Context) -> str:
        return PERSON_SPEC_TABLE
