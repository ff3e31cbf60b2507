"""Fuzz / property tests: whatever bytes or text come in, only jobspec's own errors come out.

Three targets, each a ``check_*`` function that fails (AssertionError, or the unexpected exception
itself) when a property breaks. The hypothesis tests below feed them; the atheris harnesses in
``tests/fuzz/`` run the same functions for longer (``make fuzz``).

- The text reader (``read_text``) and the whole parse pipeline (``parse_document``) on a .txt/.md
  file: only :class:`InputError` (reader) / :class:`JobspecError` (pipeline) may escape, every
  :class:`Document` is well formed and every spec validates against the schema.
- Lint's YAML loading (``lint_bytes``): nothing escapes at all (problems are findings), and every
  finding is placed at line and column >= 1.
- Compare's normaliser (``normalise``, ``words``, ``tokens``, the vocabulary's ``tag``): nothing
  escapes, the output has the documented shape, and normalising is idempotent.

Settings profiles: ``ci`` (the default: a few hundred examples a test, part of ``make test``) and
``fuzz`` (25 times more; ``FUZZ_EXAMPLES`` sets the unit, 5000; ``make fuzz``), chosen with the
environment variable ``HYPOTHESIS_PROFILE``. A test's count is the unit times its weight in
``budget()``.
"""

from __future__ import annotations

import os
import pickle
import re
import tempfile
from datetime import timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from jobspec.api import parse_document
from jobspec.concepts.normalise import normalise, stem, tokens, words
from jobspec.concepts.vocabulary import load_vocabulary
from jobspec.document import Document, Heading, ListItem, Paragraph, Table
from jobspec.errors import InputError, JobspecError
from jobspec.lint import lint_bytes
from jobspec.lint.findings import Finding
from jobspec.readers.text_reader import read_text
from jobspec.spec.schema import validation_errors
from jobspec.spec.yamlio import spec_to_yaml

ROOT = Path(__file__).resolve().parents[1]

# --------------------------------------------------------------------------- settings profiles

