"""Write a machine ``policy.json`` from installer properties (``underret-policy.exe`` in the MSI).

The Windows installer runs, as a deferred custom action::

    underret-policy.exe --out "C:\\ProgramData\\Underret\\policy.json" --from "[POLICY_FILE]"
        --municipality "[MUNICIPALITY]" --idle-lock-minutes "[IDLE_LOCK_MINUTES]" ...

An empty value (an installer property that was not given) means "not
given". Values given on the command line override the same settings in
``--from``. The result is validated with the same :class:`Policy` model the
app uses before it is written (atomically), so a typo fails the installation
with a clear message instead of stopping the app later. With no values at all
and no ``--from`` nothing is written and an existing policy is left alone.

An upgrade keeps what it was not given: the values are laid over the policy
already at ``--out`` (so ``msiexec /i new.msi IDLE_LOCK_MINUTES=10`` changes the
idle time and keeps the municipality, the pack source and the rest). A whole
policy file (``--from``) replaces it instead, and ``--replace 1`` (the MSI's
``RESET_POLICY=1``) starts from nothing.

``--from-installer`` says that every value ends with a ``|`` that is not part of
it. The MSI writes each value as ``"[PROPERTY]|"``: Windows' command-line rules
make a backslash before a closing quote escape it, so a value ending in a
backslash (a UNC folder such as ``PACK_SOURCE=//fil01/packs/`` written with
backslashes) used to swallow the properties after it; with the ``|`` behind it,
the backslash is an ordinary character.
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
    OTHER_FILE_SETTINGS,
    Policy,
    PolicyInvalid,
    load_policy_file,
    policy_from_mapping,
)

_TEXT = ("municipality", "pack_source", "intake_endpoint", "intake_ca_pem_file", "intake_pin_sha256",
         "receipt_public_key", "key_protection", "default_language", "proxy",
         "secure_email_to", "secure_email_certificate_file", "secure_email_from", "smtp_host", "smtp_tls",
         "smtp_ca_pem_file", "secure_email_ca_pem_file", "secure_email_revocation", "smtp_username",
         "smtp_password_file", "secure_email_signing_p12_file", "secure_email_signing_password_file")
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
    parser.add_argument("--replace", default="",
                        help="1/true: write only what is given now (default: keep what --out already holds)")
    parser.add_argument("--from-installer", dest="from_installer", action="store_true",
                        help="every value ends with a '|' that is not part of it (the MSI's quoting)")
    return parser


_VALUE_OPTIONS = ("from_file", *_TEXT, *_INTS, "demo_allowed", "allowed_transports", "trusted_pack_keys",
                  "intake_keys", "replace")


def _strip_installer_marks(args: argparse.Namespace) -> None:
    """Drop the ``|`` the MSI puts after every value (see the module docstring)."""
    for name in _VALUE_OPTIONS:
        value = getattr(args, name)
        if not value.endswith("|"):
            raise SystemExit(f"underret-policy: the value of --{name.replace('_', '-')} lost its end mark "
                             "(a quote in a property value?)")
        setattr(args, name, value[:-1])


def _existing(out: Path) -> dict[str, Any]:
    """The policy already at ``out`` (an upgrade keeps what it is not given); PolicyInvalid if broken."""
    if not out.is_file():
        return {}
    load_policy_file(out)  # the app would refuse a broken one: so does the upgrade, by name
    document: dict[str, Any] = json.loads(out.read_text("utf-8-sig"))
    return document


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
    if args.from_installer:
        _strip_installer_marks(args)
    base: dict[str, Any] = {}
    base_dir: Path | None = None
    try:
        given = values_from_args(args)
        replace = args.replace.strip().lower() in ("1", "true", "yes")
        if given and not args.from_file.strip() and not replace:
            # Its certificate paths were written absolute; relative ones given now are the caller's.
            base = _existing(args.out)
        if args.from_file.strip():
            source = Path(args.from_file.strip())
            load_policy_file(source)  # validates, with the file's own name in any message
            base = json.loads(source.read_text("utf-8-sig"))
            base_dir = source.parent
        values = {**base, **given}
        if not values:
            print("underret-policy: no policy values given; nothing written")
            return 0
        policy: Policy = policy_from_mapping(values, str(args.out), base_dir)
    except PolicyInvalid as exc:
        print(f"underret-policy: invalid policy: {exc}", file=sys.stderr)
        return 1
    document = {name: values[name] for name in values if name in policy.managed_settings()}
    for setting in (*CERTIFICATE_FILE_SETTINGS, *OTHER_FILE_SETTINGS):
        if getattr(policy, setting) is not None:
            # Written absolute: the policy file may live elsewhere than the file it was made from.
            document[setting] = getattr(policy, setting)
    atomic_write_bytes(args.out, (json.dumps(document, indent=2, ensure_ascii=False) + "\n").encode("utf-8"))
    print(f"underret-policy: wrote {args.out} ({', '.join(sorted(document))})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
