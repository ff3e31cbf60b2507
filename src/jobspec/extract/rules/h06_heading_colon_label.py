from __future__ import annotations

from jobspec.document import Paragraph
from jobspec.extract.rules.base import BLOCK, Context, Rule
from jobspec.extract.text import clean, introduces_list, short_line
from jobspec.extract.units import BOLD, HEADING, PLAIN, Unit


class HeadingColonLabel(Rule):
    """A short line ending in a colon is a heading, unless it is a sentence leading into a list.

    Heading: ``Professional development:`` / ``Key tasks:``.  Not a heading (a lead-in, dropped
    from duties by D02): ``All staff are expected to:`` / ``The post holder will:``, which end in
    a verb or preposition or speak of "you", "will", "must".
    """

    code = "H06"
    name = "heading.colon-label"
    stage = BLOCK

    def match(self, b: object, ctx: Context) -> bool:
        if not isinstance(b, Paragraph):
            return False
        t = clean(b.text)
        return t.endswith(":") and short_line(t, ctx.settings) and not introduces_list(t, ctx.wording)

    def apply(self, b: Paragraph, ctx: Context) -> list[Unit]:
        return [Unit(HEADING, clean(b.text), b.prov, rule=self.code, cue=BOLD if b.bold else PLAIN, bold=b.bold)]
