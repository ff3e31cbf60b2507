"""Extractor rules on documents built directly in the document model (format-independent)."""

from __future__ import annotations

from jobspec.document import Cell, Document, Heading, ListItem, Paragraph, Row, Table
from jobspec.extract.pipeline import extract_spec
from jobspec.extract.rules import BLOCK, Context, rule_set
from jobspec.extract.text import introduces_list
from jobspec.extract.wording import load_wording
from jobspec.spec.model import Source


def P(text, bold=False):
    return Paragraph(text, bold=bold)


def LI(text, marker="•"):
    return ListItem(text, marker=marker)


def table(*rows):
    return Table(rows=[Row(cells=[Cell(blocks=[P(x) if isinstance(x, str) else x for x in (c if isinstance(c, list) else [c])], col=i)
                                  for i, c in enumerate(r)]) for r in rows], ncols=max(len(r) for r in rows))


def spec_of(*blocks, headers=()):
    return extract_spec(Document(blocks=list(blocks), header_lines=list(headers)), Source("x.docx", "docx", "0" * 64))


def block_rule(block) -> str:
    """The code of the block rule that classifies ``block``."""
    rule, _ = Context(rule_set()).first(BLOCK, block)
    return rule.code if rule else ""


def test_colon_lines_lead_into_lists_or_head_sections():
    w = load_wording()
    assert introduces_list("All staff are expected to:", w)
    assert introduces_list("As a member of staff you will:", w)
    assert not introduces_list("Other duties:", w)
    assert block_rule(P("Contribute to the wider life of the school:")) == "H06"
    assert block_rule(P("All staff are expected to:")) == "B01"
    spec = spec_of(Heading("Information governance"), P("All staff are expected to:"),
                   LI("Keep personal data secure"), LI("Report any data breach at once"))
    assert [(d.section, d.text) for d in spec.duties] == [
        ("Information governance", "Keep personal data secure"),
        ("Information governance", "Report any data breach at once")]


def test_prose_after_a_list_ends_the_duties():
    spec = spec_of(Heading("General information"), LI("Follow all school policies"),
                   P("Please note that this is not a complete list of the tasks a member of staff may do."),
                   P("At interview we will explore the following areas:"),
                   LI("Motivation to work with children"))
    assert [d.text for d in spec.duties] == ["Follow all school policies"]


def test_long_item_ending_with_a_colon_is_still_a_duty():
    spec = spec_of(Heading("Key responsibilities"),
                   LI("Plan and run a programme of reading interventions for pupils who need them, which could include:"),
                   LI("Use phonics games", marker="o"))
    assert len(spec.duties) == 2


def test_label_value_lines_fill_details_and_unknown_labels_go_to_other():
    spec = spec_of(P("Post: Attendance Officer"), P("Grade: Scale 5"), P("Interviews: week of 3 May"),
                   P("Closing date: 20 April"), Heading("Duties"), LI("Call parents on the first day of absence"))
    p = spec.post
    assert (p.title, p.grade, p.other, p.dates) == ("Attendance Officer", "Scale 5", {"Interviews": "week of 3 May"},
                                                    {"Closing date": "20 April"})


def test_a_form_field_left_to_fill_in_is_no_detail():
    # dots, an ellipsis or a rule to write on: a blank in a form, not a value (lint's JS206 refuses
    # a date of dots)
    spec = spec_of(P("Job title: Librarian"), P("Closing date: 20 April"), Heading("Duties"), LI("Run the library"),
                   P("Date: …………………………"), P("Signed: ______________"), P("Name: ..............."),
                   P("Reviewed: · · · · ·"))
    p = spec.post
    assert (p.title, p.dates, p.other) == ("Librarian", {"Closing date": "20 April"}, {})


def test_details_table_after_a_person_spec_heading_is_not_criteria():
    spec = spec_of(Heading("Job description"), Heading("Person specification"),
                   table(["JOB TITLE:", "Site Assistant"], ["GRADE:", "Grade 3"],
                         [[P("MAIN DUTIES:"), LI("Open and lock the building"), LI("Carry out small repairs")]]))
    assert spec.criteria == []
    assert (spec.post.title, spec.post.grade) == ("Site Assistant", "Grade 3")
    assert [d.text for d in spec.duties] == ["Open and lock the building", "Carry out small repairs"]


def test_category_table_with_details_rows_on_top():
    spec = spec_of(Heading("Personnel specification"),
                   table(["Job Title", "Cover Supervisor"], ["Hours/Weeks", "35 hours"],
                         ["Qualifications", "GCSE English and maths"], ["Personal qualities", "Calm under pressure"]))
    assert [(c.text, c.category, c.level) for c in spec.criteria] == [
        ("GCSE English and maths", "qualifications", "essential"),
        ("Calm under pressure", "personal_qualities", "essential")]


def test_category_lines_in_a_person_spec_written_as_text():
    spec = spec_of(Heading("Person specification"), P("Skills and abilities"), P("Essential:"),
                   P("Accurate typing"), P("Desirable:"), P("Knowledge of Arbor"), P("Personal qualities"),
                   P("Discreet and tactful"))
    assert [(c.text, c.level, c.category_label) for c in spec.criteria] == [
        ("Accurate typing", "essential", "Skills and abilities"),
        ("Knowledge of Arbor", "desirable", "Skills and abilities"),
        ("Discreet and tactful", "essential", "Personal qualities")]


def test_continuation_table_keeps_columns_and_category():
    spec = spec_of(Heading("Person specification"),
                   table(["", "Essential", "Desirable"], ["Experience", [LI("Work with children")], [LI("Work in a nursery")]]),
                   table(["", [LI("Work with parents")], ""]))
    assert [(c.text, c.level, c.category) for c in spec.criteria] == [
        ("Work with children", "essential", "experience"), ("Work in a nursery", "desirable", "experience"),
        ("Work with parents", "essential", "experience")]


def test_organisation_from_page_header_and_title_line():
    spec = spec_of(P("Person Specification – Midday Supervisor"), Heading("Duties"), LI("Supervise lunch"),
                   headers=["Ashgrove Church of England Primary School"])
    assert (spec.post.title, spec.post.organisation) == ("Midday Supervisor", "Ashgrove Church of England Primary School")


def test_grade_split_from_a_remuneration_line():
    spec = spec_of(table(["Remuneration:", "Band C SCP 5-6 £24,000 - £24,500 FTE (actual £18,100 - £18,500)"]))
    s = spec.post.salary
    assert spec.post.grade == "Band C SCP 5-6"
    assert (s.min, s.max, s.actual_min, s.actual_max, s.basis) == (24000, 24500, 18100, 18500, "fte")


def test_organisation_before_its_trust_in_a_header():
    spec = spec_of(Heading("Duties"), LI("Supervise lunch"), headers=["Northgate Academy Part of Fenland Schools Trust"])
    assert spec.post.organisation == "Northgate Academy"
