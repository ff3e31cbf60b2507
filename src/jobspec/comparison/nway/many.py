"""Compare many posts at once: a similarity matrix, the common core, what is unique to each post,
near-duplicate posts and outliers.

Every item is prepared once (a text shared by several posts only once), each section is
vectorised once into a :class:`~jobspec.comparison.nway.pool.Pool`, and every pair of posts is
matched one to one with the two-post engine's scores, but with the rarity of words and concepts
measured over all the posts (:mod:`jobspec.comparison.nway.pool` explains that, and the blocking
that makes 200 posts take seconds, not minutes). Then:

- **matrix**: for posts i and j, the share of their items matched: ``2 x matched / (items of
  i + items of j)`` (1 on the diagonal; ``None`` when neither post has any item of the kind);
  ``all`` counts duties and criteria together.
- **clusters**: equivalent items across posts. The item matched in the most posts is taken
  with its matches (at most one per post, each matched to it directly, so a cluster never
  drifts by chains of near-misses), then the next among the items left, and so on; an item
  whose matches were all taken joins the cluster of one of them when it has the evidence of a
  match with that cluster's first item (so a post may have two items in one cluster).
- **core**: clusters present in at least ``min_posts`` posts (``--min-share``: a count, or a
  share of the posts; default half of them); **shared**: the clusters in fewer posts.
- **unique**: items in no cluster: matched in no other post (or, rarely, only to items grouped
  with wordings too unlike theirs).
- **near-duplicates**: pairs of posts with at least ``near_duplicate`` of all their items matched.
- **outliers**: posts whose mean similarity to the others is under ``outlier_ratio`` times the
  median post's (three posts or more).
"""

from __future__ import annotations

import math
import os
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import numpy as np

from jobspec.comparison.engine.features import Item, prepare
from jobspec.comparison.engine.scoring import has_evidence
from jobspec.comparison.engine.settings import Settings
from jobspec.comparison.nway.pool import BlockStats, Pool, build_pool, match_row
from jobspec.concepts.vocabulary import Vocabulary, load_vocabulary
from jobspec.errors import InputError, UsageError
from jobspec.spec.model import Spec

NEAR_DUPLICATE = 0.9
OUTLIER_RATIO = 0.5
PARALLEL_MIN_POSTS = 40  # fewer posts than this are compared in one process (start-up costs more)
SECTIONS = ("duties", "criteria")


@dataclass(slots=True)
class NwayPost:
    id: str  # P01, P02, ... in input order
    path: str
    spec: Spec


@dataclass(slots=True)
class Member:
    post: int  # index into NWay.posts
    item: Item
    score: float | None  # score of its match with the first member (None for that one), or with the
    # member it joined through (see _clusters)


@dataclass(slots=True)
class Cluster:
    """Equivalent items of several posts; the first member is the one matched in most posts."""

    members: list[Member]

    @property
    def posts(self) -> list[int]:
        """The posts it is in (a post whose line is split in two has two members)."""
        return sorted({m.post for m in self.members})

    @property
    def display(self) -> Member:
        """The member whose wording is the most common in the cluster (the first one on a tie)."""
        counts = Counter(m.item.norm for m in self.members)
        top = max(counts.values())
        return next(m for m in self.members if counts[m.item.norm] == top)

    @property
    def text(self) -> str:
        return self.display.item.text


@dataclass(slots=True)
class NwaySection:
    name: str  # duties | criteria
    items: list[list[Item]]  # per post
    matched: np.ndarray  # (N, N) int: items matched between two posts
    matrix: np.ndarray  # (N, N) float: share matched (NaN: neither post has such items)
    clusters: list[Cluster]  # items in two posts or more, biggest first
    core: list[Cluster]  # clusters in at least min_posts posts
    shared: list[Cluster]  # clusters in fewer posts (two or more)
    unique: list[list[Item]]  # per post: items in no cluster (grouped with no other post's item)
    stats: dict[str, int] = field(default_factory=dict)
    # every one-to-one match: (row item, column item, score) as numbers into ``pool_items``, the row
    # item in the earlier post
    edges: tuple[np.ndarray, np.ndarray, np.ndarray] | None = None
    pool_items: list[Item] = field(default_factory=list)
    post_of: np.ndarray | None = None

    def pair_matches(self, i: int, j: int) -> list[tuple[Item, Item, float]]:
        """The items of post ``i`` matched one to one with items of post ``j`` (i before j), with
        their scores, in the order of post i's items."""
        if self.edges is None or self.post_of is None or i == j:
            return []
        a, b = (i, j) if i < j else (j, i)
        r, c, s = self.edges
        pick = np.flatnonzero((self.post_of[r] == a) & (self.post_of[c] == b))
        pick = pick[np.argsort(r[pick], kind="stable")]  # in the order of the earlier post's items
        out = [(self.pool_items[int(r[k])], self.pool_items[int(c[k])], round(float(s[k]), 1)) for k in pick.tolist()]
        if i > j:
            out = [(y, x, v) for x, y, v in out]
        return out


