"""Normalisation for matching, the stemmer, the concept vocabulary and its tags, --vocabulary merge."""

from __future__ import annotations

import pytest

from jobspec.concepts.normalise import normalise, stem, tokens, words
from jobspec.concepts.vocabulary import VocabularyError, load_vocabulary


def test_normalise_case_punctuation_markers_leading_to_and_spelling():
    assert normalise("• To Support pupils' behavior!") == "support pupils behaviour"
    assert normalise("3. To organize the co-ordination of well-being programs") == \
        "organise the coordination of wellbeing programmes"
    assert normalise("a) Analyze data; KS2 & KS1 1:1 support") == "analyse data key stage 2 and key stage 1 one to one support"
    assert normalise("Supporting pupils with English as an Additional Language") == "supporting pupils with eal"


def test_stemmer_conflates_word_families():
    for family in (["organise", "organised", "organisation", "organisational", "organising"],
                   ["communicate", "communication", "communicator", "communicating"],
                   ["supervise", "supervision", "supervising"],
                   ["relationship", "relationships"], ["literacy", "literate"], ["qualified", "qualification"],
                   ["develop", "development", "developmental"], ["planning", "planned", "plan"]):
        assert len({stem(w) for w in family}) == 1, family
    assert stem("attendance") != stem("attend")  # pupils' attendance is not attending a meeting


def test_tokens_drop_stop_words_and_apply_synonyms():
    vocab = load_vocabulary()
    assert vocab.tokens("To work with the students and their carers") == ["work", "pupil", "parent"]
    assert tokens("the and of", keep_stop_words=True) == ["the", "and", "of"]
    assert tokens("the and of") == []


def test_meetings_and_professionals_are_not_meet_and_professional():
    vocab = load_vocabulary()
    assert stem("meetings") == stem("meeting") != stem("meet")
    for text in ("Attend staff meetings", "Meet with parents regularly", "Meet regularly with the SENCo"):
        assert "meetings" in vocab.tag(text), text
    for text in ("Prepare resources required to meet the lesson plans", "Meet the needs of all pupils"):
        assert "meetings" not in vocab.tag(text), text
    # nor are "professionals" (people) one's own "professional development"
    assert "multi_agency" in vocab.tag("Liaise with professionals and parents")
    assert "multi_agency" not in vocab.tag("Take responsibility for your own professional development")
    # general English that shared a stem with a concept's word: each a false concept before
    for text, concept in (("Experience gained in the past two years", "pastoral_care"),
                          ("Prior experience of working in a school", "organisation_workload"),
                          ("A proven track record of raising attainment", "record_keeping"),
                          ("Secure knowledge of the primary curriculum", "health_safety"),
                          ("Adapt to changing priorities", "personal_care"),
                          ("Lead change across the school", "personal_care"),
                          ("An integral part of the team", "role_model_conduct"),
                          ("Attend governor committees", "enthusiasm_commitment"),
                          ("A position of responsibility", "enthusiasm_commitment"),
                          ("Support career development", "empathy_care"),
                          ("Create a welcoming environment", "initiative_problem_solving"),
                          ("Administer medicines to pupils", "admin_office")):
        assert concept not in vocab.tag(text), text
    for text, concept in (("Provide pastoral support", "pastoral_care"), ("Set priorities for the team", "organisation_workload"),
                          ("Keep accurate records", "record_keeping"), ("Maintain the security of the site", "health_safety"),
                          ("Help pupils with changing for PE", "personal_care"), ("Act with integrity", "role_model_conduct"),
                          ("Committed to inclusion", "enthusiasm_commitment"), ("Show creativity", "initiative_problem_solving"),
                          ("Administer medicines to pupils", "first_aid_medical"), ("Good admin skills", "admin_office")):
        assert concept in vocab.tag(text), text


