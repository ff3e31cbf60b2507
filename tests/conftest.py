from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
TOOLS = ROOT.parent / "shared" / "tools"


def need_corpus() -> Path:
    """The development corpus beside the checkout; under CI it must be there."""
    if not CORPUS.is_dir():
        if os.environ.get("CI"):
            pytest.fail(f"the corpus is missing at {CORPUS} (required under CI)")
        pytest.skip(f"corpus not found at {CORPUS}")
    return CORPUS
