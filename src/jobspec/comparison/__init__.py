"""`jobspec compare`: match the duties and criteria of two posts item by item.

The library entry point is :func:`jobspec.compare` (``jobspec.comparison.engine.pair.compare``); the
renderers turn its :class:`~jobspec.comparison.engine.pair.Comparison` into terminal tables, Markdown,
HTML or the versioned JSON report (:mod:`jobspec.comparison.report.pair_json`).

``jobspec.compare`` is both this package and the function: Python binds a subpackage to its
parent's attribute on import, so the package itself is made callable and forwards to
:func:`jobspec.comparison.engine.pair.compare`.
"""

from __future__ import annotations

import sys
import types


class _CallablePackage(types.ModuleType):
    def __call__(self, *args, **kwargs):
        from jobspec.comparison.engine.pair import compare

        return compare(*args, **kwargs)


sys.modules[__name__].__class__ = _CallablePackage
