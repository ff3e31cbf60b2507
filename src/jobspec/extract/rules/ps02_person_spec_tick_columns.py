from __future__ import annotations

from jobspec.extract.cells import cell_label
from jobspec.extract.rules.base import PS_ROW, Context, Rule
from jobspec.extract.rules.cell_items import cell_criteria
from jobspec.extract.rules.subjects import PSRow
from jobspec.extract.units import Draft
from jobspec.glyphs import is_mark, is_positive_mark


class PersonSpecTickColumns(Rule):
    """Ticks in the Essential / Desirable columns give the level of the criterion in the row.

    Before::

        | No | Attributes            | Essential √ | Desirable √ | Evidence  |
        | 1  | Good literacy skills  | √           |             | Interview |

    After: "Good literacy skills", essential, assessed by interview. What counts as a tick is the
    glyph table's positive marks (``jobspec.glyphs``); a row with no positive mark is essential.
    A cell left of the criteria cell names the category.
    """

    code = "PS02"
    name = "person-spec.tick-columns"
    stage = PS_ROW

    def match(self, r: PSRow, ctx: Context) -> bool:
        return r.tick_mode

    def apply(self, r: PSRow, ctx: Context) -> list[Draft]:
        lay, state = r.layout, r.state
        level = None
        text_cells = []
        for c in r.content:
            if c.col in lay.level_cols and is_mark(c.text):
                if level is None and is_positive_mark(c.text):
                    level = lay.level_cols[c.col]
            elif c.col not in lay.level_cols:
                text_cells.append(c)
        if not text_cells:
            return []
        if lay.criteria_col is not None:
            crit = next((c for c in text_cells if c.col == lay.criteria_col), None) or text_cells[-1]
        else:
            crit = max(text_cells, key=lambda c: len(c.text))
        cat_cells = [c for c in text_cells if c is not crit and c.col < crit.col]
        if cat_cells:
            state.category = cell_label(cat_cells[-1]) or state.category
        label, from_header = state.category, False
        if not cat_cells and lay.criteria_col is not None and not state.category:
            label, from_header = lay.criteria_label, True
        out = []
        for text, lvl, m2, prov, also in cell_criteria(crit.blocks, level or "essential", ctx):
            out.append(Draft(text, lvl if level is None else level, label, r.methods or m2, prov, rule=self.code,
                             also=also, label_is_header=from_header))
        return out
