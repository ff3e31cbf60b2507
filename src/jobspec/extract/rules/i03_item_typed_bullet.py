from __future__ import annotations

from jobspec.document import Paragraph
from jobspec.extract.rules.base import BLOCK, Context, Rule
from jobspec.extract.text import clean
from jobspec.extract.units import ITEM, Unit
from jobspec.glyphs import leading_bullet, strip_bullet


class ItemTypedBullet(Rule):
    """A plain paragraph that starts with a typed bullet glyph is a list item, without the glyph.

    Any bullet of the glyph table (``jobspec.glyphs``: • ▪ ► ◆ ➢ ✓ - – * …), so the same typed
    bullet gives the same item from a .docx, a .pdf or a .txt.

    Before: ``► Plan lessons with the class teacher``.  After: item "Plan lessons with the class
    teacher", marker ``►``.
    """

    code = "I03"
    name = "item.typed-bullet"
    stage = BLOCK

    def match(self, b: object, ctx: Context) -> bool:
        return isinstance(b, Paragraph) and leading_bullet(clean(b.text)) is not None

    def apply(self, b: Paragraph, ctx: Context) -> list[Unit]:
        t = clean(b.text)
        return [Unit(ITEM, clean(strip_bullet(t)), b.prov, rule=self.code, marker=leading_bullet(t), bold=b.bold, typed=True)]
