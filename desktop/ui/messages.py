"""Turn error message ids into calm, translated sentences for the person at the PC.

Every layer raises :class:`desktop.errors.UnderretError` with a stable
``message_id``; this module is the shell's dictionary of them. Other UI areas
add their own ids with :func:`register` (a function returning the translated
text, so it follows a language switch).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication

from desktop.errors import UnderretError


class _Details(dict[str, str]):
    """Formatting map that leaves an unknown placeholder empty instead of failing."""

    def __missing__(self, key: str) -> str:
        return ""


def _table() -> dict[str, Callable[[], str]]:
    # Literal strings in QCoreApplication.translate calls so lupdate finds them.
    translate = QCoreApplication.translate
    return {
        "vault.wrong_passphrase": lambda: translate(
            "Messages", "The passphrase is not right. Check Caps Lock and try again."),
        "vault.wrong_key": lambda: translate(
            "Messages", "The saved key does not open this profile's data. Your data is untouched."),
        "vault.corrupt": lambda: translate(
            "Messages", "This profile's data file is damaged and cannot be opened. Nothing has been "
                        "deleted: the file is kept exactly as it is. Please contact IT, who may be able "
                        "to rescue what is in it."),
        "vault.too_new": lambda: translate(
            "Messages", "This profile was saved by a newer version of Underret. "
                        "Install the newer version to open it. The file has not been changed."),
        "vault.read_only": lambda: translate(
            "Messages", "Underret cannot write to the folder where this profile is kept. "
                        "Ask IT to give you write access. Nothing has been changed."),
        "vault.disk_full": lambda: translate(
            "Messages", "The disk is full, so Underret cannot save. Free some space and try again. "
                        "What you saved before is safe."),
        "vault.key_missing": lambda: translate(
            "Messages", "The key for this profile is no longer on this PC, so its data cannot be "
                        "opened. The file has been kept."),
        "vault.unlock_delayed": lambda: translate(
            "Messages", "Too many wrong passphrases. Please wait {wait_seconds} seconds and try again."),
        "vault.busy": lambda: translate(
            "Messages", "Another program is using this profile's data right now. Wait a moment and try "
                        "again."),
        "vault.migration_failed": lambda: translate(
            "Messages", "Underret could not update this profile's data to the new version. The data was "
                        "left as it was, and nothing has been lost. Please contact IT."),
        "notification.purged": lambda: translate(
            "Messages", "The content of this notification was removed after the retention period. "
                        "The record that you sent it, and any confirmation of delivery, are kept."),
        "vault.locked": lambda: translate(
            "Messages", "Underret is locked. Unlock it to continue."),
        "keyring.unavailable": lambda: translate(
            "Messages", "This PC's password storage cannot be used right now, so Underret cannot "
                        "remember the key for you. Choose a passphrase instead."),
        "unlock.keyring_unavailable": lambda: translate(
            "Messages", "This PC's password storage cannot be used right now, so Underret cannot fetch "
                        "the key to your notifications. If it is locked, unlock it and try again. "
                        "IT can help get it working again. Your data file is kept untouched."),
        "unlock.keyring_restore": lambda: translate(
            "Messages", "IT may be able to put the key back into this PC's password storage, for "
                        "example from a backup. Your data file is kept untouched."),
        "unlock.recovery_passphrase_needed": lambda: translate(
            "Messages", "This PC's password storage cannot give Underret the key right now. Type your "
                        "recovery passphrase to open your notifications."),
        "profile.exists": lambda: translate(
            "Messages", "A profile with that name already exists. Choose another name."),
        "notification.not_draft": lambda: translate(
            "Messages", "This notification has already been finalised and can no longer be changed."),
        "policy.invalid": lambda: translate(
            "Messages", "The settings from your municipality's IT cannot be used: in {file}, "
                        "the setting \"{setting}\" is wrong. Please contact IT.\n\nFor IT: {problem}"),
        "policy.bad_json": lambda: translate(
            "Messages", "The settings file from your municipality's IT ({file}) cannot be read. "
                        "Please contact IT.\n\nFor IT: {problem}"),
        "policy.unreadable": lambda: translate(
            "Messages", "The settings file from your municipality's IT ({file}) cannot be read. "
                        "Please contact IT.\n\nFor IT: {problem}"),
        "policy.missing_file": lambda: translate(
            "Messages", "A file named in the settings from your municipality's IT is missing "
                        "({file}, setting \"{setting}\"). Please contact IT.\n\nFor IT: {problem}"),
        "policy.unknown_setting": lambda: translate(
            "Messages", "The settings from your municipality's IT ({file}) contain an unknown "
                        "setting \"{setting}\". Please contact IT."),
        "policy.wrong_type": lambda: translate(
            "Messages", "In the settings from your municipality's IT ({file}), the setting "
                        "\"{setting}\" is wrong. Please contact IT.\n\nFor IT: {problem}"),
        "policy.out_of_range": lambda: translate(
            "Messages", "In the settings from your municipality's IT ({file}), the setting "
                        "\"{setting}\" is out of range. Please contact IT.\n\nFor IT: {problem}"),
        "policy.bad_value": lambda: translate(
            "Messages", "In the settings from your municipality's IT ({file}), the setting "
                        "\"{setting}\" is wrong. Please contact IT.\n\nFor IT: {problem}"),
        "vault.error": lambda: translate(
            "Messages", "This profile's data cannot be opened. The file has been left as it is."),
        "vault.missing": lambda: translate(
            "Messages", "The data file of this profile is missing, so it cannot be opened. "
                        "You can start a new profile."),
        "vault.io_error": lambda: translate(
            "Messages", "The PC reported a problem reading or writing the disk. Nothing has been "
                        "deleted. Try again, and contact IT if it keeps happening."),
        "profile.not_found": lambda: translate("Messages", "This profile no longer exists on this PC."),
        "profile.corrupt": lambda: translate(
            "Messages", "This profile's file (profile.json) is damaged, so the profile cannot be "
                        "opened. Nothing has been deleted: its files are kept exactly as they are. "
                        "Please contact IT."),
        "notification.not_finalised": lambda: translate(
            "Messages", "This notification is still a draft."),
        "notification.not_found": lambda: translate(
            "Messages", "This notification is no longer on this PC."),
        "settings.managed": lambda: translate(
            "Messages", "This setting is set by your municipality's IT and cannot be changed here."),
        "settings.not_user_changeable": lambda: translate(
            "Messages", "Only your municipality's IT can change this setting."),
        "settings.invalid_value": lambda: translate(
            "Messages", "That value cannot be used for this setting: {problem}"),
        "settings.error": lambda: translate("Messages", "The setting could not be changed."),
        "settings.unknown": lambda: translate("Messages", "The setting could not be changed."),
        "settings.file_corrupt": lambda: translate(
            "Messages", "Your personal settings could not be read, so the standard settings are "
                        "used. The old file was kept as {kept_as}."),
        "pack.invalid": lambda: translate(
            "Messages", "The guideline pack {file} cannot be used ({path}: {problem}). "
                        "The last good pack stays in use."),
        "profile.name_missing": lambda: translate("Messages", "Please type your name."),
        "passphrase.too_short": lambda: translate(
            "Messages", "The passphrase must have at least {minimum} characters."),
        "passphrase.mismatch": lambda: translate("Messages", "The two passphrases are not the same."),
        "error.unknown": lambda: translate(
            "Messages", "Something unexpected went wrong. Nothing you saved has been lost."),
    }


def _builtin(message_id: str) -> str | None:
    make = _table().get(message_id)
    return None if make is None else make()


_BUILTIN_IDS = frozenset(_table())


_REGISTERED: dict[str, Callable[[], str]] = {}


def register(message_id: str, text: Callable[[], str]) -> None:
    """Add a message id from another UI area (``text`` returns the translated sentence)."""
    _REGISTERED[message_id] = text


def text_for(message_id: str, **details: str) -> str:
    """The translated sentence for ``message_id``, with ``details`` filled in."""
    make = _REGISTERED.get(message_id)
    template = make() if make is not None else _builtin(message_id)
    if template is None:
        template = _builtin("error.unknown") or ""
    return template.format_map(_Details(details))


def message_for(error: BaseException) -> str:
    """The translated sentence for an error raised anywhere below the UI."""
    if isinstance(error, UnderretError):
        return text_for(error.message_id, **error.details)
    return text_for("error.unknown")


def known_ids() -> set[str]:
    """Every message id that has a sentence (tests check the store's and config's ids are covered)."""
    ids = set(_REGISTERED)
    ids.update(_BUILTIN_IDS)
    return ids

