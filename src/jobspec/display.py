"""File names made safe to show: one function for every message, table and report that names a file."""

from __future__ import annotations

import os
import re
from pathlib import PurePath

# C0 and C1 controls, DEL, and the bidi controls that can make a name read as another; also the
# lone surrogates Python uses for bytes of a name that are not valid UTF-8.
_UNSAFE = re.compile(r"[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def _escape(m: re.Match[str]) -> str:
    code = ord(m.group())
    if 0xDC80 <= code <= 0xDCFF:  # an undecodable byte, kept by the file system's surrogateescape
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def plural(n: int, one: str, many: str | None = None) -> str:
    """``n`` and the noun that agrees with it: ``plural(1, "file")`` is "1 file", ``plural(3, "file")``
    "3 files", ``plural(2, "criterion", "criteria")`` "2 criteria". The one helper for every count a
    message, summary or report shows."""
    return f"{n:,} {one if n == 1 else (many if many is not None else one + 's')}"


def shown(path: str | os.PathLike[str] | PurePath) -> str:
    """``path`` as text that is safe on a terminal and encodes as UTF-8: control characters, bidi
    controls and undecodable bytes are written as escapes (``\\x1b``, ``\\u202e``, ``\\xe9``)."""
    text = os.fspath(path)
    return _UNSAFE.sub(_escape, text) if _UNSAFE.search(text) else text
