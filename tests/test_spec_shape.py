"""The spec's shape is stated twice, by the model (spec/model.py) and by the JSON Schema; lint's view
reads its free text from the model. These tests fail as soon as the three disagree on a field, and
check that spec files are read the same way, with the same messages, by every command."""

from __future__ import annotations

from dataclasses import MISSING, fields
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jobspec.errors import InputError
from jobspec.lint import lint_paths
from jobspec.lint.rules.base import SpecView
from jobspec.spec.load import read_spec, spec_from_data
from jobspec.spec.model import Criterion, Duty, Hours, Post, Salary, Source, Spec, Statements, shape
from jobspec.spec.quick_check import accepts
from jobspec.spec.schema import schema, validation_errors

ROOT = Path(__file__).resolve().parents[1]
_VALID = [yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted((ROOT / "specs").glob("*.yaml"))]

# Strings that are not free text a person wrote: identifiers, provenance, file facts, our own notes.
NOT_TEXT = {"source.path", "source.encoding", "source.converted_by", "duties.id", "duties.at", "duties.tags", "criteria.id",
            "criteria.at", "criteria.tags", "warnings"}
SCHEMA_ONLY = {"schema_version", "generated"}  # written around the model's fields
PATTERN_SAMPLES = {"^[0-9a-f]{64}$": "0" * 64, "^[A-Z]{1,2}[0-9]{2}$": "D03"}  # a value for each pattern in the schema


def _object(node: dict[str, Any]) -> dict[str, Any] | None:
    """The object schema of a property (``oneOf: [null, object]`` included), or None."""
    if node.get("type") == "object" and "properties" in node:
        return node
    for branch in node.get("oneOf", ()):
        if branch.get("type") == "object":
            return branch
    return None


def _types(node: dict[str, Any]) -> set[str]:
    if "type" in node:
        return {node["type"]} if isinstance(node["type"], str) else set(node["type"])
    if "enum" in node or "const" in node:
        return {{str: "string", int: "integer", bool: "boolean", type(None): "null"}[type(v)]
                for v in node.get("enum", [node.get("const")])}
    if "oneOf" in node:
        return set().union(*(_types(b) for b in node["oneOf"]))
    raise AssertionError(f"no type in {node}")


def _pairs() -> list[tuple[str, type, dict[str, Any]]]:
    """(dotted name, model class, object schema) for every class of the model, from the top."""
    out = [("", Spec, schema())]
    todo = [out[0]]
    while todo:
        name, cls, node = todo.pop()
        for fs in shape(cls):
            if fs.model is not None:
                prop = node["properties"][fs.name]
                sub = _object(prop["items"] if fs.kind == "models" else prop)
                item = (f"{name}{fs.name}.", fs.model, sub)
                out.append(item)
                todo.append(item)
    return out


def test_every_model_class_is_paired_with_its_schema():
    assert {cls for _, cls, _ in _pairs()} == {Spec, Source, Post, Salary, Hours, Duty, Criterion, Statements}


@pytest.mark.parametrize("name, cls, node", _pairs(), ids=lambda x: x.__name__ if isinstance(x, type) else None)
def test_model_and_schema_have_the_same_fields_in_the_same_order_with_the_same_types(name, cls, node):
    props = [k for k in node["properties"] if k not in SCHEMA_ONLY]
    assert [fs.name for fs in shape(cls)] == props, f"{cls.__name__}: model fields vs schema properties"
    kinds = {"str": "string", "float": "number", "int": "integer", "bool": "boolean", "model": "object",
             "models": "array", "strs": "array", "map": "object"}
    for fs in shape(cls):
        prop = node["properties"][fs.name]
        types = _types(prop)
        assert kinds[fs.kind] in types, f"{name}{fs.name}: {fs.kind} vs {types}"
        omitted = cls is Source and fs.name in ("encoding", "pages", "converted_by")  # left out of the mapping when unknown
        assert ("null" in types) == (fs.optional and not omitted), f"{name}{fs.name}: None allowed?"
        if fs.kind == "strs":
            assert _types(prop["items"]) == {"string"}, f"{name}{fs.name}: items"
        if fs.kind == "map":
            assert prop["additionalProperties"] == {"type": "string"}, f"{name}{fs.name}: values"
    no_default = {f.name for f in fields(cls) if f.default is MISSING and f.default_factory is MISSING}
    assert no_default <= set(node.get("required", ())), f"{cls.__name__}: required fields"


def _free_text(prefix: str, node: dict[str, Any]) -> set[str]:
    """Dotted names of the schema's free-text fields: strings with no enum, const or pattern."""
    out = set()
    for key, prop in node["properties"].items():
        name = prefix + key
        if name in SCHEMA_ONLY:
            continue
        sub = _object(prop.get("items", prop)) if "items" in prop or "oneOf" in prop or "properties" in prop else None
        if sub is not None:
            out |= _free_text(name + ".", sub)
            continue
        leaf = prop.get("items") or prop.get("additionalProperties") or prop
        if isinstance(leaf, dict) and "string" in _types(leaf) and not ({"enum", "const", "pattern"} & set(leaf)):
            out.add(name)
    return out


def test_the_free_text_the_model_marks_is_the_schema_s_free_text():
    marked = {f"{name}{fs.name}" for name, cls, _ in _pairs() for fs in shape(cls) if fs.text}
    assert marked == _free_text("", schema()) - NOT_TEXT


