from __future__ import annotations

from jobspec.document import Table
from jobspec.extract.cells import cell_label, find_layout
from jobspec.extract.rules.base import PS_ROW, Context, Rule
from jobspec.extract.rules.subjects import PSRow


class PersonSpecRepeatedHeaderRow(Rule):
    """A row that repeats the table's header (a new page, or the next category's table run on) holds no criteria.

    Before (one table as read from a PDF)::

        | No. | Experience         | Essential ✓ | Desirable ✓ |
        | 1   | Working with …     | ✓           |             |
        | No. | Other requirements | Essential ✓ | Desirable ✓ |
        | 2   | Driving licence    | ✓           |             |

    After: the repeated header is skipped; a category it names ("Other requirements") becomes the
    category of the rows below it.
    """

    code = "PS15"
    name = "person-spec.repeated-header-row"
    stage = PS_ROW

    def match(self, r: PSRow, ctx: Context) -> bool:
        if not r.layout.has_levels:
            return False
        one = find_layout(Table(rows=[r.row], ncols=r.layout.ncols), ctx.settings, ctx.wording)
        return one.level_cols == r.layout.level_cols and one.level_col == r.layout.level_col

    def apply(self, r: PSRow, ctx: Context) -> list:
        for c in r.content:
            label = cell_label(c)
            if c.col not in r.layout.level_cols and c.col != r.layout.level_col and ctx.wording.is_category_label(label):
                r.state.category = label
        return []