_COMMON: dict[str, Any] = {
    "deadline": timedelta(seconds=10),  # generous: a hang still fails, a slow machine does not
    "suppress_health_check": [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
    "print_blob": True,  # a failure prints the @reproduce_failure line that replays it
}
settings.register_profile("ci", max_examples=200, **_COMMON)
settings.register_profile("fuzz", max_examples=int(os.environ.get("FUZZ_EXAMPLES", "5000")), **_COMMON)
PROFILE = settings.get_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


def budget(weight: float) -> settings:
    """The selected profile with ``weight`` times its example count (cheap targets get more)."""
    return settings(PROFILE, max_examples=max(1, int(PROFILE.max_examples * weight)))


# --------------------------------------------------------------------------- target 1: text reader


def assert_well_formed(doc: Document) -> None:
    """A text reader's Document: its encoding and line count, and well-formed blocks."""
    assert isinstance(doc, Document)
    assert isinstance(doc.info.get("encoding"), str) and isinstance(doc.info.get("lines"), int)
    assert_blocks_well_formed(doc)


def assert_blocks_well_formed(doc: Document, empty_rows: bool = False) -> None:
    """Every block has str text (list items and headings non-blank), tables have rows and cells
    (a row may have none with ``empty_rows``: a Word row merged into the one above), provenance
    lines are 1-based."""
    assert isinstance(doc, Document)
    assert all(isinstance(w, str) for w in doc.warnings)
    for b in doc.iter_blocks():
        assert b.prov.line is None or b.prov.line >= 1, b
        if isinstance(b, Table):
            assert b.rows, f"table without rows: {b}"
            assert b.ncols >= 1, b
            for r in b.rows:
                assert r.cells or empty_rows, f"row without cells: {r}"
                for c in r.cells:
                    assert isinstance(c.blocks, list) and c.col >= 0 and c.span >= 1, c
                    assert isinstance(c.text, str)
        else:
            assert isinstance(b, Heading | Paragraph | ListItem), type(b)
            assert isinstance(b.text, str), b
            if isinstance(b, ListItem | Heading):
                assert b.text.strip(), f"empty {type(b).__name__}: {b}"
                if isinstance(b, ListItem):
                    assert isinstance(b.marker, str) and b.level >= 0, b


_SCRATCH = tempfile.TemporaryDirectory(prefix="jobspec-fuzz-")  # removed when the process ends


def scratch_file(data: bytes, suffix: str = ".txt") -> Path:
    path = Path(_SCRATCH.name) / f"input{suffix}"
    path.write_bytes(data)
    return path


def check_text_reader(data: bytes, suffix: str = ".txt") -> Document | None:
    """The text reader on ``data``: a well-formed Document or an InputError, nothing else."""
    path = scratch_file(data, suffix)
    try:
        doc = read_text(path)
    except InputError as e:
        assert e.reason and "\n" not in e.reason
        return None
    assert_well_formed(doc)
    return doc


def check_parse(data: bytes, suffix: str = ".txt") -> None:
    """The whole pipeline on ``data``: a schema-valid spec that lints without YAML or schema errors,
    or a JobspecError."""
    path = scratch_file(data, suffix)
    try:
        spec = parse_document(path, relative_to=path.parent)
    except JobspecError:
        return
    d = spec.to_dict()
    assert validation_errors(d) == []
    # what `jobspec parse` writes, `jobspec lint` must read: no JS0xx/JS100 findings
    findings = lint_bytes(spec_to_yaml(d, "fuzz").encode("utf-8"), "parsed.yaml")
    assert [f for f in findings if f.code < "JS2"] == [], findings


# Text shaped like Word exports of job descriptions: tabs, bullets, numbers, <ul> remnants, ticks.
_WORDS = ["Main duties", "Key responsibilities", "Person specification", "Essential", "Desirable",
          "Job purpose", "Job title:", "Teaching Assistant", "School:", "Oakfield Primary School", "Grade 4",
          "Salary:", "£22,366 - £24,404", "per annum", "pro rata", "Hours:", "32.5 hours per week",
          "term time only", "39 weeks", "Reports to:", "Head Teacher", "Qualifications", "Experience",
          "Skills", "GCSE", "NVQ 2", "Support", "pupils", "the", "and", "of", "to", "with", "Work", "Good",
          "knowledge", "√", "✓", "X", "A/I", "Application", "Interview", "References", "Closing date:",
          "Monday 7 April 2025", "To", "safeguarding", "well-being", "Microsoft Office", "co-ordinate",
          "1:1", "KS2", "SEND", "EHCP", "e.g.", "etc.", "(a)", "lorem ipsum", "[Name of School]", "TBC",
          ":", ".", ",", ";", "—", "…", "é", "’", "“", "”", "\u00a0", "\u200b", "\ufeff", "\xad", "\uf0b7"]
_MARKERS = ["•", "·", "-", "–", "—", "*", "o", "\uf0b7", "\uf0a7", "\uf076", "▪", "►", "✓", "1.", "2)",
            "10.", "1.2", "1.2.", "a)", "b.", "(iv)", "iv)", "A)", "(1)", "#", "##", "###", "**", "|",
            "<ul>", "<li>", "</li>", "<ul class=\"x\">– ", "</ul>", "<ul style='a'>• ", "<p>", "<br>", "<LI>"]
_GAPS = [" ", " ", " ", "  ", "\t", "\t\t", "\t\t\t", " \t", "", "|"]
_INDENTS = ["", "", "", " ", "  ", "      ", "\t", "\t\t", "\t \t", "|"]
_ENDINGS = ["\n", "\n", "\n", "\r\n", "\r", "\u2028", "\x0c", "\x85", "\x0b"]
ENCODINGS = ["utf-8", "utf-8-sig", "cp1252", "latin-1", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "mac-roman"]

_piece = st.one_of(st.sampled_from(_WORDS), st.sampled_from(_MARKERS), st.text(max_size=6))


@st.composite
def jd_line(draw: st.DrawFn) -> str:
    if draw(st.integers(0, 5)) == 0:
        return ""  # blank line
    parts = draw(st.lists(_piece, min_size=1, max_size=8))
    out = draw(st.sampled_from(_INDENTS)) + parts[0]
    for p in parts[1:]:
        out += draw(st.sampled_from(_GAPS)) + p
    return out + draw(st.sampled_from(["", "", "", " ", "\t", "\t\t", ".", ":"]))


@st.composite
def jd_text(draw: st.DrawFn) -> str:
    lines = draw(st.lists(jd_line(), min_size=1, max_size=40))
    if draw(st.booleans()):
        ending = draw(st.sampled_from(_ENDINGS))
        return ending.join(lines)
    return "".join(line + draw(st.sampled_from(_ENDINGS)) for line in lines)


@st.composite
def encoded(draw: st.DrawFn, texts: st.SearchStrategy[str]) -> bytes:
    """Text encoded as a school's files are: UTF-8 (with or without BOM), cp1252, UTF-16..."""
    text = draw(texts)
    enc = draw(st.sampled_from(ENCODINGS))
    data = text.encode(enc, errors="replace")
    if draw(st.integers(0, 9)) == 0 and data:  # a damaged byte or two
        i = draw(st.integers(0, len(data) - 1))
        data = data[:i] + draw(st.binary(min_size=1, max_size=2)) + data[i + 1:]
    return data


@st.composite
def long_lines(draw: st.DrawFn) -> str:
    """Very long lines (a paragraph with no line breaks, a row with thousands of tabs)."""
    unit = draw(st.sampled_from(["support pupils ", "Support Pupils  ", "\t", "\tx", "• a ", "<li>x ",
                                 "a\tb\t", "– ", "1. ", "word", "x" * 50, "<ul>– a – b "]))
    n = draw(st.integers(100, 6000))
    head = draw(st.sampled_from(["", "- ", "\t", "Main duties\n", "1.\t", "<ul>"]))
    return head + unit * n + draw(st.sampled_from(["", "\n", "\nEssential\tDesirable\n"]))


@st.composite
def many_lines(draw: st.DrawFn) -> str:
    """Thousands of short table-ish lines: the parser must stay (near) linear."""
    line = draw(jd_line())
    other = draw(jd_line())
    n = draw(st.integers(200, 3000))
    pattern = draw(st.sampled_from([[line], [line, ""], [line, other], [line, "", "", ""], [line, other, ""]]))
    return "\n".join(pattern * (n // len(pattern)))


TEXT_BYTES = st.one_of(
    st.binary(max_size=3000),
    encoded(jd_text()),
    encoded(st.text(max_size=500)),
    jd_text().map(lambda t: t.encode("utf-8")),
)
SUFFIXES = st.sampled_from([".txt", ".txt", ".md"])


@budget(1.0)
@given(TEXT_BYTES, SUFFIXES)
@example(b"\xef\xbb\xbf", ".txt")
@example(b"\xff\xfe", ".txt")
@example(b"\t\n\t\n\t", ".txt")
@example("\tRole\tGrade\n\t•\n\t<ul>\n".encode(), ".txt")
@example(b"# #\n", ".md")
@example(b"|a|\n|---|\n", ".md")
def test_text_reader_raises_only_input_error_and_builds_well_formed_documents(data, suffix):
    check_text_reader(data, suffix)


@budget(0.2)
@given(st.one_of(long_lines(), many_lines()).map(lambda t: t.encode("utf-8")), SUFFIXES)
def test_text_reader_on_very_long_and_very_many_lines(data, suffix):
    check_text_reader(data, suffix)


@budget(0.6)
@given(st.one_of(encoded(jd_text()), jd_text().map(lambda t: t.encode("utf-8")), st.binary(max_size=1000)), SUFFIXES)
def test_parse_pipeline_raises_only_jobspec_errors_and_writes_valid_specs(data, suffix):
    check_parse(data, suffix)


# --------------------------------------------------------------------------- target 2: lint's YAML loading


def check_lint(data: bytes) -> list[Finding]:
    """``lint_bytes`` never raises, and every finding has a position and a known severity."""
    findings = lint_bytes(data, "fuzz.yaml")
    for f in findings:
        assert isinstance(f, Finding)
        assert isinstance(f.line, int) and f.line >= 1, f
        assert isinstance(f.col, int) and f.col >= 1, f
        assert f.severity in ("error", "warning", "info"), f
        assert re.fullmatch(r"JS\d{3}", f.code), f
        assert isinstance(f.message, str) and f.message and "\n" not in f.message, f
        assert f.json_path.startswith("$"), f
    return findings


SPEC_KEYS = ["schema_version", "source", "path", "format", "sha256", "encoding", "pages", "post", "title",
             "organisation", "location", "reports_to", "responsible_for", "grade", "salary", "text", "min", "max",
             "currency", "period", "basis", "actual_min", "actual_max", "pro_rata", "hours", "per_week",
             "term_time_only", "weeks_per_year", "fte", "contract", "dates", "other", "purpose", "duties", "id",
             "section", "tags", "at", "criteria", "category", "level", "assessed", "statements", "warnings",
             "generated", "<<"]
_SCALARS = st.one_of(
    st.none(), st.booleans(), st.integers(-(10**20), 10**20),
    st.floats(allow_nan=True, allow_infinity=True), st.text(max_size=20),
    st.sampled_from(["Essential", "essential", "desirable", "D001", "C001", "GBP", "year", "hour", "week",
                     "txt", "docx", "Support pupils", "Support pupils.", "SUPPORT PUPILS", "TBC", "[Name of School]",
                     "£XX,XXX", "", " ", "-", "application", "interview", "line 1", "../x.txt", "0" * 64]),
    st.dates(),
)
_VALUES = st.recursive(
    _SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.sampled_from(SPEC_KEYS) | st.text(max_size=8),
                                                                inner, max_size=5),
    max_leaves=15,
)


_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_Dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


@lru_cache(maxsize=1)
def seed_specs() -> tuple[str, ...]:
    """The committed specs and lint fixtures: realistic YAML to mutate."""
    files = sorted((ROOT / "specs").glob("*.yaml")) + sorted((ROOT / "tests" / "fixtures" / "lint").glob("*.yaml"))
    return tuple(f.read_text(encoding="utf-8") for f in files)


@lru_cache(maxsize=1)
def seed_data() -> tuple[bytes, ...]:
    """The seeds that load as plain data, pickled (copying a pickle is cheaper than parsing YAML)."""
    out = []
    for text in seed_specs():
        try:
            data = yaml.load(text, Loader=_Loader)
        except yaml.YAMLError:
            continue
        if isinstance(data, dict):
            out.append(pickle.dumps(data))
    return tuple(out)


@st.composite
def mutated_data(draw: st.DrawFn) -> Any:
    """A committed spec as data, with a few values replaced by anything (a list where text is
    expected, a float id, a date as salary...) or removed."""
    seeds = seed_data()
    data = pickle.loads(seeds[draw(st.integers(0, len(seeds) - 1))])
    for _ in range(draw(st.integers(1, 4))):
        node, parent, key = data, None, None
        for _depth in range(draw(st.integers(0, 4))):
            if isinstance(node, dict) and node:
                k = draw(st.sampled_from(sorted(node, key=str)))
            elif isinstance(node, list) and node:
                k = draw(st.integers(0, len(node) - 1))
            else:
                break
            parent, key, node = node, k, node[k]
        if parent is None:
            continue
        if draw(st.integers(0, 4)) == 0 and isinstance(parent, dict):
            del parent[key]
        else:
            parent[key] = draw(_VALUES)
    return data


_DUMP_STYLES = st.sampled_from([
    {"sort_keys": False, "allow_unicode": True},
    {"sort_keys": False, "allow_unicode": False},
    {"sort_keys": True, "default_flow_style": True},
    {"sort_keys": False, "default_flow_style": None, "width": 30},
])


@st.composite
def yaml_text(draw: st.DrawFn) -> str:
    source = draw(st.integers(0, 2))
    if source == 0:
        texts = seed_specs()
        return texts[draw(st.integers(0, len(texts) - 1))]
    data = draw(mutated_data()) if source == 1 else draw(_VALUES)
    try:
        return yaml.dump(data, Dumper=_Dumper, **draw(_DUMP_STYLES))
    except yaml.YAMLError:
        return str(data)


_SNIPPETS = [
    "x: !!python/object/apply:os.system ['echo pwned']", "x: !!python/name:os.system ''",
    "!!python/object:__main__.Evil {a: 1}", "x: !custom 1", "x: !!binary aGVsbG8=", "x: !!set {a, b}",
    "x: !!omap [a: 1, b: 2]", "x: !!pairs [a: 1]", "x: !!timestamp 2001-12-14", "x: !!float .nan",
    "x: !!int 0x1F", "x: !!str", "x: !!map []", "x: !!seq {}", "x: !!int abc", "x: !!timestamp nope",
    "x: !!binary '%%%'", "x: !!bool maybe", "x: !!int ''", "x: !!float", "x: !!null x", "a: &a [x, y]", "b: *a", "<<: *a", "c: &c {d: *c}", "e: &e [*e]", "*undefined",
    "? [complex, key]\n: value", "? {a: 1}\n: b", "---", "...", "%YAML 1.1", "%TAG ! tag:example.com,2000:",
    "x: \"\\ud800\"", "x: \"\\x00\"", "x: \"\\U0010FFFF\"", "x: '\t'", "\tx: 1", "x:\n\t- 1", "- - - - -",
    "x: |\n\ttab in block", "x: >\n  folded\n\ttab", "[[[[[[[[[[", "}}}}]]]]", "x: {a: [b, {c: d}]}",
    "title: Teaching Assistant: Level 2", "duties: [{id: D001, text: x}, {id: D001, text: x}]",
    "post: {salary: {min: 9e999, max: -9e999}}", "schema_version: 1\nschema_version: 2", "x: 2025-02-30",
    "x: 1_000", "x: 0o17", "x: 0b101", "x: 190:20:30", "x: .inf", "x: ~", "x: yes", "x: y",
    "# jobspec: disable=ALL", "# jobspec: disable=JS201, duties.duplicate", "\ufeffx: 1", "x: \x85y",
    "x: \u2028", "x: \x7f", "x: \x1b", "x: \ud7ff",
    "l0: &l0 [x, x, x, x, x, x, x, x, x, x]\nl1: &l1 [*l0, *l0, *l0, *l0, *l0, *l0, *l0, *l0, *l0, *l0]\n"
    "l2: &l2 [*l1, *l1, *l1, *l1, *l1, *l1, *l1, *l1, *l1, *l1]\nl3: [*l2, *l2, *l2, *l2, *l2, *l2, *l2, *l2, *l2, *l2]",
]
_SYNTAX_CHARS = ":-[]{}&*!|>'\"%@`#,?\t\n\r \\\x00\x85\ufeff\u2028é£"


@st.composite
def mutated_yaml(draw: st.DrawFn) -> str:
    """YAML text with line-level edits: hostile snippets, tabs, duplicated/removed lines, truncation."""
    lines = draw(yaml_text()).split("\n")
    for _ in range(draw(st.integers(0, 6))):
        op = draw(st.integers(0, 7))
        i = draw(st.integers(0, len(lines)))
        j = min(i, len(lines) - 1)
        if op == 0:
            indent = " " * draw(st.sampled_from([0, 0, 2, 4]))
            snippet = draw(st.sampled_from(_SNIPPETS))
            lines[i:i] = [indent + s for s in snippet.split("\n")]
        elif op == 1 and lines:
            lines[j] = "\t" + lines[j]
        elif op == 2 and lines:
            lines.insert(j, lines[j])  # a duplicate key, most of the time
        elif op == 3 and len(lines) > 1:
            del lines[j]
        elif op == 4 and lines:
            cut = draw(st.integers(0, len(lines[j])))
            lines[j] = lines[j][:cut] + draw(st.text(_SYNTAX_CHARS, min_size=1, max_size=3)) + lines[j][cut:]
        elif op == 5:
            lines = lines[: max(1, i)]
        elif op == 6 and lines:
            lines[j] = " " * draw(st.integers(1, 3)) + lines[j]
        elif op == 7 and lines:
            lines[j] = lines[j].lstrip(" ")
    return "\n".join(lines)


@st.composite
def yaml_bytes(draw: st.DrawFn, texts: st.SearchStrategy[str]) -> bytes:
    text = draw(texts)
    how = draw(st.integers(0, 9))
    if how == 0:
        return text.encode("utf-16", errors="surrogatepass")
    if how == 1:
        return b"\xef\xbb\xbf" + text.encode("utf-8", errors="surrogatepass")
    if how == 2:
        return text.encode("cp1252", errors="replace")
    return text.encode("utf-8", errors="surrogatepass")


_ANY_TEXT = st.text(alphabet=st.characters() | st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF,
                                                               exclude_categories=()), max_size=300)


@budget(1.5)
@given(st.one_of(st.binary(max_size=2000), yaml_bytes(_ANY_TEXT), yaml_bytes(st.text(_SYNTAX_CHARS + "abc:1", max_size=200))))
@example(b"\xff\xfe")
@example(b"\xfe\xff\x00")
@example(b"x: \"\\ud800\"\n")
@example("x: \ud800\n".encode("utf-8", "surrogatepass"))
def test_lint_never_raises_on_arbitrary_bytes(data):
    check_lint(data)


@budget(1.0)
@given(yaml_bytes(mutated_yaml()))
def test_lint_never_raises_on_mutated_specs(data):
    check_lint(data)


@budget(0.4)
@given(mutated_data())
def test_lint_never_raises_on_specs_with_values_of_the_wrong_type(data):
    text = yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True)
    check_lint(text.encode("utf-8"))


