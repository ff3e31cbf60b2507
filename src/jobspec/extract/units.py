"""What the layout rules work on and produce: units, criterion drafts and trace records.

A *unit* is one block of the document as the rules classified it: a heading, a list item, a
paragraph, a ``Label: value`` field, or a table still to be decided. Every unit records the rule
that made it (``rule``) and, once the extractors are done, what it finally became (``fate``) and
the rule that decided that (``fate_rule``): the trace (``jobspec parse --trace``) is read off them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from jobspec.document import Block, Provenance, Table

HEADING, ITEM, PARA, FIELD, TABLE = "heading", "item", "para", "field", "table"
NOT_TAKEN = "not taken"  # the fate of an entry no extractor took (yet)

#: The layout cue behind a heading: a reader's heading style, bold type, a plain short line, a list
#: item over deeper items, a field label that names a section, or a numbered label over prose.
STYLE, BOLD, PLAIN, LIST, LABEL, PROSE_LABEL = "style", "bold", "plain", "list", "label", "prose-label"


@dataclass(slots=True)
class Unit:
    kind: str
    text: str = ""
    prov: Provenance = field(default_factory=Provenance)
    rule: str = ""
    via: str = ""  # the row rule of a layout table that let this unit flow (T06)
    cue: str = ""  # headings only: STYLE, BOLD, PLAIN, LIST or LABEL
    marker: str | None = None
    level: int = 0
    bold: bool = False
    value: str = ""
    value_blocks: list[Block] = field(default_factory=list)
    table: Table | None = None
    typed: bool = False  # the marker was typed into the text, not list formatting
    section_rule: str = ""  # a later rule that re-read this unit (S05: a heading read as text; F10)
    fate: str = ""
    fate_rule: str = ""
    earlier: list[str] = field(default_factory=list)  # rules that decided before the last one

    def decide(self, fate: str, rule: str) -> None:
        """Record what this unit finally became and which rule decided it."""
        if self.fate_rule and self.fate_rule != rule and not self.fate.startswith(NOT_TAKEN):
            self.earlier.append(self.fate_rule)
        self.fate, self.fate_rule = fate, rule


@dataclass(slots=True)
class Draft:
    """A criterion before ids and tags are assigned."""

    text: str
    level: str
    category_label: str | None
    assessed_by: list[str]
    prov: Provenance
    rule: str = ""
    also: list[str] = field(default_factory=list)  # cell-line and inline rules that shaped it
    label_is_header: bool = False
    category_hint: str | None = None
    unit: Unit | None = None  # the unit it was read from (list criteria), for the trace
    group: int | None = None  # the section group it was read in (list criteria)


@dataclass(slots=True)
class TraceRecord:
    """One line of the trace: where, what the reader gave, what it became, and the deciding rule."""

    where: str
    kind: str
    text: str
    became: str
    rule: str
    made_by: str = ""
    earlier: str = ""  # rules that decided before ``rule`` overrode them (D08 before PU02)

    def to_dict(self) -> dict[str, str]:
        return {"at": self.where, "kind": self.kind, "text": self.text, "became": self.became,
                "rule": self.rule, "made_by": self.made_by, "earlier": self.earlier}
