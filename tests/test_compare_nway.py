"""The N-way engine on small hand-made posts: the matrix, the common core and --min-share, unique
items, near-duplicates and outliers; the same matches as the two-post engine for two posts; the
same result in one process or several, in one block or many."""

from __future__ import annotations

import math
from itertools import combinations
from pathlib import Path

import numpy as np
import pytest

from compare_helpers import post, spec
from jobspec.api import load_spec as load_side
from jobspec.comparison.engine.pair import compare
from jobspec.comparison.nway import pool as nway_pool
from jobspec.comparison.nway.many import NWay, compare_many, expand_inputs, min_posts_for
from jobspec.errors import UsageError

ROOT = Path(__file__).resolve().parents[1]

TA = [
    "Support pupils' learning in class under the direction of the class teacher.",
    "Work with individual pupils and small groups on reading, phonics and number.",
    "Report any safeguarding concern straight away to the Designated Safeguarding Lead.",
    "Promote good behaviour in line with the school's behaviour policy.",
    "Carry out other reasonable duties as directed by the headteacher.",
]
TA_REWORDED = [
    "Work under the direction of the teacher to support children's learning in lessons.",
    "Deliver reading, phonics and maths activities to small groups and individual children.",
    "Follow the child protection policy and pass on any concern about a child to the DSL at once.",
    "Encourage positive behaviour and apply the behaviour policy fairly and consistently.",
    "Undertake any other duties appropriate to the grade, as reasonably requested by the headteacher.",
]
TRIPS = "Supervise pupils at break and lunchtime and on educational visits."
MINIBUS = "Drive the school minibus to swimming lessons and fixtures."
OFFICE = ["Manage the school office and its staff.", "Process invoices and orders in the finance system.",
          "Answer the telephone and greet visitors at reception.", "Prepare letters and newsletters for parents."]
CRITERIA = ["GCSE grade 4 (C) or above in English and maths, or equivalent", "Ability to work as part of a team"]


def _posts():
    """A, B (A reworded), C (A plus two duties of its own), D (a copy of A), E (an office post)."""
    a = spec(TA, CRITERIA, post=post(title="Teaching Assistant", organisation="Oakfield"), path="a.docx")
    b = spec(TA_REWORDED + [TRIPS], ["Good standard of literacy and numeracy (GCSE grade C/4 or equivalent)",
                                     "A good team player"], post=post(title="TA", organisation="Riverside"), path="b.docx")
    c = spec(TA[:4] + [TRIPS, MINIBUS], CRITERIA[:1], post=post(title="TA", organisation="Hillside"), path="c.docx")
    d = spec(TA, CRITERIA, post=post(title="Teaching Assistant", organisation="Larchwood"), path="d.docx")
    e = spec(OFFICE, ["Experience of working in a busy office"], post=post(title="Office Manager"), path="e.docx")
    return [a, b, c, d, e]


@pytest.fixture(scope="module")
def result() -> NWay:
    return compare_many(_posts())


def _texts(cl):
    return {m.item.text for m in cl.members}


def test_matrix_is_symmetric_with_ones_on_the_diagonal(result):
    for m in (result.duties.matrix, result.criteria.matrix, result.matrix):
        assert m.shape == (5, 5)
        assert np.allclose(np.diag(m), 1.0)
        assert np.allclose(m, m.T, equal_nan=True)
        assert np.all((m >= 0) & (m <= 1))
    # A and D are copies; A and B share their five duties reworded (Dice: 2 x 5 / (5 + 6))
    assert result.duties.matrix[0, 3] == 1.0
    assert result.duties.matched[0, 1] == 5 and math.isclose(result.duties.matrix[0, 1], 10 / 11)
    assert result.duties.matched[4].sum() == 0  # the office post has no duty in common with the others
    assert [p.id for p in result.posts] == ["P01", "P02", "P03", "P04", "P05"]


