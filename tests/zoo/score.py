"""Parse a generated zoo with jobspec and score it per family and format with the shared score.py.

usage: python -m tests.zoo.score ZOO_DIR [--families a,b] [--jobs N] [--json | --floors]

Prints a markdown table, one row per family and format: duties F1, criteria F1, level accuracy, key
fields right (title, organisation, grade, hours) and purpose F1. ``--json`` prints the summaries
as JSON; ``--floors`` prints them as the FLOORS table of tests/test_zoo.py, to raise the floors.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import importlib.util
import io
import json
import re
import sys
import tempfile
from pathlib import Path

from .families import NAMES, stem
from .model import FORMATS

ROOT = Path(__file__).resolve().parents[2]
SCORE_PY = ROOT.parent / "shared" / "tools" / "score.py"
METRICS = ("duties_f1", "criteria_f1", "level_acc", "fields", "purpose_f1")


def parse_format(zoo: Path, fmt: str, out: Path, jobs: int = 2) -> None:
    """``jobspec parse ZOO/<fmt> -o OUT`` through the library, as the CLI does it."""
    from jobspec.batch import find_inputs, parse_many, render

    out.mkdir(parents=True, exist_ok=True)
    files, _ = find_inputs([zoo / fmt])
    for o in parse_many(files, out_dir=out, jobs=jobs):
        if o.ok:
            (out / f"{o.path.stem}.yaml").write_text(render(o.data), encoding="utf-8")


@functools.cache
def _score_module(score_py: Path):
    spec = importlib.util.spec_from_file_location("zoo_score_tool", score_py)
    mod = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(mod)  # type: ignore[union-attr]
    return mod


def run_score_py(gold: Path, pred: Path, score_py: Path = SCORE_PY) -> dict:
    """``score.py GOLD PRED --json``, run in this process (it is called once per family and format)."""
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        _score_module(score_py).main([str(score_py), str(gold), str(pred), "--json"])
    return json.loads(buf.getvalue())


def score_family(zoo: Path, name: str, fmt: str, pred: Path, score_py: Path = SCORE_PY) -> dict:
    """score.py --json over the family's documents that exist in ``fmt``: its summary and per-document rows."""
    suffix = ".txt" if fmt == "txt" else ".pdf" if fmt.startswith("pdf") else ".docx"
    prefix = stem(name, 0)[:-3]
    stems = sorted(p.stem for p in (zoo / fmt).glob(f"{prefix}-*{suffix}") if re.fullmatch(rf"{prefix}-\d+", p.stem))
    if not stems:
        return {}
    with tempfile.TemporaryDirectory(prefix="zoo-gold-") as tmp:
        for s in stems:
            (Path(tmp) / f"{s}.gold.yaml").symlink_to(zoo.resolve() / "gold" / f"{s}.gold.yaml")
        data = run_score_py(Path(tmp), pred, score_py)
    summary = data["summary"]
    summary["fields"] = sum(int(v.split("/")[0]) for v in summary["fields_acc"].values())
    summary["fields_of"] = sum(int(v.split("/")[1]) for v in summary["fields_acc"].values())
    return {"summary": summary, "per_doc": data["per_doc"]}


def score_zoo(zoo: Path, families: tuple[str, ...] = NAMES, formats: tuple[str, ...] = FORMATS,
              work: Path | None = None, jobs: int = 2) -> dict[tuple[str, str], dict]:
    """{(family, format): {"summary": …, "per_doc": …}} for every family written in that format."""
    zoo = zoo.resolve()
    with tempfile.TemporaryDirectory(prefix="zoo-pred-") as tmp:
        base = work or Path(tmp)
        for fmt in formats:
            if (zoo / fmt).is_dir():
                parse_format(zoo, fmt, base / fmt, jobs)
        pairs = [(n, f) for f in formats if (zoo / f).is_dir() for n in families]
        results = {(n, f): score_family(zoo, n, f, base / f) for n, f in pairs}
        return {nf: r for nf, r in results.items() if r}


def table_lines(scores: dict[tuple[str, str], dict]) -> list[str]:
    lines = ["| family | format | duties F1 | criteria F1 | level acc | fields | purpose F1 |",
             "|---|---|---|---|---|---|---|"]
    for (name, fmt), r in scores.items():
        s = r["summary"]
        lines.append(f"| {name} | {fmt} | {s['duties_f1']:.3f} | {s['criteria_f1']:.3f} | {s['level_acc']:.3f} "
                     f"| {s['fields']}/{s['fields_of']} | {s['purpose_f1']:.3f} |")
    return lines


def floor_lines(scores: dict[tuple[str, str], dict]) -> list[str]:
    lines = ["FLOORS = {  # (family, format): " + ", ".join(METRICS)]
    for (name, fmt), r in scores.items():
        s = r["summary"]
        values = ", ".join(str(s[m]) for m in METRICS)
        lines.append(f"    ({name!r}, {fmt!r}): ({values}),")
    return [*lines, "}"]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m tests.zoo.score", description=__doc__.split("\n\n")[0])
    ap.add_argument("zoo", type=Path, metavar="ZOO_DIR")
    ap.add_argument("--families", default=",".join(NAMES))
    ap.add_argument("--jobs", type=int, default=2)
    out = ap.add_mutually_exclusive_group()
    out.add_argument("--json", action="store_true")
    out.add_argument("--floors", action="store_true")
    args = ap.parse_args(argv)
    families = tuple(f.strip().replace("-", "_") for f in args.families.split(",") if f.strip())
    unknown = [f for f in families if f not in NAMES]
    if unknown:
        ap.error(f"unknown family {', '.join(unknown)} (known: {', '.join(NAMES)})")
    if not (args.zoo / "gold").is_dir():
        ap.error(f"{args.zoo}: no gold/ folder (generate a zoo first: python -m tests.zoo.generate {args.zoo})")
    scores = score_zoo(args.zoo, families, jobs=args.jobs)
    if args.json:
        print(json.dumps({f"{n}/{f}": r["summary"] for (n, f), r in scores.items()}, indent=1))
        return 0
    print("\n".join(floor_lines(scores) if args.floors else table_lines(scores)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
