"""Fuzzing the intake's HTTP handlers: whatever arrives, no crash, no 500, no row for an invalid input.

The real app (SQLite in a temporary folder) is called in-process through ASGI, so tens of thousands
of requests take a minute: arbitrary methods, paths, headers and bodies; valid envelopes flipped,
cut, spliced or sent under another Idempotency-Key; enrolments with arbitrary JSON and tokens. Two
intakes: one open (demo settings), one that only takes enrolled senders. After every request: the
status is one the API documents (never 5xx other than 503/507), an error names an ``intake.*`` id
in JSON, and a row was added only for a 201.
"""

from __future__ import annotations

import asyncio
import base64
import json
import os
import tempfile
import uuid
from collections.abc import Awaitable, Callable, MutableMapping
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from hypothesis import given
from hypothesis import strategies as st

from intake.app import create_app
from intake.settings import IntakeSettings
from intake.storage import open_store
from protocol.envelope import seal, sender_public_key
from protocol.keys import RecipientPrivateKey
from tests.fuzz.budget import count, examples
from tests.fuzz.json_mutations import mutated_json

_FOLDER = Path(tempfile.mkdtemp(prefix="underret-fuzz-intake-"))
_RECIPIENT = RecipientPrivateKey.generate("kommune-fuzz")
_ENROLLED_SEED = os.urandom(32)
_STRANGER_SEED = os.urandom(32)
_LOOP = asyncio.new_event_loop()

_OPEN_STORE = open_store(_FOLDER / "open.sqlite")
_CLOSED_STORE = open_store(_FOLDER / "enrolled-only.sqlite")
_TOKEN, _ = _CLOSED_STORE.create_token("fuzz", datetime.now(UTC))
_CLOSED_STORE.enrol(sender_public_key(_ENROLLED_SEED), "F", 1, datetime.now(UTC))
_SIGNING = Ed25519PrivateKey.generate()
APPS = {
    "open": (create_app(_OPEN_STORE, _SIGNING, settings=IntakeSettings.for_demo(
        reference_prefix="FUZ", max_body=256 * 1024)), _OPEN_STORE),
    "enrolled": (create_app(_CLOSED_STORE, _SIGNING, settings=IntakeSettings(
        reference_prefix="FUZ", max_body=256 * 1024, min_free_bytes=0, rate_per_minute=0, quota_count=0,
        quota_bytes=0)), _CLOSED_STORE),
}
DOCUMENTED = {200, 201, 400, 403, 404, 405, 408, 409, 413, 422, 429, 503, 507}


def _sealed(seed: bytes) -> tuple[str, bytes]:
    nid = str(uuid.uuid4())
    return nid, seal(notification_id=nid, form_version="2.0", files={"notification.json": b"{}"},
                     recipients=[_RECIPIENT.public()], sender_seed=seed)


Message = MutableMapping[str, Any]


async def _call(app: Callable[..., Awaitable[None]], method: str, path: str,
                headers: list[tuple[str, str]], body: bytes) -> tuple[int, bytes]:
    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": method,
             "scheme": "https", "path": path, "raw_path": path.encode("latin-1", "replace"),
             "query_string": b"",
             "root_path": "", "client": ("127.0.0.1", 50000), "server": ("127.0.0.1", 443),
             "headers": [(k.lower().encode("latin-1"), v.encode("latin-1")) for k, v in headers]}
    pieces = [body[i:i + 65536] for i in range(0, len(body), 65536)] or [b""]
    incoming = [{"type": "http.request", "body": piece, "more_body": n < len(pieces) - 1}
                for n, piece in enumerate(pieces)]
    status = 0
    answer = bytearray()

    async def receive() -> Message:
        if incoming:
            return incoming.pop(0)
        await asyncio.sleep(3600)  # like a client that stays connected
        return {"type": "http.disconnect"}

    async def send(message: Message) -> None:
        nonlocal status
        if message["type"] == "http.response.start":
            status = int(message["status"])
        elif message["type"] == "http.response.body":
            answer.extend(message.get("body", b""))

    await app(scope, receive, send)
    return status, bytes(answer)


