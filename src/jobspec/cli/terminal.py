"""One place for terminal output: rich consoles with markup off (documents contain [brackets]).

Colour follows one policy for every command: ``--color always|never|auto`` when given, else
``NO_COLOR`` (any non-empty value: no styling at all, not even bold or dim), else colour on a
terminal only.
"""

from __future__ import annotations

import os
import sys
from functools import cached_property
from pathlib import Path
from typing import IO, Any

COLOR_CHOICES = ("auto", "always", "never")
_color = "auto"  # set once per run by the command line (--color)


def set_color(choice: str | None) -> None:
    """The ``--color`` choice for this run (None keeps the current one)."""
    global _color
    if choice is None:
        return
    if choice not in COLOR_CHOICES:
        import typer

        raise typer.BadParameter(f"'{choice}': use auto, always or never", param_hint="--color")
    _color = choice


def color_choice() -> str:
    """``always``, ``never`` or ``auto``, after ``NO_COLOR`` (which only an explicit --color overrides)."""
    if _color == "auto" and os.environ.get("NO_COLOR", ""):
        return "never"
    return _color


def console(file: IO[str] | None = None, *, stderr: bool = False, **kwargs: Any):
    """A rich Console for human output under the colour policy: markup, emoji and highlighting off."""
    from rich.console import Console

    choice = color_choice()
    opts: dict[str, Any] = {"markup": False, "emoji": False, "highlight": False, **kwargs}
    if file is not None:
        opts["file"] = file
    else:
        opts["stderr"] = stderr
    if choice == "never":
        return Console(color_system=None, no_color=True, force_terminal=False, **opts)
    if choice == "always":
        con = Console(force_terminal=True, no_color=False, **opts)
        if con.color_system is None:  # TERM=dumb or unknown: colour was asked for, so plain ANSI colours
            con = Console(force_terminal=True, no_color=False, color_system="standard", **opts)
        return con
    return Console(**opts)


class Terminal:
    """Human messages go to stderr; machine output (YAML, JSON) to stdout."""

    def __init__(self, quiet: bool = False, debug: bool = False, verbose: bool = False) -> None:
        self.quiet = quiet
        self.debug = debug
        self.verbose = verbose

    @cached_property
    def err(self):
        return console(stderr=True)

    @property
    def interactive(self) -> bool:
        return sys.stderr.isatty() and not self.quiet

    def unexpected(self, what: str, exc: BaseException) -> None:
        """A failure that is no fault of the input (a bug, or a library on a strange file): one line
        saying what could not be done, or with ``--debug`` the exception and its traceback."""
        if self.debug:
            raise exc
        self.error(f"could not {what} ({type(exc).__name__}: {exc}); run with --debug for details")

    def error(self, msg: str) -> None:
        self.err.print(f"error: {msg}", style="bold red", soft_wrap=True)

    def warn(self, msg: str) -> None:
        if not self.quiet:
            self.err.print(f"warning: {msg}", style="yellow", soft_wrap=True)

    def info(self, msg: str) -> None:
        if not self.quiet:
            self.err.print(msg, soft_wrap=True)

    def detail(self, msg: str) -> None:
        """Only with -v (--verbose)."""
        if self.verbose and not self.quiet:
            self.err.print(msg, style="dim", soft_wrap=True)

    def out(self, text: str) -> None:
        sys.stdout.write(text)
        sys.stdout.flush()


def bad_vocabulary(term: Terminal, vocabulary: list[Path]) -> bool:
    """True, once the reason is said, when a ``--vocabulary`` file cannot be used (a usage error)."""
    if not vocabulary:
        return False
    from jobspec.concepts.vocabulary import VocabularyError, load_vocabulary

    try:
        load_vocabulary(vocabulary)
    except VocabularyError as exc:
        term.error(str(exc))
        return True
    return False


def ocr_unavailable(term: Terminal, ocr: bool) -> bool:
    """True, once what to install is said, when ``--ocr`` is given and OCR cannot run (a usage error)."""
    if not ocr:
        return False
    from jobspec.readers.pdf_ocr import missing_tool

    why = missing_tool()
    if why:
        term.error(f"--ocr: {why}")
    return why is not None


def say_repeats(term: Terminal, repeats: list[tuple[Path, Path]], done: str) -> None:
    """A warning for each path left out as a second path to a file already given (``done``: what
    is done to the file instead, e.g. "compared once")."""
    from jobspec.display import shown

    for again, kept in repeats:
        where = "given twice" if shown(again) == shown(kept) else f"the same file as {shown(kept)}"
        term.warn(f"{shown(again)}: {where}; {done}")