def _example(node: dict[str, Any], counter: list[int]) -> Any:
    """A value the schema accepts, every free text distinct, every list and map with one entry."""
    sub = _object(node)
    if sub is not None:
        return {k: _example(p, counter) for k, p in sub["properties"].items() if k != "generated"}
    if "const" in node:
        return node["const"]
    if "enum" in node:
        return node["enum"][0]
    types = _types(node) - {"null"}
    if "array" in types:
        return [_example(node["items"], counter)]
    if "object" in types:
        return {"Label": _example(node["additionalProperties"], counter)}
    if "string" in types:
        counter[0] += 1
        return PATTERN_SAMPLES[node["pattern"]] if "pattern" in node else f"text {counter[0]}"
    return {"number": 1.5, "integer": 2, "boolean": True}[types.pop()]


def _paths(data: Any, path: tuple = ()) -> set[tuple]:
    if isinstance(data, dict):
        return set().union(*(_paths(v, (*path, k)) for k, v in data.items())) if data else set()
    if isinstance(data, list):
        return set().union(*(_paths(v, (*path, i)) for i, v in enumerate(data))) if data else set()
    return {path}


def test_lint_reads_exactly_the_schema_s_free_text_and_the_model_round_trips_every_field():
    data = _example(schema(), [0])
    data["source"]["format"] = "pdf"  # the example sets ocr: true, which the schema allows for a PDF only
    assert validation_errors(data) == []
    expected = {p for p in _paths(data) if ".".join(str(x) for x in p if isinstance(x, str)).rsplit(".Label", 1)[0]
                in _free_text("", schema()) - NOT_TEXT}
    assert expected and {path for path, _ in SpecView(data).texts()} == expected
    assert Spec.from_dict(data).to_dict() == data  # nothing the schema allows is lost on the way through the model


def test_committed_specs_round_trip_through_the_model():
    for p in sorted((ROOT / "specs").glob("*.yaml")):
        data = yaml.safe_load(p.read_text(encoding="utf-8"))
        data.pop("generated")
        assert read_spec(p).to_dict() == data, p.name


def test_numbers_are_read_as_floats_and_written_back_as_written():
    spec = spec_from_data(yaml.safe_load((ROOT / "specs" / "oakfield-primary-teaching-assistant.yaml").read_text()))
    assert spec.post.salary.min == 24790.0 and isinstance(spec.post.salary.min, float)
    assert spec.post.hours.per_week == 32.5 and spec.to_dict()["post"]["salary"]["min"] == 24790


def test_an_invalid_spec_is_refused_with_one_message_by_every_reader(tmp_path):
    good = yaml.safe_load((ROOT / "specs" / "oakfield-primary-teaching-assistant.yaml").read_text(encoding="utf-8"))
    good["criteria"][2]["level"] = "must-have"
    good["post"]["hours"]["per_week"] = "about 30"
    bad = tmp_path / "bad.yaml"
    bad.write_text(yaml.safe_dump(good, sort_keys=False), encoding="utf-8")
    with pytest.raises(InputError) as err:
        read_spec(bad)
    assert err.value.path == bad
    assert err.value.reason == ("not a valid spec: 'must-have' is not one of ['essential', 'desirable'] "
                                "($.criteria[2].level) (and 1 more: `jobspec lint` lists them)")
    import jobspec

    with pytest.raises(InputError) as again:
        jobspec.load_spec(bad)
    assert again.value.reason == err.value.reason
    findings = [(f.code, f.json_path, f.message) for f in lint_paths([bad]) if f.code == "JS100"]
    assert sorted(findings) == [("JS100", "$.criteria[2].level", "'must-have' is not one of: essential, desirable"),
                                ("JS100", "$.post.hours.per_week", "expected a number or null, found 'about 30'")]


def test_not_a_spec_keeps_its_own_message():
    with pytest.raises(InputError, match=r"not a jobspec spec \(no post, duties or criteria\)"):
        spec_from_data({"name": "x"}, "x.yaml")
    with pytest.raises(InputError, match=r"^x.yaml: not a valid spec: 'schema_version' is a required property \(\$\) "):
        spec_from_data({"duties": [{"text": "Supervise pupils"}]}, "x.yaml")


_ODD_VALUES = [None, True, False, 0, 1, -1, 1.5, 60, 2.0, "", " ", "x", "essential", "D01", "0" * 64, [], {}, ["x"],
               [1], {"a": "b"}, {"a": 1}]


def _containers(data: Any, path: tuple = ()) -> list[tuple]:
    out = [path]
    if isinstance(data, dict):
        for k, v in data.items():
            out += _containers(v, (*path, k))
    elif isinstance(data, list):
        for i, v in enumerate(data):
            out += _containers(v, (*path, i))
    return out


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_the_quick_check_agrees_with_jsonschema_on_broken_specs(data):
    import copy

    spec = copy.deepcopy(_VALID[data.draw(st.integers(0, len(_VALID) - 1))])
    for _ in range(data.draw(st.integers(1, 3))):
        path = data.draw(st.sampled_from(_containers(spec)[1:]))
        parent = spec
        for p in path[:-1]:
            parent = parent[p]
        action = data.draw(st.sampled_from(["replace", "delete", "add"]))
        if action == "replace" or not isinstance(parent, dict):
            parent[path[-1]] = copy.deepcopy(data.draw(st.sampled_from(_ODD_VALUES)))
        elif action == "delete":
            del parent[path[-1]]
        else:
            key = data.draw(st.sampled_from(["extra", "rule", "encoding", "text"]))
            parent[key] = copy.deepcopy(data.draw(st.sampled_from(_ODD_VALUES)))
    assert accepts(schema(), spec) == (validation_errors(spec) == [])


def test_the_quick_check_leaves_keywords_it_does_not_know_to_jsonschema():
    assert accepts({"type": "string", "format": "date"}, "x") is None
    assert accepts(schema(), _VALID[0]) is True and accepts(schema(), {**_VALID[0], "schema_version": True}) is False
