"""Each person-specification and duties layout family, on documents built here, through parse_document."""

from __future__ import annotations

from docx_builder import add_lettered_numbering, add_sym, new, numbered, save, set_cell
from jobspec import parse_document


def _crit(spec):
    return [(c.text, c.level, c.category, c.category_label, c.assessed_by) for c in spec.criteria]


def test_category_rows_by_essential_desirable_columns_with_lists(tmp_path):
    d = new()
    d.add_heading("Person specification", level=1)
    t = d.add_table(rows=3, cols=4)
    for col, text in enumerate(["", "Essential", "Desirable", "How assessed"]):
        set_cell(t.cell(0, col), text)
    set_cell(t.cell(1, 0), "Qualifications")
    set_cell(t.cell(1, 1), "GCSE English and maths at grade 4", "Level 2 supporting teaching qualification", style="List Bullet")
    set_cell(t.cell(1, 2), "Paediatric first aid certificate", style="List Bullet")
    set_cell(t.cell(1, 3), "A, C")
    set_cell(t.cell(2, 0), "Personal qualities")
    set_cell(t.cell(2, 1), "Calm and patient with children", style="List Bullet")
    set_cell(t.cell(2, 3), "I, R")
    spec = parse_document(save(d, tmp_path / "ps.docx"))
    assert _crit(spec) == [
        ("GCSE English and maths at grade 4", "essential", "qualifications", "Qualifications", ["application_form", "certificates"]),
        ("Level 2 supporting teaching qualification", "essential", "qualifications", "Qualifications", ["application_form", "certificates"]),
        ("Paediatric first aid certificate", "desirable", "qualifications", "Qualifications", ["application_form", "certificates"]),
        ("Calm and patient with children", "essential", "personal_qualities", "Personal qualities", ["interview", "references"]),
    ]
    assert [c.id for c in spec.criteria] == ["C001", "C002", "C003", "C004"]


def test_numbered_rows_with_tick_columns_and_evidence(tmp_path):
    d = new()
    t = d.add_table(rows=4, cols=5)
    for col, text in enumerate(["No", "Criteria", "Essential", "Desirable", "Evidence"]):
        set_cell(t.cell(0, col), text)
    rows = [("1", "Experience of working with children", "√", "", "Application form"),
            ("2", "Knowledge of the SEND Code of Practice", "", "✓", "Interview"),
            ("3", "Willingness to train in first aid", "", "", "Application form and interview")]
    for r, row in enumerate(rows, 1):
        for col, text in enumerate(row):
            set_cell(t.cell(r, col), text)
    add_sym(t.cell(3, 2).paragraphs[0])  # a Wingdings tick inserted as a symbol
    spec = parse_document(save(d, tmp_path / "ticks.docx"))
    assert [(c.text, c.level, c.assessed_by) for c in spec.criteria] == [
        ("Experience of working with children", "essential", ["application_form"]),
        ("Knowledge of the SEND Code of Practice", "desirable", ["interview"]),
        ("Willingness to train in first aid", "essential", ["application_form", "interview"]),
    ]
    assert {c.category_label for c in spec.criteria} == {"Criteria"}


def test_criteria_essential_desirable_how_identified_with_merged_header(tmp_path):
    d = new()
    t = d.add_table(rows=3, cols=4)
    top = t.cell(0, 0).merge(t.cell(0, 2))
    set_cell(top, "Person Specification")
    t.cell(0, 3).merge(t.cell(1, 3))
    set_cell(t.cell(0, 3), "How Identified")
    for col, text in enumerate(["Criteria", "Essential", "Desirable"]):
        set_cell(t.cell(1, col), text)
    set_cell(t.cell(2, 0), "SKILLS AND ABILITIES")
    set_cell(t.cell(2, 1), "Good ICT skills", "Ability to work in a team", style="List Bullet")
    set_cell(t.cell(2, 2), "Ability to lead a small group", style="List Bullet")
    set_cell(t.cell(2, 3), "Interview", "Test")
    spec = parse_document(save(d, tmp_path / "hi.docx"))
    assert _crit(spec) == [
        ("Good ICT skills", "essential", "knowledge_skills", "SKILLS AND ABILITIES", ["interview", "assessment"]),
        ("Ability to work in a team", "essential", "knowledge_skills", "SKILLS AND ABILITIES", ["interview", "assessment"]),
        ("Ability to lead a small group", "desirable", "knowledge_skills", "SKILLS AND ABILITIES", ["interview", "assessment"]),
    ]


