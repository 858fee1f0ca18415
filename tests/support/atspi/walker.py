"""The screen reader's side of the AT-SPI test: reads the accessibility tree and the events over AT-SPI.

Runs under the SYSTEM Python (``/usr/bin/python3``) because pyatspi comes from the distribution
(python3-pyatspi, gir1.2-atspi-2.0) and cannot be installed into the project's venv; so this file
imports nothing from the project. It reads one JSON command per line on stdin and answers with one
JSON line on stdout (see :func:`handle`). Between commands it keeps GLib's main context turning, so
the events a screen reader (Orca) would receive are recorded as they arrive.

Commands (``{"cmd": ...}``):
- ``wait_app`` ``name``, ``timeout``: until application ``name`` is on the desktop.
- ``windows``: the application's top-level windows (role, name, states).
- ``dump`` ``window`` (a window name, or none for the active one): the showing tree of that window.
- ``press`` ``role``, ``name``: do the "Press" action of that object in the active window.
- ``events``: the events recorded since the last ``events`` command (then forgotten).
- ``quit``: stop.
"""

from __future__ import annotations

import json
import os
import select
import sys
import time
from typing import Any

import pyatspi  # type: ignore[import-not-found]  # the system's python3-pyatspi; not in the venv
from gi.repository import GLib  # type: ignore[import-not-found]

#: The events recorded: what a screen reader speaks from (focus, announcements, states, windows).
EVENT_TYPES = ("focus:", "object:announcement", "object:state-changed", "window:activate",
               "window:deactivate", "window:create", "object:property-change:accessible-name",
               "object:property-change:accessible-description")
#: State changes not worth recording: every hidden page and destroyed widget sends them by the dozen.
NOISY_STATES = tuple(f"object:state-changed:{state}"
                     for state in ("defunct", "showing", "visible", "sensitive", "enabled"))
#: Longest text taken from one object's Text interface (documents are a few thousand characters).
MAX_TEXT = 20000
#: Deepest tree level read (a guard against a cycle in a broken tree).
MAX_DEPTH = 40

_events: list[dict[str, Any]] = []
_app: Any = None


def _safe(read: Any, default: Any = None) -> Any:
    """One AT-SPI read; an object that went away meanwhile (a closed page) gives ``default``."""
    try:
        return read()
    except Exception:
        return default


def _brief(accessible: Any) -> dict[str, Any]:
    return {"role": _safe(accessible.getRoleName, "?"), "name": _safe(lambda: accessible.name, "?")}


def _on_event(event: Any) -> None:
    if event.type.startswith(NOISY_STATES):
        return
    source = _brief(event.source) if event.source is not None else {"role": "?", "name": "?"}
    data = event.any_data
    if data is not None and not isinstance(data, str | int | float | bool):
        data = _safe(lambda: _brief(data)["name"], str(data))
    _events.append({"type": event.type, "time": time.monotonic(), "detail1": event.detail1,
                    "detail2": event.detail2, "data": data, **source})


def _find_app(name: str) -> Any:
    desktop = pyatspi.Registry.getDesktop(0)
    for index in range(_safe(lambda: desktop.childCount, 0)):
        app = _safe(lambda index=index: desktop.getChildAtIndex(index))
        if app is not None and _safe(lambda app=app: app.name) == name:
            return app
    return None


def _states(accessible: Any) -> list[str]:
    states = _safe(lambda: accessible.getState().getStates(), [])
    return sorted(pyatspi.stateToString(state) for state in states)


def _relations(accessible: Any) -> list[dict[str, Any]]:
    found = []
    for relation in _safe(accessible.getRelationSet, []):
        targets = [_brief(relation.getTarget(i)) for i in range(relation.getNTargets())]
        found.append({"type": pyatspi.relationToString(relation.getRelationType()), "targets": targets})
    return found


def _text(accessible: Any, interfaces: list[str]) -> str | None:
    if "Text" not in interfaces:
        return None
    text = _safe(accessible.queryText)
    if text is None:
        return None
    count = _safe(lambda: text.characterCount, 0)
    return str(_safe(lambda: text.getText(0, min(count, MAX_TEXT)), ""))


def _links(accessible: Any, interfaces: list[str]) -> list[dict[str, Any]] | None:
    if "Hypertext" not in interfaces:
        return None
    hypertext = _safe(accessible.queryHypertext)
    links = []
    for index in range(_safe(hypertext.getNLinks, 0) if hypertext is not None else 0):
        link = _safe(lambda index=index: hypertext.getLink(index))
        if link is None:
            continue
        target = _safe(lambda link=link: link.getObject(0))
        links.append({"start": _safe(lambda link=link: link.startIndex),
                      "end": _safe(lambda link=link: link.endIndex),
                      "uri": _safe(lambda link=link: link.getURI(0)),
                      **(_brief(target) if target is not None else {})})
    return links


