"""The real Linux accessibility stack around the demo, for the screen-reader test.

:class:`AtspiSession` starts, each in its own process group: Xvfb on a free display (``-displayfd``), a
private D-Bus session bus, the AT-SPI bus (``at-spi-bus-launcher --launch-immediately``), the walker
(``walker.py`` under the system's Python with pyatspi: the screen reader's side) and ``underret
--demo`` with Qt's AT-SPI bridge on (``tests/support/atspi/app_main.py``), with HOME and the XDG
folders in the test's own folder. Keys go in with ``xdotool`` (XTest), as from a keyboard.

Teardown never hangs and leaves nothing behind: every process gets SIGTERM, then SIGKILL after a few
seconds; every child carries the marker ``UNDERRET_ATSPI_RUN`` in its environment, and whatever still
carries it at the end (a D-Bus-activated registry daemon, the AT-SPI bus's own dbus-daemon) is killed
by that marker.

:func:`missing_tools` names what is not installed; the test then FAILS with it and :data:`INSTALL_HINT`
(as the intake's tests do without PostgreSQL): CI installs the packages in ``.ci/run``.
"""

from __future__ import annotations

import json
import os
import queue
import shutil
import signal
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import ExitStack, suppress
from pathlib import Path
from typing import IO, Any

ROOT = Path(__file__).resolve().parents[3]
WALKER = Path(__file__).with_name("walker.py")
SYSTEM_PYTHON = "/usr/bin/python3"
BUS_LAUNCHER_PATHS = ("/usr/libexec/at-spi-bus-launcher", "/usr/lib/at-spi2-core/at-spi-bus-launcher")
#: The Debian packages of the stack (.ci/run installs them).
PACKAGES = ("xvfb", "at-spi2-core", "python3-pyatspi", "gir1.2-atspi-2.0", "xdotool")
INSTALL_HINT = ("Install it: sudo apt-get install " + " ".join(PACKAGES) + " (CI's .ci/run does).")
MARKER = "UNDERRET_ATSPI_RUN"

Node = dict[str, Any]
Event = dict[str, Any]


def _bus_launcher() -> str | None:
    return next((path for path in BUS_LAUNCHER_PATHS if os.access(path, os.X_OK)), None)


def missing_tools() -> list[str]:
    """What the stack needs and this machine lacks (empty: everything is there)."""
    missing = [tool for tool in ("Xvfb", "dbus-daemon", "xdotool") if shutil.which(tool) is None]
    if _bus_launcher() is None:
        missing.append("at-spi-bus-launcher (at-spi2-core)")
    if not os.access(SYSTEM_PYTHON, os.X_OK) or subprocess.run(
            [SYSTEM_PYTHON, "-c", "import pyatspi"], capture_output=True, timeout=30).returncode != 0:
        missing.append(f"pyatspi for {SYSTEM_PYTHON} (python3-pyatspi, gir1.2-atspi-2.0)")
    return missing


class _Lines:
    """Lines of a child's output, read on a thread so that waiting for one can time out."""

    def __init__(self, stream: IO[str]) -> None:
        self._queue: queue.Queue[str | None] = queue.Queue()
        threading.Thread(target=self._read, args=(stream,), daemon=True).start()

    def _read(self, stream: IO[str]) -> None:
        for line in stream:
            self._queue.put(line.rstrip("\n"))
        self._queue.put(None)

    def next(self, timeout: float, what: str) -> str:
        try:
            line = self._queue.get(timeout=timeout)
        except queue.Empty:
            raise TimeoutError(f"no answer from {what} within {timeout:.0f} s") from None
        if line is None:
            raise EOFError(f"{what} ended")
        return line


