"""Every limit the layout rules use, in one frozen object (after pdfplumber's ``TableSettings``).

A rule never writes a number of its own: it reads ``ctx.settings.<name>``. To try another value,
build ``ExtractSettings(heading_max_words=12)`` and pass it to :func:`jobspec.extract.extract`;
unknown names are errors (``TypeError``), as they should be.
"""

from __future__ import annotations

from dataclasses import dataclass, fields


@dataclass(frozen=True, slots=True)
class ExtractSettings:
    # --- headings ---------------------------------------------------------------------------
    #: a heading is at most this many characters ...
    heading_max_chars: int = 90
    #: ... and this many words
    heading_max_words: int = 10
    #: a line ending in ":" with at most this many words can be a heading ("Professional development:")
    colon_heading_max_words: int = 12
    #: an all-capitals line of at most this many words is a heading
    capitals_heading_max_words: int = 8
    #: a Title Case line of at most this many words is a heading
    title_case_heading_max_words: int = 7
    #: a plain line naming a known kind of section ("General information") has at most this many words
    named_section_max_words: int = 4
    #: a list item promoted to heading over deeper items ("1. Teaching" over "a) Plan ...") is this short
    promoted_heading_max_words: int = 14
    #: a numbered label over prose ("3. Work context") has at most this many words
    prose_label_max_words: int = 6
    #: a category heading inside a person specification has at most this many words
    category_heading_max_words: int = 8
    #: a level heading ("Essential criteria") has at most this many words
    level_heading_max_words: int = 3
    #: a plain line naming person-spec categories ("Skills and abilities") has at most this many words
    category_line_max_words: int = 6
    # --- labels and fields ------------------------------------------------------------------
    #: a label cell of a key/value table has at most this many words
    label_max_words: int = 8
    #: the label of a "Label: value" line has at most this many characters
    field_label_max_chars: int = 40
    #: ... and the value at most this many
    field_value_max_chars: int = 300
    #: an unknown label of a "Label: value" line has at most this many words (known post fields: any)
    field_label_max_words: int = 3
    #: a label longer than this is never a post-field label
    field_label_max_label_chars: int = 50
    #: at most this many unrecognised details are kept in ``post.other``
    other_details_max: int = 30
    # --- person-specification tables --------------------------------------------------------
    #: the header of a person-spec table is looked for in this many rows at its top
    header_search_rows: int = 4
    #: a header cell has at most this many words
    header_cell_max_words: int = 5
    #: a header cell starting with the letter E or D is a level header only this short ("E/D", "E")
    level_letter_header_max_chars: int = 3
    #: an Evidence / How-assessed header has at most this many words
    evidence_header_max_words: int = 4
    #: a table with at least this many rows holding a tick is a person specification
    min_tick_rows: int = 3
    #: a category row's label is this short, or Title Case, or bold ...
    category_row_short_words: int = 3
    #: ... and never longer than this
    category_row_max_words: int = 6
    #: a paragraph in a person-spec section is a criterion only if shorter than this many characters
    criterion_paragraph_max_chars: int = 250
    # --- duties -----------------------------------------------------------------------------
    #: a colon-ended lead-in of at most this many words introduces a list and is not a duty
    lead_in_max_words: int = 12
    #: a paragraph of at least this many words after a duty list ends the list
    closing_prose_min_words: int = 8
    #: a paragraph duty has at least this many words
    prose_duty_min_words: int = 3
    # --- post details and where to look for them --------------------------------------------
    #: units from the top of a document searched for a title, an organisation or a grade
    top_units: int = 40
    #: ... of which this many for the organisation
    organisation_search_units: int = 12
    #: ... and this many for a grade on a line of its own
    grade_search_units: int = 8
    #: a title or organisation line is at most this many characters
    title_line_max_chars: int = 120
    #: a title taken from a title line has at most this many words
    title_max_words: int = 10
    #: a piece of a header line searched for an organisation name is shorter than this
    organisation_piece_max_chars: int = 80
    #: an organisation name has at most this many capitalised words before its noun
    organisation_max_words: int = 7
    # --- review ---------------------------------------------------------------------------------
    #: items under this many words are short (R06) ...
    review_short_words: int = 4
    #: ... counted only when there are at least this many items
    review_min_items: int = 5
    #: a sub-section with at least this many items or paragraphs, none taken, is worth a look (R04)
    review_min_entries: int = 2
    #: a criterion naming only an assessment method has at most this many words ("Application form /")
    method_label_max_words: int = 3
    #: a review warning quotes at most this many examples
    review_examples: int = 3
    # --- pay and hours ----------------------------------------------------------------------
    #: a salary figure with no stated period is yearly from this amount ...
    yearly_salary_min: float = 5000.0
    #: ... and hourly below this one
    hourly_salary_max: float = 100.0
    #: hours per week above this are not hours per week
    max_weekly_hours: float = 60.0
    #: "7 hours per day": how far after an hours figure "per day" is looked for
    per_day_window_chars: int = 12


DEFAULT_SETTINGS = ExtractSettings()


def setting_names() -> list[str]:
    """The names of every setting, in declaration order."""
    return [f.name for f in fields(ExtractSettings)]
