"""Time `jobspec.compare` on two posts of about 60 items each, after start-up.

usage: python scripts/bench_compare.py [A B]   (specs or documents; default: two posts of ~60
duties built from the example specs in specs/, one with its items reversed and lightly reworded)

Start-up (imports, loading the vocabulary, the first comparison) is timed separately; the
figure that matters is the median of the following runs on fresh copies of the posts, with the
text caches emptied before each run.
"""

from __future__ import annotations

import copy
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _example_posts():
    from jobspec.api import load_spec
    from jobspec.spec.model import Duty

    specs = [load_spec(p) for p in sorted((ROOT / "specs").glob("*.yaml"))]
    texts = [d.text for s in specs for d in s.duties] + [c.text for s in specs for c in s.criteria]
    a = copy.deepcopy(specs[0])
    b = copy.deepcopy(specs[1])
    a.duties = [Duty(id=f"D{i:03d}", text=t) for i, t in enumerate(texts[:60], 1)]
    b.duties = [Duty(id=f"D{i:03d}", text=t.replace("pupils", "students").replace("support", "help"))
                for i, t in enumerate(reversed(texts[-60:]), 1)]
    return a, b


def main(argv: list[str]) -> int:
    t0 = time.perf_counter()
    from jobspec.api import load_spec
    from jobspec.comparison.engine.pair import compare

    a, b = (load_spec(argv[1]), load_spec(argv[2])) if len(argv) == 3 else _example_posts()
    compare(copy.deepcopy(a), copy.deepcopy(b))
    startup = time.perf_counter() - t0
    from jobspec.concepts import normalise, word_vectors

    runs, cpu = [], []
    for _ in range(20):
        x, y = copy.deepcopy(a), copy.deepcopy(b)
        normalise._normalise.cache_clear()  # no help from text caches: every run starts cold
        normalise._STEMS.clear()
        word_vectors._pieces.cache_clear()  # the word-piece table stays loaded: that is start-up
        t, c = time.perf_counter(), time.process_time()
        compare(x, y)
        runs.append(time.perf_counter() - t)
        cpu.append(time.process_time() - c)
    print(f"A: {len(a.duties)} duties, {len(a.criteria)} criteria; B: {len(b.duties)} duties, {len(b.criteria)} criteria")
    print(f"start-up incl. first comparison: {startup * 1000:.0f} ms")
    print(f"per comparison after start-up: median {statistics.median(runs) * 1000:.1f} ms, "
          f"min {min(runs) * 1000:.1f} ms, max {max(runs) * 1000:.1f} ms over {len(runs)} runs; "
          f"CPU time median {statistics.median(cpu) * 1000:.1f} ms (wall time suffers when other work shares the CPU)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
