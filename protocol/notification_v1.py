"""Reading ``notification.json`` schema v1 as schema v2 (for the app, the intake's export and the desk).

Schema v1 (``forms/schema/notification.v1.schema.json``, form 1.x) stored the
answers from fixed lists as labels in the notification's language ("Nogle
gange", "I saw it myself"), signals with their labels, CPR numbers as ten
digits and the earlier-notifications answer as "label: details". Envelopes
sealed with it stay readable: :func:`upgrade_v1` turns such a document into a
schema v2 one (codes, ``DDMMYY-SSSS``), marked ``upgraded_from: 1`` because
its § 133 grounds are derived here, not confirmed by the notifier. A label no
code list knows is refused (:class:`NotificationUnreadable`) rather than
dropped: nothing a notifier wrote is lost silently.

Pure Python over plain JSON values; the code lists come from :mod:`protocol.codes`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from protocol.codes import CodeList, code_lists
from protocol.errors import UnderretError

#: The v1 category ids whose signals make the abuse ground (barnets lov § 133, stk. 1, nr. 4).
ABUSE_CATEGORIES = frozenset({"physical_violence", "psychological_violence", "sexual_abuse",
                              "domestic_violence"})


class NotificationUnreadable(UnderretError):  # noqa: N818 - house style: errors named for what happened
    """A notification.json that is neither a valid v1 nor a v2 document (details: problem)."""

    message_id = "notification.unreadable"


def schema_version_of(document: Mapping[str, Any]) -> int:
    """The document's ``schema_version`` (1 or 2); NotificationUnreadable for anything else."""
    version = document.get("schema_version")
    if version in (1, 2) and not isinstance(version, bool):
        return int(version)
    raise NotificationUnreadable("unknown notification.json schema version", problem="schema_version")


def _cpr(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value)
    if len(text) == 10 and text.isdigit():
        return f"{text[:6]}-{text[6:]}"
    return text  # already DDMMYY-SSSS, or wrong: the v2 schema says which


def _code(codes: CodeList, label: Any, where: str) -> str:
    if not isinstance(label, str):
        raise NotificationUnreadable(f"{where}: not a label", problem=where)
    code = codes.code_for_label(label)
    if code is None:
        raise NotificationUnreadable(f"{where}: no code for this label", problem=where)
    return code


def _earlier(text: Any, codes: CodeList) -> dict[str, Any] | None:
    """v1 wrote "Ja: details", "Nej" or "Don't know"; v2 has the code and the details apart."""
    if not isinstance(text, str) or not text.strip():
        return None
    head, sep, tail = text.partition(": ")
    code = codes.code_for_label(head)
    if code is not None:
        return {"known": code, "details": tail if sep and tail else None}
    whole = codes.code_for_label(text)
    if whole is not None:
        return {"known": whole, "details": None}
    # A text that starts with no known label is still something the notifier knows of: keep it all.
    return {"known": "yes", "details": text}


def derived_grounds(identity: str, category_ids: set[str], abuse_in_household: bool = False) -> list[str]:
    """The § 133 grounds the answers point to (the same rule the form's suggestions follow)."""
    grounds = ["unborn_child" if identity == "unborn" else "special_support"]
    if "school_absence" in category_ids:
        grounds.append("school_absence")
    if category_ids & ABUSE_CATEGORIES or abuse_in_household:
        grounds.append("abuse")
    return grounds


def upgrade_v1(document: Mapping[str, Any], lists: Mapping[str, CodeList] | None = None) -> dict[str, Any]:
    """A schema v1 ``notification.json`` (as parsed JSON) as a schema v2 one; the input is not changed."""
    if schema_version_of(document) != 1:
        raise NotificationUnreadable("not a schema v1 document", problem="schema_version")
    lists = lists if lists is not None else code_lists()
    try:
        return _upgrade(document, lists)
    except (KeyError, TypeError, AttributeError) as exc:
        raise NotificationUnreadable(f"not a v1 notification.json: {type(exc).__name__}",
                                     problem=str(exc)) from exc


def _upgrade(doc: Mapping[str, Any], lists: Mapping[str, CodeList]) -> dict[str, Any]:
    child, concern, notifier, pack = doc["child"], doc["concern"], doc["notifier"], doc["pack"]
    categories = {str(s["category_id"]) for s in concern.get("signals", [])}
    # In v1 a parent was never told when abuse at home was suspected (the form's rule); the v1 document
    # did not keep the answer itself, so the signals decide here.
    out: dict[str, Any] = {
        "schema_version": 2,
        "notification_id": doc["notification_id"],
        "language": doc["language"],
        "created_at": doc["created_at"],
        "finalised_at": doc["finalised_at"],
        "form": dict(doc["form"]),
        "pack": {"id": pack["id"], "version": pack["version"],
                 "municipality_code": pack["municipality_code"]},
        "corrects": doc.get("corrects"),
        "acute": doc["acute"],
        "grounds": derived_grounds(str(child["identity"]), categories),
        "child": {
            "identity": child["identity"],
            "cpr": _cpr(child.get("cpr")),
            "name": child.get("name"),
            "birth_date": child.get("birth_date"),
            "due_date": child.get("due_date"),
            "age_band": child["age_band"],
            "address": child.get("address"),
            # v1 always went to the pack's municipality: that is where this one was sent.
            "municipality_code": pack["municipality_code"],
            "expectant_mother": None,
            "institution": child.get("institution"),
            "group_or_class": child.get("group_or_class"),
            "languages": list(child.get("languages", [])),
            "informed": None,
            "not_informed_reason": None,
            "own_view": None,
        },
        "siblings": [{**s, "cpr": _cpr(s.get("cpr"))} for s in doc.get("siblings", [])],
        "custody_holders": [{**h, "cpr": None} for h in doc.get("custody_holders", [])],
        "notifier": {k: v for k, v in notifier.items() if k != "relation_to_child"},
        "knowledge": {"role": notifier.get("relation_to_child"), "duration": None, "development": None,
                      "wellbeing": None, "earlier_support": None},
        "concern": {
            "signals": [{"id": s["id"], "category_id": s["category_id"], "acute": bool(s.get("acute", False))}
                        for s in concern.get("signals", [])],
            "observations": concern["observations"],
            "sources": [_code(lists["observation_source"], label, f"concern.sources[{n}]")
                        for n, label in enumerate(concern.get("sources", []))],
            "observed_when": concern.get("observed_when"),
            "observed_where": concern.get("observed_where"),
            "frequency": _code(lists["frequency"], concern["frequency"], "concern.frequency")
            if concern.get("frequency") else None,
            "child_words": concern.get("child_words"),
            "actions_taken": concern.get("actions_taken"),
            "institution_efforts": concern.get("institution_efforts"),
            "assessment": concern.get("assessment"),
            "worry_level": concern.get("worry_level_id"),
        },
        "body_map": None,
        "other_professionals": [dict(p) for p in doc.get("other_professionals", [])],
        "earlier_notifications": _earlier(doc.get("earlier_notifications"), lists["yes_no_unknown"]),
        "attachments": [
            {"file": a["name"], "name": a["name"], "media_type": a["media_type"], "size": 0,
             "sha256": a["sha256"]}
            for a in doc.get("attachments", [])
        ],
        "upgraded_from": 1,
    }
    if concern.get("worry_level") and not concern.get("worry_level_id"):
        raise NotificationUnreadable("concern.worry_level has no id", problem="concern.worry_level")
    return out
