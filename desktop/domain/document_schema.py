"""Writes ``forms/schema/notification.schema.json`` from the document model."""

from __future__ import annotations

import json

from desktop.domain.document import json_schema
from desktop.paths import forms_dir


def write() -> None:
    """Regenerate the published schema file."""
    target = forms_dir() / "schema" / "notification.schema.json"
    target.write_text(json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n", "utf-8")


if __name__ == "__main__":
    write()