# --------------------------------------------------------------------------- target 3: the normaliser

_WORD_RE = re.compile(r"[^\W_]+\*?")  # letters of any script and digits, lower-cased


@lru_cache(maxsize=1)
def _vocab():
    return load_vocabulary()


def check_normalise(text: str) -> None:
    """``normalise`` gives single-spaced text and is idempotent; ``words``/``tokens`` give the word lists
    the API describes, the same for the text and for its normal form; tagging never raises."""
    norm = normalise(text)
    assert isinstance(norm, str)
    assert norm == " ".join(norm.split()), repr(norm)  # stripped, single-spaced
    assert normalise(norm) == norm, f"not idempotent: {text!r} -> {norm!r} -> {normalise(norm)!r}"
    ws = words(text)
    assert all(isinstance(w, str) and _WORD_RE.fullmatch(w) and w == w.lower() for w in ws), ws
    assert words(norm) == ws
    toks = tokens(text)
    assert all(isinstance(t, str) and t for t in toks), toks
    assert tokens(norm) == toks
    assert all(stem(w) for w in ws)
    vocab = _vocab()
    tags = vocab.tag(text)
    assert tags == sorted(tags) and all(t in vocab.concepts for t in tags), tags


_JD_PHRASES = ["To support", "to", "To To", "organize", "analyze", "behavior", "program", "well-being",
               "well being", "co-ordinate", "e-safety", "multi-agency", "head teacher", "lunch-times",
               "home-school", "self-esteem", "re-engage", "one-to-one", "1:1", "1 to 1", "KS2", "key-stage 3",
               "English as an Additional Language", "young people", "children and young people", "&", "•",
               "- ", "* ", "o ", "1. ", "a) ", "iv) ", "(b) ", "“quoted”", "‘s", "—", "–", "/", "-", "_",
               "safeguard*", "ICT", "GCSE", "DBS", "SEND", "CPOMS", "ﬁrst aid", "Ⅳ", "²", "ｆｕｌｌ",
               "İstanbul", "ß", "ǅ", "\u0130", "\u00a0", "\u2003", "\t", "\n", "  ", "self-", "pre-", "non-",
               "self", "pre", "non", "and", "post-16", "well", "being", "co", "e", "key", "stage", "1", "one",
               "1.", "1:", ",", ".", "(", ")", ":", "'", "'s", "re-", "multi", "time", "lunch", "play"]
