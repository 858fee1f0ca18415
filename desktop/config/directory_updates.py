"""The municipality directory, signed and distributed exactly like guideline packs.

The policy's ``pack_source`` (a folder or an ``https://`` URL) holds
``municipalities.yaml`` and its detached signature ``municipalities.yaml.sig``,
beside the municipality's pack. :data:`DIRECTORY` is the directory's
:class:`~desktop.config.signed_updates.DocumentKind`: the same
:class:`~desktop.config.pack_updates.SignedUpdater` fetches and checks it (signed
by a key in ``trusted_pack_keys``, valid by the directory's schema, the right id,
not older than the copy in force nor the shipped one), installs it atomically in
``user_data_dir()/directory`` and falls back to the last good copy; the message
ids are ``directory.*``. ``underret-pack sign|verify`` sign and check a directory
file as they do a pack.

Demo mode never looks at the source: it uses the shipped training directory.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from desktop.config.policy import Policy
from desktop.config.signed_updates import DocumentKind, active_path
from desktop.domain.directory import (
    DIRECTORY_ID,
    MAX_DIRECTORY_BYTES,
    MunicipalityDirectory,
    directory_version_of,
    load_directory,
    load_directory_bytes,
    shipped_directory_path,
)

__all__ = ["DIRECTORY", "active_directory_path", "load_active_directory"]


def _name(policy: Policy) -> str:
    return DIRECTORY_ID


def _shipped(policy: Policy) -> Path | None:
    path = shipped_directory_path()
    return path if path.is_file() else None


def _parse(data: bytes, file_name: str) -> Any:
    return load_directory_bytes(data, file_name)


#: The municipality directory: ``municipalities.yaml`` at the pack source, kept in user_data_dir()/directory.
DIRECTORY = DocumentKind(kind="directory", folder_name="directory", name=_name, shipped=_shipped,
                         parse=_parse, version_of=directory_version_of, max_bytes=MAX_DIRECTORY_BYTES,
                         modules=("desktop.domain.directory",))


def active_directory_path(policy: Policy, *, demo: bool = False, folder: Path | None = None) -> Path:
    """The directory file in force: the last good download (unless the shipped copy is newer), else
    the shipped one; in demo mode always the shipped training directory."""
    if demo:
        return shipped_directory_path(demo=True)
    return active_path(DIRECTORY, policy, folder) or shipped_directory_path()


def load_active_directory(policy: Policy, *, demo: bool = False,
                          folder: Path | None = None) -> MunicipalityDirectory:
    """The directory in force, loaded (the checks a download passed are made again on the file)."""
    return load_directory(active_directory_path(policy, demo=demo, folder=folder))