class AtspiSession:
    """Xvfb + D-Bus + AT-SPI bus + walker + the demo; a context manager (see the module docstring)."""

    def __init__(self, folder: Path, *, size: str = "1366x768x24") -> None:
        self.folder = folder
        self.logs = folder / "logs"
        self.size = size
        self.events: list[Event] = []  # every event received so far, in order
        self._processes: list[tuple[str, subprocess.Popen[Any]]] = []
        self._marker = uuid.uuid4().hex
        self._stack = ExitStack()
        self._walker: subprocess.Popen[str] | None = None
        self._walker_lines: _Lines | None = None
        self._hook_write: IO[str] | None = None
        self._hook_lines: _Lines | None = None
        self.env: dict[str, str] = {}

    # --- start and stop -------------------------------------------------------------------------

    def __enter__(self) -> AtspiSession:
        try:
            self._start()
        except BaseException:
            self.close()
            raise
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def _log(self, name: str) -> IO[bytes]:
        return self._stack.enter_context((self.logs / f"{name}.log").open("wb"))

    def _spawn(self, name: str, argv: list[str], **options: Any) -> subprocess.Popen[Any]:
        options.setdefault("stdout", self._log(name))
        options.setdefault("stderr", subprocess.STDOUT)
        process: subprocess.Popen[Any] = subprocess.Popen(
            argv, env=options.pop("env", self.env), start_new_session=True, **options)
        self._processes.append((name, process))
        return process

    def _start(self) -> None:
        self.logs.mkdir(parents=True, exist_ok=True)
        home = self.folder / "home"
        for sub in ("config", "data", "cache", "runtime"):
            (home / sub).mkdir(parents=True, exist_ok=True)
        (home / "runtime").chmod(0o700)
        self.env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": str(home), "LANG": "C.UTF-8",
                    "XDG_CONFIG_HOME": str(home / "config"), "XDG_DATA_HOME": str(home / "data"),
                    "XDG_CACHE_HOME": str(home / "cache"), "XDG_RUNTIME_DIR": str(home / "runtime"),
                    "TMPDIR": str(home / "cache"),
                    MARKER: self._marker}
        # Xvfb picks a free display itself and writes its number on the pipe.
        read_fd, write_fd = os.pipe()
        # -r: no key repeat (a key held while the machine is busy would otherwise type itself again).
        self._spawn("xvfb", ["Xvfb", "-displayfd", str(write_fd), "-screen", "0", self.size, "-r",
                             "-nolisten", "tcp", "-noreset"], pass_fds=(write_fd,))
        os.close(write_fd)
        with os.fdopen(read_fd) as display_pipe:
            display = _read_line(display_pipe, 20, "Xvfb")
        self.env["DISPLAY"] = f":{display}"
        bus = self._spawn("dbus", ["dbus-daemon", "--session", "--nofork", "--print-address"],
                          stdout=subprocess.PIPE, text=True)
        self.env["DBUS_SESSION_BUS_ADDRESS"] = _read_line(bus.stdout, 20, "dbus-daemon")
        launcher = _bus_launcher()
        assert launcher is not None
        self._spawn("at-spi-bus-launcher", [launcher, "--launch-immediately"])
        self._walker = self._spawn("walker", [SYSTEM_PYTHON, str(WALKER)], stdin=subprocess.PIPE,
                                   stdout=subprocess.PIPE, stderr=self._log("walker"), text=True)
        assert self._walker.stdout is not None
        self._walker_lines = _Lines(self._walker.stdout)
        # The demo, with Qt's AT-SPI bridge on and the hook's pipes (app_main.py).
        to_app_read, to_app_write = os.pipe()
        from_app_read, from_app_write = os.pipe()
        app_env = {**self.env, "QT_QPA_PLATFORM": "xcb", "QT_LINUX_ACCESSIBILITY_ALWAYS_ON": "1",
                   "QT_ACCESSIBILITY": "1", "PYTHONPATH": str(ROOT), "NO_AT_BRIDGE": "0"}
        self._spawn("app", [sys.executable, "-m", "tests.support.atspi.app_main", str(to_app_read),
                            str(from_app_write)],
                    cwd=ROOT, env=app_env, pass_fds=(to_app_read, from_app_write))
        os.close(to_app_read)
        os.close(from_app_write)
        self._hook_write = os.fdopen(to_app_write, "w", buffering=1, encoding="utf-8")
        self._hook_lines = _Lines(os.fdopen(from_app_read, encoding="utf-8"))

    def close(self) -> None:
        """Stop everything (app first, Xvfb last); each gets SIGTERM, then SIGKILL after 10 s."""
        if self._walker is not None and self._walker.poll() is None and self._walker.stdin is not None:
            with suppress(OSError):
                self._walker.stdin.close()  # the walker ends when its stdin closes
        if self._hook_write is not None:
            with suppress(OSError):
                self._hook_write.close()
        for name, process in reversed(self._processes):
            _stop(name, process)
        self._processes.clear()
        _kill_marked(self._marker)
        self._stack.close()

    # --- talking to the walker and the app -------------------------------------------------------

    def ask(self, command: dict[str, Any], timeout: float = 30) -> Any:
        """One walker command (walker.py); its result."""
        assert self._walker is not None and self._walker.stdin is not None and self._walker_lines is not None
        self._walker.stdin.write(json.dumps(command) + "\n")
        self._walker.stdin.flush()
        answer = json.loads(self._walker_lines.next(timeout, "the AT-SPI walker"))
        if not answer["ok"]:
            raise RuntimeError(f"walker: {answer['error']} (log: {self.logs / 'walker.log'})")
        return answer["result"]

    def visible_buttons(self) -> list[dict[str, Any]]:
        """The buttons as the app draws them (words, screen rectangle), from app_main's hook."""
        assert self._hook_write is not None and self._hook_lines is not None
        self._hook_write.write("buttons\n")
        result: list[dict[str, Any]] = json.loads(self._hook_lines.next(20, "the app's hook"))
        return result

    def wait_for_app(self, name: str = "Underret", timeout: float = 60) -> None:
        """Until the app is on the AT-SPI desktop; fails at once, with its output, if it ended."""
        app = next(process for label, process in self._processes if label == "app")
        deadline = time.monotonic() + timeout
        while not self.ask({"cmd": "wait_app", "name": name, "timeout": 2}):
            if app.poll() is not None or time.monotonic() > deadline:
                state = f"ended with {app.returncode}" if app.poll() is not None else "still running"
                raise AssertionError(f"application {name!r} never appeared on the AT-SPI desktop; the app "
                                     f"{state}; its output ends with:\n{self.app_output()}")

    def app_output(self, limit: int = 3000) -> str:
        """The end of the app's stdout and stderr (a failure message carries it: pytest's temporary
        folders of a run can be gone before anyone reads them)."""
        try:
            return (self.logs / "app.log").read_text(encoding="utf-8", errors="replace")[-limit:]
        except OSError as error:
            return f"(no output: {error})"

    def new_events(self) -> list[Event]:
        found: list[Event] = self.ask({"cmd": "events"})
        self.events.extend(found)
        return found

    def seen(self, matches: Callable[[Event], bool], timeout: float, since: int = 0) -> bool:
        """Whether an event from index ``since`` ``matches``, waiting up to ``timeout`` for it (no failure:
        the walk waits for what a test will look for, the test says what is missing)."""
        try:
            self.wait_for(matches, "", timeout=timeout, since=since)
        except AssertionError:
            return False
        return True

    def wait_for(self, matches: Callable[[Event], bool], what: str, timeout: float = 20,
                 since: int = 0) -> Event:
        """The first event from index ``since`` of :attr:`events` that ``matches``, waiting for it."""
        deadline = time.monotonic() + timeout
        while True:
            for event in self.events[since:]:
                if matches(event):
                    return event
            if time.monotonic() > deadline:
                raise AssertionError(f"no AT-SPI event: {what} within {timeout:.0f} s; events since: "
                                     + "; ".join(describe_event(e) for e in self.events[since:]))
            time.sleep(0.1)
            self.new_events()

    def settle(self, quiet: float = 0.6, timeout: float = 10) -> None:
        """Wait until no event arrived for ``quiet`` seconds (the app finished reacting)."""
        deadline = time.monotonic() + timeout
        last = time.monotonic()
        while time.monotonic() < deadline:
            if self.new_events():
                last = time.monotonic()
            elif time.monotonic() - last >= quiet:
                return
            time.sleep(0.1)

    def window(self, name: str | None = None) -> Node | None:
        """The showing tree of the window named ``name`` (None: the active window)."""
        result: Node | None = self.ask({"cmd": "dump", "window": name}, timeout=60)
        return result

    def windows(self) -> list[Node]:
        result: list[Node] = self.ask({"cmd": "windows"})
        return result

    def key(self, *keys: str) -> int:
        """Press keys as a keyboard would (xdotool names: Tab, space, alt+n); returns the index in
        :attr:`events` from which the events of these keys will be."""
        self.new_events()
        start = len(self.events)
        for key in keys:
            *modifiers, name = key.split("+")
            # A chord as a person types it: modifiers down, 50 ms, the key, 50 ms, modifiers up. xdotool's
            # own chord (`key alt+n`, all within a few ms) left Qt's menu bar thinking Alt had been pressed
            # alone in ~3 % of page turns: a stray focus on the menu 'Hjælp' that no keyboard produces.
            argv = ["xdotool", "key", "--clearmodifiers", name]
            if modifiers:
                down = [arg for mod in modifiers for arg in ("keydown", mod)]
                up = [arg for mod in reversed(modifiers) for arg in ("keyup", mod)]
                argv = ["xdotool", *down, "sleep", "0.05", "key", name, "sleep", "0.05", *up]
            subprocess.run(argv, env=self.env, check=True, timeout=20,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            time.sleep(0.15)
        return start

    def type_text(self, text: str) -> int:
        """Type ``text`` key by key (xdotool type); returns the index of its first event."""
        self.new_events()
        start = len(self.events)
        subprocess.run(["xdotool", "type", "--delay", "30", text], env=self.env, check=True, timeout=60,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        return start


def _read_line(stream: IO[str] | None, timeout: float, what: str) -> str:
    assert stream is not None
    line = _Lines(stream).next(timeout, what)
    return line.strip()


def _stop(name: str, process: subprocess.Popen[Any]) -> None:
    for sig, wait in ((signal.SIGTERM, 10.0), (signal.SIGKILL, 5.0)):
        if process.poll() is not None:
            break
        try:
            os.killpg(process.pid, sig)
        except ProcessLookupError:
            break
        try:
            process.wait(timeout=wait)
        except subprocess.TimeoutExpired:
            continue
    with suppress(ProcessLookupError, PermissionError):  # children left in its group (the AT-SPI bus's dbus)
        os.killpg(process.pid, signal.SIGKILL)


def _marked_processes(marker: str) -> Iterator[int]:
    needle = f"{MARKER}={marker}".encode()
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            if needle in (entry / "environ").read_bytes().split(b"\0"):
                yield int(entry.name)
        except OSError:
            continue


def _kill_marked(marker: str) -> None:
    """SIGKILL whatever still runs with this session's marker (D-Bus-activated helpers)."""
    for pid in _marked_processes(marker):
        with suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)


def leftover_processes(session: AtspiSession) -> list[int]:
    """Processes of ``session`` still running (for the test's check that teardown is complete)."""
    return list(_marked_processes(session._marker))


def describe_event(event: Event) -> str:
    data = f" {event['data']!r}" if event.get("data") not in (None, "", 0) else ""
    return f"{event['type']} [{event['role']}] {event['name']!r} d1={event['detail1']}{data}"