def test_common_core_follows_min_share(result):
    assert result.min_posts == 3  # default: half the posts, rounded up
    core = [_texts(cl) for cl in result.duties.core]
    assert all(len(cl.members) >= 3 for cl in result.duties.core)
    for text in TA[:4]:
        assert any(text in t for t in core), text
    assert not any(TRIPS in t for t in core)  # in B and C only
    every = compare_many(_posts(), min_share="100%")
    assert every.min_posts == 5 and every.duties.core == []  # nothing is in the office post too
    four = compare_many(_posts(), min_share=4)
    assert {frozenset(m.post for m in cl.members) for cl in four.duties.core} >= {frozenset({0, 1, 2, 3})}
    two = compare_many(_posts(), min_share="0.4")
    assert two.min_posts == 2 and any(TRIPS in _texts(cl) for cl in two.duties.core)
    # a cluster holds at most one item per post, and its text is the most common wording
    for cl in result.duties.clusters:
        assert len({m.post for m in cl.members}) == len(cl.members)
    trips = next(cl for cl in two.duties.clusters if TRIPS in _texts(cl))
    assert trips.text == TRIPS and trips.posts == [1, 2]


def test_unique_items_are_matched_in_no_other_post(result):
    assert [it.text for it in result.duties.unique[2]] == [MINIBUS]
    assert result.duties.unique[0] == [] and result.duties.unique[3] == []
    assert [it.text for it in result.duties.unique[4]] == OFFICE
    assert [it.text for it in result.criteria.unique[4]] == ["Experience of working in a busy office"]


def test_near_duplicates_and_outliers(result):
    pairs = {(d["a"], d["b"]) for d in result.near_duplicates}
    assert ("P01", "P04") in pairs
    first = result.near_duplicates[0]
    assert first["similarity"] == 1.0 and first["duties"] == 1.0 and first["criteria"] == 1.0
    assert [o["post"] for o in result.outliers] == ["P05"]
    assert result.outliers[0]["mean_similarity"] < 0.5 * result.outliers[0]["median_mean_similarity"]
    loose = compare_many(_posts(), near_duplicate=0.6)
    assert len(loose.near_duplicates) > len(result.near_duplicates)


def test_two_posts_match_exactly_as_the_two_post_engine():
    """Rarity scaled to a pair and lossless blocking: with two posts, the same pairs as `compare A B`."""
    specs = [load_side(p) for p in sorted((ROOT / "specs").glob("*.yaml"))] + _posts()[:3]
    for a, b in combinations(specs, 2):
        two = compare(a, b)
        many = compare_many([a, b])
        for name in ("duties", "criteria"):
            want = {(m.a.id, m.b.id) for m in getattr(two, name).matched}
            got = set()
            for cl in many.section(name).clusters:
                by_post = {m.post: m.item.id for m in cl.members}
                got.add((by_post[0], by_post[1]))
            assert got == want, (a.source.path, b.source.path, name)
            assert many.section(name).matched[0, 1] == len(want)


def test_identical_texts_are_always_a_match_in_many_posts_too():
    posts = [spec([], ["have self-confidence", f"Experience of working with {who}"], path=f"{k}.docx")
             for k, who in enumerate(("children", "young children", "pupils"))]
    for threshold in (50, 90):
        many = compare_many(posts, threshold=threshold)
        core = [sorted((m.post, m.item.id) for m in cl.members) for cl in many.criteria.clusters
                if len(cl.members) == 3]
        assert [(0, "C001"), (1, "C001"), (2, "C001")] in core, threshold
        assert all(score == 100.0 for i, j in combinations(range(3), 2)
                   for a, b, score in many.criteria.pair_matches(i, j) if a.id == "C001")
        for i, j in combinations(range(3), 2):  # and the same pairs as the two-post engine
            two = compare(posts[i], posts[j], threshold=threshold)
            assert {(a.id, b.id) for a, b, _ in many.criteria.pair_matches(i, j)} == {
                (m.a.id, m.b.id) for m in two.criteria.matched}, (threshold, i, j)


