"""Time `jobspec export` of many specs: wall time, CPU time and peak memory, xlsx and csv.

usage: python scripts/bench_export.py [N ...] [--keep DIR]
       (default: 1000 specs)

The specs are the bundled ``specs/*.yaml`` copied N times over with varied titles, schools, pay
and hours (so no two rows are the same) into a temporary folder; then ``jobspec export FOLDER -o
posts.xlsx`` and ``jobspec export FOLDER --format csv -o tables/`` each run as a fresh process.
Not a timed test: a figure to watch (``make bench`` runs it too).

``run(n_specs)`` is the entry point for other tools; it returns a dict of figures.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
JOBSPEC = Path(sys.executable).with_name("jobspec")
SCHOOLS = ("Oakfield", "Riverside", "Hillside", "Larchwood", "Brookvale", "Ashgrove", "Kingsmead", "St Anne's")
KINDS = ("Primary School", "Academy", "Community School", "C of E Primary", "High School")


def make_specs(folder: Path, n: int, seed: int = 2025) -> list[Path]:
    """``n`` spec files in ``folder``, varied copies of the bundled specs."""
    rnd = random.Random(seed)
    bases = [yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted((ROOT / "specs").glob("*.yaml"))]
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for k in range(n):
        data = json.loads(json.dumps(bases[k % len(bases)]))
        data.pop("generated", None)
        post = data["post"]
        school = f"{rnd.choice(SCHOOLS)} {rnd.choice(KINDS)}"
        post["organisation"] = school
        post["title"] = f"{post.get('title') or 'Post'} {k + 1}"
        sal = post.get("salary")
        if sal and sal.get("min"):
            bump = rnd.randint(-1500, 1500)
            for key in ("min", "max", "actual_min", "actual_max"):
                if sal.get(key):
                    sal[key] = sal[key] + bump
        hrs = post.get("hours")
        if hrs and hrs.get("per_week"):
            hrs["per_week"] = rnd.choice((18.5, 25, 27.5, 30, 32.5, 36, 37))
        path = folder / f"post-{k + 1:05d}.yaml"
        path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
        out.append(path)
    return out


def _timed(argv: list[str]) -> dict:
    t = time.perf_counter()
    p = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(p.pid, 0)
    wall = time.perf_counter() - t
    err = p.stderr.read().decode("utf-8", "replace") if p.stderr else ""
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        raise RuntimeError(f"{' '.join(argv)} exited {code}: {err.strip()}")
    return {"wall_s": round(wall, 2), "cpu_s": round(usage.ru_utime + usage.ru_stime, 2),
            "peak_rss_mb": round(usage.ru_maxrss / 1024.0, 1), "message": err.strip()}


def run(n_specs: int, keep: Path | None = None) -> dict:
    work = Path(tempfile.mkdtemp(prefix="jobspec-bench-export-"))
    try:
        specs = make_specs(work / "specs", n_specs)
        xlsx = work / "posts.xlsx"
        res = {"specs": len(specs), "xlsx": _timed([str(JOBSPEC), "export", str(work / "specs"), "-o", str(xlsx)]),
               "csv": _timed([str(JOBSPEC), "export", str(work / "specs"), "--format", "csv", "-o",
                              str(work / "tables")])}
        res["xlsx"]["size_mb"] = round(xlsx.stat().st_size / 1024**2, 2)
        if keep is not None:
            shutil.copytree(work, keep, dirs_exist_ok=True)
        return res
    finally:
        shutil.rmtree(work, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("n", nargs="*", type=int, default=[1000], help="numbers of specs (default 1000)")
    ap.add_argument("--keep", type=Path, help="copy the specs and what was written to this folder")
    args = ap.parse_args(argv)
    for n in args.n:
        r = run(n, args.keep)
        for fmt in ("xlsx", "csv"):
            x = r[fmt]
            print(f"export of {r['specs']} specs as {fmt}: {x['wall_s']:.2f} s wall, {x['cpu_s']:.2f} s CPU, peak "
                  f"memory {x['peak_rss_mb']:.0f} MB" + (f", {x['size_mb']} MB" if "size_mb" in x else ""))
        print(json.dumps(r))
    return 0


if __name__ == "__main__":
    sys.exit(main())
