from __future__ import annotations

import re
from functools import lru_cache

from jobspec.extract.rules.base import CELL_LINE, Context, Rule
from jobspec.extract.rules.subjects import CellLine
from jobspec.extract.wording import Wording


@lru_cache(maxsize=4)
def _patterns(w: Wording) -> tuple[re.Pattern[str], re.Pattern[str]]:
    words = w.level_words.pattern  # \b(essential|desirable)\b
    prefix = re.compile(rf"^\s*{words}(?:\s+(?:criteria|requirements|skills|attributes))?\s*[:\-–]\s*", re.I)
    alone = re.compile(rf"{words}(?:\s+criteria)?:?", re.I)
    return prefix, alone


class PersonSpecLevelLabelLine(Rule):
    """Inside a person-spec cell, an ``Essential:`` or ``Desirable:`` line sets the level of what follows.

    Before (one "Experience" cell)::

        Essential:
        • Working with children in a school
        Desirable: Working with pupils with SEND

    After: "Working with children in a school" essential, "Working with pupils with SEND"
    desirable. The label itself is not a criterion.
    """

    code = "PS08"
    name = "person-spec.level-label-line"
    stage = CELL_LINE

    def match(self, line: CellLine, ctx: Context) -> bool:
        prefix, alone = _patterns(ctx.wording)
        return bool(prefix.match(line.text) or alone.fullmatch(line.text))

    def apply(self, line: CellLine, ctx: Context) -> None:
        prefix, _alone = _patterns(ctx.wording)
        line.level = ctx.wording.level_in(line.text) or line.level
        m = prefix.match(line.text)
        line.text = line.text[m.end():].strip() if m else ""
