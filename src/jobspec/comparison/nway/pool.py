"""The items of many posts scored at once: one pool per section, vectorised once, compared by blocks.

Comparing N posts pair by pair with the two-post engine costs N(N-1)/2 full score matrices
(200 posts: 19,900 of them, about two minutes). Here every item is normalised, tagged and turned
into sparse vectors once, and one post's items are scored against the items of all the later
posts in a few numpy operations (a *block*):

1. **Cheap features for every pair of the block**: the word and word-pair cosines, the shared
   IDF mass, the head overlap (sparse products: only the words the row post uses are
   gathered from the columns), the concept overlap and the rarest shared concept (one small
   outer product per concept the row post mentions), and the cosine of the text vectors (one
   dense product; each item's vector is computed once, with the pool). These are the features of
   :mod:`jobspec.comparison.engine.scoring`, with the same weights.
2. **Blocking, without loss**: the two rapidfuzz features are bounded from above (token_set
   by 1, token_sort by the lengths of the two strings), which bounds each pair's logit. A pair
   whose bound is under the threshold can never be matched (the competition penalty only
   lowers a score), so it is dropped before any string comparison.
3. **The accurate score** for the pairs left: rapidfuzz ``token_set_ratio`` and
   ``token_sort_ratio`` (``process.cpdist``, element-wise), the logistic combination, the
   conflict penalty (items naming different options of a contrast), the competition penalty
   within each pair of posts, the evidence rule (a shared concept, or shared words: at least two
   and a fifth of the two items' content words), and the one-to-one assignment of
   :func:`jobspec.comparison.engine.assign.assign`.

Rarity (the IDF of words, word pairs and concepts) is measured over the whole pool and scaled
to a pair of posts of average size, so a word in half the items weighs what it would in a
two-post comparison; with two posts the scores are those of the two-post engine.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass

import numpy as np

from jobspec.comparison.engine.assign import assign
from jobspec.comparison.engine.features import Item, item_vectors
from jobspec.comparison.engine.scoring import (
    FEATURES,
    HEAD_WORDS,
    IDENTICAL_UTILITY,
    MIN_ITEMS,
    MIN_SHARED_SHARE,
    MIN_SHARED_WORDS,
    SHARED_WORDS_SATURATION,
    _pos_weight,
    semantic,
)
from jobspec.comparison.engine.settings import Settings
from jobspec.concepts.vocabulary import Vocabulary, contrasts_differ

# The features this module computes, in the order of scoring.FEATURES; a change there must be
# mirrored here (checked when a pool is built).
_FEATURES = ("lexical_cosine", "bigram_cosine", "token_set_ratio", "token_sort_ratio", "concept_overlap",
             "rarest_shared_concept", "shared_words", "head_overlap", "semantic_cosine")
BLOCK_COLUMNS = 2500  # items of the later posts scored against one post at a time (bounds memory)


@dataclass(slots=True)
class _Sparse:
    """Row-major sparse vectors of the pool's items: entries ``ptr[i]:ptr[i+1]`` belong to item i."""

    ptr: np.ndarray  # (n + 1,) int64
    idx: np.ndarray  # (nnz,) int32: word (or word pair) number
    val: np.ndarray  # (nnz,) float64: IDF x position weight
    head: np.ndarray  # (nnz,) float64: IDF when among the first HEAD_WORDS words, else 0
    owner: np.ndarray  # (nnz,) int32: the item of each entry
    idf: np.ndarray  # (size,) float64: each term's weight (for concepts: vocabulary weight x rarity)
    norm: np.ndarray  # (n,) float64: vector norm over all the item's words
    headmass: np.ndarray  # (n,) float64: IDF mass of the item's first words
    local: np.ndarray  # (size,) int32 scratch: word -> column in the current block, else -1


