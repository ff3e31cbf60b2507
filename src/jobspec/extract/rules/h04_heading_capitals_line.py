from __future__ import annotations

from jobspec.document import Paragraph
from jobspec.extract.rules.base import BLOCK, Context, Rule
from jobspec.extract.text import clean, is_capitals, short_line, words
from jobspec.extract.units import HEADING, PLAIN, Unit


class HeadingCapitalsLine(Rule):
    """A short line in capitals is a heading (``MAIN DUTIES AND RESPONSIBILITIES OF THE POST``).

    Council templates and text exports often lose bold but keep capitals. Limit:
    ``capitals_heading_max_words``.
    """

    code = "H04"
    name = "heading.capitals-line"
    stage = BLOCK

    def match(self, b: object, ctx: Context) -> bool:
        if not isinstance(b, Paragraph):
            return False
        t = clean(b.text)
        return (not t.endswith(":") and short_line(t, ctx.settings) and is_capitals(t)
                and len(words(t)) <= ctx.settings.capitals_heading_max_words)

    def apply(self, b: Paragraph, ctx: Context) -> list[Unit]:
        return [Unit(HEADING, clean(b.text), b.prov, rule=self.code, cue=PLAIN)]
