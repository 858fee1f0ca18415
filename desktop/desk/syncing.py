"""The desk's sync with its intake: fetch what is new, take the other desks' status, relay messages.

Envelopes are fetched by number (the intake lists them; the desk asks from a little below the highest
it holds, since on PostgreSQL a lower number can commit after a higher one), verified and decrypted in
memory, and kept in the vault; one that cannot be opened is kept as it came, with why, and tried again
after a key import. The next page downloads while this one is decrypted and the last one is written.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass

from desktop.desk.core import DeskCore, DeskNotSetUp
from desktop.desk.inbox_client import InboxClient
from desktop.desk.opening import EnvelopeUnopenable, open_fetched
from desktop.desk.store.handling import Step
from desktop.desk.store.received import IncomingNotification
from desktop.desk.store.unopened import UnopenedEnvelope
from desktop.desk.store.vault import DeskVault
from desktop.errors import UnderretError
from protocol.inbox import EnvelopeItem, StatusRecord

log = logging.getLogger(__name__)

#: The shared step a message to the notifier stands for.
MESSAGE_STEPS = {"acknowledgement": Step.ACKNOWLEDGED, "orientation": Step.ORIENTED}


def _claimed_here(vault: DeskVault, notification_id: str, kind: str, initials: str) -> bool:
    """Whether the step of a kept but unclaimed message is, by the shared status, this desk's: its claim
    reached the intake but the answer did not reach the desk (lost, the PC switched off)."""
    step = MESSAGE_STEPS.get(kind)
    if step is None:
        return False
    done = vault.handling.get(notification_id).done(step)
    return done is not None and done.by == initials

FETCH_PAGE = 100
#: How far below the highest number held the desk asks the intake again (see ``_fetch``).
RESCAN = 1000


@dataclass(frozen=True)
class SyncResult:
    """What one pass with the intake did."""

    new: int
    unopened: int
    status_updates: int
    relayed: int


class Syncing(DeskCore):
    """Fetching, status and relaying (part of the desk's service)."""

    def sync(self) -> SyncResult:
        """Fetch new envelopes, take the other desks' status and relay sealed messages."""
        client = self._intake()
        if client is None:
            raise DeskNotSetUp("this desk is not enrolled with an intake", message_id="desk.not_enrolled")
        new, unopened = self._fetch(client)
        updates = self._pull_status(client)
        relayed = self.relay_waiting()
        return SyncResult(new, unopened, updates, relayed)

    def _keys(self) -> tuple[dict[str, object], bytes]:
        """The recipient keys as ready key objects (made once per sync, not once per envelope: each
        takes a millisecond to expand) and the intake's receipt key."""
        import base64

        from protocol.envelope import EnvelopeError, RecipientPrivateKey

        with self._locked() as vault:
            raw = vault.keys.recipient_private_keys()
            receipt_key = base64.b64decode(vault.settings.get("receipt_public_key"))
        keys: dict[str, object] = {}
        for key_id, private in raw.items():
            try:
                keys[key_id] = RecipientPrivateKey(key_id, private).hpke_key()
            except EnvelopeError:
                keys[key_id] = private  # opening names the problem for the envelope that needs it
        return keys, receipt_key

    def _fetch(self, client: InboxClient) -> tuple[int, int]:
        """Fetch every envelope this vault lacks: the intake's numbers from a little below the highest held
        (on PostgreSQL a lower number can commit after a higher one), then the missing ones by number."""
        keys, receipt_key = self._keys()
        with self._locked() as vault:
            low = max(0, max(vault.received.last_seq(), vault.unopened.highest_seq()) - RESCAN)
            held = vault.received.seqs_above(low)
        missing: list[int] = []
        after, more = low, True
        while more:
            numbers, more = client.seqs_after(after)
            missing += [seq for seq in numbers if seq not in held]
            if not numbers:
                break
            after = numbers[-1]
        pages = [missing[start:start + FETCH_PAGE] for start in range(0, len(missing), FETCH_PAGE)]
        counts = [0, 0]

        def keep(opened: list[IncomingNotification], failed: list[UnopenedEnvelope]) -> None:
            with self._locked() as vault:
                counts[0] += len(vault.received.add_many(opened))
                for item in failed:
                    vault.unopened.keep(item)
            counts[1] += len(failed)

        # Three steps overlap: the next page comes over the network while this one is decrypted and
        # the one before is written into the vault (each waits in C - sockets, crypto, SQLCipher).
        from concurrent.futures import Future, ThreadPoolExecutor

        with ThreadPoolExecutor(max_workers=2, thread_name_prefix="desk-fetch") as pool:
            fetching = pool.submit(client.envelopes_by_seq, pages[0]) if pages else None
            writing: Future[None] | None = None
            for number in range(len(pages)):
                assert fetching is not None
                items = fetching.result()
                if number + 1 < len(pages):
                    fetching = pool.submit(client.envelopes_by_seq, pages[number + 1])
                opened, failed = self.open_items(items, keys, receipt_key)
                if writing is not None:
                    writing.result()
                writing = pool.submit(keep, opened, failed)
            if writing is not None:
                writing.result()
        return counts[0], counts[1]

    @staticmethod
    def open_items(items: list[EnvelopeItem], keys: Mapping[str, object],
                   receipt_key: bytes) -> tuple[list[IncomingNotification], list[UnopenedEnvelope]]:
        """Verify and decrypt fetched envelopes (no vault needed): the opened ones and the rest, with why."""
        opened: list[IncomingNotification] = []
        failed: list[UnopenedEnvelope] = []
        for item in items:
            try:
                opened.append(open_fetched(item, private_keys=keys, receipt_public_key=receipt_key))
            except EnvelopeUnopenable as exc:
                log.warning("desk: envelope %d could not be opened (%s)", item.seq, exc.message_id)
                failed.append(UnopenedEnvelope(item.seq, item.notification_id, item.envelope,
                                               item.receipt_json, item.receipt_signature, exc.message_id))
        return opened, failed

    def retry_unopened(self) -> int:
        """Try the envelopes that could not be opened again (after a key import); how many opened now."""
        keys, receipt_key = self._keys()
        with self._locked() as vault:
            waiting = vault.unopened.all()
        items = [EnvelopeItem(u.seq, u.notification_id, u.envelope, u.receipt_json, u.receipt_signature)
                 for u in waiting]
        opened, _ = self.open_items(items, keys, receipt_key)
        with self._locked() as vault:
            vault.received.add_many(opened)
            for item in opened:
                vault.unopened.forget(item.seq)
        return len(opened)

    def _pull_status(self, client: InboxClient) -> int:
        """Every status record the other desks made since the last pass, page by page (a desk enrolled
        later catches up on all of them at once, not a page every few minutes)."""
        with self._locked() as vault:
            cursor = int(vault.settings.get("status_cursor", "0") or 0)
        changed = 0
        more = True
        while more:
            records, new_cursor, more = client.status_since(cursor)
            with self._locked() as vault:
                for record in records:
                    changed += self._mirror(vault, record)
                vault.settings.set("status_cursor", str(new_cursor))
            if new_cursor <= cursor:
                break  # nothing moved: never ask the same page again
            cursor = new_cursor
        return changed

    @staticmethod
    def _mirror(vault: DeskVault, record: StatusRecord) -> int:
        try:
            return int(vault.handling.mirror(record.notification_id, Step(record.step), record.at,
                                             record.initials))
        except (ValueError, UnderretError):
            return 0

    def relay_waiting(self) -> int:
        """Hand every sealed message the intake does not have yet to it; how many went."""
        client = self._intake()
        if client is None:
            return 0
        with self._locked() as vault:
            initials = str(vault.settings.get("initials", "") or "")
            waiting = []
            for message in vault.outgoing.waiting():
                if not message.claimed:
                    if not _claimed_here(vault, message.notification_id, message.kind, initials):
                        continue  # not (yet) this desk's: the caseworker sends again, or another desk did
                    vault.outgoing.mark_claimed(message.message_id)  # claimed; the answer was lost
                waiting.append(message)
        for message in waiting:
            client.relay_message(message.message_id, message.mailbox_id, message.body)
            with self._locked() as vault:
                vault.outgoing.mark_relayed(message.message_id)
        return len(waiting)
