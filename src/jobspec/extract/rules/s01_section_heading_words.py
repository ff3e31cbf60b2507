from __future__ import annotations

from jobspec.extract.rules.base import SECTION, Context, Rule
from jobspec.extract.rules.subjects import Open, SectionStep
from jobspec.extract.units import HEADING


class SectionHeadingWords(Rule):
    """A heading opens the kind of section its words name (the layout wording's ``sections``).

    "Main duties and responsibilities" opens duties, "Job purpose" purpose, "About us" an
    excluded section, "Safeguarding" a statement; a heading that names none opens an unknown
    section, whose items are nothing unless another rule says so.
    """

    code = "S01"
    name = "section.heading-words"
    stage = SECTION

    def match(self, s: SectionStep, ctx: Context) -> bool:
        return s.unit.kind == HEADING

    def apply(self, s: SectionStep, ctx: Context) -> Open:
        return Open(s.label_kind, s.label)
