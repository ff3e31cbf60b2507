"""Fit the weights and threshold of `jobspec compare`, and measure them honestly (development only).

usage: python scripts/fit_compare_weights.py [--corpus DIR] [--fit-on gold|parsed|both]
                                              [--vocabulary FILE]... [--lambda L] [--quick]

The development set is the 13 gold-aligned pairs of posts (``compare_corpus.py``), each compared
twice: from the gold items ("perfect parse": the matcher on its own) and from the parsed documents
(what a user gets today). For a set of training pairs the fit is:

1. **Weights**: a logistic regression on the features of ``jobspec.comparison.engine.scoring``,
   L2-regularised (``--lambda``, default 1), over the pairs of items that compete for a match in
   the training pairs (each item's three best partners, and every gold pair): same/reworded gold
   pairs are 1, unlisted pairs 0, related pairs left out. A pointwise fit cannot see the
   one-to-one assignment, so:
2. **Bias shift**: chosen on the training pairs end to end (the engine's own decision and
   assignment, scored with the official ``score_compare.py`` rule) for the best F-beta (``--beta``,
   default 1) over duties and criteria together: the middle of the shifts within 0.005 of the
   best, as near-ties are common. Shifting the bias is choosing the threshold while the threshold
   keeps its meaning (a score of 50 = even odds).

Free parameters: one weight per feature and the bias. ``competition`` and ``conflict_penalty``
(different options of a contrast: Level 2 / Level 3) are set by reasoning, not fitted (see
``jobspec/comparison/engine/settings.py``): the first was a near-tie between values, the development pairs
hold almost no pair to learn the second from.

Printed: the weights fitted on all 13 pairs (for ``jobspec/comparison/engine/settings.py``), then per-pair
tables of hits / false matches / misses with micro-averages, **in-sample** (fitted on all 13 pairs,
measured on them) and **cross-validated** (leave one pair out: each pair measured with what was
fitted on the other 12), for both inputs, and the shipped settings measured as they are. The
cross-validated figures are the ones to quote. ``--vocabulary`` merges extra vocabulary files, to
measure a vocabulary change the same way (compare the figures with and without it).
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
import compare_corpus as cc  # noqa: E402

from jobspec.comparison.engine.features import Item, prepare  # noqa: E402
from jobspec.comparison.engine.pair import one_to_one  # noqa: E402
from jobspec.comparison.engine.scoring import FEATURES, conflict_matrix, feature_tensor, logits  # noqa: E402
from jobspec.comparison.engine.settings import Settings  # noqa: E402
from jobspec.concepts.vocabulary import Vocabulary, load_vocabulary  # noqa: E402

INPUTS = ("gold", "parsed")
OFFSETS = tuple(float(t) for t in np.arange(-2.0, 3.01, 0.25))  # added to the fitted bias; the threshold stays 50
PLATEAU = 0.005
CANDIDATES = 3
BETA = 1.0


@dataclass(slots=True)
class Case:
    """One section of one pair from one input, with its features computed once."""

    pair: cc.Pair
    kind: str  # gold | parsed
    section: str
    a: list[Item]
    b: list[Item]
    feats: np.ndarray
    conflicts: np.ndarray
    labels: np.ndarray  # 1 same/reworded, 0 unlisted, -1 related


def build_cases(corpus: Path, todo: list[cc.Pair], vocab: Vocabulary, st: Settings) -> list[Case]:
    sc = cc.scorer(corpus)
    out = []
    for kind in INPUTS:
        specs = cc.load_specs(corpus, todo, kind, vocab)
        for p in todo:
            for sec in cc.SECTIONS:
                a = prepare(getattr(specs[p.a], sec), vocab)
                b = prepare(getattr(specs[p.b], sec), vocab)
                if not a or not b:
                    if p.gold.get(sec):  # gold pairs that no input item can reach still count as misses
                        out.append(Case(p, kind, sec, a, b, np.zeros((len(a), len(b), len(FEATURES))),
                                        np.zeros((len(a), len(b))), np.zeros((len(a), len(b)))))
                    continue
                lab = np.zeros((len(a), len(b)))
                for g in p.gold.get(sec) or []:
                    for i, x in enumerate(a):
                        if not sc.same(g["a"], x.text):
                            continue
                        for j, y in enumerate(b):
                            if sc.same(g["b"], y.text):
                                lab[i, j] = -1 if g["kind"] == "related" else 1
                out.append(Case(p, kind, sec, a, b, feature_tensor(a, b, vocab, st), conflict_matrix(a, b, vocab), lab))
    return out


def fit_weights(cases: list[Case], lam: float, use: tuple[str, ...] = FEATURES) -> dict[str, float]:
    """Logistic weights of the features ``use`` (the others get 0) and the bias.

    Trained on the pairs that compete for a match: each item's ``CANDIDATES`` best partners (by the
    plain sum of the features, then again by the first fit's logits) and every gold pair. The far
    more numerous pairs that share nothing would otherwise decide the weights, while the
    assignment only ever chooses among the best few partners of each item.
    """
    cols = [FEATURES.index(f) for f in use]
    w = None
    for _ in range(2):
        rows, ys = [], []
        for c in cases:
            if not c.feats.size:
                continue
            sim = c.feats[:, :, cols].sum(axis=2) if w is None else c.feats[:, :, cols] @ w[:-1]
            m = c.labels == 1
            top_r = np.argsort(-sim, axis=1, kind="stable")[:, :CANDIDATES]
            top_c = np.argsort(-sim, axis=0, kind="stable")[:CANDIDATES, :]
            m[np.arange(sim.shape[0])[:, None], top_r] = True
            m[top_c, np.arange(sim.shape[1])[None, :]] = True
            m &= c.labels >= 0
            rows.append(c.feats[m][:, cols])
            ys.append(c.labels[m])
        X = np.vstack(rows)
        X = np.hstack([X, np.ones((len(X), 1))])
        y = np.concatenate(ys)
        reg = lam * np.eye(X.shape[1])
        reg[-1, -1] = 0.0
        w = np.zeros(X.shape[1])
        for _ in range(50):
            p = 1 / (1 + np.exp(-np.clip(X @ w, -30, 30)))
            step = np.linalg.solve((X * (p * (1 - p))[:, None]).T @ X + reg, X.T @ (p - y) + reg @ w)
            w -= step
            if np.abs(step).max() < 1e-8:
                break
    got = dict(zip(use, w[:-1], strict=True))
    return {**{f: round(float(got.get(f, 0.0)), 2) for f in FEATURES}, "bias": round(float(w[-1]), 2)}


def run(corpus: Path, cases: list[Case], vocab: Vocabulary, st: Settings,
        errors: list[str] | None = None) -> dict[tuple[str, str], dict[str, tuple[int, int, int]]]:
    """(pair name, input) -> section -> (hits, false, missed) with settings ``st``; ``errors``
    collects a line for each false match (gold input only)."""
    sc = cc.scorer(corpus)
    out: dict[tuple[str, str], dict[str, tuple[int, int, int]]] = {}
    for c in cases:
        got = []
        if c.a and c.b:
            _, adj = logits(c.feats, c.conflicts, st)
            for i, j in one_to_one(c.a, c.b, adj, st, c.conflicts):
                got.append((c.a[i].text, c.b[j].text))
                if errors is not None and c.kind == "gold" and c.labels[i, j] == 0:
                    errors.append(f"  false {c.section:8s} {c.pair.name[:30]:30s} {c.a[i].text[:60]!r} ~ {c.b[j].text[:60]!r}")
        out.setdefault((c.pair.name, c.kind), {})[c.section] = sc.score(c.pair.gold.get(c.section) or [], got)
    return out


def totals(res, kinds=INPUTS) -> dict[str, list[int]]:
    tot = {s: [0, 0, 0] for s in cc.SECTIONS}
    for (_, kind), r in res.items():
        if kind in kinds:
            for s, v in r.items():
                for k in range(3):
                    tot[s][k] += v[k]
    return tot


def fbeta(tot: dict[str, list[int]], beta: float) -> float:
    """F-beta over duties and criteria together (beta < 1 favours precision)."""
    tp, fp, fn = (sum(v[k] for v in tot.values()) for k in range(3))
    b2 = beta * beta
    return (1 + b2) * tp / ((1 + b2) * tp + b2 * fn + fp) if tp else 0.0


def tune(corpus: Path, cases: list[Case], vocab: Vocabulary, weights: dict[str, float], base: Settings,
         kinds: tuple[str, ...], offsets, beta: float) -> Settings:
    """The bias shift for the best F-beta on ``cases``: the middle of the plateau of shifts that
    score within ``PLATEAU`` of the best (the best alone jumps between near-ties from fold to fold)."""
    scored = []
    for off in offsets:
        st = replace(base, weights={**weights, "bias": round(weights["bias"] + off, 2)})
        scored.append((fbeta(totals(run(corpus, cases, vocab, st), kinds), beta), off, st))
    top = max(s for s, _, _ in scored)
    near = [x for x in scored if x[0] >= top - PLATEAU]
    return near[len(near) // 2][2]


def table(title: str, res, names: list[str]) -> None:
    print(f"\n## {title}")
    for kind in INPUTS:
        print(f"\n{kind} input{' (gold items: a perfect parse)' if kind == 'gold' else ' (documents as parsed)'}"
              f"            duties h/f/m   criteria h/f/m")
        for n in names:
            r = res.get((n, kind))
            if r is None:
                continue
            cell = "  ".join(f"{'/'.join(str(v) for v in r.get(s, (0, 0, 0))):>14s}" for s in cc.SECTIONS)
            print(f"  {n[:58]:58s} {cell}")
        tot = totals(res, (kind,))
        for s in cc.SECTIONS:
            p, r, f = cc.prf(*tot[s])
            print(f"  micro {s:9s} P {p:.3f} R {r:.3f} F1 {f:.3f}  ({tot[s][0]} hits, {tot[s][1]} false, {tot[s][2]} missed)")


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=cc.default_corpus())
    ap.add_argument("--fit-on", choices=("gold", "parsed", "both"), default="both")
    ap.add_argument("--vocabulary", action="append", default=[])
    ap.add_argument("--lambda", dest="lam", type=float, default=1.0)
    ap.add_argument("--beta", type=float, default=BETA, help="the F-beta the bias is chosen for")
    ap.add_argument("--features", default=",".join(FEATURES), help="comma-separated features to fit (others weigh 0)")
    ap.add_argument("--show-errors", action="store_true", help="list the cross-validated false matches")
    ap.add_argument("--quick", action="store_true", help="a coarser grid of bias shifts (step 0.5)")
    args = ap.parse_args(argv[1:])
    vocab = load_vocabulary(args.vocabulary)
    base = Settings()
    todo = cc.pairs(args.corpus)
    names = [p.name for p in todo]
    kinds = INPUTS if args.fit_on == "both" else (args.fit_on,)
    offsets = OFFSETS[::2] if args.quick else OFFSETS
    use = tuple(f.strip() for f in args.features.split(",") if f.strip())
    unknown = set(use) - set(FEATURES)
    if unknown:
        ap.error(f"unknown feature(s): {', '.join(sorted(unknown))} (known: {', '.join(FEATURES)})")
    cases = build_cases(args.corpus, todo, vocab, base)
    print(f"{len(todo)} pairs; features: {', '.join(use)}; fitted on {args.fit_on} input, L2 {args.lam}")

    table("shipped settings (jobspec/comparison/engine/settings.py), as they are", run(args.corpus, cases, vocab, base), names)

    def fit(train: list[Case]) -> Settings:
        w = fit_weights([c for c in train if c.kind in kinds], args.lam, use)
        return tune(args.corpus, [c for c in train if c.kind in kinds], vocab, w, base, kinds, offsets, args.beta)

    full = fit(cases)
    print("\n## fitted on all pairs (paste into jobspec/comparison/engine/settings.py)")
    for k, v in full.weights.items():
        print(f'    "{k}": {v},')
    table("in-sample: fitted on all 13 pairs, measured on them", run(args.corpus, cases, vocab, full), names)

    cv: dict = {}
    errors: list[str] = []
    print("\n## leave-one-pair-out folds (weights and bias fitted without the pair)")
    for n in names:
        st = fit([c for c in cases if c.pair.name != n])
        print(f"  without {n[:58]:58s} bias {st.weights['bias']:6.2f}")
        cv.update(run(args.corpus, [c for c in cases if c.pair.name == n], vocab, st, errors))
    table("cross-validated (leave one pair out): the figures to quote", cv, names)
    if args.show_errors:
        print("\n## cross-validated false matches (gold input)")
        print("\n".join(errors))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
