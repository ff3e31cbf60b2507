"""Text vectors from static word-piece vectors: meaning that no shared word or concept shows.

"Undertake any necessary training" and "Participate in arrangements for their own further
training and professional development" share one word; "Promote student well being" and
"Demonstrate a commitment to promoting the wellbeing of pupils" none once stemmed differently.
Each text is split into the word pieces of a general English model (BERT's uncased WordPiece
rules) and its vector is the mean of its pieces' vectors (``data/word_vectors.npz``, distilled
from all-MiniLM-L6-v2 by ``scripts/build_word_vectors.py``; nothing in it was fitted to job
descriptions). Only numpy is needed; the file is read once, on first use.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from importlib import resources

MAX_WORD_CHARS = 100  # longer "words" are unknown, as in BERT's WordPiece
_MAX_PIECE = 24  # no vocabulary piece is longer; bounds the longest-match search


@lru_cache(maxsize=1)
def _table():
    """(piece -> row, int8 vectors, row scales) from the packaged file."""
    import numpy as np

    with resources.files("jobspec").joinpath("data/word_vectors.npz").open("rb") as fh:
        z = np.load(fh, allow_pickle=False)
        pieces = z["pieces"].tobytes().decode("utf-8").split("\n")
        vectors, scale = z["vectors"], z["scale"]
    return {p: k for k, p in enumerate(pieces)}, vectors, scale


def about() -> str:
    """Where the vectors come from, with their licence notice."""
    import numpy as np

    with resources.files("jobspec").joinpath("data/word_vectors.npz").open("rb") as fh:
        return np.load(fh, allow_pickle=False)["about"].tobytes().decode("utf-8")


# BERT's basic tokenisation: a run of letters and digits is a word; every other character that is
# not a space (punctuation, symbols, underscore) stands alone
_SPLIT = re.compile(r"[^\W_]+|[^\w\s]|_")


def _words(text: str) -> list[str]:
    """BERT's basic tokenisation: lower case, accents stripped, split at spaces and punctuation."""
    text = text.lower()
    if not text.isascii():
        text = "".join(ch for ch in unicodedata.normalize("NFD", text)
                       if unicodedata.category(ch) not in ("Mn", "Cc", "Cf", "Co", "Cn", "Cs") and ch != "\ufffd")
    return _SPLIT.findall(text)


@lru_cache(maxsize=8192)
def _pieces(word: str) -> tuple[int, ...]:
    """Rows of ``word``'s word pieces (greedy longest match, "##" for inner pieces); none if it
    cannot be split into known pieces."""
    index = _table()[0]
    if len(word) > MAX_WORD_CHARS:
        return ()
    rows: list[int] = []
    start = 0
    while start < len(word):
        end = min(len(word), start + _MAX_PIECE)
        row = None
        while end > start:
            piece = word[start:end] if start == 0 else "##" + word[start:end]
            row = index.get(piece)
            if row is not None:
                break
            end -= 1
        if row is None:
            return ()
        rows.append(row)
        start = end
    return tuple(rows)


def piece_rows(text: str) -> list[int]:
    """The vocabulary rows of ``text``'s word pieces, in order (unknown words left out)."""
    return [r for w in _words(text) for r in _pieces(w)]


def text_vectors(texts: list[str]):
    """A (len(texts), dims) float array of unit vectors (all zeros for a text with no known piece)."""
    import numpy as np

    _, vectors, scale = _table()
    rows = [piece_rows(t) for t in texts]
    counts = np.array([len(r) for r in rows], dtype=np.int64)
    out = np.zeros((len(texts), vectors.shape[1]))
    if not counts.sum():
        return out
    flat = np.fromiter((r for rs in rows for r in rs), dtype=np.int64, count=int(counts.sum()))
    pieces = vectors[flat].astype(np.float64) * scale[flat, None]
    starts = np.concatenate(([0], np.cumsum(counts)[:-1]))
    has = counts > 0
    out[has] = np.add.reduceat(pieces, starts[has], axis=0)  # the mean's direction: the sum's
    norms = np.linalg.norm(out, axis=1, keepdims=True)
    return np.divide(out, norms, out=np.zeros_like(out), where=norms > 0)
