"""Child process for the crash test: writes a burst of drafts and reports each committed id on stdout.

Usage: python _burst_writer.py <vault path>   (the hex key is read from stdin, not the command line)
An id is printed only after its transaction has committed, so every printed id must survive a SIGKILL.
"""

from __future__ import annotations

import sys
from pathlib import Path

from desktop.store.vault import Vault


def main() -> None:
    path = Path(sys.argv[1])
    key = bytearray.fromhex(sys.stdin.readline().strip())
    vault = Vault.open(path, key, create=not path.exists())
    notes = vault.notifications
    counter = 0
    while True:  # until killed
        counter += 1
        answers = {"concern": f"udkast {counter} " + "tekst " * (50 + counter % 400), "n": counter}
        draft_id = notes.create_draft(answers, "signals", "KB")
        print(f"draft {draft_id} {counter}", flush=True)
        notes.save_draft(draft_id, {**answers, "saved": True}, "summary", "KB")
        print(f"saved {draft_id} {counter}", flush=True)
        if counter % 5 == 0:
            notes.finalise(
                draft_id,
                document_json=b"{}" * counter,
                pdf=b"%PDF" * 300,
                envelope=b"e" * 2000,
                municipality="0751",
                acute=False,
                corrects=None,
            )
            print(f"final {draft_id} {counter}", flush=True)


if __name__ == "__main__":
    main()
