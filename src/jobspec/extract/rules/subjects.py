"""What rules are asked about (subjects) and what they answer (decisions), stage by stage."""

from __future__ import annotations

from dataclasses import dataclass, field

from jobspec.document import Cell, Row, Table
from jobspec.extract.cells import Layout, PSState
from jobspec.extract.units import Unit
from jobspec.extract.wording import UNKNOWN
from jobspec.spec.model import Post, Spec


@dataclass(slots=True)
class SectionState:
    """Where the walker is: the kind and label of the current section and person-spec state."""

    kind: str = UNKNOWN
    label: str | None = None
    group: int = 0
    numbered: bool = False
    items_only: bool = False  # a statement heading inside duties: only its list items can be duties
    ps: PSState = field(default_factory=PSState)
    ps_level: str | None = None
    ps_tables: int = 0  # person-spec tables parsed in the current person-spec section
    opened_by: str = ""  # the rule that opened the current section


# --- promote -------------------------------------------------------------------------------
@dataclass(slots=True)
class Neighbours:
    """A unit with the one after it (stage promote)."""

    units: list[Unit]
    i: int

    @property
    def unit(self) -> Unit:
        return self.units[self.i]

    @property
    def next(self) -> Unit | None:
        return self.units[self.i + 1] if self.i + 1 < len(self.units) else None


# --- section -------------------------------------------------------------------------------
@dataclass(slots=True)
class SectionStep:
    """A heading (or a line acting as one) met by the walker, with what its words name."""

    unit: Unit
    label: str
    label_kind: str
    state: SectionState


@dataclass(slots=True)
class Open:
    """Open a new section."""

    kind: str
    label: str | None
    numbered: bool = False
    level: str | None = None
    category: str | None = None
    items_only: bool = False


@dataclass(slots=True)
class SetLevel:
    """Stay in the person specification; criteria below take this level (and category)."""

    level: str
    category: str | None = None


@dataclass(slots=True)
class SetCategory:
    """Stay in the person specification; criteria below take this category label."""

    label: str


@dataclass(slots=True)
class AsEntry:
    """Not a heading after all: an item or paragraph of the current section."""


@dataclass(slots=True)
class AsNothing:
    """A line that belongs to no section and is nothing to take (a letterhead)."""


@dataclass(slots=True)
class AsHeading:
    """A line that acts as a heading (a category line in a person specification)."""


# --- tables --------------------------------------------------------------------------------
PERSON_SPEC_TABLE, LAYOUT_TABLE = "person-spec", "layout"


@dataclass(slots=True)
class TableStep:
    table: Table
    state: SectionState


@dataclass(slots=True)
class LayoutRow:
    """A row of a layout table with its non-empty cells (stage row)."""

    row: Row
    cells: list[Cell]


@dataclass(slots=True)
class PSTable:
    """A person-spec table and what carries over from the one before (stage ps-table)."""

    table: Table
    state: PSState


@dataclass(slots=True)
class PSRow:
    """A row of a person-specification table (stage ps-row)."""

    row: Row
    content: list[Cell]  # non-empty cells other than the evidence column and row numbers
    layout: Layout
    state: PSState
    methods: list[str]
    tick_mode: bool
    default_level: str


@dataclass(slots=True)
class CellLine:
    """One line of a person-spec cell, with the level in force (stage cell-line)."""

    text: str
    level: str
    from_list: bool


@dataclass(slots=True)
class InlineText:
    """A criterion's text while trailing markers are split off (stage inline)."""

    text: str
    level: str
    methods: list[str] = field(default_factory=list)


# --- duties, criteria, purpose ----------------------------------------------------------------
@dataclass(slots=True)
class GroupFacts:
    """What a duty rule may know of the section group an entry sits in."""

    kind: str
    numbered: bool
    has_items: bool
    items_only: bool = False
    seen_items: bool = False
    closed: bool = False
    duty_lead_in: bool = False  # a lead-in putting the list below on the post holder came before


@dataclass(slots=True)
class EntryStep:
    unit: Unit
    kind: str
    group: GroupFacts | None = None


@dataclass(slots=True)
class Keep:
    """Take the entry (as a duty, criterion or purpose statement)."""

    text: str | None = None  # a replacement text (e.g. the first sentence only)


@dataclass(slots=True)
class Hint:
    """Not taken, but the criteria below it in its section take this category."""

    category: str


@dataclass(slots=True)
class Drop:
    """Not taken; ``closes`` ends the duty list of its section (prose after a list)."""

    closes: bool = False


# --- post details ----------------------------------------------------------------------------
@dataclass(slots=True)
class PostStep:
    """The post details found in fields so far, and where else to look (stage post)."""

    post: Post
    top: list[Unit]  # the first units of the document (headings, paragraphs, fields, items)
    header_lines: list[str]
    salary_text: str | None = None
    title_at: int | None = None  # index in ``top`` of the line the title came from


# --- review ------------------------------------------------------------------------------------
@dataclass(slots=True)
class SectionRecord:
    """A section the walker opened: its kind, label, group and where."""

    kind: str
    label: str | None
    group: int
    where: str
    items_only: bool = False


@dataclass(slots=True)
class ReviewStep:
    """The finished spec and what the walk saw, for the review rules."""

    spec: Spec
    sections: list[SectionRecord]
    taken_by_group: dict[int, int]  # duties and criteria taken per section group
    entries_by_group: dict[int, int]  # items and paragraphs met per section group
    ps_tables: list[tuple[str, int, int, int]]  # each person-spec table: where, section group, criteria, rows
    headings: list[tuple[str, str]]  # every heading: its label and the kind of section its words name
    title_lines: list[str]  # the first lines of the document
    misaligned: list[tuple[str, int, int]] = field(default_factory=list)  # person-spec rows: where, criteria, levels
