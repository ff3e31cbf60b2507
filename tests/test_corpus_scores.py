"""Accuracy on the development corpus, read in place, asserted as floors that only ever go up.

Each floor is the score last measured; raise it whenever the parser improves.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from conftest import TOOLS, need_corpus
from jobspec.batch import find_inputs, parse_many, render
from jobspec.spec.schema import validation_errors

# set -> (source folder, gold folder, floors)
FLOORS = {
    "docx": ("docx", "gold", {"duties_f1": 1.0, "criteria_f1": 1.0, "level_acc": 1.0, "fields": 15}),
    "pdf": ("pdf", "gold", {"duties_f1": 1.0, "criteria_f1": 1.0, "level_acc": 1.0, "fields": 15}),
    "txt": ("txt", "gold", {"duties_f1": 1.0, "criteria_f1": 0.981, "level_acc": 1.0, "fields": 15}),
    "real": ("real/docs", "real/gold", {"duties_f1": 1.0, "criteria_f1": 1.0, "level_acc": 1.0, "fields": 36,
                                        "purpose_f1": 1.0, "section_acc": 1.0}),
}


def _score(tmp_path, src: str, gold: str) -> dict:
    corpus = need_corpus()
    out = tmp_path / "out"
    out.mkdir()
    files, _ = find_inputs([corpus / src])
    for o in parse_many(files, out_dir=out, jobs=1):
        if o.ok:
            assert validation_errors(o.data) == [], o.path.name  # every spec we write follows the schema
            (out / f"{o.path.stem}.yaml").write_text(render(o.data), encoding="utf-8")
    res = subprocess.run([sys.executable, str(TOOLS / "score.py"), str(corpus / gold), str(out), "--json"],
                         capture_output=True, text=True, check=True)
    return json.loads(res.stdout)["summary"]


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_corpus_accuracy_floor(tmp_path, name):
    src, gold, floors = FLOORS[name]
    s = _score(tmp_path, src, gold)
    assert s["docs_parsed"] == s["docs"]
    for key in ("duties_f1", "criteria_f1", "level_acc"):
        assert s[key] >= floors[key], f"{name}: {key} fell to {s[key]} (floor {floors[key]})"
    if "purpose_f1" in floors:
        assert s["purpose_f1"] >= floors["purpose_f1"], f"{name}: purpose F1 fell to {s['purpose_f1']}"
    if "section_acc" in floors:
        ok, n = (int(x) for x in s["section_acc"].split("/"))
        assert ok >= floors["section_acc"] * n, f"{name}: sections right fell to {s['section_acc']}"
    right = sum(int(v.split("/")[0]) for v in s["fields_acc"].values())
    assert right >= floors["fields"], f"{name}: key fields right fell to {right}"
    assert s["fields_guessed"] == 0, f"{name}: {s['fields_guessed']} fields filled where the document states nothing"
