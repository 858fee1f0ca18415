"""The ``underret`` command line: start the app, ``--version``, ``doctor``."""

from __future__ import annotations

import argparse
import sys

from desktop import __version__


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="underret", description="Underret")
    parser.add_argument("--version", action="version", version=f"underret {__version__}")
    return parser


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``underret`` command."""
    build_parser().parse_args(sys.argv[1:] if argv is None else argv)
    return 0
