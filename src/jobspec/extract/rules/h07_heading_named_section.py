from __future__ import annotations

import re

from jobspec.document import Paragraph
from jobspec.extract.rules.base import BLOCK, Context, Rule
from jobspec.extract.text import clean, heading_label
from jobspec.extract.units import BOLD, HEADING, PLAIN, Unit
from jobspec.extract.wording import UNKNOWN

_OF_THE_POST = re.compile(r"\s+(?:of|for) (?:the|this) (?:job|post|role|position)\s*:?$", re.I)


class HeadingNamedSection(Rule):
    """A very short plain line that names a known kind of section is a heading.

    Before: ``General information`` / ``Selection process details`` / ``Main purpose of the
    job`` in ordinary type.  After: a heading that opens that kind of section. Limit:
    ``named_section_max_words``, not counting a closing "of the job / post / role"; a line that
    ends as a sentence, or starts "To …", is not one.
    """

    code = "H07"
    name = "heading.named-section"
    stage = BLOCK

    def match(self, b: object, ctx: Context) -> bool:
        if not isinstance(b, Paragraph):
            return False
        t = clean(b.text)
        words = len(_OF_THE_POST.sub("", t).split())
        if words > ctx.settings.named_section_max_words or t.endswith((".", ";", ",", "!", "?")) or t.startswith("To "):
            return False
        return ctx.wording.section_kind(heading_label(t)) != UNKNOWN

    def apply(self, b: Paragraph, ctx: Context) -> list[Unit]:
        return [Unit(HEADING, clean(b.text), b.prov, rule=self.code, cue=BOLD if b.bold else PLAIN, bold=b.bold)]
