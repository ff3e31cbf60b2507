"""Run an outside program (LibreOffice, OCRmyPDF) for a reader: one at a time per process, in its own
process group, cut off from the network where the system allows it, killed with everything it started
when it runs past its timeout or the caller is interrupted."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import threading
from contextlib import suppress
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from jobspec.errors import InputError

_ONE_AT_A_TIME = threading.Lock()  # a worker runs one outside program at a time


class ToolTimeout(Exception):
    """The program ran past its timeout and was killed, with every process it started."""


@dataclass(frozen=True, slots=True)
class ToolResult:
    returncode: int
    stdout: str
    stderr: str

    def last_line(self) -> str:
        """The last non-empty line the program printed (stderr first), for an error message."""
        for text in (self.stderr, self.stdout):
            lines = [ln.strip() for ln in text.splitlines() if ln.strip() and "javaldx" not in ln]
            if lines:
                return lines[-1][:200]
        return f"exit status {self.returncode}"


@lru_cache(maxsize=1)
def offline_prefix() -> tuple[str, ...]:
    """``unshare --net --map-root-user`` when this system gives an ordinary process a network namespace
    of its own (the program then has no network at all), else nothing: the programs are set up not to
    fetch anything either way."""
    exe = shutil.which("unshare")
    if exe is None:
        return ()
    prefix = (exe, "--net", "--map-root-user")
    try:
        ok = subprocess.run([*prefix, "true"], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, timeout=10).returncode == 0
    except (OSError, subprocess.SubprocessError):
        ok = False
    return prefix if ok else ()


def private_env(work: Path, **extra: str) -> dict[str, str]:
    """The environment for a program whose home and temporary folders are inside ``work``, so it
    writes nothing elsewhere (LibreOffice writes caches under $HOME even for ``--version``)."""
    home, tmp = work / "home", work / "tmp"
    home.mkdir(exist_ok=True)
    tmp.mkdir(exist_ok=True)
    return {**os.environ, "HOME": str(home), "TMPDIR": str(tmp), **extra}


def run_tool(argv: list[str], *, timeout: float | None, env: dict[str, str] | None = None,
             cwd: Path | None = None) -> ToolResult:
    """Run ``argv`` to the end and return what it printed; raises :class:`ToolTimeout` after ``timeout``
    seconds (``None``: no limit) and :class:`OSError` when it cannot be started."""
    with _ONE_AT_A_TIME:
        proc = subprocess.Popen([*offline_prefix(), *argv], stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, env=env, cwd=cwd, start_new_session=True)
        try:
            out, err = proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            _kill_group(proc)
            raise ToolTimeout(timeout) from None
        except BaseException:  # the per-file alarm, Ctrl-C, ...: leave nothing running
            _kill_group(proc)
            raise
        _kill_group(proc)  # anything it left behind in its group
    return ToolResult(proc.returncode, out.decode("utf-8", "replace"), err.decode("utf-8", "replace"))


def run_for(path: Path, argv: list[str], *, program: str, task: str, timeout: float | None, work: Path,
            **env: str) -> ToolResult:
    """:func:`run_tool` in ``work`` (with :func:`private_env`) on behalf of reading ``path``: running past
    the timeout or failing to start is an :class:`InputError` naming ``program``."""
    try:
        return run_tool(argv, timeout=timeout, env=private_env(work, **env), cwd=work)
    except ToolTimeout:
        raise InputError(path, f"{program} took longer than {timeout:g} s {task}, stopped (see --timeout)") from None
    except OSError as exc:
        raise InputError(path, f"could not run {program} ({exc.strerror or exc})") from None


def _kill_group(proc: subprocess.Popen) -> None:
    with suppress(ProcessLookupError, PermissionError):
        if hasattr(os, "killpg"):
            os.killpg(proc.pid, signal.SIGKILL)
        elif proc.poll() is None:  # no process groups (Windows): the program itself
            proc.kill()
    with suppress(OSError):
        proc.wait()
    for pipe in (proc.stdout, proc.stderr):
        if pipe is not None:
            with suppress(OSError):
                pipe.close()
