from __future__ import annotations

from jobspec.extract.cells import category_table
from jobspec.extract.rules.base import TABLE, Context, Rule
from jobspec.extract.rules.subjects import PERSON_SPEC_TABLE, TableStep
from jobspec.extract.wording import PERSON_SPEC


class TableCategoryRowsInPersonSpec(Rule):
    """Inside a person-specification section, a table whose rows are labelled with categories holds criteria.

    Before: under "Person specification", ``| Qualifications | NVQ Level 3 … |``,
    ``| Experience | Working with children … |`` with no Essential/Desirable column.  After:
    criteria, all essential unless marked (PS05). The same table outside a person specification
    is page layout.
    """

    code = "T03"
    name = "table.category-rows-in-person-spec"
    stage = TABLE

    def match(self, s: TableStep, ctx: Context) -> bool:
        return s.state.kind == PERSON_SPEC and category_table(s.table, ctx.wording)

    def apply(self, s: TableStep, ctx: Context) -> str:
        return PERSON_SPEC_TABLE
