"""`jobspec parse --trace`: what every block of a document became, and the rule that decided it."""

from __future__ import annotations

import json
from pathlib import Path

from jobspec.cli.terminal import Terminal, ocr_unavailable


def run_trace(paths: list[Path], *, output: Path | None, fmt: str, debug: bool, ocr: bool = False) -> int:
    from jobspec.api import parse_document
    from jobspec.batch import find_inputs
    from jobspec.errors import InputError, JobspecError

    term = Terminal(debug=debug)
    if fmt not in ("text", "json"):
        term.error(f"unknown --trace-format '{fmt}': use text or json")
        return 2
    if output is not None:
        term.error("--trace prints the trace instead of writing specs: leave out -o")
        return 2
    if ocr_unavailable(term, ocr):
        return 2
    files, missing = find_inputs(paths)
    for o in missing:
        term.error(f"{o.path}: {o.error}")
    failed = len(missing)
    docs = []
    for f in files:
        try:
            spec = parse_document(f, trace=True, ocr=ocr)
        except InputError as exc:
            term.error(f"{f}: {exc.reason}")
            failed += 1
            continue
        except JobspecError as exc:
            term.error(f"{f}: {exc}")
            failed += 1
            continue
        records = [r.to_dict() for r in spec.trace or []]
        if fmt == "json":
            docs.append({"file": str(f), "trace": records})
        else:
            term.out(render_trace(str(f), records))
    if fmt == "json":
        term.out(json.dumps(docs, ensure_ascii=False, indent=2) + "\n")
    return 1 if failed else 0


def render_trace(name: str, records: list[dict[str, str]]) -> str:
    """One line per block: where | kind (made by) | what it became (rule) | text."""
    lines = [f"{name}\n"]
    width = max([len(r["at"]) for r in records] + [2])
    for r in records:
        made = f"{r['kind']} {r['made_by']}".strip()
        became = f"{r['became']} {r['rule']}".strip() + (f" (over {r['earlier']})" if r["earlier"] else "")
        text = r["text"] if len(r["text"]) <= 70 else r["text"][:69] + "…"
        lines.append(f"  {r['at']:<{width}}  {made:<16}  {became:<34}  {text}\n")
    return "".join(lines)
