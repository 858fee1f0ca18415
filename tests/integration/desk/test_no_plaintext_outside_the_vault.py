"""The desk's vault holds everything it decrypts and everything a caseworker writes; nothing else does.

A desk fetches and decrypts notifications, shows one (its copy laid out), records an assessment with
a note, sends the kvittering and makes the yearly report; then every file in the desk's folders and in
the temporary folder is read: no name, CPR number, note or content marker is there in clear. Only the
vault's own encrypted file holds them (read back through the vault).
"""

from __future__ import annotations

import tempfile
import uuid
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from desktop.desk.report import render_report_pdf, report_csv
from desktop.desk.store.handling import Assessment
from intake.server import BackgroundIntake
from tests.integration.desk.conftest import CHILD, desk_for
from tests.support.desk import MARKER
from tests.support.roundtrip import Municipality, NotifierApp, document_for

NOTE = "Politiet er kontaktet af Kirsten Ørum"


@pytest.fixture
def own_temp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A temporary folder of this test's own, for this process and anything it starts."""
    folder = tmp_path / "temp"
    folder.mkdir()
    monkeypatch.setenv("TMPDIR", str(folder))
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    yield folder


def _files(*folders: Path) -> Iterator[Path]:
    for folder in folders:
        yield from (path for path in folder.rglob("*") if path.is_file())


def test_nothing_the_desk_decrypts_or_a_caseworker_writes_is_on_disk_outside_its_vault(
        tmp_path: Path, own_temp: Path, municipality: Municipality, intake: BackgroundIntake,
        notifiers: list[NotifierApp]) -> None:
    name, cpr, birth = CHILD
    nid = notifiers[0].file(document_for(str(uuid.uuid4()), name=name, cpr=cpr, birth=birth, acute=True,
                                         observation=f"Set i dag. {MARKER}"))
    notifiers[0].deliver()
    desk = desk_for(tmp_path, municipality, intake, "MK")
    try:
        service = desk.service
        assert service.sync().new == 1
        detail = service.detail(nid)
        assert MARKER in detail.document_html  # the copy is laid out in memory
        service.assess(nid, Assessment.ACUTE_MEASURES, NOTE)
        service.acknowledge(nid)
        report, labels = service.report(date(2000, 1, 1), date(2100, 12, 31))
        assert render_report_pdf(report, unit=service.unit, category_labels=labels)[:5] == b"%PDF-"
        assert report_csv(report, category_labels=labels)
        # The vault holds it all ...
        assert MARKER.encode() in (service.vault.received.file(nid, "notification.json") or b"")
        assert service.vault.handling.get(nid).assessment_note == NOTE
        service.vault.checkpoint()
        files = list(_files(desk.folder, own_temp))
        assert any(path.name == "vault.db" for path in files)
        needles = {"marker": MARKER.encode(), "name": name.encode(), "cpr": cpr.encode(),
                   "cpr with dash": f"{cpr[:6]}-{cpr[6:]}".encode(), "note": NOTE.encode(),
                   "note (UTF-16)": NOTE.encode("utf-16-le")}
        found = {(path.name, what) for path in files for what, needle in needles.items()
                 if needle in path.read_bytes()}
        # ... and nothing else: not the vault's files in clear, its key check, the profile, or temp.
        assert found == set()
    finally:
        desk.close()
