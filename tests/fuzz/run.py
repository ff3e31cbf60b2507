"""The long fuzz run behind ``make fuzz``: hypothesis' ``fuzz`` profile, then each atheris harness for
a bounded time, then a summary of inputs tried and failures per target.

    python tests/fuzz/run.py [--time SECONDS] [--examples N] [--no-hypothesis] [--no-atheris]

Work files go under ``build/fuzz/`` (ignored by git): each harness's growing corpus (seeded from
examples/, specs/ and the test fixtures), its libFuzzer dictionary, its log, and ``crash-*`` /
``timeout-*`` files for any input that fails. Exit status 1 when any target failed.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
WORK = ROOT / "build" / "fuzz"

# hypothesis test -> the target it fuzzes
HYPOTHESIS_TESTS = {
    "test_text_reader_raises_only_input_error_and_builds_well_formed_documents": "text reader + parse",
    "test_text_reader_on_very_long_and_very_many_lines": "text reader + parse",
    "test_parse_pipeline_raises_only_jobspec_errors_and_writes_valid_specs": "text reader + parse",
    "test_lint_never_raises_on_arbitrary_bytes": "lint YAML loading",
    "test_lint_never_raises_on_mutated_specs": "lint YAML loading",
    "test_lint_never_raises_on_specs_with_values_of_the_wrong_type": "lint YAML loading",
    "test_normaliser_never_raises_and_is_idempotent": "normaliser",
    "test_docx_reader_raises_only_input_error_and_keeps_its_limits": "DOCX reader",
    "test_pdf_reader_raises_only_input_error_on_mutated_files": "PDF reader",
}
HARNESSES = {
    "fuzz_text_reader": "text reader + parse",
    "fuzz_lint_yaml": "lint YAML loading",
    "fuzz_normalise": "normaliser",
    "fuzz_docx_reader": "DOCX reader",
    "fuzz_pdf_reader": "PDF reader",
}


@dataclass
class Row:
    target: str
    engine: str
    name: str
    tried: int
    failures: int
    seconds: float
    note: str = ""


# --------------------------------------------------------------------------- hypothesis


def run_hypothesis(examples: int) -> list[Row]:
    env = {**os.environ, "HYPOTHESIS_PROFILE": "fuzz", "FUZZ_EXAMPLES": str(examples)}
    cmd = [sys.executable, "-m", "pytest", str(ROOT / "tests" / "test_fuzz.py"), str(ROOT / "tests" / "test_fuzz_readers.py"),
           "-p", "no:cacheprovider",
           "-q", "-rf", "--hypothesis-show-statistics", "--durations=0"]
    print(f"== hypothesis, profile 'fuzz' ({examples} examples a unit): {' '.join(cmd[2:])}", flush=True)
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    out: list[str] = []
    assert proc.stdout is not None
    for line in proc.stdout:
        out.append(line)
        print(line, end="", flush=True)
    proc.wait()
    return parse_hypothesis("".join(out))


def parse_hypothesis(output: str) -> list[Row]:
    """Per test: test cases run (passing + failing, every phase) and failing ones, from the statistics."""
    tried: dict[str, int] = {}
    failing: dict[str, int] = {}
    current = None
    for line in output.splitlines():
        m = re.match(r"^\S*test_fuzz(?:_readers)?\.py::(\w+):\s*$", line)
        if m:
            current = m.group(1)
            tried.setdefault(current, 0)
            failing.setdefault(current, 0)
            continue
        m = re.search(r"(\d+) passing.*?(\d+) failing", line)
        if m and current:
            tried[current] += int(m.group(1)) + int(m.group(2))
            failing[current] += int(m.group(2))
    failed_tests = set(re.findall(r"^FAILED \S*test_fuzz(?:_readers)?\.py::(\w+)", output, re.M))
    seconds = {m.group(2): float(m.group(1))
               for m in re.finditer(r"^([\d.]+)s call\s+\S*test_fuzz(?:_readers)?\.py::(\w+)", output, re.M)}
    rows = []
    for name, target in HYPOTHESIS_TESTS.items():
        fails = failing.get(name, 0)
        if name in failed_tests and not fails:
            fails = 1  # failed outside a generated example (an explicit @example, say)
        note = "FAILED" if name in failed_tests else ("no statistics" if name not in tried else "")
        rows.append(Row(target, "hypothesis", name.removeprefix("test_"), tried.get(name, 0), fails,
                        seconds.get(name, 0.0), note))
    return rows


# --------------------------------------------------------------------------- atheris


def _dict_entry(token: str) -> str:
    out = []
    for b in token.encode("utf-8", "surrogatepass"):
        c = chr(b)
        out.append(f"\\x{b:02x}" if b < 0x20 or b >= 0x7F or c in '"\\' else c)
    return '"' + "".join(out) + '"'


def prepare(name: str) -> tuple[Path, Path]:
    """The harness's corpus folder (seeded on first use) and its libFuzzer dictionary."""
    sys.path.insert(0, str(ROOT / "tests"))
    import test_fuzz as T

    base = WORK / name
    corpus = base / "corpus"
    corpus.mkdir(parents=True, exist_ok=True)
    if name == "fuzz_text_reader":
        seeds = [*sorted((ROOT / "examples").glob("*.txt")), *sorted((ROOT / "tests" / "fixtures" / "txt").glob("*.txt"))]
        tokens = [*T._WORDS, *T._MARKERS, "\t", "\r\n", "\n\n", "\ufeff", "# ", "| ", "|---|"]
    elif name == "fuzz_lint_yaml":
        seeds = [*sorted((ROOT / "specs").glob("*.yaml")), *sorted((ROOT / "tests" / "fixtures" / "lint").glob("*.yaml"))]
        tokens = [*T.SPEC_KEYS, *T._SNIPPETS, *"&*!|>-?:[]{},#%@`'\"", ": ", "- ", "\n  ", "!!", "<<: "]
    elif name == "fuzz_docx_reader":
        from hypothesis import HealthCheck, given, settings

        import test_fuzz_readers as R

        seeds = []
        samples: list[bytes] = []

        @settings(max_examples=40, database=None, suppress_health_check=list(HealthCheck))
        @given(R.body_xml(), R.numbering_xml())
        def collect(document: bytes, numbering: bytes) -> None:
            samples.append(document + R.SEPARATOR + numbering)

        if not any(corpus.iterdir()):
            collect()
            for i, sample in enumerate(samples):
                (corpus / f"seed-{i:04d}.xml").write_bytes(sample)
        tokens = ["w:gridSpan", "w:gridBefore", "w:vMerge", "w:ilvl", "w:numId", "w:start", "w:lvlText", "w:numFmt",
                  "lowerLetter", "upperRoman", "%1", "w:val=\"", "2000000000", "-1", "<w:tc>", "</w:tc>", "<w:tr>",
                  "<w:moveTo>", "<w:vanish/>", "<!DOCTYPE", R.SEPARATOR.decode()]
    elif name == "fuzz_pdf_reader":
        import test_fuzz_readers as R

        seeds = []
        if not any(corpus.iterdir()):
            for i, pdf in enumerate(R.seed_pdfs()):
                (corpus / f"seed-{i}.pdf").write_bytes(pdf)
        tokens = [t.decode() for t in R._TOKENS]
    else:
        seeds = []
        tokens = list(T._JD_PHRASES)
    if not any(corpus.iterdir()):
        for s in seeds:
            shutil.copy(s, corpus / s.name)
        if name == "fuzz_normalise":
            for i, text in enumerate(dict.fromkeys(_seed_texts())):
                (corpus / f"seed-{i:04d}.txt").write_text(text, encoding="utf-8")
    dict_file = base / f"{name}.dict"
    dict_file.write_text("".join(_dict_entry(t) + "\n" for t in dict.fromkeys(tokens) if t), encoding="ascii")
    return corpus, dict_file


