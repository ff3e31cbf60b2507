"""jobspec: turn school job descriptions and person specifications into clean, comparable data.

The names below are loaded on first use, so ``import jobspec`` stays light.
"""

from __future__ import annotations

from jobspec.version import __version__

__all__ = ["__version__", "parse_document", "compare", "Spec", "InputError", "JobspecError"]


def __getattr__(name: str):
    if name == "parse_document":
        from jobspec.api import parse_document

        return parse_document
    if name == "compare":
        from jobspec.comparison.engine.pair import compare

        return compare
    if name == "Spec":
        from jobspec.spec.model import Spec

        return Spec
    if name in ("InputError", "JobspecError"):
        from jobspec import errors

        return getattr(errors, name)
    raise AttributeError(name)
