from __future__ import annotations

import re

from jobspec.extract.rules.base import PURPOSE, Context, Rule
from jobspec.extract.rules.subjects import EntryStep, Keep
from jobspec.extract.units import PARA
from jobspec.extract.wording import DUTIES

_SENTENCE_END = re.compile(r"(?<=[a-z)])\.\s+(?=[A-Z])")


class PurposeRoleSummarySentence(Rule):
    """A "The post holder will be responsible to … for …" paragraph in a duties section states the purpose.

    Before: under "Main duties", ``The post holder will be responsible to the Head for the
    efficient running of the office. They will …``  After: purpose "The post holder will be
    responsible to the Head for the efficient running of the office." (its first sentence only).
    """

    code = "PU02"
    name = "purpose.role-summary-sentence"
    stage = PURPOSE

    def match(self, e: EntryStep, ctx: Context) -> bool:
        return e.kind == DUTIES and e.unit.kind == PARA and bool(ctx.wording.role_summary.search(e.unit.text))

    def apply(self, e: EntryStep, ctx: Context) -> Keep:
        m = _SENTENCE_END.search(e.unit.text)
        return Keep(e.unit.text[: m.start() + 1] if m else e.unit.text)
