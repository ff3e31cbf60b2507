from __future__ import annotations

import re

from jobspec.extract.rules.base import PROMOTE, Context, Rule
from jobspec.extract.rules.subjects import Neighbours
from jobspec.extract.units import FIELD, HEADING, PARA, Unit

_BRACKETED = re.compile(r"^\([^()]{1,40}\)$")


class FieldValueContinuesInBrackets(Rule):
    """A short bracketed line right under a post detail finishes its value.

    Before: ``TITLE Generalist Teaching Assistant`` then a line ``(Level 2)``.  After: title
    "Generalist Teaching Assistant (Level 2)".
    """

    code = "F10"
    name = "field.value-continues-in-brackets"
    stage = PROMOTE

    def match(self, n: Neighbours, ctx: Context) -> bool:
        u, nxt = n.unit, n.next
        return (u.kind == FIELD and bool(u.value) and nxt is not None and nxt.kind in (PARA, HEADING)
                and bool(_BRACKETED.match(nxt.text)))

    def apply(self, n: Neighbours, ctx: Context) -> tuple[Unit, int]:
        u, nxt = n.unit, n.next
        assert nxt is not None
        value = f"{u.value} {nxt.text}"
        return Unit(FIELD, u.text, u.prov, rule=u.rule, section_rule=self.code, value=value,
                    value_blocks=list(u.value_blocks)), 1
