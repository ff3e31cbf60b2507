"""Specs as spreadsheets: ``jobspec export``.

:func:`find_posts` finds the specs and documents to export, :func:`load_posts` reads each one with
the library's one loader (:func:`jobspec.api.load_spec`: spec files checked, documents parsed on
the fly), :func:`spec_sheets` turns them into three tables (posts, duties, criteria) and
:func:`write_export` writes them as one Excel workbook or as three CSV files
(:mod:`jobspec.sheets`).
"""

from __future__ import annotations

from jobspec.export.tables import (
    CRITERIA_COLUMNS,
    DUTIES_COLUMNS,
    POSTS_COLUMNS,
    Post,
    find_posts,
    load_posts,
    spec_sheets,
    write_export,
)

__all__ = ["CRITERIA_COLUMNS", "DUTIES_COLUMNS", "POSTS_COLUMNS", "Post", "find_posts", "load_posts", "spec_sheets",
           "write_export"]
