"""Earlier notifications about the same child, and about its siblings.

A municipality must see repeated notifications together (FOB 2014-19: eleven notifications about
two children, unheeded). The desk links a notification to others

* about the **same child**: the same child CPR; for an unborn child the same expectant mother's
  CPR; and an unborn child's notification to a later one about a newborn whose parent is that
  mother and whose birth date lies within :data:`BIRTH_MATCH` of the due date;
* about a **sibling**: another child sharing a parent's CPR, or named with its CPR as a sibling.

The store finds the candidates (an index of every CPR a notification names: :func:`person_keys`);
the rules here decide the relation and the headline "3. underretning om dette barn på 12
måneder". Pure Python.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from desktop.desk.received import ReceivedNotification

#: How far a newborn's birth date may lie from an unborn notification's due date to be that child.
BIRTH_MATCH = timedelta(weeks=8)
#: The window the headline counts over.
REPEAT_WINDOW = timedelta(days=365)


class Relation(StrEnum):
    """How another notification relates to the one shown."""

    SAME_CHILD = "same_child"
    SIBLING = "sibling"


class KeyKind(StrEnum):
    """Which role a CPR number plays in a notification (the store indexes each)."""

    CHILD = "child"
    MOTHER = "mother"  # the expectant mother of an unborn child
    PARENT = "parent"
    SIBLING = "sibling"


def person_keys(notification: ReceivedNotification) -> list[tuple[KeyKind, str]]:
    """Every CPR number the notification names, with its role (what the store indexes)."""
    keys: list[tuple[KeyKind, str]] = []
    if notification.child_cpr:
        keys.append((KeyKind.CHILD, notification.child_cpr))
    if notification.mother_cpr:
        keys.append((KeyKind.MOTHER, notification.mother_cpr))
    keys.extend((KeyKind.PARENT, cpr) for cpr in notification.parent_cprs)
    keys.extend((KeyKind.SIBLING, cpr) for cpr in notification.sibling_cprs)
    return list(dict.fromkeys(keys))


def _is_newborn_of(unborn: ReceivedNotification, born: ReceivedNotification) -> bool:
    if not unborn.unborn or born.unborn or unborn.mother_cpr is None:
        return False
    if unborn.mother_cpr not in born.parent_cprs:
        return False
    if unborn.due_date is None or born.child_birth_date is None:
        return False
    return abs(born.child_birth_date - unborn.due_date) <= BIRTH_MATCH


def relation(a: ReceivedNotification, b: ReceivedNotification) -> Relation | None:
    """How ``b`` relates to ``a`` (symmetric), or None."""
    if a.notification_id == b.notification_id:
        return None
    if a.child_cpr and a.child_cpr == b.child_cpr:
        return Relation.SAME_CHILD
    if a.unborn and b.unborn and a.mother_cpr and a.mother_cpr == b.mother_cpr:
        return Relation.SAME_CHILD
    if _is_newborn_of(a, b) or _is_newborn_of(b, a):
        return Relation.SAME_CHILD
    parents_a = set(a.parent_cprs) | ({a.mother_cpr} if a.mother_cpr else set())
    parents_b = set(b.parent_cprs) | ({b.mother_cpr} if b.mother_cpr else set())
    if parents_a & parents_b:
        return Relation.SIBLING
    if (a.child_cpr and a.child_cpr in b.sibling_cprs) or (b.child_cpr and b.child_cpr in a.sibling_cprs):
        return Relation.SIBLING
    return None


@dataclass(frozen=True)
class Linked:
    """Another notification shown at the top of one: when, on which grounds, from whom."""

    notification_id: str
    relation: Relation
    received_at: datetime
    grounds: tuple[str, ...]
    categories: tuple[str, ...]
    notifier_role: str
    workplace: str
    earlier: bool


@dataclass(frozen=True)
class History:
    """What the desk shows at the top of a notification."""

    #: This notification's number among those about the same child in the 12 months up to it (1 = first).
    ordinal_in_window: int
    same_child: tuple[Linked, ...]
    siblings: tuple[Linked, ...]

    @property
    def earlier_same_child(self) -> tuple[Linked, ...]:
        return tuple(link for link in self.same_child if link.earlier)

    @property
    def ordinal(self) -> int:
        """This notification's number among all about the same child, at any time (1 = first)."""
        return len(self.earlier_same_child) + 1

    @property
    def is_repeat(self) -> bool:
        """An earlier notification about the same child exists (at any time)."""
        return bool(self.earlier_same_child)


def history(target: ReceivedNotification, candidates: Iterable[ReceivedNotification]) -> History:
    """Link ``target`` to the candidates (any order; unrelated ones are ignored), newest first."""
    same: list[Linked] = []
    siblings: list[Linked] = []
    for other in candidates:
        found = relation(target, other)
        if found is None:
            continue
        link = Linked(other.notification_id, found, other.received_at, other.grounds, other.categories,
                      other.notifier_role, other.workplace,
                      earlier=(other.received_at, other.seq, other.notification_id)
                      < (target.received_at, target.seq, target.notification_id))
        (same if found is Relation.SAME_CHILD else siblings).append(link)
    same.sort(key=lambda link: link.received_at, reverse=True)
    siblings.sort(key=lambda link: link.received_at, reverse=True)
    window_start = target.received_at - REPEAT_WINDOW
    in_window = sum(1 for link in same if link.earlier and link.received_at >= window_start)
    return History(in_window + 1, tuple(same), tuple(siblings))
