"""The layout zoo (tests/zoo): its ground truth is honest, and the parser keeps its accuracy on it.

(a) every gold duty, criterion, purpose and post detail occurs, whitespace-insensitively, in each
rendered file: the DOCX, both PDFs (pdfplumber) and the Word-style text export; (b) parsing each
family in each format and scoring it with the shared score.py keeps the FLOORS below, which are the
figures the parser measures now: raise them as it improves (``python -m tests.zoo.score DIR --floors``
prints the current figures in this shape). The zoo is generated once per version of the generator
and cached under build/zoo/. The producers are Debian's LibreOffice and Chromium: without them these
tests skip, saying so, except under CI, where ``make test`` installs them.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest
import yaml

from conftest import CORPUS, ROOT, TOOLS
from zoo.convert import ToolMissing
from zoo.families import NAMES, family
from zoo.generate import build_docs, cached_zoo
from zoo.model import CATEGORIES, FORMATS, METHODS
from zoo.render_docx import write_docx
from zoo.score import METRICS, score_zoo
from zoo.textcheck import missing_in_file

SUFFIX = {"docx": ".docx", "pdf-lo": ".pdf", "pdf-chrome": ".pdf", "txt": ".txt"}

# (family, format): duties F1, criteria F1, level accuracy, key fields right (title, organisation, grade,
# hours), purpose F1, over the family's 3 documents; measured with the parser as it is, raised as it improves
FLOORS = {  # (family, format): duties_f1, criteria_f1, level_acc, fields, purpose_f1
    ('letter_column', 'docx'): (1.0, 1.0, 1.0, 10, 1.0),
    ('category_rows', 'docx'): (1.0, 1.0, 1.0, 11, 1.0),
    ('typed_numbering', 'docx'): (1.0, 1.0, 1.0, 9, 1.0),
    ('word_numbering', 'docx'): (1.0, 1.0, 1.0, 10, 1.0),
    ('by_subheadings', 'docx'): (1.0, 1.0, 1.0, 12, 1.0),
    ('plain_paragraphs', 'docx'): (1.0, 1.0, 1.0, 9, 1.0),
    ('ed_sublists', 'docx'): (1.0, 1.0, 1.0, 12, 1.0),
    ('inline_markers', 'docx'): (1.0, 1.0, 1.0, 9, 1.0),
    ('long_table', 'docx'): (1.0, 1.0, 1.0, 10, 1.0),
    ('header_details', 'docx'): (1.0, 1.0, 1.0, 9, 1.0),
    ('large_title', 'docx'): (1.0, 1.0, 1.0, 10, 1.0),
    ('recruitment_pack', 'docx'): (1.0, 1.0, 1.0, 9, 1.0),
    ('kv_merged', 'docx'): (1.0, 1.0, 1.0, 11, 1.0),
    ('tick_columns', 'docx'): (1.0, 1.0, 1.0, 11, 1.0),
    ('job_factors', 'docx'): (1.0, 1.0, 1.0, 9, 1.0),
    ('letter_column', 'pdf-lo'): (1.0, 1.0, 1.0, 10, 1.0),
    ('category_rows', 'pdf-lo'): (1.0, 1.0, 1.0, 11, 1.0),
    ('typed_numbering', 'pdf-lo'): (1.0, 1.0, 1.0, 9, 1.0),
    ('word_numbering', 'pdf-lo'): (1.0, 1.0, 1.0, 10, 1.0),
    ('by_subheadings', 'pdf-lo'): (1.0, 1.0, 1.0, 12, 1.0),
    ('plain_paragraphs', 'pdf-lo'): (1.0, 1.0, 1.0, 9, 1.0),
    ('ed_sublists', 'pdf-lo'): (1.0, 1.0, 1.0, 12, 1.0),
    ('inline_markers', 'pdf-lo'): (1.0, 1.0, 1.0, 9, 1.0),
    ('long_table', 'pdf-lo'): (1.0, 1.0, 1.0, 10, 1.0),
    ('header_details', 'pdf-lo'): (1.0, 1.0, 1.0, 9, 1.0),
    ('large_title', 'pdf-lo'): (1.0, 1.0, 1.0, 10, 1.0),
    ('recruitment_pack', 'pdf-lo'): (1.0, 1.0, 1.0, 9, 1.0),
    ('kv_merged', 'pdf-lo'): (1.0, 1.0, 1.0, 11, 1.0),
    ('tick_columns', 'pdf-lo'): (1.0, 1.0, 1.0, 11, 1.0),
    ('job_factors', 'pdf-lo'): (1.0, 1.0, 1.0, 9, 1.0),
    ('letter_column', 'pdf-chrome'): (1.0, 0.675, 1.0, 10, 1.0),
    ('category_rows', 'pdf-chrome'): (1.0, 1.0, 1.0, 11, 1.0),
    ('typed_numbering', 'pdf-chrome'): (1.0, 1.0, 1.0, 9, 1.0),
    ('word_numbering', 'pdf-chrome'): (1.0, 1.0, 1.0, 10, 1.0),
    ('by_subheadings', 'pdf-chrome'): (1.0, 1.0, 1.0, 12, 1.0),
    ('plain_paragraphs', 'pdf-chrome'): (1.0, 1.0, 1.0, 9, 1.0),
    ('ed_sublists', 'pdf-chrome'): (1.0, 1.0, 1.0, 12, 1.0),
    ('inline_markers', 'pdf-chrome'): (1.0, 1.0, 1.0, 9, 1.0),
    ('long_table', 'pdf-chrome'): (1.0, 1.0, 1.0, 10, 1.0),
    ('header_details', 'pdf-chrome'): (1.0, 1.0, 1.0, 9, 1.0),
    ('large_title', 'pdf-chrome'): (1.0, 1.0, 1.0, 10, 1.0),
    ('recruitment_pack', 'pdf-chrome'): (1.0, 1.0, 1.0, 9, 1.0),
    ('kv_merged', 'pdf-chrome'): (1.0, 1.0, 1.0, 11, 1.0),
    ('tick_columns', 'pdf-chrome'): (1.0, 1.0, 1.0, 11, 1.0),
    ('job_factors', 'pdf-chrome'): (1.0, 1.0, 1.0, 9, 1.0),
    ('letter_column', 'txt'): (1.0, 0.31, 0.909, 9, 1.0),
    ('category_rows', 'txt'): (1.0, 0.805, 0.774, 6, 1.0),
    ('typed_numbering', 'txt'): (1.0, 1.0, 0.791, 8, 0.75),
    ('word_numbering', 'txt'): (1.0, 1.0, 0.75, 6, 0.667),
    ('by_subheadings', 'txt'): (1.0, 0.874, 0.842, 8, 1.0),
    ('plain_paragraphs', 'txt'): (0.938, 1.0, 0.698, 9, 1.0),
    ('ed_sublists', 'txt'): (1.0, 0.916, 0.921, 8, 1.0),
    ('inline_markers', 'txt'): (1.0, 1.0, 1.0, 9, 1.0),
    ('long_table', 'txt'): (1.0, 0.137, 1.0, 7, 1.0),
    ('large_title', 'txt'): (1.0, 0.842, 0.656, 7, 1.0),
    ('recruitment_pack', 'txt'): (1.0, 0.947, 0.778, 8, 0.4),
    ('kv_merged', 'txt'): (0.988, 0.877, 0.812, 6, 0.8),
    ('tick_columns', 'txt'): (0.976, 0.4, 0.115, 6, 1.0),
    ('job_factors', 'txt'): (0.914, 0.576, 0.765, 6, 0.75),
}


def _unavailable(reason: str):
    if os.environ.get("CI"):
        pytest.fail(f"{reason} (required under CI: `make test` installs LibreOffice and Chromium)")
    pytest.skip(reason)


@pytest.fixture(scope="module")
def zoo() -> Path:
    try:
        return cached_zoo()
    except ToolMissing as exc:
        _unavailable(f"cannot render the layout zoo: {exc}")


@pytest.fixture(scope="module")
def docs():
    return {d.stem: d for d in build_docs()}


# ------------------------------------------------------------------------------------------------
# The gold itself (no producers needed)


def test_gold_follows_the_corpus_format(docs):
    for doc in docs.values():
        gold = doc.gold()
        assert list(gold) == ["doc", "post", "purpose", "duties", "criteria"], doc.stem
        assert list(gold["post"]) == ["title", "organisation", "grade", "salary", "hours_per_week", "reports_to",
                                      "location"]
        assert gold["post"]["title"] and gold["post"]["organisation"], doc.stem
        assert gold["duties"] or gold["criteria"], doc.stem
        for d in gold["duties"]:
            assert list(d) == ["text", "section", "optional"]
            assert d["section"] is None or (d["section"] == d["section"].strip() and not d["section"].endswith(":"))
            assert not re.match(r"\d+(\.\d+)*[.)]?\s", d["section"] or ""), d["section"]  # numbering removed
        for c in gold["criteria"]:
            assert list(c) == ["text", "level", "category", "category_label", "assessed_by", "optional"]
            assert c["level"] in ("essential", "desirable") and c["category"] in CATEGORIES
            assert set(c["assessed_by"]) <= set(METHODS)
        texts = [i["text"] for i in gold["duties"] + gold["criteria"]] + gold["purpose"]
        assert all(t == " ".join(t.split()) and len(t.split()) >= 3 for t in texts), doc.stem
        assert len(set(texts)) == len(texts), f"{doc.stem}: an item appears twice"


def test_gold_items_of_a_document_align_one_to_one(docs):
    """score.py aligns items at rapidfuzz ratio >= 85: no two items of a document may be that close."""
    from rapidfuzz import fuzz

    for doc in docs.values():
        for kind in ("duties", "criteria"):
            texts = [i.text.lower() for i in getattr(doc, kind)]
            close = [(a, b) for k, a in enumerate(texts) for b in texts[k + 1:] if fuzz.ratio(a, b) >= 85]
            assert close == [], f"{doc.stem}: {close}"


def test_gold_yaml_reads_back_as_written(docs, tmp_path):
    doc = docs["letter-column-01"]
    path = tmp_path / "g.gold.yaml"
    path.write_text(doc.gold_yaml(2026), encoding="utf-8")
    assert path.read_text(encoding="utf-8").startswith("# layout zoo: family letter_column, seed 2026")
    assert yaml.safe_load(path.read_text(encoding="utf-8")) == doc.gold()


def test_generation_is_deterministic_for_a_seed(docs, tmp_path):
    again = {d.stem: d for d in build_docs()}
    assert {s: d.gold() for s, d in again.items()} == {s: d.gold() for s, d in docs.items()}
    for stem in ("category-rows-02", "word-numbering-01", "header-details-03"):
        write_docx(docs[stem].layout, tmp_path / "a.docx")
        write_docx(again[stem].layout, tmp_path / "b.docx")
        assert (tmp_path / "a.docx").read_bytes() == (tmp_path / "b.docx").read_bytes(), stem
    other = {d.stem: d.gold() for d in build_docs(("letter_column",), seed=7)}
    assert other["letter-column-01"] != docs["letter-column-01"].gold()


@pytest.mark.parametrize("name", NAMES)
def test_each_family_varies_between_documents(docs, name):
    ours = [d for d in docs.values() if d.family == name]
    assert len(ours) == 3
    assert len({d.post.organisation for d in ours}) == 3, "schools"
    items = [frozenset(i.text for i in d.duties + d.criteria) for d in ours]
    assert len(set(items)) == 3, "duties and criteria"
    labels = [frozenset(c.category_label for c in d.criteria) | frozenset(x.section or "" for x in d.duties)
              for d in ours]
    assert len(set(labels)) >= 2, "headings and category labels"


def test_zoo_wording_is_not_the_corpus(docs):
    """The zoo is written fresh: no gold item is within fuzzy-match distance of a corpus gold item."""
    from rapidfuzz import fuzz, process

    golds = sorted(CORPUS.glob("gold/*.gold.yaml")) + sorted(CORPUS.glob("real/gold/*.gold.yaml"))
    if not golds:
        _unavailable(f"corpus gold not found under {CORPUS}")
    corpus = set()
    for path in golds:
        g = yaml.safe_load(path.read_text(encoding="utf-8"))
        corpus.update(i["text"].lower() for i in (g.get("duties") or []) + (g.get("criteria") or []))
    ours = sorted({i.text.lower() for d in docs.values() for i in d.duties + d.criteria})
    close = [(t, m[0]) for t in ours if (m := process.extractOne(t, corpus, scorer=fuzz.ratio, score_cutoff=85))]
    assert close == []


def test_every_family_is_documented():
    readme = (ROOT / "tests" / "zoo" / "README.md").read_text(encoding="utf-8")
    for name in NAMES:
        assert f"`{name}`" in readme, name
        assert family(name).SUMMARY and family(name).__doc__, name


# ------------------------------------------------------------------------------------------------
# The command line


def test_generate_command_writes_formats_and_gold(tmp_path):
    res = subprocess.run([sys.executable, "-m", "tests.zoo.generate", str(tmp_path / "out"), "--families",
                          "letter-column,inline_markers", "--formats", "docx", "--per-family", "2", "--seed", "5"],
                         cwd=ROOT, capture_output=True, text=True)
    assert res.returncode == 0, res.stderr
    assert res.stdout == ""
    assert res.stderr.splitlines()[0] == f"wrote 4 documents in 2 families as docx into {tmp_path / 'out'}"
    assert re.fullmatch(r"done in \d+\.\d s", res.stderr.splitlines()[1])
    stems = ["inline-markers-01", "inline-markers-02", "letter-column-01", "letter-column-02"]
    assert sorted(p.stem for p in (tmp_path / "out" / "docx").iterdir()) == stems
    assert sorted(p.name for p in (tmp_path / "out" / "gold").iterdir()) == [f"{s}.gold.yaml" for s in stems]
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["docx", "gold"]


@pytest.mark.parametrize(("args", "message"), [
    (["--families", "letter_column,nope"], "argument --families: unknown family 'nope' (known: letter_column,"),
    (["--formats", "pdf"], "argument --formats: unknown format 'pdf' (known: docx, pdf-lo, pdf-chrome, txt)"),
    (["--per-family", "0"], "error: --per-family must be at least 1"),
])
def test_generate_command_rejects_bad_arguments(tmp_path, args, message):
    res = subprocess.run([sys.executable, "-m", "tests.zoo.generate", str(tmp_path / "out"), *args], cwd=ROOT,
                         capture_output=True, text=True)
    assert res.returncode == 2
    assert res.stdout == ""
    assert message in res.stderr.splitlines()[-1]
    assert "Traceback" not in res.stderr
    assert not (tmp_path / "out").exists()


# ------------------------------------------------------------------------------------------------
# (a) the gold against every rendering


def _gaps(job: tuple[list[str], Path]) -> list[str]:
    return missing_in_file(*job)


@pytest.fixture(scope="module")
def gaps(zoo, docs) -> dict[tuple[str, str], list[str]]:
    """(stem, format) -> the gold strings its rendering lacks, read in two processes (PDFs are slow to read)."""
    jobs = {}
    for doc in docs.values():
        gold = doc.gold()
        expected = [i["text"] for i in gold["duties"] + gold["criteria"]] + gold["purpose"]
        expected += [gold["post"][k] for k in ("title", "organisation", "grade") if gold["post"][k]]
        for fmt in doc.formats:
            jobs[(doc.stem, fmt)] = (expected, zoo / fmt / f"{doc.stem}{SUFFIX[fmt]}")
    with ProcessPoolExecutor(max_workers=2) as pool:
        return dict(zip(jobs, pool.map(_gaps, jobs.values()), strict=True))


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("name", NAMES)
def test_gold_text_is_in_every_rendering(zoo, docs, gaps, name, fmt):
    ours = [d for d in docs.values() if d.family == name]
    if fmt not in ours[0].formats:
        assert not any((zoo / fmt / f"{d.stem}{SUFFIX[fmt]}").exists() for d in ours)
        return
    for doc in ours:
        assert (zoo / fmt / f"{doc.stem}{SUFFIX[fmt]}").exists()
        assert gaps[(doc.stem, fmt)] == [], f"{doc.stem} ({fmt})"


# ------------------------------------------------------------------------------------------------
# (b) the parser's accuracy on the zoo


@pytest.fixture(scope="module")
def scores(zoo):
    if not (TOOLS / "score.py").exists():
        _unavailable(f"score.py not found at {TOOLS}")
    return score_zoo(zoo)


@pytest.mark.parametrize(("name", "fmt"), sorted(FLOORS))
def test_zoo_accuracy_floor(scores, name, fmt):
    s = scores[(name, fmt)]["summary"]
    assert s["docs_parsed"] == s["docs"] == 3
    for metric, floor in zip(METRICS, FLOORS[(name, fmt)], strict=True):
        assert s[metric] >= floor, f"{name}/{fmt}: {metric} fell to {s[metric]} (floor {floor})"


def test_floors_cover_every_family_and_format(docs):
    expected = {(d.family, f) for d in docs.values() for f in d.formats}
    assert set(FLOORS) == expected
