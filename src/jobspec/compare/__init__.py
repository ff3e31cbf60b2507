"""`jobspec compare`: match the duties and criteria of two posts item by item.

The library entry point is :func:`jobspec.compare` (``jobspec.compare.engine.compare``); the
renderers turn its :class:`~jobspec.compare.engine.Comparison` into terminal tables, Markdown,
HTML or the versioned JSON report (:mod:`jobspec.compare.report`).

``jobspec.compare`` is both this package and the function: Python binds a subpackage to its
parent's attribute on import, so the package itself is made callable and forwards to
:func:`jobspec.compare.engine.compare`.
"""

from __future__ import annotations

import sys
import types


class _CallablePackage(types.ModuleType):
    def __call__(self, *args, **kwargs):
        from jobspec.compare.engine import compare

        return compare(*args, **kwargs)


sys.modules[__name__].__class__ = _CallablePackage
