"""`jobspec parse`: presentation only; the work is in jobspec.batch and jobspec.api."""

from __future__ import annotations

import json
from pathlib import Path

from jobspec.batch import (
    Limits,
    Outcome,
    find_inputs_and_others,
    output_names,
    parse_many,
    render,
    write_spec,
)
from jobspec.cli.terminal import Terminal
from jobspec.display import shown
from jobspec.readers import SUFFIX_LIST
from jobspec.workers import Interrupted, signals_held, stop_on_signals


def run_parse(paths: list[Path], *, output: Path | None, fmt: str, force: bool, jobs: int, limits: Limits,
              quiet: bool, debug: bool, vocabulary: list[Path] | None = None, strict: bool = False,
              ocr: bool = False) -> int:
    term = Terminal(quiet=quiet, debug=debug)
    if fmt not in ("yaml", "json"):
        term.error(f"unknown --format '{fmt}': use yaml or json")
        return 2
    if vocabulary:
        from jobspec.concepts.vocabulary import VocabularyError, load_vocabulary

        try:
            load_vocabulary(vocabulary)
        except VocabularyError as exc:
            term.error(str(exc))
            return 2
    if output is not None and output.exists() and not output.is_dir():
        term.error(f"{shown(output)}: -o must be a folder, and this is a file")
        return 2
    if ocr:
        from jobspec.readers.pdf_ocr import missing_tool

        why = missing_tool()
        if why:
            term.error(f"--ocr: {why}")
            return 2
    files, missing, not_read = find_inputs_and_others(paths)
    for o in missing:
        term.error(f"{shown(o.path)}: {o.error}")
    if not files:
        for o in not_read:
            term.info(f"{shown(o.path)}: skipped: {o.not_read}")
        if not missing:
            term.error(f"no documents ({SUFFIX_LIST}) found in " + ", ".join(shown(p) for p in paths))
        return 1
    names = output_names(files) if output is not None else {}
    outcomes: list[Outcome] = []
    progress = _progress(term, len(files))
    json_items = 0
    interrupted: Interrupted | None = None
    try:
        with stop_on_signals():
            for o in parse_many(files, out_dir=output, jobs=jobs, limits=limits, ocr=ocr,
                                vocabulary=tuple(str(v) for v in vocabulary or ()),
                                on_done=(lambda _o: progress.advance()) if progress else None):
                target = output / names[o.path][0] if output is not None else None
                with signals_held():  # a signal now waits until this file is written and counted
                    try:
                        if o.ok:
                            if target is not None:
                                _write(term, o, target, names[o.path][1], force)
                            else:
                                json_items = _print(term, o, fmt, json_items, len(files))
                    except OSError as exc:  # this file's output failed (disk full, a folder in the way...)
                        o.error = f"cannot write {shown(target or 'stdout')}: {exc.strerror or exc}"
                    except Exception as exc:  # a bug on one strange document: that file's error only
                        if debug:
                            raise
                        o.error = f"could not write its spec ({type(exc).__name__}: {exc})"
                    finally:
                        o.data = _brief(o.data)  # the spec is out: keep only its summary row, so memory stays flat
                    outcomes.append(o)
                if not o.ok:
                    _clear(progress)
                    term.error(f"{shown(o.path)}: {o.error}")
    except Interrupted as exc:
        interrupted = exc
    finally:
        if progress:
            progress.stop()
    if output is None and fmt == "json":
        term.out(("[\n" if not json_items else "") + "\n]\n")
    if interrupted is not None:
        term.error(f"interrupted ({interrupted}): stopped after {len(outcomes)} of {len(files)} document(s); "
                   "the rest were not parsed")
    if not quiet or interrupted is not None:
        _summary(term, outcomes, not_read, len(missing), output)
    if interrupted is not None:
        return interrupted.exit_code
    failed = sum(1 for o in outcomes if not o.ok) + len(missing)
    review = sum(1 for o in outcomes if o.ok and (o.data or {}).get("review"))
    return 1 if failed or (strict and review) else 0


