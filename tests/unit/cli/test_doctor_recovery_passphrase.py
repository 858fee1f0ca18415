"""``underret doctor`` tells IT, for each keyring profile, whether a recovery passphrase can still open it."""

from __future__ import annotations

import keyring
import pytest

from desktop.cli import main
from desktop.doctor import EXIT_ERRORS
from desktop.store.keys import KEYRING_SERVICE, KeyProtection, ScryptParams, zero
from desktop.store.profiles import ProfileDirectory, ProfileInfo

CHEAP = ScryptParams(n=2**10, r=8, p=1)


def _keyring_profile(name: str, recovery: str | None) -> ProfileInfo:
    info, key = ProfileDirectory(scrypt=CHEAP).create(name, KeyProtection.KEYRING, None,
                                                      recovery_passphrase=recovery)
    zero(key)
    return info


def _section(out: str, profile: ProfileInfo) -> str:
    """The doctor's lines about one profile."""
    start = out.index(f"(id {profile.id})")
    end = out.find("\n- ", start)
    return out[start:end if end >= 0 else len(out)]


def test_doctor_says_which_keyring_profiles_have_a_recovery_passphrase(
        capsys: pytest.CaptureFixture[str]) -> None:
    with_recovery = _keyring_profile("Mette", "blå hest i haven")
    without = _keyring_profile("Jonas", None)
    passphrase_info, key = ProfileDirectory(scrypt=CHEAP).create("Bo", KeyProtection.PASSPHRASE, "frase")
    zero(key)

    assert main(["doctor"]) == 0

    out = capsys.readouterr().out
    assert "recovery passphrase: yes" in _section(out, with_recovery)
    assert "recovery passphrase: no (if the keyring loses the key" in _section(out, without)
    assert "recovery passphrase" not in _section(out, passphrase_info)
    assert "blå hest" not in out


def test_doctor_tells_it_whether_a_profile_with_its_key_gone_can_still_be_opened(
        capsys: pytest.CaptureFixture[str]) -> None:
    with_recovery = _keyring_profile("Mette", "blå hest i haven")
    without = _keyring_profile("Jonas", None)
    for profile in (with_recovery, without):
        keyring.delete_password(KEYRING_SERVICE, profile.id)

    assert main(["doctor"]) == EXIT_ERRORS

    out = capsys.readouterr().out
    assert (f"profile {with_recovery.id}: its key is missing from the keyring; the person can still "
            "open it with their recovery passphrase") in out
    assert (f"profile {without.id}: its key is missing from the keyring; no recovery passphrase: "
            "restore the keyring entry (the vault file is kept)") in out
