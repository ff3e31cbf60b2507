"""Score every pair of items: lexical and concept evidence, combined by fixed logistic weights.

Features (each 0..1), computed for all pairs at once with numpy:

- ``lexical_cosine``: cosine of IDF-weighted content words, the first words of an item counting
  most (the main duty comes first: "Attend meetings ... and participate in training" is about
  meetings); IDF is computed over the items of both posts, so words every item uses weigh little.
- ``bigram_cosine``: the same over adjacent word pairs ("role model", "small group").
- ``token_set_ratio``, ``token_sort_ratio``: rapidfuzz scorers on the stemmed content words.
- ``concept_overlap``: Dice overlap of the shared concepts, each weighted by its vocabulary
  weight, its rarity in the two posts and its position in the item.
- ``rarest_shared_concept``: the weight of the most specific concept both items mention.
- ``shared_words``: the IDF mass of the shared words, saturating at 12.
- ``head_overlap``: how much of each item's first words (its main clause) the other item has,
  the smaller of the two directions; it settles which of two items a combined item mainly is.
- ``semantic_cosine``: cosine of the two texts' vectors from general English word-piece vectors
  (:mod:`jobspec.concepts.word_vectors`), rescaled so that ``SEMANTIC_FLOOR`` (about the median
  cosine of any two items of two posts: related by being English job text, nothing more) is 0
  and 1 is 1: "training" ~ "professional development", "well being" ~ "welfare", with no
  shared word or vocabulary concept.
"""

from __future__ import annotations

import math
from collections import Counter

from jobspec.comparison.engine.features import Item, item_vectors
from jobspec.comparison.engine.settings import Settings
from jobspec.concepts.vocabulary import Vocabulary

FEATURES = ("lexical_cosine", "bigram_cosine", "token_set_ratio", "token_sort_ratio", "concept_overlap",
            "rarest_shared_concept", "shared_words", "head_overlap", "semantic_cosine")
SCORERS = ("rapidfuzz.fuzz.token_set_ratio", "rapidfuzz.fuzz.token_sort_ratio", "idf_cosine(words, position-weighted)",
           "idf_cosine(word pairs)", "concept_dice(vocabulary)", "rarest_shared_concept(vocabulary)",
           "shared_idf_mass(words)", "head_overlap(first words, both ways)",
           "cosine(mean word-piece vectors, distilled from all-MiniLM-L6-v2)")
SHARED_WORDS_SATURATION = 12.0
HEAD_WORDS = 4
MIN_ITEMS = 20
MIN_SHARED_WORDS = 2
MIN_SHARED_SHARE = 0.2
SEMANTIC_FLOOR = 0.5
# an identical pair's utility in the one-to-one assignment: more than any two other pairs can bring
# (a pair's utility is its logit less the threshold's, plus 1: under 12 for any score below 99.999)
IDENTICAL_UTILITY = 1000.0


def semantic(cosines):
    """Text-vector cosines as the ``semantic_cosine`` feature: ``SEMANTIC_FLOOR`` and below 0, 1 at 1."""
    import numpy as np

    return np.clip((cosines - SEMANTIC_FLOOR) / (1.0 - SEMANTIC_FLOOR), 0.0, 1.0)


def enough_words(shared: int, n_a: int, n_b: int) -> bool:
    """Without a shared concept, two items need at least ``MIN_SHARED_WORDS`` content words in
    common, and at least ``MIN_SHARED_SHARE`` of their content words (2 x shared / (n_a + n_b))."""
    return shared >= MIN_SHARED_WORDS and 2 * shared >= MIN_SHARED_SHARE * (n_a + n_b)


def has_evidence(x: Item, y: Item) -> bool:
    """Enough in common to call two items one line: a shared concept, or shared words (see
    :func:`enough_words`). A match needs it, and so does an item joining a many-post group."""
    if x.concepts.keys() & y.concepts.keys():
        return True
    return enough_words(len(x.first.keys() & y.first.keys()), len(x.first), len(y.first))


def _pos_weight(k: int, params: tuple[int, float, float]) -> float:
    start, decay, floor = params
    return 1.0 if k < start else max(floor, decay ** (k - start))


