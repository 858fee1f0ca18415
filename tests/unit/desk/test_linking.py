"""Earlier notifications about the same child (CPR; unborn by the mother's CPR) and its siblings."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from desktop.desk.linking import KeyKind, Relation, history, person_keys, relation
from tests.support.desk import fictitious_cpr, received

T0 = datetime(2026, 1, 10, 9, 0, tzinfo=UTC)
CHILD = fictitious_cpr(date(2018, 4, 2))
OTHER = fictitious_cpr(date(2018, 4, 2), 1)
MOTHER = fictitious_cpr(date(1990, 6, 3))
FATHER = fictitious_cpr(date(1988, 2, 14))


def test_the_third_notification_in_twelve_months_says_so_with_dates_grounds_and_notifiers() -> None:
    old = received(when=T0 - timedelta(days=500), cpr=CHILD, role="Pædagog")
    first = received(when=T0, cpr=CHILD, grounds=("special_support",), role="Lærer")
    second = received(when=T0 + timedelta(days=100), cpr=CHILD, grounds=("abuse",), role="Sundhedsplejerske")
    third = received(when=T0 + timedelta(days=200), cpr=CHILD)
    unrelated = received(when=T0, cpr=OTHER)
    shown = history(third, [first, unrelated, old, second, third])
    assert shown.ordinal_in_window == 3
    assert shown.ordinal == 4  # in all: the one 500 days back counts here, not in the 12 months
    assert [link.notification_id for link in shown.same_child] == [
        second.notification_id, first.notification_id, old.notification_id]
    assert shown.same_child[0].grounds == ("abuse",)
    assert shown.same_child[0].notifier_role == "Sundhedsplejerske"
    assert all(link.earlier for link in shown.same_child)
    assert shown.is_repeat
    assert history(first, [first, second, third]).ordinal_in_window == 1
    assert not history(first, [first, second, third]).is_repeat


def test_an_unborn_child_is_linked_by_the_expectant_mothers_cpr() -> None:
    a = received(when=T0, unborn=True, mother_cpr=MOTHER, due=date(2026, 5, 1))
    b = received(when=T0 + timedelta(days=20), unborn=True, mother_cpr=MOTHER, due=date(2026, 5, 1))
    assert relation(a, b) is Relation.SAME_CHILD
    assert history(b, [a]).ordinal_in_window == 2


def test_a_newborn_near_the_due_date_is_the_unborn_child_an_older_child_is_a_sibling() -> None:
    unborn = received(when=T0, unborn=True, mother_cpr=MOTHER, due=date(2026, 5, 1))
    newborn = received(when=T0 + timedelta(days=140), cpr=fictitious_cpr(date(2026, 4, 24)),
                       birth=date(2026, 4, 24), parents=(MOTHER, FATHER))
    older = received(when=T0, cpr=CHILD, birth=date(2018, 4, 2), parents=(MOTHER,))
    assert relation(unborn, newborn) is Relation.SAME_CHILD
    assert relation(unborn, older) is Relation.SIBLING
    assert relation(newborn, older) is Relation.SIBLING


def test_siblings_through_a_shared_parent_are_shown_apart_from_the_child() -> None:
    child = received(when=T0 + timedelta(days=3), cpr=CHILD, parents=(FATHER,))
    sibling = received(when=T0, cpr=OTHER, parents=(FATHER, MOTHER))
    shown = history(child, [sibling])
    assert shown.same_child == ()
    assert [link.relation for link in shown.siblings] == [Relation.SIBLING]
    assert shown.ordinal_in_window == 1


def test_no_cpr_links_nothing() -> None:
    a, b = received(when=T0), received(when=T0)
    assert relation(a, b) is None


def test_the_store_indexes_every_cpr_a_notification_names() -> None:
    item = received(when=T0, cpr=CHILD, parents=(MOTHER, FATHER))
    assert person_keys(item) == [(KeyKind.CHILD, CHILD), (KeyKind.PARENT, MOTHER), (KeyKind.PARENT, FATHER)]


def test_two_received_in_the_same_second_are_ordered_as_the_intake_received_them() -> None:
    from dataclasses import replace

    late_id, early_id = "ffffffff-0000-4000-8000-000000000000", "00000000-0000-4000-8000-000000000000"
    first = replace(received(when=T0, cpr=CHILD, notification_id=late_id), seq=7)
    second = replace(received(when=T0, cpr=CHILD, notification_id=early_id), seq=8)
    assert history(second, [first]).ordinal_in_window == 2
    assert history(first, [second]).ordinal_in_window == 1
