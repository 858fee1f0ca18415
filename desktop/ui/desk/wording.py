"""How the desk words its codes and times: grounds, professions, age, deadlines, who did what.

Every text goes through Qt's translation (context ``DeskWording``); Danish is the default.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from PySide6.QtCore import QCoreApplication, QObject

from desktop.desk.received import ReceivedNotification, age_text_parts
from desktop.desk.store.handling import Handling, Step
from desktop.desk.store.received import split_list
from desktop.domain.deadlines import DANISH_TIME

translate = QCoreApplication.translate


class DeskCounts(QObject):
    """Counted words ("%n months"): Qt's plural forms are found by lupdate only in ``self.tr``."""

    def months(self, n: int) -> str:
        return self.tr("%n month(s)", "", n)

    def years(self, n: int) -> str:
        return self.tr("%n year(s)", "", n)

    def days(self, n: int) -> str:
        return self.tr("%n day(s)", "", n)


_COUNTS: DeskCounts | None = None


def counts() -> DeskCounts:
    global _COUNTS
    if _COUNTS is None:
        _COUNTS = DeskCounts()
    return _COUNTS


def ground_text(code: str) -> str:
    """A § 133 ground in words."""
    texts = {
        "special_support": translate("DeskWording", "May need special support"),
        "unborn_child": translate("DeskWording", "Unborn child"),
        "school_absence": translate("DeskWording", "Unlawful school absence"),
        "abuse": translate("DeskWording", "Abuse"),
    }
    return texts.get(code, code)


def short_ground_text(code: str) -> str:
    """A § 133 ground in a word or two, with its number (the inbox's column)."""
    texts = {
        "special_support": translate("DeskWording", "Support (no. 1)"),
        "unborn_child": translate("DeskWording", "Unborn (no. 2)"),
        "school_absence": translate("DeskWording", "Absence (no. 3)"),
        "abuse": translate("DeskWording", "Abuse (no. 4)"),
    }
    return texts.get(code, code)


def grounds_text(joined: str, *, short: bool = False) -> str:
    words = short_ground_text if short else ground_text
    return ", ".join(words(code) for code in split_list(joined))


def age_text(notification: ReceivedNotification, today: date) -> str:
    """The child's age in words ("7 years", "4 months", "unborn")."""
    kind, value = age_text_parts(notification, today)
    if kind == "unborn":
        return translate("DeskWording", "unborn")
    if kind == "months":
        return counts().months(value)
    if kind == "years":
        return counts().years(value)
    return translate("DeskWording", "age unknown")


