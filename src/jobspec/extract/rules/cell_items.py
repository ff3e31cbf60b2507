"""Criteria of one person-spec cell: its lines through the cell-line rules, then the inline rules."""

from __future__ import annotations

from jobspec.document import Block, Paragraph, Provenance
from jobspec.extract.cells import flat_blocks
from jobspec.extract.rules.base import CELL_LINE, INLINE, Context
from jobspec.extract.rules.subjects import CellLine, InlineText
from jobspec.extract.text import clean
from jobspec.glyphs import split_typed_marker, strip_bullet


def cell_criteria(blocks: list[Block], level: str, ctx: Context) -> list[tuple[str, str, list[str], Provenance]]:
    """(text, level, methods, provenance) for each criterion in a cell: one per paragraph or list item."""
    out: list[tuple[str, str, list[str], Provenance]] = []
    line = CellLine("", level, False)
    for b in flat_blocks(blocks):
        t = clean(b.text)
        if not t:
            continue
        line.text, line.from_list = t, not isinstance(b, Paragraph)
        rule, _ = ctx.first(CELL_LINE, line)
        if rule is not None and not line.text:
            continue  # a rule consumed the line (a level label, a lead-in)
        t = line.text
        if isinstance(b, Paragraph):
            t = strip_bullet(t)
        typed, rest = split_typed_marker(t)
        t = clean(rest) if typed else t
        text, lvl, methods = split_inline(t, line.level, ctx)
        out.append((text, lvl, methods, b.prov))
    return out


def split_inline(text: str, level: str, ctx: Context) -> tuple[str, str, list[str]]:
    """Trailing "(E)" / "(A/I)" markers split off a criterion: text, level, methods."""
    it = InlineText(text, level)
    for _ in range(len(ctx.stage(INLINE))):  # markers may come in either order
        if not list(ctx.each(INLINE, it)):
            break
    return it.text, it.level, it.methods
