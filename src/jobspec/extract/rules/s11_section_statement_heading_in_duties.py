from __future__ import annotations

from jobspec.extract.rules.base import SECTION, Context, Rule
from jobspec.extract.rules.subjects import Open, SectionStep
from jobspec.extract.units import HEADING, LIST
from jobspec.extract.wording import DUTIES, STATEMENT


class SectionStatementHeadingInDuties(Rule):
    """Among the duties, a "Safeguarding" (or "Child protection") heading is a duties sub-section for its list.

    Before: "Main duties", …, **5. Safeguarding**, ``5.1 Report any concern to the DSL at once``,
    then the school's safeguarding statement as prose.  After: the list items are duties in
    section "Safeguarding"; the prose stays a statement (only list items are taken there). The
    same heading outside the duties opens a statement section as usual.
    """

    code = "S11"
    name = "section.statement-heading-in-duties"
    stage = SECTION

    def match(self, s: SectionStep, ctx: Context) -> bool:
        return (s.unit.kind == HEADING and s.label_kind == STATEMENT
                and (s.state.kind == DUTIES or s.state.numbered or s.unit.cue == LIST))

    def apply(self, s: SectionStep, ctx: Context) -> Open:
        return Open(DUTIES, s.label, items_only=True)
