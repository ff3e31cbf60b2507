"""Legacy Word (.doc), RTF, OpenDocument (.odt) and macro-enabled or template Word files (.docm, .dotx):
converted to DOCX by LibreOffice, then read by the DOCX reader.

Each conversion runs ``soffice --headless --convert-to docx`` on a copy of the file in a temporary
folder, with a throwaway LibreOffice profile that turns macros off and never updates links or loads
linked images, a private $HOME and $TMPDIR, no network (see :mod:`jobspec.readers.external`) and a
timeout. The folder, profile included, is removed whatever happens.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from jobspec.document import Document
from jobspec.errors import InputError
from jobspec.readers.external import ToolTimeout, private_env, run_for, run_tool

INSTALL = "apt-get install libreoffice-writer-nogui"
_MAC_SOFFICE = "/Applications/LibreOffice.app/Contents/MacOS/soffice"

# registrymodifications.xcu of the throwaway profile: macros never run (highest security level, and
# execution disabled), links in Writer documents are never updated, linked images are not loaded.
_PROFILE_SETTINGS = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" \
xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Common/Security/Scripting"><prop oor:name="MacroSecurityLevel" \
oor:op="fuse"><value>3</value></prop></item>
<item oor:path="/org.openoffice.Office.Common/Security/Scripting"><prop oor:name="DisableMacrosExecution" \
oor:op="fuse"><value>true</value></prop></item>
<item oor:path="/org.openoffice.Office.Common/Security/Scripting"><prop oor:name="BlockUntrustedRefererLinks" \
oor:op="fuse"><value>true</value></prop></item>
<item oor:path="/org.openoffice.Office.Writer/Content/Update"><prop oor:name="Link" oor:op="fuse">\
<value>2</value></prop></item>
<item oor:path="/org.openoffice.Office.Common/Misc"><prop oor:name="FirstRun" oor:op="fuse">\
<value>false</value></prop></item>
</oor:items>
"""
_OPTIONS = ["--headless", "--invisible", "--nologo", "--nodefault", "--nolockcheck", "--norestore"]


def find_soffice() -> str | None:
    """The LibreOffice program on PATH (``soffice`` or ``libreoffice``), or None."""
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    return _MAC_SOFFICE if Path(_MAC_SOFFICE).is_file() else None


def missing_reason(suffix: str) -> str:
    """What a user is told when LibreOffice is not installed."""
    return f"reading {suffix} files needs LibreOffice: {INSTALL}, or save it as .docx"


def read_converted(path: Path, *, timeout: float | None) -> Document:
    """Convert ``path`` to DOCX with LibreOffice and read that; raises :class:`InputError`."""
    from jobspec.readers.docx_reader import read_docx

    soffice = find_soffice()
    if soffice is None:
        raise InputError(path, missing_reason(path.suffix.lower()))
    with tempfile.TemporaryDirectory(prefix="jobspec-convert-", ignore_cleanup_errors=True) as tmp:
        work = Path(tmp)
        docx = convert_to_docx(path, work, soffice, timeout)
        try:
            doc = read_docx(docx)
        except InputError as exc:
            raise InputError(path, f"{exc.reason} (in the DOCX that LibreOffice made of it)") from None
        doc.info["converted_by"] = libreoffice_version(soffice, work)
    return doc


def convert_to_docx(path: Path, work: Path, soffice: str, timeout: float | None) -> Path:
    """Convert a copy of ``path`` inside ``work`` (LibreOffice's lock file and output stay there)."""
    src = work / f"source{path.suffix.lower()}"
    try:
        shutil.copyfile(path, src)
    except OSError as exc:
        raise InputError(path, f"cannot read file: {exc.strerror or exc}") from None
    profile = work / "profile"
    (profile / "user").mkdir(parents=True)
    (profile / "user" / "registrymodifications.xcu").write_text(_PROFILE_SETTINGS, encoding="utf-8")
    out = work / "out"
    argv = [soffice, f"-env:UserInstallation={profile.as_uri()}", *_OPTIONS,
            "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(out), str(src)]
    res = run_for(path, argv, program="LibreOffice", task="to convert it", timeout=timeout, work=work,
                  SAL_USE_VCLPLUGIN="svp")
    result = out / "source.docx"
    if not result.is_file() or result.stat().st_size == 0:
        raise InputError(path, f"LibreOffice could not convert it ({res.last_line()}): damaged, "
                               "password-protected or not really a document of this type?")
    return result


def libreoffice_version(soffice: str, work: Path) -> str:
    """``LibreOffice 7.4.7.2`` (as ``soffice --version`` says, asked once per process), or ``LibreOffice``."""
    if soffice not in _VERSIONS:
        try:
            words = run_tool([soffice, "--version"], timeout=30, env=private_env(work), cwd=work).stdout.split()
        except (ToolTimeout, OSError):
            words = []
        _VERSIONS[soffice] = " ".join(words[:2]) if len(words) >= 2 and words[0] == "LibreOffice" else "LibreOffice"
    return _VERSIONS[soffice]


_VERSIONS: dict[str, str] = {}
