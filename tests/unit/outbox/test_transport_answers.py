"""How the intake's answers are read: a refusal keeps the intake's own reason only when Underret knows it."""

from __future__ import annotations

import httpx
import pytest

from desktop.outbox.transport import DeliveryRejected, _interpret


def test_an_intake_refusal_keeps_the_intakes_own_reason_only_when_underret_knows_it() -> None:
    def refusal(body: object) -> str | None:
        with pytest.raises(DeliveryRejected) as info:
            _interpret("id", httpx.Response(422, json=body))
        return info.value.message_id

    assert refusal({"error": "intake.unknown_recipient_key", "reason": "sealed to k1"}) == \
        "intake.unknown_recipient_key"
    # Any other server's words are not shown as if they were ours: the general refusal.
    assert refusal({"error": "kommune.custom", "reason": "nej"}) == "delivery.rejected"
    assert refusal(["not", "an", "object"]) == "delivery.rejected"
