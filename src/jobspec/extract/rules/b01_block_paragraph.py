from __future__ import annotations

from jobspec.document import Paragraph
from jobspec.extract.rules.base import BLOCK, Context, Rule
from jobspec.extract.text import clean
from jobspec.extract.units import PARA, Unit


class BlockParagraph(Rule):
    """Any other paragraph stays a paragraph; the section it sits in decides what it is.

    Prose can still become a duty (D04, D05), a purpose statement (PU01) or a criterion (C02).
    """

    code = "B01"
    name = "block.paragraph"
    stage = BLOCK

    def match(self, b: object, ctx: Context) -> bool:
        return isinstance(b, Paragraph)

    def apply(self, b: Paragraph, ctx: Context) -> list[Unit]:
        return [Unit(PARA, clean(b.text), b.prov, rule=self.code, bold=b.bold)]