@pytest.mark.parametrize("text, concept", [
    ("Bear in mind the needs of pupils", "semh_wellbeing"), ("Happy to undertake training", "semh_wellbeing"),
    ("Please see the attached", "semh_wellbeing"), ("Experience in the private sector", "confidentiality_data"),
    ("Knowledge of teaching methods", "organisation_workload"), ("Check at regular intervals", "interventions"),
    ("Human resources experience", "resources_environment"), ("Primarily responsible for the office", "age_phase"),
    ("Mobile phone use", "personal_care"), ("Cater for individual needs", "food_meals"),
    ("Guide pupils through tasks", "policies_procedures"), ("Productive working relationships", "extracurricular"),
    ("Work carefully", "empathy_care"), ("All kinds of activities", "empathy_care"),
    ("Pass on information", "enthusiasm_commitment"), ("As determined by the headteacher", "enthusiasm_commitment"),
    ("Mental health first aid", "mentoring_coaching"), ("Incoming calls", "finance"),
    ("Letters to parents", "premises_site"), ("Subject to an enhanced DBS check", "curriculum_subjects"),
    ("Taking into account the needs", "finance"), ("Thirty minutes for lunch", "admin_office"),
    ("A format that suits", "assessment_progress"), ("Mastering new skills", "degree_qts"),
    ("Teaching in a primary setting", "working_with_teachers"), ("Set well-grounded expectations", "premises_site"),
    # one general word of a phrase was the concept: "positive" relationships and behaviour are not
    # enthusiasm; the "maintenance" of materials is not the premises
    ("Establish positive relationships with parents", "enthusiasm_commitment"),
    ("Promote positive behaviour", "enthusiasm_commitment"),
    ("Prepare and maintain materials and equipment", "premises_site"),
    ("The preparation and maintenance of materials", "premises_site"),
    # everyday care is not child protection; the statutory phrase below still is
    ("The care and welfare of pupils, including toileting", "safeguarding"),
    # a phrase whose words belong to another concept: a visit to a family's home, dividing a task,
    # the attendance register, giving medicines, an online account
    ("Carry out home visits to families", "trips_visits"), ("Break down tasks into small steps", "lunch_break_supervision"),
    ("Mark the register each morning", "assessment_progress"),
    ("Assist in the administration of medication", "admin_office"),
    ("Manage the school's social media accounts", "finance"),
    ("Ability to follow instructions", "teaching_delivery"),  # directions followed, not teaching
])
def test_general_words_that_share_a_stem_with_a_concept_do_not_tag_it(text, concept):
    assert concept not in load_vocabulary().tag(text)


@pytest.mark.parametrize("text, concept", [
    ("Mindfulness sessions", "semh_wellbeing"), ("Talk about feelings", "semh_wellbeing"),
    ("Support with mobility", "personal_care"), ("Masters degree", "degree_qts"),
    ("Formative assessment", "assessment_progress"), ("Take minutes at meetings", "admin_office"),
    ("Passionate about learning", "enthusiasm_commitment"), ("Catering staff", "food_meals"),
    ("Follow the guidance", "policies_procedures"), ("School productions", "extracurricular"),
    ("Manage the school budget and accounts", "finance"), ("Lettings of the school hall", "premises_site"),
    ("Support the class teacher", "working_with_teachers"), ("Work with teaching staff", "working_with_teachers"),
    ("Maintain the school grounds", "premises_site"),
    ("Routine maintenance of the building", "premises_site"), ("A positive attitude to work", "enthusiasm_commitment"),
    ("A positive approach to change", "enthusiasm_commitment"),
    ("Safeguard and promote the welfare of all young people", "safeguarding"),
    ("Committed to safeguarding and promoting the welfare of children", "safeguarding"),
    ("Carry out home visits to families", "parents_families"), ("Organise trips and visits", "trips_visits"),
    ("Supervise pupils at break", "lunch_break_supervision"), ("Take the class register", "attendance_punctuality"),
    ("Mark pupils' work", "assessment_progress"), ("Assist in the administration of medication", "first_aid_medical"),
    ("Support the administration of the school office", "admin_office"),
    ("Manage the school's social media accounts", "ict"), ("Manage the school accounts", "finance"),
    ("Instruct pupils in the use of equipment", "teaching_delivery"), ("Honest and trustworthy", "role_model_conduct"),
])
def test_the_concept_s_own_words_still_tag_it(text, concept):
    assert concept in load_vocabulary().tag(text)


