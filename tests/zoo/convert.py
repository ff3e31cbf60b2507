"""The real producers: LibreOffice (DOCX -> PDF, DOCX -> Word-style text) and headless Chromium
(HTML -> PDF). Each LibreOffice job converts a whole batch in one ``soffice`` call with a throwaway
profile; Chromium is started once (through Playwright) and prints every document."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

CHROMIUM_ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]
LO_TARGETS = {"pdf-lo": ("pdf", ".pdf"), "txt": ("txt:Text", ".txt")}


class ToolMissing(RuntimeError):
    """A producer (soffice, chromium, playwright) is not installed."""


def soffice() -> str:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if not found:
        raise ToolMissing("LibreOffice (soffice) is not installed (apt-get install libreoffice-writer-nogui)")
    return found


def chromium() -> str:
    found = shutil.which("chromium") or ("/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None)
    if not found:
        raise ToolMissing("Debian's chromium is not installed (apt-get install chromium)")
    return found


@dataclass
class LibreOfficeJob:
    """One running ``soffice --convert-to`` over a batch of DOCX files."""

    proc: subprocess.Popen
    profile: Path
    out_dir: Path
    expected: list[Path]

    def wait(self, timeout: float = 900) -> None:
        try:
            _, err = self.proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.communicate()
            raise RuntimeError(f"soffice did not finish converting into {self.out_dir} in {timeout:.0f} s") from None
        finally:
            shutil.rmtree(self.profile, ignore_errors=True)
        missing = [p.name for p in self.expected if not p.exists()]
        if self.proc.returncode or missing:
            detail = err.decode(errors="replace").strip().splitlines()[-1:] if err else []
            raise RuntimeError(f"soffice failed to write {len(missing)} file(s) into {self.out_dir} "
                               f"(exit {self.proc.returncode}){': ' + detail[0] if detail else ''}")


def libreoffice(docx_files: list[Path], out_dir: Path, fmt: str) -> LibreOfficeJob:
    """Start converting ``docx_files`` to ``fmt`` (pdf-lo | txt) in ``out_dir``; call ``wait()``."""
    if not docx_files:  # soffice with nothing to convert would wait for a user
        raise ValueError("no documents to convert")
    target, suffix = LO_TARGETS[fmt]
    out_dir.mkdir(parents=True, exist_ok=True)
    profile = Path(tempfile.mkdtemp(prefix="zoo-lo-profile-"))
    cmd = [soffice(), f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore", "--nologo",
           "--convert-to", target, "--outdir", str(out_dir), *map(str, docx_files)]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    return LibreOfficeJob(proc, profile, out_dir, [out_dir / (f.stem + suffix) for f in docx_files])


def chrome_pdfs(pages: list[tuple[str, str | None, Path]]) -> None:
    """Print each (html, header template or None, output path) to an A4 PDF in one Chromium."""
    executable = chromium()
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        raise ToolMissing("the playwright package is not installed (pip install -e '.[test]')") from None
    with tempfile.TemporaryDirectory(prefix="zoo-chromium-") as profile, sync_playwright() as p:
        ctx = p.chromium.launch_persistent_context(profile, executable_path=executable, args=CHROMIUM_ARGS,
                                                   headless=True)
        try:
            page = ctx.new_page()
            for html, header, out in pages:
                out.parent.mkdir(parents=True, exist_ok=True)
                page.set_content(html, wait_until="load")
                top = "3.2cm" if header else "2cm"
                page.pdf(path=str(out), format="A4", print_background=True,
                         margin={"top": top, "bottom": "2cm", "left": "2cm", "right": "2cm"},
                         display_header_footer=bool(header), header_template=header or "<span></span>",
                         footer_template="<span></span>")
        finally:
            ctx.close()
