"""The library API: what the CLI uses, usable without it."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Sequence
from pathlib import Path

from jobspec.display import shown
from jobspec.errors import InputError, UsageError
from jobspec.files import absent, jobspec_report
from jobspec.readers import (
    DEFAULT_MAX_BYTES,
    DEFAULT_MAX_PAGES,
    DEFAULT_TOOL_TIMEOUT,
    SUFFIX_LIST,
    SUFFIXES,
    read_document,
)
from jobspec.spec.load import SPEC_SUFFIXES, read_spec
from jobspec.spec.model import Source, Spec

DOCUMENT_SUFFIXES = tuple(SUFFIXES)  # every format `jobspec parse` reads


def file_sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def parse_document(path: str | Path, *, relative_to: str | Path | None = None,
                   max_bytes: int = DEFAULT_MAX_BYTES, max_pages: int = DEFAULT_MAX_PAGES,
                   vocabulary: Sequence[str | Path] = (), trace: bool = False, ocr: bool = False,
                   tool_timeout: float | None = DEFAULT_TOOL_TIMEOUT) -> Spec:
    """Parse one job description / person specification into a :class:`Spec`.

    ``relative_to`` is the folder the spec will be written to; ``source.path`` is made
    relative to it so a folder of specs and sources can move together. ``vocabulary`` lists
    concept-vocabulary files merged over the shipped one for the duties' and criteria's ``tags``
    (a bad file raises :class:`jobspec.concepts.vocabulary.VocabularyError`, a usage error).
    ``trace=True`` keeps in ``spec.trace`` a record for every block: where it is, what it became
    and the layout rule that decided it (what ``jobspec parse --trace`` prints).
    ``ocr`` reads a PDF without a text layer by OCR (needs ``jobspec[ocr]`` and Tesseract);
    ``tool_timeout`` bounds each LibreOffice conversion or OCR run, in seconds (``None``: no bound).
    Raises :class:`jobspec.errors.InputError` for a file that cannot be read.
    """
    from jobspec.extract.pipeline import extract

    p = Path(path)
    if not p.exists():
        raise InputError(p, absent(p))
    if p.is_dir():
        raise InputError(p, "is a folder, not a file")
    doc, fmt = read_document(p, max_bytes=max_bytes, max_pages=max_pages, ocr=ocr, tool_timeout=tool_timeout)
    base = Path(relative_to) if relative_to is not None else Path.cwd()
    try:
        rel = os.path.relpath(p.resolve(), base.resolve())
    except ValueError:  # another drive on Windows
        rel = str(p.resolve())
    source = Source(path=shown(Path(rel).as_posix()), format=fmt, sha256=file_sha256(p),
                    encoding=str(doc.info["encoding"]) if "encoding" in doc.info else None,
                    pages=int(doc.info["pages"]) if "pages" in doc.info else None,
                    converted_by=str(doc.info["converted_by"]) if "converted_by" in doc.info else None,
                    ocr=bool(doc.info.get("ocr")))
    return extract(doc, source, vocabulary, trace=trace)


def load_spec(path: str | Path, vocabulary: Sequence[str | Path] = ()) -> Spec:
    """A :class:`Spec` from a spec file (.yaml, .yml, .json: read with lint's guards and checked
    against the JSON Schema) or a document (any format ``jobspec parse`` reads: parsed with ``jobspec parse``'s
    default limits and timeout, tagged with ``vocabulary``).

    The one loader of ``compare``, ``export`` and the library. Raises :class:`UsageError` for a file
    type jobspec cannot read as a post and :class:`InputError` for a file that cannot be read, is
    not a spec (a comparison report jobspec wrote included), or breaks the schema (worded as
    ``jobspec lint`` words it).
    """
    p = Path(path)
    suffix = p.suffix.lower()
    if suffix not in SPEC_SUFFIXES + DOCUMENT_SUFFIXES:
        raise UsageError(f"{p}: cannot compare a '{suffix or 'no suffix'}' file: give a spec (.yaml, .json) "
                         f"or a document ({SUFFIX_LIST})")
    if not p.exists():
        raise InputError(p, absent(p))
    if p.is_dir():
        raise InputError(p, "is a folder, not a file")
    if jobspec_report(p):
        raise InputError(p, "a comparison report jobspec wrote, not a post")
    if suffix in DOCUMENT_SUFFIXES:
        return _parse_guarded(p, vocabulary)
    return read_spec(p)


def _parse_guarded(p: Path, vocabulary: Sequence[str | Path]) -> Spec:
    """A document parsed with ``jobspec parse``'s default limits and timeout."""
    from jobspec import readers
    from jobspec.spec.guard import SpecRefused, check_item_lengths
    from jobspec.workers import TimeLimitExceeded, time_limit

    timeout = readers.DEFAULT_TIMEOUT
    try:
        with time_limit(timeout):
            spec = parse_document(p, vocabulary=vocabulary, max_bytes=DEFAULT_MAX_BYTES, max_pages=DEFAULT_MAX_PAGES)
        check_item_lengths([d.text for d in spec.duties], [c.text for c in spec.criteria])
    except TimeLimitExceeded:
        raise InputError(p, f"took longer than {timeout:g} s to read, gave up") from None
    except SpecRefused as exc:
        raise InputError(p, exc.reason) from None
    return spec
