"""Setting up a desk as IT's note says, with the mistakes a newcomer makes: each one is told plainly.

Enrolment runs against a real intake over real TLS on 127.0.0.1 (a test CA); the Danish texts that ship.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from desktop.ui.desk.context import DeskContext
from desktop.ui.desk.setup_dialog import SetupDialog
from intake import keys as intake_keys
from intake.server import BackgroundIntake
from intake.settings import IntakeSettings
from tests.support.roundtrip import Municipality


@pytest.fixture
def municipality(tmp_path: Path) -> Municipality:
    made = Municipality.make(tmp_path / "municipality")
    (tmp_path / "ca.crt").write_bytes(made.ca_pem)
    return made


@pytest.fixture
def intake(municipality: Municipality, tmp_path: Path) -> Iterator[BackgroundIntake]:
    signing = intake_keys.load_receipt_signing_key(municipality.key_files.receipt_private)
    with BackgroundIntake(str(tmp_path / "intake.sqlite"), signing, cert_file=municipality.cert_file,
                          key_file=municipality.key_file, settings=IntakeSettings.for_demo()) as server:
        yield server


def _enrol(qtbot: QtBot, context: DeskContext, url: str, ca_file: str, token: str) -> SetupDialog:
    dialog = SetupDialog(context)
    qtbot.addWidget(dialog)
    dialog.url.setText(url)
    dialog.ca_file.setText(ca_file)
    dialog.token.setText(token)
    dialog.enrol_button.click()
    qtbot.waitUntil(lambda: dialog.enrol_button.isEnabled(), timeout=30000)
    return dialog


def test_the_same_address_as_the_pcs_with_the_api_path_enrols(
        context: DeskContext, municipality: Municipality, intake: BackgroundIntake, tmp_path: Path,
        qtbot: QtBot) -> None:
    # IT may give the desk the PCs' intake address, or the API address the intake's README names.
    token = municipality.desk_token(str(tmp_path / "intake.sqlite"))
    dialog = _enrol(qtbot, context, intake.url + "/v1/envelopes", str(tmp_path / "ca.crt"), token)
    assert dialog.message.text() == "Modtagelsen er tilmeldt. Hent nye underretninger med F5."
    assert context.service.is_enrolled()


def test_an_address_where_no_intake_answers_says_to_check_it_not_to_try_again(
        context: DeskContext, municipality: Municipality, intake: BackgroundIntake, tmp_path: Path,
        qtbot: QtBot) -> None:
    token = municipality.desk_token(str(tmp_path / "intake.sqlite"))
    dialog = _enrol(qtbot, context, intake.url + "/api/underret", str(tmp_path / "ca.crt"), token)
    assert dialog.message.text() == ("Der svarer ikke noget modtagesystem på denne adresse. "
                                     "Tjek adressen med it-afdelingen.")
    assert not context.service.is_enrolled()


def test_a_missing_ca_certificate_is_named_not_called_a_passing_fault(
        context: DeskContext, municipality: Municipality, intake: BackgroundIntake, tmp_path: Path,
        qtbot: QtBot) -> None:
    # The intake uses the municipality's own CA (intake/README.md); without its file the certificate
    # cannot be checked, and "try again in a moment" would never help.
    token = municipality.desk_token(str(tmp_path / "intake.sqlite"))
    dialog = _enrol(qtbot, context, intake.url, "", token)
    assert dialog.message.text().startswith("Modtagesystemets certifikat kunne ikke kontrolleres.")
    assert "CA-certifikatfil" in dialog.message.text()
    assert not context.service.is_enrolled()