def _request(which: str, method: str, path: str, headers: list[tuple[str, str]], body: bytes) -> int:
    """One request to one intake, and the checks that hold for every request."""
    count()
    app, store = APPS[which]
    before = store.count()
    status, answer = _LOOP.run_until_complete(_call(app, method, path, headers, body))
    after = store.count()
    assert status in DOCUMENTED, (status, answer[:200])
    if status >= 400 and path in ("/v1/envelopes", "/v1/senders") and method == "POST":
        error = json.loads(answer)["error"]
        assert isinstance(error, str) and error.startswith("intake.")
        assert b"Traceback" not in answer
    assert after == before + (1 if status == 201 and path == "/v1/envelopes" else 0), (status, before, after)
    return status


_TOKEN_TEXT = st.text(st.characters(min_codepoint=33, max_codepoint=126), max_size=40)
_HEADER_VALUE = st.text(st.characters(min_codepoint=32, max_codepoint=255), max_size=60)
_HEADERS = st.lists(st.tuples(st.sampled_from(["idempotency-key", "content-length", "content-type",
                                               "authorization", "x-anything", "transfer-encoding"]),
                              _HEADER_VALUE), max_size=4)


@examples(smoke=60, full=12_000)
@given(which=st.sampled_from(sorted(APPS)), method=st.sampled_from(["GET", "POST", "PUT", "DELETE", "HEAD"]),
       path=st.sampled_from(["/v1/envelopes", "/v1/senders", "/v1/health", "/metrics", "/", "/v1/x",
                             "/v1/envelopes/../senders"]),
       headers=_HEADERS, body=st.binary(max_size=2048))
def test_arbitrary_requests_get_a_documented_answer(which: str, method: str, path: str,
                                                     headers: list[tuple[str, str]], body: bytes) -> None:
    _request(which, method, path, headers, body)


@st.composite
def _damaged(draw: st.DrawFn) -> tuple[str, bytes, bool]:
    """A valid envelope (from an enrolled sender or a stranger), possibly changed; whether it is unchanged."""
    seed = draw(st.sampled_from([_ENROLLED_SEED, _STRANGER_SEED]))
    nid, envelope = _sealed(seed)
    kind = draw(st.sampled_from(["flip", "cut", "insert", "splice", "as is"]))
    data = bytearray(envelope)
    if kind == "flip":
        for _ in range(draw(st.integers(1, 4))):
            position = draw(st.integers(0, len(data) - 1))
            data[position] ^= draw(st.integers(1, 255))
    elif kind == "cut":
        data = data[: draw(st.integers(0, len(data) - 1))]
    elif kind == "insert":
        position = draw(st.integers(0, len(data)))
        data[position:position] = draw(st.binary(min_size=1, max_size=64))
    elif kind == "splice":
        _, other = _sealed(_ENROLLED_SEED)
        cut = draw(st.integers(1, len(data) - 1))
        data = data[:cut] + other[cut:]
    return nid, bytes(data), bytes(data) == envelope


@examples(smoke=60, full=16_000)
@given(which=st.sampled_from(sorted(APPS)), sealed=_damaged(),
       key=st.sampled_from(["own", "other", "upper", "garbage"]))
def test_damaged_envelopes_are_refused_and_never_stored(which: str, sealed: tuple[str, bytes, bool],
                                                         key: str) -> None:
    nid, body, intact = sealed
    header = {"own": nid, "other": str(uuid.uuid4()), "upper": nid.upper(), "garbage": "x" * 36}[key]
    status = _request(which, "POST", "/v1/envelopes", [("idempotency-key", header)], body)
    if status in (200, 201):
        assert intact and key == "own"


_ENROLMENT = {"public_key": base64.b64encode(os.urandom(32)).decode()}


@examples(smoke=40, full=12_000)
@given(which=st.sampled_from(sorted(APPS)), document=mutated_json(_ENROLMENT),
       token=st.one_of(st.just(_TOKEN), _TOKEN_TEXT, st.just("")),
       scheme=st.sampled_from(["Bearer ", "bearer ", "Basic ", ""]))
def test_enrolments_with_arbitrary_json_and_tokens_enrol_only_with_the_token(
        which: str, document: Any, token: str, scheme: str) -> None:
    body = json.dumps(document).encode()
    status = _request(which, "POST", "/v1/senders", [("authorization", scheme + token)], body)
    if status in (200, 201):
        assert token == _TOKEN and scheme.lower() == "bearer "
