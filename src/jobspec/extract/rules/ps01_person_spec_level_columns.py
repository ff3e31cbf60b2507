from __future__ import annotations

from jobspec.extract.cells import cell_label, nearest_level
from jobspec.extract.rules.base import PS_ROW, Context, Rule
from jobspec.extract.rules.cell_items import cell_criteria
from jobspec.extract.rules.subjects import PSRow
from jobspec.extract.units import Draft


class PersonSpecLevelColumns(Rule):
    """The column a criterion is written in gives its level; a category cell on the left names its category.

    Before::

        |            | Essential                 | Desirable         |
        | Experience | • Working with children   | • SEND experience |

    After: "Working with children" essential, "SEND experience" desirable, both experience.
    Cells holding lists give one criterion per item; ``Criteria | Essential | Desirable | How
    identified`` tables work the same way.
    """

    code = "PS01"
    name = "person-spec.level-columns"
    stage = PS_ROW

    def match(self, r: PSRow, ctx: Context) -> bool:
        return bool(r.layout.level_cols)

    def apply(self, r: PSRow, ctx: Context) -> list[Draft]:
        lay = r.layout
        level_cells = [c for c in r.content if c.col in lay.level_cols]
        others = [c for c in r.content if c.col not in lay.level_cols]
        cat_cell = next((c for c in others if c.col < min(lay.level_cols)), None)
        if cat_cell is not None:
            r.state.category = cell_label(cat_cell) or r.state.category
        out: list[Draft] = []
        for c in level_cells + [c for c in others if c is not cat_cell]:
            level = lay.level_cols.get(c.col) or nearest_level(c.col, lay) or r.default_level
            for text, lvl, methods, prov, also in cell_criteria(c.blocks, level, ctx):
                if text:
                    out.append(Draft(text, lvl, r.state.category, r.methods or methods, prov, rule=self.code, also=also))
        return out
