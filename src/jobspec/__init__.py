"""jobspec: turn school job descriptions and person specifications into clean, comparable data."""

from __future__ import annotations

__version__ = "0.1.0"
__all__ = ["__version__", "parse_document", "compare", "Spec", "InputError", "JobspecError"]


def __getattr__(name: str):  # lazy, so `import jobspec` stays light
    if name == "parse_document":
        from jobspec.api import parse_document

        return parse_document
    if name == "compare":
        from jobspec.comparison.engine.pair import compare

        globals()["compare"] = compare  # the import above bound the subpackage here; prefer the function
        return compare
    if name == "Spec":
        from jobspec.spec.model import Spec

        return Spec
    if name in ("InputError", "JobspecError"):
        from jobspec import errors

        return getattr(errors, name)
    raise AttributeError(name)
