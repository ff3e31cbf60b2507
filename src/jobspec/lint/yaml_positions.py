"""Load a spec for linting: safe composition, hostile-input guards, and line/column for any JSON path.

Nothing here constructs arbitrary objects: the text is *composed* into nodes (PyYAML's composer and
the SafeLoader's resolver over libyaml's parser, or the pure-Python ``yaml.SafeLoader``; no
constructor runs while composing), the node graph is checked for unsafe tags, alias cycles and alias
"bombs", and only then turned into plain data by the safe constructor. Every problem found on the way is a :class:`Problem` with a position taken from the
YAML nodes (or from the parser's error mark), never guessed.
"""

from __future__ import annotations

import re
import weakref
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml.composer import Composer
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.resolver import Resolver

#: Aliases may add at most this many nodes beyond the ones written out (legitimate specs use none).
MAX_ALIAS_EXPANSION = 10_000
#: Collections may nest this deep (a spec nests four levels).
MAX_DEPTH = 100

_CORE = "tag:yaml.org,2002:"
SAFE_TAGS = frozenset(_CORE + t for t in (
    "str", "int", "float", "bool", "null", "map", "seq", "timestamp", "binary", "set", "omap", "pairs",
    "merge", "value",
))
_DISABLE = re.compile(r"#\s*jobspec:\s*disable\s*=\s*([A-Za-z0-9_.,\- ]+)")


@dataclass(slots=True)
class Problem:
    """A finding before rule metadata and configuration are applied."""

    code: str
    message: str
    line: int | None = None  # None: placed by ``path``, or at the top of the file
    col: int | None = None
    path: tuple[str | int, ...] = ()


@dataclass(slots=True)
class LoadedSpec:
    """The outcome of loading one file. ``data`` is None when the file could not be turned into data."""

    text: str
    root: Node | None = None
    data: Any = None
    loaded: bool = False
    problems: list[Problem] = field(default_factory=list)


class _TooDeep(yaml.MarkedYAMLError):
    pass


class _Guards:
    """Composer hooks: remember where each alias is used, refuse deep nesting."""

    alias_marks: list[Any]
    depth: int

    def compose_node(self, parent: Node | None, index: Any) -> Node:
        if self.check_event(yaml.AliasEvent):  # type: ignore[attr-defined]
            self.alias_marks.append(self.peek_event().start_mark)  # type: ignore[attr-defined]
        self.depth += 1
        try:
            if self.depth > MAX_DEPTH:
                raise _TooDeep(None, None, f"collections nested more than {MAX_DEPTH} deep: not a spec",
                               self.peek_event().start_mark)  # type: ignore[attr-defined]
            return super().compose_node(parent, index)  # type: ignore[misc]
        finally:
            self.depth -= 1


class _PyLoader(_Guards, yaml.SafeLoader):
    """Pure-Python safe composition."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self.alias_marks = []
        self.depth = 0


try:  # libyaml, when PyYAML has it, scans and parses about four times faster; composing stays here
    from yaml._yaml import CParser

    class _CLoader(_Guards, Composer, CParser, Resolver):  # type: ignore[misc]
        """libyaml parse events, composed by PyYAML's (safe, Python) composer with the guards above."""

        def __init__(self, stream: str) -> None:
            CParser.__init__(self, stream)
            Composer.__init__(self)
            Resolver.__init__(self)
            self.alias_marks = []
            self.depth = 0

    _Loader: type = _CLoader
except ImportError:  # pragma: no cover - PyYAML built without libyaml
    _Loader = _PyLoader


