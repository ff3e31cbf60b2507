"""The concept vocabulary: load the shipped YAML, merge users' files over it, tag text with it.

The shipped file is package data (``jobspec/data/vocabulary.yaml``, read with importlib.resources).
A user file of the same shape extends it: new concepts are added; for an existing concept the
``terms``, ``abbreviations`` and ``patterns`` lists are extended and ``label``, ``weight`` and
``broader`` replaced when given; ``replace: true`` swaps the whole concept and ``remove: true``
drops it. ``synonyms`` are merged word by word. ``contrasts`` name qualifiers that exclude each
other (Level 2 / Level 3, paediatric / at-work first aid): two items that name different options
of one contrast, and none in common, state different requirements; a file's options are added to
a contrast of the same id. A user's file is checked first against the vocabulary's JSON Schema
(``jobspec/data/vocabulary.schema.json``, see :mod:`jobspec.concepts.vocabulary_schema`); any
problem in a file is a :class:`VocabularyError` whose message is one line naming the file.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from jobspec.concepts.normalise import STOP_WORDS, normalise, stem, tokens, words
from jobspec.concepts.pattern_check import backtracking_problem
from jobspec.errors import UsageError

SHIPPED = "jobspec/data/vocabulary.yaml"
_LIST_KEYS = ("terms", "abbreviations", "patterns")


class VocabularyError(UsageError):
    """A vocabulary file that cannot be used; the message is one line naming the file."""


@dataclass(slots=True)
class Concept:
    id: str
    label: str
    terms: list[str] = field(default_factory=list)
    abbreviations: list[str] = field(default_factory=list)
    patterns: list[str] = field(default_factory=list)
    broader: list[str] = field(default_factory=list)
    weight: float = 1.0


@dataclass(slots=True)
class Contrast:
    """Options that exclude each other; ``within``: only between items that both mention that concept."""

    id: str
    label: str
    options: dict[str, Concept] = field(default_factory=dict)
    within: str | None = None


@dataclass(slots=True)
class _Term:
    seq: tuple[str, ...]
    concept: str
    prefix: bool  # last word is a prefix ("safeguard*")
    full: bool  # holds a stop word ("a level", "on call"): matched word for word, stop words kept


class Vocabulary:
    """Concepts with their compiled triggers. Build it with :func:`load_vocabulary`."""

    def __init__(self, concepts: dict[str, Concept], synonyms: dict[str, str], sources: list[dict[str, str]],
                 contrasts: dict[str, Contrast] | None = None) -> None:
        self.concepts = concepts
        self.synonyms = synonyms
        self.sources = sources
        self.contrasts = contrasts or {}
        # every option of every contrast as a concept "<contrast>:<option>", tagged like concepts
        self._options = Vocabulary({f"{k}:{o}": c for k, ct in self.contrasts.items() for o, c in ct.options.items()},
                                   synonyms, []) if self.contrasts else None
        self._first: dict[str, list[_Term]] = {}
        self._first_full: dict[str, list[_Term]] = {}
        self._prefix_first: list[_Term] = []
        abbrev: dict[str, list[str]] = {}
        self._patterns: list[tuple[str, re.Pattern[str]]] = []
        self._closure: dict[str, frozenset[str]] = {}
        for c in concepts.values():
            for term in c.terms:
                prefix = term.rstrip().endswith("*")
                body = term.rstrip("* ")
                seq = tuple(tokens(body, synonyms))
                full = tuple(tokens(body, synonyms, keep_stop_words=True))
                if not full:
                    continue
                t = _Term(full, c.id, prefix, True) if len(full) != len(seq) else _Term(seq, c.id, prefix, False)
                if prefix and len(t.seq) == 1:
                    self._prefix_first.append(t)
                else:
                    (self._first_full if t.full else self._first).setdefault(t.seq[0], []).append(t)
            for ab in c.abbreviations:
                abbrev.setdefault(ab.strip(), []).append(c.id)
            for p in c.patterns:
                self._patterns.append((c.id, re.compile(p)))
        for cid in concepts:
            self._closure[cid] = frozenset(self._ancestors(cid))
        # one search for "any pattern at all" first: most texts match none
        self._any_pattern = re.compile("|".join(f"(?:{rx.pattern})" for _, rx in self._patterns)) if self._patterns else None
        self._abbrev_concepts = abbrev
        alts = "|".join(re.escape(a) for a in sorted(abbrev, key=len, reverse=True))
        self._abbrev = re.compile(rf"(?<![A-Za-z0-9])({alts})(?:s|'s)?(?![A-Za-z0-9])") if abbrev else None

    def _ancestors(self, cid: str) -> set[str]:
        seen = {cid}
        todo = [cid]
        while todo:
            for b in self.concepts[todo.pop()].broader:
                if b not in seen:
                    seen.add(b)
                    todo.append(b)
        return seen

    def tokens(self, text: str) -> list[str]:
        """Stemmed content words of ``text`` with this vocabulary's synonyms applied."""
        return tokens(text, self.synonyms)

    def tag(self, text: str, toks: Sequence[str] | None = None) -> list[str]:
        """Sorted ids of the concepts ``text`` mentions (and the broader concepts they imply)."""
        return sorted(self.tag_positions(text, toks))

    def analyse(self, text: str) -> tuple[list[str], dict[str, int], dict[str, frozenset[str]]]:
        """``text``'s content words (:meth:`tokens`), concepts (:meth:`tag_positions`) and
        qualifiers (:meth:`qualifiers`), reading its words once for all three."""
        full, content_index, toks = self._read(text)
        concepts = self._tag(text, toks, full, content_index)
        return toks, concepts, self._qualify(text, toks, full, content_index)

    def _read(self, text: str) -> tuple[list[str], list[int], list[str]]:
        """Every word stemmed with synonyms applied (stop words kept), the number of content words
        before each, and the content words alone."""
        full: list[str] = []
        content_index: list[int] = []
        toks: list[str] = []
        syn = self.synonyms
        for w in words(text):
            content_index.append(len(toks))
            w2 = syn.get(w, w)
            s = stem(w2)
            s = syn.get(s, s)
            full.append(s)
            if w not in STOP_WORDS:
                toks.append(s)
        return full, content_index, toks

    def tag_positions(self, text: str, toks: Sequence[str] | None = None) -> dict[str, int]:
        """Each concept ``text`` mentions -> index of the first content word that triggers it.

        Broader concepts take the position of the narrower one. Abbreviations and patterns are
        placed at the number of content words before them.
        """
        full, content_index, own = self._read(text)
        return self._tag(text, own if toks is None else toks, full, content_index)

    def _tag(self, text: str, toks: Sequence[str], full: list[str], content_index: list[int]) -> dict[str, int]:
        found: dict[str, int] = {}
        _scan(toks, self._first, found, None)
        if self._first_full:
            _scan(full, self._first_full, found, content_index)
        for k, t in enumerate(toks):
            for term in self._prefix_first:
                if t.startswith(term.seq[0]) and term.concept not in found:
                    found[term.concept] = k
        norm = normalise(text) if self._any_pattern is not None else ""
        if self._any_pattern is not None and self._any_pattern.search(norm):
            for cid, rx in self._patterns:
                m = rx.search(norm)
                if m and cid not in found:
                    found[cid] = len(_content_words(norm[: m.start()]))
        if self._abbrev is not None:
            for m in self._abbrev.finditer(text):
                todo = [cid for cid in self._abbrev_concepts[m.group(1)] if cid not in found]
                if todo:
                    pos = len(_content_words(text[: m.start()]))
                    for cid in todo:
                        found[cid] = pos
        out: dict[str, int] = {}
        for cid, pos in found.items():
            for c in self._closure[cid]:
                if c not in out or out[c] > pos:
                    out[c] = pos
        return out

    def qualifiers(self, text: str, toks: Sequence[str] | None = None) -> dict[str, frozenset[str]]:
        """Each contrast ``text`` mentions -> the options it names (see :meth:`conflicts`)."""
        if self._options is None:
            return {}
        full, content_index, own = self._read(text)
        return self._qualify(text, own if toks is None else toks, full, content_index)

    def _qualify(self, text: str, toks: Sequence[str], full: list[str],
                 content_index: list[int]) -> dict[str, frozenset[str]]:
        if self._options is None:
            return {}
        out: dict[str, set[str]] = {}
        for key in self._options._tag(text, toks, full, content_index):
            cid, _, opt = key.partition(":")
            out.setdefault(cid, set()).add(opt)
        return {k: frozenset(v) for k, v in out.items()}

    def conflicts(self, qa: dict[str, frozenset[str]], ca: Iterable[str], qb: dict[str, frozenset[str]],
                  cb: Iterable[str]) -> list[dict[str, Any]]:
        """The contrasts on which two items (qualifiers ``q*``, concepts ``c*``) name only different options."""
        if not qa or not qb:
            return []
        within = {k: c.within for k, c in self.contrasts.items()}
        return [{"contrast": cid, "label": self.contrasts[cid].label, "a": sorted(qa[cid]), "b": sorted(qb[cid])}
                for cid in contrasts_differ(qa, ca, qb, cb, within)]

    def weight(self, cid: str) -> float:
        c = self.concepts.get(cid)
        return c.weight if c else 1.0

    def describe(self) -> dict[str, Any]:
        """What a report needs to name this vocabulary reproducibly."""
        return {"concepts": len(self.concepts), "synonyms": len(self.synonyms), "contrasts": len(self.contrasts),
                "sources": list(self.sources)}


