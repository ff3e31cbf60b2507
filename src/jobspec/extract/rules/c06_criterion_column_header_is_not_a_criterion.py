from __future__ import annotations

import re

from jobspec.extract.rules.base import CRITERION, Context, Rule
from jobspec.extract.rules.subjects import Drop, EntryStep

#: a person-spec table's column headers, as a text export leaves them: one per line
COLUMN_HEADER = re.compile(r"^(?:essential|desirable|e\s*/\s*d|(?:assessed|identified|evidenced) by|methods?(?: of \w+)?"
                           r"|evidence|how (?:identified|assessed|evidenced)|criteria|requirements?|categor(?:y|ies)"
                           r"|areas?|attributes?|specification|essential\s*/?\s*(?:or\s+)?desirable)\W*$", re.I)


class CriterionColumnHeaderIsNotACriterion(Rule):
    """A line that is only a column header ("Category", "Area", "Method of assessment") is not a criterion.

    Text exports put each table cell on its own line, headers included: "Person specification",
    "Area", "Essential", "Desirable", "How assessed", then the rows.
    """

    code = "C06"
    name = "criterion.column-header-is-not-a-criterion"
    stage = CRITERION

    def match(self, e: EntryStep, ctx: Context) -> bool:
        return bool(COLUMN_HEADER.match(e.unit.text.strip()))

    def apply(self, e: EntryStep, ctx: Context) -> Drop:
        return Drop()
