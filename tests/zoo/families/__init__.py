"""The layout families, in the order the README lists them; each module has SUMMARY and build()."""

from __future__ import annotations

import importlib
from types import ModuleType

NAMES = (
    "letter_column", "category_rows", "typed_numbering", "word_numbering", "by_subheadings",
    "plain_paragraphs", "ed_sublists", "inline_markers", "long_table", "header_details", "large_title",
    "recruitment_pack", "kv_merged", "tick_columns", "job_factors",
)


def family(name: str) -> ModuleType:
    return importlib.import_module(f"{__name__}.{name}")


def stem(name: str, index: int) -> str:
    """The file stem of the family's document ``index`` (0-based): ``letter-column-01``."""
    return f"{name.replace('_', '-')}-{index + 1:02d}"