def contrasts_differ(qa: dict[str, frozenset[str]], ca: Iterable[str], qb: dict[str, frozenset[str]],
                     cb: Iterable[str], within: dict[str, str | None]) -> list[str]:
    """The contrasts (ids, sorted) on which two items name options, and no option in common;
    a contrast ``within`` a concept counts only when both items mention that concept."""
    out = []
    for cid in sorted(qa.keys() & qb.keys()):
        w = within.get(cid)
        if qa[cid] & qb[cid] or (w and not (w in ca and w in cb)):
            continue
        out.append(cid)
    return out


def _scan(toks: Sequence[str], index: dict[str, list[_Term]], found: dict[str, int],
          content_index: list[int] | None) -> None:
    n = len(toks)
    for i, t in enumerate(toks):
        for term in index.get(t, ()):
            k = len(term.seq)
            if i + k > n or term.concept in found:
                continue
            window = tuple(toks[i:i + k])
            if window == term.seq or (term.prefix and window[:-1] == term.seq[:-1] and window[-1].startswith(term.seq[-1])):
                found[term.concept] = content_index[i] if content_index is not None and i < len(content_index) else i


def _content_words(text: str) -> list[str]:
    return [w for w in words(text) if w not in STOP_WORDS]


def load_vocabulary(extra: Iterable[str | Path] = ()) -> Vocabulary:
    """The shipped vocabulary with each file in ``extra`` merged over it, in order (cached)."""
    keys = []
    for p in extra:
        path = Path(p)
        try:
            st = path.stat()
        except OSError as exc:
            raise VocabularyError(f"{path}: cannot read vocabulary file ({exc.strerror or exc})") from None
        if not path.is_file():
            raise VocabularyError(f"{path}: vocabulary must be a YAML file, and this is a folder")
        keys.append((str(path), st.st_mtime_ns, st.st_size))
    return _load(tuple(keys))


