"""The extract layer's limits live in one settings object; its wording is data checked by a schema."""

from __future__ import annotations

import ast
import dataclasses
from pathlib import Path

import pytest
import yaml

from jobspec.document import Document, ListItem, Paragraph
from jobspec.extract.pipeline import extract
from jobspec.extract.settings import DEFAULT_SETTINGS, ExtractSettings, setting_names
from jobspec.extract.wording import WORDING_FILE, load_wording, wording_schema
from jobspec.spec.model import Source

EXTRACT = Path(__file__).resolve().parent.parent / "src" / "jobspec" / "extract"
ALLOWED = {0, 1, 2, -1}


def _exempt(node: ast.AST, parents: dict[ast.AST, ast.AST]) -> bool:
    """Regex group numbers and cache sizes are not limits."""
    parent = parents.get(node)
    if isinstance(parent, ast.keyword) and parent.arg == "maxsize":
        return True
    return isinstance(parent, ast.Call) and isinstance(parent.func, ast.Attribute) and parent.func.attr == "group"


def test_no_limit_is_written_outside_the_settings() -> None:
    found = []
    for f in sorted(EXTRACT.rglob("*.py")):
        if f.name == "settings.py":
            continue
        src = f.read_text(encoding="utf-8")
        tree = ast.parse(src)
        parents = {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}
        lines = src.splitlines()
        for node in ast.walk(tree):
            if (isinstance(node, ast.Constant) and type(node.value) in (int, float) and node.value not in ALLOWED
                    and not _exempt(node, parents) and "not a limit" not in lines[node.lineno - 1]):
                found.append(f"{f.relative_to(EXTRACT)}:{node.lineno}: {node.value}")
    assert found == [], "numbers that belong in ExtractSettings: " + ", ".join(found)


def test_settings_are_frozen_documented_and_strict() -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        DEFAULT_SETTINGS.heading_max_words = 3  # type: ignore[misc]
    with pytest.raises(TypeError):
        ExtractSettings(no_such_limit=3)  # type: ignore[call-arg]
    src = (EXTRACT / "settings.py").read_text(encoding="utf-8")
    for name in setting_names():
        i = src.index(f"    {name}:")
        assert src[:i].rstrip().splitlines()[-1].strip().startswith("#:"), f"{name} has no comment"


def test_a_setting_changes_what_the_rules_decide() -> None:
    doc = Document(blocks=[Paragraph("Working With Parents And Carers At Home"), ListItem("Share news with parents")])
    src = Source("x.docx", "docx", "0" * 64)
    default = extract(doc, src, trace=True)  # seven words: a Title Case heading (the limit is 7)
    stricter = extract(doc, src, settings=ExtractSettings(title_case_heading_max_words=6), trace=True)
    assert (default.trace[0].kind, default.trace[0].made_by) == ("heading", "H05")
    assert (stricter.trace[0].kind, stricter.trace[0].made_by) == ("para", "B01")


def test_the_shipped_wording_follows_its_schema() -> None:
    from importlib import resources

    from jsonschema import Draft202012Validator

    data = yaml.safe_load(resources.files("jobspec").joinpath(WORDING_FILE).read_text(encoding="utf-8"))
    errors = list(Draft202012Validator(wording_schema()).iter_errors(data))
    assert errors == []
    w = load_wording()
    assert w.section_kind("Main Duties and Responsibilities") == "duties"
    assert w.section_kind("Job description and person specification") == "unknown"
    assert w.category_of("Qualifications and Experience") == "qualifications"
    assert w.field_of("Responsible to", 50) == "reports_to"
    assert w.methods_in("A / I") == ["application_form", "interview"]


def test_the_wording_holds_no_single_document_terms() -> None:
    text = yaml.safe_dump(yaml.safe_load((EXTRACT.parent / WORDING_FILE).read_text(encoding="utf-8"))).lower()
    for term in ("communication and", "external interests", "smoke", "information governance", "department for",
                 "principal", "the role will", "heo", "seo"):
        assert term not in text, term
