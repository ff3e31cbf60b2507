"""Refit the logistic weights of `jobspec compare` on the gold alignments (development only).

usage: python scripts/fit_compare_weights.py [CORPUS]   (default ../shared/corpus, read in place)

Parses docx/<stem>.docx for every stem named in align/*.align.yaml, computes the pair features of
jobspec.compare.scoring for duties and criteria, labels same/reworded pairs 1 and unlisted pairs
0 (related pairs are left out), and fits a logistic regression (Newton's method, L2 0.1,
positives weighted 3x). It prints the weights to paste into jobspec/compare/settings.py;
``head_overlap`` is then set by hand (1.0, bias lowered by 0.3), as a pointwise fit cannot see
what it is for: choosing between two candidates for one item.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import yaml

from jobspec.api import parse_document
from jobspec.compare.features import prepare
from jobspec.compare.scoring import FEATURES, feature_tensor
from jobspec.compare.settings import Settings
from jobspec.concepts.vocabulary import load_vocabulary


def main(argv: list[str]) -> int:
    corpus = Path(argv[1]) if len(argv) > 1 else Path(__file__).resolve().parents[2] / "shared" / "corpus"
    vocab, st = load_vocabulary(), Settings()
    specs: dict[str, object] = {}
    rows, labels = [], []
    for f in sorted((corpus / "align").glob("*.align.yaml")):
        gold = yaml.safe_load(f.read_text(encoding="utf-8"))
        for stem in (gold["a"], gold["b"]):
            if stem not in specs:
                specs[stem] = parse_document(corpus / "docx" / f"{stem}.docx")
        for sec in ("duties", "criteria"):
            a = prepare(getattr(specs[gold["a"]], sec), vocab)
            b = prepare(getattr(specs[gold["b"]], sec), vocab)
            if not a or not b:
                continue
            kinds = {(g["a"], g["b"]): g["kind"] for g in gold.get(sec) or []}
            feats = feature_tensor(a, b, vocab, st)
            for i, x in enumerate(a):
                for j, y in enumerate(b):
                    k = kinds.get((x.text, y.text))
                    if k != "related":
                        rows.append(feats[i, j])
                        labels.append(1.0 if k else 0.0)
    X = np.hstack([np.array(rows), np.ones((len(rows), 1))])
    y = np.array(labels)
    w = np.zeros(X.shape[1])
    sw = np.where(y == 1, 3.0, 1.0)
    reg = 0.1 * np.eye(X.shape[1])
    reg[-1, -1] = 0
    for _ in range(60):
        p = 1 / (1 + np.exp(-X @ w))
        w -= np.linalg.solve((X * (p * (1 - p) * sw)[:, None]).T @ X + reg, X.T @ ((p - y) * sw) + reg @ w)
    print(f"{int(y.sum())} gold pairs, {len(y) - int(y.sum())} other pairs")
    for name, v in zip((*FEATURES, "bias"), w, strict=True):
        print(f'    "{name}": {v:.2f},')
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
