"""Run every benchmark module (``tests/benchmarks/bench_*.py``) and print one table.

    python tests/benchmarks/run.py            # all
    python tests/benchmarks/run.py shell      # only bench_shell.py

Each module exposes ``run() -> list[Row]`` (see ``rows.py``). Baselines are
measured in the same run, so ratios compare like with like on this machine.
Each module runs in a Python process of its own: measured in one process, the
objects the delivery benchmark leaves behind made the shell benchmark's garbage
collections, and so its UI-thread stalls, several times longer. Exit code 1 when
a row misses its target.
"""

from __future__ import annotations

import dataclasses
import importlib.util
import json
import os
import subprocess
import sys
import time
import traceback
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from rows import Row  # noqa: E402 - after the path set-up above


def _modules(only: list[str]) -> list[Path]:
    found = sorted(HERE.glob("bench_*.py"))
    if only:
        found = [p for p in found if p.stem.removeprefix("bench_") in only or p.stem in only]
    return found


def _fmt(number: float | None, digits: int = 3) -> str:
    return "" if number is None else f"{number:.{digits}f}"


def print_table(rows: list[Row]) -> None:
    header = ("benchmark", "value", "baseline", "unit", "ratio", "target", "result")
    lines = [header]
    for row in rows:
        target = "" if row.target is None else (f"≤{row.target:g}×" if row.baseline is not None
                                                 else f"≤{row.target:g}")
        result = {True: "pass", False: "FAIL", None: "info"}[row.passed]
        lines.append((row.name, _fmt(row.value), _fmt(row.baseline), row.unit, _fmt(row.ratio, 2),
                      target, result))
    widths = [max(len(line[i]) for line in lines) for i in range(len(header))]
    for number, line in enumerate(lines):
        print("  ".join(cell.ljust(width) for cell, width in zip(line, widths, strict=True)))
        if number == 0:
            print("  ".join("-" * width for width in widths))


#: The child process prints each of its rows on a line starting with this, as JSON.
ROW_PREFIX = "bench-row "


def run_one(path: Path) -> int:
    """In the child process: run one module and print its rows (exit 1 if it broke)."""
    spec = importlib.util.spec_from_file_location(path.stem, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    try:
        spec.loader.exec_module(module)
        rows: list[Row] = module.run()
    except Exception:  # reported by the parent as a failed row; the traceback is on stderr
        traceback.print_exc()
        return 1
    for row in rows:
        print(ROW_PREFIX + json.dumps(dataclasses.asdict(row)), flush=True)
    return 0


def _run_in_own_process(path: Path) -> list[Row] | None:
    """The module's rows, measured in a fresh process; None if it did not run to the end."""
    child = subprocess.run([sys.executable, str(Path(__file__).resolve()), "--one", str(path)],
                           stdout=subprocess.PIPE, text=True, check=False)
    rows = []
    for line in child.stdout.splitlines():
        if line.startswith(ROW_PREFIX):
            rows.append(Row(**json.loads(line.removeprefix(ROW_PREFIX))))
        else:  # anything else the module printed is still shown
            print(line, file=sys.stderr)
    return rows if child.returncode == 0 else None


def main(argv: list[str]) -> int:
    if argv[:1] == ["--one"]:
        return run_one(Path(argv[1]))
    rows: list[Row] = []
    broken = 0
    for path in _modules(argv):
        started = time.perf_counter()
        print(f"running {path.name} …", file=sys.stderr, flush=True)
        measured = _run_in_own_process(path)
        if measured is None:  # one broken module must not hide the others' results; it counts as a failure
            broken += 1
            rows.append(Row(f"{path.stem}: did not run", 0.0, "", target=-1.0))
        else:
            rows.extend(measured)
        print(f"  {path.name} took {time.perf_counter() - started:.1f} s", file=sys.stderr, flush=True)
    print()
    print_table(rows)
    return 1 if broken or any(row.passed is False for row in rows) else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