@dataclass(slots=True)
class NWay:
    posts: list[NwayPost]
    settings: Settings
    vocabulary: Vocabulary
    min_share: str  # as asked: "10", "0.5", "50%" or "default"
    min_posts: int  # K: a core item is in at least this many posts
    near_duplicate: float
    outlier_ratio: float
    duties: NwaySection
    criteria: NwaySection
    matrix: np.ndarray  # (N, N): duties and criteria together
    near_duplicates: list[dict[str, Any]]
    outliers: list[dict[str, Any]]
    timings: dict[str, float] = field(default_factory=dict)  # seconds per stage (not in the report)
    unread: list[tuple[str, str]] = field(default_factory=list)  # (path, problem) of files given but not read

    def section(self, name: str) -> NwaySection:
        return self.duties if name == "duties" else self.criteria

    def mean_similarity(self) -> list[float | None]:
        """Each post's mean similarity (duties and criteria together) to the other posts. A post with
        no duties and no criteria (nothing read) has none and counts in no other post's mean."""
        empty = [k for k in range(len(self.posts)) if not self.duties.items[k] and not self.criteria.items[k]]
        m = self.matrix
        if empty:
            m = m.copy()
            m[empty, :] = np.nan
            m[:, empty] = np.nan
        return _mean_others(m)


def min_posts_for(min_share: int | float | str | None, n_posts: int) -> int:
    """K from ``--min-share``: a count ("5") or a share of the posts ("0.5", "50%"); default half.

    A core item is in at least two posts, so K is at least 2 (and at most the number of posts).
    """
    if min_share is None or min_share == "":
        return min(n_posts, max(2, math.ceil(n_posts / 2)))
    text = str(min_share).strip()
    try:
        if text.endswith("%"):
            share = float(text[:-1]) / 100.0
            count = None
        elif isinstance(min_share, float) or any(ch in text for ch in ".eE"):
            share, count = float(text), None
        else:
            share, count = None, int(text)
    except ValueError:
        raise UsageError(f"--min-share {text}: give a number of posts (5) or a share (0.5 or 50%)") from None
    if share is not None:
        if not 0 < share <= 1:
            raise UsageError(f"--min-share {text}: a share must be above 0 and at most 1 (100%)")
        return min(n_posts, max(2, math.ceil(share * n_posts - 1e-9)))
    assert count is not None
    if not 2 <= count <= n_posts:
        raise UsageError(f"--min-share {text}: a count must be between 2 and the number of posts ({n_posts})"
                         + ("; for a share, write 1.0 or 100%" if count == 1 else ""))
    return count


