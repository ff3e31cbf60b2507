from __future__ import annotations

from jobspec.extract.cells import category_row, cell_label
from jobspec.extract.rules.base import PS_ROW, Context, Rule
from jobspec.extract.rules.subjects import PSRow


class PersonSpecCategoryRow(Rule):
    """A person-spec row holding only a category name sets the category of the rows below it.

    Before::

        | Criteria                         | Essential | Desirable |
        | Qualifications                                           |   (merged across)
        | NVQ Level 3 in supporting teaching | ✓ |   |

    After: "NVQ Level 3 in supporting teaching" is a qualifications criterion. Where the level
    columns start after a category column, the name must sit in that column.
    """

    code = "PS04"
    name = "person-spec.category-row"
    stage = PS_ROW

    def match(self, r: PSRow, ctx: Context) -> bool:
        if len(r.content) != 1 or not category_row(r.content[0], ctx.settings, ctx.wording):
            return False
        lay = r.layout
        has_cat_col = bool(lay.level_cols) and min(lay.level_cols) > 0 and not r.tick_mode
        return not has_cat_col or r.content[0].col < min(lay.level_cols)

    def apply(self, r: PSRow, ctx: Context) -> list:
        r.state.category = cell_label(r.content[0])
        return []
