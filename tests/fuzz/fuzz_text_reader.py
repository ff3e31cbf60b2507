"""atheris harness: the text reader and the whole parse pipeline on arbitrary bytes.

Each input is read as a .txt file (and, when it holds ``#``, ``|`` or ``**``, as a .md file too):
only InputError may leave the reader and only JobspecError the pipeline, every Document must be
well formed and every spec schema-valid (see ``check_text_reader`` and ``check_parse``).

    python tests/fuzz/fuzz_text_reader.py [CORPUS_DIR...] [-max_total_time=60] [libFuzzer flags]
"""

from __future__ import annotations

from _harness import load_targets, run

T = load_targets()


def test_one_input(data: bytes) -> None:
    suffixes = [".txt", ".md"] if (b"#" in data or b"|" in data or b"**" in data) else [".txt"]
    for suffix in suffixes:
        if T.check_text_reader(data, suffix) is not None:
            T.check_parse(data, suffix)


if __name__ == "__main__":
    run(test_one_input)
