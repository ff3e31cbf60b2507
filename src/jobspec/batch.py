"""Parse many documents: find inputs, parse in parallel, write specs atomically and safely."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from jobspec.display import shown
from jobspec.errors import InputError, JobspecError
from jobspec.files import SOFTWARE_FOLDERS, atomic_write, walk_files
from jobspec.readers import DEFAULT_MAX_BYTES, DEFAULT_MAX_PAGES, DEFAULT_TIMEOUT, SUFFIXES
from jobspec.readers.skip_reasons import skip_reason
from jobspec.spec.yamlio import recorded_source, spec_to_yaml, written_by_jobspec_unchanged
from jobspec.version import __version__


@dataclass(frozen=True, slots=True)
class Limits:
    """Hard limits per input file (each has a command-line flag)."""

    max_bytes: int = DEFAULT_MAX_BYTES
    max_pages: int = DEFAULT_MAX_PAGES
    timeout: float = DEFAULT_TIMEOUT


@dataclass(slots=True)
class Outcome:
    """What happened to one input file."""

    path: Path
    data: dict | None = None
    error: str | None = None
    output: Path | None = None
    skipped: str | None = None
    notes: list[str] = field(default_factory=list)
    not_read: str | None = None  # why a file found in a folder was not read ("spreadsheet", ...)

    @property
    def ok(self) -> bool:
        return self.error is None


def find_inputs(paths: list[Path]) -> tuple[list[Path], list[Outcome]]:
    """Documents named on the command line or found (recursively) in folders, in a stable order, and
    an error :class:`Outcome` for each path that does not exist."""
    found, missing, _not_read = find_inputs_and_others(paths)
    return found, missing


def find_inputs_and_others(paths: list[Path]) -> tuple[list[Path], list[Outcome], list[Outcome]]:
    """As :func:`find_inputs`, and an :class:`Outcome` for each file or folder found in a folder but not
    read (``not_read`` says why), for a summary that names them all."""
    passed: list[Path] = []
    found, missing = walk_files(paths, SUFFIXES, SOFTWARE_FOLDERS, skip_prefixes=("~$", "."), passed_over=passed)
    return (found, [Outcome(p, error="no such file or folder") for p in missing],
            [Outcome(p, not_read=skip_reason(p)) for p in dict.fromkeys(passed)])


def output_names(files: list[Path]) -> dict[Path, tuple[str, str | None]]:
    """``<stem>.yaml`` per file; clashes get the format, then the folder name, then a number."""
    by_stem: dict[str, list[Path]] = {}
    for f in files:
        by_stem.setdefault(f.stem, []).append(f)
    names: dict[Path, tuple[str, str | None]] = {}
    taken: set[str] = set()
    for stem, group in by_stem.items():
        if len(group) == 1:
            names[group[0]] = (f"{stem}.yaml", None)
            taken.add(f"{stem}.yaml")
    for stem, group in by_stem.items():
        if len(group) == 1:
            continue
        for f in group:
            cand = f"{stem}.{f.suffix.lower().lstrip('.')}.yaml"
            if cand in taken:
                cand = f"{stem}.{f.parent.name or 'doc'}.{f.suffix.lower().lstrip('.')}.yaml"
            n = 2
            base = cand
            while cand in taken:
                cand = base.replace(".yaml", f".{n}.yaml")
                n += 1
            taken.add(cand)
            names[f] = (cand, f"name clash: written as {cand}")
    return names


def _parse_worker(path: str, rel_base: str | None, limits: Limits, vocabulary: tuple[str, ...] = (),
                  ocr: bool = False) -> tuple[str, dict | None, str | None]:
    """Parse one file (in a worker process or in-process) and return its spec mapping or an error line."""
    from jobspec.api import parse_document
    from jobspec.workers import TimeLimitExceeded, time_limit

    try:
        with time_limit(limits.timeout):
            spec = parse_document(path, relative_to=rel_base, max_bytes=limits.max_bytes, max_pages=limits.max_pages,
                                  vocabulary=vocabulary, ocr=ocr, tool_timeout=limits.timeout or None)
        return path, spec.to_dict(), None
    except TimeLimitExceeded:
        return path, None, f"took longer than {limits.timeout:g} s to read, gave up (see --timeout)"
    except InputError as exc:
        return path, None, exc.reason
    except JobspecError as exc:
        return path, None, str(exc)
    except RecursionError:
        return path, None, "document structure nested too deeply to read"
    except MemoryError:
        return path, None, "out of memory while reading the document"
    except Exception as exc:  # a bug or a library failure on a strange file: report, keep going
        return path, None, f"could not parse ({type(exc).__name__}: {exc})"


def parse_many(files: list[Path], *, out_dir: Path | None, jobs: int = 1, limits: Limits | None = None,
               on_done: Callable[[Outcome], None] | None = None,
               vocabulary: tuple[str, ...] = (), ocr: bool = False) -> Iterator[Outcome]:
    """Parse ``files``, yielding an :class:`Outcome` per file in input order.

    ``vocabulary`` lists concept-vocabulary files for the tags; check them first with
    ``jobspec.concepts.vocabulary.load_vocabulary``, as a bad one would fail every file.
    ``ocr`` reads PDFs without a text layer by OCR.
    """
    limits = limits or Limits()
    rel_base = str(out_dir) if out_dir is not None else None
    args = [(str(f), rel_base, limits, tuple(str(v) for v in vocabulary), ocr) for f in files]
    if jobs > 1 and len(files) > 1:
        from jobspec.workers import WorkerDied, run_in_workers

        for f, res in zip(files, run_in_workers(_parse_worker, args, jobs), strict=True):
            o = Outcome(f, error=res.reason) if isinstance(res, WorkerDied) else Outcome(f, data=res[1], error=res[2])
            if on_done:
                on_done(o)
            yield o
    else:
        for f, a in zip(files, args, strict=True):
            _p, data, err = _parse_worker(*a)
            o = Outcome(f, data=data, error=err)
            if on_done:
                on_done(o)
            yield o


def render(data: dict) -> str:
    return spec_to_yaml(data, __version__)


def write_spec(out: Path, text: str, *, force: bool) -> str | None:
    """Write ``text`` to ``out`` atomically. Returns a reason when the file was left alone: it is not
    a spec jobspec wrote, it was edited by hand, or it was written from another document."""
    if out.exists() and not force:
        try:
            current = out.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            return "not a spec jobspec wrote (use --force to overwrite)"
        if current == text:
            return None
        if not written_by_jobspec_unchanged(current):
            return "edited by hand (use --force to overwrite)"
        other = _other_source(out.parent, recorded_source(current), recorded_source(text))
        if other is not None:
            return f"written from {shown(other)} (use --force to overwrite)"
    atomic_write(out, text)
    return None


def _other_source(folder: Path, was: str | None, now: str | None) -> str | None:
    """``was`` when it names another document than ``now``, both relative to ``folder``; None when
    they name the same one or either is unknown."""
    if was is None or now is None or was == now:
        return None
    try:
        return None if (folder / was).resolve() == (folder / now).resolve() else was
    except (OSError, ValueError, RuntimeError):  # a name no file can have, a loop of links
        return was
