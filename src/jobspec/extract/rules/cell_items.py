"""Criteria of one person-spec cell: its lines through the cell-line rules, then the inline rules."""

from __future__ import annotations

from jobspec.document import Block, Paragraph, Provenance
from jobspec.extract.cells import flat_blocks
from jobspec.extract.rules.base import CELL_LINE, INLINE, Context
from jobspec.extract.rules.subjects import CellLine, InlineText
from jobspec.extract.text import clean
from jobspec.glyphs import split_typed_marker, strip_bullet

Found = tuple[str, str, list[str], Provenance, list[str]]


def cell_criteria(blocks: list[Block], level: str, ctx: Context) -> list[Found]:
    """(text, level, methods, provenance, rules) for each criterion in a cell: one per paragraph or list item.

    ``rules`` are the codes of the cell-line and inline rules that shaped it."""
    out: list[Found] = []
    line = CellLine("", level, False)
    for b in flat_blocks(blocks):
        t = clean(b.text)
        if not t:
            continue
        line.text, line.from_list = t, not isinstance(b, Paragraph)
        rule, _ = ctx.first(CELL_LINE, line)
        fired = [rule.code] if rule is not None else []
        if rule is not None and not line.text:
            ctx.fired.extend(fired)
            continue  # a rule consumed the line (a level label, a lead-in)
        t = line.text
        if isinstance(b, Paragraph):
            t = strip_bullet(t)
        typed, rest = split_typed_marker(t)
        t = clean(rest) if typed else t
        text, lvl, methods, inline = split_inline(t, line.level, ctx)
        out.append((text, lvl, methods, b.prov, fired + inline))
    return out


def split_inline(text: str, level: str, ctx: Context) -> tuple[str, str, list[str], list[str]]:
    """Trailing "(E)" / "(A/I)" markers split off a criterion: text, level, methods, rule codes."""
    it = InlineText(text, level)
    fired: list[str] = []
    for _ in range(len(ctx.stage(INLINE))):  # markers may come in either order
        hits = [rule.code for rule, _ in ctx.each(INLINE, it)]
        if not hits:
            break
        fired += hits
    return it.text, it.level, it.methods, fired
