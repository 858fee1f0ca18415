"""Hypothesis strategies for JSON documents that are *almost* right: a valid document with a few edits.

Random JSON rarely has the exact shape a reader expects, so it seldom gets past
the first check. These strategies start from a valid document and change one to
three places anywhere in it (replace a value with any JSON, with a near miss of
the same type, drop a key, add a key, repeat a list entry), which is how the
reader's deeper checks are reached.
"""

from __future__ import annotations

import copy
from typing import Any

from hypothesis import strategies as st

json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(2**60), 2**60)
    | st.text(max_size=20)
    | st.floats(allow_nan=False, allow_infinity=False),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4)
    ),
    max_leaves=12,
)


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    paths = [prefix]
    if isinstance(value, dict):
        for key, child in value.items():
            paths += _paths(child, (*prefix, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            paths += _paths(child, (*prefix, index))
    return paths


def _near_miss(value: Any) -> st.SearchStrategy[Any]:
    """Values of the same kind that are just outside what a rule allows."""
    if isinstance(value, bool):
        return st.sampled_from([not value, int(value), None])
    if isinstance(value, int):
        return st.sampled_from(
            [value + 1, value - 1, -value, float(value), str(value), bool(value), 2**53 + 1]
        )
    if isinstance(value, str):
        return st.sampled_from(
            [
                value + "\n",
                " " + value,
                value.upper(),
                value[:-1],
                value + value,
                "",
                value + "\u2028",
                value.replace("-", ""),
                value + "=",
                value[1:],
                "x" * 300,
            ]
        )
    if isinstance(value, list):
        return st.sampled_from([[], value + value[:1], value[::-1], [value], value * 9])
    return st.sampled_from([{}, [], None, {"": value}])


@st.composite
def mutated_json(draw: st.DrawFn, base: Any) -> Any:
    """``base`` with one to three edits at random places."""
    value = copy.deepcopy(base)
    for _ in range(draw(st.integers(1, 3))):
        path = draw(st.sampled_from(_paths(value)))
        if not path:
            value = draw(st.one_of(json_values, _near_miss(value)))
            continue
        parent = value
        for step in path[:-1]:
            parent = parent[step]
        key = path[-1]
        action = draw(st.sampled_from(["replace", "near", "near", "drop", "add"]))
        if action == "replace":
            parent[key] = draw(json_values)
        elif action == "near":
            parent[key] = draw(_near_miss(parent[key]))
        elif action == "drop":
            del parent[key]
        elif isinstance(parent, dict):
            parent[draw(st.text(max_size=8))] = draw(json_values)
        else:
            parent.append(copy.deepcopy(parent[key]))
    return value
