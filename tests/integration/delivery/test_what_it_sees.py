"""What IT sees of delivery: refusals it must act on are in the event log ``underret doctor`` lists.

Found while checking issue 17 from outside: an intake refusing a notification, or a PC the intake
does not accept, left nothing with a message id in the event log, so ``underret doctor`` showed
no problem while notifications were failing or waiting for IT.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from desktop import eventlog
from desktop.store.vault import Vault
from tests.integration.delivery.conftest import MARKER


@pytest.fixture
def event_log(tmp_path: Path) -> Iterator[Path]:
    folder = tmp_path / "logs"
    eventlog.install(folder)
    try:
        yield folder
    finally:
        eventlog.uninstall()


def test_a_refused_notification_and_a_pc_not_set_up_are_listed_for_it_without_content(
    vault: Vault, queue_notification: Callable[..., str], make_sender: Callable[..., Any],
    status_server: Callable[[int], str], event_log: Path,
) -> None:
    refused = queue_notification()
    assert make_sender(status_server(422)).run_once().failed == {refused: "delivery.rejected"}
    waiting = queue_notification()
    assert make_sender(status_server(403)).run_once().backed_off == "delivery.not_authorised"

    problems = {entry.message_id: entry.text for entry in eventlog.recent_problems(event_log)}
    assert f"notification={refused}" in problems["delivery.rejected"]
    assert "status=422" in problems["delivery.rejected"]
    assert f"notification={waiting}" in problems["delivery.not_authorised"]
    written = b"".join(path.read_bytes() for path in event_log.iterdir())
    assert MARKER not in written
