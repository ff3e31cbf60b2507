"""Draw the ``Posts`` sheet of an export of the bundled specs as a PNG, for the README.

usage: python scripts/screenshot_posts_sheet.py [--out docs/export-posts-sheet.png] [--dpi 110]

Exports ``specs/*.yaml`` (what ``make demo`` parses from ``examples/``) as ``jobspec export`` does,
keeps the ``Posts`` sheet, has LibreOffice print it headless (``soffice --headless --convert-to
pdf``, with a throwaway profile) and turns the first page into a PNG with ``pdftoppm``. The page is
set up by the workbook itself (landscape, the header on every page) and printed at full size, so
the picture is the left part of the sheet as a spreadsheet window shows it. Where LibreOffice or pdftoppm is missing it says so and
exits 0 without drawing anything.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT / "src") not in sys.path:
    sys.path.insert(0, str(ROOT / "src"))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=ROOT / "docs" / "export-posts-sheet.png")
    ap.add_argument("--dpi", type=int, default=120)
    args = ap.parse_args(argv)

    from jobspec.export import find_posts, load_posts, spec_sheets
    from jobspec.readers.office_convert import find_soffice
    from jobspec.sheets import write_xlsx

    soffice, pdftoppm = find_soffice(), shutil.which("pdftoppm")
    if soffice is None or pdftoppm is None:
        missing = "LibreOffice (apt-get install libreoffice-calc-nogui)" if soffice is None else \
            "pdftoppm (apt-get install poppler-utils)"
        print(f"skipped: {missing} is not installed, so the Posts sheet was not drawn", file=sys.stderr)
        return 0
    files, _missing = find_posts([ROOT / "specs"])
    files = [f for f in files if f.suffix == ".yaml"]
    posts = load_posts(files)
    for p in posts:  # the README shows the command run in the checkout: paths as it prints them
        p.path = p.path.relative_to(ROOT)
    with tempfile.TemporaryDirectory(prefix="jobspec-shot-") as tmp:
        work = Path(tmp)
        book = work / "posts.xlsx"
        sheet = spec_sheets(posts)[0]
        sheet.print_scale = 45  # the first page: the columns a spreadsheet window shows first
        write_xlsx([sheet], book)
        profile = (work / "profile").as_uri()
        subprocess.run([soffice, f"-env:UserInstallation={profile}", "--headless", "--norestore",
                        "--convert-to", "pdf", "--outdir", str(work), str(book)],
                       check=True, capture_output=True, timeout=180, env={"HOME": str(work), "PATH": "/usr/bin:/bin"})
        subprocess.run([pdftoppm, "-png", "-r", str(args.dpi), "-f", "1", "-l", "1", "-singlefile",
                        str(work / "posts.pdf"), str(work / "posts")], check=True, timeout=60)
        args.out.parent.mkdir(parents=True, exist_ok=True)
        _trim(work / "posts.png", args.out)
    print(f"wrote {args.out.relative_to(ROOT) if args.out.is_relative_to(ROOT) else args.out}")
    return 0


def _trim(src: Path, dst: Path) -> None:
    """Copy the PNG without the page's empty margins (with Pillow when it is installed)."""
    try:
        from PIL import Image, ImageChops
    except ImportError:
        shutil.copyfile(src, dst)
        return
    im = Image.open(src).convert("RGB")
    box = ImageChops.difference(im, Image.new("RGB", im.size, "white")).getbbox()
    if box:
        pad = 12
        im = im.crop((max(box[0] - pad, 0), max(box[1] - pad, 0), min(box[2] + pad, im.width),
                      min(box[3] + pad, im.height)))
    im.save(dst, optimize=True)


if __name__ == "__main__":
    sys.exit(main())
