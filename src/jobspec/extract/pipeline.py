"""From a document to a spec: the layout rules over the document model, then the extractors."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from jobspec.concepts.vocabulary import load_vocabulary
from jobspec.document import Document
from jobspec.extract.criteria import list_criteria, to_criteria
from jobspec.extract.details import extract_post
from jobspec.extract.duties import duty_entries
from jobspec.extract.flow import classify, linearise
from jobspec.extract.purpose import purpose_items
from jobspec.extract.review import review
from jobspec.extract.rules import Context, rule_set
from jobspec.extract.settings import DEFAULT_SETTINGS, ExtractSettings
from jobspec.extract.statements import find_statements
from jobspec.extract.tagger import tag_spec
from jobspec.extract.trace import build_trace
from jobspec.extract.walker import walk
from jobspec.extract.wording import load_wording
from jobspec.spec.model import Duty, Source, Spec


def extract_spec(doc: Document, source: Source, vocabulary: Sequence[str | Path] = ()) -> Spec:
    """Build the :class:`Spec` of one document; ``vocabulary`` lists extra concept files for the tags."""
    return extract(doc, source, vocabulary)


def extract(doc: Document, source: Source, vocabulary: Sequence[str | Path] = (), *,
            settings: ExtractSettings = DEFAULT_SETTINGS, without: Iterable[str] = (), trace: bool = False) -> Spec:
    """:func:`extract_spec` with its knobs: other ``settings``, rules left out by code (``without``),
    and ``trace=True`` to keep, in ``spec.trace``, what every block became and which rule decided it."""
    ctx = Context(rule_set(frozenset(without)), settings, load_wording(), log=[] if trace else None)
    ctx.linearise = lambda blocks: classify(blocks, ctx)
    w = walk(linearise(doc.blocks, ctx), ctx)
    spec = Spec(source=source)
    spec.post = extract_post(w, doc.header_lines, ctx)
    spec.duties = []
    duty_groups = []
    for i, (e, code) in enumerate(duty_entries(w.entries, ctx), 1):
        duty_groups.append(e.group)
        d = Duty(id=f"D{i:03d}", text=e.unit.text, section=e.section, at=e.unit.prov.describe(), rule=code)
        e.unit.decide(f"duty {d.id}", code)
        spec.duties.append(d)
    spec.purpose = purpose_items(w.entries, ctx)  # after the duties: a role summary is purpose, not "not a duty"
    listed = list_criteria(w.entries, ctx)
    spec.criteria = to_criteria(w.criteria + listed, ctx)
    tag_spec(spec, load_vocabulary(vocabulary))
    spec.statements = find_statements([b.text for b in doc.iter_blocks() if not hasattr(b, "rows")])
    spec.warnings = list(doc.warnings) + review(spec, w, duty_groups + [d.group for d in listed if d.group is not None], ctx)
    if ctx.log is not None:
        spec.trace = build_trace(ctx.log)
    return spec