def test_words_of_any_script_stay_whole():
    assert words("Surveiller les élèves pendant la récréation") == ["surveiller", "les", "élèves", "pendant", "la",
                                                                    "récréation"]
    assert words("Maîtrise du français; 支持 学生") == ["maîtrise", "du", "français", "支持", "学生"]
    assert tokens("Naïve café") == [stem("naïve"), "café"]


@pytest.mark.parametrize("text, concept", [
    ("Be computer literate", "ict"),
    ("Ability to use ICT for own work", "ict"),
    ("Confident with IT and Microsoft Office", "ict"),
    ("GCSE grade C or above in English and maths", "english_maths"),
    ("GCSE grade C or above in English and maths", "qualification_level2"),
    ("Level 2 qualification in literacy and numeracy", "qualification_level2"),
    ("Good organisational skills", "organisation_workload"),
    ("Able to manage own workload and meet deadlines", "organisation_workload"),
    ("Act as deputy DSL", "safeguarding_lead"),
    ("Act as deputy DSL", "safeguarding"),
    ("Support pupils with SEND and those with an EHCP", "send"),
    ("Keep records on CPOMS", "school_systems"),
    ("Keep records on CPOMS", "ict"),
    ("Supervise pupils at lunchtime and break time", "lunch_break_supervision"),
    ("Undertake other duties commensurate with the grade", "other_duties"),
    ("Hold a paediatric first aid certificate", "first_aid_medical"),
    ("Maintain confidentiality and comply with GDPR", "confidentiality_data"),
    ("Support pupils to regulate their emotions", "self_regulation"),
    ("Supervise the dining hall and encourage healthy eating", "food_meals"),
    ("Keep the kitchen clean and tidy", "cleaning_hygiene"),
    ("Take part in the recruitment and shortlisting of support staff", "recruitment"),
    ("Share good practice with colleagues across the trust", "good_practice"),
    ("Organise the lunchtime duty rota", "rotas_timetables"),
    ("Work with education partners and other professionals", "multi_agency"),
    ("Carry out activities in a safe manner", "health_safety"),
    ("Ensure activities are carried out in a safe and responsible manner", "health_safety"),
    ("Support the aims and ethos of the school", "school_ethos"),
    ("Commitment to the Christian ethos of the school", "school_ethos"),
    ("Share the school's vision and values", "school_ethos"),
    ("Uphold the core values of the trust", "school_ethos"),
])
def test_vocabulary_tags(text, concept):
    assert concept in load_vocabulary().tag(text)


def test_abbreviations_are_case_sensitive_and_tags_are_sorted():
    vocab = load_vocabulary()
    assert "ict" not in vocab.tag("Make sure it is tidy")
    assert "ict" in vocab.tag("Make sure IT is working")
    assert "send" not in vocab.tag("Send letters home")
    tags = vocab.tag("Support pupils with SEND during lunchtime and on trips")
    assert tags == sorted(tags) and {"send", "lunch_break_supervision", "trips_visits"} <= set(tags)


