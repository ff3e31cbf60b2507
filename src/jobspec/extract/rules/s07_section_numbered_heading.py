from __future__ import annotations

from jobspec.extract.rules.base import SECTION, Context, Rule
from jobspec.extract.rules.subjects import Open, SectionStep
from jobspec.extract.units import HEADING, LIST
from jobspec.extract.wording import UNKNOWN


class SectionNumberedHeading(Rule):
    """A list item promoted to heading (H02) opens a numbered section, even when its words name nothing.

    Numbered headings over lettered items are a duties layout ("1. Teaching and learning" /
    "a) …"): the items of such sections are duties (D07) wherever they are.
    """

    code = "S07"
    name = "section.numbered-heading"
    stage = SECTION

    def match(self, s: SectionStep, ctx: Context) -> bool:
        return s.unit.kind == HEADING and s.label_kind == UNKNOWN and s.unit.cue == LIST

    def apply(self, s: SectionStep, ctx: Context) -> Open:
        return Open(UNKNOWN, s.label, numbered=True)
