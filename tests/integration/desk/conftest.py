"""The desk's integration fixtures: the municipality's keys, a real intake over TLS, notifier apps."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from intake import keys as intake_keys
from intake.server import BackgroundIntake
from intake.settings import IntakeSettings
from tests.support.desk import fictitious_cpr
from tests.support.roundtrip import DeskApp, Municipality, NotifierApp

CHILD = ("Ida Ærø", fictitious_cpr(date(2018, 4, 2)), date(2018, 4, 2))
OTHER = ("Bo Søndergaard", fictitious_cpr(date(2020, 6, 7)), date(2020, 6, 7))


@pytest.fixture
def municipality(tmp_path: Path) -> Municipality:
    return Municipality.make(tmp_path / "municipality")


@pytest.fixture
def intake(tmp_path: Path, municipality: Municipality) -> Iterator[BackgroundIntake]:
    with BackgroundIntake(str(tmp_path / "intake.sqlite"),
                          intake_keys.load_receipt_signing_key(municipality.key_files.receipt_private),
                          cert_file=municipality.cert_file, key_file=municipality.key_file,
                          settings=IntakeSettings.for_demo()) as server:
        yield server


@pytest.fixture
def notifiers(tmp_path: Path, municipality: Municipality,
              intake: BackgroundIntake) -> Iterator[list[NotifierApp]]:
    apps = [NotifierApp(tmp_path / f"notifier-{i}", municipality, intake.url) for i in range(2)]
    for app in apps:
        app.folder.mkdir(exist_ok=True)
    yield apps
    for app in apps:
        app.close()


def desk_for(tmp_path: Path, municipality: Municipality, intake: BackgroundIntake, initials: str) -> DeskApp:
    """A desk enrolled at ``intake`` with the municipality's keys, in the test's folder."""
    return DeskApp(tmp_path / f"desk-{initials}", municipality, intake.url, str(tmp_path / "intake.sqlite"),
                   initials=initials)
