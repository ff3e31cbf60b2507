"""The layout rules, in the order they are asked (see :mod:`jobspec.extract.rules.base`).

Each rule is one module (``<code>_<name>.py``) holding one :class:`Rule` subclass with its code,
dotted name, stage and a docstring showing the layout it handles; ``jobspec parse --list-rules``
prints them. Codes are stable: B block, H headings, I items, F fields and post details, T tables,
PS person-specification tables, S sections, D duties, C criteria, PU purpose, R review.
Within a stage, the first rule that matches decides, so the order below matters.
"""

from __future__ import annotations

from functools import lru_cache

from jobspec.extract.rules.b01_block_paragraph import BlockParagraph
from jobspec.extract.rules.base import (
    BLOCK,
    CELL_LINE,
    CRITERION,
    DUTY,
    INLINE,
    PAY,
    POST,
    PROMOTE,
    PS_ROW,
    PS_TABLE,
    PURPOSE,
    REVIEW,
    ROW,
    SECTION,
    STAGES,
    TABLE,
    Context,
    Rule,
)
from jobspec.extract.rules.c01_criterion_list_item import CriterionListItem
from jobspec.extract.rules.c02_criterion_paragraph_in_itemless_section import (
    CriterionParagraphInItemlessSection,
)
from jobspec.extract.rules.c03_criterion_legend_is_not_a_criterion import CriterionLegendIsNotACriterion
from jobspec.extract.rules.c04_criterion_statement_is_not_a_criterion import CriterionStatementIsNotACriterion
from jobspec.extract.rules.c05_criterion_lead_in_names_category import CriterionLeadInNamesCategory
from jobspec.extract.rules.c06_criterion_column_header_is_not_a_criterion import (
    CriterionColumnHeaderIsNotACriterion,
)
from jobspec.extract.rules.d01_duty_note_is_not_a_duty import DutyNoteIsNotADuty
from jobspec.extract.rules.d02_duty_lead_in_is_not_a_duty import DutyLeadInIsNotADuty
from jobspec.extract.rules.d03_duty_list_item import DutyListItem
from jobspec.extract.rules.d04_duty_prose_in_itemless_section import DutyProseInItemlessSection
from jobspec.extract.rules.d05_duty_to_verb_paragraph import DutyToVerbParagraph
from jobspec.extract.rules.d06_duty_prose_after_list_closes import DutyProseAfterListCloses
from jobspec.extract.rules.d07_duty_items_under_numbered_headings import DutyItemsUnderNumberedHeadings
from jobspec.extract.rules.d08_duty_role_summary_is_purpose import DutyRoleSummaryIsPurpose
from jobspec.extract.rules.d09_duty_policy_statement_is_not_a_duty import DutyPolicyStatementIsNotADuty
from jobspec.extract.rules.d10_duty_items_after_duty_lead_in import DutyItemsAfterDutyLeadIn
from jobspec.extract.rules.d11_duty_description_is_not_a_duty import DutyDescriptionIsNotADuty
from jobspec.extract.rules.f01_field_label_colon_value import FieldLabelColonValue
from jobspec.extract.rules.f02_field_label_value_row import FieldLabelValueRow
from jobspec.extract.rules.f03_field_blank_details_row import FieldBlankDetailsRow
from jobspec.extract.rules.f04_post_title_line import PostTitleLine
from jobspec.extract.rules.f05_post_organisation_name import PostOrganisationName
from jobspec.extract.rules.f06_post_organisation_in_prose import PostOrganisationInProse
from jobspec.extract.rules.f07_post_standalone_grade import PostStandaloneGrade
from jobspec.extract.rules.f08_post_grade_in_pay_line import PostGradeInPayLine
from jobspec.extract.rules.f09_field_label_then_value import FieldLabelThenValue
from jobspec.extract.rules.f10_field_value_continues_in_brackets import FieldValueContinuesInBrackets
from jobspec.extract.rules.f11_post_grade_in_title import PostGradeInTitle
from jobspec.extract.rules.f12_post_title_in_large_type import PostTitleInLargeType
from jobspec.extract.rules.f13_post_details_in_page_header import PostDetailsInPageHeader
from jobspec.extract.rules.h01_heading_bold_line import HeadingBoldLine
from jobspec.extract.rules.h02_heading_numbered_over_lettered import HeadingNumberedOverLettered
from jobspec.extract.rules.h03_heading_style import HeadingStyle
from jobspec.extract.rules.h04_heading_capitals_line import HeadingCapitalsLine
from jobspec.extract.rules.h05_heading_title_case_line import HeadingTitleCaseLine
from jobspec.extract.rules.h06_heading_colon_label import HeadingColonLabel
from jobspec.extract.rules.h07_heading_named_section import HeadingNamedSection
from jobspec.extract.rules.h08_heading_by_sub_heading import HeadingBySubHeading
from jobspec.extract.rules.h09_heading_numbered_over_prose import HeadingNumberedOverProse
from jobspec.extract.rules.i01_item_list_paragraph import ItemListParagraph
from jobspec.extract.rules.i02_item_typed_number import ItemTypedNumber
from jobspec.extract.rules.i03_item_typed_bullet import ItemTypedBullet
from jobspec.extract.rules.i04_item_numbered_row import ItemNumberedRow
from jobspec.extract.rules.ps01_person_spec_level_columns import PersonSpecLevelColumns
from jobspec.extract.rules.ps02_person_spec_tick_columns import PersonSpecTickColumns
from jobspec.extract.rules.ps03_person_spec_level_letter_column import PersonSpecLevelLetterColumn
from jobspec.extract.rules.ps04_person_spec_category_row import PersonSpecCategoryRow
from jobspec.extract.rules.ps05_person_spec_no_level_column import PersonSpecNoLevelColumn
from jobspec.extract.rules.ps06_person_spec_details_row import PersonSpecDetailsRow
from jobspec.extract.rules.ps07_person_spec_lead_in_row import PersonSpecLeadInRow
from jobspec.extract.rules.ps08_person_spec_level_label_line import PersonSpecLevelLabelLine
from jobspec.extract.rules.ps09_person_spec_inline_level import PersonSpecInlineLevel
from jobspec.extract.rules.ps10_person_spec_inline_methods import PersonSpecInlineMethods
from jobspec.extract.rules.ps11_person_spec_continued_columns import PersonSpecContinuedColumns
from jobspec.extract.rules.ps12_person_spec_header_columns import PersonSpecHeaderColumns
from jobspec.extract.rules.ps13_person_spec_lead_in_line import PersonSpecLeadInLine
from jobspec.extract.rules.ps14_person_spec_unlabelled_tick_columns import PersonSpecUnlabelledTickColumns
from jobspec.extract.rules.ps15_person_spec_repeated_header_row import PersonSpecRepeatedHeaderRow
from jobspec.extract.rules.pu01_purpose_section_items import PurposeSectionItems
from jobspec.extract.rules.pu02_purpose_role_summary_sentence import PurposeRoleSummarySentence
from jobspec.extract.rules.pu03_purpose_link_line_is_not_purpose import PurposeLinkLineIsNotPurpose
from jobspec.extract.rules.r01_review_criterion_is_a_label import ReviewCriterionIsALabel
from jobspec.extract.rules.r02_review_category_label_is_not_a_category import (
    ReviewCategoryLabelIsNotACategory,
)
from jobspec.extract.rules.r03_review_no_title import ReviewNoTitle
from jobspec.extract.rules.r04_review_empty_section import ReviewEmptySection
from jobspec.extract.rules.r05_review_person_spec_table_without_criteria import (
    ReviewPersonSpecTableWithoutCriteria,
)
from jobspec.extract.rules.r06_review_short_items import ReviewShortItems
from jobspec.extract.rules.r07_review_nothing_found import ReviewNothingFound
from jobspec.extract.rules.r08_review_broken_items import ReviewBrokenItems
from jobspec.extract.rules.r09_review_part_named_but_empty import ReviewPartNamedButEmpty
from jobspec.extract.rules.r10_review_levels_out_of_line import ReviewLevelsOutOfLine
from jobspec.extract.rules.s01_section_heading_words import SectionHeadingWords
from jobspec.extract.rules.s02_section_subheading_in_duties import SectionSubheadingInDuties
from jobspec.extract.rules.s03_section_level_heading import SectionLevelHeading
from jobspec.extract.rules.s04_section_category_heading import SectionCategoryHeading
from jobspec.extract.rules.s05_section_plain_line_in_person_spec import SectionPlainLineInPersonSpec
from jobspec.extract.rules.s06_section_person_spec_heading import SectionPersonSpecHeading
from jobspec.extract.rules.s07_section_numbered_heading import SectionNumberedHeading
from jobspec.extract.rules.s08_section_category_line import SectionCategoryLine
from jobspec.extract.rules.s09_section_field_names_section import SectionFieldNamesSection
from jobspec.extract.rules.s10_section_lead_in_names_section import SectionLeadInNamesSection
from jobspec.extract.rules.s11_section_statement_heading_in_duties import SectionStatementHeadingInDuties
from jobspec.extract.rules.s12_section_labelled_paragraphs import SectionLabelledParagraphs
from jobspec.extract.rules.s13_section_employer_name_line import SectionEmployerNameLine
from jobspec.extract.rules.t01_table_person_spec_by_level_header import TablePersonSpecByLevelHeader
from jobspec.extract.rules.t02_table_person_spec_by_ticks import TablePersonSpecByTicks
from jobspec.extract.rules.t03_table_category_rows_in_person_spec import TableCategoryRowsInPersonSpec
from jobspec.extract.rules.t04_table_person_spec_continuation import TablePersonSpecContinuation
from jobspec.extract.rules.t05_table_layout import TableLayout
from jobspec.extract.rules.t06_table_cells_flow import TableCellsFlow

