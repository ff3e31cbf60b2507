"""The document model every reader produces: ordered blocks with provenance.

Readers (docx, pdf, text) turn a file into a :class:`Document`. Nothing downstream of a
reader knows which format a block came from: headings, paragraphs, list items and tables
look the same whatever the source.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Provenance:
    """Where a block came from in its source file.

    ``page`` is 1-based (PDF pages, or ``None``); ``line`` is a 1-based text line (text
    files); ``path`` locates the block in the reader's own structure, e.g.
    ``("table", 2, "row", 4, "cell", 1, "para", 0)``; ``part`` is body, header or footer.
    """

    page: int | None = None
    line: int | None = None
    path: tuple[str | int, ...] = ()
    part: str = "body"

    def describe(self) -> str:
        """A short human-readable location, e.g. ``page 2`` or ``table 1 row 3 cell 2``."""
        bits: list[str] = []
        if self.part != "body":
            bits.append(self.part)
        if self.page is not None:
            bits.append(f"page {self.page}")
        if self.line is not None:
            bits.append(f"line {self.line}")
        if self.path:
            it = iter(self.path)
            pairs = [f"{k} {int(v) + 1}" for k, v in zip(it, it, strict=False) if isinstance(v, int)]
            bits.extend(p for p in pairs if not (self.line is not None and p.startswith("para")))
        return ", ".join(bits) or "document"


@dataclass(slots=True)
class Heading:
    """A heading. ``level`` 1 is the biggest; readers give their best estimate."""

    text: str
    level: int = 2
    prov: Provenance = field(default_factory=Provenance)


@dataclass(slots=True)
class Paragraph:
    """A paragraph of body text. ``bold`` is true when all of its text is bold."""

    text: str
    prov: Provenance = field(default_factory=Provenance)
    bold: bool = False


@dataclass(slots=True)
class ListItem:
    """An item of a bulleted, numbered or lettered list.

    ``marker`` is the marker as the reader saw or computed it ("•", "1.", "a)", "–");
    ``level`` is the nesting depth (0 = top); ``ordered`` is true for numbers/letters.
    ``text`` never includes the marker.
    """

    text: str
    marker: str = "•"
    level: int = 0
    ordered: bool = False
    prov: Provenance = field(default_factory=Provenance)
    bold: bool = False


@dataclass(slots=True)
class Cell:
    """A table cell: its own blocks (paragraphs, list items, even nested tables).

    ``col`` is the first grid column the cell covers and ``span`` how many columns it
    covers. A cell merged vertically with the cell above is not repeated: the row below
    simply has no cell at that grid column.
    """

    blocks: list[Block] = field(default_factory=list)
    col: int = 0
    span: int = 1
    prov: Provenance = field(default_factory=Provenance)

    @property
    def text(self) -> str:
        """All text in the cell, blocks joined by newlines."""
        return "\n".join(t for t in (block_text(b) for b in self.blocks) if t)

    def is_empty(self) -> bool:
        return not self.text.strip()


@dataclass(slots=True)
class Row:
    cells: list[Cell] = field(default_factory=list)
    prov: Provenance = field(default_factory=Provenance)

    def cell_at(self, col: int) -> Cell | None:
        """The cell covering grid column ``col``, if any."""
        for c in self.cells:
            if c.col <= col < c.col + c.span:
                return c
        return None


@dataclass(slots=True)
class Table:
    rows: list[Row] = field(default_factory=list)
    ncols: int = 0
    prov: Provenance = field(default_factory=Provenance)


Block = Heading | Paragraph | ListItem | Table


@dataclass(slots=True)
class Document:
    """A whole source document as an ordered list of blocks.

    ``header_lines`` holds distinct page-header/footer text (school names often live there);
    ``info`` records reader facts such as the text encoding or the page count.
    """

    blocks: list[Block] = field(default_factory=list)
    header_lines: list[str] = field(default_factory=list)
    info: dict[str, str | int] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)

    def iter_blocks(self) -> Iterator[Block]:
        """Every block in reading order, descending into table cells."""
        yield from _walk(self.blocks)


def _walk(blocks: list[Block]) -> Iterator[Block]:
    for b in blocks:
        yield b
        if isinstance(b, Table):
            for row in b.rows:
                for cell in row.cells:
                    yield from _walk(cell.blocks)


def block_text(b: Block) -> str:
    """The plain text of a block (tables: cells joined by tabs, rows by newlines)."""
    if isinstance(b, Table):
        return "\n".join("\t".join(c.text for c in r.cells) for r in b.rows)
    return b.text
