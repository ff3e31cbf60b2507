"""Match two posts item by item: confident one-to-one matches, splits, possible matches, leftovers."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jobspec.comparison.engine.assign import assign
from jobspec.comparison.engine.diff import word_diff
from jobspec.comparison.engine.features import Item, item_vectors, prepare, surface_words
from jobspec.comparison.engine.posts import compare_posts
from jobspec.comparison.engine.scoring import (
    IDENTICAL_UTILITY,
    conflict_matrix,
    feature_tensor,
    has_evidence,
    logits,
    to_logit,
    to_score,
)
from jobspec.comparison.engine.settings import Settings
from jobspec.concepts.vocabulary import Vocabulary, load_vocabulary
from jobspec.spec.model import Spec


@dataclass(slots=True)
class Match:
    a: Item
    b: Item
    score: float
    kind: str  # identical | reworded
    diff: list[dict[str, str]]
    changes: dict[str, Any] = field(default_factory=dict)  # criteria: level/category/assessment changes
    why: dict[str, Any] = field(default_factory=dict)  # shared words and concepts, conflicts (see explain)


@dataclass(slots=True)
class Split:
    """One item of ``side`` whose content is spread over several items of the other post."""

    side: str  # "a": one A item -> several B items; "b": one B item -> several A items
    one: Item
    parts: list[Item]
    score: float


@dataclass(slots=True)
class Possible:
    a: Item
    b: Item
    score: float
    why: dict[str, Any] = field(default_factory=dict)


@dataclass(slots=True)
class Section:
    name: str  # duties | criteria
    a: list[Item]
    b: list[Item]
    matched: list[Match] = field(default_factory=list)
    splits: list[Split] = field(default_factory=list)
    possible: list[Possible] = field(default_factory=list)
    only_a: list[Item] = field(default_factory=list)
    only_b: list[Item] = field(default_factory=list)

    @property
    def covered_a(self) -> int:
        """A's items with a counterpart in B: matched, or spread over B's items in a split."""
        ids = {m.a.id for m in self.matched}
        for s in self.splits:
            ids.update([s.one.id] if s.side == "a" else [p.id for p in s.parts])
        return len(ids)


@dataclass(slots=True)
class Comparison:
    a_path: str
    b_path: str
    a: Spec
    b: Spec
    settings: Settings
    vocabulary: Vocabulary
    post: list[dict[str, Any]]
    duties: Section
    criteria: Section


def compare(a: Spec | str | Path, b: Spec | str | Path, *, threshold: float | None = None,
            possible: float | None = None, vocabulary: Sequence[str | Path] = (),
            settings: Settings | None = None) -> Comparison:
    """Compare post ``a`` with post ``b`` (specs, spec files or documents).

    ``threshold`` (0-100, default 50) is the score a one-to-one pair needs to be a match;
    pairs between ``possible`` (default 25) and the threshold are reported as possible matches.
    ``vocabulary`` lists extra concept-vocabulary files merged over the shipped one.
    """
    from jobspec.api import load_spec

    st = settings or Settings()
    if threshold is not None:
        st.threshold = float(threshold)
    if possible is not None:
        st.possible = float(possible)
    if not 0 < st.threshold < 100:
        raise ValueError("threshold must be between 0 and 100 (exclusive)")
    if not 0 < st.possible <= st.threshold:
        raise ValueError("possible must be above 0 and not above the threshold")
    vocab = load_vocabulary(vocabulary)
    a_path = str(a) if not isinstance(a, Spec) else a.source.path
    b_path = str(b) if not isinstance(b, Spec) else b.source.path
    sa = a if isinstance(a, Spec) else load_spec(a, vocabulary)
    sb = b if isinstance(b, Spec) else load_spec(b, vocabulary)
    duties = _section("duties", prepare(sa.duties, vocab), prepare(sb.duties, vocab), vocab, st)
    criteria = _section("criteria", prepare(sa.criteria, vocab), prepare(sb.criteria, vocab), vocab, st)
    for m in criteria.matched:
        m.changes = _criterion_changes(m.a.ref, m.b.ref)
    return Comparison(a_path=a_path, b_path=b_path, a=sa, b=sb, settings=st, vocabulary=vocab,
                      post=compare_posts(sa, sb), duties=duties, criteria=criteria)


def _section(name: str, a: list[Item], b: list[Item], vocab: Vocabulary, st: Settings) -> Section:
    if not a or not b:
        return decide(name, a, b, None, None, vocab, st)
    return decide(name, a, b, feature_tensor(a, b, vocab, st), conflict_matrix(a, b, vocab), vocab, st)


def decide(name: str, a: list[Item], b: list[Item], feats, conflicts, vocab: Vocabulary, st: Settings) -> Section:
    """Matches, splits and possible matches of one section from its feature tensor and conflicts.

    Apart from :func:`compare` so that weights and thresholds can be tried on features computed once.
    """
    sec = Section(name=name, a=a, b=b)
    if not a or not b:
        sec.only_a, sec.only_b = list(a), list(b)
        return sec
    raw, adj = logits(feats, conflicts, st)
    zp = to_logit(st.possible)
    pairs = one_to_one(a, b, adj, st, conflicts)
    used_a = {i for i, _ in pairs}
    used_b = {j for _, j in pairs}
    for i, j in pairs:
        ident = a[i].norm == b[j].norm
        sec.matched.append(Match(a=a[i], b=b[j], score=_score(float(adj[i][j]), ident),
                                 kind="identical" if ident else "reworded", diff=word_diff(a[i].text, b[j].text),
                                 why=explain(a[i], b[j], vocab)))
    sec.splits = _splits(a, b, raw, pairs, used_a, used_b, zp, st)
    # possible matches among what is left
    left_a = [i for i in range(len(a)) if i not in used_a]
    left_b = [j for j in range(len(b)) if j not in used_b]
    if left_a and left_b:
        sub = [[float(adj[i][j]) - zp + 1.0 for j in left_b] for i in left_a]
        for r, c in assign(sub, 1.0):
            i, j = left_a[r], left_b[c]
            sec.possible.append(Possible(a=a[i], b=b[j], score=_score(float(adj[i][j]), a[i].norm == b[j].norm),
                                         why=explain(a[i], b[j], vocab)))
    sec.possible.sort(key=lambda p: -p.score)
    sec.only_a = [a[i] for i in range(len(a)) if i not in used_a]
    sec.only_b = [b[j] for j in range(len(b)) if j not in used_b]
    return sec


def one_to_one(a: list[Item], b: list[Item], adj, st: Settings, conflicts=None) -> list[tuple[int, int]]:
    """The confident matches: the pairs at or above the threshold that maximise the total of
    (logit - logit(threshold) + 1), one to one. A pair needs some evidence beyond one rare word
    to be a match (a shared concept, or shared words: see :func:`enough_words`), and two items
    that name different options of a contrast (``conflicts``: Level 2 / Level 3) are never one.
    Identical texts (equal once normalised) are always a match, whatever their score and the
    threshold: one of them is paired with the other before any reworded pair is considered."""
    zt = to_logit(st.threshold)
    util = (adj - zt + 1.0).tolist()
    blocked = conflicts.tolist() if conflicts is not None else None
    for i, ia in enumerate(a):
        row = util[i]
        for j, jb in enumerate(b):
            if ia.norm and ia.norm == jb.norm:
                row[j] = IDENTICAL_UTILITY
            elif row[j] >= 1.0 and ((blocked is not None and blocked[i][j]) or not has_evidence(ia, jb)):
                row[j] = 0.0
    return assign(util, 1.0)


def _splits(a: list[Item], b: list[Item], raw, pairs: list[tuple[int, int]], used_a: set[int], used_b: set[int],
            zp: float, st: Settings) -> list[Split]:
    """Matched items that also take in a second, unmatched item of the other post.

    An unmatched item joins a match as a split part when it scores at least ``possible`` with
    the matched item, most of its content (words and concepts) is contained in that item, and
    it brings words the main counterpart lacks. Split parts are removed from ``used_*``.
    """
    out: list[Split] = []
    for side in ("a", "b"):
        ones, others = (a, b) if side == "a" else (b, a)
        for i, j in pairs:
            one, main = (i, j) if side == "a" else (j, i)
            used_other = used_b if side == "a" else used_a
            best = None
            for k in range(len(others)):
                if k in used_other:
                    continue
                z = float(raw[one][k]) if side == "a" else float(raw[k][one])
                if z < zp:
                    continue
                c = _containment(others[k], ones[one])
                if c < st.split_containment:
                    continue
                extra = set(others[k].first) - set(others[main].first)
                if not (extra & set(ones[one].first)):
                    continue
                if best is None or z > best[0]:
                    best = (z, k)
            if best is not None:
                z, k = best
                used_other.add(k)
                score = to_score(z)
                out.append(Split(side=side, one=ones[one], parts=[others[main], others[k]], score=round(score, 1)))
    return out


def _score(z: float, identical: bool) -> float:
    """A logit as the 0-100 score shown: 100 only for identical texts, so others stop at 99.9."""
    return 100.0 if identical else min(99.9, round(to_score(z), 1))


def explain(x: Item, y: Item, vocab: Vocabulary) -> dict[str, Any]:
    """Why two items were paired: their shared content words (as A writes them, most telling
    first: rarer concepts and earlier words lead), the concepts both mention (id and label), the
    cosine of their text vectors (``meaning``: it counts for the pair above ``SEMANTIC_FLOOR``),
    and any contrast on which they differ (which counted against the pair)."""
    shared = sorted(x.first.keys() & y.first.keys(), key=lambda t: x.first[t])
    sw = surface_words(x, vocab)
    cons = sorted(x.concepts.keys() & y.concepts.keys(), key=lambda c: (-vocab.weight(c), x.concepts[c], c))
    u, v = item_vectors([x, y])
    return {
        "words": [sw.get(t, t) for t in shared],
        "concepts": [{"id": c, "label": vocab.concepts[c].label if c in vocab.concepts else c} for c in cons],
        "meaning": round(float(u @ v), 2),
        "conflicts": vocab.conflicts(x.qualifiers, x.concepts, y.qualifiers, y.concepts),
    }




def _containment(part: Item, whole: Item) -> float:
    """Share of ``part``'s content words and concepts that ``whole`` also has (0..1)."""
    words = set(part.first)
    cons = set(part.concepts)
    if not words and not cons:
        return 0.0
    w = len(words & set(whole.first)) / len(words) if words else 1.0
    c = len(cons & set(whole.concepts)) / len(cons) if cons else w
    return math.sqrt(w * c)


def _criterion_changes(a: Any, b: Any) -> dict[str, Any]:
    out: dict[str, Any] = {"level_change": None, "category_change": None, "assessment_change": None}
    if a.level != b.level:
        out["level_change"] = f"{a.level}->{b.level}"
    if a.category != b.category:
        out["category_change"] = f"{a.category}->{b.category}"
    if sorted(a.assessed_by) != sorted(b.assessed_by):
        out["assessment_change"] = {"a": list(a.assessed_by), "b": list(b.assessed_by)}
    return out
