"""The compare development set: the 13 gold-aligned pairs, their posts as two kinds of input, and scoring.

Used by ``scripts/fit_compare_weights.py``; development only (the corpus is read in place).

- ``pairs(corpus)``: every ``align/*.align.yaml`` (documents in ``docx/``) and every
  ``real/align/*.align.yaml`` (documents in ``real/docs/``), with the gold item files of both posts.
- Two inputs per post: ``parsed`` (the document through ``jobspec.api.parse_document``) and
  ``gold`` (a "perfect parse": a spec built straight from the gold items, so that what the matcher
  does can be judged apart from what the parser misses).
- ``score_pair``: the official scorer's rule (``score_compare.py``: a matched pair is a hit when both
  texts fuzzy-equal a same/reworded gold pair, ignored when they equal a related pair, else false).
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from jobspec.spec.model import Criterion, Duty, Source, Spec

SECTIONS = ("duties", "criteria")
DOC_SUFFIXES = (".docx", ".pdf", ".txt")


@dataclass(frozen=True, slots=True)
class Pair:
    name: str  # <a>__<b>
    folder: str  # "align" or "real/align"
    a: str
    b: str
    gold: dict[str, Any]


def default_corpus() -> Path:
    return Path(__file__).resolve().parents[2] / "shared" / "corpus"


def pairs(corpus: Path) -> list[Pair]:
    out = []
    for folder in ("align", "real/align"):
        for f in sorted((corpus / folder).glob("*.align.yaml")):
            g = yaml.safe_load(f.read_text(encoding="utf-8"))
            out.append(Pair(name=f.name[: -len(".align.yaml")], folder=folder, a=g["a"], b=g["b"], gold=g))
    return out


def document(corpus: Path, pair: Pair, stem: str) -> Path:
    base = corpus / "docx" if pair.folder == "align" else corpus / "real" / "docs"
    for suf in DOC_SUFFIXES:
        p = base / f"{stem}{suf}"
        if p.exists():
            return p
    raise FileNotFoundError(f"no document for {stem} in {base}")


def gold_file(corpus: Path, pair: Pair, stem: str) -> Path:
    return (corpus / "gold" if pair.folder == "align" else corpus / "real" / "gold") / f"{stem}.gold.yaml"


def spec_from_gold(path: Path, vocab) -> Spec:
    """A spec whose duties and criteria are the gold items, tagged with ``vocab`` (a perfect parse)."""
    g = yaml.safe_load(path.read_text(encoding="utf-8"))
    spec = Spec(source=Source(path=str(path), format="gold", sha256=""))
    for n, d in enumerate(g.get("duties") or [], 1):
        spec.duties.append(Duty(id=f"D{n:03d}", text=d["text"], section=d.get("section"), tags=vocab.tag(d["text"])))
    for n, c in enumerate(g.get("criteria") or [], 1):
        spec.criteria.append(Criterion(id=f"C{n:03d}", text=c["text"], level=c.get("level") or "essential",
                                       category=c.get("category") or "other", category_label=c.get("category_label"),
                                       assessed_by=list(c.get("assessed_by") or []), tags=vocab.tag(c["text"])))
    return spec


def load_specs(corpus: Path, todo: list[Pair], kind: str, vocab) -> dict[str, Spec]:
    """Every post named in ``todo`` as ``kind`` input: "parsed" or "gold"."""
    out: dict[str, Spec] = {}
    for p in todo:
        for stem in (p.a, p.b):
            if stem in out:
                continue
            if kind == "gold":
                out[stem] = spec_from_gold(gold_file(corpus, p, stem), vocab)
            else:
                from jobspec.api import parse_document

                out[stem] = parse_document(document(corpus, p, stem))
    return out


def scorer(corpus: Path):
    tools = corpus.parent / "tools"
    if str(tools) not in sys.path:
        sys.path.insert(0, str(tools))
    import score_compare  # the official scorer, read in place

    return score_compare


def score_pair(corpus: Path, pair: Pair, matched: dict[str, list[tuple[str, str]]]) -> dict[str, tuple[int, int, int]]:
    """(hits, false, missed) per section for the matched (a_text, b_text) pairs of one comparison."""
    sc = scorer(corpus)
    return {sec: sc.score(pair.gold.get(sec) or [], matched.get(sec, [])) for sec in SECTIONS}


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)