def test_same_result_in_one_block_or_many_and_in_several_processes(monkeypatch, result):
    def key(r: NWay):
        return ([sorted((m.post, m.item.id) for m in cl.members) for cl in r.duties.clusters + r.criteria.clusters],
                r.matrix.round(6).tolist())

    monkeypatch.setattr(nway_pool, "BLOCK_COLUMNS", 3)  # every later post a block of its own
    assert key(compare_many(_posts())) == key(result)
    monkeypatch.undo()
    import jobspec.comparison.nway.many as nway

    monkeypatch.setattr(nway, "PARALLEL_MIN_POSTS", 2)
    monkeypatch.setattr(nway, "PARALLEL_MIN_TEXTS", 1)
    assert key(compare_many(_posts(), jobs=2)) == key(result)


def test_posts_without_items_and_the_library_inputs(tmp_path):
    empty = spec([], [], post=post(title="Blank"), path="blank.docx")
    r = compare_many([*_posts()[:2], empty])
    assert math.isnan(r.criteria.matrix[2, 2]) and r.criteria.matrix[0, 2] == 0.0
    assert r.duties.unique[2] == [] and r.posts[2].path == "blank.docx"
    # nothing read is no evidence of difference: the blank post is in no other post's mean
    assert r.mean_similarity()[2] is None
    assert r.mean_similarity()[:2] == compare_many(_posts()[:2]).mean_similarity()
    with pytest.raises(UsageError):
        compare_many(_posts()[:1])
    with pytest.raises(ValueError):
        compare_many(_posts(), threshold=100)
    # folders: searched recursively, hidden folders skipped, name order
    (tmp_path / "b").mkdir()
    (tmp_path / ".git").mkdir()
    (tmp_path / "node_modules").mkdir()  # as parse and export search a folder: software folders and lock files left out
    for rel in ("b/z.yaml", "a.yaml", ".git/c.yaml", "notes.xlsx", "b/y.docx", "node_modules/d.yaml", "~$draft.docx"):
        (tmp_path / rel).write_text("x", encoding="utf-8")
    files, folder = expand_inputs([tmp_path])
    assert folder and [f.relative_to(tmp_path).as_posix() for f in files] == ["a.yaml", "b/y.docx", "b/z.yaml"]


@pytest.mark.parametrize(("given", "n", "want"), [
    (None, 20, 10), (None, 5, 3), (None, 2, 2), (None, 3, 2), ("5", 20, 5), (5, 20, 5), ("0.5", 20, 10),
    (0.75, 20, 15), ("50%", 20, 10), ("100%", 7, 7), ("1.0", 7, 7), ("0.01", 20, 2),
])
def test_min_share_as_a_count_or_a_share(given, n, want):
    assert min_posts_for(given, n) == want


@pytest.mark.parametrize("given", ["1", "21", "0", "-0.5", "1.5", "150%", "half", ""])
def test_min_share_errors_name_the_option(given):
    if given == "":
        assert min_posts_for(given, 20) == 10
        return
    with pytest.raises(UsageError, match=r"--min-share"):
        min_posts_for(given, 20)


def test_one_to_one_shortcuts_agree_with_the_hungarian_algorithm():
    """Pairs alone in their row and column, and groups settled by distinct strict maxima, give
    what the Hungarian algorithm gives on each pair of posts."""
    from jobspec.comparison.engine.assign import assign

    rng = np.random.default_rng(5)
    for _ in range(300):
        nr, nc, groups = int(rng.integers(1, 6)), int(rng.integers(2, 12)), int(rng.integers(1, 4))
        col_group = np.sort(rng.integers(0, groups, nc))
        cells = {(int(r), int(c)) for r, c in zip(rng.integers(0, nr, 14), rng.integers(0, nc, 14), strict=True)}
        rr = np.array([r for r, _ in sorted(cells)])
        cc = np.array([c for _, c in sorted(cells)])
        util = rng.choice([1.0, 1.5, 2.0, 2.5, 3.0], size=rr.size) + rng.random(rr.size) * (rng.random() < 0.7)
        pj = col_group[cc]
        got = {(int(rr[k]), int(cc[k])) for k in nway_pool._one_to_one(rr, cc, pj, util, nr, nc, groups)}
        want = set()
        for g in range(groups):
            table = [[0.0] * nc for _ in range(nr)]
            for k in np.flatnonzero(pj == g):
                table[rr[k]][cc[k]] = float(util[k])
            if any(any(row) for row in table):
                want |= set(assign(table, 1.0))
        total = {(int(rr[k]), int(cc[k])): float(util[k]) for k in range(rr.size)}
        assert sum(total[p] for p in got) == pytest.approx(sum(total[p] for p in want))
        if len(set(util.tolist())) == util.size:  # no ties: the one optimum
            assert got == want


