"""The jobspec command line: a thin typer layer over the library."""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path
from typing import Annotated

import typer

from jobspec import __version__

app = typer.Typer(
    name="jobspec",
    help="Turn school job descriptions and person specifications (.docx, .pdf, .txt) into clean, "
    "comparable YAML specs.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"jobspec {__version__}")
        raise typer.Exit()


@app.callback()
def main_callback(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Show the version and exit.")] = False,
) -> None:
    """jobspec: job descriptions and person specifications as data."""


@app.command("parse")
def parse_cmd(
    paths: Annotated[list[Path], typer.Argument(help="Files (.docx .pdf .txt .md) or folders, searched recursively.",
                                                show_default=False, metavar="PATH...")],
    output: Annotated[Path | None, typer.Option("-o", "--output", help="Write DIR/<name>.yaml per document. "
                                                "Without it the specs go to stdout.", metavar="DIR")] = None,
    fmt: Annotated[str, typer.Option("--format", help="stdout format when no -o: yaml (multi-document stream) "
                                     "or json (an array).", metavar="yaml|json")] = "yaml",
    force: Annotated[bool, typer.Option("--force", help="Overwrite output files even if edited by hand.")] = False,
    jobs: Annotated[int, typer.Option("-j", "--jobs", help="Parallel worker processes (0 = one per core).",
                                      min=0)] = 0,
    max_size: Annotated[int, typer.Option("--max-size", help="Refuse input files larger than this many MB.",
                                          min=1)] = 50,
    max_pages: Annotated[int, typer.Option("--max-pages", help="Refuse PDFs with more pages than this.", min=1)] = 200,
    timeout: Annotated[float, typer.Option("--timeout", help="Give up on a file after this many seconds (0 = never).",
                                           min=0)] = 60,
    quiet: Annotated[bool, typer.Option("-q", "--quiet", help="Only print errors.")] = False,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks for unexpected failures.")] = False,
) -> None:
    """Parse job descriptions / person specifications into YAML specs.

    Examples:

      jobspec parse pack.docx                 # YAML on stdout

      jobspec parse packs/ -o specs/          # one specs/<name>.yaml per document

      jobspec parse jd.pdf --format json | jq '.[0].post'

    Exit status: 0 when every file parsed, 1 when any file failed, 2 for usage errors.
    A spec you edited by hand is never overwritten without --force.
    """
    from jobspec.batch import Limits
    from jobspec.cli.parse_cmd import run_parse

    limits = Limits(max_bytes=max_size * 1024 * 1024, max_pages=max_pages, timeout=timeout)
    code = run_parse(paths, output=output, fmt=fmt, force=force, jobs=jobs or (os.cpu_count() or 1),
                     limits=limits, quiet=quiet, debug=debug)
    raise typer.Exit(code)


@app.command("schema")
def schema_cmd(
    path_only: Annotated[bool, typer.Option("--path", help="Print where the installed schema file is.")] = False,
) -> None:
    """Print the JSON Schema that every spec follows (JSON Schema 2020-12)."""
    from jobspec.spec.schema import schema_text

    if path_only:
        from importlib import resources

        typer.echo(str(resources.files("jobspec").joinpath("data/jobspec.schema.json")))
        return
    sys.stdout.write(schema_text())


def main() -> None:
    """Console-script entry point."""
    if hasattr(signal, "SIGPIPE"):
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)  # `jobspec parse x | head` ends quietly
    try:
        app()
    except KeyboardInterrupt:
        sys.stderr.write("interrupted\n")
        sys.exit(130)
