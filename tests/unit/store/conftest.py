"""Fixtures for the store's unit tests."""

from __future__ import annotations

import pytest

from desktop.store.keys import ScryptParams


@pytest.fixture
def cheap_scrypt() -> ScryptParams:
    """Cheap scrypt so tests stay fast; the default parameters are memory-hard."""
    return ScryptParams(n=2**12, r=8, p=1)
