"""The domain's validation problems as calm sentences in the person's language."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication

from desktop.domain.validation import Problem


def _table() -> dict[str, Callable[[], str]]:
    # Literal strings in translate() calls so lupdate finds them.
    translate = QCoreApplication.translate
    return {
        "field.required": lambda: translate("WizardProblems", "Please fill this in."),
        "field.too_long": lambda: translate(
            "WizardProblems", "This text is too long: at most {max} characters (now {length})."),
        "field.too_short": lambda: translate("WizardProblems", "Please write a little more here."),
        "field.email": lambda: translate("WizardProblems", "This does not look like an e-mail address."),
        "field.phone": lambda: translate("WizardProblems", "This does not look like a phone number."),
        "field.date_format": lambda: translate(
            "WizardProblems", "Write the date as day-month-year, e.g. 24-12-2019."),
        "field.datetime_format": lambda: translate(
            "WizardProblems",
            "Write the date and time as day-month-year hours:minutes, e.g. 24-12-2019 08:15."),
        "field.date_future": lambda: translate("WizardProblems", "This date lies in the future."),
        "field.date_past": lambda: translate("WizardProblems", "This date lies in the past."),
        "field.date_too_far_ahead": lambda: translate(
            "WizardProblems", "This date is more than {days} days ahead."),
        "field.date_too_far_back": lambda: translate(
            "WizardProblems", "This date is more than {days} days back."),
        "field.choice_unknown": lambda: translate("WizardProblems", "Please choose one of the options."),
        "field.wrong_shape": lambda: translate("WizardProblems", "Please fill this in again."),
        "field.why_not_required": lambda: translate(
            "WizardProblems", "Please write why the parent has not been told."),
        "field.too_many_items": lambda: translate("WizardProblems", "At most {max} can be added here."),
        "person.name_required": lambda: translate("WizardProblems", "Please write the person's name."),
        "cpr.format": lambda: translate("WizardProblems", "A CPR number has ten digits, e.g. 241219-1234."),
        "cpr.date": lambda: translate(
            "WizardProblems", "The first six digits of the CPR number are not a real date (DDMMYY)."),
        "cpr.future": lambda: translate(
            "WizardProblems", "This CPR number gives a birth date in the future. Please check that it is "
                              "typed correctly."),
        "cpr.modulus11": lambda: translate(
            "WizardProblems", "Please check that the CPR number is typed correctly. You can go on."),
        "child.adult": lambda: translate(
            "WizardProblems",
            "With this birth date the child is 18 or older. A notification must be about a child under "
            "18. Please check that it is typed correctly."),
        "child.not_born": lambda: translate(
            "WizardProblems", "With this birth date the child is not born yet. Please check that it is "
                              "typed correctly; for an unborn child, choose that at the top of the page."),
        "signals.unknown": lambda: translate(
            "WizardProblems", "{count} ticked signs are no longer in the guidelines and will be left out."),
        "family.told_despite_suspicion": lambda: translate(
            "WizardProblems", "You have answered that you suspect violence or abuse at home, and that a "
                              "parent knows about the notification. Please write under \u201cWhat "
                              "happened?\u201d when and how the parent came to know."),
    }


def problem_text(problem: Problem) -> str:
    """The sentence for one problem (a general one for an id this version does not know)."""
    maker = _table().get(problem.message_id)
    if maker is None:
        return QCoreApplication.translate("WizardProblems", "Please check this field.")
    text = maker()
    for key, value in problem.params.items():
        text = text.replace("{" + key + "}", value)
    return text
