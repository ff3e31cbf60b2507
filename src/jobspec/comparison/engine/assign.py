"""One-to-one optimal assignment (maximum total score) without scipy.

The score matrix is split into the connected components of its candidate pairs (pairs at or
above a lower bound); each component is solved with the Hungarian algorithm (shortest
augmenting paths with potentials, O(n^3)). Components are small in practice, so a pair of
60-item posts is assigned in about a millisecond in pure Python.
"""

from __future__ import annotations

from collections.abc import Sequence

_INF = float("inf")


def assign(scores: Sequence[Sequence[float]], lower: float) -> list[tuple[int, int]]:
    """Pairs (i, j), each row and column at most once, maximising the sum of ``scores[i][j]``.

    Only pairs with a score >= ``lower`` may be chosen. Ties are broken towards the earlier
    row and column, so the result is deterministic.
    """
    n_rows = len(scores)
    n_cols = len(scores[0]) if n_rows else 0
    edges: dict[int, list[int]] = {}
    for i in range(n_rows):
        row = scores[i]
        edges[i] = [j for j in range(n_cols) if row[j] >= lower]
    out: list[tuple[int, int]] = []
    for rows, cols in _components(edges, n_cols):
        if len(rows) == 1 and len(cols) == 1:
            out.append((rows[0], cols[0]))
            continue
        sub = [[scores[i][j] if scores[i][j] >= lower else None for j in cols] for i in rows]
        for r, c in _hungarian_max(sub):
            out.append((rows[r], cols[c]))
    return sorted(out)


def _components(edges: dict[int, list[int]], n_cols: int) -> list[tuple[list[int], list[int]]]:
    col_rows: dict[int, list[int]] = {}
    for i, js in edges.items():
        for j in js:
            col_rows.setdefault(j, []).append(i)
    seen_r: set[int] = set()
    seen_c: set[int] = set()
    comps = []
    for start, js in edges.items():
        if start in seen_r or not js:
            continue
        rows, cols = [], []
        stack = [("r", start)]
        seen_r.add(start)
        while stack:
            kind, k = stack.pop()
            if kind == "r":
                rows.append(k)
                for j in edges[k]:
                    if j not in seen_c:
                        seen_c.add(j)
                        stack.append(("c", j))
            else:
                cols.append(k)
                for i in col_rows[k]:
                    if i not in seen_r:
                        seen_r.add(i)
                        stack.append(("r", i))
        comps.append((sorted(rows), sorted(cols)))
    return comps


def _hungarian_max(m: list[list[float | None]]) -> list[tuple[int, int]]:
    """Maximum-weight matching on a rectangular matrix; ``None`` marks a forbidden pair.

    Forbidden pairs and padding cost 0 in the maximisation (= not matched), so a row may stay
    unmatched rather than take a forbidden pair.
    """
    n_r, n_c = len(m), len(m[0])
    n = max(n_r, n_c)
    top = max((v for row in m for v in row if v is not None), default=0.0)
    # minimise cost = top - score; forbidden and padded cells cost `top` (same as score 0)
    cost = [[(top - m[i][j]) if i < n_r and j < n_c and m[i][j] is not None else top for j in range(n)]
            for i in range(n)]
    u = [0.0] * (n + 1)
    v = [0.0] * (n + 1)
    p = [0] * (n + 1)  # p[j]: row (1-based) assigned to column j
    way = [0] * (n + 1)
    for i in range(1, n + 1):
        p[0] = i
        j0 = 0
        minv = [_INF] * (n + 1)
        used = [False] * (n + 1)
        while True:
            used[j0] = True
            i0 = p[j0]
            delta = _INF
            j1 = 0
            ci = cost[i0 - 1]
            ui0 = u[i0]
            for j in range(1, n + 1):
                if not used[j]:
                    cur = ci[j - 1] - ui0 - v[j]
                    if cur < minv[j] - 1e-12:
                        minv[j] = cur
                        way[j] = j0
                    if minv[j] < delta - 1e-12:
                        delta = minv[j]
                        j1 = j
            for j in range(n + 1):
                if used[j]:
                    u[p[j]] += delta
                    v[j] -= delta
                else:
                    minv[j] -= delta
            j0 = j1
            if p[j0] == 0:
                break
        while True:
            j1 = way[j0]
            p[j0] = p[j1]
            j0 = j1
            if j0 == 0:
                break
    out = []
    for j in range(1, n + 1):
        i = p[j] - 1
        c = j - 1
        if i < n_r and c < n_c and m[i][c] is not None:
            out.append((i, c))
    return out
