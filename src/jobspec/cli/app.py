"""The jobspec command line: a thin typer layer over the library."""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from typer.core import TyperCommand

from jobspec.cli.terminal import set_color
from jobspec.version import __version__


class Command(TyperCommand):
    """A command whose help shows the metavars as written (``PATH...``, ``[PATH...]``), never
    typer's ``{PATH...}...`` or ``PATH... <list[Path]>``."""

    def collect_usage_pieces(self, ctx: Any) -> list[str]:
        pieces = [self.options_metavar] if self.options_metavar else []
        for p in self.get_params(ctx):
            if p.param_type_name == "argument":
                pieces.append(_argument_name(p) if p.required else f"[{_argument_name(p)}]")
        return pieces

    def format_options(self, ctx: Any, formatter: Any) -> None:
        params = self.get_params(ctx)
        args = [(_argument_name(p), getattr(p, "help", None) or "") for p in params
                if p.param_type_name == "argument" and not getattr(p, "hidden", False)]
        opts = [rv for p in params if p.param_type_name == "option" and (rv := p.get_help_record(ctx))]
        if args:
            with formatter.section("Arguments"):
                formatter.write_dl(args)
        if opts:
            with formatter.section("Options"):
                formatter.write_dl(opts)


def _argument_name(p: Any) -> str:
    name = p.metavar or (p.name or "").upper()
    return name + "..." if p.nargs != 1 and not name.endswith("...") else name


app = typer.Typer(
    name="jobspec",
    help="Turn school job descriptions and person specifications (Word, PDF, web pages, text) into clean, "
    "comparable YAML specs.",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)

ColorOption = Annotated[str | None, typer.Option(
    "--color", help="Colour and styles in human output: auto (on a terminal, unless NO_COLOR is set), "
    "always or never.", metavar="auto|always|never", show_default=False)]


def _version(value: bool) -> None:
    if value:
        typer.echo(f"jobspec {__version__}")
        raise typer.Exit()


@app.callback()
def main_callback(
    version: Annotated[bool, typer.Option("-V", "--version", callback=_version, is_eager=True,
                                          help="Show the version and exit.")] = False,
    color: ColorOption = None,
) -> None:
    """jobspec: job descriptions and person specifications as data.

    Exit status, for every command: 0 done, nothing wrong; 1 the result says no (lint findings,
    a document that could not be parsed or compared); 2 usage error, including a path that does
    not exist; 130 / 143 stopped by Ctrl-C / SIGTERM.
    """
    set_color(color or "auto")


