"""Write a machine ``policy.json`` from installer properties (``underret-policy.exe`` in the MSI).

The Windows installer runs, as a deferred custom action::

    underret-policy.exe --out "C:\\ProgramData\\Underret\\policy.json" --from "[POLICY_FILE]"
        --municipality "[MUNICIPALITY]" --idle-lock-minutes "[IDLE_LOCK_MINUTES]" ...

An empty value (an installer property that was not given) means "not
managed". Values given on the command line override the same settings in
``--from``. The result is validated with the same :class:`Policy` model the
app uses before it is written (atomically), so a typo fails the installation
with a clear message instead of stopping the app later. With no values at all
and no ``--from`` nothing is written and an existing policy is left alone.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from desktop.config.atomic import atomic_write_bytes
from desktop.config.policy import (
    CERTIFICATE_FILE_SETTINGS,
    Policy,
    PolicyInvalid,
    load_policy_file,
    policy_from_mapping,
)

_TEXT = ("municipality", "pack_source", "intake_endpoint", "intake_ca_pem_file", "intake_pin_sha256",
         "receipt_public_key", "key_protection", "default_language", "proxy",
         "secure_email_to", "secure_email_certificate_file", "secure_email_from", "smtp_host", "smtp_tls",
         "smtp_ca_pem_file")
_INTS = ("idle_lock_minutes", "retention_days", "smtp_port")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="underret-policy",
                                     description="Write Underret's machine policy.json from values.")
    parser.add_argument("--out", type=Path, required=True, help="the policy.json to write")
    parser.add_argument("--from", dest="from_file", default="", help="a policy.json to start from")
    for name in (*_TEXT, *_INTS):
        parser.add_argument("--" + name.replace("_", "-"), dest=name, default="")
    parser.add_argument("--demo-allowed", dest="demo_allowed", default="", help="1/0 or true/false")
    parser.add_argument("--allowed-transports", dest="allowed_transports", default="",
                        help="comma-separated, in order of preference, e.g. https or secure_email,https")
    parser.add_argument("--trusted-pack-keys", dest="trusted_pack_keys", default="",
                        help="ID=BASE64KEY pairs separated by ';'")
    parser.add_argument("--intake-keys", dest="intake_keys", default="",
                        help="the intake's recipient keys: ID=BASE64KEY pairs separated by ';' (1-2)")
    return parser


def _key_pairs(text: str) -> list[dict[str, str]]:
    keys = []
    for pair in text.split(";"):
        if pair.strip():
            key_id, _, key = pair.partition("=")
            keys.append({"id": key_id.strip(), "public_key": key.strip()})
    return keys


def values_from_args(args: argparse.Namespace) -> dict[str, Any]:
    """The settings given on the command line, as policy JSON values (empty ones left out)."""
    values: dict[str, Any] = {}
    for name in _TEXT:
        if getattr(args, name).strip():
            values[name] = getattr(args, name).strip()
    for name in _INTS:
        raw = getattr(args, name).strip()
        if raw:
            # Not a number: keep the text so validation names the setting and the problem.
            values[name] = int(raw) if raw.lstrip("-").isdigit() else raw
    demo = args.demo_allowed.strip().lower()
    if demo:
        values["demo_allowed"] = {"1": True, "true": True, "yes": True, "0": False, "false": False,
                                  "no": False}.get(demo, demo)
    if args.allowed_transports.strip():
        values["allowed_transports"] = [t.strip() for t in args.allowed_transports.split(",") if t.strip()]
    for name in ("trusted_pack_keys", "intake_keys"):
        if getattr(args, name).strip():
            values[name] = _key_pairs(getattr(args, name))
    return values


def main(argv: list[str] | None = None) -> int:
    """Entry point; exit status 0 written (or nothing to write), 1 invalid policy."""
    args = build_parser().parse_args(sys.argv[1:] if argv is None else argv)
    base: dict[str, Any] = {}
    base_dir: Path | None = None
    try:
        if args.from_file.strip():
            source = Path(args.from_file.strip())
            load_policy_file(source)  # validates, with the file's own name in any message
            base = json.loads(source.read_text("utf-8-sig"))
            base_dir = source.parent
        values = {**base, **values_from_args(args)}
        if not values:
            print("underret-policy: no policy values given; nothing written")
            return 0
        policy: Policy = policy_from_mapping(values, str(args.out), base_dir)
    except PolicyInvalid as exc:
        print(f"underret-policy: invalid policy: {exc}", file=sys.stderr)
        return 1
    document = {name: values[name] for name in values if name in policy.managed_settings()}
    for setting in CERTIFICATE_FILE_SETTINGS:
        if getattr(policy, setting) is not None:
            # Written absolute: the policy file may live elsewhere than the file it was made from.
            document[setting] = getattr(policy, setting)
    atomic_write_bytes(args.out, (json.dumps(document, indent=2, ensure_ascii=False) + "\n").encode("utf-8"))
    print(f"underret-policy: wrote {args.out} ({', '.join(sorted(document))})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
