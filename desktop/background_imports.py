"""Importing modules on worker threads, one thread at a time.

Python's import system locks each module while it runs. When two threads import modules that import
each other (pydantic's own modules do, and so do ours through ``desktop.domain``), thread A can hold
module X while it waits for Y, and thread B hold Y while it waits for X. importlib breaks that cycle
by handing one thread the *partially initialised* module, and that thread then dies with
"partially initialized module ... (most likely due to a circular import)": the guideline-pack
update thread did, in about one start in ten, while the unlock and the wizard's read-ahead imported
the domain modules on other threads.

Every worker that imports heavy modules at start-up (the pack update check, the unlock, the
wizard's read-ahead) does it through :func:`import_modules`, under one process-wide lock, before it
starts its real work: the imports happen one thread at a time and each sees whole modules.
"""

from __future__ import annotations

import importlib
import threading

_LOCK = threading.RLock()


def import_modules(*names: str) -> None:
    """Import ``names`` (in order) while no other worker imports through here."""
    with _LOCK:
        for name in names:
            importlib.import_module(name)