@dataclass(slots=True)
class Pool:
    """One section (duties or criteria) of every post, ready to be scored block by block."""

    items: list[Item]
    starts: np.ndarray  # (N + 1,) offsets: post p owns items starts[p]:starts[p+1]
    post_of: np.ndarray  # (n,) int32
    words: _Sparse
    pairs: _Sparse
    concept_terms: _Sparse  # val: concept weight x rarity x position
    concept_weight: np.ndarray  # (K,) float64: concept weight x rarity
    concept_sum: np.ndarray  # (n,)
    rarest_norm: float
    joined: list[str]  # content words joined, as rapidfuzz sees them
    text_id: np.ndarray  # (n,) int64: the same number for the same joined words (string scores are cached by it)
    norm_id: np.ndarray  # (n,) int64: the same number for identical texts (equal once normalised); -1 for none
    sorted_words: list[str]  # the same words sorted (token_sort_ratio is fuzz.ratio of these)
    length: np.ndarray  # (n,) float64: len(joined)
    n_words: np.ndarray  # (n,) float64: the item's distinct content words
    within: dict[str, str | None]  # contrast -> the concept it applies within (see Vocabulary.conflicts)
    meaning: np.ndarray  # (n, dims) float64: unit text vectors (jobspec.concepts.word_vectors)


def build_pool(posts_items: list[list[Item]], vocab: Vocabulary, st: Settings) -> Pool:
    """Vectorise every item of one section of every post, once."""
    if tuple(FEATURES) != _FEATURES:
        raise RuntimeError(f"scoring.FEATURES changed to {FEATURES}: update jobspec.comparison.nway.pool")
    items = [it for post in posts_items for it in post]
    counts = [len(p) for p in posts_items]
    starts = np.zeros(len(counts) + 1, dtype=np.int64)
    np.cumsum(counts, out=starts[1:])
    post_of = np.repeat(np.arange(len(counts), dtype=np.int32), counts)
    n = len(items)
    posts_with_items = sum(1 for c in counts if c) or 1
    # rarity as a two-post comparison of two average posts would see it: document frequencies
    # scaled to the items of such a pair, which counts as at least MIN_ITEMS items (as there)
    n_avg = 2.0 * n / posts_with_items
    n_pair = max(n_avg, float(MIN_ITEMS))
    scale = n_avg / n if n else 1.0

    def idf_of(counter: Counter) -> dict:
        return {t: math.log(1 + n_pair / max(1.0, d * scale)) for t, d in counter.items()}

    df: Counter = Counter()
    bdf: Counter = Counter()
    cdf: Counter = Counter()
    for it in items:
        df.update(it.first.keys())
        bdf.update(it.bigrams.keys())
        cdf.update(it.concepts.keys())
    words = _sparse(items, [it.first for it in items], idf_of(df), st, heads=True)
    pairs = _sparse(items, [it.bigrams for it in items], idf_of(bdf), st, heads=False)
    cw = {c: vocab.weight(c) * w for c, w in idf_of(cdf).items()}
    concepts = _sparse(items, [it.concepts for it in items], cw, st, heads=False, position=st.concept_position)
    joined = [" ".join(it.tokens) for it in items]
    ids: dict[str, int] = {}
    text_id = np.array([ids.setdefault(t, len(ids)) for t in joined], dtype=np.int64)
    norms: dict[str, int] = {}
    norm_id = np.array([norms.setdefault(it.norm, len(norms)) if it.norm else -1 for it in items], dtype=np.int64)
    return Pool(items=items, starts=starts, post_of=post_of, words=words, pairs=pairs, concept_terms=concepts,
                concept_weight=concepts.idf, concept_sum=np.bincount(concepts.owner, weights=concepts.val, minlength=n),
                rarest_norm=math.log(1 + n_pair), joined=joined, text_id=text_id, norm_id=norm_id, sorted_words=[" ".join(sorted(it.tokens)) for it in items],
                length=np.array([len(s) for s in joined], dtype=np.float64),
                n_words=np.array([len(it.first) for it in items], dtype=np.float64),
                within={k: c.within for k, c in vocab.contrasts.items()},
                meaning=item_vectors(items))


