from __future__ import annotations

from jobspec.extract.rules.base import PROMOTE, Context, Rule
from jobspec.extract.rules.subjects import Neighbours
from jobspec.extract.text import ends_sentence
from jobspec.extract.units import HEADING, ITEM, LIST, Unit
from jobspec.glyphs import marker_depth, marker_kind


def _deeper(u: Unit, nxt: Unit) -> bool:
    k_u, k_n = marker_kind(u.marker), marker_kind(nxt.marker)
    if nxt.level > u.level:
        return True
    if k_u == "number" and k_n in ("letter", "roman"):
        return True
    if k_u == k_n == "number" and marker_depth(nxt.marker) > marker_depth(u.marker):
        return True
    return u.bold and not nxt.bold and k_u != k_n


class HeadingNumberedOverLettered(Rule):
    """A short list item followed by deeper items is a heading for them, not an item.

    Before::

        1. Support for pupils
           a) Supervise pupils at break        (or 1.1, or an indented bullet)
           b) Support pupils with SEND

    After: a heading "Support for pupils" (a section whose items are duties, D07), items a) and b).
    Deeper means: a higher list level, letters or roman numerals under a number, ``1.1`` under
    ``1.``, or plain items under a bold one. An item that ends as a sentence, or is longer than
    ``promoted_heading_max_words``, stays an item.
    """

    code = "H02"
    name = "heading.numbered-over-lettered"
    stage = PROMOTE

    def match(self, n: Neighbours, ctx: Context) -> bool:
        u, nxt = n.unit, n.next
        if u.kind != ITEM or nxt is None or nxt.kind != ITEM:
            return False
        if ends_sentence(u.text) or len(u.text.split()) > ctx.settings.promoted_heading_max_words:
            return False
        return _deeper(u, nxt)

    def apply(self, n: Neighbours, ctx: Context) -> Unit:
        u = n.unit
        return Unit(HEADING, u.text, u.prov, rule=self.code, cue=LIST, marker=u.marker, bold=u.bold)
