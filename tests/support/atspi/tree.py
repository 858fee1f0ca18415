"""Reading an AT-SPI tree dump (walker.py's ``dump``) as a screen-reader user meets it.

A node is a dict: role, name, description, states, interfaces, relations, text, links, extents,
actions, children. :func:`as_text` writes a dump in the one-line-per-object form the screen-reader
review used (``[role] 'name' desc=... states=...``), for the gallery and for failure messages.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

Node = dict[str, Any]

#: Characters Qt's rich-text views put between table cells and at a table's end; a screen reader
#: reads them as unknown symbols, so no text may expose them.
PRIVATE_SEPARATORS = ("\ufdd0", "\ufdd1")
#: States worth showing in a text dump (the rest - enabled, sensitive, visible, showing - are noise).
SHOWN_STATES = ("active", "focusable", "focused", "checked", "selected", "expanded", "expandable", "required",
                "invalid-entry", "multi-line", "read-only", "editable", "modal", "checkable")


def walk(node: Node, parents: tuple[Node, ...] = ()) -> Iterator[tuple[Node, tuple[Node, ...]]]:
    """Every node with its ancestors (the window first)."""
    yield node, parents
    for child in node.get("children", []):
        yield from walk(child, (*parents, node))


def label(node: Node) -> str:
    return f"[{node['role']}] {node['name']!r}"


def line(node: Node) -> str:
    """One object as one line: role, name, description, interesting states, relations, text."""
    parts = [label(node)]
    if node.get("description"):
        parts.append(f"desc={node['description']!r}")
    states = [state for state in node.get("states", []) if state in SHOWN_STATES]
    if "enabled" not in node.get("states", []):
        states.append("DISABLED")
    if states:
        parts.append("states=" + ",".join(states))
    for relation in node.get("relations", []):
        targets = ", ".join(label(target) for target in relation["targets"])
        parts.append(f"{relation['type']}->{targets}")
    if node.get("actions"):
        keys = [f"{name}[{key}]" if key else name for name, key in node["actions"]]
        parts.append("actions=" + ",".join(keys))
    if node.get("text"):
        text = node["text"]
        parts.append(f"text={text[:300]!r}" + (f" (+{len(text) - 300} chars)" if len(text) > 300 else ""))
    if node.get("links") is not None:
        parts.append(f"links={[(link.get('role'), link.get('name')) for link in node['links']]}")
    return " ".join(parts)


def as_text(window: Node) -> str:
    """The whole showing tree, indented by depth."""
    return "\n".join("  " * len(parents) + line(node) for node, parents in walk(window)) + "\n"


def exposed_strings(window: Node) -> Iterator[tuple[Node, str, str]]:
    """Every string a screen reader can read from the tree: (node, which, text)."""
    for node, _ in walk(window):
        for which in ("name", "description", "text"):
            value = node.get(which)
            if isinstance(value, str) and value:
                yield node, which, value


def focusable_showing(window: Node) -> list[Node]:
    return [node for node, _ in walk(window) if {"focusable", "showing"} <= set(node.get("states", []))]
