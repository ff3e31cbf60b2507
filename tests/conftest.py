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


def need_tool(available: bool, what: str, install: str) -> None:
    """Skip, saying what is missing and how to install it; under CI, fail: `make test` installs it."""
    if available:
        return
    if os.environ.get("CI"):
        pytest.fail(f"{what} is missing (required under CI: `make test` installs it: {install})")
    pytest.skip(f"{what} is not installed ({install})")


def need_soffice() -> str:
    """The LibreOffice program, or skip (fail under CI) saying how to install it."""
    from jobspec.readers.office_convert import find_soffice

    soffice = find_soffice()
    need_tool(soffice is not None, "LibreOffice (soffice)", "apt-get install libreoffice-writer-nogui")
    return str(soffice)


@pytest.fixture
def no_network(monkeypatch):
    """Any attempt to open a network connection from this process fails the test."""
    import socket

    def refuse(*a, **k):
        raise AssertionError("network access attempted")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
