"""The concept vocabulary: load the shipped YAML, merge users' files over it, tag text with it.

The shipped file is package data (``jobspec/data/vocabulary.yaml``, read with importlib.resources).
A user file of the same shape extends it: new concepts are added; for an existing concept the
``terms``, ``abbreviations`` and ``patterns`` lists are extended and ``label``, ``weight`` and
``broader`` replaced when given; ``replace: true`` swaps the whole concept and ``remove: true``
drops it. ``synonyms`` are merged word by word. ``contrasts`` name qualifiers that exclude each
other (Level 2 / Level 3, paediatric / at-work first aid): two items that name different options
of one contrast, and none in common, state different requirements; a file's options are added to
a contrast of the same id. Any problem in a file is a
:class:`VocabularyError` whose message is one line naming the file.
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
_ID = re.compile(r"^[a-z][a-z0-9_]*$")
_CONCEPT_KEYS = {"label", "terms", "abbreviations", "patterns", "broader", "weight", "replace", "remove"}
_LIST_KEYS = ("terms", "abbreviations", "patterns")
_CONTRAST_KEYS = {"label", "within", "options", "remove"}


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

    def tag_positions(self, text: str, toks: Sequence[str] | None = None) -> dict[str, int]:
        """Each concept ``text`` mentions -> index of the first content word that triggers it.

        Broader concepts take the position of the narrower one. Abbreviations and patterns are
        placed at the number of content words before them.
        """
        toks = self.tokens(text) if toks is None else toks
        found: dict[str, int] = {}
        _scan(toks, self._first, found, None)
        if self._first_full:
            full: list[str] = []
            content_index: list[int] = []
            k = 0
            syn = self.synonyms
            for w in words(text):
                content_index.append(k)
                if w not in STOP_WORDS:
                    k += 1
                w = syn.get(w, w)
                s = stem(w)
                full.append(syn.get(s, s))
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
        out: dict[str, set[str]] = {}
        for key in self._options.tag_positions(text, toks):
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
    sources = [_merge(concepts, synonyms, text, SHIPPED, contrasts)]
    for path, _mtime, _size in keys:
        try:
            raw = Path(path).read_bytes()
            body = raw.decode("utf-8-sig")
        except OSError as exc:
            raise VocabularyError(f"{path}: cannot read vocabulary file ({exc.strerror or exc})") from None
        except UnicodeDecodeError:
            raise VocabularyError(f"{path}: vocabulary file is not UTF-8 text") from None
        sources.append(_merge(concepts, synonyms, body, path, contrasts))
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


def _merge(concepts: dict[str, Concept], synonyms: dict[str, str], text: str, where: str,
           contrasts: dict[str, Contrast] | None = None) -> dict[str, str]:
    import yaml

    try:
        data = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # safe either way
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        at = f" at line {mark.line + 1}" if mark is not None else ""
        raise VocabularyError(f"{where}: not valid YAML{at}") from None
    if not isinstance(data, dict):
        raise VocabularyError(f"{where}: a vocabulary file must be a mapping with 'concepts' and/or 'synonyms'")
    unknown = set(data) - {"version", "concepts", "synonyms", "contrasts"}
    if unknown:
        raise VocabularyError(f"{where}: unknown top-level key '{sorted(unknown)[0]}' "
                              "(expected version, concepts, synonyms, contrasts)")
    if data.get("version", 1) != 1:
        raise VocabularyError(f"{where}: unsupported vocabulary version {data.get('version')!r} (expected 1)")
    syn = data.get("synonyms") or {}
    if not isinstance(syn, dict):
        raise VocabularyError(f"{where}: 'synonyms' must map a word to a list of words")
    for canon, variants in syn.items():
        if not isinstance(canon, str) or not isinstance(variants, list) or not all(isinstance(v, str) for v in variants):
            raise VocabularyError(f"{where}: synonyms.{canon}: must be a list of words")
        for v in variants:
            synonyms[v.strip().lower()] = canon.strip().lower()
    con = data.get("concepts") or {}
    if not isinstance(con, dict):
        raise VocabularyError(f"{where}: 'concepts' must map concept ids to their terms")
    for cid, spec in con.items():
        spec = _entry(where, "concept", cid, {} if spec is None else spec, _CONCEPT_KEYS, "label, terms, abbreviations, ...")
        if spec.get("remove"):
            concepts.pop(cid, None)
            continue
        for key in (*_LIST_KEYS, "broader"):
            v = spec.get(key)
            if v is not None and (not isinstance(v, list) or not all(isinstance(x, str) and x.strip() for x in v)):
                raise VocabularyError(f"{where}: concepts.{cid}.{key}: must be a list of non-empty strings")
        for p in spec.get("patterns") or []:
            try:
                re.compile(p)
            except re.error as exc:
                raise VocabularyError(f"{where}: concepts.{cid}.patterns: bad regular expression {p!r}: {exc}") from None
            problem = backtracking_problem(p)
            if problem:
                raise VocabularyError(f"{where}: concepts.{cid}.patterns: {p!r} refused: {problem}; rewrite it "
                                      "without a repeat inside a repeat")
        w = spec.get("weight")
        if w is not None and (isinstance(w, bool) or not isinstance(w, int | float) or not 0 <= w <= 10):
            raise VocabularyError(f"{where}: concepts.{cid}.weight: must be a number from 0 to 10")
        label = spec.get("label")
        if label is not None and not isinstance(label, str):
            raise VocabularyError(f"{where}: concepts.{cid}.label: must be text")
        old = None if spec.get("replace") else concepts.get(cid)
        c = old or Concept(id=cid, label=label or cid.replace("_", " "))
        if label:
            c.label = label
        for key in _LIST_KEYS:
            cur = getattr(c, key)
            cur.extend(x for x in spec.get(key) or [] if x not in cur)
        if spec.get("broader") is not None:
            c.broader = list(spec["broader"])
        if w is not None:
            c.weight = float(w)
        if not (c.terms or c.abbreviations or c.patterns):
            raise VocabularyError(f"{where}: concepts.{cid}: needs at least one of terms, abbreviations, patterns")
        concepts[cid] = c
    _merge_contrasts(contrasts if contrasts is not None else {}, data.get("contrasts") or {}, where)
    return {"path": where, "sha256": hashlib.sha256(text.encode("utf-8")).hexdigest()}


def _entry(where: str, kind: str, cid: Any, spec: Any, keys: set[str], shape: str) -> dict[str, Any]:
    """One concept or contrast of a file, checked: its id, a mapping, only known keys."""
    if not isinstance(cid, str) or not _ID.match(cid):
        raise VocabularyError(f"{where}: {kind} id {cid!r} must be lower case letters, digits and _")
    if not isinstance(spec, dict):
        raise VocabularyError(f"{where}: {kind}s.{cid}: must be a mapping ({shape})")
    bad = set(spec) - keys
    if bad:
        raise VocabularyError(f"{where}: {kind}s.{cid}: unknown key '{sorted(bad)[0]}'")
    return spec


def _merge_contrasts(contrasts: dict[str, Contrast], data: Any, where: str) -> None:
    if not isinstance(data, dict):
        raise VocabularyError(f"{where}: 'contrasts' must map contrast ids to their options")
    for cid, spec in data.items():
        spec = _entry(where, "contrast", cid, spec, _CONTRAST_KEYS, "label, within, options")
        if spec.get("remove"):
            contrasts.pop(cid, None)
            continue
        ct = contrasts.setdefault(cid, Contrast(id=cid, label=cid.replace("_", " ")))
        for key in ("label", "within"):
            v = spec.get(key)
            if v is not None and not (isinstance(v, str) and v.strip()):
                raise VocabularyError(f"{where}: contrasts.{cid}.{key}: must be text")
        ct.label = spec.get("label") or ct.label
        ct.within = spec.get("within") or ct.within
        opts = spec.get("options") or {}
        if not isinstance(opts, dict):
            raise VocabularyError(f"{where}: contrasts.{cid}.options: must map option names to terms and patterns")
        for name, o in opts.items():
            if not isinstance(name, str) or not _ID.match(name) or not isinstance(o, dict) or set(o) - set(_LIST_KEYS):
                raise VocabularyError(f"{where}: contrasts.{cid}.options.{name}: must be a name mapping to "
                                      "terms, abbreviations and/or patterns")
            cur = ct.options.setdefault(name, Concept(id=f"{cid}:{name}", label=name))
            for key in _LIST_KEYS:
                v = o.get(key) or []
                if not isinstance(v, list) or not all(isinstance(x, str) and x.strip() for x in v):
                    raise VocabularyError(f"{where}: contrasts.{cid}.options.{name}.{key}: must be a list of non-empty strings")
                if key == "patterns":
                    for p in v:
                        try:
                            re.compile(p)
                        except re.error as exc:
                            raise VocabularyError(f"{where}: contrasts.{cid}.options.{name}.patterns: "
                                                  f"bad regular expression {p!r}: {exc}") from None
                getattr(cur, key).extend(x for x in v if x not in getattr(cur, key))
        if len(ct.options) < 2:
            raise VocabularyError(f"{where}: contrasts.{cid}: needs at least two options")
