"""Fakes at the OS-keyring boundary: a system keyring cannot run offscreen in a test, a failing one even less.

The tests' real keyring is the file keyring ``tests/conftest.py`` sets up; these stand in
for the moments a person's OS keyring is locked (nobody unlocked it) or broken.
"""

from __future__ import annotations

import keyring.backend
import keyring.errors


class FailingOsKeyring(keyring.backend.KeyringBackend):
    """A system keyring that refuses every call with ``error``."""

    priority = 1  # type: ignore[assignment]  # keyring declares it as a class property

    def __init__(self, error: Exception) -> None:
        super().__init__()  # type: ignore[no-untyped-call]  # keyring's own __init__ has no annotations
        self._error = error

    def get_password(self, service: str, username: str) -> str | None:
        raise self._error

    def set_password(self, service: str, username: str, password: str) -> None:
        raise self._error

    def delete_password(self, service: str, username: str) -> None:
        raise self._error


class LockedOsKeyring(FailingOsKeyring):
    """A login keyring that is locked: every call raises ``KeyringLocked``."""

    def __init__(self) -> None:
        super().__init__(keyring.errors.KeyringLocked("the login keyring is locked"))
