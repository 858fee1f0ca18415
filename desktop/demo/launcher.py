"""Entry point for ``underret --demo`` (the CLI imports ``run_demo`` from here)."""

from __future__ import annotations


def run_demo(*, language: str | None = None) -> int:
    """Run demo mode until its window closes; non-zero when policy forbids it or it cannot start."""
    from desktop.app import build_services
    from desktop.ui.demo.app import run_demo_app

    return run_demo_app(build_services, language=language)