def test_the_common_core_needs_a_shared_concept_or_a_fifth_of_the_words():
    """A word in common (supervise / supervised learning) does not make two duties one line, and
    two posts naming different options of a contrast (Level 2 / Level 3) are never matched."""
    homework = "Supervise and oversee the operation of the homework provision."
    machine = ("Using supervised and unsupervised machine learning techniques to predict the operation of models "
               "and outcomes.")
    posts = [spec([homework], ["NVQ Level 2 for Teaching Assistants"], path=f"h{k}.docx") for k in range(2)]
    posts += [spec([machine], ["Level 3 qualification in business administration"], path=f"m{k}.docx") for k in range(2)]
    r = compare_many(posts, min_share="2", threshold=5)
    assert r.duties.matched[0, 1] == 1 and r.duties.matched[2, 3] == 1  # the same wording matches
    assert r.duties.matched[0, 2] == r.duties.matched[1, 3] == 0
    assert r.criteria.matched[0, 2] == 0 and r.criteria.matched[0, 1] == 1
    assert sorted(len(cl.members) for cl in r.duties.core) == [2, 2]
    # and the two-post engine agrees
    two = compare(posts[0], posts[2], threshold=5, possible=1)
    assert two.duties.matched == [] and two.criteria.matched == []


def test_the_items_two_posts_share_are_those_the_two_post_report_matches(result):
    posts = _posts()
    for i, j in ((0, 1), (1, 3), (2, 0)):
        two = compare(posts[i], posts[j])
        for name in ("duties", "criteria"):
            pair = getattr(two, name)
            got = result.section(name).pair_matches(i, j)
            assert {(a.id, b.id) for a, b, _ in got} == {(m.a.id, m.b.id) for m in pair.matched}, (i, j, name)
            assert all(0 < score <= 100 for _, _, score in got)
            assert [a.id for a, _, _ in got] == sorted(a.id for a, _, _ in got)
    assert result.duties.pair_matches(1, 1) == []


def test_rarity_is_measured_over_every_post_of_the_run():
    """As the README says: a pair of posts is matched as `compare A B` matches it, except that words
    and concepts are weighed by their rarity in all the posts of the run. Copies of the two change
    no rarity, so nothing; an office post makes the teaching words rarer, so the two assistants'
    reworded duties score higher, and at --threshold 70 one more pair is matched than in `compare A B`."""
    a, b, _, _, office = _posts()
    two = compare(a, b, threshold=70)
    want = [(m.a.id, m.b.id, round(m.score, 1)) for m in two.duties.matched]
    assert [w[:2] for w in want] == [("D001", "D001"), ("D002", "D002"), ("D004", "D004"), ("D005", "D005")]
    copies = [spec([d.text for d in s.duties], [c.text for c in s.criteria], path=f"copy-{k}.docx")
              for k, s in enumerate((a, b))]
    assert [(x.id, y.id, s) for x, y, s in compare_many([a, b, *copies], threshold=70).duties.pair_matches(0, 1)] == want
    run = compare_many([a, b, office], threshold=70)
    got = run.duties.pair_matches(0, 1)
    assert [(x.id, y.id) for x, y, _ in got] == [("D001", "D001"), ("D002", "D002"), ("D003", "D003"),
                                                 ("D004", "D004"), ("D005", "D005")]
    assert run.duties.matched[0, 1] == len(want) + 1
    others = [score for x, _, score in got if x.id != "D003"]
    assert all(score > w[2] for score, w in zip(others, want, strict=True))
