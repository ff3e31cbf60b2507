"""Sector concepts: text normalisation for matching, text vectors, and the editable concept vocabulary.

Neutral ground shared by the extractors (which tag duties and criteria at parse time) and the
compare engine (which matches them). It imports nothing else from jobspec but the error types.
"""
