"""Plain sentences for the delivery reason ids the outbox records in ``last_error``.

The sender stores a stable message id (``delivery.timeout``, ``intake.conflict``…)
with each failed attempt; the main window turns it into a sentence the person
understands. Registered with :mod:`desktop.ui.messages` so ``message_for`` knows
them too.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication

from desktop.ui import messages


def _table() -> dict[str, Callable[[], str]]:
    # Literal strings in QCoreApplication.translate calls so lupdate finds them.
    translate = QCoreApplication.translate
    return {
        "delivery.connection_refused": lambda: translate(
            "DeliveryMessages", "the municipality's receiving service did not answer"),
        "delivery.certificate_wrong": lambda: translate(
            "DeliveryMessages", "the receiving service could not prove it is the municipality's "
                                "(wrong certificate), so nothing was sent"),
        "delivery.certificate_expired": lambda: translate(
            "DeliveryMessages", "the receiving service's certificate has expired, so nothing was sent"),
        "delivery.tls_failed": lambda: translate(
            "DeliveryMessages", "a secure connection to the municipality could not be made"),
        "delivery.timeout": lambda: translate(
            "DeliveryMessages", "the municipality's receiving service took too long to answer"),
        "delivery.server_error": lambda: translate(
            "DeliveryMessages", "the municipality's receiving service had a fault"),
        "delivery.too_large": lambda: translate(
            "DeliveryMessages", "the notification is larger than the receiving service accepts"),
        "delivery.server_busy": lambda: translate(
            "DeliveryMessages", "the municipality's receiving service is busy"),
        "delivery.connection_reset": lambda: translate(
            "DeliveryMessages", "the connection was broken before the municipality confirmed"),
        "delivery.no_connection": lambda: translate(
            "DeliveryMessages", "this PC is not connected to the internet"),
        "delivery.network_error": lambda: translate(
            "DeliveryMessages", "the network did not work"),
        "delivery.unexpected_answer": lambda: translate(
            "DeliveryMessages", "the receiving service gave an answer Underret does not understand"),
        "receipt.invalid_signature": lambda: translate(
            "DeliveryMessages", "the confirmation of delivery could not be checked as the municipality's"),
        "receipt.mismatch": lambda: translate(
            "DeliveryMessages", "the confirmation of delivery did not match this notification"),
        "receipt.malformed": lambda: translate(
            "DeliveryMessages", "the confirmation of delivery was damaged"),
        "intake.conflict": lambda: translate(
            "DeliveryMessages", "the municipality already has a different notification with the same "
                                "number"),
        "delivery.rejected": lambda: translate(
            "DeliveryMessages", "the municipality's receiving service refused it"),
        "intake.unknown_recipient_key": lambda: translate(
            "DeliveryMessages", "the municipality's receiving service cannot open it with the keys it holds "
                                "now (ask IT to check the intake keys)"),
        "intake.malformed": lambda: translate(
            "DeliveryMessages", "the municipality's receiving service found it damaged"),
        "intake.key_mismatch": lambda: translate(
            "DeliveryMessages", "the municipality's receiving service found its number did not match"),
        "delivery.not_authorised": lambda: translate(
            "DeliveryMessages",
            "the municipality's receiving service does not accept this PC yet (IT must set this PC up; the "
            "notification waits and goes as soon as that is done)"),
        "delivery.intake_unreachable": lambda: translate(
            "DeliveryMessages", "the municipality's receiving service could not be reached"),
        "delivery.proxy_failed": lambda: translate(
            "DeliveryMessages", "the network's proxy server did not let the connection through (ask IT)"),
        "delivery.interrupted": lambda: translate(
            "DeliveryMessages", "sending was stopped before the municipality answered"),
        "delivery.failed": lambda: translate(
            "DeliveryMessages", "it could not be delivered"),
        "delivery.misconfigured": lambda: translate(
            "DeliveryMessages", "the settings for sending on this PC are not right"),
        "delivery.not_configured": lambda: translate(
            "DeliveryMessages", "sending is not set up on this PC yet"),
        "delivery.municipality_not_reachable": lambda: translate(
            "DeliveryMessages", "the child's municipality cannot receive notifications through Underret "
                                "yet; phone the municipality"),
        "delivery.municipality_not_reachable_no_phone": lambda: translate(
            "DeliveryMessages", "the child's municipality cannot receive notifications through Underret "
                                "yet; phone the municipality"),
        "delivery.municipality_not_reachable_by_policy": lambda: translate(
            "DeliveryMessages", "this PC may not send to the child's municipality the way it receives "
                                "notifications; phone the municipality"),
        "delivery.municipality_not_reachable_by_policy_no_phone": lambda: translate(
            "DeliveryMessages", "this PC may not send to the child's municipality the way it receives "
                                "notifications; phone the municipality"),
        "delivery.plain_http_refused": lambda: translate(
            "DeliveryMessages", "the receiving address is not secure (https is required)"),
        "delivery.no_trust_anchor": lambda: translate(
            "DeliveryMessages", "this PC has no certificate to check the municipality's receiving service"),
        # Secure e-mail (sikker mail)
        "delivery.mail_no_starttls": lambda: translate(
            "DeliveryMessages", "the mail server does not offer an encrypted connection, so nothing was "
                                "sent"),
        "delivery.mail_deferred": lambda: translate(
            "DeliveryMessages", "the mail server asked to try again later"),
        "delivery.mail_mailbox_refused": lambda: translate(
            "DeliveryMessages", "the mail server refused the municipality's secure e-mail address (ask IT to "
                                "check it)"),
        "delivery.mail_sender_refused": lambda: translate(
            "DeliveryMessages", "the mail server refused the sender address IT has set up"),
        "delivery.mail_not_authorised": lambda: translate(
            "DeliveryMessages", "the mail server did not accept mail from this PC (ask IT)"),
        "delivery.mail_login_needed": lambda: translate(
            "DeliveryMessages", "IT must set up the mail login on this PC; the notification waits and goes "
                                "as soon as that is done"),
        "delivery.mail_certificate_untrusted": lambda: translate(
            "DeliveryMessages", "the certificate for the municipality's secure mailbox is not from an issuer "
                                "IT has approved, so nothing was sent (ask IT)"),
        "delivery.mail_certificate_wrong_usage": lambda: translate(
            "DeliveryMessages", "the certificate for the municipality's secure mailbox is not meant for "
                                "encrypted e-mail, so nothing was sent (ask IT)"),
        "delivery.mail_certificate_wrong_address": lambda: translate(
            "DeliveryMessages", "the certificate for the municipality's secure mailbox belongs to another "
                                "address, so nothing was sent (ask IT)"),
        "delivery.mail_certificate_not_yet_valid": lambda: translate(
            "DeliveryMessages", "the certificate for the municipality's secure mailbox is not valid yet, so "
                                "nothing was sent (ask IT)"),
        "delivery.mail_certificate_revoked": lambda: translate(
            "DeliveryMessages", "the certificate for the municipality's secure mailbox has been revoked, so "
                                "nothing was sent (ask IT)"),
        "delivery.mail_revocation_unknown": lambda: translate(
            "DeliveryMessages", "it could not be checked whether the certificate for the municipality's "
                                "secure mailbox has been revoked, so nothing was sent (ask IT)"),
        "delivery.mail_revocation_unchecked": lambda: translate(
            "DeliveryMessages", "it was sent, but it could not be checked whether the certificate for the "
                                "municipality's secure mailbox has been revoked (IT has been told)"),
        "delivery.mail_signing_unusable": lambda: translate(
            "DeliveryMessages", "the organisation certificate IT has set up for signing mail cannot be used "
                                "(ask IT)"),
        "delivery.mail_too_large": lambda: translate(
            "DeliveryMessages", "the notification is larger than the mail server accepts"),
        "delivery.mail_refused": lambda: translate(
            "DeliveryMessages", "the mail server refused the secure e-mail"),
        "delivery.mail_certificate_unusable": lambda: translate(
            "DeliveryMessages", "the certificate for the municipality's secure mailbox cannot be used "
                                "(ask IT)"),
        "delivery.mail_certificate_expired": lambda: translate(
            "DeliveryMessages", "the certificate for the municipality's secure mailbox has expired, so "
                                "nothing was sent (ask IT)"),
    }


#: Reasons after which the item is refused for good (FAILED): the person must act.
#: (A PC not accepted, a mail login or certificate problem: IT fixes those on this PC, and the
#: notification waits in the queue meanwhile; those are not refusals.)
PERMANENT_REASONS = frozenset({"intake.conflict", "delivery.rejected",
                               "intake.unknown_recipient_key", "intake.malformed", "intake.key_mismatch",
                               "delivery.mail_mailbox_refused", "delivery.mail_sender_refused",
                               "delivery.mail_too_large", "delivery.mail_refused"})


def reason_text(reason_id: str | None) -> str:
    """The reason as a short phrase (lower case, no full stop), for "Not sent yet: …"."""
    if not reason_id:
        return ""
    make = _table().get(reason_id)
    if make is None:
        return QCoreApplication.translate("DeliveryMessages", "an unexpected problem")
    return make()


def known_reasons() -> set[str]:
    """Every reason id with a phrase (tests check the outbox's ids are covered)."""
    return set(_table())


def _sentence(reason_id: str) -> Callable[[], str]:
    def make() -> str:
        phrase = reason_text(reason_id)
        return QCoreApplication.translate("DeliveryMessages", "Not sent yet: %1.").replace("%1", phrase)

    return make


#: Reasons whose whole sentence another module registers, with details only it has.
_SENTENCES_OF_THEIR_OWN = frozenset({"delivery.municipality_not_reachable",
                                     "delivery.municipality_not_reachable_no_phone",
                                     "delivery.municipality_not_reachable_by_policy",
                                     "delivery.municipality_not_reachable_by_policy_no_phone"})


def register() -> None:
    """Make the reasons known to ``desktop.ui.messages.message_for`` (full sentences)."""
    for reason_id in _table():
        if reason_id in _SENTENCES_OF_THEIR_OWN:
            continue  # the wizard's sentence names the municipality and its number (ui/wizard/finalising)
        if reason_id == "delivery.not_configured":
            messages.register(reason_id, lambda: QCoreApplication.translate(
                "DeliveryMessages", "Sending is not set up on this PC yet, so the notification cannot "
                                    "be sealed for the municipality. What you wrote is kept. Please "
                                    "contact IT, and phone the municipality if the matter is urgent."))
        else:
            messages.register(reason_id, _sentence(reason_id))
