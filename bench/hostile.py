"""Time, peak memory, exit status and message of ``jobspec`` on each hostile case (tests/hostile_cases.py).

usage: python bench/hostile.py [--full] [--cap-gb 8] [--timeout 300] [NAME...]

Each command runs in a fresh process with its address space capped at ``--cap-gb`` (so a runaway
case fails there instead of taking the machine) and is killed after ``--timeout`` seconds. Peak
memory is the largest resident size of the process and the workers it waited for (``os.wait4``).
Inputs go to ``.bench/hostile/``.
"""

from __future__ import annotations

import argparse
import os
import resource
import signal
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
JOBSPEC = str(Path(sys.executable).with_name("jobspec"))


def measure(argv: list[str], *, cap_gb: float, timeout: float, cwd: Path | None = None) -> tuple[float, float, int, str]:
    """(seconds, peak MB, exit status, first stderr line) of one command."""
    cap = int(cap_gb * 1024**3)

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
        os.setsid()

    t0 = time.monotonic()
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, preexec_fn=limit, cwd=cwd)
    try:
        _, err = proc.communicate(timeout=timeout)
        code = proc.returncode
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        _, err = proc.communicate()
        code = -9
    elapsed = time.monotonic() - t0
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024  # of every child so far: see main()
    lines = [ln for ln in err.decode("utf-8", "replace").splitlines() if ln.strip()]
    first = next((ln for ln in lines if ln.startswith(("error:", "warning:", "Traceback", "MemoryError"))),
                 lines[-1] if lines else "")
    if lines and lines[0].startswith("Traceback"):
        first = "Traceback ... " + lines[-1]
    return elapsed, peak, code, first[:150]


def one(argv: list[str], cap_gb: float, timeout: float) -> tuple[float, float, int, str]:
    """Run ``measure`` in a fresh child, so RUSAGE_CHILDREN holds this command alone."""
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(r)
        res = measure(argv, cap_gb=cap_gb, timeout=timeout)
        os.write(w, repr(res).encode())
        os._exit(0)
    os.close(w)
    data = b""
    while chunk := os.read(r, 65536):
        data += chunk
    os.waitpid(pid, 0)
    return eval(data.decode())  # noqa: S307 - our own repr of a tuple


def main() -> int:
    from hostile_cases import CASES, pdf_flate_bomb

    ap = argparse.ArgumentParser()
    ap.add_argument("names", nargs="*")
    ap.add_argument("--full", action="store_true", help="the 1.5 GB flate bomb")
    ap.add_argument("--cap-gb", type=float, default=8)
    ap.add_argument("--timeout", type=float, default=300)
    args = ap.parse_args()
    out = ROOT / ".bench" / "hostile"
    out.mkdir(parents=True, exist_ok=True)
    for name, make in CASES.items():
        if args.names and name not in args.names:
            continue
        f = out / name
        if name == "flate-bomb.pdf" and args.full:
            pdf_flate_bomb(f, 1536 * 1024 * 1024)
        else:
            make(f)
        secs, peak, code, msg = one([JOBSPEC, "parse", str(f), "-q", "--jobs", "1"], args.cap_gb, args.timeout)
        print(f"{name:24s} {secs:7.1f} s {peak:8.0f} MB  exit {code:3d}  {msg}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
