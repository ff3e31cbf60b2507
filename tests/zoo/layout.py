"""The blocks of a generated document, drawn the same way by the DOCX and the HTML renderer."""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field


@dataclass
class Run:
    text: str
    bold: bool = False
    italic: bool = False
    underline: bool = False
    size: float | None = None  # points; None is the body size


@dataclass(frozen=True)
class ListSpec:
    """Membership of a real list: ``kind`` bullet | decimal | letter | multilevel; one ``list_id`` per list."""

    kind: str
    list_id: int
    level: int = 0
    glyph: str = "\u2022"  # bullets only; "symbol" is Word's default Symbol-font bullet


@dataclass
class Para:
    runs: list[Run]
    style: str = "Normal"  # Normal | Heading 1 | Heading 2 | Heading 3 | Title
    align: str | None = None  # center | right
    lst: ListSpec | None = None
    space_after: float | None = None  # points

    @property
    def text(self) -> str:
        return "".join(r.text for r in self.runs)


@dataclass
class Cell:
    blocks: list[Para] = field(default_factory=list)
    span: int = 1  # columns covered (w:gridSpan / colspan)
    vmerge: str | None = None  # "restart" | "continue": a cell merged with the ones below it
    shade: str | None = None  # hex fill, e.g. "D9D9D9"


@dataclass
class Row:
    cells: list[Cell]
    header: bool = False  # repeated at the top of each page (w:tblHeader / <thead>)


@dataclass
class Table:
    rows: list[Row]
    widths: list[float]  # cm, one per grid column
    borders: bool = True


@dataclass
class PageBreak:
    pass


Block = Para | Table | PageBreak


@dataclass
class Layout:
    """A whole document: body blocks and what sits in the page header."""

    title: str
    body: list[Block] = field(default_factory=list)
    header: list[Para | Table] = field(default_factory=list)
    font: str = "Arial"
    size: float = 11

    def add(self, *blocks: Block) -> None:
        self.body.extend(blocks)


# ------------------------------------------------------------------------------------------------
# Shorthand used by the families


def para(text: str = "", *, bold: bool = False, italic: bool = False, underline: bool = False,
         size: float | None = None, style: str = "Normal", align: str | None = None) -> Para:
    return Para([Run(text, bold=bold, italic=italic, underline=underline, size=size)] if text else [],
                style=style, align=align)


def heading(text: str, level: int = 1) -> Para:
    return Para([Run(text)], style=f"Heading {level}")


def label_value(label: str, value: str, sep: str = ":") -> Para:
    """``Label: value`` with the label in bold."""
    return Para([Run(f"{label}{sep}", bold=True), Run(f" {value}")])


def cell(*texts: str, bold: bool = False, shade: str | None = None, span: int = 1) -> Cell:
    return Cell([para(t, bold=bold) for t in texts] or [para()], span=span, shade=shade)


class Lists:
    """Hands out list identities, so each list in a document restarts its numbering."""

    def __init__(self) -> None:
        self._ids = itertools.count(1)

    def items(self, texts: list[str], kind: str = "bullet", glyph: str = "\u2022", level: int = 0) -> list[Para]:
        spec = ListSpec(kind, next(self._ids), level, glyph)
        return [Para([Run(t)], lst=spec) for t in texts]

    def new(self) -> int:
        """A fresh list id, for callers that build the list paragraphs themselves."""
        return next(self._ids)
