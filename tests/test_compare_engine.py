"""The matching engine on small hand-made posts: one-to-one matches, splits, possible matches,
criteria changes, post details, the JSON contract and the library API."""

from __future__ import annotations

import json

import jobspec
from compare_helpers import post, spec
from jobspec.comparison.engine.assign import assign
from jobspec.comparison.engine.diff import word_diff
from jobspec.comparison.engine.pair import compare
from jobspec.comparison.report.pair_json import to_dict

A_DUTIES = [
    "Supervise pupils at break and lunchtime and accompany classes on educational visits and school trips.",
    "Keep accurate records of pupils' progress and share them with the class teacher.",
    "Undertake other duties commensurate with the grade as directed by the headteacher.",
    "Administer medicines and give first aid to pupils when needed.",
]
B_DUTIES = [
    "To supervise pupils at lunch time and break time.",
    "To accompany pupils and staff on school trips and educational visits.",
    "Record pupil progress accurately and report it to the class teacher.",
    "Such other duties as may reasonably be required, consistent with the grade of the post.",
    "Run a lunchtime gardening club.",
]


def _texts(items):
    return [i["text"] for i in items]


def test_one_to_one_matches_only_in_each_side_and_a_split():
    rep = to_dict(compare(spec(A_DUTIES), spec(B_DUTIES)))
    d = rep["duties"]
    pairs = {(m["a"]["id"], m["b"]["id"]) for m in d["matched"]}
    assert ("D002", "D003") in pairs and ("D003", "D004") in pairs
    assert len({a for a, _ in pairs}) == len(pairs) == len({b for _, b in pairs})  # one to one
    # the supervision duty of A is split over B's break-time and trips duties
    split = [s for s in d["splits"] if s["a"][0]["id"] == "D001"]
    assert split and {p["id"] for p in split[0]["b"]} == {"D001", "D002"}
    assert all(m["b"]["id"] not in {p["id"] for p in split[0]["b"][1:]} for m in d["matched"])  # parts never in matched
    assert _texts(d["only_a"]) == [A_DUTIES[3]]
    assert B_DUTIES[4] in _texts(d["only_b"])
    covered = rep["summary"]["duties"]["covered_a"]
    assert covered == 3


def test_kind_and_word_diff():
    a = spec(["Maintain confidentiality at all times."])
    b = spec(["Maintain confidentiality at all times", "Work as part of a team."])
    m = to_dict(compare(a, b))["duties"]["matched"][0]
    assert m["kind"] == "identical" and m["score"] == 100.0
    assert m["diff"] == [{"op": "equal", "text": "Maintain confidentiality at all times.",
                          "text_b": "Maintain confidentiality at all times"}]
    m = to_dict(compare(spec(["Promote good behaviour in the classroom"]),
                        spec(["Promote positive behaviour in the classroom and the playground"])))["duties"]["matched"][0]
    assert m["kind"] == "reworded"
    assert m["diff"] == [{"op": "equal", "text": "Promote"}, {"op": "delete", "text": "good"},
                         {"op": "insert", "text": "positive"}, {"op": "equal", "text": "behaviour in the classroom"},
                         {"op": "insert", "text": "and the playground"}]


def test_word_diff_ignores_case_punctuation_and_spelling():
    assert word_diff("Organise the Behavior policy.", "organize the behaviour policy") == [
        {"op": "equal", "text": "Organise the Behavior policy.", "text_b": "organize the behaviour policy"}]


def test_possible_matches_are_reported_apart_and_not_counted():
    a = spec(["Help pupils with their reading in small groups."])
    b = spec(["Deliver phonics interventions to individual pupils."])
    rep = to_dict(compare(a, b, threshold=95, possible=10))
    d = rep["duties"]
    assert d["matched"] == []
    assert len(d["possible"]) == 1 and 10 <= d["possible"][0]["score"] < 95
    assert _texts(d["only_a"]) == [a.duties[0].text] and _texts(d["only_b"]) == [b.duties[0].text]
    assert rep["summary"]["duties"]["possible"] == 1 and rep["summary"]["duties"]["matched"] == 0


def test_criteria_level_category_and_assessment_changes():
    a = spec(criteria=[("GCSE grade C or above in English and maths", "essential", "qualifications"),
                       ("Experience of working with children with SEND", "essential", "experience"),
                       ("Good ICT skills", "desirable", "knowledge_skills")])
    b = spec(criteria=[("Level 2 qualification in English and Maths", "desirable", "qualifications"),
                       ("Knowledge of supporting pupils with special educational needs", "essential", "knowledge_skills"),
                       ("Be computer literate", "desirable", "knowledge_skills")])
    a.criteria[2].assessed_by = ["application_form"]
    b.criteria[2].assessed_by = ["interview", "assessment"]
    rows = {m["a"]["id"]: m for m in to_dict(compare(a, b))["criteria"]["matched"]}
    assert rows["C001"]["b"]["id"] == "C001" and rows["C001"]["level_change"] == "essential->desirable"
    assert rows["C001"]["category_change"] is None
    assert rows["C002"]["b"]["id"] == "C002" and rows["C002"]["category_change"] == "experience->knowledge_skills"
    assert rows["C002"]["level_change"] is None
    assert rows["C003"]["b"]["id"] == "C003"
    assert rows["C003"]["assessment_change"] == {"a": ["application_form"], "b": ["interview", "assessment"]}


