""".doc, .rtf, .odt, .docm and .dotx: read through LibreOffice's conversion to DOCX.

The fixtures are the examples, converted by LibreOffice in the test (skipped, saying so, when
``soffice`` is absent; under CI, where ``make test`` installs it, they fail instead). A fake
``soffice`` on PATH checks what the real one cannot show: the throwaway profile, the timeout
and the clean-up.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import time
import zipfile
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from conftest import need_soffice
from jobspec.api import parse_document
from jobspec.cli.app import app
from jobspec.errors import InputError
from jobspec.lint import lint_paths
from jobspec.readers import read_document
from jobspec.readers.external import offline_prefix
from jobspec.spec.schema import validation_errors

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ["oakfield-primary-teaching-assistant", "riverside-academy-learning-mentor"]
runner = CliRunner()
MAIN_TYPE = b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
OTHER_TYPES = {".dotx": b"application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
               ".docm": b"application/vnd.ms-word.document.macroEnabled.main+xml"}


def _with_main_type(src: Path, dst: Path) -> Path:
    """A copy of a .docx whose main part is declared a template (.dotx) or macro-enabled (.docm)."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "[Content_Types].xml":
                assert MAIN_TYPE in data
                data = data.replace(MAIN_TYPE, OTHER_TYPES[dst.suffix])
            zout.writestr(item, data)
    return dst


@pytest.fixture(scope="module")
def converted(tmp_path_factory) -> Path:
    """The example .docx files as LibreOffice saves them in .doc, .rtf and .odt, plus .docm/.dotx copies."""
    soffice = need_soffice()
    d = tmp_path_factory.mktemp("converted")
    home = tmp_path_factory.mktemp("home")
    profile = home / "profile"
    for fmt in ("doc", "rtf", "odt"):
        subprocess.run([soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to", fmt,
                        "--outdir", str(d), *(str(ROOT / "examples" / f"{n}.docx") for n in EXAMPLES)],
                       check=True, capture_output=True, timeout=180, env={**os.environ, "HOME": str(home)})
    for suffix in OTHER_TYPES:
        _with_main_type(ROOT / "examples" / f"{EXAMPLES[0]}.docx", d / f"{EXAMPLES[0]}{suffix}")
    return d


def _items(spec: dict) -> dict:
    """What must survive a conversion: the post, the purpose, every duty and criterion as extracted."""
    return {
        "post": spec["post"], "purpose": spec["purpose"],
        "duties": [(d["section"], d["text"], d["tags"]) for d in spec["duties"]],
        "criteria": [(c["category"], c["category_label"], c["level"], c["text"], c["assessed_by"], c["tags"])
                     for c in spec["criteria"]],
        "statements": spec["statements"],
    }


@pytest.fixture(scope="module")
def parsed(converted, tmp_path_factory) -> tuple[Path, object]:
    """``jobspec parse`` of the folder of converted examples, two workers, no network in this process."""
    import socket

    out = tmp_path_factory.mktemp("specs")
    with pytest.MonkeyPatch.context() as mp:
        for target, name in ((socket.socket, "connect"), (socket, "create_connection"), (socket, "getaddrinfo")):
            mp.setattr(target, name, _refuse)
        res = runner.invoke(app, ["parse", str(converted), "-o", str(out), "--jobs", "2"], env={"COLUMNS": "200"})
    return out, res


def _refuse(*a, **k):
    raise AssertionError("network access attempted")


CASES = [(n, s) for n in EXAMPLES for s in (".doc", ".rtf", ".odt")] + [(EXAMPLES[0], ".docm"), (EXAMPLES[0], ".dotx")]


def test_parse_a_folder_of_converted_files_end_to_end(parsed, converted):
    out, res = parsed
    assert res.exit_code == 0, res.stderr
    assert res.stdout == ""
    assert res.stderr.splitlines()[-1] == f"parsed 8 of 8 files into {out}: 0 failed, 0 skipped"
    assert sorted(p.name for p in out.iterdir()) == sorted(f"{n}{s}.yaml" for n, s in CASES)
    assert sorted(p.name for p in converted.iterdir()) == sorted(f"{n}{s}" for n, s in CASES)  # nothing left beside
    assert lint_paths([out]) == []  # lint sees a converted source as the schema does