def test_user_vocabulary_is_merged_over_the_shipped_one(tmp_path):
    extra = tmp_path / "mine.yaml"
    extra.write_text(
        "concepts:\n"
        "  forest_school:\n"
        "    label: Forest school\n"
        "    terms: [forest school, outdoor learning]\n"
        "  ict:\n"
        "    terms: [chromebooks]\n"
        "  uniform_dress:\n"
        "    remove: true\n"
        "synonyms:\n"
        "  pupil: [scholars]\n", encoding="utf-8")
    vocab = load_vocabulary([extra])
    assert "forest_school" in vocab.tag("Lead outdoor learning sessions")
    assert "ict" in vocab.tag("Look after the class chromebooks")
    assert "ict" in vocab.tag("Be computer literate")  # shipped terms kept
    assert "uniform_dress" not in vocab.concepts
    assert vocab.tokens("scholars") == ["pupil"]
    assert [s["path"] for s in vocab.describe()["sources"]] == ["jobspec/data/vocabulary.yaml", str(extra)]
    assert "forest_school" not in load_vocabulary().concepts  # the shipped one is untouched


@pytest.mark.parametrize("body, message", [
    ("concepts: [a, b]\n", "'concepts' must map"),
    ("concepts:\n  Bad-Id:\n    terms: [x]\n", "concept id"),
    ("concepts:\n  thing:\n    terms: x\n", "must be a list"),
    ("concepts:\n  thing:\n    colour: red\n    terms: [x]\n", "unknown key 'colour'"),
    ("concepts:\n  thing:\n    patterns: ['(unclosed']\n", "bad regular expression"),
    ("concepts:\n  thing:\n    terms: [x]\n    broader: [nowhere]\n", "unknown broader concept"),
    ("concepts:\n  thing: {label: no triggers}\n", "needs at least one of"),
    ("version: 2\n", "unsupported vocabulary version"),
    ("concepts: {a: [\n", "not valid YAML"),
])
def test_bad_vocabulary_files_give_one_line_naming_the_file(tmp_path, body, message):
    p = tmp_path / "bad.yaml"
    p.write_text(body, encoding="utf-8")
    with pytest.raises(VocabularyError) as err:
        load_vocabulary([p])
    assert message in str(err.value) and str(p) in str(err.value) and "\n" not in str(err.value)


def test_missing_vocabulary_file(tmp_path):
    with pytest.raises(VocabularyError, match="cannot read vocabulary file"):
        load_vocabulary([tmp_path / "nope.yaml"])


def test_shipped_vocabulary_is_general_and_covers_the_sector_themes():
    vocab = load_vocabulary()
    for cid in ("safeguarding", "behaviour", "attendance_punctuality", "send", "semh_wellbeing", "parents_families",
                "multi_agency", "first_aid_medical", "health_safety", "confidentiality_data", "equality_inclusion",
                "ict", "english_maths", "teamwork", "organisation_workload", "communication", "cpd_training",
                "record_keeping", "learning_support", "lunch_break_supervision", "trips_visits", "personal_care",
                "role_model_conduct", "other_duties", "flexibility"):
        assert cid in vocab.concepts, cid
    abbreviations = {a for c in vocab.concepts.values() for a in c.abbreviations}
    assert {"SEND", "SEN", "EAL", "SEMH", "EHCP", "DSL", "SLT", "SENCO", "HLTA", "ELSA", "TA", "KS1", "KS2", "EYFS",
            "DBS", "CPD", "NVQ", "CPOMS"} <= abbreviations


