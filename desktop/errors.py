"""The app's error root: :class:`UnderretError`, defined once in :mod:`protocol.errors`.

Every layer raises subclasses of :class:`UnderretError` carrying a stable
``message_id``; the UI turns the id into a translated sentence, so no layer
below the UI formats user-facing text. The class lives in the shared
``protocol`` package so that the wire protocol's errors (envelope, receipt)
are ``UnderretError`` for the app as well.
"""

from __future__ import annotations

from protocol.errors import UnderretError

__all__ = ["UnderretError"]
