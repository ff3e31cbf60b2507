from __future__ import annotations

from jobspec.document import Paragraph
from jobspec.extract.rules.base import BLOCK, Context, Rule
from jobspec.extract.text import clean, short_line
from jobspec.extract.units import BOLD, HEADING, Unit


class HeadingBoldLine(Rule):
    """A short, all-bold paragraph that is not a sentence is a heading.

    Many templates make headings with bold Normal text, not heading styles.
    Before: **Team working** (bold, no full stop) then items.  After: a heading over the items.
    Not a heading: **Plan lessons with the teacher.** (ends as a sentence) or a bold line over
    the word and length limits (``heading_max_words``, ``heading_max_chars``).
    """

    code = "H01"
    name = "heading.bold-line"
    stage = BLOCK

    def match(self, b: object, ctx: Context) -> bool:
        if not isinstance(b, Paragraph) or not b.bold:
            return False
        t = clean(b.text)
        return not t.endswith(":") and short_line(t, ctx.settings)

    def apply(self, b: Paragraph, ctx: Context) -> list[Unit]:
        return [Unit(HEADING, clean(b.text), b.prov, rule=self.code, cue=BOLD, bold=True)]