def test_shipped_contrasts_name_exclusive_qualifiers():
    vocab = load_vocabulary()
    assert vocab.qualifiers("NVQ Level 2 for Teaching Assistants") == {"qualification_level": frozenset({"level_2"})}
    assert vocab.qualifiers("NVQ 2 or 3 in childcare")["qualification_level"] == {"level_2", "level_3"}
    assert vocab.qualifiers("Paediatric first aid certificate") == {"first_aid_course": frozenset({"paediatric"})}
    assert vocab.qualifiers("Emergency First Aid at Work (EFAW)")["first_aid_course"] == {"at_work"}
    assert vocab.qualifiers("Work with the team") == {}

    def clash(x, y):
        return vocab.conflicts(vocab.qualifiers(x), vocab.tag(x), vocab.qualifiers(y), vocab.tag(y))

    assert clash("Paediatric first aid certificate", "First Aid at Work certificate") == [
        {"contrast": "first_aid_course", "label": "First aid course", "a": ["paediatric"], "b": ["at_work"]}]
    assert [c["contrast"] for c in clash("NVQ Level 2", "Level 3 qualification")] == ["qualification_level"]
    assert clash("NVQ 2 or 3", "NVQ Level 3 in Childcare") == []  # an option in common: the same threshold family
    assert clash("Level 3 or equivalent", "Good standard of literacy") == []  # one side names no option
    # a contrast `within` a concept applies only when both items mention it
    assert clash("Paediatric nurse", "Health and safety at work") == []
    assert [c["contrast"] for c in clash("Supervise pupils", "Supervise staff")] == ["people"]
    assert clash("Discipline among pupils", "Discipline among staff and pupils") == []


def test_analyse_reads_each_text_once_and_agrees_with_the_separate_calls():
    import yaml

    from conftest import need_corpus

    vocab = load_vocabulary()
    texts = ["NVQ Level 2 for Teaching Assistants", "Paediatric first aid certificate", "Be on call at a level",
             "Safeguarding and promoting the welfare of children (DSL)", ""]
    corpus = need_corpus()
    for gold in sorted([*(corpus / "gold").glob("*.gold.yaml"), *(corpus / "real" / "gold").glob("*.gold.yaml")]):
        spec = yaml.safe_load(gold.read_text(encoding="utf-8"))
        texts += [x["text"] for key in ("duties", "criteria") for x in spec.get(key) or []]
    assert len(texts) > 500
    for text in texts:
        toks = vocab.tokens(text)
        assert vocab.analyse(text) == (toks, vocab.tag_positions(text, toks), vocab.qualifiers(text, toks)), text
    assert vocab.analyse("NVQ Level 2 for Teaching Assistants")[2] == {"qualification_level": frozenset({"level_2"})}


def test_user_contrasts_are_merged_and_checked(tmp_path):
    extra = tmp_path / "mine.yaml"
    extra.write_text("contrasts:\n  key_stage:\n    label: Key stage\n    options:\n"
                     "      ks1: {terms: [key stage 1]}\n      ks3: {terms: [key stage 3]}\n"
                     "  people:\n    options:\n      governors: {terms: [governors]}\n", encoding="utf-8")
    vocab = load_vocabulary([extra])
    assert vocab.qualifiers("Teach KS1 phonics") == {"key_stage": frozenset({"ks1"})}
    assert vocab.qualifiers("Report to governors")["people"] == {"governors"}
    assert vocab.qualifiers("Support pupils")["people"] == {"pupils"}  # shipped options kept
    assert vocab.describe()["contrasts"] == len(load_vocabulary().contrasts) + 1


@pytest.mark.parametrize("body, message", [
    ("contrasts: [a]\n", "'contrasts' must map"),
    ("contrasts:\n  Bad:\n    options: {}\n", "contrast id"),
    ("contrasts:\n  size:\n    colour: red\n", "unknown key 'colour'"),
    ("contrasts:\n  size:\n    options:\n      big: {terms: [big]}\n", "needs at least two options"),
    ("contrasts:\n  size:\n    options:\n      big: [big]\n      small: [small]\n", "must be a name mapping"),
    ("contrasts:\n  size:\n    options:\n      big: {patterns: ['(']}\n      small: {terms: [small]}\n", "bad regular"),
    ("contrasts:\n  size:\n    within: nowhere\n    options:\n      big: {terms: [big]}\n      small: {terms: [small]}\n",
     "unknown concept 'nowhere'"),
])
def test_bad_contrasts_give_one_line_naming_the_file(tmp_path, body, message):
    p = tmp_path / "bad.yaml"
    p.write_text(body, encoding="utf-8")
    with pytest.raises(VocabularyError) as err:
        load_vocabulary([p])
    assert message in str(err.value) and str(p) in str(err.value) and "\n" not in str(err.value)