@lru_cache(maxsize=8)
def _load(keys: tuple[tuple[str, int, int], ...]) -> Vocabulary:
    text = resources.files("jobspec").joinpath("data/vocabulary.yaml").read_text(encoding="utf-8")
    concepts: dict[str, Concept] = {}
    synonyms: dict[str, str] = {}
    contrasts: dict[str, Contrast] = {}
    _merge(concepts, synonyms, contrasts, _read(text, SHIPPED, check=False), SHIPPED)  # tests check it against the schema
    sources = [_source(text, SHIPPED)]
    for path, _mtime, _size in keys:
        try:
            raw = Path(path).read_bytes()
            body = raw.decode("utf-8-sig")
        except OSError as exc:
            raise VocabularyError(f"{path}: cannot read vocabulary file ({exc.strerror or exc})") from None
        except UnicodeDecodeError:
            raise VocabularyError(f"{path}: vocabulary file is not UTF-8 text") from None
        _merge(concepts, synonyms, contrasts, _read(body, path, check=True), path)
        sources.append(_source(body, path))
    for c in concepts.values():
        for b in c.broader:
            if b not in concepts:
                raise VocabularyError(f"{sources[-1]['path']}: concept '{c.id}' names unknown broader concept '{b}'")
    for ct in contrasts.values():
        if ct.within and ct.within not in concepts:
            raise VocabularyError(f"{sources[-1]['path']}: contrast '{ct.id}' names unknown concept '{ct.within}'")
    try:
        return Vocabulary(concepts, synonyms, sources, contrasts)
    except re.error as exc:  # pragma: no cover - patterns are compiled in _merge first
        raise VocabularyError(f"{sources[-1]['path']}: bad pattern: {exc}") from None


