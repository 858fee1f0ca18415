"""Writes ``forms/schema/policy.schema.json`` from the policy's rules (:mod:`desktop.config.policy_rules`).

Run ``python -m desktop.config.policy_schema`` after changing a rule; a test
fails while the published file is out of date.
"""

from __future__ import annotations

import json
from typing import Any

from desktop.config.policy import POLICY_DESCRIPTION, POLICY_TITLE
from desktop.config.policy_rules import json_schema_document
from desktop.paths import forms_dir

SCHEMA_ID = "https://underret.dk/schema/policy.schema.json"


def json_schema() -> dict[str, Any]:
    """The policy's JSON Schema (draft 2020-12), as published for municipal IT."""
    schema = json_schema_document(POLICY_TITLE, POLICY_DESCRIPTION)
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": SCHEMA_ID, **schema}


def write() -> None:
    """Regenerate the published schema file."""
    target = forms_dir() / "schema" / "policy.schema.json"
    target.write_text(json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n", "utf-8")


if __name__ == "__main__":
    write()