def test_the_shipped_vocabulary_follows_the_vocabulary_schema():
    from importlib import resources

    import yaml

    from jobspec.concepts.vocabulary_schema import first_problem

    text = resources.files("jobspec").joinpath("data/vocabulary.yaml").read_text(encoding="utf-8")
    assert first_problem(yaml.safe_load(text)) is None


@pytest.mark.parametrize("body, message", [
    ("concepts:\n  ict:\n    terms: [ict, '  ']\n", "concepts.ict.terms: must be a list of non-empty strings"),
    ("concepts:\n  ict:\n    abbreviations: IT\n", "concepts.ict.abbreviations: must be a list of non-empty strings"),
    ("concepts:\n  ict:\n    weight: 11\n", "concepts.ict.weight: must be a number from 0 to 10"),
    ("concepts:\n  ict:\n    weight: true\n", "concepts.ict.weight: must be a number from 0 to 10"),
    ("concepts:\n  ict:\n    label: [a, b]\n", "concepts.ict.label: must be text"),
    ("concepts:\n  ict:\n    remove: perhaps\n", "concepts.ict.remove: must be true or false"),
    ("concepts:\n  ict: [computers]\n", "concepts.ict: must be a mapping (label, terms, abbreviations, ...)"),
    ("concepts:\n  ict:\n    colour: red\n    size: 3\n", "concepts.ict: unknown key 'colour'"),
    ("concepts:\n  Bad-Id:\n    terms: [x]\n", "concept id 'Bad-Id' must be lower case letters, digits and _"),
    ("concepts: [a, b]\n", "'concepts' must map concept ids to their terms"),
    ("synonyms:\n  pupil: [scholars, 3]\n", "synonyms.pupil: must be a list of words"),
    ("synonyms: [a]\n", "'synonyms' must map a word to a list of words"),
    ("version: 2\n", "unsupported vocabulary version 2 (expected 1)"),
    ("colour: red\n", "unknown top-level key 'colour' (expected version, concepts, synonyms, contrasts)"),
    ("contrasts:\n  size: [big, small]\n", "contrasts.size: must be a mapping (label, within, options)"),
    ("contrasts:\n  size:\n    label: ' '\n", "contrasts.size.label: must be text"),
    ("contrasts:\n  size:\n    options: [big]\n", "contrasts.size.options: must map option names to terms and patterns"),
    ("contrasts:\n  size:\n    options:\n      Big: {terms: [big]}\n",
     "contrasts.size.options.Big: must be a name mapping to terms, abbreviations and/or patterns"),
    ("contrasts:\n  size:\n    options:\n      big: {terms: [big], label: x}\n",
     "contrasts.size.options.big: must be a name mapping to terms, abbreviations and/or patterns"),
    ("contrasts:\n  size:\n    options:\n      big: {terms: ''}\n",
     "contrasts.size.options.big.terms: must be a list of non-empty strings"),
    ("- a list\n", "a vocabulary file must be a mapping with 'concepts' and/or 'synonyms'"),
    # the first problem in the file is the one reported
    ("concepts:\n  a:\n    terms: [x]\n    weight: -1\n  b:\n    terms: 5\n", "concepts.a.weight: must be a number from 0 to 10"),
    ("concepts:\n  b:\n    terms: 5\n  a:\n    terms: [x]\n    weight: -1\n", "concepts.b.terms: must be a list of non-empty strings"),
])
def test_vocabulary_schema_problems_keep_their_one_line_messages(tmp_path, body, message):
    p = tmp_path / "my-terms.yaml"
    p.write_text(body, encoding="utf-8")
    with pytest.raises(VocabularyError) as err:
        load_vocabulary([p])
    assert str(err.value) == f"{p}: {message}"
