"""``underret-pack``: the municipality's tool to make signing keys, sign packs and check them.

::

    underret-pack keygen --out DIR [--id KEY_ID]   # DIR/<id>.key (private) and DIR/<id>.pub
    underret-pack sign PACK.yaml --key DIR/<id>.key  # writes PACK.yaml.sig
    underret-pack verify PACK.yaml --trusted DIR/<id>.pub [more.pub ...] [--in-force VERSION]
    underret-pack verify PACK.yaml --policy policy.json [--in-force VERSION]

``verify`` runs the app's own check (:func:`desktop.config.signed_updates.verify_document`, the
same code the app runs on a download): the size, the signature against the given public keys (or
the policy's ``trusted_pack_keys``), the pack schema, that the pack's id is its file name (the app
asks the source for ``<municipality>.yaml``), and that it is not older than the copy shipped with
this version of Underret nor than ``--in-force`` (the version PCs use now; ``underret doctor``
shows it). ``--kind directory`` checks a municipality directory the same way. Exit status 0 means
the app would accept it, 1 that it would refuse it, 2 that the keys or options are wrong. A pack's
Danish texts are also held to the glossary (``i18n/GLOSSARY.md``): a term it rules out is a
``WARNING`` line on an accepted pack, never a refusal.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import UTC, datetime
from pathlib import Path

from desktop.config.pack_signing import (
    SIGNATURE_SUFFIX,
    SigningKeyError,
    generate_key_pair,
    load_signing_key,
    load_trusted_key,
    sign_pack_file,
)
from desktop.config.policy import Policy
from desktop.config.signed_updates import DocumentKind
from desktop.errors import UnderretError


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="underret-pack",
        description="Sign and verify Underret guideline packs and the municipality directory.")
    commands = parser.add_subparsers(dest="command", required=True)
    keygen = commands.add_parser("keygen", help="create a new Ed25519 pack signing key pair")
    keygen.add_argument("--out", type=Path, required=True, help="folder for <id>.key and <id>.pub")
    keygen.add_argument("--id", dest="key_id", default=None,
                        help="key id written in signatures (default: pack-YYYYMMDD)")
    sign = commands.add_parser("sign", help="write PACK.sig next to PACK")
    sign.add_argument("pack", type=Path)
    sign.add_argument("--key", type=Path, required=True, help="the private <id>.key file")
    verify = commands.add_parser("verify", help="check PACK exactly as the app does before taking it")
    verify.add_argument("pack", type=Path)
    trust = verify.add_mutually_exclusive_group(required=True)
    trust.add_argument("--trusted", type=Path, nargs="+", help="public <id>.pub file(s)")
    trust.add_argument("--policy", type=Path, help="a policy.json whose trusted_pack_keys are used")
    verify.add_argument("--in-force", dest="in_force", default=None, metavar="VERSION",
                        help="the version PCs use now: an older one is refused (no rollback)")
    verify.add_argument("--kind", choices=sorted(document_kinds()), default="pack",
                        help="what the file is (default: a guideline pack)")
    return parser


def main(argv: list[str] | None = None) -> int:
    """Entry point of ``underret-pack``."""
    args = build_parser().parse_args(sys.argv[1:] if argv is None else argv)
    try:
        if args.command == "keygen":
            return _keygen(args.out, args.key_id)
        if args.command == "sign":
            return _sign(args.pack, args.key)
        return _verify(args.pack, args.kind, args.trusted, args.policy, args.in_force)
    except (UnderretError, OSError) as exc:
        print(f"underret-pack: {exc}", file=sys.stderr)
        return 1


def _keygen(out: Path, key_id: str | None) -> int:
    key_id = key_id or datetime.now(UTC).strftime("pack-%Y%m%d")
    try:
        private_path, public_path = generate_key_pair(key_id, out)
    except ValueError:
        print(f"underret-pack: invalid key id {key_id!r}: use letters, digits, '.', '_' and '-'",
              file=sys.stderr)
        return 2
    except FileExistsError as exc:
        print(f"underret-pack: {exc}", file=sys.stderr)
        return 1
    entry = json.loads(public_path.read_text("utf-8"))
    print(f"private key: {private_path}  (keep it secret and off the file share)")
    print(f"public key:  {public_path}")
    print("add this to trusted_pack_keys in the policy:")
    print(json.dumps(entry))
    return 0


def _sign(pack: Path, key_file: Path) -> int:
    key = load_signing_key(key_file)
    signature = sign_pack_file(pack, key)
    print(f"signed {pack.name} with key {key.key_id}: {signature}")
    return 0


def document_kinds() -> dict[str, DocumentKind]:
    """Every kind of signed document IT distributes, by name (one code path: signed_updates)."""
    from desktop.config.pack_updates import PACK

    kinds = {PACK.kind: PACK}
    import importlib

    try:
        directory = importlib.import_module("desktop.config.directory_updates")
    except ImportError:  # the municipality directory is not part of this build yet
        return kinds
    kinds[directory.DIRECTORY.kind] = directory.DIRECTORY
    return kinds


def _verify(pack: Path, kind_name: str, trusted_files: list[Path] | None, policy_file: Path | None,
            in_force: str | None) -> int:
    from desktop.config.policy import PolicyInvalid, load_policy_file
    from desktop.config.signed_updates import shipped_version, verify_document

    kind = document_kinds()[kind_name]
    try:
        if policy_file is not None:
            trusted = list(load_policy_file(policy_file).trusted_pack_keys or [])
            if not trusted:
                print(f"underret-pack: {policy_file} trusts no pack signing key (trusted_pack_keys)",
                      file=sys.stderr)
                return 2
        else:
            trusted = [load_trusted_key(path) for path in trusted_files or []]
    except (SigningKeyError, PolicyInvalid) as exc:
        print(f"underret-pack: {exc}", file=sys.stderr)
        return 2
    data = pack.read_bytes()
    sig_path = pack.with_name(pack.name + SIGNATURE_SUFFIX)
    signature = sig_path.read_bytes() if sig_path.is_file() else None
    name = pack.name.removesuffix(kind.suffix)
    floors: list[tuple[str, str]] = []
    shipped = shipped_version(kind, Policy(municipality=name) if kind.kind == "pack" else Policy())
    if shipped is not None:
        floors.append(("shipped with this version of Underret", shipped))
    if in_force:
        floors.append(("in force (--in-force)", in_force))
    try:
        key_id, loaded = verify_document(kind, data, signature, trusted, name, floors)
    except UnderretError as exc:
        print(f"REFUSED {pack.name}: {exc} ({exc.message_id})", file=sys.stderr)
        if kind.kind == "pack":  # the wording too, so one round of fixes before signing again
            _wording_warnings(pack.name, data)
        return 1
    print(f"OK {pack.name}: {kind.kind} {loaded.id} version {loaded.version}, signed by {key_id}")
    if kind.kind == "pack":
        _wording_warnings(pack.name, data)
    return 0


def _wording_warnings(name: str, data: bytes) -> None:
    """Warn (never refuse) about Danish terms the glossary rules out (i18n/GLOSSARY.md): the national
    texts are held to it by a test; a municipality's own pack hears about it here, before PCs show it."""
    import yaml

    from desktop.domain.glossary import check_yaml

    try:
        parsed = yaml.safe_load(data)
    except yaml.YAMLError:
        return  # not YAML at all: the refusal says so
    hits = check_yaml(parsed, name)
    for hit in hits:
        print(f"WARNING {hit}")
    if hits:
        print(f"{len(hits)} wording warning(s) in {name}: the pack is accepted, but its Danish should "
              f"use the terms in Underret's glossary (i18n/GLOSSARY.md)")
