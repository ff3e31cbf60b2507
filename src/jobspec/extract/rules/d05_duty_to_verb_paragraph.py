from __future__ import annotations

import re

from jobspec.extract.rules.base import DUTY, Context, Rule
from jobspec.extract.rules.subjects import EntryStep, Keep
from jobspec.extract.text import words
from jobspec.extract.units import PARA
from jobspec.extract.wording import DUTIES

_TO_VERB = re.compile(r"^To [a-z]")


class DutyToVerbParagraph(Rule):
    """In a duties section, a paragraph in the "To <verb> …" form is a duty even beside a list.

    Before: items, then the plain paragraph ``To undertake any other duties as directed by the
    Headteacher.``  After: a duty too. Not once prose has closed the list (D06): what follows
    then belongs to the prose.
    """

    code = "D05"
    name = "duty.to-verb-paragraph"
    stage = DUTY

    def match(self, e: EntryStep, ctx: Context) -> bool:
        g = e.group
        return (g is not None and g.kind == DUTIES and e.unit.kind == PARA and not g.items_only and not g.closed
                and bool(_TO_VERB.match(e.unit.text))
                and len(words(e.unit.text)) >= ctx.settings.prose_duty_min_words)

    def apply(self, e: EntryStep, ctx: Context) -> Keep:
        return Keep()
