"""Reading a stored ``notification.json`` of either schema version as the current document.

Notifications finalised before Notification 2.0 hold schema v1 documents in the
vault; a finalised notification's window, its copy and a correction of it read
them through :func:`read_document`, which upgrades v1 on the fly
(:func:`protocol.notification_v1.upgrade_v1`). The stored bytes are never rewritten:
they are what was sealed and sent.
"""

from __future__ import annotations

import json
from typing import Any

from desktop.domain.codes import shipped_code_lists
from desktop.domain.document import NotificationDocument
from protocol.notification_v1 import NotificationUnreadable, schema_version_of, upgrade_v1


def read_document(data: bytes | str) -> NotificationDocument:
    """The document in ``data`` as schema v2; NotificationUnreadable when it is neither v1 nor v2."""
    try:
        parsed: Any = json.loads(data)
    except ValueError as exc:
        raise NotificationUnreadable("notification.json is not JSON", problem="json") from exc
    if not isinstance(parsed, dict):
        raise NotificationUnreadable("notification.json is not an object", problem="json")
    if schema_version_of(parsed) == 1:
        parsed = upgrade_v1(parsed, shipped_code_lists())
    from pydantic import ValidationError

    try:
        return NotificationDocument.model_validate(parsed)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise NotificationUnreadable(f"notification.json: {where}: {first['msg']}", problem=where) from exc