def _node(accessible: Any, depth: int = 0) -> dict[str, Any]:
    interfaces = sorted(_safe(lambda: pyatspi.listInterfaces(accessible), []))
    node: dict[str, Any] = {
        **_brief(accessible),
        "description": _safe(lambda: accessible.description, ""),
        "states": _states(accessible),
        "interfaces": interfaces,
    }
    relations = _relations(accessible)
    if relations:
        node["relations"] = relations
    text = _text(accessible, interfaces)
    if text is not None:
        node["text"] = text
    links = _links(accessible, interfaces)
    if links is not None:
        node["links"] = links
    if "Component" in interfaces:
        extents = _safe(lambda: accessible.queryComponent().getExtents(pyatspi.DESKTOP_COORDS))
        if extents is not None:
            node["extents"] = [extents.x, extents.y, extents.width, extents.height]
    if "Action" in interfaces:
        action = _safe(accessible.queryAction)
        if action is not None:
            node["actions"] = [[_safe(lambda i=i: action.getName(i), ""),
                                _safe(lambda i=i: action.getKeyBinding(i), "")]
                               for i in range(_safe(lambda: action.nActions, 0))]
    children = []
    if depth < MAX_DEPTH:
        for index in range(_safe(lambda: accessible.childCount, 0)):
            child = _safe(lambda index=index: accessible.getChildAtIndex(index))
            # Hidden pages and widgets are not what a screen reader reads: only showing objects are walked.
            if child is not None and "showing" in _states(child):
                children.append(_node(child, depth + 1))
    node["children"] = children
    return node


def _find(accessible: Any, role: str, name: str, depth: int = 0) -> Any:
    if _safe(accessible.getRoleName) == role and _safe(lambda: accessible.name) == name:
        return accessible
    for index in range(_safe(lambda: accessible.childCount, 0) if depth < MAX_DEPTH else 0):
        child = _safe(lambda index=index: accessible.getChildAtIndex(index))
        if child is not None and "showing" in _states(child):
            found = _find(child, role, name, depth + 1)
            if found is not None:
                return found
    return None


def _windows() -> list[Any]:
    if _app is None:
        return []
    return [window for window in (_safe(lambda i=i: _app.getChildAtIndex(i))
                                  for i in range(_safe(lambda: _app.childCount, 0))) if window is not None]


def handle(command: dict[str, Any]) -> Any:
    """Answer one command (see the module docstring)."""
    global _app
    name = command["cmd"]
    if name == "wait_app":
        deadline = time.monotonic() + float(command.get("timeout", 30))
        while _app is None and time.monotonic() < deadline:
            _app = _find_app(command["name"])
            if _app is None:
                _turn(0.1)
        return _app is not None
    if name == "windows":
        return [{**_brief(window), "states": _states(window)} for window in _windows()]
    if name == "dump":
        wanted = command.get("window")
        for window in _windows():
            if (wanted is None and "active" in _states(window)) or (
                    wanted is not None and _safe(lambda w=window: w.name) == wanted):
                return _node(window)
        return None
    if name == "press":
        # Activate a button as an assistive tool does (its "Press" action), without a key.
        for window in _windows():
            if "active" in _states(window):
                found = _find(window, command["role"], command["name"])
                if found is None:
                    return False
                action = found.queryAction()
                names = [action.getName(i) for i in range(action.nActions)]
                return bool(action.doAction(names.index("Press")))
        return False
    if name == "events":
        _turn(0)
        taken = list(_events)
        _events.clear()
        return taken
    if name == "quit":
        return True
    raise ValueError(f"unknown command {name!r}")


def _turn(seconds: float) -> None:
    """Deliver the events that arrived, for up to ``seconds``."""
    context = GLib.MainContext.default()
    deadline = time.monotonic() + seconds
    while True:
        while context.pending():
            context.iteration(False)
        if time.monotonic() >= deadline:
            return
        time.sleep(0.01)


def main() -> int:
    for event_type in EVENT_TYPES:
        pyatspi.Registry.registerEventListener(_on_event, event_type)
    out = sys.stdout
    stdin = sys.stdin.fileno()
    buffer = b""
    while True:
        ready, _, _ = select.select([stdin], [], [], 0.02)
        _turn(0)
        if not ready:
            continue
        chunk = os.read(stdin, 65536)
        if not chunk:
            return 0  # the test ended: stdin closed
        buffer += chunk
        while b"\n" in buffer:
            line, buffer = buffer.split(b"\n", 1)
            command = json.loads(line)
            try:
                answer = {"ok": True, "result": handle(command)}
            except Exception as error:
                answer = {"ok": False, "error": f"{type(error).__name__}: {error}"}
            out.write(json.dumps(answer, ensure_ascii=False) + "\n")
            out.flush()
            if command["cmd"] == "quit":
                return 0


if __name__ == "__main__":
    sys.exit(main())