def feature_tensor(a: list[Item], b: list[Item], vocab: Vocabulary, settings: Settings):
    """An array of shape (len(a), len(b), len(FEATURES))."""
    import numpy as np
    from rapidfuzz import fuzz, process

    n = max(len(a) + len(b), MIN_ITEMS)  # rarity is judged as if there were at least MIN_ITEMS items
    df: Counter[str] = Counter()
    bdf: Counter[tuple[str, str]] = Counter()
    cdf: Counter[str] = Counter()
    for it in (*a, *b):
        df.update(it.first.keys())
        bdf.update(it.bigrams.keys())
        cdf.update(it.concepts.keys())
    idf = {t: math.log(1 + n / d) for t, d in df.items()}
    bidf = {t: math.log(1 + n / d) for t, d in bdf.items()}
    cwd = {c: vocab.weight(c) * math.log(1 + n / d) for c, d in cdf.items()}
    # only what both posts use can be shared: the matrices hold those columns; norms use everything
    in_a = set().union(*(it.first.keys() for it in a))
    in_b = set().union(*(it.first.keys() for it in b))
    words = {t: k for k, t in enumerate(sorted(in_a & in_b))}
    bi_a = set().union(*(it.bigrams.keys() for it in a))
    bi_b = set().union(*(it.bigrams.keys() for it in b))
    pairs = {t: k for k, t in enumerate(sorted(bi_a & bi_b))}
    cons = {c: k for k, c in enumerate(sorted(cdf))}
    cw = np.array([cwd[c] for c in cons]) if cons else np.zeros(0)
    idf_shared = np.array([idf[t] for t in words]) if words else np.zeros(0)

    def mats(items: list[Item]):
        W = np.zeros((len(items), len(words)))
        Bn = np.zeros((len(items), len(words)))
        H = np.zeros((len(items), len(words)))
        P = np.zeros((len(items), len(pairs)))
        C = np.zeros((len(items), len(cons)))
        Cb = np.zeros((len(items), len(cons)))
        norms = np.zeros((len(items), 3))  # word vector norm, word-pair vector norm, head mass
        for r, it in enumerate(items):
            sq = head = 0.0
            for t, k in it.first.items():
                w = idf[t] * _pos_weight(k, settings.word_position)
                sq += w * w
                if k < HEAD_WORDS:
                    head += idf[t]
                col = words.get(t)
                if col is not None:
                    W[r, col] = w
                    Bn[r, col] = 1.0
                    if k < HEAD_WORDS:
                        H[r, col] = idf[t]
            bsq = 0.0
            for t, k in it.bigrams.items():
                w = bidf[t] * _pos_weight(k, settings.word_position)
                bsq += w * w
                col = pairs.get(t)
                if col is not None:
                    P[r, col] = w
            norms[r] = (math.sqrt(sq), math.sqrt(bsq), head)
            for c, k in it.concepts.items():
                C[r, cons[c]] = cw[cons[c]] * _pos_weight(k, settings.concept_position)
                Cb[r, cons[c]] = 1.0
        return W, Bn, P, C, Cb, H, norms

    Wa, Ba, Pa, Ca, Cba, Ha, Na = mats(a)
    Wb, Bb, Pb, Cb_, Cbb, Hb, Nb = mats(b)

    def dot(x, y):  # x @ y.T without BLAS: its threads cost more than they save on matrices this small
        return np.einsum("ik,jk->ij", x, y, optimize=False)

    def cosine(x, y, nx, ny):
        num = dot(x, y)
        den = np.outer(nx, ny)
        return np.divide(num, den, out=np.zeros_like(num), where=den > 0)

    out = np.zeros((len(a), len(b), len(FEATURES)))
    out[:, :, 0] = cosine(Wa, Wb, Na[:, 0], Nb[:, 0])
    out[:, :, 1] = cosine(Pa, Pb, Na[:, 1], Nb[:, 1])
    ja = [" ".join(it.tokens) for it in a]
    jb = [" ".join(it.tokens) for it in b]
    out[:, :, 2] = process.cdist(ja, jb, scorer=fuzz.token_set_ratio, dtype=np.float64) / 100.0
    out[:, :, 3] = process.cdist(ja, jb, scorer=fuzz.token_sort_ratio, dtype=np.float64) / 100.0
    # concept overlap: 2 * sum(min) / (sum_a + sum_b), and the rarest shared concept
    if cons:
        shared_min = np.zeros((len(a), len(b)))
        rarest = np.zeros((len(a), len(b)))
        for k in range(len(cons)):
            ca, cb = Ca[:, k], Cb_[:, k]
            if not ca.any() or not cb.any():
                continue
            shared_min += np.minimum(ca[:, None], cb[None, :])
            both = np.outer(Cba[:, k], Cbb[:, k])
            rarest = np.maximum(rarest, both * cw[k])
        den = Ca.sum(axis=1)[:, None] + Cb_.sum(axis=1)[None, :]
        out[:, :, 4] = np.divide(2 * shared_min, den, out=np.zeros_like(shared_min), where=den > 0)
        out[:, :, 5] = rarest / math.log(1 + n)
    out[:, :, 6] = np.minimum(1.0, dot(Ba * idf_shared, Bb) / SHARED_WORDS_SATURATION)
    ha, hb = Na[:, 2], Nb[:, 2]
    head_a = np.divide(dot(Ha, Bb), ha[:, None], out=np.zeros((len(a), len(b))), where=ha[:, None] > 0)
    head_b = np.divide(dot(Ba, Hb), hb[None, :], out=np.zeros((len(a), len(b))), where=hb[None, :] > 0)
    out[:, :, 7] = np.minimum(head_a, head_b)
    out[:, :, 8] = semantic(dot(item_vectors(a), item_vectors(b)))
    return out


