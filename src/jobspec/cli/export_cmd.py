"""`jobspec export`: presentation only; the tables are made and written by jobspec.export."""

from __future__ import annotations

from pathlib import Path

from jobspec.cli.terminal import Terminal, bad_vocabulary, say_repeats
from jobspec.display import plural, shown


def output_format(fmt: str | None, output: Path | None) -> tuple[str | None, str | None]:
    """The format to write and, when the command line does not agree with itself, why not."""
    if fmt is not None and fmt not in ("xlsx", "csv"):
        return None, f"unknown --format '{fmt}': use xlsx or csv"
    if output is None:
        return None, ("-o is required: a workbook is binary and never goes to a terminal; give -o FILE.xlsx, "
                      "or -o FOLDER with --format csv")
    suffix = output.suffix.lower()
    if fmt is None:
        if suffix == ".xlsx":
            fmt = "xlsx"
        else:
            return None, (f"{shown(output)}: cannot tell the format from "
                          f"{output.suffix or 'a name without an extension'}: name the file .xlsx, "
                          "or give --format csv to write CSV files into a folder")
    if fmt == "xlsx" and suffix != ".xlsx":
        return None, f"{shown(output)}: --format xlsx writes an Excel workbook: name it .xlsx"
    if fmt == "csv":
        if suffix == ".xlsx":
            return None, f"{shown(output)}: --format csv writes a folder of CSV files, not a workbook: name a folder"
        if output.exists() and not output.is_dir():
            return None, f"{shown(output)}: --format csv writes into a folder, and this is a file"
    if fmt == "xlsx" and output.is_dir():
        return None, f"{shown(output)}: -o must be a file, and this is a folder"
    return fmt, None


def run_export(paths: list[Path], *, fmt: str | None, output: Path | None, vocabulary: list[Path], quiet: bool,
               debug: bool) -> int:
    term = Terminal(quiet=quiet, debug=debug)
    fmt, problem = output_format(fmt, output)
    if problem:
        term.error(problem)
        return 2
    assert fmt is not None and output is not None

    from jobspec.api import DOCUMENT_SUFFIXES, SPEC_SUFFIXES
    from jobspec.errors import InputError, UsageError
    from jobspec.export import find_posts, load_posts, write_export
    from jobspec.readers import SUFFIX_LIST

    repeats: list[tuple[Path, Path]] = []
    unlisted: list[tuple[Path, OSError]] = []
    files, missing = find_posts(paths, repeats, unlisted)
    for p in missing:
        term.error(f"{shown(p)}: no such file or folder")
    if missing:
        return 2
    for f in files:
        if f.suffix.lower() not in SPEC_SUFFIXES + DOCUMENT_SUFFIXES:
            term.error(f"{shown(f)}: cannot export a '{f.suffix.lower() or 'no suffix'}' file: give a spec "
                       f"(.yaml, .json) or a document ({SUFFIX_LIST})")
            return 2
    if not files and not unlisted:
        where = "this folder" if len(paths) == 1 else "these"
        term.error(", ".join(shown(p) for p in paths) + f": no specs (.yaml .yml .json) or documents ({SUFFIX_LIST}) "
                   f"in {where}")  # the file first, as every other message
        return 2
    if bad_vocabulary(term, vocabulary):
        return 2
    say_repeats(term, repeats, "exported once")
    failed = [d for d, _ in unlisted]
    for d, exc in unlisted:
        term.error(f"{shown(d)}: cannot read ({exc.strerror or exc})")

    def on_error(path: Path, exc: InputError) -> None:
        failed.append(path)
        term.error(str(exc))

    try:
        posts = load_posts(files, vocabulary, on_error)
    except UsageError as exc:
        term.error(str(exc))
        return 2
    except Exception as exc:  # a bug or a library failure on a strange file
        term.unexpected("export", exc)
        return 1
    if not posts:
        term.error(f"none of the {_read(files, unlisted)} could be read: nothing written")
        return 1
    try:
        written = write_export(posts, fmt, output)
    except OSError as exc:
        term.error(f"{shown(output)}: cannot write ({exc.strerror or exc})")
        return 1
    if not quiet:
        where = shown(output) if fmt == "xlsx" else ", ".join(shown(p) for p in written)
        duties = sum(len(p.spec.duties) for p in posts)
        criteria = sum(len(p.spec.criteria) for p in posts)
        term.info(f"wrote {where} ({fmt}): {plural(len(posts), 'post')}, {plural(duties, 'duty', 'duties')}, "
                  f"{plural(criteria, 'criterion', 'criteria')}"
                  + (f"; {len(failed)} of {_read(files, unlisted)} could not be read" if failed else ""))
    return 1 if failed else 0


def _read(files: list[Path], folders: list) -> str:
    """What was to be read: "3 files", or "3 files and folders" when a folder could not be listed."""
    n = len(files) + len(folders)
    return f"{n:,} files and folders" if folders else plural(n, "file")
