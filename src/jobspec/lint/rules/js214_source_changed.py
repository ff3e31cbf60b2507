from __future__ import annotations

import hashlib
import stat
from collections.abc import Iterator
from pathlib import Path

from jobspec.lint.rules.base import Hit, Rule, SpecView, as_dict


def _sha256(path: Path) -> str | None:
    """The SHA-256 of a regular, non-empty file, reading no more than its stated size; None otherwise
    (a device, fifo or /proc file named by a hostile spec must not block or run forever)."""
    st = path.stat()
    if not stat.S_ISREG(st.st_mode) or st.st_size == 0:
        return None
    h = hashlib.sha256()
    left = st.st_size
    with open(path, "rb") as fh:
        while left > 0:
            chunk = fh.read(min(left, 1 << 20))
            if not chunk:
                break
            h.update(chunk)
            left -= len(chunk)
    return h.hexdigest()


class SourceChanged(Rule):
    """The source document has changed since the spec was made from it.

    `source.path` (relative to the spec file) names the document the spec was parsed from and
    `source.sha256` its SHA-256 at the time. When that file is present and its SHA-256 is now
    different, the document was edited or replaced and the spec may no longer say what it says.
    A source file that is not there is not reported (spec folders are often kept without sources).

    Fix: parse the document again (`jobspec parse`), or restore the document the spec was made from.
    """

    code = "JS214"
    name = "source.changed"
    severity = "warning"

    def check(self, spec: SpecView) -> Iterator[Hit]:
        src = as_dict(spec.data.get("source"))
        rel, recorded = src.get("path"), src.get("sha256")
        if spec.file is None or not isinstance(rel, str) or not rel or not isinstance(recorded, str):
            return
        try:
            actual = _sha256(spec.file.parent / rel)
        except (OSError, ValueError):  # not there (or a name no file can have)
            return
        if actual is not None and actual != recorded.lower():
            yield Hit(("source", "sha256"), f"{rel} has changed since this spec was made (sha256 now "
                      f"{actual[:12]}…, spec says {recorded[:12]}…): parse it again")
