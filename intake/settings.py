"""What a municipality can set on its intake (``serve`` options), with defaults for a real install.

The defaults protect a small server on the open network: enrolled senders only, a few envelopes
per minute per PC, timeouts that close idle and slow connections, a disk watermark. Demo mode and
the tests use :meth:`IntakeSettings.for_demo` (any sender, no rate limit).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from intake.errors import IntakeError
from protocol.receipts import Receipt, ReceiptInvalid

DEFAULT_MAX_BODY = 32 * 1024 * 1024


class SettingInvalid(IntakeError):  # noqa: N818 - what IT is told
    """A ``serve`` option that cannot work (the sentence names it and says what to give)."""

    message_id = "intake.setting_invalid"


@dataclass(frozen=True)
class IntakeSettings:
    """The intake's limits and choices; every field is a ``serve`` option of the same name."""

    max_body: int = DEFAULT_MAX_BODY
    reference_prefix: str = "DEMO"
    #: Accept envelopes from any sender key (demo and tests). Otherwise only enrolled keys.
    open_enrolment: bool = False
    #: New envelopes per sender key: a burst of ``rate_burst``, refilled at ``rate_per_minute``. A PC
    #: that was offline for a week sends its backlog at once (a busy office has tens waiting, not 100),
    #: and 500 in about a quarter of an hour; the daily quota below is what stops a flood.
    rate_per_minute: float = 30.0
    rate_burst: int = 100
    #: New sender keys one enrolment token may enrol: a burst of ``enrol_burst``, refilled at
    #: ``enrol_per_hour``. The token is in every PC's policy, readable by anyone who uses one; without
    #: this, whoever read it could enrol keys without end, each with its own rate and quota.
    enrol_per_hour: float = 60.0
    enrol_burst: int = 200
    #: Per sender key in any 24 hours (``0`` = no limit).
    quota_count: int = 500
    quota_bytes: int = 2 * 1024**3
    #: Below this much free space where envelopes are written, new envelopes are refused with 507.
    min_free_bytes: int = 1024**3
    #: Uploads in progress at once; more are answered 503 with Retry-After at once.
    max_uploads: int = 64
    #: Bytes of envelopes being checked in memory at once (larger waits its turn; the rest is on disk).
    memory_budget: int = 96 * 1024 * 1024
    #: Seconds for a client to complete a request's headers (and its TLS handshake).
    header_timeout: float = 10.0
    #: Seconds without a byte of body before an upload is given up (408).
    body_idle_timeout: float = 15.0
    #: After the first 10 seconds, an upload slower than this on average is given up (408).
    body_min_bytes_per_second: int = 8 * 1024
    #: Seconds an idle keep-alive connection stays open.
    keep_alive_timeout: float = 5.0
    #: Where bodies wait on disk while they arrive (owner-only temporary files; None = the system's).
    spool_dir: Path | None = None
    #: Envelopes every desk has fetched are deleted this many days later (None = kept).
    delete_fetched_after_days: int | None = None
    #: Serve ``/metrics`` (Prometheus). Keep it off the public side (the nginx example does).
    metrics: bool = True
    #: Seconds a PC is told to wait (Retry-After) when the server is busy.
    retry_after: int = 30
    #: The HTTP parser: ``auto`` (httptools when installed, else h11), ``httptools`` or ``h11``.
    http_parser: str = "auto"
    #: The municipality's CA for desk certificates (PEM): a desk may enrol with a certificate it issued.
    desk_ca: Path | None = None

    @classmethod
    def for_demo(cls, **changes: object) -> IntakeSettings:
        """Demo mode and tests: any sender key, no rate limit or quota; the rest as in production."""
        base = cls(open_enrolment=True, rate_per_minute=0, quota_count=0, quota_bytes=0, min_free_bytes=0,
                   enrol_per_hour=0)
        return dataclasses.replace(base, **changes)  # type: ignore[arg-type]

    def check(self) -> IntakeSettings:
        """Refuse settings that cannot work, before the server starts (SettingInvalid names the option)."""
        check_reference_prefix(self.reference_prefix)
        if self.max_body < 1024:
            raise SettingInvalid("--max-body must be at least 1024 bytes", setting="max_body")
        if self.max_uploads < 1 or self.header_timeout <= 0 or self.body_idle_timeout <= 0:
            raise SettingInvalid("--max-uploads and the timeouts must be positive", setting="timeouts")
        if self.memory_budget < 4 * 1024 * 1024:
            raise SettingInvalid("--memory-budget must be at least 4 MiB", setting="memory_budget")
        if self.desk_ca is not None:
            from cryptography import x509

            try:
                x509.load_pem_x509_certificate(self.desk_ca.read_bytes())
            except (OSError, ValueError) as exc:
                raise SettingInvalid("--desk-ca must be a readable PEM certificate",
                                     setting="desk_ca") from exc
        return self


def check_reference_prefix(prefix: str) -> None:
    """Refuse a prefix whose references the app would reject (it would then resend forever).

    The receipt a PC verifies must carry a reference the app accepts; the longest one this intake
    can issue (the year 9999, sequence number 10^12) is checked with the app's own receipt reader.
    """
    longest = f"{prefix}-9999-{10**12}"
    sample = Receipt("00000000-0000-4000-8000-000000000000", datetime(2026, 1, 1, tzinfo=UTC), longest,
                     "0" * 64)
    try:
        Receipt.from_json(sample.to_json())
    except (ReceiptInvalid, ValueError) as exc:
        raise SettingInvalid(
            f"--reference-prefix {prefix!r} would give references the app refuses (such as {longest!r}), so "
            "every PC would send its notifications again and again. Use 1-45 plain letters A-Z/a-z, digits, "
            "'.', '_' "
            "or '-', starting with a letter or digit (for example KBH or AEROE)",
            setting="reference_prefix",
        ) from exc
