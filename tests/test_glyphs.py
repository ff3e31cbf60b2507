"""One glyph table: every bullet gives the same duty from a .docx, a LibreOffice .pdf and a .txt."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

import docx_builder as B
from jobspec import parse_document
from jobspec.glyphs import (
    ALL_BULLETS,
    is_mark,
    is_positive_mark,
    leading_bullet,
    marker_depth,
    marker_kind,
    split_typed_marker,
    strip_bullet,
    symbol_char,
)

GLYPHS = sorted(ALL_BULLETS)
LINES = [f"{g} Plan lessons for group {i + 1} with the teacher" for i, g in enumerate(GLYPHS)]
EXPECTED = [f"Plan lessons for group {i + 1} with the teacher" for i in range(len(GLYPHS))]


@pytest.fixture(scope="module")
def packs(tmp_path_factory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("glyphs")
    d = B.new()
    d.add_heading("Main duties", level=2)
    for line in LINES:
        d.add_paragraph(line)
    B.save(d, out / "glyphs.docx")
    (out / "glyphs.txt").write_text("Main duties\n\n" + "\n".join(LINES) + "\n", encoding="utf-8")
    return {"docx": out / "glyphs.docx", "txt": out / "glyphs.txt"}


@pytest.mark.parametrize("fmt", ["docx", "txt"])
def test_every_typed_bullet_gives_the_same_duty(packs, fmt) -> None:
    assert [d.text for d in parse_document(packs[fmt]).duties] == EXPECTED


def test_every_typed_bullet_gives_the_same_duty_from_a_pdf(packs, tmp_path) -> None:
    soffice = shutil.which("soffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed: the PDF made from the DOCX cannot be produced here")
    subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{tmp_path}/profile", "--convert-to", "pdf",
                    "--outdir", str(tmp_path), str(packs["docx"])], check=True, capture_output=True, timeout=120)
    assert [d.text for d in parse_document(tmp_path / "glyphs.pdf").duties] == EXPECTED


def test_bullets_and_markers() -> None:
    assert strip_bullet("► Plan lessons") == "Plan lessons"
    assert strip_bullet("o Sub-point") == "Sub-point"
    assert strip_bullet("oak trees") == "oak trees"
    assert leading_bullet("– Tidy up") == "–" and leading_bullet("Tidy up") is None
    assert split_typed_marker("1.2 Support pupils") == ("1.2", "Support pupils")
    assert split_typed_marker("37.5 hours a week") == (None, "37.5 hours a week")
    assert split_typed_marker("(b) Mark work") == ("(b)", "Mark work")
    assert [marker_kind(m) for m in ("1.", "1.1", "a)", "iv.", "•", None)] == ["number", "number", "letter", "roman",
                                                                             "bullet", ""]
    assert (marker_depth("1."), marker_depth("1.1"), marker_depth("2.3.1")) == (0, 1, 2)
    assert symbol_char("Wingdings", 0xF0FC) == "✓" and symbol_char("Symbol", 0xB7) == "•"
    assert symbol_char("Arial", 0x41) is None


@pytest.mark.parametrize(("cell", "mark", "positive"), [
    ("✓", True, True), ("√", True, True), ("☒", True, True), ("X", True, True), ("yes", True, True),
    ("✗", True, False), ("☐", True, False), ("No", True, False), ("•", True, True), ("Essential", False, False),
])
def test_marks_in_level_columns(cell, mark, positive) -> None:
    assert is_mark(cell) is mark
    assert is_positive_mark(cell) is positive
