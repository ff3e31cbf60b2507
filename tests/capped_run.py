"""Run a command with its address space capped, in a session of its own, and write its peak memory.

usage: python capped_run.py CAP_BYTES RUSAGE_FILE COMMAND [ARG...]

The command's exit code is this program's (128 + N for signal N). ``RUSAGE_FILE`` receives the
command's peak resident size in KiB (``ru_maxrss`` of ``os.wait4``: the command and the children it
waited for). On Linux a process started by ``fork`` from a large process (a test runner) reports at
least that process's size as its own peak; started from this small process instead, the figure is
the command's own.
"""

from __future__ import annotations

import os
import resource
import sys


def main(argv: list[str]) -> int:
    cap, out, command = int(argv[1]), argv[2], argv[3:]
    resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
    os.setsid()  # the caller can kill the whole group on a timeout
    pid = os.fork()
    if pid == 0:
        try:
            os.execv(command[0], command)
        finally:
            os._exit(127)
    _, status, usage = os.wait4(pid, 0)
    with open(out, "w", encoding="utf-8") as fh:
        fh.write(str(usage.ru_maxrss))
    code = os.waitstatus_to_exitcode(status)
    return 128 - code if code < 0 else code


if __name__ == "__main__":
    sys.exit(main(sys.argv))
