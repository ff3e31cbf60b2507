"""The plain-text reader: decoding, tab tables (horizontal and vertical), lists, repairs."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import need_corpus
from jobspec.document import Heading, ListItem, Paragraph, Table
from jobspec.errors import InputError
from jobspec.readers import read_document
from jobspec.readers.text_reader import read_text
from jobspec.readers.text_tables import html_list, split_run_together

FIXTURES = Path(__file__).parent / "fixtures" / "txt"
BINARY = "not a text file: looks like binary data"
EMPTY = "no text: the file is empty"


def _write(tmp_path: Path, data: bytes, name: str = "doc.txt") -> Path:
    p = tmp_path / name
    p.write_bytes(data)
    return p


def _tables(doc) -> list[Table]:
    return [b for b in doc.blocks if isinstance(b, Table)]


def _grid(table: Table) -> list[list[str]]:
    return [[c.text for c in row.cells] for row in table.rows]


def _texts(doc) -> list[str]:
    return [b.text for b in doc.iter_blocks() if not isinstance(b, Table)]


# --------------------------------------------------------------------------- decoding


def test_utf8_with_bom_and_crlf(tmp_path):
    data = "\ufeffJob title\tTeaching Assistant\r\nGrade\tC\r\n\r\nDuties follow.\r\n".encode()
    doc = read_text(_write(tmp_path, data))
    assert doc.info["encoding"] == "utf-8-sig"
    [table] = _tables(doc)
    assert _grid(table) == [["Job title", "Teaching Assistant"], ["Grade", "C"]]
    assert doc.blocks[-1].text == "Duties follow."
    assert doc.blocks[-1].prov.line == 4


def test_plain_utf8(tmp_path):
    doc = read_text(_write(tmp_path, "Pupils’ needs – first\n".encode()))
    assert doc.info["encoding"] == "utf-8"
    assert _texts(doc) == ["Pupils’ needs – first"]


@pytest.mark.parametrize("codec, name", [("utf-16-le", "utf-16-le"), ("utf-16-be", "utf-16-be")])
def test_utf16_with_bom(tmp_path, codec, name):
    data = ("\ufeff" + "Purpose\r\n· Support pupils’ wellbeing\r\n").encode(codec)
    doc = read_text(_write(tmp_path, data))
    assert doc.info["encoding"] == name
    assert isinstance(doc.blocks[1], ListItem)
    assert doc.blocks[1].text == "Support pupils’ wellbeing"


def test_utf16_without_bom_is_detected_from_nul_pattern(tmp_path):
    data = "Responsible to\tHeadteacher\nHours\t37 per week\n".encode("utf-16-le")
    doc = read_text(_write(tmp_path, data))
    assert doc.info["encoding"] == "utf-16-le"
    assert _grid(_tables(doc)[0]) == [["Responsible to", "Headteacher"], ["Hours", "37 per week"]]


def test_cp1252_bytes(tmp_path):
    data = b"Salary \x80 24,000 \x96 pro rata\r\nThe school\x92s \x93values\x94\r\n"
    doc = read_text(_write(tmp_path, data))
    assert doc.info["encoding"] == "cp1252"
    assert _texts(doc) == ["Salary € 24,000 – pro rata", "The school’s “values”"]


def test_latin1_is_the_last_resort(tmp_path):
    # 0x81 is undefined in cp1252, so only latin-1 decodes this; the C1 control is dropped
    doc = read_text(_write(tmp_path, b"Caf\xe9 duty\x81 rota\n"))
    assert doc.info["encoding"] == "latin-1"
    assert _texts(doc) == ["Café duty rota"]


def test_cr_only_line_endings_and_nbsp(tmp_path):
    data = "First\u00a0line\r\u00a0\rThird  line\r".encode()
    doc = read_text(_write(tmp_path, data))
    assert [(b.text, b.prov.line) for b in doc.blocks] == [("First line", 1), ("Third line", 3)]


@pytest.mark.parametrize(
    "data",
    [
        b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00word/document.xml",
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
        bytes(range(1, 32)) * 20,
        b"Job title: Teacher\x00\x00\x07\x08 more",
    ],
)
def test_binary_data_is_refused(tmp_path, data):
    with pytest.raises(InputError) as exc:
        read_text(_write(tmp_path, data))
    assert exc.value.reason == BINARY


@pytest.mark.parametrize("data", [b"", b"  \r\n\t \n", "\u00a0\n".encode(), "\ufeff \r\n".encode("utf-16")])
def test_empty_or_blank_files_are_refused(tmp_path, data):
    with pytest.raises(InputError) as exc:
        read_text(_write(tmp_path, data))
    assert exc.value.reason == EMPTY


def test_read_document_dispatches_md_and_txt(tmp_path):
    md = _write(tmp_path, b"# Job description\n\n## Duties\n- Plan lessons\n**Essential**\n", "jd.md")
    doc, fmt = read_document(md)
    assert fmt == "txt"
    assert [(type(b).__name__, b.text) for b in doc.blocks] == [
        ("Heading", "Job description"),
        ("Heading", "Duties"),
        ("ListItem", "Plan lessons"),
        ("Paragraph", "Essential"),
    ]
    assert doc.blocks[1].level == 2 and doc.blocks[3].bold
    txt = read_text(_write(tmp_path, b"# Job description\n", "jd.txt"))
    assert isinstance(txt.blocks[0], Paragraph) and txt.blocks[0].text == "# Job description"


def test_markdown_pipe_table(tmp_path):
    md = _write(tmp_path, b"| Criteria | Essential |\n|---|---|\n| Degree | yes |\n", "ps.md")
    [table] = _tables(read_text(md))
    assert _grid(table) == [["Criteria", "Essential"], ["Degree", "yes"]]


# --------------------------------------------------------------------------- vertical tables


@pytest.fixture(scope="module")
def vertical():
    return read_text(FIXTURES / "vertical_ticks.txt")


def test_vertical_key_value_table(vertical):
    kv = _tables(vertical)[0]
    assert kv.ncols == 2
    grid = _grid(kv)
    assert grid[0] == ["Role", "Learning Mentor"]
    assert grid[1] == ["Salary band", "5"]
    # a lone label followed by a full row: a short (merged) row, not glued to the next label
    assert grid[2] == ["Line manager"] and kv.rows[2].cells[0].span == 2
    # two sentences of one paragraph stay one paragraph
    assert grid[3] == [
        "Main purpose",
        "To help pupils overcome barriers to learning. Work closely with families.",
    ]


def test_vertical_groups_merge_across_blank_lines(vertical):
    kv = _tables(vertical)[0]
    overview = kv.rows[4].cells
    assert overview[0].text == "Overview"
    assert [type(b).__name__ for b in overview[1].blocks] == ["Paragraph", "ListItem", "ListItem"]
    duties = kv.rows[5].cells[1].blocks
    assert [(b.marker, b.text) for b in duties] == [
        ("1.", "Mentoring"),
        (
            "a)",
            "Run small group sessions for pupils who need support with routines and "
            "organisation at home and at school.",
        ),
        ("b)", "Agree targets with each pupil."),
        ("2.", "Liaison"),
        ("a)", "Phone parents when a pupil is absent."),
    ]
    assert all(b.ordered for b in duties)


def test_vertical_table_ends_before_a_new_section(vertical):
    assert _grid(_tables(vertical)[0])[6] == ["Other\nAttend briefings\nKeep records up to date"]
    after = [b for b in vertical.blocks if not isinstance(b, Table)]
    assert [b.text for b in after] == ["Safety at work", "Report hazards promptly", "Person Specification"]


def test_vertical_ticks_land_in_the_right_column(vertical):
    ps = _tables(vertical)[1]
    assert ps.ncols == 5
    assert _grid(ps) == [
        ["", "Criteria", "Essential", "Desirable", "Assessed by"],
        ["1", "A relevant level 3 qualification.", "√", "", "Certificates"],
        ["2", "Experience of mentoring teenagers.", "", "√", "Application form and interview"],
        ["3", "Knowledge of attendance procedures.", "", "√", "Interview"],
        ["4", "Calm under pressure.", "√", "", "Interview"],
        ["5", "A full driving licence", "", "√", "Certificates"],
    ]


def test_vertical_provenance(vertical):
    ps = _tables(vertical)[1]
    cell = ps.rows[2].cells[4]
    assert cell.prov.path == ("table", 1, "row", 2, "cell", 4)
    assert cell.blocks[0].prov.path == ("table", 1, "row", 2, "cell", 4, "para", 0)
    assert cell.blocks[0].prov.line == 58
    assert ps.prov.line == 41


# --------------------------------------------------------------------------- horizontal tables


@pytest.fixture(scope="module")
def horizontal():
    return read_text(FIXTURES / "horizontal.txt")


def test_lone_trailing_tab_line_is_a_paragraph(horizontal):
    assert isinstance(horizontal.blocks[0], Paragraph) and horizontal.blocks[0].text == "Job Description"


def test_alignment_tabs_make_one_separator(horizontal):
    kv = _tables(horizontal)[0]
    assert kv.ncols == 2
    assert _grid(kv) == [
        ["Academy", "Riverbank Primary"],
        ["Job title:", "Family Support Worker"],
        ["Pay:", "Scale 4"],
        ["Start date:", ""],
    ]


def test_trailing_empty_columns_are_kept(horizontal):
    ps = _tables(horizontal)[1]
    assert ps.ncols == 3
    assert _grid(ps)[0] == ["Requirements", "", ""]
    assert _grid(ps)[1] == ["Essential", "Desirable", ""]


def test_run_together_cells_are_split_at_real_cues(horizontal):
    ps = _tables(horizontal)[1]
    assert [b.text for b in ps.rows[3].cells[0].blocks] == [
        "Maths and English at grade 4 or above",
        "Level 3 in youth work or equivalent",
    ]
    assert [b.text for b in ps.rows[5].cells[0].blocks] == [
        "Supporting families in a school setting",
        "Running parent workshops",
        "Writing reports in Microsoft Office",
    ]
    # a normal sentence with a product name is left whole
    assert [b.text for b in ps.rows[5].cells[1].blocks] == [
        "Able to use Microsoft Office and keep accurate records of every visit"
    ]


def test_changed_column_count_after_blank_lines_starts_a_new_table(horizontal):
    table = _tables(horizontal)[2]
    assert _grid(table) == [["Attributes", ""], ["Patient and kind", ""]]


def test_html_list_remnants(horizontal):
    ps = _tables(horizontal)[3]
    assert ps.ncols == 3
    skills = ps.rows[1].cells
    assert skills[0].text == "Skills"
    assert [(b.marker, b.text) for b in skills[1].blocks] == [
        ("–", "listen carefully"),
        ("–", "plan sessions, including follow-up"),
        ("–", "write clear notes"),
    ]
    assert skills[2].text == "speak a community language"
    # a row after a blank line with an empty first cell continues the table
    cont = ps.rows[2].cells
    assert cont[0].text == "" and cont[1].text == "keep records safe\nshare concerns quickly"
    # a second <ul> in the same tab cell is the next column
    values = ps.rows[3].cells
    assert [c.text for c in values] == ["Values", "be fair\nbe reliable", "be creative"]
    assert [c.col for c in values] == [0, 1, 2]


def test_horizontal_provenance(horizontal):
    kv = _tables(horizontal)[0]
    assert kv.rows[1].cells[1].prov.path == ("table", 0, "row", 1, "cell", 1)
    assert kv.rows[1].cells[1].blocks[0].prov.line == 6


# --------------------------------------------------------------------------- lists and body text


@pytest.fixture(scope="module")
def body():
    return read_text(FIXTURES / "body.txt")


def test_bullets_and_typed_numbers(body):
    items = [b for b in body.blocks if isinstance(b, ListItem)]
    assert [(b.marker, b.ordered, b.text) for b in items[:14]] == [
        ("-", False, "1. Greet visitors at reception"),
        ("-", False, "Answer the telephone"),
        ("-", False, "3. Keep the signing-in book"),
        ("•", False, "Order stationery"),
        ("▪", False, "File letters"),
        ("\uf0b7", False, "Sort the post"),
        ("*", False, "Check the diary"),
        ("o", False, "Water the plants"),
        ("–", False, "Lock the office"),
        ("a)", True, "Prepare the rooms"),
        ("(b)", True, "Set out chairs"),
        ("iv)", True, "Clear up afterwards"),
        ("1.", True, "Take minutes at meetings"),
        (
            "-",
            False,
            "All tasks must be carried out in line with the office procedures of the Local "
            "Authority, the governing body and the school, within the law and with care for "
            "the needs of every visitor.",
        ),
    ]
    assert items[13].prov.line == 16


def test_plain_lines_are_paragraphs(body):
    paras = [b for b in body.blocks if isinstance(b, Paragraph)]
    assert [p.text for p in paras] == [
        "Main duties",
        "Please note this list is not complete.",
        "The school day runs from 8.30 until 3.15 and 32.5 hours are worked each week.",
    ]
    assert not any(isinstance(b, Heading) for b in body.blocks)


def test_numbered_cell_beside_text_stays_a_table(tmp_path):
    doc = read_text(_write(tmp_path, b"\t1. \n\tKeep the register.\n\n\t2. \n\tFile reports.\n"))
    [table] = _tables(doc)
    assert _grid(table) == [["1.", "Keep the register."], ["2.", "File reports."]]


def test_tab_indented_bullets_are_nested_list_items(tmp_path):
    data = "Duties:\n- Plan lessons\n\t• weekly plans\n\t• termly plans\n- Mark work\n".encode()
    doc = read_text(_write(tmp_path, data))
    assert not _tables(doc)
    assert [(type(b).__name__, getattr(b, "level", None), b.text) for b in doc.blocks] == [
        ("Paragraph", None, "Duties:"),
        ("ListItem", 0, "Plan lessons"),
        ("ListItem", 1, "weekly plans"),
        ("ListItem", 1, "termly plans"),
        ("ListItem", 0, "Mark work"),
    ]


def test_text_after_an_empty_last_cell_ends_the_table(tmp_path):
    lines = ["\tKey", "\tValue", "", "\t", "", "Next section", *[f"Paragraph {i}." for i in range(6)]]
    doc = read_text(_write(tmp_path, "\n".join(lines).encode()))
    [table] = _tables(doc)
    assert _grid(table) == [["Key", "Value"]]
    assert _texts(doc)[2:4] == ["Next section", "Paragraph 0."]


def test_text_between_rows_of_one_table_stays_in_the_cell(tmp_path):
    lines = ["\tSkills", "\tListens well.", "", "Writes clearly.", "", "\tTraining", "\tFirst aid"]
    doc = read_text(_write(tmp_path, "\n".join(lines).encode()))
    [table] = _tables(doc)
    assert _grid(table) == [["Skills", "Listens well.\nWrites clearly."], ["Training", "First aid"]]


def test_horizontal_ticks_keep_their_columns(tmp_path):
    data = "No.\tCriteria\tE\tD\n1.\tA degree\t√\t\n2.\tFirst aid\t\t√\nGrade:\t\t\t7\n".encode()
    [table] = _tables(read_text(_write(tmp_path, data)))
    assert _grid(table) == [
        ["No.", "Criteria", "E", "D"],
        ["1.", "A degree", "√", ""],
        ["2.", "First aid", "", "√"],
        ["Grade:", "", "", "7"],
    ]
    [kv] = _tables(read_text(_write(tmp_path, b"Grade:\t\t\t7\nSalary:\tScale 4\n")))
    assert _grid(kv) == [["Grade:", "7"], ["Salary:", "Scale 4"]]


def test_form_feed_and_odd_utf16(tmp_path):
    doc = read_text(_write(tmp_path, b"Page one\x0cPage two\n"))
    assert [(b.text, b.prov.line) for b in doc.blocks] == [("Page one", 1), ("Page two", 2)]
    doc = read_text(_write(tmp_path, "\ufeffHours\n".encode("utf-16-le") + b"x"))
    assert doc.info["encoding"] == "utf-16-le" and _texts(doc)[0] == "Hours"
    assert doc.warnings


# --------------------------------------------------------------------------- helpers


@pytest.mark.parametrize(
    "text, parts",
    [
        (
            "Ability to plan my own time well in a busy office Ability to use ICT for own work",
            ["Ability to plan my own time well in a busy office", "Ability to use ICT for own work"],
        ),
        (
            "Knowledge of the attendance rules and how to apply them Trained DSL",
            ["Knowledge of the attendance rules and how to apply them", "Trained DSL"],
        ),
        (
            "Good literacy skills at GCSE grade 4 or equivalent BTEC 3 in health and social care",
            ["Good literacy skills at GCSE grade 4 or equivalent", "BTEC 3 in health and social care"],
        ),
        # function words, possessives, sentence ends and acronyms without numbers do not split
        ("Trained in play therapy such as Sand Tray and Lego work, with a clear record", None),
        ("Able to follow the school's Health and Safety Policy on visits and outings", None),
        ("Works well with others. Keeps calm under pressure and is patient with pupils", None),
        ("Ability to use ICT for own work and to keep the records of the team up to date", None),
        ("Short Cell Text", None),
    ],
)
def test_split_run_together(text, parts):
    assert split_run_together(text) == (parts or [text])


def test_html_list_separators():
    assert html_list('<ul style="x">– one– two-part word– three') == (
        "",
        "–",
        ["one", "two-part word", "three"],
    )
    assert html_list("Lead <ul> - a - b") == ("Lead", "-", ["a", "b"])
    assert html_list("<ul><li>first</li><li>second</li></ul>") == ("", "•", ["first", "second"])
    assert html_list("no list here") is None


def test_one_megabyte_file_is_read_whole(tmp_path):
    """Speed is measured by `make bench`; here only that a big file comes through completely."""
    docs = [
        (FIXTURES / f).read_text(encoding="utf-8")
        for f in ("vertical_ticks.txt", "horizontal.txt", "body.txt")
    ]
    one = "\n\n\n\n".join(docs) + "\n\n\n\n"
    path = _write(tmp_path, (one * (1_050_000 // len(one.encode()) + 1)).encode())
    assert path.stat().st_size > 1_000_000
    doc = read_text(path)
    assert len(_tables(doc)) > 1000


# --------------------------------------------------------------------------- the corpus, read in place


def _corpus(name: str):
    return read_text(need_corpus() / "txt" / name)


def test_corpus_002_tick_table():
    doc = _corpus("002_woodgreen.txt")
    ps = _tables(doc)[-1]
    assert ps.ncols == 5 and len(ps.rows) == 16
    grid = _grid(ps)
    assert grid[0] == ["", "Attributes / Experience", "Essential", "Desirable", "Evidence"]
    assert grid[4][0] == "4" and grid[4][2:] == ["", "√", "Application form and interview"]
    assert grid[5][0] == "5" and grid[5][2:] == ["√", "", "Application form and interview"]
    desirable = [r[0] for r in grid[1:] if r[3] == "√"]
    assert desirable == ["2", "4", "8", "10"]
    texts = _texts(doc)
    assert (
        "Contact parents about students who are regularly absent and put in place plans to improve "
        "attendance and monitor their impact with a particular focus on those below 90%."
    ) in texts
    assert doc.info["encoding"] == "utf-8"


def test_corpus_001_run_together_and_wrapped_item():
    doc = _corpus("001_toftwood.txt")
    ps = _tables(doc)[1]
    assert [b.text for b in ps.rows[3].cells[0].blocks] == [
        "Good numeracy or Literacy skills - Grades A-C or 4-9 in English and Maths at GCSE or equivalent",
        "NVQ 2 Or 3 or equivalent in teaching assistant qualifications or pastoral qualifications",
    ]
    assert [b.text for b in ps.rows[7].cells[1].blocks] == [
        "Knowledge of CPOMS or equivalent and how to use it",
        "Trained DSL",
    ]
    assert (
        "All work performed/duties undertaken must be carried out in accordance with relevant County "
        "Council, department and Federation's policies and procedures, within legislation, and with "
        "regard to the needs of the diverse community we serve."
    ) in _texts(doc)


def test_corpus_000_ul_columns():
    ps = _tables(_corpus("000_chaucer.txt"))[0]
    personal = ps.rows[-1].cells
    assert personal[0].text == "Personal qualities"
    assert (
        len(personal[1].blocks) == 10 and personal[2].blocks[0].text == "be dynamic, creative and innovative"
    )
    assert ps.rows[-2].cells[0].text == "" and ps.rows[-2].cells[1].blocks[0].text.startswith("have a good")


def test_corpus_004_key_value_and_numbered_rows():
    tables = _tables(_corpus("004_elmtree.txt"))
    assert _grid(tables[0])[1] == ["Post title:", "Pastoral Learning Support Practitioner"]
    numbered = next(t for t in tables if _grid(t)[0][0] == "1.")
    assert _grid(numbered)[0] == ["1.", "To participate in the operation of the Trust’s Appraisal Scheme."]


def test_corpus_003_person_spec():
    ps = _tables(_corpus("003_support_worker.txt"))[-1]
    assert ps.ncols == 3
    row = ps.rows[2].cells
    assert (row[0].blocks[0].marker, row[0].text) == ("2.", "Relevant Experience")
    assert row[2].text == "Experience and proven level or competence in Google docs and sheets"


def test_a_table_laid_out_with_spaces_is_read_as_one_laid_out_with_tabs(tmp_path):
    rows = ["Criteria                                 E/D   Assessed by",
            "Qualifications",
            "HLTA status                              E     C",
            "Degree                                   D     C",
            "Experience",
            "Experience of leading a class            D     A/I"]
    spaced, tabbed = tmp_path / "spaced.txt", tmp_path / "tabbed.txt"
    spaced.write_text("Person specification\n\n" + "\n".join(rows) + "\n\nKey:   A = application   I = interview\n",
                      encoding="utf-8")
    tabbed.write_text("Person specification\n\n" + "\n".join("\t".join(c.strip() for c in r.split("   ") if c.strip())
                                                             for r in rows)
                      + "\n\nKey:   A = application   I = interview\n", encoding="utf-8")

    def shape(path):
        return [(type(b).__name__, [[c.text for c in r.cells] for r in b.rows] if isinstance(b, Table) else b.text)
                for b in read_text(path).blocks]

    assert shape(spaced) == shape(tabbed)
    tables = [b for b in shape(spaced) if b[0] == "Table"]
    assert tables[1][1] == [["HLTA status", "E", "C"], ["Degree", "D", "C"]]
    # one line with wide gaps, and rows whose columns do not line up, stay text
    assert shape(spaced)[-1] == ("Paragraph", "Key: A = application I = interview")
    odd = tmp_path / "odd.txt"
    odd.write_text("Support pupils    in class\nPrepare resources for    lessons\n", encoding="utf-8")
    assert [type(b).__name__ for b in read_text(odd).blocks] == ["Paragraph", "Paragraph"]
