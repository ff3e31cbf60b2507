"""`jobspec parse`: presentation only; the work is in jobspec.batch and jobspec.api."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
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
from jobspec.cli.terminal import Terminal, bad_vocabulary, ocr_unavailable
from jobspec.display import plural, shown
from jobspec.readers import SUFFIX_LIST
from jobspec.workers import Interrupted, signals_held, stop_on_signals


def run_parse(paths: list[Path], *, output: Path | None, fmt: str, force: bool, jobs: int, limits: Limits,
              quiet: bool, debug: bool, vocabulary: list[Path] | None = None, strict: bool = False,
              ocr: bool = False) -> int:
    term = Terminal(quiet=quiet, debug=debug)
    if fmt not in ("yaml", "json"):
        term.error(f"unknown --format '{fmt}': use yaml or json")
        return 2
    if output is not None and fmt == "json":
        term.error("--format json prints to stdout, and -o always writes YAML specs: leave out one of them")
        return 2
    if bad_vocabulary(term, vocabulary):
        return 2
    if output is not None and output.exists() and not output.is_dir():
        term.error(f"{shown(output)}: -o must be a folder, and this is a file")
        return 2
    if ocr_unavailable(term, ocr):
        return 2
    files, missing, not_read = find_inputs_and_others(paths)
    for o in missing:
        term.error(f"{shown(o.path)}: {o.error}")
    if not files:
        for o in not_read:
            term.info(f"{shown(o.path)}: skipped: {o.not_read}")
        if missing:
            return 2
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
        term.error(f"interrupted ({interrupted}): stopped after {len(outcomes)} of {plural(len(files), 'document')}; "
                   "the rest were not parsed")
    if not quiet or interrupted is not None:
        _summary(term, outcomes, not_read, len(missing), output)
    if interrupted is not None:
        return interrupted.exit_code
    if missing:  # a path that does not exist is a usage error, as in lint and compare
        return 2
    failed = sum(1 for o in outcomes if not o.ok)
    review = sum(1 for o in outcomes if o.ok and (o.data or {}).get("review"))
    return 1 if failed or (strict and review) else 0


def _write(term: Terminal, o: Outcome, target: Path, note: str | None, force: bool) -> None:
    """Write one spec; a name clash and a kept file are said once, in the summary (or, with -q, not at all)."""
    if note:
        o.notes.append(note)
    reason = write_spec(target, render(o.data), force=force)
    if reason:
        o.skipped = reason
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
    """Every file (parsed, kept, failed, and every file found in a folder but not read, with why),
    then one line counting them. A table when it fits the width on one line per file; otherwise one
    block per file, so that no word and no file name is cut to fit (an 80-column pipe, a narrow
    terminal)."""
    from rich.measure import Measurement

    rows = _summary_rows(outcomes, not_read)
    table = _summary_table(rows)
    con = term.err
    if Measurement.get(con, con.options.update_width(10_000), table).maximum <= con.width:
        term.err.print(table)
    else:
        _summary_blocks(term, rows)
    ok = sum(1 for r in rows if r.state == "parsed")
    kept = sum(1 for r in rows if r.state == "kept")
    failed = sum(1 for r in rows if r.state == "failed") + missing
    total = ok + kept + failed + len(not_read)
    where = f" into {shown(output)}" if output is not None else ""
    review = sum(1 for o in outcomes if o.ok and not o.skipped and (o.data or {}).get("review"))
    needs = f"; {review} need{'s' if review == 1 else ''} review (see the warnings)" if review else ""
    kept_part = f"{kept} kept ({_kept_why(outcomes)}), " if kept else ""
    term.info(f"parsed {ok} of {plural(total, 'file')}{where}: {kept_part}{failed} failed, "
              f"{len(not_read)} skipped{needs}")


def _kept_why(outcomes: list[Outcome]) -> str:
    """Why the kept specs were kept, each reason once: edited by hand, written from another document."""
    why = ("written from another document" if o.skipped.startswith("written from ") else "edited by hand"
           for o in outcomes if o.ok and o.skipped)
    return ", ".join(dict.fromkeys(why))


@dataclass(slots=True)
class _Row:
    file: str
    state: str  # parsed | kept | failed | skipped
    title: str = ""
    organisation: str = ""
    duties: int = 0
    essential: int = 0
    desirable: int = 0
    notes: list[str] = field(default_factory=list)


def _summary_rows(outcomes: list[Outcome], not_read: list[Outcome]) -> list[_Row]:
    rows = []
    for o in outcomes:
        name = shown(o.path.name)
        if not o.ok:
            rows.append(_Row(name, "failed", notes=[o.error or ""]))
        elif o.skipped:  # a spec left as it is (edited by hand, ...): what was just parsed is not on disk
            rows.append(_Row(name, "kept", notes=[*o.notes, f"kept: {o.skipped}"]))
        else:
            d = o.data or {}
            rows.append(_Row(name, "parsed", d.get("title") or "—", d.get("organisation") or "—", d.get("duties", 0),
                             d.get("essential", 0), d.get("desirable", 0), list(d.get("warnings") or []) + o.notes))
    for o in not_read:
        rows.append(_Row(shown(o.path.name + ("/" if o.path.is_dir() else "")), "skipped",
                         notes=[f"skipped: {o.not_read}"]))
    return rows


_STATE_STYLE = {"failed": "red", "kept": "yellow", "skipped": "yellow"}


def _summary_table(rows: list[_Row]):
    from rich.table import Table
    from rich.text import Text

    t = Table(title=None, show_lines=False, pad_edge=False)
    for col in ("file", "title", "organisation", "duties", "criteria E/D", "warnings"):
        t.add_column(col, justify="right" if col in ("duties", "criteria E/D") else "left")
    for r in rows:
        if r.state == "parsed":
            t.add_row(Text(r.file), Text(r.title), Text(r.organisation), str(r.duties),
                      f"{r.essential}/{r.desirable}", Text("; ".join(r.notes)))
        else:
            style = _STATE_STYLE[r.state]
            t.add_row(Text(r.file), Text(r.state, style=style), Text(""), "", "",
                      Text("; ".join(r.notes), style=style if r.state == "failed" else ""))
    return t


def _summary_blocks(term: Terminal, rows: list[_Row]) -> None:
    """The summary for a narrow width: the file name on a line of its own, then what became of it,
    indented and wrapped between words."""
    import textwrap

    from rich.text import Text

    width = max(term.err.width, 40)
    for r in rows:
        term.err.print(Text(r.file, style="bold"), soft_wrap=True)
        lines: list[tuple[str, str]] = []
        if r.state == "parsed":
            lines.append((" — ".join(x for x in (r.title, r.organisation) if x and x != "—") or "untitled post", ""))
            lines.append((f"{plural(r.duties, 'duty', 'duties')}; "
                          f"{plural(r.essential + r.desirable, 'criterion', 'criteria')} "
                          f"({r.essential} essential, {r.desirable} desirable)", ""))
            lines += [(n, "") for n in r.notes]
        elif r.state == "failed":
            lines.append((f"failed: {r.notes[0]}", "red"))
        else:
            lines += [(n, _STATE_STYLE[r.state]) for n in r.notes]
        for text, style in lines:
            filled = textwrap.fill(text, width, initial_indent="    ", subsequent_indent="    ",
                                   break_long_words=False, break_on_hyphens=False)
            term.err.print(Text(filled, style=style), soft_wrap=True)
