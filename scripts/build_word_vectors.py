"""Build ``src/jobspec/data/word_vectors.npz``, the static word-piece vectors behind compare's
``semantic_cosine`` (development only; jobspec itself needs only numpy to read the file).

usage: python scripts/build_word_vectors.py MODEL [--dims 128] [--out FILE]

MODEL is a folder holding the sentence-transformers model ``all-MiniLM-L6-v2`` (Apache License
2.0), or a model2vec model already distilled from it. The vectors are distilled with model2vec
(MIT licence; ``pip install "model2vec[distill]"``, which needs PyTorch): every word piece of the
model's vocabulary is passed through the model on its own, the outputs reduced to ``--dims`` by
PCA and weighted down for frequent pieces (SIF). A text's vector is then the mean of its pieces'
vectors: no model runs when jobspec compares, and nothing is fitted to job descriptions here.

Stored (numpy ``.npz``, uncompressed so it loads in a few milliseconds, no pickles):
``pieces`` (the vocabulary, UTF-8, one piece a line, row order), ``vectors`` (int8, one row a
piece), ``scale`` (float32, each row's multiplier) and ``about`` (UTF-8: where the vectors come
from, with the licence notice).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
ABOUT = """Static word-piece vectors for jobspec compare's semantic_cosine feature.
Distilled with model2vec (https://github.com/MinishLab/model2vec, MIT licence) from the
sentence-transformers model all-MiniLM-L6-v2 (https://huggingface.co/sentence-transformers/all-MiniLM-L6-v2),
Copyright the sentence-transformers authors, licensed under the Apache License, Version 2.0
(http://www.apache.org/licenses/LICENSE-2.0). Changes: each vocabulary piece embedded alone,
PCA to {dims} dimensions, SIF weighting, rows quantised to int8 with a per-row scale.
"""


def load(model: Path, dims: int):
    from model2vec import StaticModel

    if (model / "config.json").exists() and "model2vec" in (model / "config.json").read_text():
        return StaticModel.from_pretrained(str(model))
    from model2vec.distill import distill

    return distill(model_name=str(model), pca_dims=dims)


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("model", type=Path)
    ap.add_argument("--dims", type=int, default=128)
    ap.add_argument("--out", type=Path, default=ROOT / "src/jobspec/data/word_vectors.npz")
    args = ap.parse_args(argv[1:])
    m = load(args.model, args.dims)
    vocab = m.tokenizer.get_vocab()  # piece -> row
    pieces = sorted(vocab, key=vocab.get)
    if [vocab[p] for p in pieces] != list(range(len(pieces))):
        raise SystemExit("the model's vocabulary rows are not 0..n-1")
    emb = np.asarray(m.embedding, dtype=np.float32)
    scale = np.abs(emb).max(axis=1) / 127.0
    scale[scale == 0] = 1.0
    q = np.round(emb / scale[:, None]).astype(np.int8)
    text = "\n".join(pieces).encode("utf-8")
    about = ABOUT.format(dims=emb.shape[1]).encode("utf-8")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    np.savez(args.out, pieces=np.frombuffer(text, dtype=np.uint8), vectors=q, scale=scale.astype(np.float32),
             about=np.frombuffer(about, dtype=np.uint8))
    print(f"{args.out}: {len(pieces)} pieces x {emb.shape[1]} dimensions, {args.out.stat().st_size / 1e6:.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
