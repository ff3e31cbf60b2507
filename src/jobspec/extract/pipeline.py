"""From a document to a spec: run every extractor over the document model."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from jobspec.concepts.vocabulary import load_vocabulary
from jobspec.document import Document
from jobspec.extract.criteria import list_criteria, to_criteria
from jobspec.extract.details import extract_post
from jobspec.extract.duties import duty_entries
from jobspec.extract.purpose import purpose_items
from jobspec.extract.sections import walk
from jobspec.extract.statements import find_statements
from jobspec.extract.tagger import tag_spec
from jobspec.extract.units import linearise
from jobspec.spec.model import Duty, Source, Spec


def extract_spec(doc: Document, source: Source, vocabulary: Sequence[str | Path] = ()) -> Spec:
    """Build the :class:`Spec` of one document; ``vocabulary`` lists extra concept files for the tags."""
    units = linearise(doc.blocks)
    w = walk(units)
    spec = Spec(source=source)
    spec.post = extract_post(w, doc.header_lines)
    spec.purpose = _unique(purpose_items(w.entries))
    spec.duties = [
        Duty(id=f"D{i:03d}", text=e.unit.text, section=e.section, at=e.unit.prov.describe())
        for i, e in enumerate(duty_entries(w.entries), 1)
    ]
    spec.criteria = to_criteria(w.criteria + list_criteria(w.entries))
    tag_spec(spec, load_vocabulary(vocabulary))
    spec.statements = find_statements([b.text for b in doc.iter_blocks() if not hasattr(b, "rows")])
    spec.warnings = list(doc.warnings)
    if not spec.duties and not spec.criteria:
        spec.warnings.append("no duties or criteria found: is this a job description or person specification?")
    return spec


def _unique(items: list[str]) -> list[str]:
    return list(dict.fromkeys(items))
