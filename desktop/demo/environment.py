"""The throwaway world of one demo run: folder, vault key, Demo Kommune pack, built-in intake.

Nothing here looks at the real profiles: the vault lives in the demo folder
under the system temp folder, its key is random and kept in memory only (no
keyring, no passphrase), and the pack's intake section points at the
intake this run started on 127.0.0.1. :meth:`DemoEnvironment.reset` wipes
vault and intake and starts both again; :meth:`DemoEnvironment.close`
removes the folder.
"""

from __future__ import annotations

import logging
from pathlib import Path

from desktop.demo.errors import DemoStartFailed
from desktop.demo.folder import MARKER, create_demo_folder, remove_demo_folder, sweep_stale_demo_folders
from desktop.demo.intake import DemoIntake
from desktop.demo.transport import DemoTarget, require_loopback
from desktop.domain.directory import MunicipalityDirectory, load_directory, shipped_directory_path
from desktop.domain.packs import GuidelinePack, Intake, load_pack
from desktop.paths import forms_dir
from desktop.store.keys import KeyProtection, new_vault_key, zero
from desktop.store.profiles import ProfileInfo
from desktop.store.vault import Vault

log = logging.getLogger(__name__)

DEMO_PROFILE_ID = "demo"


def demo_pack_path() -> Path:
    """``forms/packs/demo-kommune.yaml``."""
    return forms_dir() / "packs" / "demo-kommune.yaml"


def demo_pack(intake: DemoIntake, path: Path | None = None) -> GuidelinePack:
    """The Demo Kommune pack with its intake section pointing at this run's intake."""
    pack = load_pack(path or demo_pack_path())
    if not pack.demo:
        raise DemoStartFailed("the demo pack is not marked demo: true", problem="pack_not_demo")
    section = Intake.model_validate(intake.pack_intake())
    assert section.endpoint is not None
    require_loopback(section.endpoint)
    return pack.model_copy(update={"intake": section})


def demo_directory(intake: DemoIntake, path: Path | None = None) -> MunicipalityDirectory:
    """The training directory (Demo Kommune and its neighbour), every intake pointing at this run's intake."""
    directory = load_directory(path or shipped_directory_path(demo=True))
    if not directory.demo:
        raise DemoStartFailed("the demo directory is not marked demo: true", problem="directory_not_demo")
    section = Intake.model_validate(intake.pack_intake())
    assert section.endpoint is not None
    require_loopback(section.endpoint)
    entries = [entry.model_copy(update={"intake": section}) for entry in directory.municipalities]
    return directory.model_copy(update={"municipalities": entries})


class DemoEnvironment:
    """One demo run's folder, vault key, pack and intake (see the module docstring)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._key: bytearray | None = None
        self.intake: DemoIntake | None = None
        self.pack: GuidelinePack | None = None
        self.directory: MunicipalityDirectory | None = None
        self.generation = 0

    @classmethod
    def start(cls, root: Path | None = None) -> DemoEnvironment:
        """Remove stale demo folders, make a new one, create the vault and start the intake."""
        sweep_stale_demo_folders(root)
        environment = cls(create_demo_folder(root))
        try:
            environment._open()
        except BaseException:
            environment.close()
            raise
        return environment

    # --- parts ---------------------------------------------------------------------------------
    @property
    def profile(self) -> ProfileInfo:
        """The demo profile (never listed in, or written to, the real profile folder)."""
        folder = self.folder / "profile"
        return ProfileInfo(id=DEMO_PROFILE_ID, display_name="Demo", protection=KeyProtection.PASSPHRASE,
                           folder=folder, vault_path=folder / "vault.db")

    @property
    def profiles_root(self) -> Path:
        """Where the demo's ProfileDirectory points (an empty folder inside the demo folder)."""
        return self.folder / "profiles"

    def vault_key(self) -> bytearray:
        """A fresh copy of the vault key (the caller may zero it; the original stays here)."""
        if self._key is None:
            raise DemoStartFailed("the demo has been closed", problem="closed")
        return bytearray(self._key)

    def target(self) -> DemoTarget:
        """Where the demo outbox delivers: this run's intake on 127.0.0.1."""
        if self.intake is None:
            raise DemoStartFailed("the demo has been closed", problem="closed")
        return self.intake.target()

    def _open(self) -> None:
        try:
            self._key = new_vault_key()
            profile = self.profile
            profile.folder.mkdir(mode=0o700, parents=True, exist_ok=True)
            self.profiles_root.mkdir(mode=0o700, exist_ok=True)
            Vault.open(profile.vault_path, self._key, create=True).close()
            self.intake = DemoIntake(self.folder / f"intake-{self.generation}").start()
            self.pack = demo_pack(self.intake)
            self.directory = demo_directory(self.intake)
        except DemoStartFailed:
            raise
        except Exception as exc:
            log.error("demo: could not start (%s)", type(exc).__name__)
            raise DemoStartFailed(f"demo start failed: {type(exc).__name__}",
                                  problem=type(exc).__name__) from exc
        log.info("demo: started (generation %s)", self.generation)

    def _shut(self) -> None:
        if self.intake is not None:
            self.intake.stop()
            self.intake = None
        if self._key is not None:
            zero(self._key)
            self._key = None
        self.pack = None
        self.directory = None

    def reset(self) -> None:
        """Wipe the vault and the intake's database and start both again (new key, new port).

        The caller closes its vault connections and stops its outbox first.
        """
        self._shut()
        for child in self.folder.iterdir():
            if child.name == MARKER:
                continue
            if child.is_dir() and not child.is_symlink():
                remove_demo_folder(child)
            else:
                child.unlink()
        self.generation += 1
        self._open()

    def close(self) -> None:
        """Stop the intake, forget the key and delete the demo folder (safe to call twice)."""
        self._shut()
        remove_demo_folder(self.folder)
