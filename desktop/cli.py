"""The ``underret`` command line: start the app, ``--version``, ``doctor``, ``--smoke-test``.

With no arguments (how people start it) the app starts without building the
argument parser. ``UNDERRET_BENCHMARK_STARTUP=1`` makes it report when its
first window is idle and quit (the start-up benchmarks).

``underret doctor`` is for municipal IT and prints in English only (it is
read in support tickets and log files, where one language is easiest to
search).
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from desktop import __version__

if TYPE_CHECKING:
    import logging

#: Set to "1": start, print "window" and "idle" as the main window gets there, quit (benchmarks).
BENCHMARK_ENV = "UNDERRET_BENCHMARK_STARTUP"

#: What the parser gives for no arguments (kept equal to it by a test).
NO_ARGUMENTS = argparse.Namespace(command=None, profile=None, lang=None, demo=False, smoke_test=False)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="underret",
        description="Underret: file a notification of concern about a child with your municipality.")
    parser.add_argument("--version", action="version", version=f"underret {__version__}")
    parser.add_argument("--profile", metavar="NAME", help="open this profile (name or id)")
    parser.add_argument("--lang", choices=("da", "en"), help="user interface language for this run")
    parser.add_argument("--demo", action="store_true", help="start demo mode with fictitious data")
    parser.add_argument("--smoke-test", action="store_true",
                        help="create a test profile in UNDERRET_DATA_DIR, open the windows, exit 0 (builds)")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands.add_parser("doctor", help="check this PC's set-up for municipal IT (English output)")
    return parser


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``underret`` command."""
    arguments = sys.argv[1:] if argv is None else argv
    args = build_parser().parse_args(arguments) if arguments else NO_ARGUMENTS
    # Underret uses no pydantic plugins; looking for them scans every installed package's metadata
    # (~40 ms before the first window). A plugin that happens to be installed must not run here anyway.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    if args.command == "doctor":
        from desktop.doctor import run_doctor

        return run_doctor(print)
    if args.smoke_test:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        _import_pyside()
        from desktop.app import run_smoke_test

        return run_smoke_test()
    _import_pyside()  # logs nothing: the event log is in place before anything that may log
    if not args.demo:
        # A course's demo run leaves nothing in the trainee's own folders, the log included.
        _install_event_log()
    if args.demo:
        return _run_demo(args.lang)
    from desktop.app import run_gui

    return run_gui(profile_name=args.profile, language=args.lang,
                   benchmark_startup=os.environ.get(BENCHMARK_ENV) == "1")


def _install_event_log() -> None:
    """The content-free log file IT reads (``underret doctor`` shows its last problems), in place from
    here on: the root logger gets :func:`event_log_stand_in`, and our own INFO records reach it."""
    import logging

    root = logging.getLogger()
    root.addHandler(event_log_stand_in())
    if root.level > logging.INFO or root.level == logging.NOTSET:
        root.setLevel(logging.INFO)  # as desktop.eventlog.install() does


def event_log_stand_in() -> logging.Handler:
    """A handler that hands every record to :func:`desktop.eventlog.handlers`, made with the first one.

    Nothing is lost (the first record is the first the log file gets), but ``desktop.eventlog`` is not
    imported on the way to the first window, which most starts reach without logging anything
    (~2 M instructions: its formatter, file, Windows and console handlers).
    """
    import logging
    import threading

    class EventLogStandIn(logging.Handler):
        def __init__(self) -> None:
            super().__init__()
            self._handlers: list[logging.Handler] | None = None
            self._making = threading.Lock()

        def handle(self, record: logging.LogRecord) -> bool:
            handlers = self._handlers
            if handlers is None:
                with self._making:  # two threads' first records: the handlers are made once
                    if self._handlers is None:
                        try:
                            from desktop import eventlog

                            self._handlers = eventlog.handlers()
                        except Exception:  # logging must never take the app down: said once on stderr
                            self._handlers = []
                            self.handleError(record)
                    handlers = self._handlers
            for handler in handlers:
                if record.levelno >= handler.level:
                    handler.handle(record)
            return True

        def emit(self, record: logging.LogRecord) -> None:
            self.handle(record)

        def close(self) -> None:
            for handler in self._handlers or ():
                handler.close()
            super().close()

    return EventLogStandIn()


def _import_pyside() -> None:
    from desktop.ui.pyside_startup import import_pyside

    import_pyside()


def _run_demo(language: str | None) -> int:
    """Demo mode lives in ``desktop.demo`` (``launcher.run_demo(language=...) -> int``)."""
    try:
        launcher = importlib.import_module("desktop.demo.launcher")
    except ModuleNotFoundError:
        launcher = None
    run: Callable[..., int] | None = getattr(launcher, "run_demo", None)
    if run is None:
        print("underret: demo mode is not available in this version yet.", file=sys.stderr)
        return 2
    return run(language=language)