def test_post_detail_changes_fte_actual_hours_weeks_reports_to():
    pa = post(title="Teaching Assistant", grade="Grade 4", reports_to="Class teacher",
              salary={"text": "£24,000 - £25,000 FTE (actual £19,000)", "min": 24000, "max": 25000, "basis": "fte",
                      "actual_min": 19000, "actual_max": 19500, "pro_rata": True, "currency": "GBP", "period": "year"},
              hours={"text": "32.5 hours, term time", "per_week": 32.5, "term_time_only": True, "weeks_per_year": 39})
    pb = post(title="teaching assistant", grade="Grade 5", reports_to="SENCO",
              salary={"text": "£20,000 actual", "min": 20000, "max": 20000, "basis": "actual", "currency": "GBP",
                      "period": "year"},
              hours={"text": "37 hours, all year", "per_week": 37, "term_time_only": False, "weeks_per_year": 52})
    rows = {r["field"]: r for r in to_dict(compare(spec(post=pa), spec(post=pb)))["post"]}
    assert rows["title"]["same"] is True  # case and spacing do not count
    assert rows["grade"] == {"field": "grade", "a": "Grade 4", "b": "Grade 5", "same": False}
    assert rows["salary_min"]["a"] == 24000 and rows["salary_min"]["b"] == 20000
    assert "full-time equivalent" in rows["salary_min"]["note"]
    assert rows["salary_basis"]["a"] == "fte" and rows["salary_basis"]["b"] == "actual"
    assert rows["salary_actual_min"]["a"] == 19000 and rows["pro_rata"] == {"field": "pro_rata", "a": True, "b": False,
                                                                           "same": False}
    assert rows["hours_per_week"]["b"] == 37 and rows["weeks_per_year"]["a"] == 39
    assert rows["term_time_only"]["same"] is False
    assert rows["reports_to"]["b"] == "SENCO"


def test_json_contract_keys_and_settings():
    rep = to_dict(compare(spec(A_DUTIES, ["Be computer literate"]), spec(B_DUTIES, ["Good ICT skills"]), threshold=55))
    json.dumps(rep)  # serialisable
    assert rep["schema_version"] == 1
    assert set(rep) >= {"schema_version", "settings", "a", "b", "post", "summary", "duties", "criteria"}
    assert set(rep["a"]) >= {"path", "post"} and rep["a"]["post"]["title"] == "Teaching Assistant"
    for sec in ("duties", "criteria"):
        assert set(rep[sec]) == {"matched", "splits", "possible", "only_a", "only_b"}
    m = rep["criteria"]["matched"][0]
    assert set(m) >= {"a", "b", "score", "kind", "diff", "level_change", "category_change", "assessment_change"}
    assert set(m["a"]) >= {"id", "text"} and m["kind"] in ("identical", "reworded")
    s = rep["settings"]
    assert s["threshold"] == 55 and s["possible"] == 25
    assert "rapidfuzz.fuzz.token_set_ratio" in s["scorers"] and len(s["scorers"]) >= 2
    assert s["vocabulary"]["sources"][0]["path"] == "jobspec/data/vocabulary.yaml"
    assert len(s["vocabulary"]["sources"][0]["sha256"]) == 64
    assert set(s["weights"]) >= {"lexical_cosine", "concept_overlap", "bias"}


def test_concepts_match_what_wording_alone_misses():
    a = spec(criteria=["Ability to use ICT for own work", "Ability to manage own workload",
                       "Level 2 qualification in English and Mathematics"])
    b = spec(criteria=["GCSE grades A*-C in English and Maths", "Be computer literate",
                       "Good organisational skills"])
    pairs = {(m["a"]["id"], m["b"]["id"]) for m in to_dict(compare(a, b))["criteria"]["matched"]}
    assert pairs == {("C001", "C002"), ("C002", "C003"), ("C003", "C001")}


