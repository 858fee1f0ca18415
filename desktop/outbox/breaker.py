"""The circuit breaker of one pass: failures of the way to the municipality end it, for the whole queue.

The lanes of a pass report each attempt here. A failure whose cause is the way
to the intake (``scope == "queue"``: no network, unreachable, TLS, a slow
answer, a server error, this PC not set up) counts; a success, or an answer
about one notification only (refused, too large), shows the way is open and
resets the count. While the pass probes (its first item, alone) one such
failure ends it; afterwards two in a row do. A server's ``Retry-After`` or a
cause only IT can fix ends it at once. The sender then backs the whole queue
off together.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from desktop.outbox.failures import TransientDeliveryError

#: A pass ends (and the whole queue waits) after this many failures of the way to the intake in a row.
BREAKER_FAILURES = 2
#: Causes only IT can fix (mail login, certificates, proxy, enrolment) are tried again this rarely.
SETUP_BACKOFF_S = 900.0


class Breaker:
    """The lanes of one pass count failures of the way to the intake together; enough of them end the pass."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._in_a_row = 0
        #: Failures in a row that end the pass: 1 while probing, BREAKER_FAILURES once the probe went.
        self.limit = 1
        self.tripped: TransientDeliveryError | None = None
        #: The notification whose attempt ended the pass (its way to the municipality is the broken one).
        self.tripped_by: str | None = None
        self.open = threading.Event()  # set: the pass ends

    def went(self) -> None:
        """An attempt reached the municipality (delivered, or refused for its own reasons)."""
        with self._lock:
            self._in_a_row = 0

    def failed(self, error: TransientDeliveryError, notification_id: str | None = None) -> None:
        """An attempt failed; a cause that is not the item's own counts towards ending the pass."""
        if error.scope != "queue":
            self.went()  # the intake answered about this one item: the way is open
            return
        with self._lock:
            self._in_a_row += 1
            # The server said when to come back, or only IT can help: no point trying the next one.
            if error.retry_after is not None or error.setup or self._in_a_row >= self.limit:
                if self.tripped is None:
                    self.tripped = error
                    self.tripped_by = notification_id
                self.open.set()