def _sparse(items: list[Item], terms: list[dict], idf: dict, st: Settings, *, heads: bool,
            position: tuple[int, float, float] | None = None) -> _Sparse:
    """Each item's terms (term -> first position) as weighted sparse vectors; ``idf`` gives each
    term's weight, ``position`` (default: the settings' word positions) how it fades along the item."""
    position = position or st.word_position
    vocab = {t: k for k, t in enumerate(sorted(idf, key=str))}
    idf_arr = np.array([idf[t] for t in vocab], dtype=np.float64) if vocab else np.zeros(0)
    ptr = np.zeros(len(items) + 1, dtype=np.int64)
    idx: list[int] = []
    val: list[float] = []
    head: list[float] = []
    norm = np.zeros(len(items))
    headmass = np.zeros(len(items))
    for r, d in enumerate(terms):
        sq = hm = 0.0
        for t, k in d.items():
            w = idf[t]
            v = w * _pos_weight(k, position)
            sq += v * v
            h = w if heads and k < HEAD_WORDS else 0.0
            hm += h
            idx.append(vocab[t])
            val.append(v)
            head.append(h)
        norm[r] = math.sqrt(sq)
        headmass[r] = hm
        ptr[r + 1] = len(idx)
    owner = np.repeat(np.arange(len(items), dtype=np.int32), np.diff(ptr))
    return _Sparse(ptr=ptr, idx=np.array(idx, dtype=np.int32), val=np.array(val, dtype=np.float64),
                   head=np.array(head, dtype=np.float64), owner=owner, idf=idf_arr, norm=norm, headmass=headmass,
                   local=np.full(len(vocab), -1, dtype=np.int32))


@dataclass(slots=True)
class BlockStats:
    pairs: int = 0  # item pairs looked at
    candidates: int = 0  # pairs whose bound reaches the threshold (token_sort compared)
    set_compared: int = 0  # pairs still in the running after token_sort (token_set compared)
    matched: int = 0


