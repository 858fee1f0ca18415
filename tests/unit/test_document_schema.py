"""The published notification.json schema matches the document model."""

import json

from desktop.domain.document import json_schema
from desktop.paths import forms_dir


def test_published_schema_is_current() -> None:
    published = json.loads((forms_dir() / "schema" / "notification.schema.json").read_text("utf-8"))
    assert published == json_schema(), "run: python -m desktop.domain.document_schema"