def age_from_row(birth_text: str | None, unborn: bool, today: date) -> str:
    """The age column from the inbox row's stored birth date."""
    if unborn:
        return translate("DeskWording", "unborn")
    if not birth_text:
        return ""
    birth = date.fromisoformat(birth_text)
    months = (today.year - birth.year) * 12 + today.month - birth.month - (today.day < birth.day)
    if months < 0:
        return ""
    if months < 12:
        return counts().months(months)
    return counts().years(months // 12)


def cpr_text(digits: str | None) -> str:
    return f"{digits[:6]}-{digits[6:]}" if digits else ""


def _danish(moment: datetime | str) -> datetime:
    when = datetime.fromisoformat(moment) if isinstance(moment, str) else moment
    return when.astimezone(DANISH_TIME)


def local_time(moment: datetime | str | None) -> str:
    """A time in Danish local time, short form (``24.11.2026 14.05``: Danes write the time with a dot).

    Formatted in Python, not with QLocale and QTimeZone: a list shows thousands of these, and each
    Qt time-zone object took half a millisecond to make.
    """
    if moment is None or moment == "":
        return ""
    return _danish(moment).strftime("%d.%m.%Y %H.%M")


def due_day_text(moment: datetime | str) -> str:
    """A deadline that runs to the end of a day, as that day: "by Thursday 26.11.2026" (its end is
    midnight after it, which as "27.11.2026 00:00" reads as a day more than there is)."""
    local = _danish(moment)
    if local.time() != time(0):
        return local_time(moment)
    day = local.date() - timedelta(days=1)
    names = (translate("DeskWording", "Monday"), translate("DeskWording", "Tuesday"),
             translate("DeskWording", "Wednesday"), translate("DeskWording", "Thursday"),
             translate("DeskWording", "Friday"), translate("DeskWording", "Saturday"),
             translate("DeskWording", "Sunday"))
    return (translate("DeskWording", "by %1 %2").replace("%1", names[day.weekday()])
            .replace("%2", day.strftime("%d.%m.%Y")))


def time_left(left: timedelta) -> str:
    """Time left before a deadline ("in 5 h 10 min", "in 3 days") or how long it is overdue."""
    seconds = int(left.total_seconds())
    late = seconds < 0
    seconds = abs(seconds)
    hours, minutes = seconds // 3600, (seconds % 3600) // 60
    if hours >= 48:
        amount = counts().days(hours // 24)
    elif hours >= 3:  # minutes no longer matter, and the column stays narrow
        amount = translate("DeskWording", "%1 h").replace("%1", str(hours))
    elif hours:
        amount = translate("DeskWording", "%1 h %2 min").replace("%1", str(hours)).replace("%2", str(minutes))
    else:
        amount = translate("DeskWording", "%1 min").replace("%1", str(minutes))
    if late:
        return translate("DeskWording", "overdue by %1").replace("%1", amount)
    return translate("DeskWording", "in %1").replace("%1", amount)


def short_date(moment: str | datetime | None) -> str:
    """A day in Danish local time, short form (``24.11.``)."""
    if moment is None or moment == "":
        return ""
    return _danish(moment).strftime("%d.%m.")


def done_text(initials: str | None, at: str | datetime | None) -> str:
    """Who did a step and when ("AB, 24.11.2026 14.05")."""
    when = local_time(at)
    return f"{initials}, {when}" if initials else when


def step_text(step: str) -> str:
    texts = {
        "opened": translate("DeskWording", "Opened"),
        "assessed": translate("DeskWording", "Assessed"),
        "acknowledged": translate("DeskWording", "Receipt sent"),
        "oriented": translate("DeskWording", "Told of the outcome"),
        "handed_over": translate("DeskWording", "Handed over"),
    }
    return texts.get(step, step)


def profession_text(code: str) -> str:
    texts = {
        "teacher": translate("DeskWording", "Teacher"),
        "educator": translate("DeskWording", "Educator"),
        "health": translate("DeskWording", "Health staff"),
        "social": translate("DeskWording", "Social worker / PPR"),
        "leader": translate("DeskWording", "Leader"),
        "other": translate("DeskWording", "Other"),
    }
    return texts.get(code, code)


def repeat_headline(ordinal_in_window: int, ordinal: int | None = None) -> str:
    """"3. underretning om dette barn på 12 måneder"; with older ones too, the number in all first:
    "12. underretning om dette barn (den 4. på 12 måneder)" (eleven earlier must never read as three)."""
    if ordinal is not None and ordinal > ordinal_in_window:
        text = translate("DeskWording", "Notification no. %1 about this child (no. %2 in 12 months)")
        return text.replace("%1", str(ordinal)).replace("%2", str(ordinal_in_window))
    text = translate("DeskWording", "Notification no. %1 about this child in 12 months")
    return text.replace("%1", str(ordinal_in_window))


def handling_state(handling: Handling | None) -> str:
    """What became of a linked notification, from its shared steps: the furthest of handed over, told of
    the outcome, receipt sent, assessed; or not assessed (every desk shows the same)."""
    for step in (Step.HANDED_OVER, Step.ORIENTED, Step.ACKNOWLEDGED, Step.ASSESSED):
        if handling is not None and handling.done(step) is not None:
            return step_text(step.value)
    return translate("DeskWording", "Not assessed")


def reason_text(message_id: str) -> str:
    """Why something could not be done, in words the caseworker can act on."""
    texts = {
        "desk.intake_unavailable": translate(
            "DeskWording", "The intake cannot be reached just now. Nothing was lost; try again in a moment."),
        "desk.not_enrolled": translate(
            "DeskWording", "The intake does not accept this desk. Ask IT for a new enrolment token."),
        "desk.not_set_up": translate("DeskWording", "This desk is not set up yet: choose Set up desk."),
        "desk.no_initials": translate("DeskWording", "Enter your initials under Set up desk first."),
        "desk.initials_invalid": translate("DeskWording", "Initials are one to six letters."),
        "desk.step_taken": translate("DeskWording", "Another caseworker did this first."),
        "desk.no_reply_key": translate(
            "DeskWording", "This notification was sent by an older version of Underret that cannot receive "
            "a receipt. Send the receipt by letter or secure mail."),
        "desk.no_signing_key": translate(
            "DeskWording", "The key that signs receipts has not been imported. Import it under Set up desk."),
        "desk.no_unit": translate("DeskWording", "Enter the unit's name under Set up desk first."),
        "desk.acknowledge_first": translate(
            "DeskWording", "Send the receipt first; the outcome (§ 137) can be told after it."),
        "desk.no_message_format": translate(
            "DeskWording", "This version of the desk cannot send messages to notifiers yet."),
        "desk.key_file_refused": translate("DeskWording", "This file is not a key the desk can use."),
        "desk.key_file_public": translate(
            "DeskWording", "This is a public key. The desk needs the private key file from IT."),
        "desk.key_id_taken": translate("DeskWording", "The desk already holds another key with this id."),
        "export.out_not_empty": translate("DeskWording", "Choose a new or empty folder."),
        "export.out_not_a_folder": translate("DeskWording", "Choose a folder."),
        "export.out_not_yours": translate("DeskWording", "Choose a folder of your own."),
        "export.out_unusable": translate("DeskWording", "The folder cannot be written to."),
        "export.write_failed": translate(
            "DeskWording", "The hand-over could not be written; what was written has been removed again."),
        "export.notification_unreadable": translate(
            "DeskWording", "This notification cannot be exported for the case system. Print it instead."),
        "export.not_schema_v2": translate(
            "DeskWording", "This notification cannot be exported for the case system. Print it instead."),
        "export.unexpected_file": translate(
            "DeskWording", "This notification holds a file Underret never sends, so it is not handed over. "
                           "Ask IT to look at it."),
        "desk.certificate_invalid": translate(
            "DeskWording", "The files are not a desk certificate and its private key."),
        "desk.intake_not_https": translate("DeskWording", "The intake address must start with https://."),
        "desk.intake_certificate_untrusted": translate(
            "DeskWording", "The intake's certificate could not be checked. If the municipality uses its own "
                           "CA, give its CA certificate file from IT."),
        "desk.intake_wrong_address": translate(
            "DeskWording", "No intake answers at this address. Check the address with IT."),
    }
    fallback = translate("DeskWording", "Something went wrong (%1).").replace("%1", message_id)
    return texts.get(message_id, fallback)


def unopened_reason(message_id: str) -> str:
    """Why a fetched envelope could not be opened, in words a caseworker can pass on to IT."""
    texts = {
        "envelope.no_key": translate(
            "DeskWording", "None of this desk's keys fits: import the municipality's newer key."),
        "envelope.wrong_key": translate("DeskWording", "The key with this id does not open it."),
        "envelope.bad_key": translate("DeskWording", "A key in this desk is damaged."),
        "envelope.signature_invalid": translate(
            "DeskWording", "The sender's signature does not match: the envelope was changed on the way."),
        "envelope.payload_damaged": translate("DeskWording", "The envelope is damaged."),
        "envelope.payload_malformed": translate("DeskWording", "The envelope is damaged."),
        "envelope.files_mismatch": translate("DeskWording", "The envelope's files do not match its list."),
        "envelope.file_hash_mismatch": translate("DeskWording", "A file in the envelope was changed."),
        "envelope.malformed": translate("DeskWording", "This is not an envelope Underret can read."),
        "envelope.unsupported_version": translate(
            "DeskWording", "The envelope is from a newer version of Underret: update the desk."),
        "receipt.invalid_signature": translate(
            "DeskWording",
            "The intake's confirmation of delivery does not verify: ask IT to check the intake."),
        "receipt.mismatch": translate(
            "DeskWording", "The intake's confirmation of delivery is for another envelope."),
        "receipt.malformed": translate("DeskWording", "The intake's confirmation of delivery is damaged."),
        "desk.envelope_mismatch": translate("DeskWording", "The envelope holds another notification."),
        "desk.document_unreadable": translate("DeskWording", "The notification inside cannot be read."),
        "desk.unexpected_file": translate(
            "DeskWording",
            "It holds a file Underret never sends (it may be a program): ask IT to look at it."),
    }
    return texts.get(message_id, translate("DeskWording", "It cannot be opened (%1).").replace("%1",
                                                                                               message_id))
