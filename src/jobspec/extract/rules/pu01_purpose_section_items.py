from __future__ import annotations

from jobspec.extract.rules.base import PURPOSE, Context, Rule
from jobspec.extract.rules.subjects import EntryStep, Keep
from jobspec.extract.text import is_lead_in
from jobspec.extract.wording import PURPOSE as PURPOSE_SECTION


class PurposeSectionItems(Rule):
    """Each paragraph or item under a purpose heading ("Job purpose", "Job summary") is a purpose statement.

    Lead-ins ("The post holder will:") are not.
    """

    code = "PU01"
    name = "purpose.section-items"
    stage = PURPOSE

    def match(self, e: EntryStep, ctx: Context) -> bool:
        return e.kind == PURPOSE_SECTION and not is_lead_in(e.unit.text)

    def apply(self, e: EntryStep, ctx: Context) -> Keep:
        return Keep()
