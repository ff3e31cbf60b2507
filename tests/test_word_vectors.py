"""Text vectors from the packaged word-piece vectors, and the ``semantic_cosine`` evidence of compare."""

from __future__ import annotations

import numpy as np

from compare_helpers import spec
from jobspec.comparison.engine.features import prepare
from jobspec.comparison.engine.pair import compare
from jobspec.comparison.engine.scoring import FEATURES, SEMANTIC_FLOOR, feature_tensor, semantic
from jobspec.comparison.engine.settings import Settings
from jobspec.comparison.report.pair_json import to_dict
from jobspec.concepts import word_vectors as wv
from jobspec.concepts.vocabulary import load_vocabulary


def _pieces(text: str) -> list[str]:
    names = {row: piece for piece, row in wv._table()[0].items()}
    return [names[r] for r in wv.piece_rows(text)]


def _cos(x: str, y: str) -> float:
    u, v = wv.text_vectors([x, y])
    return float(u @ v)


def test_words_are_split_as_bert_splits_them():
    assert wv._words("Café Well-being: £25 (pupils') 3.5") == [
        "cafe", "well", "-", "being", ":", "£", "25", "(", "pupils", "'", ")", "3", ".", "5"]
    assert _pieces("Safeguarding children") == ["safeguard", "##ing", "children"]
    assert _pieces("SENCO wellbeing") == ["sen", "##co", "well", "##bei", "##ng"]
    assert wv.piece_rows("x" * (wv.MAX_WORD_CHARS + 1)) == []  # too long to be a word: left out


def test_text_vectors_are_unit_vectors_and_nothing_known_is_zero():
    v = wv.text_vectors(["Supervise pupils at lunchtime", "", "\ue000\ue001", "Supervise pupils at lunchtime"])
    assert v.shape == (4, 128)
    assert np.allclose(np.linalg.norm(v[[0, 3]], axis=1), 1.0) and not v[1].any() and not v[2].any()
    assert np.array_equal(v[0], v[3])


def test_closer_meaning_gives_a_higher_cosine_with_no_word_in_common():
    training = "Undertake any necessary training"
    assert _cos(training, "Participate in further professional development") > 0.5 > 0.1 > _cos(
        training, "Clean the dining hall after lunch")
    wellbeing = "Promote student well being"
    assert _cos(wellbeing, "Demonstrate a commitment to the welfare of pupils") > 0.5 > 0.15 > _cos(
        wellbeing, "Order stationery and office supplies")


def test_the_vectors_say_where_they_come_from():
    about = wv.about()
    assert "all-MiniLM-L6-v2" in about and "Apache License, Version 2.0" in about and "model2vec" in about


def test_semantic_feature_is_zero_at_the_floor_and_one_at_one():
    assert semantic(np.array([-0.2, SEMANTIC_FLOOR, (1 + SEMANTIC_FLOOR) / 2, 1.0])).tolist() == [0.0, 0.0, 0.5, 1.0]
    vocab = load_vocabulary()
    a = prepare(spec(["Promote student well being"]).duties, vocab)
    b = prepare(spec(["Demonstrate a commitment to the welfare of pupils", "Order stationery"]).duties, vocab)
    f = feature_tensor(a, b, vocab, Settings())[:, :, FEATURES.index("semantic_cosine")]
    assert f[0, 0] == semantic(np.array(_cos(a[0].text, b[0].text))) > 0.1 and f[0, 1] == 0.0


def test_a_match_states_its_meaning_cosine():
    rep = to_dict(compare(spec(["Supervise pupils at break and lunchtime."]),
                          spec(["To supervise children at break times and at lunch."])))
    (m,) = rep["duties"]["matched"]
    assert m["why"]["meaning"] == round(_cos(m["a"]["text"], m["b"]["text"]), 2) and m["why"]["meaning"] > 0.8
