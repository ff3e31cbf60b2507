"""What every lint rule is: a code, a dotted name, a default severity, a docstring, and (for semantic
rules) a ``check`` that reads the spec and yields hits located by JSON path."""

from __future__ import annotations

import inspect
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, ClassVar, NamedTuple

from jobspec.spec.model import JsonPath, texts_in


class Hit(NamedTuple):
    """One problem a rule found: where (a JSON path into the spec) and what, for a person."""

    path: JsonPath
    message: str


class Rule:
    """Subclasses set ``code``, ``name``, ``severity`` and a docstring (what ``--explain`` prints).

    Rules found while reading the file (JS0xx) and the schema rule (JS100) have no ``check``: the
    loader and the schema check report them. Semantic rules (JS2xx) override ``check``; they must
    cope with any data, since they also run on specs that break the schema.
    """

    code: ClassVar[str]
    name: ClassVar[str]
    severity: ClassVar[str]

    def check(self, spec: SpecView) -> Iterable[Hit]:
        return ()

    @classmethod
    def doc(cls) -> str:
        return inspect.cleandoc(cls.__doc__ or "")

    @classmethod
    def summary(cls) -> str:
        return cls.doc().split("\n\n")[0].replace("\n", " ")


class SpecView:
    """Tolerant read access to one spec's data, for rules. Wrong shapes read as absent."""

    def __init__(self, data: dict[str, Any], file: Path | None = None,
                 line_of: Callable[[JsonPath], int] | None = None) -> None:
        self.data = data
        self.file = file
        self._line_of = line_of
        self.memo: dict[Any, Any] = {}  # for work several rules share (see similarity.matches)

    def line_of(self, path: JsonPath) -> int:
        """The line a JSON path is on (for messages such as "first at line 40")."""
        return self._line_of(path) if self._line_of else 0

    @property
    def post(self) -> dict[str, Any]:
        return as_dict(self.data.get("post"))

    @property
    def salary(self) -> dict[str, Any] | None:
        s = self.post.get("salary")
        return s if isinstance(s, dict) else None

    @property
    def hours(self) -> dict[str, Any] | None:
        h = self.post.get("hours")
        return h if isinstance(h, dict) else None

    def items(self, key: str) -> list[tuple[int, dict[str, Any]]]:
        """(index, item) for each mapping in the list ``key`` (``duties``, ``criteria``)."""
        seq = self.data.get(key)
        if not isinstance(seq, list):
            return []
        return [(i, item) for i, item in enumerate(seq) if isinstance(item, dict)]

    def texts(self) -> Iterator[tuple[JsonPath, str]]:
        """Every piece of free text in the spec (post details, purpose, duties, criteria): the
        fields the spec model marks as text (:func:`jobspec.spec.model.texts_in`)."""
        return texts_in(self.data)


def as_dict(x: Any) -> dict[str, Any]:
    return x if isinstance(x, dict) else {}


def number(x: Any) -> float | None:
    """A real number, or None (booleans are not numbers here)."""
    if isinstance(x, bool) or not isinstance(x, int | float):
        return None
    return float(x)


_NON_WORD = re.compile(r"[\W_]+")


def normalise(text: str) -> str:
    """Text for comparison: case, accents, punctuation and spacing ignored."""
    t = text.casefold()
    if not t.isascii():
        t = "".join(c for c in unicodedata.normalize("NFKD", t) if not unicodedata.combining(c))
    return _NON_WORD.sub(" ", t).strip()


def money(value: float, currency: Any) -> str:
    symbol = {"GBP": "£", "EUR": "€", "USD": "$"}.get(currency if isinstance(currency, str) else "", "")
    amount = f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}"
    return symbol + amount


def label(item: dict[str, Any], key: str, index: int) -> str:
    """How to name an item in a message: its id, or its place in the list."""
    ident = item.get("id")
    return str(ident) if isinstance(ident, str) and ident.strip() else f"{key}[{index}]"
