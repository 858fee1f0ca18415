"""The ``underret-desk`` command: the municipality's receiving desk.

    underret-desk                 # start the desk (unlock, inbox)
    underret-desk --lang en       # in English for this run
    underret-desk --smoke-test    # a throwaway desk to its inbox and a report (checks an installation)
"""

from __future__ import annotations

import argparse
import os
import sys

from desktop import __version__


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="underret-desk",
        description="Underret's receiving desk: assess, acknowledge and follow up notifications of concern.")
    parser.add_argument("--version", action="version", version=f"underret-desk {__version__}")
    parser.add_argument("--lang", choices=("da", "en"), help="user interface language for this run")
    parser.add_argument("--smoke-test", action="store_true",
                        help="make a throwaway desk in UNDERRET_DATA_DIR (or a temporary folder), open its "
                             "inbox and render a report; exit 0 if all of it worked")
    return parser


def main(argv: list[str] | None = None) -> int:
    """Entry point of ``underret-desk``."""
    args = build_parser().parse_args(sys.argv[1:] if argv is None else argv)
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    if not args.smoke_test:
        # The content-free log file IT reads (``underret doctor`` shows its last problems), the app's own:
        # the desk's refusals (policy, lock reasons, damaged vault) are there too, not only on a console
        # a windowed program does not have. A smoke test in a throwaway folder writes none.
        from desktop import eventlog

        eventlog.install()
    from desktop.ui.pyside_startup import import_pyside

    import_pyside()
    if args.smoke_test:
        from desktop.ui.desk.smoke import run_desk_smoke_test

        return run_desk_smoke_test()
    from desktop.ui.desk.main import run_desk

    return run_desk(language=args.lang)


if __name__ == "__main__":  # pragma: no cover - python -m desktop.desk.cli
    raise SystemExit(main())