@app.command("parse", cls=Command)
def parse_cmd(
    paths: Annotated[list[Path] | None, typer.Argument(help="Files (.docx .doc .docm .dotx .odt .rtf .pdf .html "
                                                       ".htm .txt .md) or folders, searched recursively.",
                                                       show_default=False, metavar="PATH...")] = None,
    output: Annotated[Path | None, typer.Option("-o", "--output", help="Write DIR/<name>.yaml per document. "
                                                "Without it the specs go to stdout.", metavar="DIR")] = None,
    fmt: Annotated[str, typer.Option("--format", help="stdout format when no -o: yaml (multi-document stream) "
                                     "or json (an array). -o always writes YAML, so not with json.",
                                     metavar="yaml|json")] = "yaml",
    force: Annotated[bool, typer.Option("--force", help="Overwrite output files even if edited by hand or "
                                        "written from another document.")] = False,
    jobs: Annotated[int, typer.Option("-j", "--jobs", help="Parallel worker processes (0 = one per core).",
                                      min=0, metavar="N")] = 0,
    max_size: Annotated[int, typer.Option("--max-size", help="Refuse input files larger than this many MB.",
                                          min=1, metavar="MB")] = 50,
    max_pages: Annotated[int, typer.Option("--max-pages", help="Refuse PDFs with more pages than this.", min=1,
                                           metavar="PAGES")] = 200,
    timeout: Annotated[float, typer.Option("--timeout", help="Give up on a file after this many seconds (0 = never); "
                                           "this also bounds a LibreOffice conversion or an OCR run.", min=0,
                                           metavar="SECONDS")] = 60,
    ocr: Annotated[bool, typer.Option("--ocr", help="Read scanned PDFs (no text layer) by OCR: needs "
                                      "pip install 'jobspec[ocr]' and Tesseract.")] = False,
    quiet: Annotated[bool, typer.Option("-q", "--quiet", help="Only print errors.")] = False,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks for unexpected failures.")] = False,
    vocabulary: Annotated[list[Path] | None, typer.Option("--vocabulary", help="Extra concept vocabulary (YAML) "
                                                          "merged over the shipped one, for the duties' and "
                                                          "criteria's tags; repeatable.", metavar="FILE")] = None,
    strict: Annotated[bool, typer.Option("--strict", help="Exit 1 when any document's parse needs review (a "
                                         "'review:' warning), as for CI and batch checks.")] = False,
    trace: Annotated[bool, typer.Option("--trace", help="Instead of the specs, print for every block of each "
                                        "document where it is, what it became and the layout rule that "
                                        "decided it.")] = False,
    trace_format: Annotated[str, typer.Option("--trace-format", help="text (default) or json.",
                                              metavar="text|json")] = "text",
    list_rules: Annotated[bool, typer.Option("--list-rules", help="List the layout rules and exit.")] = False,
    explain: Annotated[str | None, typer.Option("--explain", help="Print what a layout rule does and exit.",
                                                metavar="CODE")] = None,
    color: ColorOption = None,
) -> None:
    """Parse job descriptions / person specifications into YAML specs.

    Examples:

    \b
      jobspec parse pack.docx                 # YAML on stdout
      jobspec parse packs/ -o specs/          # one specs/<name>.yaml per document
      jobspec parse jd.pdf --format json | jq '.[0].post'
      jobspec parse jd.docx --trace           # which rule made each duty, criterion, heading
      jobspec parse --list-rules
      jobspec parse --ocr scanned-pack.pdf    # OCR a PDF that is only images

    A parse that is probably wrong somewhere carries "review:" warnings (in the spec and the
    summary); --strict makes them fail the run.

    Exit status: 0 when every file parsed, 1 when any file failed (or, with --strict, needs
    review), 2 for usage errors (a path that does not exist too).
    A spec you edited by hand, or one written from another document of the same
    name, is never overwritten without --force.
    """
    set_color(color)
    if list_rules or explain:
        from jobspec.cli.rules_cmd import run_explain, run_list_rules

        raise typer.Exit(run_explain(explain) if explain else run_list_rules())
    if not paths:
        raise typer.BadParameter("give at least one file or folder (or --list-rules)", param_hint="PATH...")
    if trace:
        from jobspec.cli.trace_cmd import run_trace

        raise typer.Exit(run_trace(paths, output=output, fmt=trace_format, debug=debug, ocr=ocr))
    from jobspec.batch import Limits
    from jobspec.cli.parse_cmd import run_parse

    limits = Limits(max_bytes=max_size * 1024 * 1024, max_pages=max_pages, timeout=timeout)
    code = run_parse(paths, output=output, fmt=fmt, force=force, jobs=jobs or (os.cpu_count() or 1),
                     limits=limits, quiet=quiet, debug=debug, vocabulary=vocabulary, strict=strict,
                     ocr=ocr)
    raise typer.Exit(code)


@app.command("schema", cls=Command)
def schema_cmd(
    path_only: Annotated[bool, typer.Option("--path", help="Print where the installed schema file is.")] = False,
    color: ColorOption = None,
) -> None:
    """Print the JSON Schema that every spec follows (JSON Schema 2020-12)."""
    set_color(color)
    from jobspec.spec.schema import schema_text

    if path_only:
        from importlib import resources

        typer.echo(str(resources.files("jobspec").joinpath("data/jobspec.schema.json")))
        return
    sys.stdout.write(schema_text())


