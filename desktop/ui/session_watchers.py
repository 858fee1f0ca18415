"""The operating system tells the session lock that the person has left: sleep, screen lock, user switch.

Each watcher calls ``lock(reason)`` (``SessionLock.lock_for``) at once:

- **Linux**, through D-Bus (QtDBus): logind's ``PrepareForSleep(true)`` on the system bus (and the
  session's ``Lock`` signal and its ``Active`` property going false on a user switch), and the screen
  savers' ``ActiveChanged(true)`` on the session bus (``org.freedesktop.ScreenSaver`` as KDE and
  others offer it, ``org.gnome.ScreenSaver``, Cinnamon's, MATE's and Xfce's). Before sleeping, logind
  waits for programs that hold a *delay* inhibitor; the watcher holds one and lets go only once the
  app has locked and the hidden windows have reached the display server, so the content is gone
  before the lid closes, not after it opens.
- **Windows**: a hidden window registered with ``WTSRegisterSessionNotification`` receives
  ``WM_WTSSESSION_CHANGE`` (lock, console or remote disconnect: a user switch) and the
  ``WM_POWERBROADCAST`` suspend message (:func:`windows_reason` decodes both).
- **macOS**: ``NSWorkspace`` notifications (will sleep, session resigned, screens asleep) and the
  distributed ``com.apple.screenIsLocked``, through PyObjC when it is installed
  (:func:`mac_reason`).

Where none of these is available the wall-clock check in :mod:`desktop.ui.session` still locks after
any pause longer than the idle time. The watchers start after the first unlock, never before the
first paint. The Windows and macOS branches are built and unit-tested here as far as they can run on
Linux (message decoding, the registration calls); they have not run on those systems in this suite.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Slot

if TYPE_CHECKING:
    from PySide6.QtDBus import QDBusConnection, QDBusMessage, QDBusPendingCallWatcher

log = logging.getLogger(__name__)

#: Reasons passed to ``lock(reason)``; the event log records them.
SLEEP = "sleep"
SCREEN_LOCKED = "screen_locked"
USER_SWITCHED = "user_switched"

Lock = Callable[[str], None]

LOGIN1 = "org.freedesktop.login1"
LOGIN1_PATH = "/org/freedesktop/login1"
LOGIN1_MANAGER = "org.freedesktop.login1.Manager"
LOGIN1_SESSION = "org.freedesktop.login1.Session"
PROPERTIES = "org.freedesktop.DBus.Properties"
#: Screen savers that emit ``ActiveChanged(bool)`` on the session bus (any object path).
SCREEN_SAVERS = ("org.freedesktop.ScreenSaver", "org.gnome.ScreenSaver", "org.cinnamon.ScreenSaver",
                 "org.mate.ScreenSaver", "org.xfce.ScreenSaver")


class LinuxWatchers(QObject):
    """logind and the screen savers, over QtDBus (``system`` and ``session`` are the buses to use)."""

    def __init__(self, lock: Lock, system: QDBusConnection | None, session: QDBusConnection | None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lock = lock
        self._system = system
        self._session = session
        self._inhibitor: int | None = None
        self._pending: list[QDBusPendingCallWatcher] = []
        self._session_path = ""
        #: What is being watched, for the event log and tests.
        self.watching: list[str] = []

    def start(self) -> list[str]:
        """Connect to every signal that is available; returns what is watched."""
        system, session = self._system, self._session
        if system is not None and system.isConnected():
            if _connect(system, LOGIN1, LOGIN1_PATH, LOGIN1_MANAGER, "PrepareForSleep", self,
                        "_prepare_for_sleep(bool)"):
                self.watching.append("logind.PrepareForSleep")
                self._take_inhibitor()
            self._find_own_session()
        if session is not None and session.isConnected():
            for service in SCREEN_SAVERS:
                # An empty path: any object path (KDE uses /ScreenSaver and /org/freedesktop/ScreenSaver).
                if _connect(session, service, "", service, "ActiveChanged", self,
                            "_screen_saver_active(bool)"):
                    self.watching.append(f"{service}.ActiveChanged")
        return self.watching

    def stop(self) -> None:
        """Let go of the sleep inhibitor (the app is quitting)."""
        self._release_inhibitor()

    # --- logind --------------------------------------------------------------------------------
    @Slot(bool)
    def _prepare_for_sleep(self, going_to_sleep: bool) -> None:
        if not going_to_sleep:
            self._take_inhibitor()  # awake again: hold one for the next sleep
            return
        try:
            self._lock(SLEEP)
            _flush_display()
        finally:
            self._release_inhibitor()

    def _take_inhibitor(self) -> None:
        if self._inhibitor is not None or self._system is None:
            return
        from PySide6.QtDBus import QDBusMessage

        call = QDBusMessage.createMethodCall(LOGIN1, LOGIN1_PATH, LOGIN1_MANAGER, "Inhibit")
        call.setArguments(["sleep", "Underret", "Hides notifications before the PC sleeps", "delay"])
        self._call(self._system, call, self._inhibitor_taken)

    def _inhibitor_taken(self, reply: QDBusMessage) -> None:
        arguments = reply.arguments()
        descriptor = arguments[0] if arguments else None
        if descriptor is None or not hasattr(descriptor, "fileDescriptor") or descriptor.fileDescriptor() < 0:
            return
        # Our own duplicate, closed when we let go; Qt's copies go with the reply (deleted after this call).
        self._inhibitor = os.dup(descriptor.fileDescriptor())

    def _release_inhibitor(self) -> None:
        if self._inhibitor is not None:
            descriptor, self._inhibitor = self._inhibitor, None
            os.close(descriptor)

    @property
    def holds_inhibitor(self) -> bool:
        """True while logind must wait for this app before sleeping."""
        return self._inhibitor is not None

    def _find_own_session(self) -> None:
        """This app's logind session: its id from ``XDG_SESSION_ID``, else asked of the "auto" session
        (the caller's own); then its object path, where its signals come from."""
        from PySide6.QtDBus import QDBusMessage

        assert self._system is not None
        session_id = os.environ.get("XDG_SESSION_ID", "")
        if session_id:
            self._get_session(session_id)
            return
        call = QDBusMessage.createMethodCall(LOGIN1, f"{LOGIN1_PATH}/session/auto", PROPERTIES, "Get")
        call.setArguments([LOGIN1_SESSION, "Id"])
        self._call(self._system, call, lambda reply: self._get_session(_variant_value(reply)))

    def _get_session(self, session_id: object) -> None:
        from PySide6.QtDBus import QDBusMessage

        if not isinstance(session_id, str) or not session_id or self._system is None:
            return
        call = QDBusMessage.createMethodCall(LOGIN1, LOGIN1_PATH, LOGIN1_MANAGER, "GetSession")
        call.setArguments([session_id])
        self._call(self._system, call, self._session_found)

    def _session_found(self, reply: QDBusMessage) -> None:
        arguments = reply.arguments()
        if not arguments or self._system is None:
            return
        path = str(getattr(arguments[0], "path", lambda: arguments[0])())
        self._session_path = path
        if _connect(self._system, LOGIN1, path, LOGIN1_SESSION, "Lock", self, "_session_lock()"):
            self.watching.append("logind.Session.Lock")
        if _connect(self._system, LOGIN1, path, PROPERTIES, "PropertiesChanged", self,
                    "_session_changed(QDBusMessage)"):
            self.watching.append("logind.Session.Active")

    @Slot()
    def _session_lock(self) -> None:
        self._lock(SCREEN_LOCKED)

    @Slot("QDBusMessage")
    def _session_changed(self, message: QDBusMessage) -> None:
        # The changed values come as a{sv}, which PySide does not unpack: ask for Active itself.
        arguments = message.arguments()
        if not arguments or arguments[0] != LOGIN1_SESSION or self._system is None:
            return
        from PySide6.QtDBus import QDBusMessage

        call = QDBusMessage.createMethodCall(LOGIN1, self._session_path, PROPERTIES, "Get")
        call.setArguments([LOGIN1_SESSION, "Active"])
        self._call(self._system, call, self._session_activity)

    def _session_activity(self, reply: QDBusMessage) -> None:
        if _variant_value(reply) is False:
            self._lock(USER_SWITCHED)

    # --- screen savers -------------------------------------------------------------------------
    @Slot(bool)
    def _screen_saver_active(self, active: bool) -> None:
        if active:
            self._lock(SCREEN_LOCKED)

    # --- calls without blocking the GUI thread -------------------------------------------------
    def _call(self, bus: QDBusConnection, call: QDBusMessage,
              answered: Callable[[QDBusMessage], None]) -> None:
        from PySide6.QtDBus import QDBusPendingCallWatcher

        watcher = QDBusPendingCallWatcher(bus.asyncCall(call), self)
        self._pending.append(watcher)

        def finished(done: QDBusPendingCallWatcher) -> None:
            self._pending.remove(done)
            try:
                if not done.isError():
                    answered(done.reply())
                else:
                    log.info("D-Bus call %s not answered (%s)", call.member(), done.error().name())
            finally:
                done.deleteLater()

        watcher.finished.connect(finished)


def _flush_display() -> None:
    """Wait until the display server has the hidden windows (before logind may put the PC to sleep)."""
    from PySide6.QtGui import QGuiApplication

    if QGuiApplication.instance() is not None:
        QGuiApplication.sync()


def _connect(bus: QDBusConnection, service: str, path: str, interface: str, name: str, receiver: QObject,
             slot: str) -> bool:
    """Connect a D-Bus signal to ``receiver``'s slot (a C++ signature such as ``_lock(bool)``)."""
    from PySide6.QtCore import SLOT

    # PySide takes SLOT()'s text here, although its type stubs say bytes.
    return bool(bus.connect(service, path, interface, name, receiver, SLOT(slot)))  # type: ignore[call-overload]


def _variant_value(reply: QDBusMessage) -> object:
    """The value of a ``Properties.Get`` reply (a variant), or None."""
    arguments = reply.arguments()
    value = arguments[0] if arguments else None
    variant = getattr(value, "variant", None)
    return variant() if callable(variant) else value


def start_linux(lock: Lock, parent: QObject | None = None, *, system: QDBusConnection | None = None,
                session: QDBusConnection | None = None) -> LinuxWatchers:
    """Watch logind and the screen savers on the machine's buses (or the ones handed in: tests)."""
    from PySide6.QtDBus import QDBusConnection

    watchers = LinuxWatchers(lock, system if system is not None else QDBusConnection.systemBus(),
                             session if session is not None else QDBusConnection.sessionBus(), parent)
    watchers.start()
    return watchers


# --- Windows -------------------------------------------------------------------------------------

WM_WTSSESSION_CHANGE = 0x02B1
WM_POWERBROADCAST = 0x0218
WTS_CONSOLE_DISCONNECT = 0x2
WTS_REMOTE_DISCONNECT = 0x4
WTS_SESSION_LOCK = 0x7
WTS_SESSION_LOGOFF = 0x6
PBT_APMSUSPEND = 0x4
NOTIFY_FOR_THIS_SESSION = 0


def windows_reason(message: int, wparam: int) -> str | None:
    """The lock reason for a Windows window message, or None for one that is not about leaving."""
    if message == WM_WTSSESSION_CHANGE:
        if wparam == WTS_SESSION_LOCK:
            return SCREEN_LOCKED
        if wparam in (WTS_CONSOLE_DISCONNECT, WTS_REMOTE_DISCONNECT, WTS_SESSION_LOGOFF):
            return USER_SWITCHED
    if message == WM_POWERBROADCAST and wparam == PBT_APMSUSPEND:
        return SLEEP
    return None


class WindowsWatchers:
    """A hidden top-level window (message-only windows get no power broadcasts) registered for session
    notifications; its window procedure turns the messages into ``lock(reason)``.

    ``user32`` and ``wtsapi32`` default to ``ctypes.windll``'s; tests hand in recorders (a fake at the
    operating-system boundary: Windows cannot run here).
    """

    CLASS_NAME = "UnderretSessionWatcher"

    def __init__(self, lock: Lock, user32: Any = None, wtsapi32: Any = None, kernel32: Any = None) -> None:
        import ctypes

        if user32 is None:
            windll = ctypes.windll  # type: ignore[attr-defined]
            user32, wtsapi32, kernel32 = windll.user32, windll.wtsapi32, windll.kernel32
            _declare_window_api(user32, wtsapi32, kernel32)
        self._lock = lock
        self._user32 = user32
        self._wtsapi32 = wtsapi32
        self._kernel32 = kernel32
        self._window: int | None = None
        self._procedure: Any = None  # kept alive: Windows calls it

    def window_procedure(self, window: int, message: int, wparam: int, lparam: int) -> int:
        """What Windows calls for each message to the hidden window."""
        reason = windows_reason(message, wparam)
        if reason is not None:
            self._lock(reason)
        result: int = self._user32.DefWindowProcW(window, message, wparam, lparam)
        return result

    def start(self) -> list[str]:
        """Make the window and register it for this session's notifications."""
        import ctypes
        from ctypes import wintypes

        procedure_type = ctypes.WINFUNCTYPE(  # type: ignore[attr-defined]
            ctypes.c_ssize_t, wintypes.HWND, wintypes.UINT, wintypes.WPARAM, wintypes.LPARAM)
        self._procedure = procedure_type(self.window_procedure)
        instance = self._kernel32.GetModuleHandleW(None)
        window_class = _window_class(self._procedure, instance, self.CLASS_NAME)
        self._user32.RegisterClassW(ctypes.byref(window_class))
        self._window = self._user32.CreateWindowExW(0, self.CLASS_NAME, "Underret", 0, 0, 0, 0, 0, None, None,
                                                    instance, None)
        if not self._window:
            raise OSError("cannot create the session watcher window")
        if not self._wtsapi32.WTSRegisterSessionNotification(self._window, NOTIFY_FOR_THIS_SESSION):
            raise OSError("cannot register for session notifications")
        return ["WTSSessionChange", "PowerBroadcast"]

    def stop(self) -> None:
        if self._window:
            self._wtsapi32.WTSUnRegisterSessionNotification(self._window)
            self._user32.DestroyWindow(self._window)
            self._window = None


def _declare_window_api(user32: Any, wtsapi32: Any, kernel32: Any) -> None:
    """Argument and result types of the real functions: window handles, WPARAM and LPARAM are 64-bit."""
    import ctypes
    from ctypes import wintypes

    user32.DefWindowProcW.argtypes = [wintypes.HWND, wintypes.UINT, wintypes.WPARAM, wintypes.LPARAM]
    user32.DefWindowProcW.restype = ctypes.c_ssize_t
    user32.RegisterClassW.argtypes = [ctypes.c_void_p]
    user32.RegisterClassW.restype = wintypes.ATOM
    user32.CreateWindowExW.argtypes = [wintypes.DWORD, wintypes.LPCWSTR, wintypes.LPCWSTR, wintypes.DWORD,
                                       ctypes.c_int, ctypes.c_int, ctypes.c_int, ctypes.c_int, wintypes.HWND,
                                       wintypes.HMENU, wintypes.HINSTANCE, ctypes.c_void_p]
    user32.CreateWindowExW.restype = wintypes.HWND
    user32.DestroyWindow.argtypes = [wintypes.HWND]
    wtsapi32.WTSRegisterSessionNotification.argtypes = [wintypes.HWND, wintypes.DWORD]
    wtsapi32.WTSUnRegisterSessionNotification.argtypes = [wintypes.HWND]
    kernel32.GetModuleHandleW.argtypes = [wintypes.LPCWSTR]
    kernel32.GetModuleHandleW.restype = wintypes.HMODULE


def _window_class(procedure: Any, instance: Any, name: str) -> Any:
    import ctypes
    from ctypes import wintypes

    class WindowClass(ctypes.Structure):
        _fields_ = [("style", wintypes.UINT), ("lpfnWndProc", ctypes.c_void_p), ("cbClsExtra", ctypes.c_int),
                    ("cbWndExtra", ctypes.c_int), ("hInstance", wintypes.HANDLE), ("hIcon", wintypes.HANDLE),
                    ("hCursor", wintypes.HANDLE), ("hbrBackground", wintypes.HANDLE),
                    ("lpszMenuName", wintypes.LPCWSTR), ("lpszClassName", wintypes.LPCWSTR)]

    window_class = WindowClass()
    window_class.lpfnWndProc = ctypes.cast(procedure, ctypes.c_void_p)
    window_class.hInstance = instance
    window_class.lpszClassName = name
    return window_class


# --- macOS ---------------------------------------------------------------------------------------

#: NSWorkspace notifications (on its own notification centre) and the distributed screen-lock one.
MAC_WORKSPACE = {"NSWorkspaceWillSleepNotification": SLEEP,
                 "NSWorkspaceScreensDidSleepNotification": SCREEN_LOCKED,
                 "NSWorkspaceSessionDidResignActiveNotification": USER_SWITCHED}
MAC_DISTRIBUTED = {"com.apple.screenIsLocked": SCREEN_LOCKED}


def mac_reason(name: str) -> str | None:
    """The lock reason for a macOS notification name, or None."""
    return MAC_WORKSPACE.get(name) or MAC_DISTRIBUTED.get(name)


class MacWatchers:
    """NSWorkspace and distributed notifications through PyObjC (``AppKit``/``Foundation``)."""

    def __init__(self, lock: Lock) -> None:
        self._lock = lock
        self._observer: Any = None

    def start(self) -> list[str]:
        """Observe the notifications; ImportError when PyObjC is not installed."""
        import AppKit  # type: ignore[import-not-found]
        import Foundation  # type: ignore[import-not-found]

        lock = self._lock

        class Observer(Foundation.NSObject):  # type: ignore[misc]
            def notified_(self, notification: Any) -> None:
                reason = mac_reason(str(notification.name()))
                if reason is not None:
                    lock(reason)

        self._observer = Observer.alloc().init()
        workspace = AppKit.NSWorkspace.sharedWorkspace().notificationCenter()
        for name in MAC_WORKSPACE:
            workspace.addObserver_selector_name_object_(self._observer, "notified:", name, None)
        distributed = Foundation.NSDistributedNotificationCenter.defaultCenter()
        for name in MAC_DISTRIBUTED:
            distributed.addObserver_selector_name_object_(self._observer, "notified:", name, None)
        return [*MAC_WORKSPACE, *MAC_DISTRIBUTED]

    def stop(self) -> None:
        self._observer = None


def start_watchers(lock: Lock, parent: QObject | None = None) -> tuple[object | None, list[str]]:
    """The watchers for this system, started: (the watcher object, what it watches). Never raises: a
    system without them still has the wall-clock check."""
    try:
        if sys.platform.startswith("linux") or "bsd" in sys.platform:
            linux = start_linux(lock, parent)
            return linux, linux.watching
        if sys.platform == "win32":
            windows = WindowsWatchers(lock)
            return windows, windows.start()
        if sys.platform == "darwin":
            mac = MacWatchers(lock)
            return mac, mac.start()
    except (ImportError, OSError) as exc:
        log.info("session watchers unavailable (%s); the wall-clock check still locks after a pause",
                 type(exc).__name__)
    return None, []
