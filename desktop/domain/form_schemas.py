"""Writes the published JSON Schemas in ``forms/schema/`` from the models.

``form.schema.json``, ``pack.schema.json``, ``notification.schema.json`` and ``directory.schema.json``:
run ``python -m desktop.domain.form_schemas`` after changing the form, pack or
document models; a test fails while the published files differ from the models.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from desktop.domain.directory import directory_json_schema
from desktop.domain.document import json_schema as notification_json_schema
from desktop.domain.forms import form_json_schema
from desktop.domain.packs import pack_json_schema
from desktop.paths import forms_dir

PUBLISHED: dict[str, Callable[[], dict[str, Any]]] = {
    "form.schema.json": form_json_schema,
    "pack.schema.json": pack_json_schema,
    "notification.schema.json": notification_json_schema,
    "directory.schema.json": directory_json_schema,
}


def render(schema: dict[str, Any]) -> str:
    """The exact text of a published schema file."""
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def write() -> None:
    """Regenerate the published schema files."""
    for name, make in PUBLISHED.items():
        (forms_dir() / "schema" / name).write_text(render(make()), "utf-8")


if __name__ == "__main__":
    write()
