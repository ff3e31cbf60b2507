"""`jobspec compare` accuracy on the gold alignments of the development corpus, read in place.

Two folders, each with its own floor: ``align/`` (the ten pairs of the five seed posts, documents
in ``docx/``) and ``real/align/`` (three pairs of real published documents, in ``real/docs/``).
For each ``<a>__<b>.align.yaml`` the CLI compares A's document with B's (A first) into a JSON
report, then ``score_compare.py --dir`` gives the micro-average. The floors are the scores last
measured: raise them when matching improves, never lower them. (Cross-validated figures, which
these in-sample floors are not, come from ``scripts/fit_compare_weights.py``.)
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import TOOLS, need_corpus
from jobspec.cli.app import app

FLOORS = {
    "align": {"duties": {"p": 0.782, "r": 0.531}, "criteria": {"p": 0.944, "r": 0.872}},
    "real/align": {"duties": {"p": 1.0, "r": 0.417}, "criteria": {"p": 1.0, "r": 1.0}},
}
DOCUMENTS = {"align": "docx", "real/align": "real/docs"}


def _document(folder: Path, stem: str) -> Path:
    found = sorted(folder.glob(f"{stem}.*"))
    assert found, f"no document for {stem} in {folder}"
    return found[0]


@pytest.mark.parametrize("folder", sorted(FLOORS))
def test_compare_accuracy_floor(tmp_path, folder):
    corpus = need_corpus()
    runner = CliRunner()
    aligns = sorted((corpus / folder).glob("*.align.yaml"))
    assert aligns
    for f in aligns:
        name = f.name[: -len(".align.yaml")]
        a, b = name.split("__")
        docs = corpus / DOCUMENTS[folder]
        res = runner.invoke(app, ["compare", str(_document(docs, a)), str(_document(docs, b)),
                                  "--format", "json", "-o", str(tmp_path / f"{name}.json"), "-q"])
        assert res.exit_code == 0, (name, res.stderr)
    out = subprocess.run([sys.executable, str(TOOLS / "score_compare.py"), "--dir", str(corpus / folder),
                          str(tmp_path), "--min-p", "0", "--min-r", "0"], capture_output=True, text=True, check=True)
    assert len(out.stdout.strip().splitlines()) == len(aligns) + 1  # one line per pair, then the micro-average
    micro = json.loads(out.stdout.strip().splitlines()[-1])["micro"]
    for sec, floor in FLOORS[folder].items():
        for k, v in floor.items():
            assert micro[sec][k] >= v, f"{folder}: {sec} {k} fell to {micro[sec][k]} (floor {v})\n{out.stdout}"


def test_nway_clusters_of_the_real_documents_share_a_concept_or_a_fifth_of_their_words():
    """Every member of every cluster (core or shared) of the fifteen real documents compared at once
    shares a concept with the cluster's first member, or at least a fifth of their content words."""
    from jobspec.api import load_spec as load_side
    from jobspec.comparison.nway.many import compare_many

    corpus = need_corpus()
    docs = sorted((corpus / "real" / "docs").glob("*.*"))
    assert len(docs) == 15
    r = compare_many([load_side(p) for p in docs], min_share="2")
    n_clusters = 0
    for name in ("duties", "criteria"):
        for cl in r.section(name).clusters:
            n_clusters += 1
            head = cl.members[0].item
            texts = " | ".join(m.item.text for m in cl.members)
            assert not ("homework provision" in texts and "machine learning" in texts), texts  # supervised learning
            for m in cl.members[1:]:
                x = m.item
                shared = len(head.first.keys() & x.first.keys())
                assert head.concepts.keys() & x.concepts.keys() or 2 * shared >= 0.2 * (len(head.first) + len(x.first)), (
                    head.text, x.text)
    assert n_clusters >= 10
    for name in ("duties", "criteria"):  # every item in exactly one place: a cluster or its post's unique list
        sec = r.section(name)
        placed = [id(m.item) for cl in sec.clusters for m in cl.members] + [id(x) for u in sec.unique for x in u]
        assert sorted(placed) == sorted(id(x) for post in sec.items for x in post), name
        assert any(len(cl.members) > len(cl.posts) for cl in sec.clusters), name  # a post's line split in two