def score_matrix(a: list[Item], b: list[Item], vocab: Vocabulary, settings: Settings):
    """(raw, adjusted) logit matrices; ``adjusted`` subtracts the competition penalty."""
    import numpy as np

    if not a or not b:
        z = np.zeros((len(a), len(b)))
        return z, z
    return logits(feature_tensor(a, b, vocab, settings), conflict_matrix(a, b, vocab), settings)


def logits(feats, conflicts, settings: Settings):
    """(raw, adjusted) logits from the feature tensor and the 0/1 matrix of conflicting pairs."""
    import numpy as np

    w = np.array([settings.weights.get(f, 0.0) for f in FEATURES])
    raw = np.einsum("ijk,k->ij", feats, w, optimize=False) + settings.weights["bias"]
    raw = raw - settings.conflict_penalty * conflicts
    best = np.maximum(raw.max(axis=1, keepdims=True), raw.max(axis=0, keepdims=True))
    adjusted = raw - settings.competition * (best - raw)
    return raw, adjusted


def conflict_matrix(a: list[Item], b: list[Item], vocab: Vocabulary):
    """1 where the two items name only different options of one contrast (Level 2 / Level 3), else 0.

    Items are grouped by what decides a conflict (their options, and the concepts contrasts are
    ``within``), so each distinct pair of groups is checked once.
    """
    import numpy as np

    within = sorted({c.within for c in vocab.contrasts.values() if c.within})

    def key(it: Item):
        return (tuple(sorted(it.qualifiers.items())), tuple(c for c in within if c in it.concepts))

    ka = [key(x) for x in a]
    kb = [key(y) for y in b]
    out = np.zeros((len(a), len(b)))
    ua = {k: n for n, k in enumerate(dict.fromkeys(k for k in ka if k[0]))}
    ub = {k: n for n, k in enumerate(dict.fromkeys(k for k in kb if k[0]))}
    if not ua or not ub:
        return out
    table = np.zeros((len(ua), len(ub)))
    for (qa, ca), r in ua.items():
        for (qb, cb), c in ub.items():
            if vocab.conflicts(dict(qa), ca, dict(qb), cb):
                table[r, c] = 1.0
    ia = np.array([ua.get(k, -1) for k in ka])
    ib = np.array([ub.get(k, -1) for k in kb])
    rows, cols = np.flatnonzero(ia >= 0), np.flatnonzero(ib >= 0)
    out[np.ix_(rows, cols)] = table[np.ix_(ia[rows], ib[cols])]
    return out


def to_score(z: float) -> float:
    """A logit as a 0..100 score."""
    if z < -30:
        return 0.0
    return 100.0 / (1.0 + math.exp(-z))


def to_logit(score: float) -> float:
    s = min(max(score, 1e-6), 100 - 1e-6)
    return math.log(s / (100 - s))
