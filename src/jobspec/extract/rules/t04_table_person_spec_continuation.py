from __future__ import annotations

from jobspec.extract.cells import cell_text
from jobspec.extract.rules.base import TABLE, Context, Rule
from jobspec.extract.rules.subjects import PERSON_SPEC_TABLE, TableStep
from jobspec.extract.text import heading_label
from jobspec.extract.wording import PERSON_SPEC


class TablePersonSpecContinuation(Rule):
    """A table right after a person-spec table, in the same section, continues it.

    Tables split by a page break or a blank line lose their header: the rows go on. A table whose
    rows are mostly post details (Job title, Grade, Hours…) is not a continuation.
    """

    code = "T04"
    name = "table.person-spec-continuation"
    stage = TABLE

    def match(self, s: TableStep, ctx: Context) -> bool:
        if s.state.kind != PERSON_SPEC or s.state.ps_tables == 0:
            return False
        labels = [cell_text(r.cells[0]) for r in s.table.rows if r.cells and not r.cells[0].is_empty()]
        hits = sum(1 for x in labels if ctx.field_of(heading_label(x)))
        return not (labels and hits * 2 >= len(labels))

    def apply(self, s: TableStep, ctx: Context) -> str:
        return PERSON_SPEC_TABLE
