"""Conversion and OCR: the time they take per page, and how close what jobspec reads from a converted
file or a scan comes to what it reads from the original.

usage: python scripts/bench_formats.py [--corpus DIR] [--repeats 3] [--dpi 200 300] [--out FILE]

The sources are the examples' Word files (and, with ``--corpus``, the development corpus's Word files
and PDFs that have gold annotations, read in place). Each Word file is saved by LibreOffice as .doc,
.rtf and .odt; each PDF (for a Word file, LibreOffice's PDF of it) is rasterised by ``pdftoppm`` at
each ``--dpi`` and wrapped, image only, in a PDF: a scan. Then ``jobspec.parse_document`` reads each
one (timed: the median of ``--repeats`` runs for conversions, one run for OCR) and its spec is
compared with the original's: conversions item for item (duties with their sections; criteria with
level, category and assessment), scans by the duties and criteria found at least 90% alike. With
``--corpus`` the corpus specs are also scored against the gold by ``tools/score.py`` beside it.
Corpus figures are totals only, so no corpus document is named. Pages are those of the PDF.
Not part of ``make test``: ``make bench-formats`` runs it and writes BENCHMARKS-formats.md.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from rapidfuzz import fuzz

from jobspec.api import parse_document
from jobspec.readers.office_convert import find_soffice, libreoffice_version
from jobspec.spec.yamlio import spec_to_yaml

ROOT = Path(__file__).resolve().parents[1]
FORMATS = ("doc", "rtf", "odt")


def soffice_convert(soffice: str, files: list[Path], fmt: str, out: Path, home: Path) -> None:
    subprocess.run([soffice, f"-env:UserInstallation={(home / 'profile').as_uri()}", "--headless", "--convert-to", fmt,
                    "--outdir", str(out), *map(str, files)], check=True, capture_output=True, timeout=1800,
                   env={**os.environ, "HOME": str(home)})


def pages_of(pdf: Path) -> int:
    import pypdfium2

    doc = pypdfium2.PdfDocument(str(pdf))
    try:
        return len(doc)
    finally:
        doc.close()


def scan_of(pdf: Path, dpi: int, out: Path) -> Path:
    """``pdf`` rasterised at ``dpi`` and wrapped, image only, in a PDF."""
    from PIL import Image

    tmp = Path(tempfile.mkdtemp(dir=out))
    subprocess.run(["pdftoppm", "-r", str(dpi), "-gray", "-png", str(pdf), str(tmp / "p")], check=True, timeout=600)
    images = [Image.open(p) for p in sorted(tmp.glob("p-*.png"))]
    target = out / f"{pdf.stem}.{dpi}dpi.pdf"
    images[0].save(target, save_all=True, append_images=images[1:], resolution=dpi)
    shutil.rmtree(tmp)
    return target


def _cpu() -> float:
    """CPU seconds of this process and of the children it has waited for (LibreOffice, OCRmyPDF)."""
    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def timed(fn, repeats: int) -> tuple[float, float, object]:
    """(median wall seconds, median CPU seconds, the last result) of ``repeats`` calls of ``fn``."""
    walls, cpus, result = [], [], None
    for _ in range(repeats):
        t, c = time.perf_counter(), _cpu()
        result = fn()
        walls.append(time.perf_counter() - t)
        cpus.append(_cpu() - c)
    return statistics.median(walls), statistics.median(cpus), result


def same_items(a: dict, b: dict) -> tuple[int, int, int, int, bool]:
    """(duties of ``a`` found identically in ``b``, of how many; the same for criteria; post identical)."""
    def duty(d):
        return d["section"], d["text"]

    def crit(c):
        return c["category"], c["level"], c["text"], tuple(c["assessed_by"])

    bd, bc = [duty(d) for d in b["duties"]], [crit(c) for c in b["criteria"]]
    nd = sum(1 for d in a["duties"] if duty(d) in bd)
    nc = sum(1 for c in a["criteria"] if crit(c) in bc)
    return nd, len(a["duties"]), nc, len(a["criteria"]), a["post"] == b["post"]


def alike(a: dict, b: dict) -> tuple[int, int, int, int, bool]:
    """As :func:`same_items`, but items count when at least 90% alike (rapidfuzz ratio), one to one."""
    def found(expected: list[str], got: list[str]) -> int:
        left, n = list(got), 0
        for text in expected:
            best = max(left, key=lambda g: fuzz.ratio(text, g), default=None)
            if best is not None and fuzz.ratio(text, best) >= 90:
                left.remove(best)
                n += 1
        return n

    keys = ("title", "organisation", "grade", "reports_to")
    return (found([d["text"] for d in a["duties"]], [d["text"] for d in b["duties"]]), len(a["duties"]),
            found([c["text"] for c in a["criteria"]], [c["text"] for c in b["criteria"]]), len(a["criteria"]),
            all(a["post"][k] == b["post"][k] for k in keys))


def _row(what: str, pages: float, wall: float, cpu: float, m: tuple | list, post: str) -> str:
    return (f"| {what} | {pages:.0f} | {wall:.2f} s | {wall / pages:.2f} s | {cpu / pages:.2f} s | {m[0]}/{m[1]} | "
            f"{m[2]}/{m[3]} | {post} |")


def gold_scores(score_py: Path, gold: Path, specs: dict[str, dict], out: Path) -> dict:
    """score.py's summary for ``specs`` against the gold of those documents only."""
    golds = out / "gold"
    golds.mkdir(parents=True)
    for stem, spec in specs.items():
        (out / f"{stem}.yaml").write_text(spec_to_yaml(spec, "bench"), encoding="utf-8")
        shutil.copyfile(gold / f"{stem}.gold.yaml", golds / f"{stem}.gold.yaml")
    res = subprocess.run([sys.executable, str(score_py), str(golds), str(out), "--json"], check=True,
                         capture_output=True, text=True, timeout=600)
    return json.loads(res.stdout)["summary"]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, help="the development corpus (with gold/ and real/)")
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--dpi", type=int, nargs="+", default=[200, 300])
    ap.add_argument("--out", type=Path, help="write the report here too")
    args = ap.parse_args()
    soffice = find_soffice()
    if soffice is None or shutil.which("pdftoppm") is None:
        print("needs LibreOffice (soffice) and pdftoppm", file=sys.stderr)
        return 2
    work = Path(tempfile.mkdtemp(prefix="bench-formats-"))
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # so that the work folder is removed
    try:
        report = run(args, soffice, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(report)
    if args.out:
        args.out.write_text(report, encoding="utf-8")
    return 0


def run(args: argparse.Namespace, soffice: str, work: Path) -> str:
    """Every measurement; returns the report."""
    home = work / "home"
    home.mkdir()
    # groups: name -> (word files, PDFs, gold dir or None); the corpus groups are reported as totals
    groups: dict[str, tuple[list[Path], list[Path], Path | None]] = {"examples": (sorted((ROOT / "examples").glob("*.docx")), [], None)}
    if args.corpus:
        for label, gold, docx_dir, pdf_dir in (("corpus", args.corpus / "gold", args.corpus / "docx", args.corpus / "pdf"),
                                               ("corpus (real)", args.corpus / "real" / "gold", args.corpus / "real" / "docs",
                                                args.corpus / "real" / "docs")):
            stems = {p.name[: -len(".gold.yaml")] for p in gold.glob("*.gold.yaml")}
            groups[label] = (sorted(p for p in docx_dir.glob("*.docx") if p.stem in stems),
                             sorted(p for p in pdf_dir.glob("*.pdf") if p.stem in stems), gold)
    load_before = os.getloadavg()[0]
    rows: list[str] = []
    scan_rows: list[str] = []
    gold_rows: list[str] = []
    parse_document(ROOT / "examples" / "hillside-school-office-manager.txt")  # imports
    for label, (words, pdfs, gold) in groups.items():
        d = work / "".join(ch if ch.isalnum() else "-" for ch in label)
        for fmt in (*FORMATS, "pdf"):
            if words:
                soffice_convert(soffice, words, fmt, d / fmt, home)
        pdf_of = {p.stem: d / "pdf" / f"{p.stem}.pdf" for p in words} | {p.stem: p for p in pdfs}
        pages = {stem: pages_of(p) for stem, p in pdf_of.items()}
        originals = {p.stem: parse_document(p).to_dict() for p in words}
        originals |= {p.stem: parse_document(p).to_dict() for p in pdfs if p.stem not in originals}
        repeats = args.repeats if label == "examples" else 1
        specs_by_variant: dict[str, dict[str, dict]] = {"original": originals}
        for fmt in ("docx", *FORMATS):
            total_t = total_c = total_pages = 0.0
            match = [0, 0, 0, 0, 0]
            specs = {}
            for w in words:
                src = w if fmt == "docx" else d / fmt / f"{w.stem}.{fmt}"
                t, c, spec = timed(lambda src=src: parse_document(src), repeats)
                specs[w.stem] = spec.to_dict()
                total_t, total_c, total_pages = total_t + t, total_c + c, total_pages + pages[w.stem]
                m = same_items(originals[w.stem], specs[w.stem])
                match = [x + y for x, y in zip(match, (*m[:4], int(m[4])), strict=True)]
                if label == "examples" and fmt != "docx":
                    rows.append(_row(f"{w.name} → .{fmt}", pages[w.stem], t, c, m[:4], "yes" if m[4] else "no"))
            specs_by_variant[fmt] = specs
            if words and (label != "examples" or fmt == "docx"):
                rows.append(_row(f"{label}: {len(words)} files, .{fmt}", total_pages, total_t, total_c, match[:4],
                                 f"{match[4]}/{len(words)}"))
        for dpi in args.dpi:
            total_t = total_c = total_pages = 0.0
            match = [0, 0, 0, 0, 0]
            specs = {}
            for stem, pdf in pdf_of.items():
                scan = scan_of(pdf, dpi, d)
                t, c, spec = timed(lambda scan=scan: parse_document(scan, ocr=True, tool_timeout=None), 1)
                specs[stem] = spec.to_dict()
                m = alike(originals[stem], specs[stem])
                total_t, total_c, total_pages = total_t + t, total_c + c, total_pages + pages[stem]
                match = [x + y for x, y in zip(match, (*m[:4], int(m[4])), strict=True)]
                if label == "examples":
                    scan_rows.append(_row(f"{stem} at {dpi} dpi", pages[stem], t, c, m[:4], "yes" if m[4] else "no"))
            specs_by_variant[f"scan {dpi} dpi"] = specs
            if label != "examples":
                scan_rows.append(_row(f"{label}: {len(pdf_of)} files at {dpi} dpi", total_pages, total_t, total_c,
                                      match[:4], f"{match[4]}/{len(pdf_of)}"))
        score_py = args.corpus.parent / "tools" / "score.py" if args.corpus else None
        if gold is not None and score_py is not None and score_py.is_file():
            for variant, specs in specs_by_variant.items():
                if variant == "original" or not specs:
                    continue
                s = gold_scores(score_py, gold, specs, d / "scored" / variant.replace(" ", "-"))
                gold_rows.append(f"| {label}: {variant} ({len(specs)} files) | {s['duties_f1']:.3f} | "
                                 f"{s['criteria_f1']:.3f} | {s['level_acc']:.3f} | {s['purpose_f1']:.3f} |")
    report = "\n".join([
        "# Conversion and OCR benchmarks",
        "",
        "Written by `make bench-formats` (`scripts/bench_formats.py`); run it again rather than edit.",
        "",
        f"- Date: {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}; {platform.platform()}; "
        f"{os.cpu_count()} cores; load average (1 min) before / after: {load_before:.2f} / {os.getloadavg()[0]:.2f} "
        "(other work on the machine shows in the times)",
        f"- {libreoffice_version(soffice, home)}; OCR: {_ocr_version(home)}",
        "",
        "## LibreOffice conversion (.doc, .rtf, .odt)",
        "",
        "Time per file is `jobspec.parse_document` on the file (conversion to DOCX in a fresh profile, then",
        "the DOCX reader and the extractors), the median of the runs; CPU is that of jobspec and of the",
        "programs it ran (steadier than wall time on a shared machine); the .docx rows are the originals,",
        "read directly, for comparison. Duties and criteria count those identical to the original's.",
        "",
        "| file | pages | time | per page | CPU per page | duties | criteria | post identical |",
        "|---|---|---|---|---|---|---|---|",
        *rows,
        "",
        "## OCR of scans (`--ocr`)",
        "",
        "Each page rasterised at the dpi shown, wrapped in a PDF and read with `--ocr` (OCRmyPDF with",
        "Tesseract, one page at a time, then the PDF reader). Duties and criteria count those found at least",
        "90% alike; the post counts when title, organisation, grade and reports-to are identical.",
        "",
        "| scan | pages | time | per page | CPU per page | duties | criteria | post identical |",
        "|---|---|---|---|---|---|---|---|",
        *scan_rows,
    ])
    if gold_rows:
        report += "\n".join(["", "", "## Against the gold (`tools/score.py`)", "",
                             "| specs | duties F1 | criteria F1 | level accuracy | purpose F1 |", "|---|---|---|---|---|",
                             *gold_rows])
    return report + "\n"


def _ocr_version(work: Path) -> str:
    from jobspec.readers.pdf_ocr import ocr_version

    return ocr_version(work)


if __name__ == "__main__":
    sys.exit(main())