def compare_many(posts: Sequence[Spec | str | Path], *, paths: Sequence[str] | None = None,
                 min_share: int | float | str | None = None, threshold: float | None = None,
                 vocabulary: Sequence[str | Path] = (), settings: Settings | None = None, jobs: int = 1,
                 near_duplicate: float = NEAR_DUPLICATE, outlier_ratio: float = OUTLIER_RATIO) -> NWay:
    """Compare two or more posts (specs, spec files or documents) all at once.

    ``paths`` names the posts in the report (default: the file given, or the spec's source path).
    ``min_share``: see :func:`min_posts_for`. ``threshold`` (0-100, default 50) is the score a
    pair of items needs to count as matched, as in :func:`jobspec.comparison.engine.pair.compare`.
    ``jobs`` > 1 scores in that many processes (from 40 posts; fewer are quicker in one).
    """
    from jobspec.api import load_spec

    t_start = time.perf_counter()
    _keep_heap()
    st = replace(settings) if settings is not None else Settings()
    if threshold is not None:
        st.threshold = float(threshold)
    if not 0 < st.threshold < 100:
        raise ValueError("threshold must be between 0 and 100 (exclusive)")
    if len(posts) < 2:
        raise UsageError("compare needs at least two posts")
    if not 0 < near_duplicate <= 1:
        raise UsageError(f"--near-duplicate {near_duplicate:g}: must be above 0 and at most 1")
    min_posts = min_posts_for(min_share, len(posts))
    vocab = load_vocabulary(vocabulary)
    specs = [p if isinstance(p, Spec) else load_spec(p, vocabulary) for p in posts]
    names = list(paths) if paths is not None else [p.source.path if isinstance(p, Spec) else str(p) for p in posts]
    width = max(2, len(str(len(specs))))
    nposts = [NwayPost(id=f"P{k:0{width}d}", path=names[k - 1], spec=s) for k, s in enumerate(specs, 1)]
    timings: dict[str, float] = {"load": time.perf_counter() - t_start}

    t = time.perf_counter()
    items = _prepare_all(specs, vocab, jobs)
    timings["prepare"] = time.perf_counter() - t
    t = time.perf_counter()
    pools = {name: build_pool([it[name] for it in items], vocab, st) for name in SECTIONS}
    timings["vectorise"] = time.perf_counter() - t
    t = time.perf_counter()
    edges, stats = _match_all(pools, len(specs), st, jobs)
    timings["match"] = time.perf_counter() - t
    t = time.perf_counter()
    sections = {name: _section(name, pools[name], edges[name], stats[name], min_posts) for name in SECTIONS}
    n_items = np.array([len(it["duties"]) + len(it["criteria"]) for it in items], dtype=np.float64)
    matrix = _dice(sections["duties"].matched + sections["criteria"].matched, n_items)
    result = NWay(posts=nposts, settings=st, vocabulary=vocab, min_share="default" if min_share is None else str(min_share),
                  min_posts=min_posts, near_duplicate=float(near_duplicate), outlier_ratio=float(outlier_ratio),
                  duties=sections["duties"], criteria=sections["criteria"], matrix=matrix,
                  near_duplicates=[], outliers=[])
    result.near_duplicates = _near_duplicates(result)
    result.outliers = _outliers(result)
    timings["summarise"] = time.perf_counter() - t
    timings["total"] = time.perf_counter() - t_start
    result.timings = timings
    return result


def _keep_heap() -> None:
    """Ask glibc to keep 64 MB of freed heap instead of returning it to the system at once.

    Scoring allocates and frees many arrays of a few hundred kB per block; by default glibc
    trims the heap after each free and the next block pays for fresh pages again (about a
    quarter of the run time went on page faults at 200 posts). This costs no memory that the
    run did not use anyway. Other C libraries: nothing is done.
    """
    import ctypes
    import sys

    if not sys.platform.startswith("linux"):
        return
    try:
        mallopt = ctypes.CDLL(None).mallopt
    except (OSError, AttributeError):
        return
    M_TOP_PAD = -2
    mallopt(M_TOP_PAD, 64 << 20)


# --- preparing items: each distinct text once --------------------------------------------------

@dataclass(slots=True)
class _Text:
    id: str
    text: str


