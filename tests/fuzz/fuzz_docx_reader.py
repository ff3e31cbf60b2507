"""atheris harness: the DOCX reader on list numbering and body XML (tables, spans, merges, list levels).

An input is ``document.xml`` and ``numbering.xml`` joined by ``--numbering--`` on a line of its own
(without it, the whole input is document.xml and numbering.xml is empty); both go into a real
.docx that ``read_docx`` must read or refuse with an InputError (see ``check_docx``).

    python tests/fuzz/fuzz_docx_reader.py [CORPUS_DIR...] [-max_total_time=60] [libFuzzer flags]
"""

from __future__ import annotations

from _harness import load_targets, run

T = load_targets(module="test_fuzz_readers")
EMPTY_NUMBERING = f'<w:numbering xmlns:w="{T.W_NS}"/>'.encode()


def test_one_input(data: bytes) -> None:
    document, sep, numbering = data.partition(T.SEPARATOR)
    T.check_docx(document, numbering if sep else EMPTY_NUMBERING)


if __name__ == "__main__":
    run(test_one_input)
