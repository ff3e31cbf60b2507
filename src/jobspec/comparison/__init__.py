"""Compare posts item by item; the library entry point is :func:`jobspec.compare`.

The flow, one sub-package per stage, each importing only those after it:

- :mod:`~jobspec.comparison.render`: one module per output format (terminal, markdown, html, json);
- :mod:`~jobspec.comparison.report`: the results as rows for the human formats, and the JSON contract;
- :mod:`~jobspec.comparison.nway`: many posts at once (pooled vectors, clusters, outliers);
- :mod:`~jobspec.comparison.engine`: two posts (features, scores, one-to-one assignment, diffs, post details).
"""