def _prepare_all(specs: list[Spec], vocab: Vocabulary, jobs: int = 1) -> list[dict[str, list[Item]]]:
    texts: dict[str, Item | None] = {}
    for s in specs:
        for obj in (*s.duties, *s.criteria):
            texts.setdefault(getattr(obj, "text", "") or "", None)
    todo = list(texts)
    jobs = _effective_jobs(jobs, len(specs)) if len(todo) >= PARALLEL_MIN_TEXTS else 1
    if jobs > 1:
        global _VOCAB
        import multiprocessing

        _VOCAB = vocab
        try:
            step = -(-len(todo) // (jobs * 4))
            with multiprocessing.get_context("fork").Pool(jobs) as pool:
                done = pool.map(_prepare_chunk, [todo[k:k + step] for k in range(0, len(todo), step)])
        finally:
            _VOCAB = None
        for chunk in done:
            for text, norm, tokens, first, bigrams, concepts, qualifiers in chunk:
                texts[text] = Item(id="", text=text, ref=None, norm=norm, tokens=tokens, first=first, bigrams=bigrams,
                                   concepts=concepts, qualifiers=qualifiers)
    else:
        for proto in prepare([_Text("", t) for t in todo], vocab):
            texts[proto.text] = proto
    out = []
    for s in specs:
        out.append({name: [_copy(texts[getattr(o, "text", "") or ""], o) for o in getattr(s, name)]  # type: ignore[arg-type]
                    for name in SECTIONS})
    return out


_VOCAB: Vocabulary | None = None  # what forked workers read
PARALLEL_MIN_TEXTS = 10000  # fewer distinct texts are prepared in one process (the pickling costs more)


def _prepare_chunk(texts: list[str]):
    assert _VOCAB is not None
    return [(p.text, p.norm, p.tokens, p.first, p.bigrams, p.concepts, p.qualifiers)
            for p in prepare([_Text("", t) for t in texts], _VOCAB)]


def _copy(proto: Item, obj: Any) -> Item:
    return Item(id=str(getattr(obj, "id", "")), text=proto.text, ref=obj, norm=proto.norm, tokens=proto.tokens,
                first=proto.first, bigrams=proto.bigrams, concepts=proto.concepts, qualifiers=proto.qualifiers,
                surface=proto.surface)


# --- matching every pair of posts ---------------------------------------------------------------

_STATE: tuple[dict[str, Pool], Settings] | None = None  # what forked workers read


def _row(i: int):
    assert _STATE is not None
    pools, st = _STATE
    out = {}
    for name in SECTIONS:
        bs = BlockStats()
        out[name] = (*match_row(pools[name], i, st, bs), bs)
    return i, out


def _match_all(pools: dict[str, Pool], n_posts: int, st: Settings, jobs: int):
    global _STATE
    rows = list(range(n_posts - 1))
    jobs = _effective_jobs(jobs, n_posts)
    _STATE = (pools, st)
    try:
        if jobs > 1:
            import multiprocessing

            ctx = multiprocessing.get_context("fork")
            with ctx.Pool(jobs) as pool:
                results = list(pool.imap_unordered(_row, rows, chunksize=1))
        else:
            results = [_row(i) for i in rows]
    finally:
        _STATE = None
    results.sort(key=lambda r: r[0])
    edges: dict[str, tuple[np.ndarray, np.ndarray, np.ndarray]] = {}
    stats: dict[str, dict[str, int]] = {}
    for name in SECTIONS:
        parts = [r[1][name] for r in results]
        if parts:
            edges[name] = tuple(np.concatenate([p[k] for p in parts]) for k in range(3))  # type: ignore[assignment]
        else:
            edges[name] = (np.zeros(0, dtype=np.int32), np.zeros(0, dtype=np.int32), np.zeros(0, dtype=np.float32))
        stats[name] = {"item_pairs": sum(p[3].pairs for p in parts),
                       "string_compared": sum(p[3].candidates for p in parts),
                       "set_compared": sum(p[3].set_compared for p in parts),
                       "matched": sum(p[3].matched for p in parts)}
    return edges, stats


def _effective_jobs(jobs: int, n_posts: int) -> int:
    """Processes to use: 0 means one per core; one process below PARALLEL_MIN_POSTS posts or
    where processes cannot be forked."""
    import multiprocessing

    if jobs <= 0:
        jobs = os.cpu_count() or 1
    if n_posts < PARALLEL_MIN_POSTS or "fork" not in multiprocessing.get_all_start_methods():
        return 1
    return max(1, min(jobs, n_posts - 1))


# --- from matches to the report ------------------------------------------------------------------

def _dice(matched: np.ndarray, sizes: np.ndarray) -> np.ndarray:
    den = sizes[:, None] + sizes[None, :]
    m = np.divide(2.0 * matched, den, out=np.full(matched.shape, np.nan), where=den > 0)
    diag = np.where(sizes > 0, 1.0, np.nan)
    np.fill_diagonal(m, diag)
    return m


def _section(name: str, pool: Pool, edges, stats: dict[str, int], min_posts: int) -> NwaySection:
    r, c, s = edges
    n_posts = len(pool.starts) - 1
    sizes = np.diff(pool.starts).astype(np.float64)
    matched = np.zeros((n_posts, n_posts), dtype=np.int64)
    if r.size:
        np.add.at(matched, (pool.post_of[r], pool.post_of[c]), 1)
        matched = matched + matched.T
    items_per_post = [pool.items[int(pool.starts[p]):int(pool.starts[p + 1])] for p in range(n_posts)]
    clusters = _clusters(pool, r, c, s)
    grouped = {id(m.item) for cl in clusters for m in cl.members}
    unique = [[it for it in items_per_post[p] if id(it) not in grouped] for p in range(n_posts)]
    return NwaySection(name=name, items=items_per_post, matched=matched, matrix=_dice(matched, sizes),
                       clusters=clusters, core=[cl for cl in clusters if len(cl.posts) >= min_posts],
                       shared=[cl for cl in clusters if len(cl.posts) < min_posts],
                       unique=unique, stats=stats, edges=(r, c, s), pool_items=pool.items, post_of=pool.post_of)


def _clusters(pool: Pool, r: np.ndarray, c: np.ndarray, s: np.ndarray) -> list[Cluster]:
    """Leader clustering: the item with the most (and best) matches and its matches, then the next
    among the items left, and so on. An item whose matches were all taken by earlier clusters
    joins the cluster of its best match (scored with that match), preferring one that holds no
    item of its post yet: every matched item is in a cluster, and a cluster may hold two items
    of one post (a post that splits the line in two)."""
    n = len(pool.items)
    if r.size == 0:
        return []
    src = np.concatenate([r, c])
    dst = np.concatenate([c, r])
    score = np.concatenate([s, s])
    deg = np.bincount(src, minlength=n)
    strength = np.bincount(src, weights=score, minlength=n)  # the sum of its match scores
    order = np.argsort(src, kind="stable")
    dst, score = dst[order], score[order]
    del order, src
    ptr = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(deg, out=ptr[1:])
    taken = np.zeros(n, dtype=bool)
    home = np.full(n, -1, dtype=np.int64)  # item -> its cluster
    out: list[Cluster] = []
    left: list[int] = []
    ranked = np.lexsort((np.arange(n), -strength)).tolist()
    for rep in ranked:
        if deg[rep] == 0:
            break
        if taken[rep]:
            continue
        nb = dst[ptr[rep]:ptr[rep + 1]]
        sc = score[ptr[rep]:ptr[rep + 1]]
        free = ~taken[nb]
        taken[rep] = True
        if not free.any():
            left.append(rep)
            continue
        taken[nb[free]] = True
        home[rep] = home[nb[free]] = len(out)
        members = [Member(post=int(pool.post_of[rep]), item=pool.items[rep], score=None)]
        members += sorted((Member(post=int(pool.post_of[k]), item=pool.items[k], score=round(float(v), 1))
                           for k, v in zip(nb[free].tolist(), sc[free].tolist(), strict=True)), key=lambda m: m.post)
        out.append(Cluster(members=members))
    for k in left:  # every match of k is in a cluster already
        post = int(pool.post_of[k])
        item = pool.items[k]
        options = sorted(zip(score[ptr[k]:ptr[k + 1]].tolist(), dst[ptr[k]:ptr[k + 1]].tolist(), strict=True),
                         key=lambda x: (post in out[home[x[1]]].posts, -x[0], x[1]))
        for v, j in options:
            cl = out[home[j]]
            if has_evidence(cl.members[0].item, item):
                cl.members.append(Member(post=post, item=item, score=round(float(v), 1)))
                cl.members[1:] = sorted(cl.members[1:], key=lambda m: (m.post, m.item.id))
                home[k] = home[j]
                break
    out.sort(key=lambda cl: (-len(cl.posts), cl.members[0].post, cl.members[0].item.id))
    return out


def _mean_others(m: np.ndarray) -> list[float | None]:
    n = m.shape[0]
    out: list[float | None] = []
    for k in range(n):
        row = np.delete(m[k], k)
        row = row[~np.isnan(row)]
        out.append(float(row.mean()) if row.size else None)
    return out


def _near_duplicates(res: NWay) -> list[dict[str, Any]]:
    m = res.matrix
    iu, ju = np.triu_indices(m.shape[0], k=1)
    vals = m[iu, ju]
    ok = ~np.isnan(vals) & (vals >= res.near_duplicate - 1e-12)
    out = []
    for i, j, v in zip(iu[ok].tolist(), ju[ok].tolist(), vals[ok].tolist(), strict=True):
        out.append({"a": res.posts[i].id, "b": res.posts[j].id, "similarity": round(v, 3),
                    "duties": _num(res.duties.matrix[i, j]), "criteria": _num(res.criteria.matrix[i, j])})
    out.sort(key=lambda d: (-d["similarity"], d["a"], d["b"]))
    return out


def _outliers(res: NWay) -> list[dict[str, Any]]:
    if len(res.posts) < 3:
        return []
    means = res.mean_similarity()
    known = [v for v in means if v is not None]
    if not known:
        return []
    median = float(np.median(known))
    out = []
    for k, v in enumerate(means):
        if v is None or v >= res.outlier_ratio * median:
            continue
        row = res.matrix[k].copy()
        row[k] = np.nan
        near = None if np.all(np.isnan(row)) or np.nanmax(row) <= 0 else int(np.nanargmax(row))
        out.append({"post": res.posts[k].id, "mean_similarity": round(v, 3), "median_mean_similarity": round(median, 3),
                    "nearest": None if near is None else {"post": res.posts[near].id,
                                                          "similarity": round(float(row[near]), 3)}})
    out.sort(key=lambda d: (d["mean_similarity"], d["post"]))
    return out


def _num(v: float) -> float | None:
    return None if v is None or (isinstance(v, float) and math.isnan(v)) else round(float(v), 3)


# --- inputs ---------------------------------------------------------------------------------------

def expand_inputs(paths: Iterable[str | Path], repeated: list[tuple[Path, Path]] | None = None,
                  unreadable: list[tuple[Path, OSError]] | None = None) -> tuple[list[Path], bool]:
    """Files to compare: files as given, folders searched recursively for specs and documents as
    :func:`jobspec.files.walk_files` searches them, in name order, without a second path to a file
    (added to ``repeated``, each with the path kept for it). Folders that cannot be listed go to
    ``unreadable``. Also says whether any folder was given."""
    from jobspec.api import DOCUMENT_SUFFIXES, SPEC_SUFFIXES
    from jobspec.files import SOFTWARE_FOLDERS, walk_files, without_repeats

    out: list[Path] = []
    again: list[tuple[Path, Path]] = []
    folder = False
    for p in map(Path, paths):
        if p.is_dir():
            folder = True
            found, _ = walk_files([p], SPEC_SUFFIXES + DOCUMENT_SUFFIXES, SOFTWARE_FOLDERS, skip_prefixes=("~$", "."),
                                  repeated=again, unreadable=unreadable)
            out += sorted(found, key=lambda f: f.relative_to(p).as_posix())
        else:
            out.append(p)
    out, more = without_repeats(out)
    if repeated is not None:
        repeated += again + more
    return out, folder


def load_posts(files: Sequence[Path], vocabulary: Sequence[str | Path] = (),
               on_error: Callable[[Path, InputError], None] | None = None, jobs: int = 1) -> list[tuple[Path, Spec]]:
    """Load each file as a post; a file that cannot be read goes to ``on_error`` (or raises).

    A file of a type jobspec cannot compare is a :class:`UsageError`, raised at once. With
    ``jobs`` > 1 and many files, they are read in that many processes (YAML parsing is most of
    the time of a folder of specs).
    """
    from jobspec.api import DOCUMENT_SUFFIXES, SPEC_SUFFIXES, load_spec

    for f in files:
        if Path(f).suffix.lower() not in SPEC_SUFFIXES + DOCUMENT_SUFFIXES:
            load_spec(f, vocabulary)  # raises the UsageError naming the file
    jobs = _effective_jobs(jobs, len(files))
    if jobs > 1:
        import multiprocessing

        with multiprocessing.get_context("fork").Pool(jobs) as pool:
            got = pool.map(_load_one, [(Path(f), tuple(vocabulary)) for f in files], chunksize=8)
    else:
        got = [_load_one((Path(f), tuple(vocabulary))) for f in files]
    out = []
    for f, spec, err in got:
        if spec is not None:
            out.append((f, spec))
            continue
        exc = InputError(*err)
        if on_error is None:
            raise exc
        on_error(f, exc)
    return out


def _load_one(args: tuple[Path, tuple[str | Path, ...]]):
    """(path, spec, None) or (path, None, (path, reason)): an error crosses a process as plain data."""
    from jobspec.api import load_spec

    f, vocabulary = args
    try:
        return f, load_spec(f, vocabulary), None
    except InputError as exc:
        return f, None, (str(exc.path), exc.reason)


def cluster_levels(cl: Cluster) -> dict[str, int]:
    """For criteria: how many posts ask for the item as essential, as desirable."""
    return dict(Counter(getattr(m.item.ref, "level", None) or "essential" for m in cl.members))
