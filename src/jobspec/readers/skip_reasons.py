"""Why a file found in a folder is not read: the words a folder summary shows ("skipped: spreadsheet")."""

from __future__ import annotations

from pathlib import Path

_KINDS = {
    "spreadsheet": (".xls", ".xlsx", ".xlsm", ".xlsb", ".xlt", ".xltx", ".ods", ".csv", ".tsv", ".numbers"),
    "image": (".png", ".jpg", ".jpeg", ".gif", ".bmp", ".tif", ".tiff", ".webp", ".heic", ".heif", ".svg",
              ".emf", ".wmf", ".ico"),
    "presentation": (".ppt", ".pptx", ".pptm", ".pps", ".ppsx", ".odp", ".key"),
    "archive": (".zip", ".7z", ".rar", ".tar", ".gz", ".tgz", ".bz2", ".xz"),
    "email": (".msg", ".eml"),
    "web archive (save the page as .html)": (".mht", ".mhtml", ".webarchive"),
    "spec or data file": (".yaml", ".yml", ".json", ".xml"),
    "audio or video": (".mp3", ".m4a", ".wav", ".mp4", ".mov", ".avi", ".wmv", ".webm"),
    "publication (export it as PDF)": (".pub", ".pages", ".xps", ".oxps", ".epub"),
}
_BY_SUFFIX = {suffix: kind for kind, suffixes in _KINDS.items() for suffix in suffixes}


def skip_reason(path: Path) -> str:
    """``spreadsheet``, ``image``, ``hidden file``, ... for a file or folder passed over in a folder."""
    from jobspec.files import jobspec_report, saved_page_folder

    name = path.name
    if path.is_dir():
        if saved_page_folder(path):
            return "a saved web page's images and scripts"
        return "hidden folder" if name.startswith(".") else "software folder"
    if jobspec_report(path):
        return "a report jobspec wrote"
    if name.startswith("~$"):
        return "Office lock file (the document is open in Word)"
    if name.startswith("."):
        return "hidden file"
    suffix = path.suffix.lower()
    if not suffix:
        return "no file extension: not a document jobspec reads"
    return _BY_SUFFIX.get(suffix, f"not a document jobspec reads ({suffix})")