_JD_TEXT = st.lists(st.sampled_from(_JD_PHRASES) | st.text(max_size=5), max_size=12).map(" ".join)


@budget(2.0)
@given(st.one_of(st.text(max_size=200), _ANY_TEXT, _JD_TEXT))
@example("")
@example("to to support pupils")
@example("- - 1. a) Support")
@example("İ")
@example("ﬁ ǅ Ⅳ ²")
def test_normaliser_never_raises_and_is_idempotent(text):
    check_normalise(text)


# --------------------------------------------------------------------------- regressions found by fuzzing


def test_regression_markdown_heading_without_text_is_dropped():
    doc = check_text_reader(b"# #\n## ##  \n# Main duties\n- Support pupils\n", ".md")
    assert doc is not None
    assert [(type(b).__name__, b.text) for b in doc.blocks] == [("Heading", "Main duties"), ("ListItem", "Support pupils")]


@pytest.mark.parametrize(("text", "norm"), [
    ("- - Support pupils", "support pupils"),  # stacked list markers
    ("To to support pupils", "support pupils"),
    ('"* Support pupils"', "support pupils"),  # a marker behind a quote
    ("Provide 1. to 1. support", "provide one to one support"),  # a rule that matches once the dots go
    ("Raise self, esteem", "raise selfesteem"),
    ("self- and peer-assessment", "self- and peer assessment"),  # "self- " was "self " for a second pass
    ("children & young people", "pupils"),  # "&" became "and" after the rules had run
    ("self-organize", "selforganise"),  # a joined word is spelt too
    ("Meet at 10:30, key stage: 2", "meet at 10 30 key stage 2"),
])
def test_regression_normalise_is_idempotent(text, norm):
    assert normalise(text) == norm
    assert normalise(norm) == norm


