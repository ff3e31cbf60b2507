"""Word-level diff of two item texts, for showing what a rewording changed."""

from __future__ import annotations

import difflib
import re

from jobspec.concepts.normalise import _SPELLINGS, normalise

_SPLIT = re.compile(r"\S+")


def word_diff(a: str, b: str) -> list[dict[str, str]]:
    """``[{"op": "equal"|"delete"|"insert", "text": ...}]``: A's words with B's changes applied.

    Words are compared case-insensitively, ignoring punctuation and spelling variants, but the
    output keeps each document's own words: ``text`` is A's words (B's for an insert); an equal
    run whose words B writes differently (case, punctuation, spelling) also has ``text_b``.
    """
    wa = _SPLIT.findall(a)
    wb = _SPLIT.findall(b)
    ka = [_key(w) for w in wa]
    kb = [_key(w) for w in wb]
    ops: list[dict[str, str]] = []
    sm = difflib.SequenceMatcher(a=ka, b=kb, autojunk=False)
    for tag, i1, i2, j1, j2 in sm.get_opcodes():
        if tag == "equal":
            ta, tb = " ".join(wa[i1:i2]), " ".join(wb[j1:j2])
            _add(ops, "equal", ta, tb)
            continue
        if tag in ("replace", "delete"):
            _add(ops, "delete", " ".join(wa[i1:i2]))
        if tag in ("replace", "insert"):
            _add(ops, "insert", " ".join(wb[j1:j2]))
    return ops


def _key(word: str) -> str:
    """A word as compared: lower case, no punctuation, British spelling."""
    k = _PUNCT.sub("", word.lower())
    return normalise(k) if k and not k.isascii() or "iz" in k or "yz" in k or k in _SPELLINGS else (k or word)


_PUNCT = re.compile(r"[^\w*+/&-]|_")


def _add(ops: list[dict[str, str]], op: str, text: str, text_b: str | None = None) -> None:
    if not text:
        return
    if ops and ops[-1]["op"] == op:  # only inserts/deletes can follow each other
        ops[-1]["text"] += " " + text
        return
    row = {"op": op, "text": text}
    if text_b is not None and text_b != text:
        row["text_b"] = text_b
    ops.append(row)
