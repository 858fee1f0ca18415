"""The settings window says which guidelines are in use, and says it plainly when their update went wrong."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from pytestqt.qtbot import QtBot

from desktop.config.pack_signing import PackSigningKey, generate_key_pair, load_signing_key, sign_pack
from desktop.config.pack_updates import PackUpdater, UpdateOutcome, downloaded_packs_dir
from desktop.config.policy import Policy
from desktop.ui.services import Services
from desktop.ui.settings_dialog import SettingsDialog
from tests.unit.config.conftest import make_pack_yaml


def _source(tmp_path: Path) -> tuple[Policy, PackSigningKey, Path]:
    private, _ = generate_key_pair("kommune-2026", tmp_path / "keys")
    key = load_signing_key(private)
    share = tmp_path / "share"
    share.mkdir()
    return (Policy(municipality="demo-kommune", pack_source=str(share), trusted_pack_keys=[key.public_key()]),
            key, share)


def _publish(share: Path, key: PackSigningKey, version: str) -> None:
    data = make_pack_yaml(version=version)
    (share / "demo-kommune.yaml").write_bytes(data)
    (share / "demo-kommune.yaml.sig").write_bytes(sign_pack(data, key))


def test_a_good_download_is_named_as_the_guidelines_in_use(
        qtbot: QtBot, make_services: Callable[..., Services], tmp_path: Path) -> None:
    policy, key, share = _source(tmp_path)
    _publish(share, key, "2026.5")
    assert PackUpdater(policy).check(datetime.now(UTC)).outcome is UpdateOutcome.UPDATED
    dialog = SettingsDialog(make_services(policy=policy, language="en"))
    qtbot.addWidget(dialog)
    # The pack's own name in the UI language (make_pack_yaml's »Guidance demo-kommune«), not its file's.
    assert dialog.pack_status.text() == ("Guidelines in use: Guidance demo-kommune, version 2026.5 "
                                         "(downloaded from your municipality).")
    assert not dialog.pack_status.has_problem


def test_a_damaged_download_and_a_refused_update_are_said_in_the_settings_window(
        qtbot: QtBot, make_services: Callable[..., Services], tmp_path: Path) -> None:
    policy, key, share = _source(tmp_path)
    _publish(share, key, "2026.5")
    PackUpdater(policy).check(datetime.now(UTC))
    [downloaded] = downloaded_packs_dir().glob("demo-kommune-*.yaml")
    downloaded.write_bytes(downloaded.read_bytes()[:-20])  # damaged on disk
    _publish(share, key, "2025.1")  # and an older pack on the share: a rollback, refused
    assert PackUpdater(policy).check(datetime.now(UTC)).outcome is UpdateOutcome.REFUSED

    dialog = SettingsDialog(make_services(policy=policy, language="en"))
    qtbot.addWidget(dialog)
    dialog.show()

    text = dialog.pack_status.text()
    assert dialog.pack_status.has_problem and dialog.pack_status.isVisible()
    assert text.startswith(
        "Guidelines in use: Demo Kommune (training), version 2026.1 (shipped with Underret).")
    assert "is damaged or can no longer be trusted (pack.download_damaged)" in text
    assert "The last update of the guidelines was refused (pack.older_version)" in text
    assert "Please tell IT." in text


def test_the_shipped_packs_are_named_by_their_own_names_in_both_languages() -> None:
    # »Retningslinjer i brug: national« showed a file name to a pædagog (issue 19 re-check).
    from desktop.domain.packs import packs_dir
    from desktop.ui.pack_status import pack_title

    national = (packs_dir() / "national.yaml").read_bytes()
    assert pack_title(national, "da") == "Nationale retningslinjer"
    assert pack_title(national, "en") == "National guidelines"
    assert pack_title(b"id: x\nversion: '1'\n", "da") is None  # no name block: the file's name is shown
