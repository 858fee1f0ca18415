"""forms/schema/mapping.md maps every field of notification.json v2 to a heading of the national form."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

from desktop.domain.document import json_schema
from desktop.paths import forms_dir


def _leaves(schema: dict[str, Any], defs: dict[str, Any], prefix: str = "") -> Iterator[str]:
    if "$ref" in schema:
        yield from _leaves(defs[schema["$ref"].rsplit("/", 1)[1]], defs, prefix)
        return
    for key in ("anyOf", "oneOf", "allOf"):
        if key in schema:
            for sub in schema[key]:
                if sub.get("type") != "null" and "if" not in sub:  # an if/then rule is no field
                    yield from _leaves(sub, defs, prefix)
                    return
    if schema.get("type") == "object" and "properties" in schema:
        for name, sub in schema["properties"].items():
            yield from _leaves(sub, defs, f"{prefix}.{name}" if prefix else name)
    elif schema.get("type") == "array" and "items" in schema:
        inner = list(_leaves(schema["items"], defs, prefix + "[]"))
        yield from inner or [prefix + "[]"]
    else:
        yield prefix


def test_every_field_of_schema_v2_has_a_row_in_the_mapping_with_a_national_heading() -> None:
    schema = json_schema()
    fields = list(_leaves(schema, schema["$defs"]))  # type: ignore[arg-type]
    assert len(fields) > 90
    text = (forms_dir() / "schema" / "mapping.md").read_text("utf-8")
    row = re.compile(r"^\| `([^`]+)` \|[^|\n]*\|[^|\n]*\| ([^|\n]+) \|", re.M)  # one line each
    rows = {m.group(1): m.group(2) for m in row.finditer(text)}
    missing = [f for f in fields if f not in rows]
    assert missing == [], "add these to forms/schema/mapping.md"
    headings = set(re.findall(r"^\| (H\d+) \|", text, re.M))
    for field in fields:
        named = set(re.findall(r"H\d+", rows[field]))
        assert named <= headings and (named or "no national heading" in rows[field]), field
    extra = [f for f in rows if f not in fields]
    assert extra == [], "the mapping names fields schema v2 does not have"
    published = json.loads((forms_dir() / "schema" / "notification.schema.json").read_text("utf-8"))
    assert published == schema  # the mapping follows the published schema


def test_every_csv_column_of_the_export_is_documented_in_order_with_the_v2_field_it_holds() -> None:
    from protocol.export import _EMPTY, csv_row

    columns = list(csv_row(_EMPTY, [], {}, {}))
    text = (forms_dir() / "schema" / "mapping.md").read_text("utf-8")
    section = text.split("## The CSV columns", 1)[1]
    documented = re.findall(r"^\| `([a-z_]+)` \| (.+) \|$", section, re.M)
    assert [column for column, _field in documented] == columns
    fields = set(_leaves(json_schema(), json_schema()["$defs"]))  # type: ignore[arg-type]
    for column, field in documented:
        named = re.findall(r"`([a-z_.\[\]]+)`", field)
        assert any(name in fields or any(f.startswith(name) for f in fields) for name in named), column
