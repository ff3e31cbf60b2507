"""Rules reported while reading the file (JS0xx) and by the JSON Schema check (JS100).

They have no ``check``: the loader (:mod:`jobspec.lint.yaml_positions`) and the schema check
(:func:`jobspec.spec.schema.violations`) emit them. They live here so that ``--explain`` and the SARIF
rule list describe them like every other rule.
"""

from __future__ import annotations

from jobspec.lint.rules.base import Rule


class YamlSyntax(Rule):
    """The file is not valid YAML, or not text at all.

    Reported at the position the YAML parser stopped: a missing `:`, bad indentation, an unclosed
    quote or bracket, more than one document in the file, a binary or non-UTF-8 file. A file that is
    not YAML at all gives this one finding; nothing else is checked in it.

    Fix: correct the YAML at the line and column given (a YAML-aware editor shows the problem).
    """

    code = "JS001"
    name = "yaml.syntax"
    severity = "error"


class YamlDuplicateKey(Rule):
    """A mapping has the same key twice.

    YAML loaders keep only the last value for a repeated key, silently dropping the first; in a spec
    this usually means a hand edit added a field that was already there. Reported at the second key.

    Fix: keep one of them.
    """

    code = "JS002"
    name = "yaml.duplicate-key"
    severity = "error"


class YamlTab(Rule):
    """A tab character is used for indentation.

    YAML indents with spaces only; a tab in the indentation either breaks parsing or, worse, is read
    differently by different tools. Reported once per line, at the first tab. (Tabs inside `|` and
    `>` block text are content and are allowed.)

    Fix: replace the tabs with spaces (two per level in specs jobspec writes).
    """

    code = "JS003"
    name = "yaml.tab"
    severity = "error"


class YamlUnsafeTag(Rule):
    """The file uses a YAML tag that builds objects (`!!python/...`) or that a spec never uses.

    A spec is plain data: mappings, lists, strings, numbers, booleans and null. Tags such as
    `!!python/object/apply:os.system` are how YAML files attack programs that load them unsafely.
    jobspec only composes YAML with PyYAML's safe loader, so nothing is ever executed; it reports the
    tag and skips the file's other checks.

    Fix: remove the tag. If the file came from outside, find out who wrote it.
    """

    code = "JS004"
    name = "yaml.unsafe-tag"
    severity = "error"


class YamlAliasBomb(Rule):
    """YAML aliases would expand the file enormously, or refer to themselves.

    Anchors (`&a`) and aliases (`*a`) let a tiny file describe a huge document (the "billion laughs"
    attack: ten aliases of ten aliases of ... ) or a cyclic one. jobspec counts what the aliases would
    expand to before building anything, and refuses a document whose aliases add more than 10,000
    nodes, or that contains itself. Specs written by jobspec never use aliases.

    Fix: write the values out in full, without anchors and aliases.
    """

    code = "JS005"
    name = "yaml.alias-bomb"
    severity = "error"


class FileTooLarge(Rule):
    """The file is larger than the size limit and was not read.

    A spec is a few tens of kilobytes; a file over the limit (5 MB unless `--max-size` or the
    `max-size` setting says otherwise) is not a spec, or is an attempt to exhaust the linter.

    Fix: check what the file is; raise `--max-size` only if it really is one spec.
    """

    code = "JS006"
    name = "file.too-large"
    severity = "error"


class SchemaViolation(Rule):
    """The spec does not follow the jobspec JSON Schema.

    Every violation of the JSON Schema (2020-12) that `jobspec schema` prints and that ships in the
    package (published as `schemas/jobspec.schema.json`) is reported, each at the offending value:
    a missing or unknown key, a value of the wrong type, a value not in the allowed list (for example
    a criterion `level` other than essential or desirable), an empty required text, an out-of-range
    number.

    Fix: correct the value as the message says; `jobspec schema` shows what each field allows.
    """

    code = "JS100"
    name = "schema.violation"
    severity = "error"
