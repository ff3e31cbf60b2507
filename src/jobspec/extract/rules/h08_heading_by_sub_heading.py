from __future__ import annotations

import re

from jobspec.document import Heading, Paragraph
from jobspec.extract.rules.base import BLOCK, Context, Rule
from jobspec.extract.text import clean, words
from jobspec.extract.units import BOLD, HEADING, PLAIN, Unit

_BY = re.compile(r"\bby\s*:?$", re.I)


class HeadingBySubHeading(Rule):
    """A short "<Verb> … by:" line over a list is a sub-heading that the list completes.

    Council templates group duties as ``Support the teacher by:`` / ``Supporting pupils by`` /
    ``Support the school by:``, each over its own bullets. After: each bullet a duty whose section
    is the sub-heading ("Support the teacher by"). A long lead-in starting "To …" ("To work under
    guidance to enable access to learning by:") stays a lead-in. Limit: ``named_section_max_words``
    plus one.
    """

    code = "H08"
    name = "heading.by-sub-heading"
    stage = BLOCK

    def match(self, b: object, ctx: Context) -> bool:
        if not isinstance(b, (Paragraph, Heading)):
            return False
        t = clean(b.text)
        n = len(words(t))
        return (bool(_BY.search(t)) and 2 <= n <= ctx.settings.named_section_max_words + 1
                and t[:1].isupper() and not t.startswith("To "))

    def apply(self, b: Paragraph | Heading, ctx: Context) -> list[Unit]:
        bold = getattr(b, "bold", False)
        return [Unit(HEADING, clean(b.text), b.prov, rule=self.code, cue=BOLD if bold else PLAIN, bold=bold)]
