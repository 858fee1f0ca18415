"""The municipality publishes a new signed guideline pack; the app fetches it at start and uses it.

Real parts: a policy file, a real Ed25519 pack signing key, the shipped Demo
Kommune pack (with a newer version) in a folder share, and the app's own
``build_services``.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import yaml
from pytestqt.qtbot import QtBot

from desktop.app import Services, build_services
from desktop.config.pack_signing import PackSigningKey, generate_key_pair, load_signing_key, sign_pack
from desktop.paths import forms_dir
from desktop.store.profiles import ProfileDirectory

MUNICIPALITY = "demo-kommune"


def _publish(share: Path, key: PackSigningKey, version: str) -> None:
    """What the municipality does: put the pack and its detached signature in the share."""
    doc = yaml.safe_load((forms_dir() / "packs" / f"{MUNICIPALITY}.yaml").read_text("utf-8"))
    doc["version"] = version
    data = yaml.safe_dump(doc, allow_unicode=True, sort_keys=False).encode("utf-8")
    share.mkdir(exist_ok=True)
    (share / f"{MUNICIPALITY}.yaml").write_bytes(data)
    (share / f"{MUNICIPALITY}.yaml.sig").write_bytes(sign_pack(data, key))


@pytest.fixture
def signing_key(tmp_path: Path) -> PackSigningKey:
    private, _ = generate_key_pair("kommune-2026", tmp_path / "keys")
    return load_signing_key(private)


@pytest.fixture
def share(tmp_path: Path, signing_key: PackSigningKey, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder pack source named by the machine's policy, trusting the municipality's key."""
    folder = tmp_path / "share"
    policy = tmp_path / "policy.json"
    policy.write_text(json.dumps({
        "municipality": MUNICIPALITY,
        "pack_source": str(folder),
        "trusted_pack_keys": [signing_key.public_key().to_json()],
    }), encoding="utf-8")
    monkeypatch.setenv("UNDERRET_POLICY", str(policy))
    return folder


@pytest.fixture
def start_app() -> Iterator[Callable[[], Services]]:
    """Build the app's services as ``run_gui`` does (the pack check starts there)."""
    started: list[Services] = []

    def start() -> Services:
        services = build_services(language="en")
        assert services.pack_schedule is not None
        started.append(services)
        return services

    yield start
    for services in started:
        assert services.pack_schedule is not None
        services.pack_schedule.stop()
        if services.translations is not None:  # installed on the shared test application
            services.translations.uninstall()


def test_a_freshly_started_app_uses_the_signed_pack_the_municipality_published(
        qtbot: QtBot, share: Path, signing_key: PackSigningKey,
        start_app: Callable[[], Services]) -> None:
    _publish(share, signing_key, "2099.1")
    services = start_app()
    assert services.pack_schedule is not None
    with qtbot.waitSignal(services.pack_schedule.updated, timeout=15_000):
        pass  # the check started by build_services runs in the background
    pack = services.pack()
    assert (pack.id, pack.version) == (MUNICIPALITY, "2099.1")


def test_a_pack_published_while_the_app_runs_is_used_from_the_next_notification_on(
        qtbot: QtBot, share: Path, signing_key: PackSigningKey,
        start_app: Callable[[], Services]) -> None:
    _publish(share, signing_key, "2099.1")
    services = start_app()
    schedule = services.pack_schedule
    assert schedule is not None
    with qtbot.waitSignal(schedule.updated, timeout=15_000):
        pass
    assert services.pack().version == "2099.1"  # loaded and kept for the notifications started now

    _publish(share, signing_key, "2099.2")
    with qtbot.waitSignal(schedule.updated, timeout=15_000):
        schedule.check_now()  # as the daily check would
    assert services.pack().version == "2099.2"


def test_a_pack_that_is_not_signed_by_a_trusted_key_is_not_used(
        qtbot: QtBot, share: Path, tmp_path: Path, start_app: Callable[[], Services]) -> None:
    stranger, _ = generate_key_pair("someone-else", tmp_path / "otherkeys")
    _publish(share, load_signing_key(stranger), "2099.1")
    services = start_app()
    assert services.pack_schedule is not None
    with qtbot.waitSignal(services.pack_schedule.checked, timeout=15_000) as checked:
        pass
    assert checked.args[0].message_id == "pack.untrusted_key"
    assert services.pack().version != "2099.1"


def test_demo_mode_never_fetches_packs(qtbot: QtBot, share: Path, tmp_path: Path) -> None:
    services = build_services(demo=True, language="en", profiles=ProfileDirectory(root=tmp_path / "demo"))
    if services.translations is not None:
        services.translations.uninstall()
    assert services.pack_schedule is None
