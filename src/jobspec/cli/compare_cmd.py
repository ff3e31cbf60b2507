"""`jobspec compare`: presentation only; the matching is in jobspec.compare."""

from __future__ import annotations

import sys
from pathlib import Path

from jobspec.cli.terminal import Terminal

_SUFFIX_FORMATS = {".json": "json", ".md": "markdown", ".markdown": "markdown", ".html": "html", ".htm": "html",
                   ".txt": "terminal"}


def run_compare(a: Path, b: Path, *, fmt: str | None, output: Path | None, threshold: float, possible: float | None,
                vocabulary: list[Path], quiet: bool, debug: bool) -> int:
    from jobspec.compare.render import FORMATS

    term = Terminal(quiet=quiet, debug=debug)
    if fmt is not None and fmt not in FORMATS:
        term.error(f"unknown --format '{fmt}': use terminal, markdown, html or json")
        return 2
    if not 0 < threshold < 100:
        term.error(f"--threshold {threshold:g}: must be between 0 and 100")
        return 2
    low = possible if possible is not None else min(25.0, threshold / 2)
    if not 0 < low <= threshold:
        term.error(f"--possible {low:g}: must be above 0 and not above the threshold ({threshold:g})")
        return 2
    if output is not None and output.is_dir():
        term.error(f"{output}: -o must be a file, and this is a folder")
        return 2
    if fmt is None:
        if output is not None:
            fmt = _SUFFIX_FORMATS.get(output.suffix.lower(), "markdown")
        else:
            fmt = "terminal" if sys.stdout.isatty() else "markdown"

    from jobspec.compare.engine import compare
    from jobspec.concepts.vocabulary import load_vocabulary
    from jobspec.errors import InputError, JobspecError, UsageError

    try:
        load_vocabulary(vocabulary)
        result = compare(a, b, threshold=threshold, possible=low, vocabulary=vocabulary)
    except UsageError as exc:
        term.error(str(exc))
        return 2
    except InputError as exc:
        term.error(f"{exc.path}: {exc.reason}")
        return 1
    except JobspecError as exc:
        term.error(str(exc))
        return 1
    except Exception as exc:  # a bug or a library failure on a strange file
        if debug:
            raise
        term.error(f"could not compare ({type(exc).__name__}: {exc}); run with --debug for details")
        return 1

    from jobspec.compare.render import render_text

    if output is not None:
        from jobspec.batch import atomic_write

        try:
            atomic_write(output, render_text(result, fmt))
        except OSError as exc:
            term.error(f"{output}: cannot write ({exc.strerror or exc})")
            return 1
        if not quiet:
            from jobspec.compare.render_common import summary_line

            term.info(f"wrote {output} ({fmt})")
            term.info(summary_line(result.duties))
            term.info(summary_line(result.criteria))
        return 0
    if fmt == "terminal":
        from rich.console import Console

        from jobspec.compare.render_terminal import renderables

        con = Console(markup=False, emoji=False, highlight=False)
        for r in renderables(result):
            con.print(r)
    else:
        term.out(render_text(result, fmt))
    return 0