def _write(term: Terminal, o: Outcome, target: Path, note: str | None, force: bool) -> None:
    if note:
        o.notes.append(note)
        term.warn(f"{shown(o.path)}: {note}")
    reason = write_spec(target, render(o.data), force=force)
    if reason:
        o.skipped = reason
        term.warn(f"{shown(target)}: skipped: {reason}")
    else:
        o.output = target


def _print(term: Terminal, o: Outcome, fmt: str, json_items: int, n_files: int) -> int:
    """Print one spec on stdout; returns how many JSON items are out."""
    if fmt == "json":  # the array streamed item by item, as the YAML stream is
        term.out(("[\n" if not json_items else ",\n") + json.dumps(o.data, ensure_ascii=False, indent=2))
        return json_items + 1
    term.out(("---\n" if n_files > 1 else "") + render(o.data))
    return json_items


class _Bar:
    def __init__(self, term: Terminal, total: int) -> None:
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

        self.p = Progress(TextColumn("parsing"), BarColumn(), MofNCompleteColumn(), console=term.err, transient=True)
        self.task = self.p.add_task("parse", total=total)
        self.p.start()

    def advance(self) -> None:
        self.p.advance(self.task)

    def stop(self) -> None:
        self.p.stop()


def _progress(term: Terminal, total: int) -> _Bar | None:
    return _Bar(term, total) if term.interactive and total > 1 else None


def _clear(progress: _Bar | None) -> None:
    if progress:
        progress.p.refresh()


def _brief(data: dict | None) -> dict | None:
    """What the summary table shows of a spec."""
    if data is None:
        return None
    post = data.get("post") or {}
    crit = data.get("criteria") or []
    ess = sum(1 for c in crit if c.get("level") == "essential")
    return {"title": post.get("title"), "organisation": post.get("organisation"),
            "duties": len(data.get("duties") or []), "essential": ess, "desirable": len(crit) - ess,
            "warnings": list(data.get("warnings") or []),
            "review": sum(1 for w in data.get("warnings") or [] if w.startswith("review: "))}


def _summary(term: Terminal, outcomes: list[Outcome], not_read: list[Outcome], missing: int,
             output: Path | None) -> None:
    """The table of files (parsed, failed, and every file found in a folder but not read, with why),
    then one line counting them."""
    from rich.table import Table
    from rich.text import Text

    t = Table(title=None, show_lines=False, pad_edge=False)
    for col in ("file", "title", "organisation", "duties", "criteria E/D", "warnings"):
        t.add_column(col, overflow="fold", justify="right" if col in ("duties", "criteria E/D") else "left")
    ok = 0
    for o in outcomes:
        if not o.ok:
            t.add_row(Text(shown(o.path.name)), Text("failed", style="red"), Text(""), "", "", Text(o.error or "", style="red"))
            continue
        ok += 1
        d = o.data or {}
        warns = list(d.get("warnings") or []) + o.notes + ([f"skipped: {o.skipped}"] if o.skipped else [])
        t.add_row(Text(shown(o.path.name)), Text(d.get("title") or "—"), Text(d.get("organisation") or "—"),
                  str(d.get("duties", 0)), f"{d.get('essential', 0)}/{d.get('desirable', 0)}", Text("; ".join(warns)))
    for o in not_read:
        name = o.path.name + ("/" if o.path.is_dir() else "")
        t.add_row(Text(shown(name)), Text("skipped", style="yellow"), Text(""), "", "", Text(f"skipped: {o.not_read}"))
    term.err.print(t)
    where = f" into {shown(output)}" if output is not None else ""
    review = sum(1 for o in outcomes if o.ok and (o.data or {}).get("review"))
    needs = f"; {review} need{'s' if review == 1 else ''} review (see the warnings)" if review else ""
    failed = len(outcomes) - ok + missing
    total = ok + failed + len(not_read)
    term.info(f"parsed {ok} of {total} file(s){where}: {failed} failed, {len(not_read)} skipped{needs}")
