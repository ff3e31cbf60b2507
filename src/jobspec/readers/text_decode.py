"""Bytes to clean text for the text reader: encoding detection, binary sniffing, normalisation.

Order of attempts: a BOM (UTF-8, UTF-16, UTF-32), UTF-16 without a BOM when NUL bytes sit in
alternating positions, strict UTF-8, UTF-8 line by line when only some lines are not UTF-8 (those
read as cp1252, with a warning naming them), strict cp1252, and latin-1 as the last resort.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from jobspec.display import plural
from jobspec.errors import InputError
from jobspec.glyphs import strip_invisible

BINARY_REASON = "not a text file: looks like binary data"
EMPTY_REASON = "no text: the file is empty"

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_SNIFF = 8192
# Control characters that never occur in real text (tab, newlines, VT, FF and DOS EOF are allowed).
_BAD_CONTROL = re.compile(r"[\x00-\x08\x0e-\x19\x1b-\x1f\x7f\ufffd]")
_C1_CONTROL = re.compile(r"[\x80-\x9f]")
_SPACES = re.compile(r"[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
_LINE_BREAKS = re.compile(r"\r\n?|[\x0b\x0c\x85\u2028\u2029]")


def _utf16_without_bom(data: bytes) -> str | None:
    """``utf-16-le``/``-be`` when NUL bytes fill one byte position of most pairs, else None."""
    sample = data[: _SNIFF - (_SNIFF % 2)]
    pairs = len(sample) // 2
    if pairs < 2:
        return None
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    if odd >= 0.3 * pairs and even <= 0.05 * pairs:
        return "utf-16-le"
    if even >= 0.3 * pairs and odd <= 0.05 * pairs:
        return "utf-16-be"
    return None


def _looks_binary(text: str) -> bool:
    """True when control characters make up a high share of ``text``."""
    bad = len(_BAD_CONTROL.findall(text))
    return bad > max(2, 0.02 * len(text))


def decode_bytes(data: bytes, path: str | Path) -> tuple[str, str, list[str]]:
    """Decode ``data``; returns (text, encoding name, warnings). Raises :class:`InputError`."""
    warnings: list[str] = []
    if not data.strip():
        raise InputError(path, EMPTY_REASON)
    encoding: str | None = None
    for bom, name in _BOMS:
        if data.startswith(bom):
            encoding = name
            data = data[len(bom) :]
            break
    if encoding is None:
        encoding = _utf16_without_bom(data)
    if encoding is not None:
        text = data.decode(encoding.replace("-sig", ""), errors="replace")
        if "\ufffd" in text and encoding != "utf-8-sig":
            warnings.append(f"some bytes are not valid {encoding} and were replaced")
    else:
        nul = data.count(0)
        if nul > max(1, len(data) // 1000):  # one stray NUL (or one a thousand bytes) is removed
            raise InputError(path, BINARY_REASON)
        if nul:
            warnings.append(f"{plural(nul, 'NUL byte')} removed")
            data = data.replace(b"\x00", b"")
        text, encoding, mixed = _decode_8bit(data)
        if mixed:
            warnings.append(f"not all UTF-8: {mixed} read as Windows-1252")
        if encoding == "latin-1" and _C1_CONTROL.search(text):
            warnings.append("decoded as latin-1: some characters may be wrong")
    if _looks_binary(text):
        raise InputError(path, BINARY_REASON)
    return text, encoding, warnings


def _decode_8bit(data: bytes) -> tuple[str, str, str]:
    """Text, encoding name, and the lines read as cp1252 in a mostly UTF-8 file ("" when none)."""
    try:
        return data.decode("utf-8"), "utf-8", ""
    except UnicodeDecodeError:
        pass
    lines = data.splitlines(keepends=True)
    out: list[str] = []
    bad: list[int] = []
    utf8_non_ascii = False
    for n, line in enumerate(lines, 1):
        try:
            out.append(line.decode("utf-8"))
            utf8_non_ascii = utf8_non_ascii or not line.isascii()
        except UnicodeDecodeError:
            out.append(line.decode("cp1252", errors="replace"))
            bad.append(n)
    if utf8_non_ascii:
        shown = ", ".join(map(str, bad[:5])) + (f" and {len(bad) - 5} more" if len(bad) > 5 else "")
        return "".join(out), "utf-8", f"line{'s' if len(bad) > 1 else ''} {shown}"
    for name in ("cp1252", "latin-1"):
        try:
            return data.decode(name), name, ""
        except UnicodeDecodeError:
            continue
    raise AssertionError("latin-1 decodes every byte string")  # pragma: no cover


def normalise_text(text: str) -> str:
    """One ``\\n`` per line break, NBSP and other spaces as plain spaces, invisible characters dropped."""
    text = _LINE_BREAKS.sub("\n", text)
    text = _SPACES.sub(" ", text)
    return strip_invisible(text)


def read_text_file(path: Path) -> tuple[str, str, list[str]]:
    """Read and decode ``path``; returns (normalised text, encoding, warnings)."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(path, f"cannot read file: {exc.strerror or exc}") from None
    text, encoding, warnings = decode_bytes(data, path)
    text = normalise_text(text)
    if not text.strip():
        raise InputError(path, EMPTY_REASON)
    return text, encoding, warnings