@app.command("lint", cls=Command)
def lint_cmd(
    paths: Annotated[list[Path] | None, typer.Argument(help="Spec files, or folders searched recursively for "
                                                       ".yaml/.yml.", show_default=False, metavar="PATH...")] = None,
    fmt: Annotated[str | None, typer.Option("--format", help="full (default), concise, json, github (the default "
                                            "when GITHUB_ACTIONS=true) or sarif.", metavar="FORMAT")] = None,
    select: Annotated[list[str] | None, typer.Option("--select", help="Run only these rules: codes, prefixes "
                                                     "(JS2) or names, comma-separated or repeated. Replaces the "
                                                     "config's select.", metavar="CODES")] = None,
    ignore: Annotated[list[str] | None, typer.Option("--ignore", help="Skip these rules. Replaces the config's "
                                                     "ignore.", metavar="CODES")] = None,
    fail_on: Annotated[str | None, typer.Option("--fail-on", help="Exit 1 when a finding is at least this "
                                                "severe (default error).", metavar="error|warning|info")] = None,
    exit_zero: Annotated[bool, typer.Option("--exit-zero", help="Exit 0 even with findings (2 still means a "
                                            "usage or I/O error).")] = False,
    max_size: Annotated[int | None, typer.Option("--max-size", help="Refuse spec files larger than this many MB "
                                                 "(default 5).", min=1, metavar="MB")] = None,
    config: Annotated[Path | None, typer.Option("--config", help="Read settings from this pyproject.toml or "
                                                ".jobspec.yaml instead of the nearest one.", metavar="FILE")] = None,
    explain: Annotated[str | None, typer.Option("--explain", help="Print what a rule checks and exit.",
                                                metavar="CODE")] = None,
    list_rules: Annotated[bool, typer.Option("--list-rules", help="List every rule and exit.")] = False,
    quiet: Annotated[bool, typer.Option("-q", "--quiet", help="No summary line.")] = False,
    verbose: Annotated[bool, typer.Option("-v", "--verbose", help="Also say which configuration file was "
                                          "used.")] = False,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks for unexpected failures.")] = False,
    color: ColorOption = None,
) -> None:
    """Check YAML specs: syntax, the JSON Schema, and consistency rules (duplicates, placeholders, pay, hours).

    Examples:

    \b
      jobspec lint specs/                       # findings grouped by file
      jobspec lint specs/ --format concise      # one line per finding
      jobspec lint specs/ --format sarif > jobspec.sarif
      jobspec lint --explain JS201

    Settings: [tool.jobspec.lint] in the nearest pyproject.toml, or lint: in .jobspec.yaml.
    A comment "# jobspec: disable=CODE" on an item's line silences CODE for that item.
    Exit status: 0 clean, 1 findings at or above --fail-on, 2 usage or I/O error (a path that
    does not exist too). -v names the configuration file used.
    """
    set_color(color)
    from jobspec.cli.lint_cmd import run_lint

    code = run_lint(paths or [], fmt=fmt, select=select, ignore=ignore, fail_on=fail_on, exit_zero=exit_zero,
                    max_size=max_size, config_path=config, explain=explain, list_rules=list_rules, quiet=quiet,
                    debug=debug, verbose=verbose)
    raise typer.Exit(code)


@app.command("compare", cls=Command)
def compare_cmd(
    paths: Annotated[list[Path], typer.Argument(help="Two posts, or more, or folders of them: specs (.yaml/.json "
                                                "from jobspec parse) or documents (.docx .doc .odt .rtf .pdf .html .txt .md ...). Folders "
                                                "are searched recursively.", show_default=False, metavar="POST...",
                                                readable=False)],  # the reader names an unreadable file
    fmt: Annotated[str | None, typer.Option("-f", "--format", help="terminal, markdown, html, json or xlsx (a "
                                            "workbook: needs -o). Default: terminal when stdout is a terminal, else "
                                            "markdown; with -o, from the file's suffix (.json .md .html .txt .xlsx).", metavar="FORMAT",
                                            show_default=False)] = None,
    output: Annotated[Path | None, typer.Option("-o", "--output", help="Write the report to FILE (atomically) "
                                                "instead of stdout.", metavar="FILE")] = None,
    threshold: Annotated[str, typer.Option("--threshold", help="Score (above 0 and under 100) a one-to-one pair "
                                           "needs to count as matched.", metavar="SCORE")] = "50",
    possible: Annotated[str | None, typer.Option("--possible", help="Two posts: lower bound (above 0, at most the "
                                                 "threshold) for reporting a pair as a possible match [default: 25, "
                                                 "or half the threshold if lower].", show_default=False,
                                                 metavar="SCORE")] = None,
    min_share: Annotated[str | None, typer.Option("--min-share", help="Three posts or more: an item is in the "
                                                  "common core when it is in at least this many posts (5) or this "
                                                  "share of them (0.5 or 50%) [default: half the posts].",
                                                  metavar="K", show_default=False)] = None,
    near_duplicate: Annotated[str, typer.Option("--near-duplicate", help="Three posts or more: two posts with at "
                                                "least this share of their items matched (0.9 or 90%) are "
                                                "near-duplicates.", metavar="SHARE")] = "0.9",
    order: Annotated[str, typer.Option("--order", help="Three posts or more: the similarity matrices' posts in "
                                       "order of similarity (alike posts side by side) or in input order (as "
                                       "given). The JSON report keeps input order.",
                                       metavar="similarity|input")] = "similarity",
    jobs: Annotated[int, typer.Option("-j", "--jobs", help="Three posts or more: processes to score in (0 = one "
                                      "per core; under 40 posts, one).", min=0, metavar="N")] = 0,
    vocabulary: Annotated[list[Path] | None, typer.Option("--vocabulary", help="Extra concept vocabulary (YAML) "
                                                          "merged over the shipped one; repeatable.",
                                                          metavar="FILE")] = None,
    quiet: Annotated[bool, typer.Option("-q", "--quiet", help="Only print errors on stderr.")] = False,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks for unexpected failures.")] = False,
    color: ColorOption = None,
) -> None:
    """Compare posts item by item: two posts side by side, or many at once.

    Two posts: shared, reworded and one-sided duties and criteria, matched one to one across
    headings and order, with sector concepts (safeguarding, SEND, ICT, English and maths
    qualifications ...) as well as wording; criteria also show essential/desirable, category and
    assessment changes; post details show title, grade, pay (FTE and actual), hours and
    reporting line.

    Three posts or more, or a folder: a similarity matrix of the posts (share of duties and of
    criteria matched), the common core (items in at least K posts: K is set with the option
    below), what is unique to each post, near-duplicate posts and outliers.

    Examples:

    \b
      jobspec compare specs/old-ta.yaml packs/new-ta.docx
      jobspec compare a.yaml b.yaml --format html -o report.html
      jobspec compare specs/ --min-share 0.75 -o trust.html
      jobspec compare specs/ --format json | jq '.core.duties[].text'
      jobspec compare specs/ -o trust.xlsx    # one sheet per table

    Exit status: 0 compared, 1 an input could not be read (with three posts or more, the
    others are still compared), 2 usage error (bad option, a path that does not exist,
    unsupported file type, bad vocabulary file).
    """
    set_color(color)
    from jobspec.cli.compare_cmd import run_compare

    code = run_compare(paths, fmt=fmt, output=output, threshold=threshold, possible=possible, min_share=min_share,
                       near_duplicate=near_duplicate, jobs=jobs, vocabulary=list(vocabulary or []), quiet=quiet,
                       debug=debug, order=order)
    raise typer.Exit(code)