def decode(raw: bytes) -> tuple[str | None, Problem | None]:
    """The text of a YAML file (UTF-8, or UTF-16 with a BOM), or a problem saying why it is not text."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16"), None
        except UnicodeDecodeError:
            return None, Problem("JS001", "not a YAML file: invalid UTF-16 text")
    nul = raw.find(b"\x00")
    if nul >= 0:
        line, col = _byte_position(raw, nul)
        return None, Problem("JS001", "not a YAML file: binary data (a NUL byte)", line, col)
    try:
        return raw.decode("utf-8-sig"), None
    except UnicodeDecodeError as e:
        line, col = _byte_position(raw, e.start)
        return None, Problem("JS001", f"not a YAML file: byte 0x{raw[e.start]:02x} is not UTF-8 text", line, col)


def _byte_position(raw: bytes, offset: int) -> tuple[int, int]:
    line = raw.count(b"\n", 0, offset) + 1
    start = raw.rfind(b"\n", 0, offset) + 1
    return line, len(raw[start:offset].decode("utf-8", "replace")) + 1


def tab_problems(text: str) -> list[Problem]:
    """Tabs in indentation (YAML forbids them), one per line, at the first tab."""
    out = []
    for n, line in enumerate(text.splitlines(), 1):
        indent = len(line) - len(line.lstrip(" \t"))
        pos = line.find("\t", 0, indent)
        if pos >= 0:
            out.append(Problem("JS003", "tab character in indentation: YAML indents with spaces only", n, pos + 1))
    return out


def load_spec(text: str) -> LoadedSpec:
    """Compose, check and construct one YAML document. Problems are collected, never raised."""
    out = LoadedSpec(text)
    tabs = tab_problems(text)
    deep = _flow_depth_problem(text)
    if deep:
        out.problems.append(deep)
        return out
    try:
        loader = _Loader(text)
    except yaml.YAMLError as e:  # the reader refuses control characters up front
        out.problems.append(_syntax_problem(e, text))
        return out
    try:
        root = loader.get_single_node()
    except yaml.YAMLError as e:
        out.problems.extend(_merge_tabs(tabs, _syntax_problem(e, text)))
        return out
    except RecursionError:  # the guards should make this impossible; never let it escape
        out.problems.extend(tabs)
        out.problems.append(Problem("JS001", "YAML nested too deeply to be a spec"))
        return out
    out.problems.extend(_outside_block_scalars(tabs, root))
    out.root = root
    if root is None:
        out.problems.append(Problem("JS100", "the file is empty: a spec is a YAML mapping"))
        return out
    bomb = _alias_problem(root, loader.alias_marks)
    if bomb:
        out.problems.append(bomb)
        return out
    unsafe = list(_unsafe_tags(root))
    out.problems.extend(unsafe)
    out.problems.extend(_duplicate_keys(root))
    if unsafe:
        return out
    try:
        out.data = yaml.SafeLoader("").construct_document(root)
    except yaml.YAMLError as e:
        out.problems.append(_syntax_problem(e, text))
        return out
    except Exception as e:  # PyYAML's constructors fail in many ways on a value that does not fit its tag
        out.problems.append(_value_problem(root, e))  # ("!!bool maybe": KeyError, "!!int ''": IndexError...)
        return out
    out.loaded = True
    return out


def _value_problem(root: Node, error: Exception) -> Problem:
    """A value the safe constructor could not build, placed at the first scalar that fails on its own."""
    loader = yaml.SafeLoader("")
    for node in iter_nodes(root):
        if isinstance(node, ScalarNode) and node.tag != _CORE + "str":
            try:
                loader.construct_object(node)
            except Exception as e:
                why = f" ({e})" if isinstance(e, ValueError | OverflowError) and str(e) else ""
                value = node.value if len(node.value) <= 40 else node.value[:37] + "..."
                return Problem("JS001", f"YAML value {value!r} cannot be read as {_show_tag(node.tag)}{why}",
                               *_pos(node))
    return Problem("JS001", f"YAML value cannot be read: {error}", *_pos(root))


_BRACKETS = re.compile(r"[\[\]{}]")


def _flow_depth_problem(text: str) -> Problem | None:
    """Refuse ``[[[[...`` before parsing: PyYAML's scanner slows down quadratically with flow depth.

    Brackets inside quoted text are counted too, so this over-estimates; a spec would need over a
    hundred unclosed brackets in its text to be refused."""
    if text.count("[") + text.count("{") <= MAX_DEPTH:
        return None
    depth = 0
    for m in _BRACKETS.finditer(text):
        depth = depth + 1 if m.group() in "[{" else max(0, depth - 1)
        if depth > MAX_DEPTH:
            pos = m.start()
            line = text.count("\n", 0, pos) + 1
            col = pos - (text.rfind("\n", 0, pos) + 1) + 1
            return Problem("JS001", f"YAML syntax error: brackets nested more than {MAX_DEPTH} deep: not a spec",
                           line, col)
    return None


def _syntax_problem(e: yaml.YAMLError, text: str) -> Problem:
    if isinstance(e, yaml.reader.ReaderError):
        pos = e.position
        if _Loader is not _PyLoader:  # libyaml counts bytes
            pos = len(text.encode("utf-8")[:pos].decode("utf-8", "ignore"))
        line = text.count("\n", 0, pos) + 1
        col = pos - (text.rfind("\n", 0, pos) + 1) + 1
        what = f"character #x{e.character:04x}" if isinstance(e.character, int) else "a byte"
        return Problem("JS001", f"not a YAML file: {what} is not allowed in YAML ({e.reason})", line, col)
    if isinstance(e, yaml.MarkedYAMLError):
        mark = e.problem_mark or e.context_mark
        problem = e.problem or e.context or "invalid YAML"
        msg = f"YAML syntax error: {problem}"
        if e.context and e.problem and e.problem.startswith("but "):
            msg = f"YAML syntax error: {e.context}, {e.problem}"
        elif e.context and e.context.endswith("first occurrence") and e.context_mark is not None:
            msg = (f"YAML syntax error: {e.context} at line {e.context_mark.line + 1}, column "
                   f"{e.context_mark.column + 1}; {e.problem} here")
        elif e.context and e.problem and e.context_mark is not None:
            msg += f" ({e.context} at line {e.context_mark.line + 1}, column {e.context_mark.column + 1})"
        if mark is not None:
            return Problem("JS001", msg, mark.line + 1, mark.column + 1)
        return Problem("JS001", msg)
    return Problem("JS001", f"YAML syntax error: {e}")


def _merge_tabs(tabs: list[Problem], syntax: Problem) -> list[Problem]:
    """A parse error caused by a tab is reported once, as the tab; tabs after the point where the parser
    stopped are not reported (it never got there, and a file that is not YAML at all is one finding)."""
    if syntax.line is not None:
        tabs = [t for t in tabs if t.line is not None and t.line <= syntax.line]
    if "'\\t'" in syntax.message and not any(t.line == syntax.line for t in tabs):
        tabs = [*tabs, Problem("JS003", "tab character where YAML does not allow one", syntax.line, syntax.col)]
        return sorted(tabs, key=lambda p: (p.line or 0, p.col or 0))
    if any(t.line == syntax.line for t in tabs):
        return tabs
    return [*tabs, syntax]


def _outside_block_scalars(tabs: list[Problem], root: Node | None) -> list[Problem]:
    """Tabs at the start of lines inside a ``|`` or ``>`` block are content, not indentation."""
    if not tabs or root is None:
        return tabs
    inside: set[int] = set()
    for node in iter_nodes(root):
        if isinstance(node, ScalarNode) and node.style in ("|", ">"):
            inside.update(range(node.start_mark.line + 2, node.end_mark.line + 2))
    return [t for t in tabs if t.line not in inside]


def iter_nodes(root: Node) -> Iterator[Node]:
    """Every distinct node once (keys included), without recursion; safe on cyclic graphs."""
    seen: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        yield node
        if isinstance(node, SequenceNode):
            stack.extend(reversed(node.value))
        elif isinstance(node, MappingNode):
            for k, v in reversed(node.value):
                stack.extend((v, k))


def _children(node: Node) -> list[Node]:
    if isinstance(node, SequenceNode):
        return list(node.value)
    if isinstance(node, MappingNode):
        return [n for kv in node.value for n in kv]
    return []


def _alias_problem(root: Node, alias_marks: list[yaml.Mark]) -> Problem | None:
    """A cycle, or aliases that would blow the document up ("billion laughs"), as one JS005 problem."""
    if not alias_marks:
        return None
    where = alias_marks[0]
    distinct = 0
    size: dict[int, int] = {}
    state: dict[int, int] = {}  # 1 = on the current path, 2 = done
    stack: list[tuple[Node, bool]] = [(root, False)]
    while stack:
        node, children_done = stack.pop()
        key = id(node)
        if children_done:
            size[key] = 1 + sum(size[id(c)] for c in _children(node))
            state[key] = 2
            continue
        if state.get(key) == 2:
            continue
        if state.get(key) == 1:
            return Problem("JS005", "recursive YAML alias: the document refers to itself",
                           where.line + 1, where.column + 1)
        distinct += 1
        state[key] = 1
        stack.append((node, True))
        for child in _children(node):
            st = state.get(id(child))
            if st == 1:
                return Problem("JS005", "recursive YAML alias: the document refers to itself",
                               where.line + 1, where.column + 1)
            if st is None:
                stack.append((child, False))
    total = size[id(root)]
    if total - distinct > MAX_ALIAS_EXPANSION:
        return Problem("JS005", f"YAML aliases would expand {distinct:,} nodes to {total:,}: refusing an alias "
                       f"bomb ({len(alias_marks):,} aliases)", where.line + 1, where.column + 1)
    return None


def _show_tag(tag: str) -> str:
    return "!!" + tag[len(_CORE):] if tag.startswith(_CORE) else tag


def _unsafe_tags(root: Node) -> Iterator[Problem]:
    for node in iter_nodes(root):
        if node.tag not in SAFE_TAGS:
            tag = _show_tag(node.tag)
            why = ("a Python object tag: a spec is plain data and jobspec never builds objects from YAML"
                   if "python/" in tag else "a tag a spec does not use")
            yield Problem("JS004", f"YAML tag {tag} is {why} (nothing was executed)",
                          node.start_mark.line + 1, node.start_mark.column + 1)


def _duplicate_keys(root: Node) -> Iterator[Problem]:
    for node, path in iter_paths(root):
        if not isinstance(node, MappingNode):
            continue
        seen: dict[tuple[str, str], int] = {}
        for k, _v in node.value:
            if not isinstance(k, ScalarNode) or k.tag == _CORE + "merge":
                continue
            ident = (k.tag, k.value)
            if ident in seen:
                yield Problem("JS002", f"duplicate key '{k.value}' (first at line {seen[ident]}): YAML keeps only "
                              "the last one", k.start_mark.line + 1, k.start_mark.column + 1, (*path, k.value))
            else:
                seen[ident] = k.start_mark.line + 1


def iter_paths(root: Node) -> Iterator[tuple[Node, tuple[str | int, ...]]]:
    """Every distinct value node with the first JSON path that reaches it (keys are not visited)."""
    seen: set[int] = set()
    stack: list[tuple[Node, tuple[str | int, ...]]] = [(root, ())]
    while stack:
        node, path = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        yield node, path
        if isinstance(node, SequenceNode):
            stack.extend((c, (*path, i)) for i, c in reversed(list(enumerate(node.value))))
        elif isinstance(node, MappingNode):
            stack.extend((v, (*path, _key(k))) for k, v in reversed(node.value))


def _key(node: Node) -> str:
    return node.value if isinstance(node, ScalarNode) else "?"


_INDEX: weakref.WeakKeyDictionary[MappingNode, dict[str, tuple[Node, Node]]] = weakref.WeakKeyDictionary()


def _find(node: MappingNode, key: str | int) -> tuple[Node, Node] | None:
    """The (key, value) pair for ``key``; the last one wins, as when the mapping is constructed.

    A large mapping is indexed once (on first look-up, after construction has merged any ``<<``
    keys), so that a finding per key costs the same however many keys there are."""
    want = str(key)
    if len(node.value) <= 16:
        hit = None
        for k, v in node.value:
            if isinstance(k, ScalarNode) and k.value == want:
                hit = (k, v)
        return hit
    index = _INDEX.get(node)
    if index is None:
        index = {k.value: (k, v) for k, v in node.value if isinstance(k, ScalarNode)}
        _INDEX[node] = index
    return index.get(want)


def _pos(node: Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


def locate(root: Node | None, path: Sequence[str | int]) -> tuple[tuple[int, int], list[int]]:
    """Line and column for a JSON path, and the line of every item or key along it.

    A scalar value is located at the value itself; a mapping or list value at its key (a block
    collection starts on the next line, which reads badly); a list item at the item. When the path
    cannot be followed (a key added by a merge, say), the nearest node found is used.
    """
    if root is None:
        return (1, 1), []
    node, pos, lines = root, _pos(root), []
    for part in path:
        if isinstance(node, MappingNode):
            pair = _find(node, part)
            if pair is None:
                break
            k, node = pair
            pos = _pos(node) if isinstance(node, ScalarNode) else _pos(k)
            lines.append(k.start_mark.line + 1)
        elif isinstance(node, SequenceNode) and isinstance(part, int) and 0 <= part < len(node.value):
            node = node.value[part]
            pos = _pos(node)
            lines.append(pos[0])
        else:
            break
    return pos, lines


def key_position(root: Node | None, path: Sequence[str | int], key: str) -> tuple[int, int] | None:
    """Where ``key`` is written in the mapping at ``path`` (for "unknown key" findings)."""
    if root is None:
        return None
    node: Node = root
    for part in path:
        if isinstance(node, MappingNode):
            pair = _find(node, part)
            if pair is None:
                return None
            node = pair[1]
        elif isinstance(node, SequenceNode) and isinstance(part, int) and 0 <= part < len(node.value):
            node = node.value[part]
        else:
            return None
    if isinstance(node, MappingNode):
        pair = _find(node, key)
        if pair:
            return _pos(pair[0])
    return None


def disable_comment_names(text: str) -> list[tuple[int, int, str]]:
    """Every name in ``# jobspec: disable=...`` comments, as (line, column, name)."""
    out: list[tuple[int, int, str]] = []
    if "jobspec:" not in text:
        return out
    for n, line in enumerate(text.splitlines(), 1):
        m = _DISABLE.search(line)
        if m:
            out.extend((n, m.start(1) + w.start() + 1, w.group())
                       for w in re.finditer(r"[A-Za-z0-9_.\-]+", m.group(1)))
    return out


def disable_comments(text: str) -> dict[int, set[str]]:
    """``# jobspec: disable=JS201,JS202`` comments: line number -> the codes (or rule names) named."""
    out: dict[int, set[str]] = {}
    if "jobspec:" not in text:
        return out
    for n, line in enumerate(text.splitlines(), 1):
        m = _DISABLE.search(line)
        if m:
            out[n] = set(re.findall(r"[A-Za-z0-9_.\-]+", m.group(1)))
    return out
