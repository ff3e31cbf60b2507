from __future__ import annotations

from jobspec.extract.rules.base import DUTY, Context, Rule
from jobspec.extract.rules.subjects import Drop, EntryStep
from jobspec.extract.text import is_lead_in, words
from jobspec.extract.units import ITEM


class DutyLeadInIsNotADuty(Rule):
    """A line that leads into a list (ends with a colon or dash) is not a duty.

    Before: ``The post holder will:`` then items.  After: the items are duties, the lead-in is
    dropped. A long list item ending with a colon (over ``lead_in_max_words`` words) is a duty
    that happens to introduce examples.
    """

    code = "D02"
    name = "duty.lead-in-is-not-a-duty"
    stage = DUTY

    def match(self, e: EntryStep, ctx: Context) -> bool:
        t = e.unit.text
        if not is_lead_in(t):
            return False
        return e.unit.kind != ITEM or len(words(t)) <= ctx.settings.lead_in_max_words

    def apply(self, e: EntryStep, ctx: Context) -> Drop:
        return Drop()
