"""Attachments live in the vault with their draft: stored, listed, removed, limited, and gone with it."""

from __future__ import annotations

import hashlib

import pytest

from desktop.domain.attachments import MAX_FILES, MAX_TOTAL_BYTES
from desktop.errors import UnderretError
from desktop.store.attachments import AttachmentMissing
from desktop.store.errors import NotADraft
from desktop.store.vault import Vault

JPEG = b"\xff\xd8\xff\xe0" + b"sanitised jpeg bytes" * 10
PDF = b"%PDF-1.7\n...\nstartxref\n9\n%%EOF\n"


def _finalise(vault: Vault, draft_id: str) -> None:
    vault.notifications.finalise(draft_id, document_json=b"{}", pdf=b"%PDF-1.7", envelope=b"env",
                                 municipality="101", acute=False, corrects=None)


def test_an_attachment_is_kept_with_its_draft_and_read_back_unchanged(vault: Vault) -> None:
    draft = vault.notifications.create_draft({}, "observations")
    first = vault.attachments.add(draft, name="fravær.pdf", media_type="application/pdf", data=PDF)
    second = vault.attachments.add(draft, name="brev.jpg", media_type="image/jpeg", data=JPEG)
    assert [a.name for a in vault.attachments.list(draft)] == ["fravær.pdf", "brev.jpg"]
    assert second.sha256 == hashlib.sha256(JPEG).hexdigest() and second.size == len(JPEG)
    assert vault.attachments.data(draft, first.id) == PDF
    assert first.as_answer() == {"id": first.id, "name": "fravær.pdf", "media_type": "application/pdf",
                                 "size": len(PDF), "sha256": hashlib.sha256(PDF).hexdigest()}
    vault.attachments.remove(draft, first.id)
    assert [a.id for a in vault.attachments.list(draft)] == [second.id]
    with pytest.raises(AttachmentMissing):
        vault.attachments.data(draft, first.id)
    assert [e.event for e in vault.audit.entries_for(draft)][-3:] == [
        "attachment.added", "attachment.added", "attachment.removed"]


def test_the_limits_hold_in_the_vault_too(vault: Vault) -> None:
    draft = vault.notifications.create_draft({}, "observations")
    big = b"\xff\xd8\xff" + b"\x00" * (MAX_TOTAL_BYTES - 10)
    vault.attachments.add(draft, name="big.jpg", media_type="image/jpeg", data=big)
    with pytest.raises(UnderretError) as refused:
        vault.attachments.add(draft, name="one-more.pdf", media_type="application/pdf", data=PDF)
    assert refused.value.message_id == "attachment.too_large"
    other = vault.notifications.create_draft({}, "observations")
    for number in range(MAX_FILES):
        vault.attachments.add(other, name=f"{number}.pdf", media_type="application/pdf", data=PDF)
    with pytest.raises(UnderretError) as refused:
        vault.attachments.add(other, name="21.pdf", media_type="application/pdf", data=PDF)
    assert refused.value.message_id == "attachment.too_many"
    with pytest.raises(ValueError):
        vault.attachments.add(other, name="x.gif", media_type="image/gif", data=b"GIF89a")


def test_discarding_a_draft_deletes_its_attachments_and_purging_deletes_them_after_sending(
        vault: Vault) -> None:
    discarded = vault.notifications.create_draft({}, "observations")
    vault.attachments.add(discarded, name="a.pdf", media_type="application/pdf", data=PDF)
    vault.notifications.discard_draft(discarded)
    assert vault._connection.query("SELECT count(*) FROM attachment")[0][0] == 0
    sent = vault.notifications.create_draft({}, "observations")
    kept = vault.attachments.add(sent, name="a.pdf", media_type="application/pdf", data=PDF)
    _finalise(vault, sent)
    assert vault.attachments.data(sent, kept.id) == PDF  # still there for the finalised view
    with pytest.raises(NotADraft):
        vault.attachments.add(sent, name="late.pdf", media_type="application/pdf", data=PDF)
    with pytest.raises(NotADraft):
        vault.attachments.remove(sent, kept.id)
    vault.notifications.purge_content(sent)
    assert vault.attachments.list(sent) == []


def test_orphans_are_pruned_and_a_correction_starts_with_copies(vault: Vault) -> None:
    from desktop.domain.observations import build_attachments

    draft = vault.notifications.create_draft({}, "observations")
    named = vault.attachments.add(draft, name="a.pdf", media_type="application/pdf", data=PDF)
    vault.attachments.add(draft, name="orphan.jpg", media_type="image/jpeg", data=JPEG)
    assert vault.attachments.keep_listed(draft, build_attachments([named.as_answer()])) == 1
    assert [a.id for a in vault.attachments.list(draft)] == [named.id]
    _finalise(vault, draft)
    correction = vault.notifications.create_draft({}, "observations")
    vault.attachments.copy(draft, correction, [named.id])
    assert vault.attachments.data(correction, named.id) == PDF
    with pytest.raises(AttachmentMissing):
        vault.attachments.copy(draft, correction, ["0" * 32])


def test_the_files_a_document_lists_are_read_back_by_their_envelope_names(vault: Vault) -> None:
    from desktop.domain.observations import build_attachments

    draft = vault.notifications.create_draft({}, "observations")
    letter = vault.attachments.add(draft, name="brev.pdf", media_type="application/pdf", data=PDF)
    photo = vault.attachments.add(draft, name="foto.jpg", media_type="image/jpeg", data=JPEG)
    entries = [letter.as_answer(), photo.as_answer()]
    refs = build_attachments(entries)
    assert [r.file for r in refs] == ["attachment-1.pdf", "attachment-2.jpg"]
    files = vault.attachments.envelope_files(draft, refs)
    assert files == {"attachment-1.pdf": PDF, "attachment-2.jpg": JPEG}
    assert vault.attachments.envelope_files(draft, []) == {}
    vault.attachments.remove(draft, entries[1]["id"])
    with pytest.raises(AttachmentMissing):
        vault.attachments.envelope_files(draft, refs)
