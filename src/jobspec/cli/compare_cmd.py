"""`jobspec compare`: presentation only; the matching is in jobspec.comparison.

Two files give the two-post report; three or more, or any folder, the N-way report.
"""

from __future__ import annotations

import sys
from pathlib import Path

from jobspec.cli.terminal import Terminal, say_repeats
from jobspec.display import plural, shown

_SUFFIX_FORMATS = {".json": "json", ".md": "markdown", ".markdown": "markdown", ".html": "html", ".htm": "html",
                   ".txt": "terminal", ".xlsx": "xlsx"}


def run_compare(paths: list[Path], *, fmt: str | None, output: Path | None, threshold: float | str,
                possible: float | str | None, vocabulary: list[Path], quiet: bool, debug: bool,
                min_share: str | None = None, near_duplicate: float | str = 0.9, jobs: int = 0,
                order: str = "similarity") -> int:
    from jobspec.comparison.render import BINARY, FORMATS
    from jobspec.comparison.report.nway_rows import ORDERS

    term = Terminal(quiet=quiet, debug=debug)
    if fmt is not None and fmt not in FORMATS:
        term.error(f"unknown --format '{fmt}': use terminal, markdown, html, json or xlsx")
        return 2
    if fmt in BINARY and output is None:
        term.error(f"--format {fmt} writes a workbook, which never goes to a terminal: give -o FILE.{fmt}")
        return 2
    if order not in ORDERS:
        term.error(f"unknown --order '{order}': use similarity or input")
        return 2
    numbers = _numbers(term, threshold, possible, near_duplicate)
    if numbers is None:
        return 2
    threshold, low, near_duplicate = numbers
    if output is not None and output.is_dir():
        term.error(f"{shown(output)}: -o must be a file, and this is a folder")
        return 2
    if fmt is None:
        if output is not None:
            fmt = _SUFFIX_FORMATS.get(output.suffix.lower())
            if fmt is None:
                known = ", ".join(dict.fromkeys(_SUFFIX_FORMATS))
                term.error(f"{output}: cannot tell the report format from {output.suffix or 'a name without an extension'}"
                           f": name the file {known}, or give --format")
                return 2
        else:
            fmt = "terminal" if sys.stdout.isatty() else "markdown"
    elif output is not None:
        named = _SUFFIX_FORMATS.get(output.suffix.lower())
        if (fmt in BINARY or named in BINARY) and named != fmt:
            term.error(f"{shown(output)}: the name says {named or 'no format'} and --format says {fmt}: "
                       + (f"name the file .{fmt}" if fmt in BINARY else "give a name that fits the format"))
            return 2

    from jobspec.files import link_loop

    missing = [p for p in paths if not p.exists() and not link_loop(p)]  # a loop of links: reading it says so
    for p in missing:
        term.error(f"{shown(p)}: no such file or folder")
    if missing:
        return 2

    from jobspec.comparison.nway.many import expand_inputs
    from jobspec.concepts.vocabulary import load_vocabulary
    from jobspec.errors import JobspecError, UsageError
    from jobspec.readers import SUFFIX_LIST

    repeats: list[tuple[Path, Path]] = []
    unlisted: list[tuple[Path, OSError]] = []
    files, folder = expand_inputs(paths, repeats, unlisted)
    unread = [(str(d), f"cannot read ({exc.strerror or exc})") for d, exc in unlisted]
    for d, problem in unread:
        term.error(f"{shown(Path(d))}: {problem}")
    for p in paths:
        if (p.is_dir() and not any(f.is_relative_to(p) for f in files)
                and not any(d.is_relative_to(p) for d, _ in unlisted)):
            term.error(f"{shown(p)}: no specs (.yaml .yml .json) or documents ({SUFFIX_LIST}) in this folder")
            return 2
    if len(files) < 2 and unread:
        term.error(f"only {plural(len(files), 'post')} in what could be read: nothing to compare")
        return 1
    if len(files) < 2:
        if repeats:
            again, kept = repeats[0]
            term.error(f"compare needs two posts or more: {shown(kept)} and {shown(again)} are the same file")
        else:
            term.error("compare needs two posts or more: give two files, or more, or a folder of them")
        return 2
    if output is not None and output.exists() and any(_same_file(output, f) for f in files):
        term.error(f"{shown(output)}: -o names one of the posts being compared; write the report to another file")
        return 2
    say_repeats(term, repeats, "compared once")
    nway = folder or len(files) > 2
    if not nway:
        ignored = [name for name, given in (("--min-share", min_share is not None), ("--order", order != "similarity"),
                                            ("--near-duplicate", near_duplicate != 0.9), ("--jobs", jobs != 0)) if given]
        if ignored:
            term.warn(f"{', '.join(ignored)}: for three posts or more; two posts are compared side by side without "
                      f"{'it' if len(ignored) == 1 else 'them'}")
    elif possible is not None:
        term.warn("--possible: for two posts; three or more are compared without possible matches")
    failed = 0
    try:
        load_vocabulary(vocabulary)
        if nway:
            result, failed = _nway(files, term, vocabulary=vocabulary, threshold=threshold, min_share=min_share,
                                   near_duplicate=near_duplicate, jobs=jobs, unread=unread)
            if result is None:
                return 1
        else:
            from jobspec.comparison.engine.pair import compare

            result = compare(files[0], files[1], threshold=threshold, possible=low, vocabulary=vocabulary)
    except UsageError as exc:
        term.error(str(exc))
        return 2
    except JobspecError as exc:  # a post that cannot be read
        term.error(str(exc))
        return 1
    except Exception as exc:  # a bug or a library failure on a strange file
        term.unexpected("compare", exc)
        return 1

    from jobspec.comparison.render import render_bytes, render_text, renderables

    posts = [(p.path, p.spec) for p in result.posts] if nway else [(result.a_path, result.a), (result.b_path, result.b)]
    for path, spec in posts:
        if not spec.duties and not spec.criteria:
            term.warn(f"{shown(Path(path))}: no duties or criteria found (is it a job description or person "
                      "specification?)")
    code = 1 if failed else 0
    if output is not None:
        from jobspec.files import atomic_write

        try:
            atomic_write(output, render_bytes(result, fmt, order=order) if fmt in BINARY
                         else render_text(result, fmt, order=order))
        except OSError as exc:
            term.error(f"{shown(output)}: cannot write ({exc.strerror or exc})")
            return 1
        if not quiet:
            term.info(f"wrote {output} ({fmt})")
            for line in _summary(result, nway):
                term.info(line)
        return code
    if fmt == "terminal":
        from jobspec.cli.terminal import console

        con = console()
        for r in renderables(result, con.width, marks=con.color_system is None, order=order):
            con.print(r)
    else:
        term.out(render_text(result, fmt, order=order))
    return code


