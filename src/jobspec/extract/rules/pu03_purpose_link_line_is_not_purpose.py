from __future__ import annotations

from jobspec.extract.rules.base import PURPOSE, Context, Rule
from jobspec.extract.rules.subjects import Drop, EntryStep


class PurposeLinkLineIsNotPurpose(Rule):
    """A line that only points elsewhere is not a purpose statement.

    Job descriptions copied from web pages keep their links as text: ``Read more about the
    team.``, ``Find out more on our website``, ``Click here for the benefits``. Phrases: the layout
    wording's ``phrases.link_line``.
    """

    code = "PU03"
    name = "purpose.link-line-is-not-purpose"
    stage = PURPOSE

    def match(self, e: EntryStep, ctx: Context) -> bool:
        return bool(ctx.wording.link_line.search(e.unit.text))

    def apply(self, e: EntryStep, ctx: Context) -> Drop:
        return Drop()
