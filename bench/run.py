"""``make bench``: generate the synthetic corpus, run every measurement, write BENCHMARKS.md.

usage: python bench/run.py [--n 30] [--repeats 3] [--seed 2025] [--mem-docs 1000] [--quick]
                           [--out BENCHMARKS.md] [--json .bench/results.json]

Every measurement runs in a fresh process (``bench/tasks.py`` or the ``jobspec`` command), so its
peak memory is its own: taken from ``os.wait4`` for whole commands (the largest of the process and
the workers it waited for) or from ``getrusage`` inside the task. Times are medians over
``--repeats`` runs. The corpora are written under ``.bench/`` (git-ignored) and reused while the
generator's version, seed and size are unchanged. ``--quick`` is a smoke run (small N, one repeat,
no 1,000-post N-way) that writes to ``.bench/`` only, never BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
BENCH_DIR = ROOT / ".bench"
PY = sys.executable
JOBSPEC = Path(sys.executable).with_name("jobspec")

sys.path.insert(0, str(HERE))
from corpus import GENERATOR_VERSION  # noqa: E402  (light: the generator runs in its own process)

GOALS = {
    "pdf_overhead": 1.25,  # jobspec PDF parse / bare pdfplumber text + tables, at most
    "docx_per_core": 50.0,  # DOCX packs per second per core, at least
    "jobs_speedup": 1.8,  # --jobs 2 over --jobs 1, at least
    "help_s": 0.3,  # jobspec --help wall time, at most
}


def log(msg: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


# ---------------------------------------------------------------------------------------------
# Running things


_LAST_CPU = [0.0]  # CPU seconds (user + system) of the last process run, with its waited-for children


def run_process(argv: list[str], *, cwd: Path = ROOT, env: dict | None = None) -> tuple[float, float, int, str]:
    """Run ``argv``; return (wall seconds, peak RSS MB of it and its waited-for children, exit, stdout)."""
    with tempfile.TemporaryFile() as out:
        t = time.perf_counter()
        p = subprocess.Popen(argv, cwd=cwd, stdout=out, stderr=subprocess.DEVNULL, env=env)
        _, status, usage = os.wait4(p.pid, 0)
        wall = time.perf_counter() - t
        p.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        text = out.read().decode("utf-8", "replace")
    _LAST_CPU[0] = usage.ru_utime + usage.ru_stime
    return wall, round(usage.ru_maxrss / 1024.0, 1), p.returncode, text


def _script(name: str):
    """A module of scripts/ (its measurements run jobspec in processes of their own)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    mod = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(mod)  # type: ignore[union-attr]
    return mod


def task(*args: str) -> dict:
    wall, rss, code, text = run_process([PY, str(HERE / "tasks.py"), *args])
    if code != 0:
        raise RuntimeError(f"bench task {args} failed (exit {code})")
    res = json.loads(text.strip().splitlines()[-1])
    res["process_wall_s"] = round(wall, 2)
    res["process_peak_rss_mb"] = rss
    return res


def cli_once(args: list[str]) -> tuple[float, float, float, float]:
    """``jobspec ARGS`` run in-process by ``tasks.py cli``: (wall s, CPU s of it and its workers,
    peak memory MB of the command's own process, of its largest worker)."""
    with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as fh:
        result = Path(fh.name)
    wall, _rss, code, _ = run_process([PY, str(HERE / "tasks.py"), "cli", str(result), *args])
    cpu = _LAST_CPU[0]
    info = json.loads(result.read_text())
    result.unlink()
    if code != 0 or info["exit"] != 0:
        raise RuntimeError(f"jobspec {' '.join(args)} failed (exit {info['exit']})")
    return wall, cpu, info["peak_rss_mb"], info["workers_peak_rss_mb"]


def summarise(runs: list[tuple[float, float, float, float]]) -> dict:
    walls = [r[0] for r in runs]
    return {"wall_s": [round(w, 3) for w in walls], "median_s": round(statistics.median(walls), 3),
            "cpu_s": [round(r[1], 3) for r in runs], "median_cpu_s": round(statistics.median(r[1] for r in runs), 3),
            "peak_rss_mb": max(r[2] for r in runs), "workers_peak_rss_mb": max(r[3] for r in runs)}


def cli(args: list[str], repeats: int) -> dict:
    return summarise([cli_once(args) for _ in range(repeats)])


