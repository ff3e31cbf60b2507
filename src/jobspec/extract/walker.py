"""Walk the units of a document, tracking which kind of section each one sits in.

The section rules decide what each heading (or a line acting as one) does to the current
section; the table rules decide whether a table is a person specification (parsed by
:mod:`jobspec.extract.ps_tables`) or page layout (unrolled back into the flow).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from jobspec.document import Provenance
from jobspec.extract.flow import layout_units, linearise
from jobspec.extract.ps_tables import parse_ps_table
from jobspec.extract.rules import SECTION, TABLE, Context
from jobspec.extract.rules.subjects import (
    PERSON_SPEC_TABLE,
    AsEntry,
    AsHeading,
    AsNothing,
    Open,
    SectionRecord,
    SectionState,
    SectionStep,
    SetCategory,
    SetLevel,
    TableStep,
)
from jobspec.extract.text import clean, heading_label
from jobspec.extract.units import FIELD, HEADING, ITEM, LABEL, NOT_TAKEN, PARA, PLAIN, Draft, Unit
from jobspec.extract.units import TABLE as TABLE_UNIT
from jobspec.extract.wording import PERSON_SPEC, UNKNOWN


@dataclass(slots=True)
class Entry:
    """An item or paragraph with the section it sits in."""

    unit: Unit
    kind: str
    section: str | None
    group: int
    numbered_section: bool = False
    items_only: bool = False
    ps_category: str | None = None
    ps_level: str | None = None
    opened_by: str = ""


@dataclass(slots=True)
class Field:
    label: str
    value: str
    prov: Provenance
    section_kind: str
    unit: Unit


@dataclass(slots=True)
class Walk:
    entries: list[Entry] = field(default_factory=list)
    fields: list[Field] = field(default_factory=list)
    criteria: list[Draft] = field(default_factory=list)
    first_units: list[Unit] = field(default_factory=list)
    sections: list[SectionRecord] = field(default_factory=list)
    headings: list[tuple[str, str]] = field(default_factory=list)  # every heading met: label, kind its words name
    ps_tables: list[tuple[str, int, int, int]] = field(default_factory=list)  # where, group, criteria given, rows
    misaligned: list[tuple[str, int, int]] = field(default_factory=list)  # rows whose levels did not pair


class _Walker:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.w = Walk()
        self.s = SectionState()
        self._where = ""

    def units(self, units: list[Unit]) -> None:
        ctx = self.ctx
        for u in units:
            if len(self.w.first_units) < ctx.settings.top_units and u.kind != TABLE_UNIT:
                self.w.first_units.append(u)
            if ctx.log is not None:
                ctx.log.append(u)
            self._where = u.prov.describe()
            if u.kind == TABLE_UNIT:
                self._table(u)
                continue
            if u.kind in (HEADING, FIELD):
                label = heading_label(u.text)
                kind = ctx.wording.section_kind(label)
            else:
                label, kind = u.text, UNKNOWN  # an item or paragraph names no section (S10 asks for itself)
            if u.kind == HEADING:
                self.w.headings.append((label, kind))
            rule, d = ctx.first(SECTION, SectionStep(u, label, kind, self.s))
            if rule is None:
                if u.kind == FIELD:
                    self.w.fields.append(Field(label, clean(u.value), u.prov, self.s.kind, u))
                elif u.kind in (ITEM, PARA):
                    self._entry(u)
            elif isinstance(d, AsEntry):
                u.kind, u.section_rule = PARA, rule.code
                self._entry(u)
            elif isinstance(d, AsNothing):
                u.decide("letterhead: not taken", rule.code)
            elif isinstance(d, AsHeading):
                u.section_rule = rule.code
                if u.kind == FIELD:
                    self._heading(Unit(HEADING, label, u.prov, rule=u.rule, cue=LABEL), u)
                    self.units(linearise(u.value_blocks, ctx))
                else:
                    self._heading(Unit(HEADING, u.text, u.prov, rule=u.rule, cue=PLAIN), u)
            else:
                self._decide(u, label, rule.code, d)

    def _heading(self, h: Unit, source: Unit) -> None:
        label = heading_label(h.text)
        self.w.headings.append((label, self.ctx.wording.section_kind(label)))
        rule, d = self.ctx.first(SECTION, SectionStep(h, label, self.ctx.wording.section_kind(label), self.s))
        if rule is not None:
            self._decide(source, label, rule.code, d)

    def _decide(self, u: Unit, label: str, code: str, d: object) -> None:
        s = self.s
        if isinstance(d, SetLevel):
            s.ps_level = d.level
            if d.category:
                s.ps.category = d.category
            s.group += 1
            u.decide(f"level: {d.level}", code)
        elif isinstance(d, SetCategory):
            s.ps.category, s.ps_level = d.label, None
            s.group += 1
            u.decide(f"category: {d.label}", code)
        elif isinstance(d, Open):
            self._open(d.kind, d.label, code, d.numbered, d.items_only)
            if d.kind == PERSON_SPEC:
                s.ps_level, s.ps.category = d.level, d.category
            u.decide(f"opens {d.kind.replace('_', ' ')} section" + (" (numbered)" if d.numbered else ""), code)
        elif isinstance(d, AsEntry):
            u.kind, u.section_rule = PARA, code
            self._entry(u)

    def _entry(self, u: Unit) -> None:
        s = self.s
        ps = s.kind == PERSON_SPEC
        u.decide(f"{NOT_TAKEN}: in {s.kind.replace('_', ' ')} section", s.opened_by)  # until an extractor takes it
        self.w.entries.append(Entry(u, s.kind, s.label, s.group, s.numbered, s.items_only, s.ps.category if ps else None,
                                    s.ps_level if ps else None, s.opened_by))

    def _open(self, kind: str, label: str | None, code: str, numbered: bool = False, items_only: bool = False) -> None:
        s = self.s
        if kind != PERSON_SPEC:
            s.ps_tables = 0
        s.kind, s.label, s.numbered, s.opened_by, s.items_only = kind, label, numbered, code, items_only
        s.group += 1
        self.w.sections.append(SectionRecord(kind, label, s.group, self._where, items_only))

    def _table(self, u: Unit) -> None:
        t = u.table
        if t is None:
            return
        rule, d = self.ctx.first(TABLE, TableStep(t, self.s))
        if rule is None:
            return
        if d == PERSON_SPEC_TABLE:
            if self.s.kind != PERSON_SPEC:
                self._open(PERSON_SPEC, None, rule.code)
            drafts = parse_ps_table(t, self.s.ps, self.s.ps_level or "essential", self.ctx)
            self.w.criteria.extend(drafts)
            self.w.ps_tables.append((t.prov.describe(), self.s.group, len(drafts), len(t.rows)))
            self.w.misaligned.extend(self.s.ps.misaligned)
            self.s.ps.misaligned.clear()
            self.s.ps_tables += 1
            u.decide("person-spec table", rule.code)
        else:
            u.decide("layout table", rule.code)
            self.units(layout_units(t, self.ctx))


def walk(units: list[Unit], ctx: Context) -> Walk:
    """Assign every unit to its section; parse person-specification tables on the way."""
    w = _Walker(ctx)
    w.units(units)
    return w.w