def match_row(pool: Pool, i: int, st: Settings, stats: BlockStats | None = None
              ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """One-to-one matches between post ``i`` and every later post.

    Returns (row items, column items, scores 0-100) as global item numbers (int32, float32:
    1,000 posts make millions of matches); each pair of posts is assigned separately, as the
    two-post engine would.
    """
    n_posts = len(pool.starts) - 1
    out_r: list[np.ndarray] = []
    out_c: list[np.ndarray] = []
    out_s: list[np.ndarray] = []
    r0, r1 = int(pool.starts[i]), int(pool.starts[i + 1])
    if r1 == r0:
        return _empty()
    j = i + 1
    while j < n_posts:
        # a chunk of whole posts, about BLOCK_COLUMNS items
        j1 = j + 1
        while j1 < n_posts and pool.starts[j1 + 1] - pool.starts[j] <= BLOCK_COLUMNS:
            j1 += 1
        res = _block(pool, i, j, j1, st, stats)
        if res is not None:
            out_r.append(res[0])
            out_c.append(res[1])
            out_s.append(res[2])
        j = j1
    if not out_r:
        return _empty()
    return np.concatenate(out_r), np.concatenate(out_c), np.concatenate(out_s)


def _empty():
    return np.zeros(0, dtype=np.int32), np.zeros(0, dtype=np.int32), np.zeros(0, dtype=np.float32)


def _term_pairs(sp: _Sparse, r0: int, r1: int, c0: int, c1: int):
    """The terms of a sparse product: every (row entry, column entry) pair with the same term.

    Rows are the items ``r0:r1`` (one post), columns ``c0:c1``. Returns the two arrays of entry
    numbers, or None when the columns use none of the rows' terms. Costs what the product
    costs: for each term, (rows using it) x (columns using it).
    """
    e0, e1 = int(sp.ptr[r0]), int(sp.ptr[r1])
    ridx = sp.idx[e0:e1]
    if ridx.size == 0:
        return None
    U, inv, cnt = np.unique(ridx, return_inverse=True, return_counts=True)
    by_term = np.argsort(inv, kind="stable") + e0  # the rows' entries, grouped by term
    first = np.zeros(U.size, dtype=np.int64)
    np.cumsum(cnt[:-1], out=first[1:])
    sp.local[U] = np.arange(U.size, dtype=np.int32)
    try:
        f0, f1 = int(sp.ptr[c0]), int(sp.ptr[c1])
        loc = sp.local[sp.idx[f0:f1]]
    finally:
        sp.local[U] = -1
    keep = np.flatnonzero(loc >= 0)
    if keep.size == 0:
        return None
    loc = loc[keep]
    times = cnt[loc]
    col_e = np.repeat(keep + f0, times)
    offset = np.arange(col_e.size) - np.repeat(np.cumsum(times) - times, times)
    row_e = by_term[np.repeat(first[loc], times) + offset]
    return row_e, col_e


def _inv(x: np.ndarray) -> np.ndarray:
    return np.divide(1.0, x, out=np.zeros(x.shape), where=x > 0)


def _block(pool: Pool, i: int, j0: int, j1: int, st: Settings, stats: BlockStats | None):
    """Match post ``i`` with posts ``j0 .. j1-1``. Arrays are laid out column item x row item,
    over the columns that share a word or a concept with the rows (the others cannot match)."""
    r0, r1 = int(pool.starts[i]), int(pool.starts[i + 1])
    c0, c1 = int(pool.starts[j0]), int(pool.starts[j1])
    nr, nc = r1 - r0, c1 - c0
    if nc == 0:
        return None
    if stats is not None:
        stats.pairs += nr * nc
    w = st.weights
    zt = math.log(st.threshold / (100 - st.threshold))
    ws, cs = pool.words, pool.concept_terms
    pw = _term_pairs(ws, r0, r1, c0, c1)
    pc = _term_pairs(cs, r0, r1, c0, c1)
    if pw is None and pc is None:
        return None
    used = np.zeros(nc, dtype=bool)
    for sp, p in ((ws, pw), (cs, pc)):
        if p is not None:
            used[sp.owner[p[1]] - c0] = True
    S = np.flatnonzero(used)  # the columns sharing a word or a concept with the rows
    place = np.cumsum(used) - 1  # column -> its place in S
    ns = S.size
    size = ns * nr

    def cells(sp: _Sparse, pairs) -> np.ndarray:  # (column, row) cell of each product term
        return place[sp.owner[pairs[1]] - c0] * nr + (sp.owner[pairs[0]] - r0)

    def total(lin: np.ndarray, weights: np.ndarray | None = None) -> np.ndarray:
        return np.bincount(lin, weights=weights, minlength=size).reshape(ns, nr)

    zero = np.zeros((ns, nr))
    lex = mass = shared = head_a = head_b = big = zero
    if pw is not None:
        re, ce = pw
        lin = cells(ws, pw)
        lex = total(lin, ws.val[re] * ws.val[ce]) * _inv(ws.norm[c0 + S])[:, None] * _inv(ws.norm[r0:r1])[None, :]
        mass = total(lin, ws.idf[ws.idx[re]])
        shared = total(lin)
        head_a = total(lin, ws.head[re])
        head_b = total(lin, ws.head[ce])
        ps = pool.pairs
        pp = _term_pairs(ps, r0, r1, c0, c1)
        if pp is not None:
            re, ce = pp
            big = total(cells(ps, pp), ps.val[re] * ps.val[ce])
            big *= _inv(ps.norm[c0 + S])[:, None] * _inv(ps.norm[r0:r1])[None, :]
    head = np.minimum(head_a * _inv(ws.headmass[r0:r1])[None, :], head_b * _inv(ws.headmass[c0 + S])[:, None])
    sw = np.minimum(1.0, mass / SHARED_WORDS_SATURATION)
    # concepts: sum of min(row weight, column weight) over shared concepts, their number, the rarest
    shared_min = n_concepts = rarest = zero
    if pc is not None:
        re, ce = pc
        lin = cells(cs, pc)
        shared_min = total(lin, np.minimum(cs.val[re], cs.val[ce]))
        n_concepts = total(lin)
        flat = np.zeros(size)
        np.maximum.at(flat, lin, pool.concept_weight[cs.idx[ce]])
        rarest = flat.reshape(ns, nr)
    den = pool.concept_sum[c0 + S][:, None] + pool.concept_sum[None, r0:r1]
    overlap = _div(2.0 * shared_min, den)
    rarest = rarest / pool.rarest_norm
    meaning = semantic(np.einsum("ik,jk->ij", pool.meaning[c0 + S], pool.meaning[r0:r1], optimize=False))
    z = (w["lexical_cosine"] * lex + w["bigram_cosine"] * big + w["concept_overlap"] * overlap
         + w["rarest_shared_concept"] * rarest + w["shared_words"] * sw + w["head_overlap"] * head
         + w["semantic_cosine"] * meaning + w["bias"])
    # an upper bound for the two string features: token_set <= 1, token_sort <= 2 min(len) / (len + len)
    la, lb = pool.length[c0 + S][:, None], pool.length[None, r0:r1]
    sort_ub = _div(2.0 * np.minimum(la, lb), la + lb)
    bound = z + max(w["token_set_ratio"], 0.0) + np.maximum(w["token_sort_ratio"] * sort_ub, 0.0)
    # identical texts are always a match (as in the two-post engine): they pass every filter
    same = (pool.norm_id[c0 + S][:, None] == pool.norm_id[None, r0:r1]) & (pool.norm_id[None, r0:r1] >= 0)
    ss, rr = np.nonzero((bound >= zt) | same)
    if stats is not None:
        stats.candidates += int(rr.size)
    if rr.size == 0:
        return None
    from rapidfuzz import fuzz, process

    cc = S[ss]
    # token_sort_ratio is fuzz.ratio of the sorted words (quick on strings sorted once); then
    # token_set_ratio (the slow one) only where the bound with the exact token_sort still passes.
    # Both once per distinct pair of texts: a trust's posts repeat the same wordings.
    tsort = _per_text_pair(pool, r0 + rr, c0 + cc, pool.sorted_words, fuzz.ratio, process)
    part = z[ss, rr] + w["token_sort_ratio"] * tsort
    ident = same[ss, rr]
    keep = (part + max(w["token_set_ratio"], 0.0) >= zt) | ident
    if not keep.any():
        return None
    rr, cc, ss, part, ident = rr[keep], cc[keep], ss[keep], part[keep], ident[keep]
    tset = _per_text_pair(pool, r0 + rr, c0 + cc, pool.joined, fuzz.token_set_ratio, process)
    if stats is not None:
        stats.set_compared += int(rr.size)
    raw = part + w["token_set_ratio"] * tset
    clash = _conflicts(pool, r0 + rr, c0 + cc) if pool.within else np.zeros(rr.size)
    raw = raw - st.conflict_penalty * clash
    keep = (raw >= zt) | ident
    if not keep.any():
        return None
    rr, cc, ss, raw, clash, ident = rr[keep], cc[keep], ss[keep], raw[keep], clash[keep], ident[keep]
    # competition within each pair of posts: lowered by how far a pair falls behind the best
    # pair of either of its items (pairs under the threshold cannot be anyone's best match)
    pj = pool.post_of[c0 + cc] - j0
    best_row = np.full((nr, j1 - j0), -np.inf)
    np.maximum.at(best_row, (rr, pj), raw)
    best_col = np.full(nc, -np.inf)
    np.maximum.at(best_col, cc, raw)
    best = np.maximum(best_row[rr, pj], best_col[cc])
    adj = raw - st.competition * (best - raw)
    n_sh = shared[ss, rr]
    enough = (n_sh >= MIN_SHARED_WORDS) & (2 * n_sh >= MIN_SHARED_SHARE * (pool.n_words[r0 + rr] + pool.n_words[c0 + cc]))
    ok = ((adj >= zt) & ((n_concepts[ss, rr] > 0) | enough) & (clash == 0)) | ident
    rr, cc, pj, adj, ident = rr[ok], cc[ok], pj[ok], adj[ok], ident[ok]
    if rr.size == 0:
        return None
    pick = _one_to_one(rr, cc, pj, np.where(ident, IDENTICAL_UTILITY, adj - zt + 1.0), nr, nc, j1 - j0)
    if stats is not None:
        stats.matched += int(pick.size)
    scores = np.where(ident[pick], 100.0, 100.0 / (1.0 + np.exp(-np.clip(adj[pick], -30, 30))))
    return ((rr[pick] + r0).astype(np.int32), (cc[pick] + c0).astype(np.int32), scores.astype(np.float32))


def _conflicts(pool: Pool, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """1 where items ``a[k]`` and ``b[k]`` name only different options of a contrast, else 0."""
    items = pool.items
    out = np.zeros(a.size)
    for k, (x, y) in enumerate(zip(a.tolist(), b.tolist(), strict=True)):
        qa, qb = items[x].qualifiers, items[y].qualifiers
        if qa and qb and contrasts_differ(qa, items[x].concepts, qb, items[y].concepts, pool.within):
            out[k] = 1.0
    return out


def _per_text_pair(pool: Pool, a: np.ndarray, b: np.ndarray, strings: list[str], scorer, process) -> np.ndarray:
    """``scorer`` (0..1) of items ``a[k]`` and ``b[k]``, computed once per distinct pair of texts."""
    ta, tb = pool.text_id[a], pool.text_id[b]
    key = np.minimum(ta, tb) * len(pool.items) + np.maximum(ta, tb)  # both scorers are symmetric
    uniq, first, back = np.unique(key, return_index=True, return_inverse=True)
    fa = a[first].tolist()
    fb = b[first].tolist()
    vals = process.cpdist([strings[k] for k in fa], [strings[k] for k in fb], scorer=scorer, dtype=np.float64) / 100.0
    return vals[back]


def _one_to_one(rr: np.ndarray, cc: np.ndarray, pj: np.ndarray, util: np.ndarray, nr: int, nc: int,
                n_groups: int) -> np.ndarray:
    """The pairs kept by the one-to-one assignment, each pair of posts (``pj``) on its own.

    A pair alone in its row and its column is kept; a pair of posts whose rows (or columns) all
    have distinct strict best partners keeps those; anything else goes to the Hungarian
    algorithm (:func:`jobspec.comparison.engine.assign.assign`).
    """
    row_n = np.zeros((nr, n_groups), dtype=np.int64)
    np.add.at(row_n, (rr, pj), 1)
    col_n = np.bincount(cc, minlength=nc)
    simple = (row_n[rr, pj] == 1) & (col_n[cc] == 1)
    chosen = [np.flatnonzero(simple)]
    hard = np.flatnonzero(~simple)
    for a, b in ((rr, cc), (cc, rr)):  # by rows, then by columns
        if not hard.size:
            break
        best, unsettled = _distinct_maxima(a, b, pj, util, hard)
        chosen.append(best)
        hard = hard[np.isin(pj[hard], unsettled)]
    if hard.size:
        groups: dict[int, list[int]] = {}
        for k, p in zip(hard.tolist(), pj[hard].tolist(), strict=True):
            groups.setdefault(p, []).append(k)
        rl, cl, ul = rr.tolist(), cc.tolist(), util.tolist()
        picked: list[int] = []
        for sel in groups.values():
            rows = sorted({rl[k] for k in sel})
            cols = sorted({cl[k] for k in sel})
            rpos = {x: n for n, x in enumerate(rows)}
            cpos = {x: n for n, x in enumerate(cols)}
            table = [[0.0] * len(cols) for _ in rows]
            where: dict[tuple[int, int], int] = {}
            for k in sel:
                a_, b_ = rpos[rl[k]], cpos[cl[k]]
                table[a_][b_] = ul[k]
                where[(a_, b_)] = k
            picked += [where[ab] for ab in assign(table, 1.0)]
        chosen.append(np.array(picked, dtype=np.int64))
    return np.sort(np.concatenate(chosen))


def _distinct_maxima(a: np.ndarray, b: np.ndarray, g: np.ndarray, util: np.ndarray, sel: np.ndarray):
    """Settle the groups (pairs of posts) where every ``a`` item's best partner is strictly best
    and no two ``a`` items have the same best partner: taking each one's best is then the one
    optimal assignment (no assignment can beat every item's best), which the Hungarian algorithm
    would also find. Returns the chosen pairs of the settled groups and the unsettled groups.
    """
    o = sel[np.lexsort((b[sel], -util[sel], a[sel], g[sel]))]  # by group, then item, best first
    same_item = (g[o][1:] == g[o][:-1]) & (a[o][1:] == a[o][:-1])
    first = np.concatenate([[True], ~same_item])
    tied = np.concatenate([[False], same_item & (util[o][1:] == util[o][:-1])])
    best = o[first]
    bad = set(g[o][tied].tolist())
    key = g[best] * (int(b.max()) + 1) + b[best]
    ks, counts = np.unique(key, return_counts=True)
    if (counts > 1).any():
        dup = np.isin(key, ks[counts > 1])
        bad.update(g[best][dup].tolist())
    unsettled = np.array(sorted(bad), dtype=g.dtype)
    return best[~np.isin(g[best], unsettled)], unsettled


def _div(num: np.ndarray, den: np.ndarray) -> np.ndarray:
    return np.divide(num, den, out=np.zeros(np.broadcast_shapes(num.shape, den.shape)), where=den > 0)
