"""Retries back off quickly at first, then slowly, never beyond an hour, and spread out."""

from __future__ import annotations

import random

from hypothesis import given
from hypothesis import strategies as st

from desktop.outbox.retry import CAP_SECONDS, backoff_seconds


@given(st.integers(min_value=-5, max_value=10_000), st.integers(min_value=0, max_value=2**32))
def test_wait_is_positive_and_never_longer_than_the_cap(attempt: int, seed: int) -> None:
    wait = backoff_seconds(attempt, random.Random(seed))
    assert 0 < wait <= CAP_SECONDS


def test_first_retry_comes_within_seconds_and_later_ones_can_wait_longer() -> None:
    rng = random.Random(1)
    first = [backoff_seconds(1, rng) for _ in range(200)]
    tenth = [backoff_seconds(10, rng) for _ in range(200)]
    assert max(first) <= 5
    assert max(tenth) > 60


def test_many_clients_do_not_retry_in_lockstep() -> None:
    rng = random.Random(2)
    waits = {round(backoff_seconds(6, rng), 1) for _ in range(50)}
    assert len(waits) > 40