def command_wall(argv: list[str], repeats: int) -> dict:
    walls, rss = [], []
    run_process(argv)  # warm the page cache
    for _ in range(repeats):
        w, r, code, _ = run_process(argv)
        if code != 0:
            raise RuntimeError(f"{' '.join(argv)} failed (exit {code})")
        walls.append(w)
        rss.append(r)
    return {"wall_s": [round(w, 3) for w in walls], "median_s": round(statistics.median(walls), 3),
            "peak_rss_mb": max(rss)}


# ---------------------------------------------------------------------------------------------
# Corpora


def corpus(name: str, n: int, seed: int, *, formats: tuple[str, ...] = ("docx", "pdf", "txt"),
           items: tuple[int, int] = (40, 80), about: tuple[int, int] = (0, 40), prefix: str = "pack") -> Path:
    """The corpus ``name`` under .bench/, generated (in a child process, so that this one stays
    small: a child's peak memory as the kernel reports it is never below its parent's)."""
    d = BENCH_DIR / f"{name}-n{n}-s{seed}-v{GENERATOR_VERSION}"
    if (d / "truth.json").exists():
        log(f"corpus {d.relative_to(ROOT)} (cached)")
        return d
    if d.exists():
        shutil.rmtree(d)
    log(f"generating {d.relative_to(ROOT)} ...")
    t = time.perf_counter()
    tmp = d.with_name(d.name + ".tmp")
    if tmp.exists():
        shutil.rmtree(tmp)
    argv = [PY, str(HERE / "corpus.py"), str(tmp), "--n", str(n), "--seed", str(seed), "--formats", *formats,
            "--items", *map(str, items), "--about", *map(str, about), "--prefix", prefix]
    if run_process(argv)[2] != 0:
        raise RuntimeError(f"generating {tmp} failed: {' '.join(argv)}")
    tmp.rename(d)
    log(f"  done in {time.perf_counter() - t:.1f} s")
    return d


def flat_copy(src: Path, dst: Path, formats: tuple[str, ...]) -> Path:
    """One folder holding the corpus's files of ``formats`` (for whole-command runs)."""
    if dst.exists():
        shutil.rmtree(dst)
    dst.mkdir(parents=True)
    for fmt in formats:
        for f in sorted((src / fmt).iterdir()):
            os.link(f, dst / f.name)
    return dst


# ---------------------------------------------------------------------------------------------
# The machine


def _read(path: str) -> str:
    try:
        return Path(path).read_text()
    except OSError:
        return ""


def machine() -> dict:
    cpu = next((ln.split(":", 1)[1].strip() for ln in _read("/proc/cpuinfo").splitlines()
                if ln.startswith("model name")), platform.processor() or platform.machine())
    mem = next((int(ln.split()[1]) for ln in _read("/proc/meminfo").splitlines() if ln.startswith("MemTotal")), 0)
    osr = dict(ln.split("=", 1) for ln in _read("/etc/os-release").splitlines() if "=" in ln)
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:
        cores = os.cpu_count() or 1
    versions = {}
    from importlib import metadata

    for pkg in ("pdfplumber", "pdfminer.six", "pypdfium2", "python-docx", "lxml", "rapidfuzz", "numpy", "typer"):
        try:
            versions[pkg] = metadata.version(pkg)
        except metadata.PackageNotFoundError:
            versions[pkg] = "not installed"
    try:
        commit = subprocess.run(["git", "describe", "--always", "--dirty"], cwd=ROOT, capture_output=True,
                                text=True, timeout=10).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        commit = ""
    return {
        "cpu": cpu, "cores": cores, "ram_gib": round(mem / 1024 / 1024, 1),
        "python": platform.python_version(), "implementation": platform.python_implementation(),
        "os": osr.get("PRETTY_NAME", "").strip('"') or platform.platform(), "kernel": platform.release(),
        "arch": platform.machine(), "packages": versions, "commit": commit,
        "load_before": os.getloadavg() if hasattr(os, "getloadavg") else None,
    }


# ---------------------------------------------------------------------------------------------


