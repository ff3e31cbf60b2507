"""The measurements of ``make bench``, one per process so that each peak memory is its own.

usage: python bench/tasks.py TASK [ARGS...]   (prints one JSON object on stdout)

  parse FORMAT DIR REPEATS      jobspec.parse_document on every file of DIR/FORMAT, REPEATS times
  plumber DIR REPEATS           bare pdfplumber: extract_text() and extract_tables() of every page
  pdfium DIR REPEATS            pypdfium2: the text of every page; and every character with its box,
                                font size and font name (what jobspec's PDF reader needs); and, to
                                compare, jobspec's own loading step (pdfplumber/pdfminer objects)
  compare A B REPEATS           jobspec.compare of two specs, after start-up, text caches emptied
  nway N JOBS                   scripts/bench_nway.py run(N, JOBS)
  recall DIR                    parse DIR/{docx,pdf,txt} and score the specs against DIR/truth.json
  spin                          a fixed pure-Python loop (the machine's speed right now)
  cli RESULT ARGS...            run the jobspec command line in this process with ARGS and write the
                                peak memory of this process and of its workers to RESULT

Timings are ``time.perf_counter`` (wall) and ``time.process_time`` (CPU of this process); the
first file is read once before timing starts, so imports and one-off set-up are not counted.
"""

from __future__ import annotations

import json
import re
import resource
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _rss_mb(who: int = resource.RUSAGE_SELF) -> float:
    """Peak resident memory in MB: of this process since it started (``VmHWM``: getrusage's
    ``ru_maxrss`` would keep the peak of the process that started it, across ``exec``), or the
    largest of the worker processes it has waited for."""
    if who == resource.RUSAGE_SELF:
        try:
            for line in Path("/proc/self/status").read_text().splitlines():
                if line.startswith("VmHWM:"):
                    return round(int(line.split()[1]) / 1024.0, 1)
        except OSError:
            pass
    return round(resource.getrusage(who).ru_maxrss / 1024.0, 1)  # kB on Linux


def _files(d: Path, suffix: str) -> list[Path]:
    return sorted(p for p in d.iterdir() if p.suffix == suffix)


def _pages(d: Path) -> dict[str, int]:
    truth = json.loads((d / "truth.json").read_text(encoding="utf-8"))
    return {p["slug"]: p["pages"] for p in truth["packs"]}


def _timed(files: list[Path], fn, repeats: int) -> dict:
    fn(files[0])  # imports, caches of one-off set-up
    runs, cpus, per_file = [], [], {f.name: [] for f in files}
    for _ in range(repeats):
        t0, c0 = time.perf_counter(), time.process_time()
        for f in files:
            t = time.perf_counter()
            fn(f)
            per_file[f.name].append(time.perf_counter() - t)
        runs.append(time.perf_counter() - t0)
        cpus.append(time.process_time() - c0)
    n = len(files)
    return {
        "files": n, "repeats": repeats,
        "run_wall_s": [round(r, 4) for r in runs], "run_cpu_s": [round(c, 4) for c in cpus],
        "per_doc_ms": round(statistics.median(runs) / n * 1000, 2),
        "per_doc_cpu_ms": round(statistics.median(cpus) / n * 1000, 2),
        "per_doc_ms_min_max": [round(min(statistics.median(v) for v in per_file.values()) * 1000, 2),
                               round(max(statistics.median(v) for v in per_file.values()) * 1000, 2)],
        "median_run_s": round(statistics.median(runs), 4),
    }


def task_parse(fmt: str, d: str, repeats: str) -> dict:
    from jobspec.api import parse_document

    root = Path(d)
    files = _files(root / fmt, f".{fmt}")
    out = _timed(files, parse_document, int(repeats))
    pages = _pages(root)
    out["pages"] = sum(pages[f.stem] for f in files)
    out["pages_per_s"] = round(out["pages"] / out["median_run_s"], 2)
    out["docs_per_s"] = round(len(files) / out["median_run_s"], 2)
    out["peak_rss_mb"] = _rss_mb()
    return out


