from __future__ import annotations

from jobspec.extract.cells import cell_label
from jobspec.extract.rules.base import PS_ROW, Context, Rule
from jobspec.extract.rules.cell_items import cell_criteria
from jobspec.extract.rules.subjects import PSRow
from jobspec.extract.units import Draft


class PersonSpecNoLevelColumn(Rule):
    """A person-spec table with no level column: the first cell names the category, the rest are criteria.

    Before: ``| Knowledge | Understanding of the EYFS framework |``.  After: a knowledge_skills
    criterion at the section's level (essential unless a heading or marker says otherwise: an
    unqualified requirement is essential).
    """

    code = "PS05"
    name = "person-spec.no-level-column"
    stage = PS_ROW

    def apply(self, r: PSRow, ctx: Context) -> list[Draft]:
        cols = {c.col for c in r.content}
        cat_cell = r.content[0] if len(cols) > 1 else None
        if cat_cell is not None:
            r.state.category = cell_label(cat_cell) or r.state.category
        out: list[Draft] = []
        for c in r.content:
            if c is cat_cell:
                continue
            for text, lvl, methods, prov, also in cell_criteria(c.blocks, r.default_level, ctx):
                if text:
                    out.append(Draft(text, lvl, r.state.category, r.methods or methods, prov, rule=self.code, also=also))
        return out
