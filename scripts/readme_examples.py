"""Rerun every command example in the README and check (or rewrite) what it shows.

An example is a code block between two markers; the first names the command:

    <!-- example: jobspec lint docs/flawed-specs --format concise -->
    ```
    $ jobspec lint docs/flawed-specs --format concise
    ...what the command printed (stdout and stderr, in order)...
    ```
    <!-- /example -->

Options go before the colon, e.g. ``<!-- example columns=100 lines=1-12,40-52 fence=markdown noprompt: CMD -->``:

- ``columns=N``: the terminal width the command is given (COLUMNS; default 100). Output goes to a pipe
  and NO_COLOR is set, so there is no colour.
- ``lines=A-B,C-D``: show only these lines of the output (1-based, inclusive); ``…`` marks lines left out.
- ``fence=WORD``: the code block's info string (``markdown``: a four-backtick fence).
- ``noprompt``: no ``$ CMD`` line (for a report shown as what it is, e.g. Markdown).
- ``file=PATH``: quote the committed file PATH (itself written by a real run) instead of running a command.

Commands run in a temporary copy of examples/, specs/ and docs/, with ``jobspec`` this source
tree's, so a run never changes the working tree. Lines keep no trailing spaces.

usage: python scripts/readme_examples.py            # exit 1, naming each stale example, when the README is stale
       python scripts/readme_examples.py --write    # rewrite the examples in README.md
(`make docs` runs it with --write; tests/test_readme_examples.py fails when the README is stale.)
"""

from __future__ import annotations

import difflib
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
COPIED = ("examples", "specs", "docs")
_START = re.compile(r"^<!-- example(?P<opts>[^:]*?)(?::\s*(?P<cmd>.*?))?\s*-->\n", re.M)
_END = "<!-- /example -->"
_RUN = ("import sys; sys.argv[0] = 'jobspec'; from jobspec.cli.app import main; main()")


@dataclass
class Example:
    start: int  # offset of the block (just after the opening marker)
    end: int  # offset of the closing marker
    command: str
    options: dict[str, str]
    shown: str  # what the README shows now

    @property
    def name(self) -> str:
        return self.command or self.options.get("file", "?")


def examples(text: str) -> list[Example]:
    out = []
    for m in _START.finditer(text):
        end = text.index(_END, m.end())
        opts: dict[str, str] = {}
        for word in (m.group("opts") or "").split():
            key, _, value = word.partition("=")
            opts[key] = value
        out.append(Example(m.end(), end, (m.group("cmd") or "").strip(), opts, text[m.end():end]))
    return out


def run(command: str, columns: int, work: Path) -> str:
    """What ``command`` prints, stdout and stderr together, as a person at a narrow pipe would see it."""
    args = shlex.split(command)
    if args[0] != "jobspec":
        raise SystemExit(f"README example is not a jobspec command: {command}")
    env = {k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR", "GITHUB_ACTIONS", "CI", "TERM")}
    env.update(COLUMNS=str(columns), LINES="50", NO_COLOR="1", PYTHONUNBUFFERED="1", TERM="dumb",
               PYTHONPATH=os.pathsep.join([str(ROOT / "src"), env.get("PYTHONPATH", "")]).rstrip(os.pathsep))
    res = subprocess.run([sys.executable, "-c", _RUN, *args[1:]], cwd=work, env=env, stdout=subprocess.PIPE,
                         stderr=subprocess.STDOUT, text=True, encoding="utf-8", timeout=600)
    return res.stdout


def abridge(output: str, spec: str | None) -> list[str]:
    lines = [line.rstrip() for line in output.rstrip("\n").split("\n")]
    if not spec:
        return lines
    kept: list[str] = []
    last = 0
    for part in spec.split(","):
        a, _, b = part.partition("-")
        lo, hi = int(a), int(b or a)
        if lo > last + 1:
            kept.append("…")
        kept.extend(lines[lo - 1:hi])
        last = hi
    if last < len(lines):
        kept.append("…")
    return kept


def block(ex: Example, work: Path) -> str:
    """The code block an example should show."""
    if "file" in ex.options:
        output = (ROOT / ex.options["file"]).read_text(encoding="utf-8")
    else:
        output = run(ex.command, int(ex.options.get("columns", "100")), work)
    lines = abridge(output, ex.options.get("lines"))
    if "noprompt" not in ex.options and ex.command:
        lines.insert(0, f"$ {ex.command}")
    info = ex.options.get("fence", "")
    fence = "````" if info == "markdown" or any(line.startswith("```") for line in lines) else "```"
    return "\n".join([fence + info, *lines, fence]) + "\n"


def regenerate(text: str, show_diff: bool = False) -> tuple[str, list[str]]:
    """The README with every example rerun, and the names of those that changed (with ``show_diff``,
    a unified diff of each on stderr)."""
    stale = []
    with tempfile.TemporaryDirectory(prefix="jobspec-readme-") as tmp:
        work = Path(tmp)
        for name in COPIED:
            shutil.copytree(ROOT / name, work / name)
        out, pos = [], 0
        for ex in examples(text):
            new = block(ex, work)
            if new != ex.shown:
                stale.append(ex.name)
                if show_diff:
                    sys.stderr.write("".join(difflib.unified_diff(ex.shown.splitlines(True), new.splitlines(True),
                                                              "README.md", ex.name, n=1)))
            out += [text[pos:ex.start], new]
            pos = ex.end
        out.append(text[pos:])
    return "".join(out), stale


def main(argv: list[str]) -> int:
    text = README.read_text(encoding="utf-8")
    new, stale = regenerate(text, show_diff="--write" not in argv)
    if "--write" in argv:
        if new != text:
            README.write_text(new, encoding="utf-8")
        print(f"README.md: {len(examples(text))} examples, {len(stale)} rewritten")
        return 0
    if stale:
        print("README.md examples are stale (run `make docs`): " + "; ".join(stale), file=sys.stderr)
        return 1
    print(f"README.md: {len(examples(text))} examples, all current")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
