"""Words for a person: the labels human output (terminal, Markdown, HTML) shows for the spec's coded
values. The spec and the JSON reports keep the codes (``enhanced_barred``); a summary or a report
for people shows ``enhanced DBS with barred list check``."""

from __future__ import annotations

from typing import Any

VALUE_LABELS: dict[str, dict[str, str]] = {
    "dbs": {
        "enhanced_barred": "enhanced DBS with barred list check",
        "enhanced": "enhanced DBS",
        "standard": "standard DBS",
        "basic": "basic DBS",
    },
    "salary_basis": {"fte": "full-time equivalent (FTE)", "actual": "actual pay"},
    "category": {
        "qualifications": "qualifications",
        "experience": "experience",
        "knowledge_skills": "knowledge and skills",
        "personal_qualities": "personal qualities",
        "other": "other",
    },
    "assessed_by": {
        "application_form": "application form",
        "interview": "interview",
        "references": "references",
        "certificates": "certificates",
        "assessment": "assessment",
        "other": "other",
    },
}


def value_label(field: str, value: Any) -> Any:
    """The label of a coded ``value`` of ``field`` (``dbs``, ``salary_basis``, ``category``,
    ``assessed_by``); any other value is returned as it is."""
    if isinstance(value, str):
        return VALUE_LABELS.get(field, {}).get(value, value)
    return value
