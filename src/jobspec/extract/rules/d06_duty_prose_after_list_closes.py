from __future__ import annotations

from jobspec.extract.rules.base import DUTY, Context, Rule
from jobspec.extract.rules.duty_common import closes_list
from jobspec.extract.rules.subjects import Drop, EntryStep
from jobspec.extract.units import ITEM


class DutyProseAfterListCloses(Rule):
    """Prose after a duties list ends it: what follows belongs to the prose, not to the duties.

    Before: duty items, then "At interview we will explore the following:", then items (topics).
    After: the topics are not duties. Limit: ``closing_prose_min_words``.
    """

    code = "D06"
    name = "duty.prose-after-list-closes"
    stage = DUTY

    def match(self, e: EntryStep, ctx: Context) -> bool:
        g = e.group
        return g is not None and ((e.unit.kind == ITEM and g.closed) or closes_list(e, ctx))

    def apply(self, e: EntryStep, ctx: Context) -> Drop:
        return Drop(closes=True)