@pytest.mark.parametrize(("name", "suffix"), CASES)
def test_converted_example_gives_the_same_spec_as_the_original(parsed, converted, name, suffix):
    original = parse_document(ROOT / "examples" / f"{name}.docx").to_dict()
    spec = yaml.safe_load((parsed[0] / f"{name}{suffix}.yaml").read_text(encoding="utf-8"))
    assert _items(spec) == _items(original)
    assert len(spec["duties"]) >= 13 and len(spec["criteria"]) >= 15
    src = converted / f"{name}{suffix}"
    assert spec["source"]["path"] == f"../{converted.name}/{name}{suffix}"
    assert spec["source"]["format"] == suffix[1:]
    assert spec["source"]["converted_by"].startswith("LibreOffice ")
    assert spec["source"]["sha256"] == hashlib.sha256(src.read_bytes()).hexdigest()
    assert spec["warnings"] == original["warnings"]
    assert validation_errors(spec) == []


def test_compare_reads_converted_documents_too(converted):
    res = runner.invoke(app, ["compare", str(converted / f"{EXAMPLES[0]}.odt"),
                              str(ROOT / "examples" / f"{EXAMPLES[0]}.docx"), "--format", "json"])
    assert res.exit_code == 0, res.stderr
    report = yaml.safe_load(res.stdout)
    assert report["duties"]["only_a"] == [] and report["duties"]["only_b"] == []
    assert len(report["duties"]["matched"]) == 18


# --- without LibreOffice, and what the conversion is given (a fake soffice) -------------------


def test_without_libreoffice_each_file_says_what_to_install(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    monkeypatch.setattr("jobspec.readers.office_convert._MAC_SOFFICE", str(tmp_path / "no-such-soffice"))
    src = tmp_path / "packs"
    src.mkdir()
    (src / "old-caretaker.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504)
    (src / "notes.rtf").write_text("{\\rtf1 Main duties}")
    shutil.copy(ROOT / "examples" / "hillside-school-office-manager.txt", src)
    res = runner.invoke(app, ["parse", str(src), "-o", str(tmp_path / "out"), "--jobs", "1"], env={"COLUMNS": "200"})
    assert res.exit_code == 1
    errors = [ln for ln in res.stderr.splitlines() if ln.startswith("error: ")]
    assert errors == [
        f"error: {src / 'notes.rtf'}: reading .rtf files needs LibreOffice: apt-get install "
        "libreoffice-writer-nogui, or save it as .docx",
        f"error: {src / 'old-caretaker.doc'}: reading .doc files needs LibreOffice: apt-get install "
        "libreoffice-writer-nogui, or save it as .docx",
    ]
    assert res.stderr.splitlines()[-1] == f"parsed 1 of 3 files into {tmp_path / 'out'}: 2 failed, 0 skipped"
    assert "Traceback" not in res.stderr


FAKE = """#!/bin/sh
# a stand-in for soffice: records what it was given, then behaves as $FAKE_MODE says
out="$FAKE_LOG"
for a in "$@"; do echo "arg:$a" >> "$out"; done
echo "home:$HOME" >> "$out"
echo "tmpdir:$TMPDIR" >> "$out"
echo "net:$(tail -n +3 /proc/net/dev | cut -d: -f1 | tr -d ' ' | tr '\\n' ' ')" >> "$out"
case "$1" in --version) echo "LibreOffice 9.9.9.9 fake"; exit 0;; esac
profile=$(echo "$1" | sed 's|^-env:UserInstallation=file://||')
cp "$profile/user/registrymodifications.xcu" "$FAKE_LOG.xcu"
case "$FAKE_MODE" in
hang) sleep 300 & echo "child:$!" >> "$out"; echo "self:$$" >> "$out"; wait;;
fail) echo "Error: source file could not be loaded" >&2; exit 0;;
esac
"""


@pytest.fixture
def fake_soffice(tmp_path, monkeypatch):
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    exe = bin_dir / "soffice"
    exe.write_text(FAKE)
    exe.chmod(0o755)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}/usr/bin{os.pathsep}/bin")
    monkeypatch.setenv("FAKE_LOG", str(tmp_path / "log"))
    temp = tmp_path / "temp"
    temp.mkdir()
    monkeypatch.setattr("tempfile.tempdir", str(temp))
    doc = tmp_path / "old-caretaker.doc"
    doc.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504)
    return doc, tmp_path / "log", temp


