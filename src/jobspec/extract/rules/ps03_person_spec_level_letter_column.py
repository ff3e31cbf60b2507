from __future__ import annotations

import re

from jobspec.document import Cell
from jobspec.extract.cells import cell_label, flat_blocks
from jobspec.extract.rules.base import PS_ROW, Context, Rule
from jobspec.extract.rules.cell_items import Found, cell_criteria
from jobspec.extract.rules.subjects import PSRow
from jobspec.extract.text import clean
from jobspec.extract.units import Draft

# where two requirements were run together on one line: "… under pressure Promote the school …"
_RUN_TOGETHER = re.compile(r"(?<=[a-z])\s+(?=[A-Z][a-z])")
_CONNECTORS = frozenset({"and", "or", "of", "the", "to", "in", "for", "with", "a", "an", "by", "on", "at", "as"})


class PersonSpecLevelLetterColumn(Rule):
    """One column gives each requirement's level (``E``/``D``, or the words), line by line.

    Before::

        | Category   | Requirement                       | E/D | Method of assessment |
        | Experience | Working with children in a school | E   | Application          |
        |            | Working with pupils with SEND     | D   | Interview            |

    (the two requirements often share one cell, one line or paragraph each, with the letters and
    methods stacked beside them). After: "Working with children in a school" essential, assessed
    by application form; "Working with pupils with SEND" desirable, by interview. Lines pair in
    order; one letter or method for a whole cell applies to each of its requirements. Where a cell
    has fewer requirements than letters, requirements run together on one line ("… under pressure
    Promote the school …") are split at the capital that starts the next one; a row whose letters
    still do not pair one to one with its requirements is noted for review (R10).
    """

    code = "PS03"
    name = "person-spec.level-letter-column"
    stage = PS_ROW

    def match(self, r: PSRow, ctx: Context) -> bool:
        return r.layout.level_col is not None

    def apply(self, r: PSRow, ctx: Context) -> list[Draft]:
        lay = r.layout
        level_cell = r.row.cell_at(lay.level_col) if lay.level_col is not None else None
        texts = [c for c in r.content if c is not level_cell]
        if not texts:
            return []
        crit = next((c for c in texts if c.col == lay.criteria_col), None) or max(texts, key=lambda c: len(c.text))
        left = [c for c in texts if c.col < crit.col]
        if left:
            r.state.category = cell_label(left[-1]) or r.state.category
        found = cell_criteria(crit.blocks, r.default_level, ctx)
        levels = self._levels(level_cell, ctx)
        if len(levels) > len(found):
            found = _split_run_together(found, len(levels))
        if len(levels) > 1 and len(levels) != len(found):  # paired in order, but which goes with which?
            r.state.misaligned.append((r.row.prov.describe(), len(found), len(levels)))
        methods = self._methods(r, ctx)
        out = []
        for i, (text, level, inline_methods, prov, also) in enumerate(found):
            lvl = _pick(levels, i, len(found)) or level
            how = _pick(methods, i, len(found)) or inline_methods
            out.append(Draft(text, lvl, r.state.category, list(how), prov, rule=self.code, also=also))
        return out

    @staticmethod
    def _levels(cell: Cell | None, ctx: Context) -> list[str]:
        if cell is None:
            return []
        out = []
        for b in flat_blocks(cell.blocks):
            t = clean(b.text)
            if t:
                out.append(ctx.wording.level_letters.get(t[:1].upper(), "") if len(t) <= 2 else ctx.wording.level_in(t) or "")
        return out

    @staticmethod
    def _methods(r: PSRow, ctx: Context) -> list[list[str]]:
        lay = r.layout
        cell = r.row.cell_at(lay.evidence_col) if lay.evidence_col is not None else None
        if cell is None:
            return []
        return [ctx.wording.methods_in(clean(b.text)) for b in flat_blocks(cell.blocks) if clean(b.text)]


def _pick(values: list, i: int, n: int):
    """The i-th of n requirements' value: the one value for all, or paired in order."""
    if len(values) == 1:
        return values[0]
    return values[i] if i < len(values) else None


def _split_run_together(found: list[Found], want: int) -> list[Found]:
    """Split requirements run together on one line until there are ``want`` of them (or no more cuts)."""
    out = list(found)
    while len(out) < want:
        for k, (text, level, methods, prov, also) in enumerate(out):
            cuts = [m.start() for m in _RUN_TOGETHER.finditer(text)
                    if text[: m.start()].split()[-1].lower() not in _CONNECTORS]
            if cuts:
                a, b = text[: cuts[0]].strip(), text[cuts[0]:].strip()
                out[k:k + 1] = [(a, level, methods, prov, also), (b, level, methods, prov, also)]
                break
        else:
            return out
    return out
