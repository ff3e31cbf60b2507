"""Specs as three tables (posts, duties, criteria), and those tables written as a workbook or CSV files."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from jobspec.display import plural, shown
from jobspec.errors import InputError
from jobspec.files import SOFTWARE_FOLDERS, walk_files
from jobspec.sheets import DECIMAL, INT, LONG, MONEY, Col, Money, Sheet, write_csv_folder, write_xlsx
from jobspec.spec.model import Spec

FORMATS = ("xlsx", "csv")

POSTS_COLUMNS = [
    Col("File"), Col("Title"), Col("Organisation"), Col("Grade"),
    Col("Salary min", MONEY), Col("Salary max", MONEY), Col("Currency"), Col("Pay period"), Col("Salary basis"),
    Col("Actual min", MONEY), Col("Actual max", MONEY), Col("Pro rata"),
    Col("Hours per week", DECIMAL), Col("Term-time only"), Col("Weeks per year", DECIMAL), Col("FTE", DECIMAL),
    Col("Reports to"), Col("Contract"),
    Col("Duties", INT), Col("Essential criteria", INT), Col("Desirable criteria", INT),
    Col("Review warnings", LONG),
]
DUTIES_COLUMNS = [Col("File"), Col("Post"), Col("ID"), Col("Section"), Col("Duty", LONG), Col("Tags"),
                  Col("Source location")]
CRITERIA_COLUMNS = [Col("File"), Col("Post"), Col("ID"), Col("Category"), Col("Level"), Col("Criterion", LONG),
                    Col("Assessed by"), Col("Tags"), Col("Source location")]


@dataclass(slots=True)
class Post:
    """A spec to export and the file it came from."""

    path: Path
    spec: Spec

    @property
    def file(self) -> str:
        return shown(self.path)


def find_posts(paths: Sequence[Path], repeated: list[tuple[Path, Path]] | None = None,
               unreadable: list[tuple[Path, OSError]] | None = None) -> tuple[list[Path], list[Path]]:
    """The specs (.yaml .yml .json) and documents to export: files as given, folders searched
    recursively (hidden folders and files, and Office lock files, skipped), in a stable order
    without repeats (added to ``repeated``, each with the path kept for it); and the paths that do
    not exist. Folders that cannot be listed go to ``unreadable``."""
    from jobspec.api import DOCUMENT_SUFFIXES, SPEC_SUFFIXES

    return walk_files(paths, SPEC_SUFFIXES + DOCUMENT_SUFFIXES, SOFTWARE_FOLDERS, skip_prefixes=("~$", "."),
                      repeated=repeated, unreadable=unreadable)


def load_posts(files: Sequence[Path], vocabulary: Sequence[str | Path] = (),
               on_error: Callable[[Path, InputError], None] | None = None) -> list[Post]:
    """Each file read by :func:`jobspec.api.load_spec`; a file that cannot be read goes to
    ``on_error`` (or raises) and the others are still read."""
    from jobspec.api import load_spec

    out = []
    for f in files:
        try:
            out.append(Post(Path(f), load_spec(f, vocabulary)))
        except InputError as exc:
            if on_error is None:
                raise
            on_error(Path(f), exc)
    return out


def spec_sheets(posts: Sequence[Post]) -> list[Sheet]:
    """The ``Posts``, ``Duties`` and ``Criteria`` tables of these posts."""
    rows, duties, criteria = [], [], []
    for p in posts:
        s = p.spec
        rows.append(post_row(p))
        title = s.post.title
        for d in s.duties:
            duties.append((p.file, title, d.id, d.section, d.text, ", ".join(d.tags), d.at))
        for c in s.criteria:
            criteria.append((p.file, title, c.id, c.category, c.level, c.text, ", ".join(c.assessed_by),
                             ", ".join(c.tags), c.at))
    return [Sheet("Posts", POSTS_COLUMNS, rows, filename="posts.csv"),
            Sheet("Duties", DUTIES_COLUMNS, duties, filename="duties.csv"),
            Sheet("Criteria", CRITERIA_COLUMNS, criteria, filename="criteria.csv")]


def post_row(p: Post) -> tuple:
    post = p.spec.post
    sal, hrs = post.salary, post.hours

    def money(v: float | None) -> Money | None:
        return None if v is None else Money(v, sal.currency if sal else None)

    review = [w for w in p.spec.warnings if w.startswith("review:")]
    essential = sum(1 for c in p.spec.criteria if c.level == "essential")
    return (p.file, post.title, post.organisation, post.grade,
            money(sal.min) if sal else None, money(sal.max) if sal else None,
            (sal.currency or "GBP") if sal and (sal.min is not None or sal.actual_min is not None) else None,
            sal.period if sal else None, sal.basis if sal else None,
            money(sal.actual_min) if sal else None, money(sal.actual_max) if sal else None,
            sal.pro_rata if sal else None,
            hrs.per_week if hrs else None, hrs.term_time_only if hrs else None,
            hrs.weeks_per_year if hrs else None, hrs.fte if hrs else None,
            post.reports_to, post.contract,
            len(p.spec.duties), essential, len(p.spec.criteria) - essential,
            "\n".join(review) or None)


def write_export(posts: Sequence[Post], fmt: str, output: Path) -> list[Path]:
    """Write the posts' tables: ``xlsx``, one workbook at ``output``; ``csv``, ``posts.csv``,
    ``duties.csv`` and ``criteria.csv`` in the folder ``output``. Each file is written atomically.
    Returns the files written."""
    sheets = spec_sheets(posts)
    if fmt == "xlsx":
        write_xlsx(sheets, output, title=f"jobspec export of {plural(len(posts), 'post')}")
        return [output]
    if fmt == "csv":
        return write_csv_folder(sheets, output)
    raise ValueError(f"unknown format {fmt!r}")


__all__ = ["CRITERIA_COLUMNS", "DUTIES_COLUMNS", "FORMATS", "POSTS_COLUMNS", "Post", "find_posts",
           "load_posts", "post_row", "spec_sheets", "write_export"]
