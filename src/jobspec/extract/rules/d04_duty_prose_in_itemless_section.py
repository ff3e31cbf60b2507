from __future__ import annotations

from jobspec.extract.rules.base import DUTY, Context, Rule
from jobspec.extract.rules.subjects import EntryStep, Keep
from jobspec.extract.text import words
from jobspec.extract.units import PARA
from jobspec.extract.wording import DUTIES


class DutyProseInItemlessSection(Rule):
    """In a duties section with no list at all, each paragraph is a duty.

    Before: **Main duties** then paragraphs "Prepare the classroom for lessons." / "Keep records
    of pupils' progress."  After: two duties. Paragraphs shorter than ``prose_duty_min_words``
    words are not.
    """

    code = "D04"
    name = "duty.prose-in-itemless-section"
    stage = DUTY

    def match(self, e: EntryStep, ctx: Context) -> bool:
        g = e.group
        return (g is not None and g.kind == DUTIES and e.unit.kind == PARA and not g.items_only and not g.has_items
                and len(words(e.unit.text)) >= ctx.settings.prose_duty_min_words)

    def apply(self, e: EntryStep, ctx: Context) -> Keep:
        return Keep()
