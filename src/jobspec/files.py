"""Find the files named on a command line or found (recursively) in folders; write output files
atomically with the permissions the user's umask gives."""

from __future__ import annotations

import contextlib
import errno
import os
import re
import tempfile
from collections.abc import Collection, Iterable
from pathlib import Path

SOFTWARE_FOLDERS = frozenset({".git", ".venv", "venv", "node_modules", "__pycache__"})  # never searched for documents


def walk_files(paths: Iterable[str | Path], suffixes: Collection[str], skip_dirs: Collection[str],
               skip_prefixes: tuple[str, ...] = (".",), passed_over: list[Path] | None = None,
               repeated: list[tuple[Path, Path]] | None = None,
               unreadable: list[tuple[Path, OSError]] | None = None) -> tuple[list[Path], list[Path]]:
    """The files named in ``paths`` or found in folders (suffix in ``suffixes``, any case), in a
    stable order without repeats, and the paths that do not exist. A loop of symbolic links is
    kept, named or found, so that reading it names the problem.

    Inside folders, hidden folders, those in ``skip_dirs`` and a saved web page's folder of images
    and scripts (``X_files`` beside ``X.html``) are not entered, and files whose names start with
    one of ``skip_prefixes`` are skipped, as are the reports jobspec writes (:func:`jobspec_report`);
    a file named explicitly is always kept. When ``passed_over`` is given, the files and folders
    found but not taken are added to it; when ``repeated`` is given, each file dropped as a repeat,
    with the one it repeats (:func:`without_repeats`); when ``unreadable`` is given, each folder
    that could not be listed (no permission), with the error.
    """
    found: list[Path] = []
    missing: list[Path] = []

    def cannot_list(exc: OSError) -> None:
        if unreadable is not None:
            unreadable.append((Path(exc.filename), exc))

    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            for root, dirs, files in os.walk(p, onerror=cannot_list):
                entered = sorted(d for d in dirs if d not in skip_dirs and not d.startswith(".")
                                 and not saved_page_folder(Path(root) / d))
                for name in sorted(files):
                    if (Path(name).suffix.lower() in suffixes and not name.startswith(skip_prefixes)
                            and not jobspec_report(Path(root) / name)):
                        found.append(Path(root) / name)
                    elif passed_over is not None:
                        passed_over.append(Path(root) / name)
                if passed_over is not None:
                    passed_over.extend(Path(root) / d for d in sorted(set(dirs) - set(entered)))
                dirs[:] = entered
        elif p.exists() or link_loop(p):
            found.append(p)
        else:
            missing.append(p)
    unique, repeats = without_repeats(found)
    if repeated is not None:
        repeated.extend(repeats)
    return unique, missing


def without_repeats(files: Iterable[Path]) -> tuple[list[Path], list[tuple[Path, Path]]]:
    """The files in order without a second path to one of them (the same resolved path), and each
    path left out with the path kept for it."""
    first: dict[Path, Path] = {}
    unique: list[Path] = []
    repeats: list[tuple[Path, Path]] = []
    for f in files:
        try:
            key = f.resolve()
        except (OSError, RuntimeError):  # a symlink loop: kept, so that reading it names the problem
            key = Path(os.path.abspath(f))
        if key in first:
            repeats.append((f, first[key]))
        else:
            first[key] = f
            unique.append(f)
    return unique, repeats


def link_loop(path: Path) -> bool:
    """Whether ``path`` cannot be reached because symbolic links on its way lead back to themselves."""
    try:
        os.stat(path)
    except OSError as e:
        return e.errno == errno.ELOOP
    return False


def absent(path: Path) -> str:
    """Why ``path``, which :meth:`Path.exists` says is not there, cannot be opened: "too many levels
    of symbolic links", "a symbolic link to nothing" or "no such file"."""
    if link_loop(path):
        return "too many levels of symbolic links"
    return "a symbolic link to nothing" if path.is_symlink() else "no such file"


def saved_page_folder(folder: Path) -> bool:
    """``X_files`` beside ``X.html`` (or ``.htm``): what a browser's "save page, complete" keeps the
    page's images, scripts and frames in."""
    name = folder.name
    if not name.endswith("_files") or len(name) == len("_files"):
        return False
    stem = name[: -len("_files")]
    return any((folder.parent / f"{stem}{suffix}").is_file() for suffix in (".html", ".htm"))


_REPORT_MARKDOWN = re.compile(r"# Comparison(: .+ vs .+| of [\d,]+ posts)\n\n- (\*\*A\*\*: |[\d,]+ posts compared: )")


_REPORT_JSON = re.compile(r'\{\s*"schema_version":\s*\d+,\s*"kind":\s*"(?:pair|nway)",\s*"settings":')


_REPORT_TERMINAL = re.compile(  # words apart by any white space: a narrow console wraps the lines
    r"A: .*\n(?:.*\n){0,20}?B: .*\n(?:.*\n){0,20}?"
    r"(?:B\s+covers\s+[\d,]+/[\d,]+\s+of\s+A's\s+duties|A\s+has\s+no\s+duties);\s+[\d,]+\s+identical;"
    r"|[\d,]+\s+posts\s+compared:\s+duties\s+and\s+criteria\s+matched\s+one\s+to\s+one\s+between")


def jobspec_report(path: Path) -> bool:
    """A comparison report jobspec wrote (``compare -o report.html``, ``.md``, ``.json`` or ``.txt``),
    not a document or spec to read: the HTML carries ``<meta name="generator" content="jobspec">``,
    the Markdown opens with the report's title and its first summary line, the JSON with its schema
    version, its kind (pair or nway) and its settings, the terminal text with its two posts (``A:``,
    ``B:``) and its first summary line, or with the N-way report's first summary line."""
    suffix = path.suffix.lower()
    if suffix not in (".html", ".htm", ".md", ".json", ".txt"):
        return False
    try:
        with path.open("rb") as fh:
            start = fh.read(2048).decode("utf-8", "replace")
    except OSError:
        return False
    if suffix == ".md":
        return _REPORT_MARKDOWN.match(start) is not None
    if suffix == ".json":
        return _REPORT_JSON.match(start) is not None
    if suffix == ".txt":
        return _REPORT_TERMINAL.match(start) is not None
    return '<meta name="generator" content="jobspec">' in start


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def atomic_write(path: Path, text: str | bytes) -> None:
    """Write via a temporary file in the same folder and rename, so readers never see half a file.

    The one way jobspec writes an output file (specs, reports, exports): the file gets the
    permissions a plain ``open(path, "w")`` would give (0666 less the umask), not the 0600 of a
    temporary file. ``text`` is written as UTF-8 with ``\n`` line ends; bytes as they are.
    Missing folders are made; a file where a folder should be is a :class:`NotADirectoryError`
    naming it."""
    for folder in (path.parent, *path.parent.parents):
        if folder.exists():
            if not folder.is_dir():
                raise NotADirectoryError(errno.ENOTDIR, f"{folder} is a file, not a folder", str(path))
            break
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.is_dir():
        raise IsADirectoryError(errno.EISDIR, "is a folder", str(path))
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.fchmod(fd, 0o666 & ~_umask())
        if isinstance(text, bytes):
            with os.fdopen(fd, "wb") as fb:
                fb.write(text)
        else:
            with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
                fh.write(text)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
