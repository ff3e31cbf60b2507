from __future__ import annotations

from jobspec.extract.cells import Layout, find_layout
from jobspec.extract.rules.base import PS_TABLE, Context, Rule
from jobspec.extract.rules.subjects import PSTable
from jobspec.glyphs import is_mark


class PersonSpecUnlabelledTickColumns(Rule):
    """Tick columns with no header are Essential then Desirable, left to right.

    Before (no header row, or one the parser cannot read)::

        | Good literacy skills   | ✓ |   |
        | First aid certificate  |   | ✓ |

    After: "Good literacy skills" essential, "First aid certificate" desirable. With one tick
    column only, every ticked criterion is essential.
    """

    code = "PS14"
    name = "person-spec.unlabelled-tick-columns"
    stage = PS_TABLE

    def match(self, t: PSTable, ctx: Context) -> bool:
        return not find_layout(t.table, ctx.settings, ctx.wording).has_levels and bool(self._mark_cols(t))

    def apply(self, t: PSTable, ctx: Context) -> Layout:
        cols = self._mark_cols(t)
        levels = {cols[0]: "essential"} | ({cols[1]: "desirable"} if len(cols) > 1 else {})
        return Layout(level_cols=levels, ncols=t.table.ncols)

    @staticmethod
    def _mark_cols(t: PSTable) -> list[int]:
        """Columns holding marks and never text, left to right."""
        marks: set[int] = set()
        text: set[int] = set()
        for row in t.table.rows:
            for c in row.cells:
                if c.is_empty():
                    continue
                if is_mark(c.text):
                    marks.add(c.col)
                else:
                    text.add(c.col)
        return sorted(col for col in marks if col not in text)
