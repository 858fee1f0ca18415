"""Drafts saved by Underret before form 2.0, in a real vault, open in the wizard with nothing lost."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop.domain.forms import load_form
from desktop.domain.migration import FORM_VERSION_KEY, MOVED_FIELDS
from desktop.store.vault import Vault
from desktop.ui.wizard.draft_loading import open_notification

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "v1"


@pytest.mark.parametrize("path", sorted(FIXTURES.glob("draft-*.json")), ids=lambda p: p.stem)
def test_a_saved_v1_draft_opens_under_form_2_on_its_page_with_every_answer(vault: Vault, path: Path) -> None:
    saved = json.loads(path.read_text("utf-8"))
    draft_id = vault.notifications.create_draft(saved["answers"], saved["page"], "EH")
    form = load_form()

    opened = open_notification(vault, draft_id, form)

    assert opened.page == saved["page"]
    assert opened.answers[FORM_VERSION_KEY] == form.version
    for key, value in saved["answers"].items():
        places = MOVED_FIELDS.get(key, (key,))
        assert any(opened.answers.get(place) == value for place in places), key
    # The vault keeps what was saved until the person changes something (then autosave writes 2.0).
    assert vault.notifications.get_draft(draft_id).answers == saved["answers"]
