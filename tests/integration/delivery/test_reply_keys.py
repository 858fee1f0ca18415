"""Each finalised notification carries its own reply key, and the vault keeps what reads the answers."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from desktop.domain.forms import load_form
from desktop.domain.packs import national_pack
from desktop.outbox.finalise import finalise_notification
from desktop.store.vault import Vault
from protocol.envelope import open_envelope
from protocol.messages import Orientation, new_message_id, open_message, seal_message
from protocol.replies import ReplyKey
from tests.support.answers import complete_answers_for

if TYPE_CHECKING:
    from tests.integration.delivery.conftest import IntakeKeys


def _finalised(vault: Vault, intake_keys: IntakeKeys) -> tuple[str, bytes]:
    draft = vault.notifications.create_draft(complete_answers_for(), "review", "EÆ")
    finalise_notification(vault, draft, load_form(), national_pack(), [intake_keys.recipient.public()], "da",
                          datetime.now(UTC))
    [item] = [i for i in vault.outbox.due(datetime.now(UTC)) if i.notification_id == draft]
    return draft, item.envelope


def test_the_municipalitys_answer_to_a_notification_opens_with_the_key_its_vault_kept(
    vault: Vault, intake_keys: IntakeKeys
) -> None:
    first, first_envelope = _finalised(vault, intake_keys)
    _, second_envelope = _finalised(vault, intake_keys)
    keys = {intake_keys.recipient.key_id: intake_keys.recipient}
    reply_keys = [open_envelope(env, keys).reply_key for env in (first_envelope, second_envelope)]
    assert reply_keys[0] is not None and reply_keys[1] is not None
    assert reply_keys[0].mailbox_id != reply_keys[1].mailbox_id  # one per notification: not linkable
    seed = vault.reply_keys.seed(first)
    assert seed is not None and ReplyKey(seed).public() == reply_keys[0]

    # The desk answers the reply key it found in the envelope; the app reads it with the vault's seed.
    municipality = Ed25519PrivateKey.generate()
    now = datetime.now(UTC).replace(microsecond=0)
    orientation = Orientation(first, new_message_id(), now, now, "support", "Børnerådgivningen", "SAG-12")
    sealed = seal_message(orientation, signing_key=municipality, signing_key_id="k", reply_key=reply_keys[0])
    trusted = {"k": municipality.public_key().public_bytes_raw()}
    assert open_message(sealed, reply_key=ReplyKey(seed), notification_id=first,
                        trusted_signing_keys=trusted) == orientation


def test_the_reply_key_outlives_the_content_purge_because_the_orientation_may_come_later(
    vault: Vault, intake_keys: IntakeKeys
) -> None:
    draft, _ = _finalised(vault, intake_keys)
    seed = vault.reply_keys.seed(draft)
    vault.notifications.purge_content(draft)
    assert vault.reply_keys.seed(draft) == seed
    assert vault.reply_keys.seed(vault.notifications.create_draft({}, "start", "")) is None
