"""`jobspec lint` as a library: one broken fixture per rule with exact positions, hostile YAML, config."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest
import yaml

from jobspec.errors import InputError, UsageError
from jobspec.lint import RULES, LintConfig, find_rule, lint_bytes, lint_file, lint_paths, load_config
from jobspec.lint.config import resolve_selectors

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures" / "lint"


def _found(path: Path, config: LintConfig | None = None) -> list[tuple[str, int, int]]:
    return [(f.code, f.line, f.col) for f in lint_file(path, config)]


# (fixture, every finding expected in it as (code, line, column)); positions come from the YAML nodes.
EXPECTED = [
    ("js001_yaml_syntax.yaml", [("JS001", 8, 28)]),  # the second ':' in "title: Teaching Assistant: Level 2"
    ("js002_yaml_duplicate_key.yaml", [("JS002", 14, 3)]),  # the second `title:` key
    ("js003_yaml_tab.yaml", [("JS003", 13, 1)]),  # "\tgrade: Grade 4"
    ("js004_yaml_unsafe_tag.yaml", [("JS004", 8, 10)]),  # the !!python/object/apply tag
    ("js004_python_object.yaml", [("JS004", 2, 7)]),
    ("js005_yaml_alias_bomb.yaml", [("JS005", 2, 8)]),  # the first alias, *a
    ("js005_yaml_recursive_alias.yaml", [("JS005", 5, 9)]),
    ("js100_schema_violation.yaml", [("JS100", 5, 11), ("JS100", 26, 15), ("JS100", 31, 3), ("JS100", 65, 10)]),
    ("js201_duties_duplicate.yaml", [("JS201", 49, 9)]),  # D003's text
    ("js202_duties_near_duplicate.yaml", [("JS202", 49, 9)]),
    ("js203_criteria_duplicate.yaml", [("JS203", 65, 9)]),  # C002's text
    ("js204_criteria_near_duplicate.yaml", [("JS204", 65, 9)]),
    ("js205_criteria_essential_and_desirable.yaml", [("JS205", 64, 10)]),  # C002's level
    ("js206_text_empty.yaml", [("JS206", 11, 15)]),  # reports_to: '-'
    ("js207_text_placeholder.yaml", [("JS207", 9, 17)]),  # organisation: '[Name of School]'
    ("js208_criteria_no_essential.yaml", [("JS208", 52, 1)]),  # the `criteria:` key
    ("js209_salary_min_above_max.yaml", [("JS209", 16, 10)]),  # salary min
    ("js210_salary_implausible.yaml", [("JS210", 16, 10)]),
    ("js211_hours_over_48.yaml", [("JS211", 26, 15)]),  # per_week: 60
    ("js212_hours_term_time_without_weeks.yaml", [("JS212", 27, 21)]),  # term_time_only: true
    ("js213_ids_not_unique.yaml", [("JS213", 61, 7)]),  # the second D002
    ("js214_source_changed.yaml", [("JS214", 6, 11)]),  # source.sha256
    ("js215_salary_term_time_fte_only.yaml", [("JS215", 14, 3)]),  # the `salary:` key
    ("not_yaml.yaml", [("JS001", 3, 21)]),  # an e-mail, not YAML: one finding, no traceback
    ("inline_disable.yaml", [("JS213", 61, 7)]),  # JS201 and JS207 disabled inline, JS213 not
    ("js217_lint_unknown_disable.yaml", [("JS217", 8, 49)]),  # `disable=JS2O1`: a letter O, no such rule
]


@pytest.mark.parametrize(("name", "expected"), EXPECTED, ids=[e[0] for e in EXPECTED])
def test_fixture_findings_have_exact_code_line_and_column(name, expected):
    assert _found(FIXTURES / name) == expected


def test_every_rule_has_a_fixture_code_name_severity_and_doc():
    covered = {code for _, exp in EXPECTED for code, _, _ in exp} | {"JS006", "JS216", "JS218"}  # JS006, JS218: below; JS216: test_hardening.py
    codes = [r.code for r in RULES]
    assert len(set(codes)) == len(codes) and len({r.name for r in RULES}) == len(RULES)
    for r in RULES:
        assert re.fullmatch(r"JS(0\d\d|1\d\d|2\d\d)", r.code), r.code
        assert re.fullmatch(r"[a-z0-9]+(\.[a-z0-9-]+)+", r.name), r.name
        assert r.severity in ("error", "warning", "info")
        assert len(r.doc()) > 80 and r.summary().endswith("."), r.code
        assert r.code in covered, f"no fixture for {r.code}"
    assert find_rule("js201") is find_rule("duties.duplicate") is find_rule("JS201")


def test_clean_fixture_and_committed_specs_lint_clean():
    assert lint_file(FIXTURES / "clean.yaml") == []
    specs = sorted((ROOT / "specs").glob("*.yaml"))
    assert len(specs) >= 3
    assert lint_paths([ROOT / "specs"]) == []


def test_schema_violations_are_all_reported_with_paths_and_plain_messages():
    found = lint_file(FIXTURES / "js100_schema_violation.yaml")
    assert [(f.json_path, f.message) for f in found] == [
        ("$.source.format", "'xlsx' is not one of: docx, doc, docm, dotx, odt, rtf, pdf, html, txt"),
        ("$.post.hours.per_week", "expected a number or null, found 'thirty-seven'"),
        ("$.post.contrat", "unknown key 'contrat' (allowed: contract, dates, grade, hours, location, organisation, "
                           "other, reports_to, responsible_for, salary, title)"),
        ("$.criteria[1].level", "'nice to have' is not one of: essential, desirable"),
    ]
    assert {f.name for f in found} == {"schema.violation"} and {f.severity for f in found} == {"error"}


def test_inline_disable_applies_to_its_item_only():
    text = (FIXTURES / "inline_disable.yaml").read_text(encoding="utf-8")
    without = re.sub(r"  # jobspec: disable=\S+", "", text).encode()
    assert [(f.code, f.line) for f in lint_bytes(without, "x.yaml")] == [("JS207", 9), ("JS201", 49), ("JS213", 61)]


def test_finding_carries_everything_a_report_needs():
    [f] = lint_file(FIXTURES / "js207_text_placeholder.yaml")
    assert f.file == str(FIXTURES / "js207_text_placeholder.yaml")
    assert (f.code, f.name, f.severity, f.json_path) == ("JS207", "text.placeholder", "error", "$.post.organisation")
    assert f.message == "placeholder text '[Name of School]' in post.organisation: fill it in"


# -- hostile YAML: each is an error finding, quickly, and nothing is executed ----------------------------

def test_billion_laughs_is_refused_in_well_under_a_second():
    start = time.perf_counter()
    found = lint_file(FIXTURES / "js005_yaml_alias_bomb.yaml")
    assert time.perf_counter() - start < 0.5
    assert [(f.code, f.severity) for f in found] == [("JS005", "error")]
    assert "490,329,064" in found[0].message


def test_python_tags_are_reported_and_never_executed(tmp_path):
    marker = tmp_path / "pwned"
    raw = f'schema_version: 1\npost: !!python/object/apply:os.system ["touch {marker}"]\n'.encode()
    found = lint_bytes(raw, "evil.yaml")
    assert [(f.code, f.line, f.col) for f in found] == [("JS004", 2, 7)]
    assert not marker.exists()
    assert [f.code for f in lint_bytes(b"a: !!python/name:os.system ''\n", "x")] == ["JS004"]


def test_oversized_file_is_one_finding_without_reading_it(tmp_path):
    big = tmp_path / "big.yaml"
    big.write_bytes(b"# padding\n" * 600_000)  # 6 MB, over the 5 MB default
    assert _found(big) == [("JS006", 1, 1)]
    assert _found(FIXTURES / "clean.yaml", LintConfig(max_bytes=1000)) == [("JS006", 1, 1)]


@pytest.mark.parametrize(("raw", "code"), [
    (b"[" * 100_000, "JS001"),  # nesting bomb: refused before parsing
    (b"".join(b" " * i + b"a:\n" for i in range(150)), "JS001"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00", "JS001"),
    (b"title: caf\xe9\n", "JS001"),
    (b"title: a\x07b\n", "JS001"),
    (b"a: 1\n---\nb: 2\n", "JS001"),
    (b"", "JS100"),
    (b"just a sentence\n", "JS100"),
    (b"a: !custom 1\n", "JS004"),
])
def test_other_hostile_or_broken_input_is_one_finding(raw, code):
    start = time.perf_counter()
    found = lint_bytes(raw, "x.yaml")
    assert time.perf_counter() - start < 0.5
    assert [f.code for f in found] == [code]


def test_missing_path_is_an_input_error(tmp_path):
    with pytest.raises(InputError):
        lint_paths([tmp_path / "nope"])


def test_folders_are_searched_recursively_for_yaml_and_yml(tmp_path):
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "b" / "x.yml").write_bytes((FIXTURES / "js201_duties_duplicate.yaml").read_bytes())
    (tmp_path / "a" / "y.yaml").write_bytes((FIXTURES / "clean.yaml").read_bytes())
    (tmp_path / "a" / "notes.txt").write_text("not a spec")
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "z.yaml").write_text("{")
    assert [(Path(f.file).name, f.code) for f in lint_paths([tmp_path])] == [("x.yml", "JS201")]


# -- configuration ------------------------------------------------------------------------------------

def test_selectors_accept_codes_prefixes_names_and_groups():
    assert resolve_selectors(["JS20"], "t") == {f"JS20{i}" for i in range(1, 10)}
    assert resolve_selectors(["duties.duplicate", "salary"], "t") == {"JS201", "JS209", "JS210", "JS215"}
    assert len(resolve_selectors(["ALL"], "t")) == len(RULES)
    with pytest.raises(UsageError, match="unknown rule code 'JS999'"):
        resolve_selectors(["JS999"], "t")


def test_config_select_ignore_and_severity(tmp_path):
    (tmp_path / "pyproject.toml").write_text(
        '[tool.jobspec.lint]\nignore = ["JS207"]\nseverity = { JS201 = "info" }\n')
    sub = tmp_path / "deeper" / "still"
    sub.mkdir(parents=True)
    config = load_config(start=sub)  # found by walking up
    assert config.source == tmp_path / "pyproject.toml"
    assert lint_file(FIXTURES / "js207_text_placeholder.yaml", config) == []
    assert [f.severity for f in lint_file(FIXTURES / "js201_duties_duplicate.yaml", config)] == ["info"]
    assert load_config(start=tmp_path).override(ignore=[]).is_enabled("JS207")


def test_bad_config_is_a_usage_error(tmp_path):
    bad = tmp_path / "pyproject.toml"
    for text, match in [("[tool.jobspec.lint\n", "cannot read config"),
                        ('[tool.jobspec.lint]\nselect = ["JS999"]\n', "unknown rule code"),
                        ('[tool.jobspec.lint]\nsevirity = {}\n', "unknown lint setting"),
                        ('[tool.jobspec.lint]\nseverity = { JS201 = "fatal" }\n', "must be error, warning or info")]:
        bad.write_text(text)
        with pytest.raises(UsageError, match=match):
            load_config(bad)


def test_readme_documents_every_rule():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for r in RULES:
        assert f"| `{r.code}` | `{r.name}` | {r.severity} |" in readme, r.code


def test_pure_python_loader_finds_the_same(monkeypatch):
    """Without libyaml, PyYAML's own parser gives the same findings at the same places."""
    from jobspec.lint import yaml_positions

    monkeypatch.setattr(yaml_positions, "_Loader", yaml_positions._PyLoader)
    for name, expected in EXPECTED:
        assert _found(FIXTURES / name) == expected, name
    assert [f.code for f in lint_bytes(b"[" * 100_000, "x")] == ["JS001"]


def test_an_item_compare_and_export_refuse_is_a_lint_error_first(tmp_path):
    text = (FIXTURES / "clean.yaml").read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    data["duties"][1]["text"] = "Support pupils " * 700  # 10,500 characters
    bad = tmp_path / "long.yaml"
    bad.write_text(yaml.safe_dump(data, sort_keys=False, width=20_000), encoding="utf-8")
    found = lint_file(bad)
    assert [(f.code, f.json_path, f.message) for f in found] == [
        ("JS218", "$.duties[1].text",
         "duty 2 has 10,500 characters; compare and export refuse more than 10,000: split it into its items")]
    assert lint_file(FIXTURES / "clean.yaml") == []
