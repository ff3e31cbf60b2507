"""The published schema, the packaged one, and every spec we write agree."""

from __future__ import annotations

import json
from pathlib import Path

import yaml

from jobspec.spec.schema import schema_text, validation_errors

ROOT = Path(__file__).resolve().parents[1]


def test_published_schema_is_the_packaged_schema():
    assert (ROOT / "schemas" / "jobspec.schema.json").read_text(encoding="utf-8") == schema_text()
    assert json.loads(schema_text())["$schema"] == "https://json-schema.org/draft/2020-12/schema"


def test_committed_example_specs_validate():
    specs = sorted((ROOT / "specs").glob("*.yaml"))
    assert len(specs) >= 3
    for p in specs:
        data = yaml.safe_load(p.read_text(encoding="utf-8"))
        assert validation_errors(data) == [], p.name


def test_validation_reports_every_violation_with_a_path():
    errs = validation_errors({"schema_version": 1, "source": {"path": "a", "format": "xlsx", "sha256": "x"},
                              "post": {}, "purpose": [], "duties": [{"id": "D1", "text": ""}], "criteria": [],
                              "statements": {}})
    paths = [p for p, _ in errs]
    assert "$.source.format" in paths and "$.source.sha256" in paths and "$.duties[0].text" in paths
