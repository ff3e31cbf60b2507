"""One place for terminal output: rich consoles with markup off (documents contain [brackets])."""

from __future__ import annotations

import sys
from functools import cached_property


class Terminal:
    """Human messages go to stderr; machine output (YAML, JSON) to stdout."""

    def __init__(self, quiet: bool = False, debug: bool = False) -> None:
        self.quiet = quiet
        self.debug = debug

    @cached_property
    def err(self):
        from rich.console import Console

        return Console(stderr=True, markup=False, emoji=False, highlight=False)

    @property
    def interactive(self) -> bool:
        return sys.stderr.isatty() and not self.quiet

    def error(self, msg: str) -> None:
        self.err.print(f"error: {msg}", style="bold red", soft_wrap=True)

    def warn(self, msg: str) -> None:
        if not self.quiet:
            self.err.print(f"warning: {msg}", style="yellow", soft_wrap=True)

    def info(self, msg: str) -> None:
        if not self.quiet:
            self.err.print(msg, soft_wrap=True)

    def out(self, text: str) -> None:
        sys.stdout.write(text)
        sys.stdout.flush()