def _read(text: str, where: str, *, check: bool) -> dict[str, Any]:
    """A vocabulary file's data; with ``check``, refused unless the vocabulary schema accepts it."""
    import yaml

    try:
        data = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # safe either way
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        at = f" at line {mark.line + 1}" if mark is not None else ""
        raise VocabularyError(f"{where}: not valid YAML{at}") from None
    if check:
        from jobspec.concepts.vocabulary_schema import first_problem

        problem = first_problem(data)
        if problem:
            raise VocabularyError(f"{where}: {problem}")
    return data


def _merge(concepts: dict[str, Concept], synonyms: dict[str, str], contrasts: dict[str, Contrast],
           data: dict[str, Any], where: str) -> None:
    """Merge one vocabulary's data (the schema has accepted it) over the others."""
    for canon, variants in (data.get("synonyms") or {}).items():
        for v in variants:
            synonyms[v.strip().lower()] = canon.strip().lower()
    for cid, spec in (data.get("concepts") or {}).items():
        spec = spec or {}
        if spec.get("remove"):
            concepts.pop(cid, None)
            continue
        for p in spec.get("patterns") or []:
            _check_pattern(p, f"{where}: concepts.{cid}.patterns", backtracking=True)
        label = spec.get("label")
        old = None if spec.get("replace") else concepts.get(cid)
        c = old or Concept(id=cid, label=label or cid.replace("_", " "))
        if label:
            c.label = label
        _extend(c, spec)
        if spec.get("broader") is not None:
            c.broader = list(spec["broader"])
        if spec.get("weight") is not None:
            c.weight = float(spec["weight"])
        if not (c.terms or c.abbreviations or c.patterns):
            raise VocabularyError(f"{where}: concepts.{cid}: needs at least one of terms, abbreviations, patterns")
        concepts[cid] = c
    for cid, spec in (data.get("contrasts") or {}).items():
        if spec.get("remove"):
            contrasts.pop(cid, None)
            continue
        ct = contrasts.setdefault(cid, Contrast(id=cid, label=cid.replace("_", " ")))
        ct.label = spec.get("label") or ct.label
        ct.within = spec.get("within") or ct.within
        for name, o in (spec.get("options") or {}).items():
            for p in o.get("patterns") or []:
                _check_pattern(p, f"{where}: contrasts.{cid}.options.{name}.patterns", backtracking=False)
            _extend(ct.options.setdefault(name, Concept(id=f"{cid}:{name}", label=name)), o)
        if len(ct.options) < 2:
            raise VocabularyError(f"{where}: contrasts.{cid}: needs at least two options")


def _extend(c: Concept, spec: dict[str, Any]) -> None:
    for key in _LIST_KEYS:
        cur = getattr(c, key)
        cur.extend(x for x in spec.get(key) or [] if x not in cur)


def _check_pattern(p: str, where: str, *, backtracking: bool) -> None:
    """A pattern that compiles and, for a concept's, cannot take exponential time (no schema can say)."""
    try:
        re.compile(p)
    except re.error as exc:
        raise VocabularyError(f"{where}: bad regular expression {p!r}: {exc}") from None
    problem = backtracking_problem(p) if backtracking else None
    if problem:
        raise VocabularyError(f"{where}: {p!r} refused: {problem}; rewrite it without a repeat inside a repeat")


def _source(text: str, where: str) -> dict[str, str]:
    return {"path": where, "sha256": hashlib.sha256(text.encode("utf-8")).hexdigest()}
