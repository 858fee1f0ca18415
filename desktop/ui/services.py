"""The services every window is handed: policy and settings, profiles, the open vault, the pack.

The windows under ``desktop/ui`` depend on this module, never on the composition root
(``desktop/app.py``), which builds a :class:`Services`, installs the wizard and delivery
parts on it and starts the shell. The dependency direction is windows -> services ->
config/store/domain.

Plug points for other areas (set by the composition root, see ``desktop.app.build_services``):

- ``services.wizard_factory(services, draft_id) -> QWidget``: the window for a
  new (``None``) or existing notification; the shell shows it and keeps it alive.
- ``services.main_window_hooks``: callables run with each new ``MainWindow``
  (the delivery UI adds its badge with ``main_window.add_status_widget``).
- ``services.window_decorators``: callables run with every top-level window the
  shell creates (the demo banner).
- ``services.demo_launcher``: a callable that starts demo mode from the
  first-run screen ("Try the demo"); ``None`` hides the button.
- ``services.about_rows``: extra (label, value) rows for About (sender key fingerprint).
- ``services.quit_guards``: callables asked when the main window closes; one
  returning False keeps the app open (items still waiting to be sent).
- ``services.session`` (:class:`desktop.ui.session.SessionLock`): windows showing
  content connect ``locking`` and call ``session.remember(...)``.
- ``services.set_pack(pack)``: use this guideline pack instead of the one in force
  (demo mode's Demo Kommune pack).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QObject, QTranslator, Signal
from PySide6.QtWidgets import QWidget

from desktop import paths
from desktop.ui.session import SessionLock

if TYPE_CHECKING:
    from desktop.config.pack_schedule import PackUpdateSchedule
    from desktop.config.policy import Policy, PolicySource
    from desktop.config.settings import Settings
    from desktop.domain.directory import MunicipalityDirectory
    from desktop.domain.packs import GuidelinePack
    from desktop.store.notifications import NotificationSummary
    from desktop.store.profiles import ProfileDirectory, ProfileInfo
    from desktop.store.vault import Synchronous, Vault
    from desktop.ui.main_window import MainWindow
    from desktop.ui.shell import Shell

log = logging.getLogger(__name__)

LANGUAGES = ("da", "en")

WizardFactory = Callable[["Services", "str | None"], QWidget]


class Translations(QObject):
    """Every ``i18n/underret_*_<lang>.qm`` (plus Qt's own) installed on the application.

    ``changed`` is emitted after each :meth:`install`, once the new texts are in place (besides the
    ``QEvent.LanguageChange`` every window receives).
    """

    changed = Signal()

    def __init__(self, app: QCoreApplication, folder: Path | None = None) -> None:
        super().__init__()
        self._app = app
        self._folder = folder if folder is not None else paths.i18n_dir()
        self._installed: list[QTranslator] = []
        self.language = "da"

    def uninstall(self) -> None:
        """Remove every translator this object installed (back to the English source texts)."""
        for translator in self._installed:
            self._app.removeTranslator(translator)
        self._installed = []

    def install(self, language: str) -> None:
        """Switch to ``language``; every window receives ``QEvent.LanguageChange``."""
        if language not in LANGUAGES:
            language = "da"
        self.uninstall()
        files = sorted(self._folder.glob(f"underret_*_{language}.qm"))
        if not files:
            log.warning("no compiled translations for %s in %s (run scripts/i18n.py compile)",
                        language, self._folder)
        for qm in files:
            translator = QTranslator(self._app)
            if translator.load(str(qm)):
                self._app.installTranslator(translator)
                self._installed.append(translator)
        if language != "en":
            qt_own = QTranslator(self._app)
            qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
            if qt_own.load(f"qtbase_{language}", qt_folder):
                self._app.installTranslator(qt_own)
                self._installed.append(qt_own)
        self.language = language
        self.changed.emit()


class OpenedVault:
    """A vault opened on a worker thread, with its key and (optionally) its list of notifications.

    (A plain class, not a NamedTuple: this module is imported before the first window, and making a
    NamedTuple class compiles its methods from source.)
    """

    __slots__ = ("key", "summaries", "vault")

    def __init__(self, key: bytearray, vault: Vault, summaries: list[NotificationSummary] | None) -> None:
        self.key = key
        self.vault = vault
        self.summaries = summaries


def _placeholder_wizard(services: Services, draft_id: str | None) -> QWidget:
    from desktop.ui.placeholder_window import PlaceholderWizardWindow

    return PlaceholderWizardWindow(services, draft_id)


class Services(QObject):
    """What the windows use: policy and settings, profiles, the open vault, the guideline pack.

    ``notifications_changed`` is emitted by whoever changes notifications
    (wizard, outbox worker) so the main window reloads its list.
    """

    notifications_changed = Signal()

    def __init__(self, *, policy: Policy, policy_source: PolicySource, settings: Settings,
                 profiles: ProfileDirectory, translations: Translations | None = None,
                 demo: bool = False, idle_seconds: float | None = None) -> None:
        super().__init__()
        self.policy = policy
        self.policy_source = policy_source
        self.settings = settings
        self.profiles = profiles
        self.translations = translations
        self.demo = demo
        self.session = SessionLock(float(settings.value("idle_lock_minutes")), self,
                                   idle_seconds=idle_seconds)
        self.profile: ProfileInfo | None = None
        self.vault: Vault | None = None
        self._key: bytearray | None = None
        self._prefetched: list[NotificationSummary] | None = None
        self._pack: GuidelinePack | None = None
        self._directory: MunicipalityDirectory | None = None
        #: Checks the policy's pack source at start and daily (None: no source, or demo mode).
        self.pack_schedule: PackUpdateSchedule | None = None
        #: Checks the same source for the municipality directory (None: no source, or demo mode).
        self.directory_schedule: PackUpdateSchedule | None = None
        self.wizard_factory: WizardFactory = _placeholder_wizard
        self.main_window_hooks: list[Callable[[MainWindow], None]] = []
        self.window_decorators: list[Callable[[QWidget], None]] = []
        self.demo_launcher: Callable[[], None] | None = None
        self.about_rows: list[Callable[[], list[tuple[str, str]]]] = []
        #: Asked in turn when the main window is closed; one returning False keeps the app open.
        self.quit_guards: list[Callable[[QWidget], bool]] = []
        self.shell: Shell | None = None
        self._windows: list[QWidget] = []

    # --- the vault -----------------------------------------------------------------------------
    @staticmethod
    def unlock_and_open(profiles: ProfileDirectory, profile: ProfileInfo,
                        passphrase: str | None) -> OpenedVault:
        """Derive the key, open the vault and read the list, all on a worker thread.

        The list comes along so the main window can show it without opening a
        second connection; hand the result to :meth:`attach_vault` on the GUI thread.
        """
        from desktop.background_imports import import_modules

        # The store's modules (and the domain modules they use) one worker at a time: see
        # desktop.background_imports.
        import_modules("desktop.store.vault")
        from desktop.store.keys import zero
        from desktop.store.vault import Vault

        try:
            key = profiles.unlock(profile.id, passphrase)
        except BaseException as error:
            _log_refused_vault(profile, error)
            raise
        try:
            # Every page is checked first (read-only): a damaged vault is refused before anything is
            # written to it or made beside it, and the person is told at once.
            vault = Vault.open(profile.vault_path, key, verify=True)
        except BaseException as error:
            zero(key)
            _log_refused_vault(profile, error)
            raise
        from desktop.ui.operations import gc_paused

        try:
            with gc_paused():
                summaries = vault.notifications.list_summaries()
        except BaseException:
            vault.close()
            zero(key)
            raise
        return OpenedVault(key, vault, summaries)

    def attach_vault(self, profile: ProfileInfo, opened: OpenedVault) -> None:
        """Make an opened vault the current one (GUI thread); the key stays only in memory."""
        self.close_vault()
        self.profile, self.vault, self._key = profile, opened.vault, opened.key
        self._prefetched = opened.summaries
        log.info("vault opened for profile %s", profile.id)

    def take_prefetched_summaries(self) -> list[NotificationSummary] | None:
        """The list read together with the unlock, once (the main window's first load)."""
        summaries, self._prefetched = self._prefetched, None
        return summaries

    def open_vault(self, profile: ProfileInfo, key: bytearray) -> Vault:
        """Open ``profile``'s vault with ``key`` on this thread and make it the current one."""
        from desktop.store.vault import Vault

        vault = Vault.open(profile.vault_path, key)
        self.attach_vault(profile, OpenedVault(key, vault, None))
        return vault

    def close_vault(self) -> None:
        """Close the vault, zero the key bytes and drop every reference to them."""
        if self.vault is not None:
            self.vault.close()
            log.info("vault closed")
        self.vault = None
        self._prefetched = None
        from desktop.store.keys import zero

        zero(self._key)
        self._key = None

    def copy_of_key(self) -> bytearray:
        """A copy of the open vault's key, to wrap it once more (a recovery passphrase); the caller
        zeroes it when done. ``VaultLocked`` when the session is locked."""
        if self._key is None:
            from desktop.store.errors import VaultLocked

            raise VaultLocked()
        return bytearray(self._key)

    def require_vault(self) -> Vault:
        """The open vault, or ``VaultLocked`` when the session is locked."""
        if self.vault is None:
            from desktop.store.errors import VaultLocked

            raise VaultLocked()
        return self.vault

    def open_reader(self, *, synchronous: Synchronous = "FULL") -> Vault:
        """A second connection to the open vault for a worker thread (WAL allows it).

        The caller closes it. Raises ``VaultLocked`` when locked. ``synchronous="NORMAL"``
        is for the outbox worker only (see ``Vault.open``).
        """
        from desktop.store.vault import Vault

        if self.profile is None or self._key is None:
            from desktop.store.errors import VaultLocked

            raise VaultLocked()
        from desktop.store.keys import zero

        # A copy for this call, zeroed at once: the worker thread never shares the key the lock zeroes,
        # and no immutable bytes copy of the key is made.
        key = bytearray(self._key)
        try:
            return Vault.open(self.profile.vault_path, key, synchronous=synchronous)
        finally:
            zero(key)

    def read_summaries(self) -> list[NotificationSummary]:
        """Every notification's summary, read on its own connection (safe on a worker thread)."""
        reader = self.open_reader()
        try:
            return reader.notifications.list_summaries()
        finally:
            reader.close()

    # --- content -------------------------------------------------------------------------------
    def pack(self) -> GuidelinePack:
        """The guideline pack in force, loaded on first use (any thread)."""
        pack = self._pack  # one read: reload_pack() may reset it from the GUI thread meanwhile
        if pack is None:
            from desktop.domain.packs import load_pack, remember_pack_in_force

            pack = load_pack(active_pack_path(self.policy))
            remember_pack_in_force(pack)  # finalised notifications show its words for their codes
            self._pack = pack
        return pack

    def set_pack(self, pack: GuidelinePack) -> None:
        """Use ``pack`` from now on instead of the one in force (demo mode's own pack)."""
        from desktop.domain.packs import remember_pack_in_force

        remember_pack_in_force(pack)
        self._pack = pack

    def reload_pack(self) -> None:
        """Forget the loaded pack: the next :meth:`pack` reads the one in force (after an update)."""
        self._pack = None

    def directory(self) -> MunicipalityDirectory:
        """The municipality directory in force (the training one in demo mode), loaded on first use."""
        directory = self._directory
        if directory is None:
            from desktop.config.directory_updates import load_active_directory

            directory = load_active_directory(self.policy, demo=self.demo)
            self._directory = directory
        return directory

    def set_directory(self, directory: MunicipalityDirectory) -> None:
        """Use ``directory`` from now on (demo mode's, with this run's intake filled in)."""
        self._directory = directory

    def reload_directory(self) -> None:
        """Forget the loaded directory: :meth:`directory` reads the one in force next (after an update)."""
        self._directory = None

    # --- windows -------------------------------------------------------------------------------
    def open_wizard(self, draft_id: str | None) -> QWidget:
        """Open the notification window for a new notification (``None``) or ``draft_id``."""
        window = self.wizard_factory(self, draft_id)
        self.adopt_window(window)
        window.show()
        window.raise_()
        window.activateWindow()
        return window

    def adopt_window(self, window: QWidget) -> None:
        """Keep ``window`` alive until it is destroyed, and decorate it (demo banner)."""
        for decorate in self.window_decorators:
            decorate(window)
        self._windows.append(window)
        window.destroyed.connect(lambda *_: self._forget(window))

    def _forget(self, window: QWidget) -> None:
        self._windows = [w for w in self._windows if w is not window]

    def set_language(self, language: str) -> None:
        """Switch the UI language now and remember it for the next start."""
        if self.translations is not None:
            self.translations.install(language)
        if not self.settings.is_managed("language"):
            self.settings.set_user("language", language)

    @property
    def language(self) -> str:
        return self.translations.language if self.translations is not None else "en"


def active_pack_path(policy: Policy) -> Path:
    """The guideline pack file in force (the last good signed download, else the shipped one)."""
    from desktop.config.pack_updates import active_pack_path as chosen_by_config

    return chosen_by_config(policy)


class ServicesBuilder(Protocol):
    """Builds a complete set of services (the composition root's ``build_services``); handed to
    demo mode, which runs a second, throwaway set beside (or instead of) the real one."""

    def __call__(self, *, demo: bool = False, language: str | None = None,
                 profiles: ProfileDirectory | None = None,
                 idle_seconds: float | None = None) -> Services: ...


def _log_refused_vault(profile: ProfileInfo, error: BaseException) -> None:
    """A vault that will not open is written to the event log with its reason (never the key)."""
    from desktop.errors import UnderretError

    if not isinstance(error, UnderretError):
        return
    from desktop.eventlog import problem, refusal

    if error.message_id in ("vault.corrupt", "vault.missing", "vault.too_new", "vault.migration_failed",
                            "vault.read_only", "vault.disk_full", "vault.io_error"):
        problem(error.message_id, profile=profile.id, **error.details)
    else:
        refusal(error.message_id, profile=profile.id)
