from __future__ import annotations

from jobspec.extract.rules.base import DUTY, Context, Rule
from jobspec.extract.rules.duty_common import closes_list
from jobspec.extract.rules.subjects import Drop, EntryStep


class DutyNoteIsNotADuty(Rule):
    """A note about the job description itself is not a duty, even as a list item.

    Before: ``• This job description is not exhaustive and will be reviewed annually.``  After:
    dropped. The phrases are the layout wording's ``phrases.note``.
    """

    code = "D01"
    name = "duty.note-is-not-a-duty"
    stage = DUTY

    def match(self, e: EntryStep, ctx: Context) -> bool:
        return bool(ctx.wording.note.search(e.unit.text))

    def apply(self, e: EntryStep, ctx: Context) -> Drop:
        return Drop(closes=closes_list(e, ctx))