def task_plumber(d: str, repeats: str) -> dict:
    import pdfplumber

    def bare(path: Path) -> None:
        with pdfplumber.open(path) as pdf:
            for page in pdf.pages:
                page.extract_text()
                page.extract_tables()
                page.close()

    root = Path(d)
    files = _files(root / "pdf", ".pdf")
    out = _timed(files, bare, int(repeats))
    out["pages"] = sum(_pages(root)[f.stem] for f in files)
    out["peak_rss_mb"] = _rss_mb()
    return out


def task_pdfium(d: str, repeats: str) -> dict:
    import ctypes

    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    def text_only(path: Path) -> None:
        pdf = pdfium.PdfDocument(str(path))
        for page in pdf:
            tp = page.get_textpage()
            tp.get_text_range()
            tp.close()
            page.close()
        pdf.close()

    buf = ctypes.create_string_buffer(256)
    flags = ctypes.c_int()

    def chars(path: Path) -> None:
        """Every character with its box, font size and font name: the input jobspec's layout needs."""
        pdf = pdfium.PdfDocument(str(path))
        for page in pdf:
            tp = page.get_textpage()
            raw_tp = tp.raw
            left, bottom, right, top = (ctypes.c_double() for _ in range(4))
            for i in range(tp.count_chars()):
                raw.FPDFText_GetUnicode(raw_tp, i)
                raw.FPDFText_GetCharBox(raw_tp, i, left, right, bottom, top)
                raw.FPDFText_GetFontSize(raw_tp, i)
                raw.FPDFText_GetFontInfo(raw_tp, i, buf, 256, flags)
            tp.close()
            page.close()
        pdf.close()

    import pdfplumber

    from jobspec.readers.pdf_reader import _page_objects

    def miner(path: Path) -> None:
        """What jobspec's PDF reader takes from pdfplumber/pdfminer today: its loading step alone."""
        with pdfplumber.open(path, raise_unicode_errors=False) as pdf:
            for page in pdf.pages:
                _page_objects(page)
                page.close()

    root = Path(d)
    files = _files(root / "pdf", ".pdf")
    return {"text": _timed(files, text_only, int(repeats)), "chars": _timed(files, chars, int(repeats)),
            "jobspec_loading": _timed(files, miner, int(repeats)), "peak_rss_mb": _rss_mb()}


def task_compare(a: str, b: str, repeats: str) -> dict:
    import copy

    from jobspec.api import load_spec
    from jobspec.comparison.engine.pair import compare
    from jobspec.concepts import normalise

    t0 = time.perf_counter()
    sa, sb = load_spec(Path(a)), load_spec(Path(b))
    compare(copy.deepcopy(sa), copy.deepcopy(sb))
    first = time.perf_counter() - t0
    runs, cpus = [], []
    for _ in range(int(repeats)):
        x, y = copy.deepcopy(sa), copy.deepcopy(sb)
        normalise._normalise.cache_clear()  # every run starts cold, as a new pair would
        normalise._STEMS.clear()
        t, c = time.perf_counter(), time.process_time()
        compare(x, y)
        runs.append(time.perf_counter() - t)
        cpus.append(time.process_time() - c)
    return {"items_a": len(sa.duties) + len(sa.criteria), "items_b": len(sb.duties) + len(sb.criteria),
            "first_incl_load_ms": round(first * 1000, 1), "repeats": len(runs),
            "median_ms": round(statistics.median(runs) * 1000, 2),
            "median_cpu_ms": round(statistics.median(cpus) * 1000, 2), "peak_rss_mb": _rss_mb()}


def task_nway(n: str, jobs: str) -> dict:
    script = ROOT / "scripts" / "bench_nway.py"
    if not script.exists():
        return {"pending": "scripts/bench_nway.py does not exist yet"}
    import importlib.util

    spec = importlib.util.spec_from_file_location("bench_nway", script)
    mod = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(mod)  # type: ignore[union-attr]
    if not hasattr(mod, "run"):
        return {"pending": "scripts/bench_nway.py has no run(n_posts, jobs)"}
    t = time.perf_counter()
    out = dict(mod.run(int(n), int(jobs)))
    out["task_wall_s"] = round(time.perf_counter() - t, 2)
    out["task_peak_rss_mb"] = _rss_mb()
    out["task_children_peak_rss_mb"] = _rss_mb(resource.RUSAGE_CHILDREN)
    return out