def test_library_api_is_lazy_and_accepts_paths(tmp_path):
    import subprocess
    import sys

    out = subprocess.run([sys.executable, "-c", "import jobspec, sys; print('rapidfuzz' in sys.modules, "
                          "'jobspec.comparison' in sys.modules, 'numpy' in sys.modules)"],
                         capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False", "False"]
    from jobspec.spec.yamlio import spec_to_yaml

    pa, pb = tmp_path / "a.yaml", tmp_path / "b.yaml"
    pa.write_text(spec_to_yaml(spec(A_DUTIES).to_dict(), "0"), encoding="utf-8")
    pb.write_text(spec_to_yaml(spec(B_DUTIES).to_dict(), "0"), encoding="utf-8")
    c = jobspec.compare(pa, pb)
    assert c.duties.matched and c.a_path == str(pa)


def test_jobspec_compare_is_a_plain_function_whatever_was_imported_before():
    import inspect

    import jobspec.comparison.render  # binds jobspec.comparison on the package, never jobspec.compare

    assert inspect.isfunction(jobspec.compare) and jobspec.compare is compare
    assert not callable(jobspec.comparison)
    from jobspec import compare as imported

    assert imported is compare


def test_empty_sections_and_assignment_edge_cases():
    rep = to_dict(compare(spec([]), spec(["Support pupils"])))
    assert rep["duties"]["matched"] == [] and len(rep["duties"]["only_b"]) == 1
    assert assign([], 0) == []
    assert assign([[5, 9], [8, 1]], 2) == [(0, 1), (1, 0)]
    assert assign([[1, 1], [1, 1]], 2) == []


def test_identical_only_when_the_normalised_texts_are_equal():
    a = spec(["Maintain good order and discipline among pupils on the school site and on trips.",
              "1. To co-ordinate the Behavior policy", "Keep records up to date"])
    b = spec(["Maintain good order and discipline among staff and pupils on the school site and on trips.",
              "Co-ordinate the behaviour policy", "Keep records up to date!"])
    rows = {m["a"]["id"]: m for m in to_dict(compare(a, b))["duties"]["matched"]}
    near = rows["D001"]  # one short qualifier added: a rewording, however close
    assert near["kind"] == "reworded" and near["b"]["id"] == "D001" and 90 <= near["score"] < 100
    assert {"op": "insert", "text": "staff and"} in near["diff"]
    for k in ("D002", "D003"):  # list marker, leading "To", case, spelling, punctuation aside: identical
        assert rows[k]["kind"] == "identical" and rows[k]["score"] == 100.0, rows[k]


def test_identical_texts_are_always_a_match_whatever_their_score_and_the_threshold():
    # one content word each: too little evidence for a reworded pair, and a score under 90
    a = spec([], ["have self-confidence", "Experience of working with children", "have self-confidence"])
    b = spec([], ["Experience of working with young children", "Have self-confidence."])
    for threshold in (50, 90, 99):
        res = compare(a, b, threshold=threshold, possible=min(25, threshold))
        rows = {(m.a.id, m.b.id): (m.kind, m.score) for m in res.criteria.matched}
        assert rows[("C001", "C002")] == ("identical", 100.0), threshold  # the first of A's two copies
        assert ("C003", "C002") not in rows and all(p.a.id != "C001" for p in res.criteria.possible)
        assert "C003" in [x.id for x in res.criteria.only_a]  # one B item: one match


def test_every_match_explains_itself():
    a = spec(["Supervise pupils at lunchtime in the dining hall.", "Administer first aid to pupils."])
    b = spec(["To supervise children in the dining hall at lunch time.", "Give first aid when pupils are hurt."])
    rep = to_dict(compare(a, b))
    why = {m["a"]["id"]: m["why"] for m in rep["duties"]["matched"]}
    assert why["D001"]["words"][:2] == ["supervise", "pupils"]  # A's own words, in A's order
    assert "dining" in why["D001"]["words"] and "lunchtime" in why["D001"]["words"]
    ids = [c["id"] for c in why["D001"]["concepts"]]
    assert {"lunch_break_supervision", "food_meals"} <= set(ids)
    assert {"id": "lunch_break_supervision", "label": "Supervising pupils at break, lunch and outside lessons"} in \
        why["D001"]["concepts"]
    assert why["D002"]["concepts"][0]["id"] == "first_aid_medical" and why["D002"]["conflicts"] == []


def test_conflicting_qualifiers_are_never_a_match():
    a = spec(criteria=[("Paediatric first aid certificate", "essential", "qualifications"),
                       ("NVQ Level 2 for Teaching Assistants", "essential", "qualifications"),
                       ("NVQ 2 or 3 in supporting teaching and learning", "desirable", "qualifications")])
    b = spec(criteria=[("First Aid at Work certificate", "essential", "qualifications"),
                       ("Level 3 qualification in business administration", "essential", "qualifications"),
                       ("NVQ Level 3 in supporting teaching and learning", "desirable", "qualifications")])
    rep = to_dict(compare(a, b))["criteria"]
    assert [(m["a"]["id"], m["b"]["id"]) for m in rep["matched"]] == [("C003", "C003")]  # options in common
    possible = {(p["a"]["id"], p["b"]["id"]): p for p in rep["possible"]}
    fa = possible[("C001", "C001")]  # near-identical wording, so shown as a possible match, with why not
    assert fa["why"]["conflicts"] == [
        {"contrast": "first_aid_course", "label": "First aid course", "a": ["paediatric"], "b": ["at_work"]}]


def test_a_few_shared_words_without_a_shared_concept_are_not_enough():
    a = spec(["Supervise and oversee the operation of the homework provision."])
    b = spec(["Using supervised and unsupervised machine learning techniques to predict outcomes and the operation "
              "of models."])
    rep = to_dict(compare(a, b, threshold=5, possible=1))
    assert rep["duties"]["matched"] == []  # 2 words in common, under a fifth of the two items' words
    c = compare(spec(["Order stationery and cleaning supplies"]), spec(["Order cleaning supplies for the office"]),
                threshold=5, possible=1)
    assert [m.why["words"] for m in c.duties.matched] == [["order", "cleaning", "supplies"]]