def _log(path: Path) -> list[tuple[str, str]]:
    return [tuple(ln.split(":", 1)) for ln in path.read_text().splitlines()]


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state != "Z"


def test_a_hanging_conversion_is_killed_at_the_timeout_and_reported(fake_soffice, monkeypatch):
    doc, log, temp = fake_soffice
    monkeypatch.setenv("FAKE_MODE", "hang")
    t0 = time.monotonic()
    with pytest.raises(InputError) as e:
        read_document(doc, tool_timeout=1)
    assert time.monotonic() - t0 < 10
    assert e.value.path == doc
    assert e.value.reason == "LibreOffice took longer than 1 s to convert it, stopped (see --timeout)"
    pids = [int(v) for k, v in _log(log) if k in ("child", "self")]
    assert len(pids) == 2 and not any(_alive(p) for p in pids)  # soffice and what it started are gone
    assert list(temp.iterdir()) == []  # the profile, the copy and the output are removed


def test_a_hanging_conversion_is_stopped_by_parse_timeout(fake_soffice, monkeypatch):
    doc, log, temp = fake_soffice
    monkeypatch.setenv("FAKE_MODE", "hang")
    res = runner.invoke(app, ["parse", str(doc), "--timeout", "1"])
    assert res.exit_code == 1 and res.stdout == ""
    [line] = [ln for ln in res.stderr.splitlines() if ln.startswith("error: ")]
    assert line.startswith(f"error: {doc}: ") and line.endswith("(see --timeout)")
    assert not any(_alive(int(v)) for k, v in _log(log) if k in ("child", "self"))
    assert list(temp.iterdir()) == []


def test_a_failed_conversion_says_so(fake_soffice, monkeypatch):
    doc, _log_path, temp = fake_soffice
    monkeypatch.setenv("FAKE_MODE", "fail")
    with pytest.raises(InputError) as e:
        read_document(doc)
    assert e.value.reason == ("LibreOffice could not convert it (Error: source file could not be loaded): "
                              "damaged, password-protected or not really a document of this type?")
    assert list(temp.iterdir()) == []


def test_conversion_runs_on_a_copy_with_a_throwaway_profile_macros_off_and_no_network(fake_soffice, monkeypatch):
    doc, log, temp = fake_soffice
    monkeypatch.setenv("FAKE_MODE", "fail")
    with pytest.raises(InputError):
        read_document(doc)
    entries = _log(log)
    args = [v for k, v in entries if k == "arg"]
    profile = args[0].removeprefix("-env:UserInstallation=file://")
    work = Path(profile).parent
    assert args[0].startswith("-env:UserInstallation=file://") and work.parent == temp
    assert args[1:] == ["--headless", "--invisible", "--nologo", "--nodefault", "--nolockcheck", "--norestore",
                        "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(work / "out"),
                        str(work / "source.doc")]
    assert dict(entries)["home"] == str(work / "home") and dict(entries)["tmpdir"] == str(work / "tmp")
    settings = Path(f"{log}.xcu").read_text()
    for prop, value in (("MacroSecurityLevel", "3"), ("DisableMacrosExecution", "true"),
                        ("BlockUntrustedRefererLinks", "true"), ("Link", "2")):
        assert f'oor:name="{prop}" oor:op="fuse"><value>{value}</value>' in settings
    if offline_prefix():  # where the system allows a private network namespace, only loopback is there
        assert dict(entries)["net"].split() == ["lo"]


def test_readme_lists_every_format_and_the_exact_messages_when_a_tool_is_missing():
    from jobspec.readers import SUFFIXES
    from jobspec.readers.office_convert import missing_reason
    from jobspec.readers.pdf_ocr import INSTALL_OCRMYPDF, INSTALL_TESSERACT
    from jobspec.readers.pdf_reader import NO_TEXT_LAYER

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("### Formats and what each needs"):readme.index("`jobspec schema` prints")]
    for suffix in SUFFIXES:
        assert f"`{suffix}`" in section, suffix
    assert f"error: packs/old-caretaker.doc: {missing_reason('.doc')}" in section
    assert f"error: packs/scan.pdf: {NO_TEXT_LAYER}" in section
    assert f"error: --ocr: reading scanned PDFs needs OCRmyPDF: {INSTALL_OCRMYPDF}" in section
    assert f"error: --ocr: reading scanned PDFs needs Tesseract OCR: {INSTALL_TESSERACT}" in section
