"""Tidy the commonest misreadings OCR makes of a job pack, in the document read from an OCR'd scan.

- a table ruling read as a letter: a ``|`` standing alone between words or at either end is dropped;
- a tick (✓ √) read as ``v``, ``V``, ``J`` or ``/``: a cell holding only that is a tick again;
- a bullet (•) read as ``e``, ``¢``, ``©``, ``«``, ``°``, ``*`` or ``o``: a paragraph starting with one,
  then a space and a capital or a typed list number ("e 6. Use strategies", "e¢ 8. Promote", "e = Ability"),
  is a bulleted list item again; a list number's full stop read as a comma ("e 9, Undertake") is mended,
  and a line joined to the one before at such a bullet ("… colleagues. e Know how …") is split there.
"""

from __future__ import annotations

import re

from jobspec.document import Block, Document, ListItem, Paragraph, Table
from jobspec.glyphs import TICKS

_RULING = re.compile(r"(?:(?<=\s)|^)[|¦]+(?=\s|$)")
_TICK_MISREADINGS = frozenset({"v", "V", "J", "/"}) | TICKS
_BULLET_MISREADING = re.compile(r"^[e¢©«»°*o](?:[¢©«»°*=]|\s+=)?\s+(?=[A-Z]|\d{1,2}[.,)]\s+[A-Z])")
# the same misread bullet inside a line: "… and colleagues. e Know how to …", "… with parents e Attend …"
_MERGED_BULLET = re.compile(r"\s+[e¢©«°](?:[¢©«°*=]|\s+=)?\s+(?=[A-Z][a-z])")
_NUMBER_COMMA = re.compile(r"^(\d{1,2}),(?=\s)")  # "9, Undertake": a list number's full stop read as a comma


def tidy(doc: Document) -> None:
    """Mend the misreadings listed above, in place."""
    doc.blocks = _tidy(doc.blocks)


def _tidy(blocks: list[Block]) -> list[Block]:
    out: list[Block] = []
    for b in blocks:
        if isinstance(b, Table):
            for row in b.rows:
                for cell in row.cells:
                    cell.blocks = _tidy(cell.blocks)
                    if len(cell.blocks) == 1 and cell.text in _TICK_MISREADINGS:
                        cell.blocks[0].text = "✓"
            out.append(b)
            continue
        text = " ".join(_RULING.sub(" ", b.text).split())
        if not text and b.text.strip():
            continue  # nothing but a ruling
        b.text = text
        for k, piece in enumerate(_MERGED_BULLET.split(text) if isinstance(b, (Paragraph, ListItem)) else [text]):
            if k:  # a bulleted line OCR joined to the one before: a list item of its own
                out.append(ListItem(piece, marker="•", prov=b.prov, bold=b.bold))
                continue
            b.text = piece
            m = _BULLET_MISREADING.match(piece) if isinstance(b, Paragraph) else None
            out.append(ListItem(_NUMBER_COMMA.sub(r"\1.", piece[m.end():]), marker="•", prov=b.prov, bold=b.bold) if m
                       else b)
    return out