def measure(args) -> dict:
    res: dict = {"settings": {"n": args.n, "repeats": args.repeats, "seed": args.seed, "mem_docs": args.mem_docs,
                              "generator_version": GENERATOR_VERSION, "quick": args.quick}}
    res["machine"] = machine()
    res["spin_before_ms"] = [task("spin")["ms"] for _ in range(3)]
    started = time.perf_counter()
    main_corpus = corpus("corpus", args.n, args.seed)
    truth = json.loads((main_corpus / "truth.json").read_text(encoding="utf-8"))
    pages = [p["pages"] for p in truth["packs"]]
    items = [len(p["duties"]) + len(p["criteria"]) for p in truth["packs"]]
    res["corpus"] = {"packs": len(pages), "pages_min": min(pages), "pages_max": max(pages),
                     "pages_mean": round(statistics.mean(pages), 1), "items_min": min(items),
                     "items_max": max(items), "items_mean": round(statistics.mean(items), 1),
                     "bytes": {fmt: sum(f.stat().st_size for f in (main_corpus / fmt).iterdir())
                               for fmt in ("docx", "pdf", "txt")}}

    log("recall of the parsed specs against the generator's truth ...")
    res["recall"] = task("recall", str(main_corpus))

    res["parse"] = {}
    for fmt in ("docx", "txt", "pdf"):
        repeats = args.repeats if fmt == "pdf" else max(args.repeats, 7)  # the quick ones: more runs, steadier medians
        log(f"parse {fmt} x {repeats} ...")
        res["parse"][fmt] = task("parse", fmt, str(main_corpus), str(repeats))
    log(f"bare pdfplumber x {args.repeats} ...")
    res["plumber"] = task("plumber", str(main_corpus), str(args.repeats))
    log(f"pypdfium2 x {args.repeats} ...")
    res["pdfium"] = task("pdfium", str(main_corpus), str(args.repeats))

    mixed = flat_copy(main_corpus, BENCH_DIR / "mixed", ("docx", "pdf", "txt"))
    out_dir = BENCH_DIR / "out"
    pairs = args.repeats if args.quick else max(args.repeats, 5)
    log(f"jobspec parse ({len(pages) * 3} documents) --jobs 1 and --jobs 2, in turn, x {pairs} ...")
    runs: dict[str, list] = {"1": [], "2": []}
    for _ in range(pairs):  # in turn, so that other work on the machine weighs on both alike
        for jobs in ("1", "2"):
            shutil.rmtree(out_dir, ignore_errors=True)
            runs[jobs].append(cli_once(["parse", str(mixed), "-o", str(out_dir), "--jobs", jobs, "--quiet"]))
    res["jobs"] = {k: summarise(v) for k, v in runs.items()}

    log("start-up and compare commands ...")
    specs = sorted(out_dir.glob("*.yaml"))
    a, b = specs[0], specs[1]
    res["help"] = command_wall([str(JOBSPEC), "--help"], max(5, args.repeats))
    report = BENCH_DIR / "compare.json"
    res["compare_cmd"] = command_wall([str(JOBSPEC), "compare", str(a), str(b), "-o", str(report), "--quiet"],
                                      max(5, args.repeats))
    res["compare_pair"] = task("compare", str(a), str(b), str(max(10, args.repeats)))
    res["compare_pair"]["a"], res["compare_pair"]["b"] = a.name, b.name

    log(f"memory: {args.mem_docs} small documents in one batch ...")
    # 100 distinct small packs (.docx and .txt), each file linked under several names to make up
    # the batch: the parsing work is the same per document, and generating is kept short
    distinct = min(100, max(1, args.mem_docs // 2))
    mem_corpus = corpus("memory", distinct, args.seed + 1, formats=("docx", "txt"), items=(20, 30),
                        about=(0, 2), prefix="small")
    pool = sorted((mem_corpus / "docx").iterdir()) + sorted((mem_corpus / "txt").iterdir())
    res["memory"] = {}
    for n_docs in (args.mem_docs // 10, args.mem_docs):
        src = BENCH_DIR / f"memory-{n_docs}"
        shutil.rmtree(src, ignore_errors=True)
        src.mkdir(parents=True)
        for k in range(n_docs):
            f = pool[k % len(pool)]
            os.link(f, src / f"{f.stem}-{k // len(pool):03d}{f.suffix}")
        shutil.rmtree(out_dir, ignore_errors=True)
        r = cli(["parse", str(src), "-o", str(out_dir), "--jobs", "2", "--quiet", "--force"], 1)
        r["documents"] = n_docs
        res["memory"][str(n_docs)] = r

    res["nway"] = {}
    for n_posts in ((200,) if args.quick else (200, 1000)):
        log(f"N-way compare of {n_posts} posts ...")
        try:
            res["nway"][str(n_posts)] = task("nway", str(n_posts), "2")
        except RuntimeError as exc:
            res["nway"][str(n_posts)] = {"failed": str(exc)}
    n_export = 100 if args.quick else 1000
    log(f"export of {n_export} specs ...")
    try:
        res["export"] = _script("bench_export").run(n_export)
    except RuntimeError as exc:
        res["export"] = {"failed": str(exc)}
    res["spin_after_ms"] = [task("spin")["ms"] for _ in range(3)]
    res["total_s"] = round(time.perf_counter() - started, 1)
    res["machine"]["load_after"] = os.getloadavg() if hasattr(os, "getloadavg") else None
    shutil.rmtree(out_dir, ignore_errors=True)
    return res


# ---------------------------------------------------------------------------------------------
# The report


def figures(res: dict) -> dict:
    p = res["parse"]
    f = {
        "pdf_overhead": round(p["pdf"]["median_run_s"] / res["plumber"]["median_run_s"], 3),
        "docx_per_core": round(1000.0 / p["docx"]["per_doc_ms"], 1),
        # the runs alternate: the median of each pair's ratio is steadier than the ratio of the medians
        "jobs_speedup": round(statistics.median(a / b for a, b in zip(res["jobs"]["1"]["wall_s"],
                                                                      res["jobs"]["2"]["wall_s"], strict=True)), 2),
        "help_s": res["help"]["median_s"],
    }
    f["met"] = {
        "pdf_overhead": f["pdf_overhead"] <= GOALS["pdf_overhead"],
        "docx_per_core": f["docx_per_core"] >= GOALS["docx_per_core"],
        "jobs_speedup": f["jobs_speedup"] >= GOALS["jobs_speedup"],
        "help_s": f["help_s"] <= GOALS["help_s"],
    }
    return f


def _met(ok: bool) -> str:
    return "**met**" if ok else "**not met**"


def markdown(res: dict) -> str:
    m, c, p, fig = res["machine"], res["corpus"], res["parse"], figures(res)
    s = res["settings"]
    pk = m["packages"]
    lines = [
        "# Benchmarks",
        "",
        "Written by `make bench` (`bench/run.py`); do not edit by hand, run it again. The figures are",
        "medians over repeated runs on the machine below; the raw results are in `.bench/results.json`.",
        "",
        "## Machine",
        "",
        f"- Date: {res['date']}",
        f"- CPU: {m['cpu']}, {m['cores']} cores available ({m['arch']})",
        f"- RAM: {m['ram_gib']} GiB",
        f"- OS: {m['os']} (kernel {m['kernel']})",
        f"- Python: {m['implementation']} {m['python']}",
        f"- Libraries: pdfplumber {pk['pdfplumber']}, pdfminer.six {pk['pdfminer.six']}, pypdfium2 "
        f"{pk['pypdfium2']}, python-docx {pk['python-docx']}, lxml {pk['lxml']}, rapidfuzz {pk['rapidfuzz']}",
        f"- jobspec: `{m['commit'] or 'unknown'}`",
        f"- Load average (1, 5, 15 min) before / after: {_load(m.get('load_before'))} / {_load(m.get('load_after'))}"
        " (other work on the machine shows here, and in wall times)",
        f"- Speed check, a fixed pure-Python loop (`bench/tasks.py spin`), before / after: "
        f"{min(res['spin_before_ms']):.0f} / {min(res['spin_after_ms']):.0f} ms (best of 3): a shared virtual",
        "  machine's speed drifts, and every figure below drifts with it",
        "",
        "## Corpus",
        "",
        f"{c['packs']} synthetic job packs (seed {s['seed']}, generator v{s['generator_version']}), each written as",
        ".docx (python-docx), .pdf (the tests' pure-Python PDF writer, standard-14 fonts) and .txt (Word's",
        f"plain-text export layout): {c['pages_min']}-{c['pages_max']} pages (mean {c['pages_mean']}), "
        f"{c['items_min']}-{c['items_max']} duties and criteria (mean {c['items_mean']}),",
        "a welcome and school prose, a details table, the purpose, 3-6 duty sections (bullets, 1. or a)",
        "numbering), a person-specification table whose Essential/Desirable cells hold lists, safeguarding",
        "and how to apply. Pages are the PDF's; a pack's .docx and .txt are counted as the same pages.",
        "",
        "## Goals",
        "",
        "| figure | result | goal | |",
        "|---|---|---|---|",
        f"| PDF parse time / bare pdfplumber `extract_text()` + `extract_tables()` | {fig['pdf_overhead']:.2f} "
        f"| <= {GOALS['pdf_overhead']} | {_met(fig['met']['pdf_overhead'])} |",
        f"| DOCX packs per second per core (one process) | {fig['docx_per_core']:.1f} | >= {GOALS['docx_per_core']:.0f} "
        f"| {_met(fig['met']['docx_per_core'])} |",
        f"| `jobspec parse --jobs 2` speed-up over `--jobs 1` ({c['packs'] * 3} documents; median of "
        f"{len(res['jobs']['1']['wall_s'])} alternating pairs) | {fig['jobs_speedup']:.2f} "
        f"| >= {GOALS['jobs_speedup']} | {_met(fig['met']['jobs_speedup'])} |",
        f"| `jobspec --help` process wall time | {fig['help_s']:.3f} s | <= {GOALS['help_s']} s "
        f"| {_met(fig['met']['help_s'])} |",
        "",
        "## Parsing, in one process",
        "",
        f"Each format's {c['packs']} files parsed by `jobspec.parse_document` ({p['docx']['repeats']} runs for .docx and "
        f".txt, {p['pdf']['repeats']} for .pdf and the",
        "PDF baselines) after one warm-up file, so imports are not counted; time per document = median run /",
        "documents. DOCX packs per second per core = 1 / that time.",
        "",
        "| format | per document | CPU per document | fastest-slowest file | pages/s | documents/s | peak memory |",
        "|---|---|---|---|---|---|---|",
    ]
    for fmt in ("docx", "pdf", "txt"):
        r = p[fmt]
        lo, hi = r["per_doc_ms_min_max"]
        lines.append(f"| {fmt} | {r['per_doc_ms']:.1f} ms | {r['per_doc_cpu_ms']:.1f} ms | {lo:.0f}-{hi:.0f} ms "
                     f"| {r['pages_per_s']:.0f} | {r['docs_per_s']:.1f} | {r['peak_rss_mb']:.0f} MB |")
    pl, pf = res["plumber"], res["pdfium"]
    lines += [
        f"| pdf: bare pdfplumber (text + tables) | {pl['per_doc_ms']:.1f} ms | {pl['per_doc_cpu_ms']:.1f} ms "
        f"| {pl['per_doc_ms_min_max'][0]:.0f}-{pl['per_doc_ms_min_max'][1]:.0f} ms "
        f"| {pl['pages'] / pl['median_run_s']:.0f} | {pl['files'] / pl['median_run_s']:.1f} | {pl['peak_rss_mb']:.0f} MB |",
        f"| pdf: pypdfium2, page text only | {pf['text']['per_doc_ms']:.1f} ms | {pf['text']['per_doc_cpu_ms']:.1f} ms "
        f"| {pf['text']['per_doc_ms_min_max'][0]:.0f}-{pf['text']['per_doc_ms_min_max'][1]:.0f} ms "
        f"| {pl['pages'] / pf['text']['median_run_s']:.0f} | {pf['text']['files'] / pf['text']['median_run_s']:.1f} "
        f"| {pf['peak_rss_mb']:.0f} MB |",
        f"| pdf: pypdfium2, each char's box, size and font | {pf['chars']['per_doc_ms']:.1f} ms "
        f"| {pf['chars']['per_doc_cpu_ms']:.1f} ms "
        f"| {pf['chars']['per_doc_ms_min_max'][0]:.0f}-{pf['chars']['per_doc_ms_min_max'][1]:.0f} ms "
        f"| {pl['pages'] / pf['chars']['median_run_s']:.0f} | {pf['chars']['files'] / pf['chars']['median_run_s']:.1f} "
        f"| {pf['peak_rss_mb']:.0f} MB |",
        f"| pdf: jobspec's loading step alone (pdfminer objects, chars, rulings) | "
        f"{pf['jobspec_loading']['per_doc_ms']:.1f} ms | {pf['jobspec_loading']['per_doc_cpu_ms']:.1f} ms "
        f"| {pf['jobspec_loading']['per_doc_ms_min_max'][0]:.0f}-{pf['jobspec_loading']['per_doc_ms_min_max'][1]:.0f} ms "
        f"| {pl['pages'] / pf['jobspec_loading']['median_run_s']:.0f} "
        f"| {pf['jobspec_loading']['files'] / pf['jobspec_loading']['median_run_s']:.1f} | {pf['peak_rss_mb']:.0f} MB |",
        "",
        "## Whole commands",
        "",
        "Process wall time (median) and peak resident memory of the command's own process and of its",
        "largest worker.",
        "",
        "| command | wall time | peak memory | workers' peak |",
        "|---|---|---|---|",
    ]
    for jobs in ("1", "2"):
        r = res["jobs"][jobs]
        lines.append(f"| `jobspec parse` {c['packs'] * 3} documents `-o DIR --jobs {jobs}` | {r['median_s']:.2f} s "
                     f"(CPU {r['median_cpu_s']:.1f} s) | {r['peak_rss_mb']:.0f} MB | {r['workers_peak_rss_mb']:.0f} MB |")
    j1, j2 = res["jobs"]["1"], res["jobs"]["2"]
    h, cc, cp = res["help"], res["compare_cmd"], res["compare_pair"]
    lines += [
        f"| `jobspec --help` | {h['median_s']:.3f} s | {h['peak_rss_mb']:.0f} MB | |",
        f"| `jobspec compare A.yaml B.yaml -o report.json` ({cp['items_a']} and {cp['items_b']} items) "
        f"| {cc['median_s']:.3f} s | {cc['peak_rss_mb']:.0f} MB | |",
    ]
    for r in res["memory"].values():
        lines.append(f"| `jobspec parse` {r['documents']} small documents (.docx and .txt) `-o DIR --jobs 2` "
                     f"| {r['median_s']:.2f} s | {r['peak_rss_mb']:.0f} MB | {r['workers_peak_rss_mb']:.0f} MB |")
    mem = list(res["memory"].values())
    lines += [
        "",
        f"The `--jobs 1` and `--jobs 2` runs alternate. With two workers the command used {j2['median_cpu_s']:.1f} s",
        f"of CPU against {j1['median_cpu_s']:.1f} s with one (each worker imports the readers and loads the",
        "vocabulary again, and the main process writes the specs), so on two otherwise idle cores, with",
        f"the work evenly shared, `--jobs 2` would take about {j2['median_cpu_s'] / 2:.1f} s against "
        f"{j1['median_cpu_s']:.1f} s: a speed-up of about {j1['median_cpu_s'] / max(j2['median_cpu_s'] / 2, 1e-9):.2f} "
        "at best. Wall times carry whatever else the machine was running (see the load above).",
        "",
        f"Memory stays bounded: the {mem[-1]['documents']}-document batch peaks at {mem[-1]['peak_rss_mb']:.0f} MB "
        f"against {mem[0]['peak_rss_mb']:.0f} MB for {mem[0]['documents']} documents (the specs are written as they "
        "come and only a one-line summary per file is kept).",
        "",
        "## Compare",
        "",
        f"- One pair ({cp['a']} and {cp['b']}, {cp['items_a']} and {cp['items_b']} items), in process after "
        f"start-up, text caches emptied before each run: median {cp['median_ms']:.1f} ms "
        f"(CPU {cp['median_cpu_ms']:.1f} ms) over {cp['repeats']} runs; the first, with loading the specs "
        f"and the vocabulary, {cp['first_incl_load_ms']:.0f} ms; peak memory {cp['peak_rss_mb']:.0f} MB.",
    ]
    for n, r in res["nway"].items():
        if "pending" in r or "failed" in r:
            lines.append(f"- N-way compare of {n} posts: pending ({r.get('pending') or r.get('failed')}).")
            continue
        lines.append(f"- N-way compare of {n} posts ({r['duties']:,} duties, {r['criteria']:,} criteria) with "
                     f"{r['jobs']} jobs (`scripts/bench_nway.py`): {r['wall_s']:.2f} s wall, peak memory "
                     f"{r['peak_rss_mb']:.0f} MB (workers {r['children_peak_rss_mb']:.0f} MB at most); stages "
                     + ", ".join(f"{k} {v:.2f} s" for k, v in r.get("stages_s", {}).items()) + ".")
    ex = res.get("export", {})
    if "failed" in ex:
        lines.append(f"- Export of specs: failed ({ex['failed']}).")
    elif ex:
        lines.append(f"- `jobspec export` of {ex['specs']:,} specs (`scripts/bench_export.py`: varied copies of "
                     f"`specs/`): xlsx {ex['xlsx']['wall_s']:.2f} s wall ({ex['xlsx']['cpu_s']:.2f} s CPU, peak "
                     f"memory {ex['xlsx']['peak_rss_mb']:.0f} MB, {ex['xlsx']['size_mb']} MB workbook); csv "
                     f"{ex['csv']['wall_s']:.2f} s wall ({ex['csv']['cpu_s']:.2f} s CPU).")
    rc = res["recall"]
    lines += [
        "",
        "## Accuracy on the synthetic corpus",
        "",
        "Each pack's duties and criteria as generated, against the parsed spec (texts compared after",
        "lower-casing and dropping punctuation).",
        "",
        "| format | duties recall | duties precision | criteria recall | criteria precision | E/D right | title right |",
        "|---|---|---|---|---|---|---|",
    ]
    for fmt in ("docx", "pdf", "txt"):
        r = rc[fmt]
        lines.append(f"| {fmt} | {r['duties_recall']:.3f} | {r['duties_precision']:.3f} | {r['criteria_recall']:.3f} "
                     f"| {r['criteria_precision']:.3f} | {r['level_accuracy']:.3f} | {r['title_right']}/{r['docs']} |")
    extras = [(fmt, rc[fmt]["extra_items_most_common"]) for fmt in ("docx", "pdf", "txt") if rc[fmt]["extra_items_most_common"]]
    for fmt, ex in extras:
        lines.append("")
        lines.append(f"Extra items read from the {fmt} packs (most common): "
                     + "; ".join(f"\"{t}\" ({k})" for t, k in ex) + ".")
    lines += [
        "",
        "## Reproduce",
        "",
        "```sh",
        "make bench                                   # about "
        f"{max(1, round(res['total_s'] / 60))} min here; writes BENCHMARKS.md and .bench/results.json",
        f".venv/bin/python bench/run.py --n {s['n']} --repeats {s['repeats']} --mem-docs {s['mem_docs']}   # the same, by hand",
        ".venv/bin/python bench/corpus.py .bench/packs --n 24   # only the corpus, to look at or profile",
        "```",
        "",
        "`make bench` is not part of `make test`. It needs only the project's own dependencies; the",
        "corpus is generated on the spot (deterministic for a seed) under `.bench/`, which git ignores.",
        "",
    ]
    return "\n".join(lines)


def _load(v) -> str:
    return ", ".join(f"{x:.2f}" for x in v) if v else "n/a"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="jobspec benchmarks")
    ap.add_argument("--n", type=int, default=30, help="packs per format (default 30)")
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--seed", type=int, default=2025)
    ap.add_argument("--mem-docs", type=int, default=1000, help="documents in the memory batch (default 1000)")
    ap.add_argument("--quick", action="store_true", help="smoke run: small, one repeat, no BENCHMARKS.md")
    ap.add_argument("--out", type=Path, default=ROOT / "BENCHMARKS.md")
    ap.add_argument("--json", type=Path, default=BENCH_DIR / "results.json")
    args = ap.parse_args(argv)
    if args.quick:
        args.n, args.repeats, args.mem_docs = min(args.n, 6), 1, min(args.mem_docs, 100)
    BENCH_DIR.mkdir(exist_ok=True)
    res = measure(args)
    res["date"] = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    res["figures"] = figures(res)
    args.json.write_text(json.dumps(res, indent=1), encoding="utf-8")
    text = markdown(res)
    if args.quick:
        (BENCH_DIR / "BENCHMARKS.quick.md").write_text(text, encoding="utf-8")
        log(f"quick run: wrote {BENCH_DIR / 'BENCHMARKS.quick.md'}")
    else:
        args.out.write_text(text, encoding="utf-8")
        log(f"wrote {args.out}")
    f = res["figures"]
    for k, goal in GOALS.items():
        print(f"{k}: {f[k]} (goal {goal}): {'met' if f['met'][k] else 'NOT met'}")
    log(f"total {res['total_s']} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