def test_essential_and_desirable_headings_over_lists_with_inline_markers(tmp_path):
    d = new()
    d.add_heading("Person specification", level=1)
    d.add_heading("Experience", level=2)
    d.add_paragraph("Essential:")
    d.add_paragraph("Experience of supporting pupils with SEN", style="List Bullet")
    d.add_paragraph("Desirable:")
    d.add_paragraph("Experience in a secondary school", style="List Bullet")
    d.add_heading("Skills", level=2)
    d.add_paragraph("Confident use of email and spreadsheets (E) (A/I)", style="List Bullet")
    d.add_paragraph("Knowledge of Makaton (D)", style="List Bullet")
    spec = parse_document(save(d, tmp_path / "headed.docx"))
    assert _crit(spec) == [
        ("Experience of supporting pupils with SEN", "essential", "experience", "Experience", []),
        ("Experience in a secondary school", "desirable", "experience", "Experience", []),
        ("Confident use of email and spreadsheets", "essential", "knowledge_skills", "Skills", ["application_form", "interview"]),
        ("Knowledge of Makaton", "desirable", "knowledge_skills", "Skills", []),
    ]


def test_category_table_without_level_column_is_essential(tmp_path):
    d = new()
    d.add_heading("Personnel specification", level=2)
    t = d.add_table(rows=2, cols=2)
    set_cell(t.cell(0, 0), "Qualifications and Experience")
    set_cell(t.cell(0, 1), "Level 3 childcare qualification", "Two years in a primary school")
    set_cell(t.cell(1, 0), "Legal Requirements")
    set_cell(t.cell(1, 1), "Enhanced DBS check")
    spec = parse_document(save(d, tmp_path / "nolevel.docx"))
    assert _crit(spec) == [
        ("Level 3 childcare qualification", "essential", "qualifications", "Qualifications and Experience", []),
        ("Two years in a primary school", "essential", "qualifications", "Qualifications and Experience", []),
        ("Enhanced DBS check", "essential", "other", "Legal Requirements", []),
    ]


def test_details_table_duties_sections_and_statements(tmp_path):
    d = new()
    d.sections[0].header.paragraphs[0].text = "Brookfield Junior School"
    t = d.add_table(rows=5, cols=2)
    rows = [("Job title", "Learning Support Assistant"), ("Grade", "Grade 3, SCP 3-4"),
            ("Salary", "£24,027 - £24,404 FTE pro rata (actual salary £17,900 - £18,180)"),
            ("Hours", "30 hours per week, term time only (39 weeks)"), ("Responsible to", "SENCo")]
    for r, (k, v) in enumerate(rows):
        set_cell(t.cell(r, 0), k)
        set_cell(t.cell(r, 1), v)
    d.add_heading("Job purpose", level=2)
    d.add_paragraph("To support pupils with additional needs so they can learn alongside their peers.")
    d.add_heading("Main duties", level=2)
    nid = add_lettered_numbering(d)
    numbered(d.add_paragraph("Support pupils in lessons"), nid)
    numbered(d.add_paragraph("Keep accurate records of progress."), nid)
    d.add_paragraph("Health and safety", style="Heading 3")
    d.add_paragraph("Follow the school's health and safety policy.", style="List Bullet")
    d.add_paragraph("Notes", style="Heading 3")
    d.add_paragraph("This job description is not exhaustive.", style="List Bullet")
    d.add_paragraph("Brookfield is committed to safeguarding and promoting the welfare of children; "
                    "the post needs an enhanced DBS check.")
    spec = parse_document(save(d, tmp_path / "jd.docx"))
    post = spec.post
    assert (post.title, post.organisation, post.grade, post.reports_to) == (
        "Learning Support Assistant", "Brookfield Junior School", "Grade 3, SCP 3-4", "SENCo")
    assert (post.salary.min, post.salary.max, post.salary.actual_min, post.salary.basis, post.salary.pro_rata) == (
        24027, 24404, 17900, "fte", True)
    assert (post.hours.per_week, post.hours.term_time_only, post.hours.weeks_per_year) == (30, True, 39)
    assert spec.purpose == ["To support pupils with additional needs so they can learn alongside their peers."]
    assert [(x.section, x.text) for x in spec.duties] == [
        ("Main duties", "Support pupils in lessons"),
        ("Main duties", "Keep accurate records of progress."),
        ("Health and safety", "Follow the school's health and safety policy."),
    ]
    assert (spec.statements.safeguarding_commitment, spec.statements.dbs) == (True, "enhanced")


