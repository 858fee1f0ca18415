"""Stand-in logind and screen saver services on a real D-Bus bus, emitting the real signals.

Run as ``dbus-run-session -- python -m tests.support.dbus_standins``: dbus-run-session starts a
real bus daemon for this process; the stand-ins take the well-known names
``org.freedesktop.login1``, ``org.gnome.ScreenSaver`` and ``org.freedesktop.ScreenSaver`` on it and
answer what the app asks (``Inhibit`` with a real file descriptor, ``GetSession``, ``Properties.Get``).
The app under test connects to the printed address, as its system bus and its session bus.

It is driven line by line on stdin and reports on stdout:

- ``sleep`` / ``wake``: ``PrepareForSleep(true/false)`` (logind); after ``sleep`` it prints
  ``released <ms>`` once the app has let go of every sleep inhibitor it holds (or ``not-released``
  after 5 s, logind's usual longest wait), measured from the moment the signal was sent;
- ``screensaver`` (GNOME) / ``screensaver-kde``: ``ActiveChanged(true)`` of a screen saver;
- ``session-lock``: the session object's ``Lock`` signal; ``switch-user``: its ``Active`` property
  goes false (``PropertiesChanged``), as when another user takes over the seat;
- ``inhibitors``: prints ``inhibitors <n>`` (how many sleep inhibitors the app holds now).

A stand-in is the fake at a boundary that cannot run in a test: no systemd-logind or desktop session
runs here. The bus and the signals are real.
"""

from __future__ import annotations

import os
import select
import sys
import time
from typing import Any

# jeepney (a pure-Python D-Bus library the keyring already depends on) has no type information.
from jeepney import DBusAddress, MessageType, new_error, new_method_return, new_signal  # type: ignore[import-untyped]
from jeepney.bus_messages import message_bus  # type: ignore[import-untyped]
from jeepney.io.blocking import open_dbus_connection  # type: ignore[import-untyped]

SESSION_ID = "2"
SESSION_PATH = "/org/freedesktop/login1/session/_32"
RELEASE_WAIT_S = 5.0


class Standins:
    """The stand-in services on one connection, and the inhibitors the app holds."""

    def __init__(self) -> None:
        self.connection = open_dbus_connection("SESSION", enable_fds=True)
        for name in ("org.freedesktop.login1", "org.gnome.ScreenSaver", "org.freedesktop.ScreenSaver"):
            self.connection.send_and_get_reply(message_bus.RequestName(name))
        #: Read ends of the pipes whose write ends went to the app with Inhibit.
        self.inhibitors: list[int] = []
        self.active = True

    def emit(self, path: str, interface: str, member: str, signature: str, body: tuple[Any, ...]) -> float:
        self.connection.send(new_signal(DBusAddress(path, interface=interface), member, signature, body))
        return time.monotonic()

    def answer(self, call: Any) -> None:
        fields = call.header.fields
        member = fields.get(3)
        interface = fields.get(2)
        if interface == "org.freedesktop.login1.Manager" and member == "Inhibit":
            read_end, write_end = os.pipe()
            self.connection.send(new_method_return(call, "h", (write_end,)))
            os.close(write_end)
            self.inhibitors.append(read_end)
            print("inhibitor-taken", flush=True)
        elif interface == "org.freedesktop.login1.Manager" and member == "GetSession":
            self.connection.send(new_method_return(call, "o", (SESSION_PATH,)))
        elif interface == "org.freedesktop.DBus.Properties" and member == "Get":
            _, prop = call.body
            value = ("s", SESSION_ID) if prop == "Id" else ("b", self.active)
            self.connection.send(new_method_return(call, "v", (value,)))
        else:
            self.connection.send(new_error(call, "org.freedesktop.DBus.Error.UnknownMethod"))

    def pump(self, seconds: float) -> None:
        """Answer the app's calls for up to ``seconds``."""
        deadline = time.monotonic() + seconds
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                return
            try:
                message = self.connection.receive(timeout=min(left, 0.005))
            except TimeoutError:
                continue
            if message.header.message_type == MessageType.method_call:
                self.answer(message)

    def held(self) -> list[int]:
        """Inhibitors the app still holds (a closed one reads as end of file)."""
        still = []
        for descriptor in self.inhibitors:
            readable, _, _ = select.select([descriptor], [], [], 0)
            if readable and os.read(descriptor, 1) == b"":
                os.close(descriptor)
                continue
            still.append(descriptor)
        self.inhibitors = still
        return still

    def sleep(self) -> None:
        sent = self.emit("/org/freedesktop/login1", "org.freedesktop.login1.Manager", "PrepareForSleep", "b",
                         (True,))
        while time.monotonic() - sent < RELEASE_WAIT_S:
            if not self.held():
                print(f"released {(time.monotonic() - sent) * 1000:.2f}", flush=True)
                return
            self.pump(0.001)
        print("not-released", flush=True)

    def command(self, line: str) -> None:
        if line == "sleep":
            self.sleep()
        elif line == "wake":
            self.emit("/org/freedesktop/login1", "org.freedesktop.login1.Manager", "PrepareForSleep", "b",
                      (False,))
        elif line == "screensaver":
            self.emit("/org/gnome/ScreenSaver", "org.gnome.ScreenSaver", "ActiveChanged", "b", (True,))
        elif line == "screensaver-kde":
            self.emit("/ScreenSaver", "org.freedesktop.ScreenSaver", "ActiveChanged", "b", (True,))
        elif line == "session-lock":
            self.emit(SESSION_PATH, "org.freedesktop.login1.Session", "Lock", "", ())
        elif line == "switch-user":
            self.active = False
            self.emit(SESSION_PATH, "org.freedesktop.DBus.Properties", "PropertiesChanged", "sa{sv}as",
                      ("org.freedesktop.login1.Session", {"Active": ("b", False)}, []))
        elif line == "inhibitors":
            print(f"inhibitors {len(self.held())}", flush=True)
        print(f"done {line}", flush=True)


def main() -> int:
    standins = Standins()
    print(f"address {os.environ['DBUS_SESSION_BUS_ADDRESS']}", flush=True)
    stdin = sys.stdin.fileno()
    while True:
        readable, _, _ = select.select([stdin], [], [], 0)
        if readable:
            line = sys.stdin.readline()
            if not line or line.strip() == "quit":
                return 0
            standins.command(line.strip())
        standins.pump(0.01)


if __name__ == "__main__":
    raise SystemExit(main())
