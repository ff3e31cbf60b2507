from __future__ import annotations

from jobspec.extract.rules.base import SECTION, Context, Rule
from jobspec.extract.rules.subjects import Open, SectionStep
from jobspec.extract.units import HEADING, PROSE_LABEL
from jobspec.extract.wording import DUTIES, UNKNOWN


class SectionLabelledParagraphs(Rule):
    """Under a numbered label over prose (H09), the paragraphs describe the job: only list items can be duties.

    Job-evaluation factors ("1. Work context", "2. Physical demands") are followed by prose that
    describes the post, sometimes in duty-like words; the duties are the main duties list. The
    section stays a duties sub-section when it sits among the duties, so a bulleted list under a
    factor is still read.
    """

    code = "S12"
    name = "section.labelled-paragraphs"
    stage = SECTION

    def match(self, s: SectionStep, ctx: Context) -> bool:
        return s.unit.kind == HEADING and s.unit.cue == PROSE_LABEL

    def apply(self, s: SectionStep, ctx: Context) -> Open:
        kind = DUTIES if s.state.kind == DUTIES else UNKNOWN
        return Open(kind, s.label, items_only=True)
