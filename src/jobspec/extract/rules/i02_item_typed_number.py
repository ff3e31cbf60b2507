from __future__ import annotations

from jobspec.document import Paragraph
from jobspec.extract.rules.base import BLOCK, Context, Rule
from jobspec.extract.text import clean
from jobspec.extract.units import ITEM, Unit
from jobspec.glyphs import split_typed_marker


class ItemTypedNumber(Rule):
    """A plain paragraph that starts with a typed list number is a list item.

    Schools often type their numbering: ``1. Plan lessons``, ``a) Mark work``, ``(iv) Attend
    meetings``, ``2.1 Support pupils``. The number becomes the item's marker and is not part of
    its text; nesting is read from the marker (see H02).
    """

    code = "I02"
    name = "item.typed-number"
    stage = BLOCK

    def match(self, b: object, ctx: Context) -> bool:
        if not isinstance(b, Paragraph):
            return False
        typed, rest = split_typed_marker(clean(b.text))
        return bool(typed) and len(rest) > 1

    def apply(self, b: Paragraph, ctx: Context) -> list[Unit]:
        typed, rest = split_typed_marker(clean(b.text))
        return [Unit(ITEM, clean(rest), b.prov, rule=self.code, marker=typed, bold=b.bold, typed=True)]
