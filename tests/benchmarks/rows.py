"""One line of the benchmark table; every ``bench_*.py`` module returns a list of these from ``run()``."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Row:
    """A measurement, optionally against a baseline measured in the same run.

    With a ``baseline``, ``target`` is the highest acceptable ratio value/baseline;
    without one, it is the highest acceptable value. ``target=None`` is shown for
    information only.
    """

    name: str
    value: float
    unit: str
    baseline: float | None = None
    target: float | None = None

    @property
    def ratio(self) -> float | None:
        if self.baseline is None or self.baseline <= 0:
            return None
        return self.value / self.baseline

    @property
    def passed(self) -> bool | None:
        if self.target is None:
            return None
        measured = self.ratio if self.baseline is not None else self.value
        return measured is not None and measured <= self.target
