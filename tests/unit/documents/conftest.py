"""Fixtures for the document tests: a rich fictitious notification with Danish letters everywhere.

The notification itself is ``tests/support/document.py``, shared with the print/export UI tests.
"""

from __future__ import annotations

import pytest

from desktop.domain.document import NotificationDocument
from tests.support.document import sample_document


@pytest.fixture
def rich_document() -> NotificationDocument:
    """A finalised, acute notification with every field filled and æøå ÆØÅ in all of them."""
    return sample_document()
