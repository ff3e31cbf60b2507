from __future__ import annotations

import re

from jobspec.extract.rules.base import DUTY, Context, Rule
from jobspec.extract.rules.subjects import Drop, EntryStep
from jobspec.extract.wording import DUTIES

_DUTY_VERB = re.compile(r"\b(is|are) (responsible|required|expected|accountable)\b", re.I)


class DutyDescriptionIsNotADuty(Rule):
    """A line that describes the job, rather than asking something of the post holder, is not a duty.

    Job-evaluation templates list, under factors such as "Physical demands" or "Contacts", both
    duties and descriptions. Before: ``• The role involves standing for most of the day`` /
    ``• Contacts are mainly with pupils and parents`` / ``• The post holder has no budget
    responsibility``.  After: not duties (``• Lift and carry play equipment`` still is). "The post
    holder will …" and "… is responsible for …" remain duties. Phrases: the layout wording's
    ``phrases.description``.
    """

    code = "D11"
    name = "duty.description-is-not-a-duty"
    stage = DUTY

    def match(self, e: EntryStep, ctx: Context) -> bool:
        g = e.group
        t = e.unit.text
        return (g is not None and g.kind == DUTIES and bool(ctx.wording.description.search(t))
                and not _DUTY_VERB.search(t))

    def apply(self, e: EntryStep, ctx: Context) -> Drop:
        return Drop()