@pytest.mark.parametrize(("text", "message"), [
    ("x: !!timestamp nope", "YAML value 'nope' cannot be read as !!timestamp"),  # was AttributeError
    ("x: !!bool maybe", "YAML value 'maybe' cannot be read as !!bool"),  # was KeyError
    ("x: !!int ''", "YAML value '' cannot be read as !!int"),  # was IndexError
    ("x: !!float", "YAML value '' cannot be read as !!float"),  # was IndexError
    ("x: !!int abc", "YAML value 'abc' cannot be read as !!int (invalid literal for int() with base 10: 'abc')"),
])
def test_regression_a_value_that_does_not_fit_its_tag_is_a_finding_at_the_value(text, message):
    findings = check_lint(f"schema_version: 1\n{text}\n".encode())
    assert [(f.code, f.line, f.col, f.message) for f in findings] == [("JS001", 2, 4, message)]


def test_regression_a_salary_period_that_is_a_list_is_a_schema_finding_only():
    findings = check_lint(b"schema_version: 1\npost:\n  salary:\n    text: x\n    min: 1\n    period: [year]\n")
    assert "JS210" not in {f.code for f in findings}  # was TypeError: unhashable type: 'list'
    assert any(f.code == "JS100" and f.json_path == "$.post.salary.period" for f in findings), findings
