from __future__ import annotations

from jobspec.document import ListItem
from jobspec.extract.rules.base import BLOCK, Context, Rule
from jobspec.extract.text import clean
from jobspec.extract.units import ITEM, Unit
from jobspec.glyphs import split_typed_marker


class ItemListParagraph(Rule):
    """A paragraph with list formatting (a Word bullet or number, a PDF bullet line) is an item.

    A number typed into the text of a list paragraph ("• 1. Plan lessons") wins over the list's
    own marker, because it is what the reader of the page sees.

    Before: ``ListItem(marker="•", "a) Plan lessons")``.  After: item, marker ``a)``, text
    "Plan lessons".
    """

    code = "I01"
    name = "item.list-paragraph"
    stage = BLOCK

    def match(self, b: object, ctx: Context) -> bool:
        return isinstance(b, ListItem)

    def apply(self, b: ListItem, ctx: Context) -> list[Unit]:
        t = clean(b.text)
        typed, rest = split_typed_marker(t)
        marker, text = (typed, clean(rest)) if typed else (b.marker, t)
        return [Unit(ITEM, text, b.prov, rule=self.code, marker=marker, level=b.level, bold=b.bold, typed=bool(typed))]
