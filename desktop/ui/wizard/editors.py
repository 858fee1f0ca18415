"""Which editor draws which field type."""

from __future__ import annotations

from desktop.domain.forms import FieldType
from desktop.ui.wizard.choices import (
    ChoiceEditor,
    MultiChoiceEditor,
    ScaleEditor,
    YesNoEditor,
    YesNoWhyEditor,
)
from desktop.ui.wizard.fields import (
    CprEditor,
    DateEditor,
    DateTimeEditor,
    FieldEditor,
    LongTextEditor,
    PersonEditor,
    QuoteEditor,
    ShortTextEditor,
)
from desktop.ui.wizard.municipality_picker import MunicipalityEditor

#: Editors for fields that can also stand inside a repeatable group.
EDITORS: dict[FieldType, type[FieldEditor]] = {
    FieldType.SHORT_TEXT: ShortTextEditor,
    FieldType.LONG_TEXT: LongTextEditor,
    FieldType.QUOTE: QuoteEditor,
    FieldType.DATE: DateEditor,
    FieldType.DATETIME: DateTimeEditor,
    FieldType.SINGLE_CHOICE: ChoiceEditor,
    FieldType.MULTI_CHOICE: MultiChoiceEditor,
    FieldType.YES_NO: YesNoEditor,
    FieldType.YES_NO_WHY: YesNoWhyEditor,
    FieldType.PERSON: PersonEditor,
    FieldType.CPR: CprEditor,
    FieldType.SCALE: ScaleEditor,
    FieldType.MUNICIPALITY: MunicipalityEditor,
}


def make_editor(field_type: FieldType) -> type[FieldEditor]:
    """The editor class for any field type that holds an answer."""
    if field_type is FieldType.SIGNAL_CHECKLIST:
        from desktop.ui.wizard.signal_checklist import SignalChecklistEditor

        return SignalChecklistEditor
    if field_type is FieldType.BODY_MAP:
        from desktop.ui.wizard.bodymap_editor import BodyMapEditor

        return BodyMapEditor
    if field_type is FieldType.ATTACHMENTS:
        from desktop.ui.wizard.attachments_editor import AttachmentsEditor

        return AttachmentsEditor
    if field_type is FieldType.REPEATABLE_GROUP:
        from desktop.ui.wizard.group_editor import RepeatableGroupEditor

        return RepeatableGroupEditor
    return EDITORS[field_type]