def _numbers(term: Terminal, threshold: float | str, possible: float | str | None,
             near_duplicate: float | str) -> tuple[float, float, float] | None:
    """``--threshold``, ``--possible`` (default 25, or half the threshold if lower) and
    ``--near-duplicate`` (a share, or a percentage: "90%") as numbers; None once a bad one is named."""
    high = _number(threshold)
    if high is None or not 0 < high < 100:
        term.error(f"--threshold {threshold}: must be a number above 0 and under 100")
        return None
    low = min(25.0, high / 2) if possible is None else _number(possible)
    if low is None or not 0 < low <= high:
        term.error(f"--possible {possible}: must be a number above 0 and not above the threshold ({high:g})")
        return None
    share = _number(near_duplicate, percent=True)
    if share is None or not 0 < share <= 1:
        term.error(f"--near-duplicate {near_duplicate}: must be a share of the items above 0 and at most 1 "
                   "(0.9 or 90%)")
        return None
    return high, low, share


def _number(value: float | str, *, percent: bool = False) -> float | None:
    """``value`` as a number (with ``percent``, "90%" is 0.9); None when it is not one."""
    text = str(value).strip()
    scale = 1.0
    if percent and text.endswith("%"):
        text, scale = text[:-1], 100.0
    try:
        return float(text) / scale
    except ValueError:
        return None


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.samefile(b)
    except OSError:
        return False


def _nway(files: list[Path], term: Terminal, *, vocabulary: list[Path], threshold: float, min_share: str | None,
          near_duplicate: float, jobs: int, unread: list[tuple[str, str]]):
    """Load every post (one error line per file that cannot be read) and compare the rest; ``unread``:
    what could not be read already (folders that could not be listed), counted with the files."""
    from jobspec.comparison.nway.many import compare_many, load_posts, min_posts_for
    from jobspec.errors import InputError

    min_posts_for(min_share, max(len(files), 2))  # a malformed --min-share is a usage error before any work
    errors: list[tuple[str, str]] = list(unread)

    def on_error(path: Path, exc: InputError) -> None:
        errors.append((str(path), exc.reason))
        term.error(str(exc))

    loaded = load_posts(files, vocabulary, on_error, jobs=jobs)
    if len(loaded) < 2:
        term.error(f"only {len(loaded)} of {len(files)} posts could be read: nothing to compare")
        return None, len(errors)
    if errors:
        term.warn(f"comparing the {len(loaded)} posts that could be read ({len(errors)} could not)")
    result = compare_many([s for _, s in loaded], paths=[str(p) for p, _ in loaded], min_share=min_share,
                          threshold=threshold, vocabulary=vocabulary, jobs=jobs, near_duplicate=near_duplicate)
    result.unread = errors  # the report says what it leaves out
    return result, len(errors)


def _summary(result, nway: bool) -> list[str]:
    if nway:
        from jobspec.comparison.report.nway_rows import summary_lines

        return summary_lines(result)
    from jobspec.comparison.report.pair_rows import summary_line

    return [summary_line(result.duties), summary_line(result.criteria)]