def _seed_texts() -> list[str]:
    """Duty and criterion texts of the committed specs: real input for the normaliser."""
    import yaml

    out = []
    for f in sorted((ROOT / "specs").glob("*.yaml")):
        data = yaml.safe_load(f.read_text(encoding="utf-8"))
        for item in (data.get("duties") or []) + (data.get("criteria") or []):
            if isinstance(item, dict) and isinstance(item.get("text"), str):
                out.append(item["text"])
    return out


def run_atheris(name: str, seconds: int) -> Row:
    corpus, dict_file = prepare(name)
    log = WORK / name / f"{name}.log"
    cmd = [sys.executable, str(HERE / f"{name}.py"), str(corpus), f"-max_total_time={seconds}", "-timeout=20",
           "-rss_limit_mb=4096", "-print_final_stats=1", f"-dict={dict_file}",
           f"-artifact_prefix={WORK / name}{os.sep}"]
    print(f"== atheris {name} for {seconds} s (log: {log.relative_to(ROOT)})", flush=True)
    t0 = time.monotonic()
    with open(log, "w", encoding="utf-8", errors="replace") as fh:
        # a harness that hangs in start-up or in one input is stopped by -timeout; this is a last resort
        rc = subprocess.call(cmd, cwd=ROOT, stdout=fh, stderr=subprocess.STDOUT, timeout=seconds * 3 + 300)
    elapsed = time.monotonic() - t0
    text = log.read_text(encoding="utf-8", errors="replace")
    m = re.search(r"stat::number_of_executed_units:\s*(\d+)", text)
    runs = [int(x) for x in re.findall(r"^#(\d+)\s", text, re.M)]
    tried = int(m.group(1)) if m else (max(runs) if runs else 0)
    crashed = rc != 0 or "ERROR: libFuzzer" in text or "Uncaught Python exception" in text
    note = ""
    if crashed:
        artifact = re.findall(r"Test unit written to (\S+)", text)
        note = f"crash, see {artifact[-1] if artifact else log}"
        print("\n".join(text.splitlines()[-60:]))
    return Row(HARNESSES[name], "atheris", name, tried, int(crashed), elapsed, note)


