from __future__ import annotations

from jobspec.document import Paragraph
from jobspec.extract.rules.base import BLOCK, Context, Rule
from jobspec.extract.text import clean, is_title_case, short_line, words
from jobspec.extract.units import HEADING, PLAIN, Unit


class HeadingTitleCaseLine(Rule):
    """A short Title Case line is a heading (``Support for the School``, ``Personal Qualities``).

    Small words (and, of, the …, see the layout wording) may stay lower case. Limit:
    ``title_case_heading_max_words``. Inside a person specification such a line may instead be
    a short criterion (S05).
    """

    code = "H05"
    name = "heading.title-case-line"
    stage = BLOCK

    def match(self, b: object, ctx: Context) -> bool:
        if not isinstance(b, Paragraph):
            return False
        t = clean(b.text)
        return (not t.endswith(":") and short_line(t, ctx.settings) and is_title_case(t, ctx.wording)
                and len(words(t)) <= ctx.settings.title_case_heading_max_words)

    def apply(self, b: Paragraph, ctx: Context) -> list[Unit]:
        return [Unit(HEADING, clean(b.text), b.prov, rule=self.code, cue=PLAIN)]
