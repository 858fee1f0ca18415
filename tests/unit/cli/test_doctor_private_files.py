"""``underret doctor`` says for each profile whether its files are private (packaging/README.md)."""

from __future__ import annotations

import pytest

from desktop.cli import main
from desktop.store.keys import KeyProtection, ScryptParams, zero
from desktop.store.profiles import ProfileDirectory

CHEAP = ScryptParams(n=2**10, r=8, p=1)


def test_doctor_says_private_files_are_private_and_names_open_ones(
        capsys: pytest.CaptureFixture[str]) -> None:
    info, key = ProfileDirectory(scrypt=CHEAP).create("Bo", KeyProtection.PASSPHRASE, "frase")
    zero(key)

    assert main(["doctor"]) == 0
    assert "  files: private (only this user can open them)" in capsys.readouterr().out

    info.vault_path.chmod(0o644)
    assert main(["doctor"]) == 1
    out = capsys.readouterr().out
    assert "files: private" not in out
    assert "  files: OPEN TO OTHER USERS: vault.db 0644" in out
