from __future__ import annotations

import re
from functools import lru_cache

from jobspec.document import Paragraph
from jobspec.extract.rules.base import BLOCK, Context, Rule
from jobspec.extract.settings import ExtractSettings
from jobspec.extract.text import clean
from jobspec.extract.units import FIELD, Unit


@lru_cache(maxsize=4)
def _label_value(s: ExtractSettings) -> re.Pattern[str]:
    return re.compile(rf"^([A-Z][A-Za-z/&' ()\-]{{1,{s.field_label_max_chars}}}?)\s*:\s+(\S.{{0,{s.field_value_max_chars}}})$")


def split_label_value(text: str, ctx: Context) -> tuple[str, str] | None:
    """("Grade", "7") for a "Grade: 7" line whose label is a known field or a short neutral label."""
    m = _label_value(ctx.settings).match(text)
    if not m:
        return None
    label = m.group(1)
    if ctx.field_of(label) is None and (
        len(label.split()) > ctx.settings.field_label_max_words or ctx.wording.level_in(label)
        or ctx.wording.is_category_label(label)
    ):
        return None
    return label.strip(), m.group(2)


class FieldLabelColonValue(Rule):
    """A ``Label: value`` line is a post detail, when its label is a known field or short and neutral.

    Before: ``Grade: Scale 4`` / ``Hours: 32.5 per week``.  After: fields grade and hours.
    Not a field: ``Essential: a Level 3 qualification`` (a level word) or ``Experience: working
    with children`` (a category), which stay text for the person-spec rules.
    """

    code = "F01"
    name = "field.label-colon-value"
    stage = BLOCK

    def match(self, b: object, ctx: Context) -> bool:
        return isinstance(b, Paragraph) and split_label_value(clean(b.text), ctx) is not None

    def apply(self, b: Paragraph, ctx: Context) -> list[Unit]:
        label, value = split_label_value(clean(b.text), ctx) or ("", "")
        return [Unit(FIELD, label, b.prov, rule=self.code, value=clean(value),
                     value_blocks=[Paragraph(value, prov=b.prov)])]
