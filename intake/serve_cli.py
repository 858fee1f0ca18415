"""``underret-intake serve``: its options and how the server is started (logging, umask, limits).

Every limit of :class:`~intake.settings.IntakeSettings` is an option of the same name. Files the
server creates (the SQLite database and its WAL, spooled uploads) are owner-only: the umask is 077.
Logs go to stderr (the journal under systemd): one line per request without personal data
(``intake.access``), and warnings and errors once per cause per minute.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from pathlib import Path

import uvicorn

from intake import keys
from intake.app import create_app
from intake.observability import OncePerCause
from intake.server import (
    raise_open_file_limit,
    return_large_buffers_to_the_system,
    run_server,
    uvicorn_config,
)
from intake.settings import DEFAULT_MAX_BODY, IntakeSettings, SettingInvalid

_DEFAULTS = IntakeSettings()


def add_serve_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """The ``serve`` subcommand and its options."""
    serve = sub.add_parser("serve", help="run the HTTPS intake")
    serve.add_argument("--host", default="127.0.0.1",
                       help="address to listen on (default %(default)s; 0.0.0.0 for every address)")
    serve.add_argument("--port", type=int, default=8443, help="port to listen on (default %(default)s)")
    serve.add_argument("--db", required=True, help="an SQLite file, or a PostgreSQL connection string "
                       "(postgresql://... or 'host=... dbname=...')")
    serve.add_argument("--receipt-key", type=Path, required=True,
                       help="the receipt signing key (receipt-signing.key.json from keygen)")
    serve.add_argument("--cert", type=Path, help="the TLS certificate (PEM, with its chain)")
    serve.add_argument("--key", type=Path, help="the TLS certificate's private key (PEM)")
    serve.add_argument("--max-body", type=int, default=DEFAULT_MAX_BODY,
                       help="largest envelope in bytes (default %(default)s); larger: 413")
    serve.add_argument("--reference-prefix", default="DEMO",
                       help="what references start with, e.g. KBH (default %(default)s; checked at start)")
    serve.add_argument("--loopback-http", action="store_true",
                       help="plain HTTP on 127.0.0.1 only (demo fallback, or behind a reverse proxy)")
    serve.add_argument(
        "--accept-key", type=Path, action="append", default=None,
        help="recipient.pub.json of a key the municipality holds (repeatable: old and new while rotating); "
        "envelopes sealed to none of them are refused. Without it, any key is accepted")
    serve.add_argument("--open", action="store_true",
                       help="accept envelopes from any sender key, enrolled or not (demo and tests only)")
    limits = serve.add_argument_group("limits")
    limits.add_argument("--rate-per-minute", type=float, default=_DEFAULTS.rate_per_minute,
                        help="new envelopes per sender key per minute after --rate-burst (default "
                        "%(default)s; 0: no limit); beyond: 429 with Retry-After")
    limits.add_argument("--rate-burst", type=int, default=_DEFAULTS.rate_burst,
                        help="new envelopes one sender key may send at once (default %(default)s)")
    limits.add_argument("--enrol-per-hour", type=float, default=_DEFAULTS.enrol_per_hour,
                        help="new PCs one enrolment token may enrol per hour after --enrol-burst (default "
                        "%(default)s; 0: no limit)")
    limits.add_argument("--enrol-burst", type=int, default=_DEFAULTS.enrol_burst,
                        help="new PCs one enrolment token may enrol at once (default %(default)s)")
    limits.add_argument("--quota-count", type=int, default=_DEFAULTS.quota_count,
                        help="envelopes per sender key in any 24 hours (default %(default)s; 0: no limit)")
    limits.add_argument("--quota-bytes", type=int, default=_DEFAULTS.quota_bytes,
                        help="bytes per sender key in any 24 hours (default %(default)s; 0: no limit)")
    limits.add_argument("--min-free-bytes", type=int, default=_DEFAULTS.min_free_bytes,
                        help="below this much free disk, envelopes are refused with 507 "
                        "(default %(default)s)")
    limits.add_argument("--max-uploads", type=int, default=_DEFAULTS.max_uploads,
                        help="uploads in progress at once (default %(default)s); more: 503 with Retry-After")
    limits.add_argument("--memory-budget", type=int, default=_DEFAULTS.memory_budget,
                        help="bytes of envelopes checked in memory at once (default %(default)s); the "
                        "rest wait on disk")
    limits.add_argument("--header-timeout", type=float, default=_DEFAULTS.header_timeout,
                        help="seconds for a TLS handshake and a request's headers (default %(default)s)")
    limits.add_argument("--body-idle-timeout", type=float, default=_DEFAULTS.body_idle_timeout,
                        help="seconds without a byte of an envelope before 408 (default %(default)s)")
    limits.add_argument("--body-min-bytes-per-second", type=int, default=_DEFAULTS.body_min_bytes_per_second,
                        help="slowest average upload after its first 10 s before 408 (default %(default)s)")
    limits.add_argument("--keep-alive-timeout", type=float, default=_DEFAULTS.keep_alive_timeout,
                        help="seconds an idle connection stays open (default %(default)s)")
    limits.add_argument("--spool-dir", type=Path, default=None,
                        help="where envelopes wait on disk while they arrive (default: the system's "
                        "temporary folder; owner-only files)")
    limits.add_argument("--delete-fetched-after-days", type=int, default=None,
                        help="delete envelopes this many days after every desk has fetched them")
    limits.add_argument("--no-metrics", action="store_true", help="do not serve /metrics")
    serve.add_argument("--desk-ca", type=Path, default=None,
                       help="the municipality's CA for desk certificates (PEM): desks may enrol with one")


def settings_from(args: argparse.Namespace) -> IntakeSettings:
    """The settings the options give (checked: SettingInvalid names a bad one)."""
    return IntakeSettings(
        max_body=args.max_body, reference_prefix=args.reference_prefix, open_enrolment=args.open,
        rate_per_minute=args.rate_per_minute, rate_burst=args.rate_burst, enrol_per_hour=args.enrol_per_hour,
        enrol_burst=args.enrol_burst, quota_count=args.quota_count,
        quota_bytes=args.quota_bytes, min_free_bytes=args.min_free_bytes, max_uploads=args.max_uploads,
        memory_budget=args.memory_budget, header_timeout=args.header_timeout,
        body_idle_timeout=args.body_idle_timeout, body_min_bytes_per_second=args.body_min_bytes_per_second,
        keep_alive_timeout=args.keep_alive_timeout, spool_dir=args.spool_dir,
        delete_fetched_after_days=args.delete_fetched_after_days, metrics=not args.no_metrics,
        desk_ca=args.desk_ca,
    ).check()


def configure_logging() -> None:
    """Logs to stderr, warnings and errors once per cause per minute."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
    handler.addFilter(OncePerCause())
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(logging.INFO)
    for name in ("uvicorn", "uvicorn.error", "asyncio"):
        logging.getLogger(name).handlers[:] = []
        logging.getLogger(name).propagate = True


def run_serve(args: argparse.Namespace) -> int:
    """``serve``: check everything, then serve until stopped."""
    loopback = args.host == "127.0.0.1"
    if (args.cert is None or args.key is None) and not (args.loopback_http and loopback):
        print("serve needs --cert and --key (plain HTTP: --loopback-http on 127.0.0.1)", file=sys.stderr)
        return 2
    try:
        settings = settings_from(args)
    except SettingInvalid as exc:
        print(f"error: {exc.message_id}: {exc}", file=sys.stderr)
        return 2
    os.umask(0o077)  # the database, its WAL and spooled uploads: owner-only
    return_large_buffers_to_the_system()
    raise_open_file_limit()
    accepted = None
    if args.accept_key is not None:
        accepted = {keys.load_recipient_key_id(path): keys.load_public(path) for path in args.accept_key}
    app = create_app(args.db, keys.load_receipt_signing_key(args.receipt_key), recipient_keys=accepted,
                     settings=settings)
    configure_logging()
    config = uvicorn_config(app, settings, cert_file=args.cert, key_file=args.key, host=args.host,
                            port=args.port, log_level="info", own_logging=True)
    run_server(uvicorn.Server(config), settings)
    return 0