def _norm(s: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", s.lower().replace("\u2019", "'")).strip()


def task_recall(d: str) -> dict:
    """Duties and criteria found word for word (normalised), per format, against the generator's truth."""
    from jobspec.batch import find_inputs, parse_many

    root = Path(d)
    truth = {p["slug"]: p for p in json.loads((root / "truth.json").read_text(encoding="utf-8"))["packs"]}
    out: dict[str, dict] = {}
    for fmt in ("docx", "pdf", "txt"):
        files, _ = find_inputs([root / fmt])
        s = Counter()
        extra_examples: Counter[str] = Counter()
        for o in parse_many(files, out_dir=None, jobs=2):
            t = truth[o.path.stem]
            s["docs"] += 1
            if not o.ok:
                s["failed"] += 1
                continue
            data = o.data or {}
            td = Counter(_norm(x) for x in t["duties"])
            gd = Counter(_norm(x["text"]) for x in data.get("duties") or [])
            tc = Counter(_norm(x["text"]) for x in t["criteria"])
            gc = Counter(_norm(x["text"]) for x in data.get("criteria") or [])
            tl = Counter((_norm(x["text"]), x["level"]) for x in t["criteria"])
            gl = Counter((_norm(x["text"]), x.get("level")) for x in data.get("criteria") or [])
            s["duties_true"] += sum(td.values())
            s["duties_found"] += sum(gd.values())
            s["duties_matched"] += sum((td & gd).values())
            s["criteria_true"] += sum(tc.values())
            s["criteria_found"] += sum(gc.values())
            s["criteria_matched"] += sum((tc & gc).values())
            s["criteria_level_right"] += sum((tl & gl).values())
            post = data.get("post") or {}
            s["title_right"] += post.get("title") == t["title"]
            s["organisation_right"] += post.get("organisation") == t["organisation"]
            for x in (gd - td) + (gc - tc):
                extra_examples[x[:70]] += 1
        res = dict(s)
        for k in ("duties", "criteria"):
            res[f"{k}_recall"] = round(s[f"{k}_matched"] / s[f"{k}_true"], 4) if s[f"{k}_true"] else None
            res[f"{k}_precision"] = round(s[f"{k}_matched"] / s[f"{k}_found"], 4) if s[f"{k}_found"] else None
        res["level_accuracy"] = round(s["criteria_level_right"] / s["criteria_matched"], 4) if s["criteria_matched"] else None
        res["extra_items_most_common"] = extra_examples.most_common(3)
        out[fmt] = res
    return out


def task_cli(result: str, *args: str) -> dict | None:
    """``jobspec ARGS`` in this process, then the peak memory of this process and its workers."""
    from jobspec.cli.app import main

    sys.argv = ["jobspec", *args]
    code = 0
    try:
        main()
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    Path(result).write_text(json.dumps({"exit": code, "peak_rss_mb": _rss_mb(),
                                        "workers_peak_rss_mb": _rss_mb(resource.RUSAGE_CHILDREN)}))
    return None


def task_spin() -> dict:
    """A fixed pure-Python loop: how fast this machine runs Python right now (lower is faster)."""
    t = time.perf_counter()
    x = 0
    for i in range(3_000_000):
        x += i * i % 7
    return {"ms": round((time.perf_counter() - t) * 1000, 1)}


TASKS = {"spin": task_spin, "parse": task_parse, "plumber": task_plumber, "pdfium": task_pdfium, "compare": task_compare,
         "nway": task_nway, "recall": task_recall, "cli": task_cli}


def main(argv: list[str]) -> int:
    if len(argv) < 2 or argv[1] not in TASKS:
        print(__doc__, file=sys.stderr)
        return 2
    res = TASKS[argv[1]](*argv[2:])
    if res is not None:
        print(json.dumps(res))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
