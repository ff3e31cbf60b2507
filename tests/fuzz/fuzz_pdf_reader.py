"""atheris harness: the PDF reader on arbitrary bytes (seeded with small generated PDFs).

``read_pdf`` must return a well-formed Document or raise InputError, within its memory limits
(see ``check_pdf``).

    python tests/fuzz/fuzz_pdf_reader.py [CORPUS_DIR...] [-max_total_time=60] [libFuzzer flags]
"""

from __future__ import annotations

from _harness import load_targets, run

T = load_targets(module="test_fuzz_readers")


def test_one_input(data: bytes) -> None:
    T.check_pdf(data)


if __name__ == "__main__":
    run(test_one_input)