#: Every rule, in the order it is asked within its stage.
RULES: tuple[type[Rule], ...] = (
    # block: typed numbers and bullets, then fields, then heading shapes, then plain paragraphs
    FieldLabelThenValue, HeadingBySubHeading, HeadingStyle, ItemListParagraph, ItemTypedNumber, FieldLabelColonValue, ItemTypedBullet,
    HeadingColonLabel, HeadingBoldLine, HeadingCapitalsLine, HeadingTitleCaseLine, HeadingNamedSection,
    BlockParagraph,
    # promote
    HeadingNumberedOverLettered, HeadingNumberedOverProse, FieldValueContinuesInBrackets,
    # table
    TablePersonSpecByLevelHeader, TablePersonSpecByTicks, TableCategoryRowsInPersonSpec,
    TablePersonSpecContinuation, TableLayout,
    # row (layout tables)
    ItemNumberedRow, FieldBlankDetailsRow, FieldLabelValueRow, TableCellsFlow,
    # ps-table, ps-row, cell-line, inline
    PersonSpecContinuedColumns, PersonSpecUnlabelledTickColumns, PersonSpecHeaderColumns,
    PersonSpecLeadInRow, PersonSpecRepeatedHeaderRow, PersonSpecCategoryRow, PersonSpecDetailsRow, PersonSpecLevelLetterColumn, PersonSpecTickColumns,
    PersonSpecLevelColumns, PersonSpecNoLevelColumn,
    PersonSpecLevelLabelLine, PersonSpecLeadInLine,
    PersonSpecInlineMethods, PersonSpecInlineLevel,
    # section
    SectionEmployerNameLine, SectionCategoryLine, SectionLeadInNamesSection, SectionFieldNamesSection, SectionLabelledParagraphs, SectionPlainLineInPersonSpec, SectionLevelHeading,
    SectionCategoryHeading, SectionPersonSpecHeading, SectionStatementHeadingInDuties, SectionSubheadingInDuties, SectionNumberedHeading,
    SectionHeadingWords,
    # duty
    DutyNoteIsNotADuty, DutyRoleSummaryIsPurpose, DutyPolicyStatementIsNotADuty, DutyDescriptionIsNotADuty,
    DutyLeadInIsNotADuty, DutyProseInItemlessSection,
    DutyToVerbParagraph, DutyProseAfterListCloses, DutyListItem, DutyItemsUnderNumberedHeadings,
    DutyItemsAfterDutyLeadIn,
    # criterion
    CriterionLeadInNamesCategory, CriterionColumnHeaderIsNotACriterion, CriterionLegendIsNotACriterion, CriterionStatementIsNotACriterion,
    CriterionListItem, CriterionParagraphInItemlessSection,
    # purpose
    PurposeLinkLineIsNotPurpose, PurposeSectionItems, PurposeRoleSummarySentence,
    # pay, post
    PostGradeInPayLine, PostDetailsInPageHeader, PostTitleLine, PostTitleInLargeType, PostGradeInTitle, PostOrganisationName, PostOrganisationInProse,
    PostStandaloneGrade,
    # review (every rule that matches adds a warning)
    ReviewNothingFound, ReviewCriterionIsALabel, ReviewCategoryLabelIsNotACategory, ReviewNoTitle,
    ReviewEmptySection, ReviewPersonSpecTableWithoutCriteria, ReviewShortItems, ReviewBrokenItems,
    ReviewPartNamedButEmpty, ReviewLevelsOutOfLine,
)
BY_CODE: dict[str, type[Rule]] = {r.code: r for r in RULES}
BY_NAME: dict[str, type[Rule]] = {r.name: r for r in RULES}

__all__ = ["RULES", "BY_CODE", "BY_NAME", "STAGES", "Rule", "Context", "find_rule", "rule_set", "BLOCK", "PROMOTE",
           "TABLE", "ROW", "PS_TABLE", "PS_ROW", "CELL_LINE", "INLINE", "SECTION", "DUTY", "CRITERION", "PURPOSE",
           "PAY", "POST", "REVIEW"]


def find_rule(code_or_name: str) -> type[Rule] | None:
    """A rule by code (case-insensitive) or dotted name."""
    return BY_CODE.get(code_or_name.strip().upper()) or BY_NAME.get(code_or_name.strip())


@lru_cache(maxsize=64)
def rule_set(without: frozenset[str] = frozenset()) -> tuple[Rule, ...]:
    """Instances of every rule, in order, leaving out the codes in ``without``."""
    return tuple(r() for r in RULES if r.code not in without)
