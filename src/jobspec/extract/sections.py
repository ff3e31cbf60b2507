"""Walk the units of a document, tracking which kind of section each one sits in."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from jobspec.document import Provenance, Table
from jobspec.extract.ps_table import Draft, PSState, category_table, looks_like_ps_table, parse_ps_table
from jobspec.extract.text import clean, has_level_word, heading_label
from jobspec.extract.units import FIELD, HEADING, ITEM, PARA, TABLE, Unit, layout_units, linearise
from jobspec.extract.vocabulary import (
    DETAILS,
    DUTIES,
    PERSON_SPEC,
    UNKNOWN,
    field_of,
    is_category_label,
    section_kind,
)


@dataclass(slots=True)
class Entry:
    """An item or paragraph with the section it sits in."""

    unit: Unit
    kind: str
    section: str | None
    group: int
    numbered_section: bool = False
    ps_category: str | None = None
    ps_level: str | None = None


@dataclass(slots=True)
class Field:
    label: str
    value: str
    prov: Provenance
    section_kind: str


@dataclass(slots=True)
class Walk:
    entries: list[Entry] = field(default_factory=list)
    fields: list[Field] = field(default_factory=list)
    criteria: list[Draft] = field(default_factory=list)
    headings: list[tuple[str, str, Provenance]] = field(default_factory=list)
    first_units: list[Unit] = field(default_factory=list)


class _Walker:
    def __init__(self) -> None:
        self.w = Walk()
        self.kind = UNKNOWN
        self.label: str | None = None
        self.group = 0
        self.numbered = False
        self.ps = PSState()
        self.ps_level: str | None = None
        self.ps_tables = 0  # person-spec tables parsed in the current person-spec section

    def run(self, units: list[Unit]) -> Walk:
        self._units(units)
        return self.w

    def _units(self, units: list[Unit]) -> None:
        for u in units:
            if len(self.w.first_units) < 40 and u.kind != TABLE:
                self.w.first_units.append(u)
            if u.kind == HEADING:
                self._heading(u)
            elif u.kind == FIELD:
                self._field(u)
            elif u.kind == TABLE:
                self._table(u.table)
            elif u.kind == PARA and self.kind == PERSON_SPEC and _category_line(u.text):
                self._heading(Unit(HEADING, u.text, u.prov, rank=9))
            elif u.kind in (ITEM, PARA):
                self._entry(u)

    def _entry(self, u: Unit) -> None:
        ps = self.kind == PERSON_SPEC
        self.w.entries.append(Entry(u, self.kind, self.label, self.group, self.numbered,
                                    self.ps.category if ps else None, self.ps_level if ps else None))

    def _open(self, kind: str, label: str | None, numbered: bool = False) -> None:
        if kind != PERSON_SPEC:
            self.ps_tables = 0
        self.kind, self.label, self.numbered = kind, label, numbered
        self.group += 1

    def _heading(self, u: Unit) -> None:
        label = heading_label(u.text)
        kind = section_kind(label)
        self.w.headings.append((label, kind, u.prov))
        if self.kind == PERSON_SPEC and kind == UNKNOWN and u.rank == 9 and not _category_line(label):
            # a short title-case line inside a person specification is a criterion, not a heading
            self._entry(Unit(PARA, u.text, u.prov))
            return
        if self.kind == PERSON_SPEC and kind in (UNKNOWN, DUTIES, PERSON_SPEC):
            level = has_level_word(label)
            if kind == PERSON_SPEC and level and len(label.split()) <= 3:
                self.ps_level = level
                self.ps.category = label if len(label.split()) > 1 else self.ps.category
                self.group += 1
                return
            if kind != PERSON_SPEC and is_category_label(label) and len(label.split()) <= 8:
                self.ps.category = label
                self.ps_level = None
                self.group += 1
                return
        if kind == PERSON_SPEC:
            self._open(PERSON_SPEC, label)
            level = has_level_word(label)
            self.ps_level = level
            self.ps.category = label if level else None
            return
        if kind == UNKNOWN:
            if self.kind == DUTIES:
                self._open(DUTIES, label)
            elif self.kind == UNKNOWN:
                self._open(UNKNOWN, label, numbered=u.rank == 8)
            else:
                self._open(UNKNOWN, label, numbered=u.rank == 8)
            return
        self._open(kind, label)

    def _field(self, u: Unit) -> None:
        label = heading_label(u.text)
        name = field_of(label)
        if name is not None:
            self.w.fields.append(Field(label, clean(u.value), u.prov, self.kind))
            return
        kind = section_kind(label)
        if kind in (UNKNOWN, DETAILS) and self.kind != DUTIES:
            self.w.fields.append(Field(label, clean(u.value), u.prov, self.kind))
            return
        self._heading(Unit(HEADING, label, u.prov, rank=7))
        self._units(linearise(u.value_blocks))

    def _table(self, t: Table | None) -> None:
        if t is None:
            return
        if looks_like_ps_table(t):
            if self.kind != PERSON_SPEC:
                self._open(PERSON_SPEC, self.label if self.kind == PERSON_SPEC else None)
            self.w.criteria.extend(parse_ps_table(t, self.ps, self.ps_level or "essential"))
            self.ps_tables += 1
            return
        continuation = self.ps_tables > 0 and not _mostly_fields(t)
        if self.kind == PERSON_SPEC and (category_table(t) or continuation):
            self.w.criteria.extend(parse_ps_table(t, self.ps, self.ps_level or "essential"))
            self.ps_tables += 1
            return
        self._units(layout_units(t))


_CATEGORY_WORDS = re.compile(
    r"^(?:(?:qualifications?|education|training|experience|knowledge|skills?|abilit(?:y|ies)|understanding|"
    r"competenc(?:e|ies|y)|aptitudes?|personal|qualities|attributes|attitudes?|relevant|professional|general|"
    r"other|legal|special|requirements?|circumstances|and|&|/|,)\s*)+:?$", re.I)


def _category_line(text: str) -> bool:
    """A short line naming person-spec categories only ("Skills and abilities", "Personal qualities:")."""
    t = clean(text)
    return len(t.split()) <= 6 and bool(_CATEGORY_WORDS.match(t.replace("/", " / ").replace(",", " , ")))


def _mostly_fields(t: Table) -> bool:
    labels = [clean(r.cells[0].text) for r in t.rows if r.cells and not r.cells[0].is_empty()]
    hits = sum(1 for x in labels if field_of(heading_label(x)))
    return bool(labels) and hits * 2 >= len(labels)


def walk(units: list[Unit]) -> Walk:
    """Assign every unit to its section; parse person-specification tables on the way."""
    return _Walker().run(units)
