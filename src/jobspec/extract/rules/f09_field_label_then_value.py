from __future__ import annotations

from jobspec.document import Heading, Paragraph
from jobspec.extract.rules.base import BLOCK, Context, Rule
from jobspec.extract.text import clean, is_title_case
from jobspec.extract.units import FIELD, Unit
from jobspec.extract.wording import UNKNOWN


def split_label(text: str, ctx: Context) -> tuple[str, str] | None:
    """("TITLE", "Foundation Stage Practitioner") for a line that starts with a field label and no colon.

    The label is in capitals ("GRADE C", "LINE MANAGER Mrs Smith"), or two or three Title Case
    words ("Job Title Class Teacher"); the value has a lower-case letter or is a short code.
    """
    ws = text.split()
    caps = 0
    while caps < len(ws) and ws[caps].isupper() and any(c.isalpha() for c in ws[caps]):
        caps += 1
    if caps and ":" not in text:
        labels = [j for j in range(caps, 0, -1) if ctx.field_of(" ".join(ws[:j]), whole=True) is not None
                  and ctx.wording.section_kind(" ".join(ws[:j])) == UNKNOWN]
        for j in labels:
            rest = " ".join(ws[j:])
            if rest and not (rest.isupper() and len(rest) > len("B8a")):
                return " ".join(ws[:j]), rest
        if labels and labels[0] == caps == len(ws):
            return text, ""  # a label left blank: "SCHOOL"
        return None
    for k in range(2, ctx.settings.field_label_max_words + 1):
        label, rest = " ".join(ws[:k]), " ".join(ws[k:])
        if ":" in label or not rest or not is_title_case(label, ctx.wording):
            continue
        if ctx.field_of(label, whole=True) is not None:
            return label, rest
    return None


class FieldLabelThenValue(Rule):
    """A line that starts with a post-detail label, with no colon, is that detail: ``TITLE Nursery Nurse``.

    Council templates set the label in capitals and the value beside it (a tab, not a colon, which
    text layers lose): ``TITLE Foundation Stage Practitioner``, ``LINE MANAGER Mrs J Smith``,
    ``GRADE C``, or ``Job Title Class Teacher``. A capitals label alone (``SCHOOL``) is a detail left
    blank. Not a field: ``POST DETAILS`` (its "value" is in capitals too).
    """

    code = "F09"
    name = "field.label-then-value"
    stage = BLOCK

    def match(self, b: object, ctx: Context) -> bool:
        return isinstance(b, (Paragraph, Heading)) and split_label(clean(b.text), ctx) is not None

    def apply(self, b: Paragraph | Heading, ctx: Context) -> list[Unit]:
        label, value = split_label(clean(b.text), ctx) or ("", "")
        return [Unit(FIELD, label, b.prov, rule=self.code, value=value,
                     value_blocks=[Paragraph(value, prov=b.prov)] if value else [])]
