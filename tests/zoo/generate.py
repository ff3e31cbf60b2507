"""Write the layout zoo: every family's documents in each format, with their gold.

usage: python -m tests.zoo.generate OUT_DIR [--families a,b] [--formats docx,pdf-lo,pdf-chrome,txt]
                                    [--seed N] [--per-family K]

Writes ``OUT_DIR/<format>/<stem>.<ext>`` and ``OUT_DIR/gold/<stem>.gold.yaml``; the stem is the same
in every format, so ``jobspec parse OUT_DIR/<format> -o PRED`` then ``score.py OUT_DIR/gold PRED``
scores one format. Documents are the same for the same seed (the PDFs differ only in their
creation dates). A family whose layout has no form in a format (page headers in a text export) is
left out of that format's folder. ``cached_zoo()`` keeps a generated zoo under ``build/zoo/``, keyed
by a hash of this package's source.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

from .families import NAMES, family, stem
from .model import FORMATS, ZooDoc

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
DEFAULT_SEED = 2026
DEFAULT_PER_FAMILY = 3
SUFFIX = {"docx": ".docx", "pdf-lo": ".pdf", "pdf-chrome": ".pdf", "txt": ".txt"}


def build_docs(families: tuple[str, ...] = NAMES, seed: int = DEFAULT_SEED,
               per_family: int = DEFAULT_PER_FAMILY) -> list[ZooDoc]:
    """The documents, each from its own seeded generator (adding a family changes no other)."""
    docs = []
    for name in families:
        for i in range(per_family):
            docs.append(family(name).build(random.Random(f"{seed}:{name}:{i}"), stem(name, i)))
    return docs


def generate(out: Path, families: tuple[str, ...] = NAMES, formats: tuple[str, ...] = FORMATS,
             seed: int = DEFAULT_SEED, per_family: int = DEFAULT_PER_FAMILY, log=None) -> list[ZooDoc]:
    from .convert import chrome_pdfs, libreoffice
    from .render_docx import write_docx
    from .render_html import header_template, to_html

    docs = build_docs(families, seed, per_family)
    (out / "gold").mkdir(parents=True, exist_ok=True)
    for doc in docs:
        (out / "gold" / f"{doc.stem}.gold.yaml").write_text(doc.gold_yaml(seed), encoding="utf-8")
    with tempfile.TemporaryDirectory(prefix="zoo-docx-") as scratch:
        docx_dir = out / "docx" if "docx" in formats else Path(scratch)
        docx_dir.mkdir(parents=True, exist_ok=True)
        for doc in docs:
            write_docx(doc.layout, docx_dir / f"{doc.stem}.docx")
        batches = {fmt: [docx_dir / f"{d.stem}.docx" for d in docs if fmt in d.formats]
                   for fmt in ("pdf-lo", "txt") if fmt in formats}
        jobs = [libreoffice(files, out / fmt, fmt) for fmt, files in batches.items() if files]
        try:
            if "pdf-chrome" in formats:  # while LibreOffice works
                chrome_pdfs([(to_html(d.layout), header_template(d.layout), out / "pdf-chrome" / f"{d.stem}.pdf")
                             for d in docs if "pdf-chrome" in d.formats])
        finally:
            for job in jobs:
                job.wait()
    if log:
        log(f"wrote {len(docs)} documents in {len(families)} families as {', '.join(formats)} into {out}")
    return docs


def source_hash() -> str:
    """A digest of everything that shapes the zoo: this package and the examples' DOCX helpers."""
    h = hashlib.sha256()
    for path in sorted(HERE.rglob("*.py")) + [ROOT / "examples" / "make_examples.py"]:
        h.update(path.relative_to(ROOT).as_posix().encode())
        h.update(path.read_bytes())
    return h.hexdigest()[:16]


def cached_zoo(families: tuple[str, ...] = NAMES, formats: tuple[str, ...] = FORMATS, seed: int = DEFAULT_SEED,
               per_family: int = DEFAULT_PER_FAMILY) -> Path:
    """A generated zoo under ``build/zoo/``, made once per version of the generator and arguments
    (making a new one removes the others)."""
    key = hashlib.sha256(repr((source_hash(), families, formats, seed, per_family)).encode()).hexdigest()[:16]
    target = ROOT / "build" / "zoo" / key
    if (target / ".complete").exists():
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f"{key}.", dir=target.parent))
    try:
        generate(work, families, formats, seed, per_family)
        (work / ".complete").write_text(f"{time.strftime('%Y-%m-%d %H:%M:%S')}\n", encoding="utf-8")
        if target.exists():
            shutil.rmtree(target)
        os.replace(work, target)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    for old in target.parent.iterdir():  # zoos of earlier versions of the generator
        if old != target and (old / ".complete").exists():
            shutil.rmtree(old, ignore_errors=True)
    return target


def _names(value: str, known: tuple[str, ...], what: str) -> tuple[str, ...]:
    names = tuple(v.strip().replace("-", "_") if what == "family" else v.strip() for v in value.split(",") if v.strip())
    unknown = [n for n in names if n not in known]
    if unknown or not names:
        raise argparse.ArgumentTypeError(f"unknown {what} {', '.join(map(repr, unknown)) or '(none given)'} "
                                         f"(known: {', '.join(known)})")
    return names


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m tests.zoo.generate", description=__doc__.split("\n\n")[0])
    ap.add_argument("out", type=Path, metavar="OUT_DIR")
    ap.add_argument("--families", type=lambda v: _names(v, NAMES, "family"), default=NAMES,
                    help=f"comma-separated (default: all {len(NAMES)})")
    ap.add_argument("--formats", type=lambda v: _names(v, FORMATS, "format"), default=FORMATS,
                    help="comma-separated (default: docx,pdf-lo,pdf-chrome,txt)")
    ap.add_argument("--seed", type=int, default=DEFAULT_SEED)
    ap.add_argument("--per-family", type=int, default=DEFAULT_PER_FAMILY, metavar="K")
    args = ap.parse_args(argv)
    if args.per_family < 1:
        ap.error("--per-family must be at least 1")
    from .convert import ToolMissing

    started = time.perf_counter()
    try:
        generate(args.out, args.families, args.formats, args.seed, args.per_family, log=_err)
    except (ToolMissing, RuntimeError, OSError) as exc:
        _err(f"error: {exc}")
        return 1
    _err(f"done in {time.perf_counter() - started:.1f} s")
    return 0


def _err(msg: str) -> None:
    print(msg, file=sys.stderr)


if __name__ == "__main__":
    sys.exit(main())
