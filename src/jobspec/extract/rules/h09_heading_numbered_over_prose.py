from __future__ import annotations

from jobspec.extract.rules.base import PROMOTE, Context, Rule
from jobspec.extract.rules.subjects import Neighbours
from jobspec.extract.text import ends_sentence
from jobspec.extract.units import HEADING, ITEM, PARA, PROSE_LABEL, Unit
from jobspec.glyphs import marker_kind


def _label_item(u: Unit, ctx: Context) -> bool:
    return (u.kind == ITEM and u.typed and marker_kind(u.marker) == "number" and not ends_sentence(u.text)
            and len(u.text.split()) <= ctx.settings.prose_label_max_words)


class HeadingNumberedOverProse(Rule):
    """Short numbered lines each followed by prose are headings: a list of labelled paragraphs.

    Before (a job-evaluation layout)::

        1. Work context
        There is some risk of minor injury …
        2. Contacts and relationships
        Contacts are mainly with pupils and parents …

    After: headings "Work context" and "Contacts and relationships" over their paragraphs (which
    S12 keeps from being read as duties). It takes two such numbered labels in a row: one short
    item followed by a paragraph is still an item.
    """

    code = "H09"
    name = "heading.numbered-over-prose"
    stage = PROMOTE

    def match(self, n: Neighbours, ctx: Context) -> bool:
        units, i = n.units, n.i
        if not _label_item(units[i], ctx) or n.next is None or n.next.kind != PARA:
            return False
        return self._label_after(units, i, ctx) or self._label_before(units, i)

    @staticmethod
    def _label_after(units: list[Unit], i: int, ctx: Context) -> bool:
        for j in range(i + 2, len(units)):
            if units[j].kind == ITEM:
                return _label_item(units[j], ctx) and j + 1 < len(units) and units[j + 1].kind == PARA
            if units[j].kind != PARA:
                return False
        return False

    def _label_before(self, units: list[Unit], i: int) -> bool:
        for k in range(i - 1, -1, -1):  # a numbered label before it, already made a heading
            if units[k].kind == HEADING:
                return units[k].rule == self.code
            if units[k].kind != PARA:
                return False
        return False

    def apply(self, n: Neighbours, ctx: Context) -> Unit:
        u = n.unit
        return Unit(HEADING, u.text, u.prov, rule=self.code, cue=PROSE_LABEL, marker=u.marker, bold=u.bold)
