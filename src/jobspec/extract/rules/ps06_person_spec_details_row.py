from __future__ import annotations

from jobspec.extract.cells import cell_label
from jobspec.extract.rules.base import PS_ROW, Context, Rule
from jobspec.extract.rules.subjects import PSRow


class PersonSpecDetailsRow(Rule):
    """A post-details row (Job title, Grade, Hours…) at the top of a category table is not a criterion.

    Before: ``| Post | Teaching Assistant |`` above ``| Experience | … |`` rows.  After: no
    criterion "Teaching Assistant". Only in tables without level columns.
    """

    code = "PS06"
    name = "person-spec.details-row"
    stage = PS_ROW

    def match(self, r: PSRow, ctx: Context) -> bool:
        if r.layout.has_levels or len(r.content) < 2:
            return False
        label = cell_label(r.content[0])
        return ctx.field_of(label) is not None and not ctx.wording.is_category_label(label)

    def apply(self, r: PSRow, ctx: Context) -> list:
        return []
