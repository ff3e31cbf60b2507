"""jobspec: turn school job descriptions and person specifications into clean, comparable data.

The names below are loaded on first use, so ``import jobspec`` stays light.
"""

from __future__ import annotations

from jobspec.version import __version__

__all__ = ["__version__", "parse_document", "load_spec", "compare", "Spec", "InputError", "JobspecError"]


def __getattr__(name: str):
    if name in ("parse_document", "load_spec"):
        from jobspec import api

        return getattr(api, name)
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
