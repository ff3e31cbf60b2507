"""`jobspec compare` accuracy on the gold alignments of the development corpus, read in place.

For each ``<a>__<b>.align.yaml`` the CLI compares ``docx/<a>.docx`` with ``docx/<b>.docx``
(A first) into a JSON report, then ``score_compare.py --dir`` gives the micro-average. The
floors are the scores last measured: raise them when matching improves, never lower them.
"""

from __future__ import annotations

import json
import subprocess
import sys

from typer.testing import CliRunner

from conftest import TOOLS, need_corpus
from jobspec.cli.app import app

FLOORS = {"duties": {"p": 0.814, "r": 0.432}, "criteria": {"p": 0.969, "r": 0.808}}


def test_compare_accuracy_floor(tmp_path):
    corpus = need_corpus()
    runner = CliRunner()
    aligns = sorted((corpus / "align").glob("*.align.yaml"))
    assert aligns
    for f in aligns:
        name = f.name[: -len(".align.yaml")]
        a, b = name.split("__")
        res = runner.invoke(app, ["compare", str(corpus / "docx" / f"{a}.docx"), str(corpus / "docx" / f"{b}.docx"),
                                  "--format", "json", "-o", str(tmp_path / f"{name}.json"), "-q"])
        assert res.exit_code == 0, (name, res.stderr)
    out = subprocess.run([sys.executable, str(TOOLS / "score_compare.py"), "--dir", str(corpus / "align"),
                          str(tmp_path), "--min-p", "0", "--min-r", "0"], capture_output=True, text=True, check=True)
    micro = json.loads(out.stdout.strip().splitlines()[-1])["micro"]
    for sec, floor in FLOORS.items():
        for k, v in floor.items():
            assert micro[sec][k] >= v, f"{sec} {k} fell to {micro[sec][k]} (floor {v})\n{out.stdout}"