# --------------------------------------------------------------------------- summary


def summary(rows: list[Row]) -> str:
    lines = ["", "fuzz summary", "=" * 12,
             f"{'target':30s} {'engine':10s} {'run':62s} {'inputs tried':>12s} {'failures':>8s} {'time':>7s}"]
    for r in rows:
        lines.append(f"{r.target:30s} {r.engine:10s} {r.name:62s} {r.tried:12,d} {r.failures:8d} {r.seconds:6.0f}s"
                     + (f"  {r.note}" if r.note else ""))
    lines.append("")
    totals: dict[str, list[int]] = {}
    for r in rows:
        t = totals.setdefault(r.target, [0, 0])
        t[0] += r.tried
        t[1] += r.failures
    for target, (tried, fails) in totals.items():
        lines.append(f"{target:30s} {tried:12,d} inputs tried, {fails} failure(s)")
    tried = sum(r.tried for r in rows)
    fails = sum(r.failures for r in rows)
    lines.append(f"{'all targets':30s} {tried:12,d} inputs tried, {fails} failure(s)")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--time", type=int, default=60, help="seconds per atheris harness (default 60)")
    ap.add_argument("--examples", type=int, default=5000, help="hypothesis examples per budget unit (default 5000)")
    ap.add_argument("--no-hypothesis", action="store_true")
    ap.add_argument("--no-atheris", action="store_true")
    args = ap.parse_args(argv)
    WORK.mkdir(parents=True, exist_ok=True)
    rows: list[Row] = []
    if not args.no_hypothesis:
        rows.extend(run_hypothesis(args.examples))
    if not args.no_atheris:
        try:
            import atheris  # noqa: F401
        except ImportError:
            print("== atheris is not installed (it has wheels for Linux x86-64 only): hypothesis only", flush=True)
        else:
            for name in HARNESSES:
                rows.append(run_atheris(name, args.time))
    report = summary(rows)
    print(report)
    (WORK / "summary.txt").write_text(report + "\n", encoding="utf-8")
    return 1 if any(r.failures or r.note == "FAILED" for r in rows) else 0


if __name__ == "__main__":
    sys.exit(main())