def test_typed_numbered_headings_over_lettered_items_and_label_value_lines(tmp_path):
    d = new()
    d.add_paragraph("Post: Learning Mentor")
    d.add_paragraph("Grade: NJC Grade 5 (SCP 7-11)")
    d.add_paragraph("Responsibilities")
    for text in ("1. Behaviour", "a) Run small-group sessions.", "b) Meet parents.",
                 "2. Attendance", "a) Call home on the first day of absence."):
        d.add_paragraph(text)
    spec = parse_document(save(d, tmp_path / "typed.docx"))
    assert (spec.post.title, spec.post.grade) == ("Learning Mentor", "NJC Grade 5 (SCP 7-11)")
    assert [(x.section, x.text) for x in spec.duties] == [
        ("Behaviour", "Run small-group sessions."),
        ("Behaviour", "Meet parents."),
        ("Attendance", "Call home on the first day of absence."),
    ]


def test_unstated_facts_stay_null(tmp_path):
    d = new()
    d.add_heading("Duties", level=2)
    d.add_paragraph("Prepare the classroom for lessons", style="List Bullet")
    spec = parse_document(save(d, tmp_path / "bare.docx"))
    p = spec.post
    assert (p.title, p.organisation, p.grade, p.salary, p.hours) == (None, None, None, None, None)
    assert (spec.statements.safeguarding_commitment, spec.statements.dbs) == (None, None)


def test_items_on_lines_of_one_paragraph_or_cell(tmp_path):
    # Shift+Enter between items: a paragraph of duties, and Essential/Desirable cells of typed "- " lines
    from docx.enum.text import WD_BREAK

    def lines(p, texts):
        for k, text in enumerate(texts):
            run = p.add_run(text)
            if k < len(texts) - 1:
                run.add_break(WD_BREAK.LINE)

    d = new()
    d.add_paragraph("Job title: Midday Supervisor")
    d.add_heading("Main duties", level=2)
    lines(d.add_paragraph(), ["Supervise pupils in the dining hall and playground", "Help younger pupils to cut up food",
                              "Deal with minor accidents and record them"])
    d.add_heading("Person specification", level=2)
    t = d.add_table(rows=2, cols=3)
    for col, text in enumerate(["", "Essential", "Desirable"]):
        set_cell(t.cell(0, col), text)
    set_cell(t.cell(1, 0), "Experience")
    lines(t.cell(1, 1).paragraphs[0], ["- Experience of working with children", "- Experience of supervising groups"])
    lines(t.cell(1, 2).paragraphs[0], ["- Experience in a school setting"])
    spec = parse_document(save(d, tmp_path / "lines.docx"))
    assert [x.text for x in spec.duties] == ["Supervise pupils in the dining hall and playground",
                                             "Help younger pupils to cut up food", "Deal with minor accidents and record them"]
    assert [(c.text, c.level) for c in spec.criteria] == [
        ("Experience of working with children", "essential"), ("Experience of supervising groups", "essential"),
        ("Experience in a school setting", "desirable")]


def test_post_details_laid_out_with_tabs_in_the_page_header(tmp_path):
    for n, line in enumerate(["Kingsmead Primary School\tJob Description: Cover Supervisor\tGrade: Scale 4",
                              "Kingsmead Primary School    Job Description: Cover Supervisor    Grade: Scale 4"]):
        d = new()
        d.sections[0].header.paragraphs[0].text = line
        d.add_heading("Duties and responsibilities", level=2)
        d.add_paragraph("Supervise pupils undertaking work set by the teacher", style="List Bullet")
        p = parse_document(save(d, tmp_path / f"header{n}.docx")).post
        assert (p.title, p.organisation, p.grade) == ("Cover Supervisor", "Kingsmead Primary School", "Scale 4"), line
