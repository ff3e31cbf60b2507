"""Shared set-up for the atheris harnesses: instrument jobspec (and PyYAML's Python code) for coverage,
import the fuzz targets (the ``check_*`` functions of tests/test_fuzz.py) and hand over to libFuzzer.

A target fails by raising: atheris prints the traceback, writes the input to ``crash-<sha1>`` (under
``-artifact_prefix``) and stops. Replay one with ``python tests/fuzz/fuzz_<target>.py CRASH_FILE``.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import atheris

TESTS = Path(__file__).resolve().parents[1]


def load_targets(instrument: tuple[str, ...] = ("jobspec",), module: str = "test_fuzz") -> ModuleType:
    """tests/<module>.py (tests/test_fuzz.py by default), with the packages in ``instrument``
    instrumented as it imports them."""
    import importlib

    if str(TESTS) not in sys.path:
        sys.path.insert(0, str(TESTS))
    with atheris.instrument_imports(include=list(instrument)):
        return importlib.import_module(module)


def run(test_one_input: Callable[[bytes], None]) -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()