@app.command("export", cls=Command)
def export_cmd(
    paths: Annotated[list[Path], typer.Argument(help="Specs (.yaml/.json from jobspec parse), documents (parsed on "
                                                "the fly) or folders of them, searched recursively.",
                                                show_default=False, metavar="SPEC_OR_FOLDER...",
                                                readable=False)],  # the reader names an unreadable file
    output: Annotated[Path | None, typer.Option("-o", "--output", help="The workbook to write (FILE.xlsx), or with "
                                                "--format csv the folder for posts.csv, duties.csv and "
                                                "criteria.csv.", metavar="FILE|FOLDER", show_default=False)] = None,
    fmt: Annotated[str | None, typer.Option("-f", "--format", help="xlsx (one workbook: Posts, Duties, Criteria) "
                                            "or csv (three files). Default: from -o's suffix (.xlsx).",
                                            metavar="xlsx|csv", show_default=False)] = None,
    vocabulary: Annotated[list[Path] | None, typer.Option("--vocabulary", help="Extra concept vocabulary (YAML) "
                                                          "for the tags of documents parsed on the fly; "
                                                          "repeatable.", metavar="FILE")] = None,
    quiet: Annotated[bool, typer.Option("-q", "--quiet", help="Only print errors on stderr.")] = False,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks for unexpected failures.")] = False,
    color: ColorOption = None,
) -> None:
    """Export posts to a spreadsheet: one row per post, per duty and per criterion.

    The workbook has three sheets: Posts (title, organisation, grade, pay, hours, counts, review
    warnings), Duties and Criteria, each with a frozen header row and a filter. Numbers are
    numbers; document text is always text, never a formula. With --format csv the same tables
    are written as posts.csv, duties.csv and criteria.csv (UTF-8 with a BOM, so Excel reads
    accents); a text cell starting with = + - @ gets a leading ' there.

    Examples:

    \b
      jobspec export specs/ -o posts.xlsx
      jobspec export specs/*.yaml packs/new-ta.docx -o posts.xlsx
      jobspec export specs/ --format csv -o tables/

    Exit status: 0 exported, 1 a file could not be read (the others are still exported) or the
    output could not be written, 2 usage error (no such path, no -o, a format -o's name does not
    agree with).
    """
    set_color(color)
    from jobspec.cli.export_cmd import run_export

    raise typer.Exit(run_export(paths, fmt=fmt, output=output, vocabulary=list(vocabulary or []), quiet=quiet,
                                debug=debug))


def main() -> None:
    """Console-script entry point."""
    if hasattr(signal, "SIGPIPE"):
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)  # `jobspec parse x | head` ends quietly
    try:
        app()
    except KeyboardInterrupt:
        sys.stderr.write("interrupted\n")
        sys.exit(130)
