from __future__ import annotations

import re

from jobspec.extract.rules.base import INLINE, Context, Rule
from jobspec.extract.rules.subjects import InlineText

_INLINE_LEVEL = re.compile(r"\s*[\(\[]\s*(E|D|Essential|Desirable)\s*[\)\]]\s*$|\s+[-–]\s*(Essential|Desirable)\s*$", re.I)


class PersonSpecInlineLevel(Rule):
    """A trailing ``(E)``, ``(D)``, ``[Essential]`` or ``– Desirable`` sets a criterion's level and is cut off.

    Before: ``• Experience of working with children (D)``.  After: criterion "Experience of
    working with children", desirable.
    """

    code = "PS09"
    name = "person-spec.inline-level"
    stage = INLINE

    def match(self, it: InlineText, ctx: Context) -> bool:
        return _INLINE_LEVEL.search(it.text) is not None

    def apply(self, it: InlineText, ctx: Context) -> None:
        m = _INLINE_LEVEL.search(it.text)
        assert m is not None
        word = (m.group(1) or m.group(2)).lower()
        it.level = ctx.wording.level_letters.get(word[0].upper(), it.level)
        it.text = it.text[: m.start()].rstrip()
