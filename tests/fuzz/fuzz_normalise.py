"""atheris harness: compare's normaliser (``normalise``, ``words``, ``tokens``, the vocabulary's tags).

The input is UTF-8 (lone surrogates allowed); bytes that are not are read by atheris' data provider
as any code points. Nothing may escape, the output must have the documented shape and normalising
must be idempotent (see ``check_normalise``).

    python tests/fuzz/fuzz_normalise.py [CORPUS_DIR...] [-max_total_time=60] [libFuzzer flags]
"""

from __future__ import annotations

import atheris
from _harness import load_targets, run

T = load_targets()


def test_one_input(data: bytes) -> None:
    try:
        text = data.decode("utf-8", "surrogatepass")
    except UnicodeDecodeError:
        text = atheris.FuzzedDataProvider(data).ConsumeUnicode(len(data))
    T.check_normalise(text)


if __name__ == "__main__":
    run(test_one_input)
