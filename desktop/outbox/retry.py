"""When to try again: exponential backoff with full jitter, capped.

Full jitter (a random wait between a floor and the exponential ceiling) keeps
many PCs that lost the network together from all retrying at the same moment
when it comes back.
"""

from __future__ import annotations

import random

BASE_SECONDS = 5.0
CAP_SECONDS = 3600.0
FLOOR_SECONDS = 1.0


def backoff_seconds(
    attempt: int,
    rng: random.Random | None = None,
    *,
    base: float = BASE_SECONDS,
    cap: float = CAP_SECONDS,
) -> float:
    """Seconds to wait after failed attempt number ``attempt`` (1 = the first failure).

    Uniform in ``[FLOOR_SECONDS, min(cap, base * 2 ** (attempt - 1))]``; never more than ``cap``.
    """
    exponent = min(max(attempt, 1) - 1, 40)  # 2**40 * base is far past any cap; avoids huge floats
    ceiling = min(cap, base * (2.0**exponent))
    floor = min(FLOOR_SECONDS, ceiling)
    return (rng or random.SystemRandom()).uniform(floor, ceiling)
