"""Render every gallery scene in every language, theme and font size as PNG files with an index.html.

    python -m tests.gallery.render OUT [--languages da,en] [--themes light,dark] [--scales 100,150]
                                       [--only SCENE,...]

Runs offscreen on a 1366×768 screen (an office laptop's). Each window is shown as the app shows it
(its own size), the event loop runs until background work (the review's layout) is done, and the
window is photographed. While a window is on screen it is also checked for text that is elided or
clipped (:mod:`tests.gallery.elision`); the findings go to ``OUT/report.json``, which the gallery
test reads. Exit code 0 when every shot was rendered.
"""

from __future__ import annotations

import argparse
import html
import json
import os
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

SCREEN = (1366, 768)
LANGUAGES = ("da", "en")
THEMES = ("light", "dark")
SCALES = (100, 150)


@dataclass(frozen=True)
class Combo:
    """One column of the gallery: language, theme and font size (per cent of the system font)."""

    language: str
    theme: str
    scale: int

    @property
    def key(self) -> str:
        return f"{self.language}-{self.theme}-{self.scale}"

    @classmethod
    def parse(cls, key: str) -> Combo:
        """The combination of a key like ``da-high-contrast-150``."""
        language, rest = key.split("-", 1)
        theme, scale = rest.rsplit("-", 1)
        return cls(language, theme, int(scale))


def _screen_config(folder: Path) -> str:
    config = folder / "screen.json"
    width, height = SCREEN
    config.write_text(json.dumps({"screens": [{"name": "office", "x": 0, "y": 0, "width": width,
                                               "height": height, "logicalDpi": 96, "logicalBaseDpi": 96,
                                               "dpr": 1}]}), encoding="utf-8")
    return f"offscreen:configfile={config}"


def wait_until(condition: Callable[[], bool], timeout_s: float = 20.0) -> None:
    """Run the event loop until ``condition()`` holds (background work included)."""
    from PySide6.QtCore import QEventLoop
    from PySide6.QtWidgets import QApplication

    deadline = time.monotonic() + timeout_s
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("the gallery waited too long for a window")
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)


def settle() -> None:
    """Let a window finish what it does after showing: idle-time building, background layout."""
    from PySide6.QtCore import QEventLoop
    from PySide6.QtWidgets import QApplication

    from desktop.ui.operations import wait_for_all

    for _ in range(3):
        for _ in range(10):
            QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)
        wait_for_all()
    QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)


def apply_combo(combo: Combo, base_point_size: float) -> None:
    """Set the application's palette and font as a system in ``combo`` would."""
    from PySide6.QtWidgets import QApplication

    from desktop.ui import focus_ring, theme

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    theme.force_high_contrast(combo.theme == "high-contrast")
    app.setPalette(theme.improve_palette(theme.system_palette(combo.theme)))  # type: ignore[arg-type]
    focus_ring.install(app)
    style = theme.outlined_style_for(app)
    if style is not None:
        app.setStyle(style)
    font = app.font()
    font.setPointSizeF(base_point_size * combo.scale / 100)
    app.setFont(font)


def render_combo(out: Path, combo: Combo, only: set[str] | None = None) -> dict[str, object]:
    """Render every scene in one combination (in this process) into ``out``; returns its shots and
    findings. Each combination runs in a process of its own (:func:`render`): nothing of one (windows,
    vaults, background work, the palette) can leak into the next."""
    from PySide6.QtWidgets import QApplication

    from tests.gallery.elision import findings_in
    from tests.gallery.naming import name_findings_in
    from tests.gallery.scenes import all_scenes
    from tests.gallery.stage import build_stage, close_stage

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    started = time.monotonic()
    apply_combo(combo, app.font().pointSizeF())
    shots: dict[str, str] = {}
    findings: list[dict[str, str]] = []
    names: list[dict[str, str]] = []
    with tempfile.TemporaryDirectory(prefix="underret-gallery-") as folder:
        os.environ["UNDERRET_DATA_DIR"] = folder
        stage = build_stage(Path(folder), combo.language)
        try:
            for scene in all_scenes():
                if only and scene.name not in only:
                    continue
                for name, widget in scene.shots(stage):
                    window = widget.window()
                    if not window.isVisible():
                        window.show()
                    settle()
                    file = f"{name}--{combo.key}.png"
                    if not window.grab().save(str(out / file)):
                        raise OSError(f"could not write {file}")
                    shots[name] = file
                    findings += [{"shot": name, "combo": combo.key} | f for f in findings_in(window)]
                    names += [{"shot": name, "combo": combo.key} | f for f in name_findings_in(window)]
                for window in QApplication.topLevelWidgets():
                    if window.isVisible():
                        window.close()
                settle()
        finally:
            close_stage(stage)
    return {"combo": combo.key, "shots": shots, "findings": findings, "names": names,
            "seconds": round(time.monotonic() - started, 2)}


def render(out: Path, combos: list[Combo], only: set[str] | None = None) -> dict[str, object]:
    """Render the matrix into ``out``, each combination in a process of its own (two at a time on a
    machine with two or more processors); returns the report (also ``out/report.json``)."""
    import concurrent.futures
    import subprocess

    out.mkdir(parents=True, exist_ok=True)
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}

    def one(combo: Combo) -> dict[str, object]:
        command = [sys.executable, "-m", "tests.gallery.render", str(out), "--combo", combo.key]
        if only:
            command += ["--only", ",".join(sorted(only))]
        done = subprocess.run(command, cwd=Path(__file__).resolve().parents[2], env=env, check=False,
                              capture_output=True, text=True, timeout=600)
        result_file = out / f".combo-{combo.key}.json"
        if done.returncode != 0 or not result_file.exists():
            raise RuntimeError(f"gallery {combo.key} failed ({done.returncode}):\n{done.stderr[-3000:]}")
        result: dict[str, object] = json.loads(result_file.read_text(encoding="utf-8"))
        result_file.unlink()
        return result

    workers = max(1, min(2, os.cpu_count() or 1))
    with concurrent.futures.ThreadPoolExecutor(workers) as pool:
        results = list(pool.map(one, combos))
    shots: dict[str, dict[str, str]] = {}
    findings: list[dict[str, str]] = []
    names: list[dict[str, str]] = []
    timings: dict[str, float] = {}
    for combo, result in zip(combos, results, strict=True):
        combo_shots = result["shots"]
        assert isinstance(combo_shots, dict)
        for name, file in combo_shots.items():
            shots.setdefault(str(name), {})[combo.key] = str(file)
        combo_findings = result["findings"]
        assert isinstance(combo_findings, list)
        findings += combo_findings
        combo_names = result["names"]
        assert isinstance(combo_names, list)
        names += combo_names
        timings[combo.key] = float(str(result["seconds"]))
    report: dict[str, object] = {"screen": list(SCREEN), "combos": [c.key for c in combos], "shots": shots,
                                 "findings": findings, "names": names, "seconds": timings}
    (out / "report.json").write_text(json.dumps(report, indent=1, ensure_ascii=False), encoding="utf-8")
    _write_index(out, combos, shots, findings)
    return report


def _write_index(out: Path, combos: list[Combo], shots: dict[str, dict[str, str]],
                 findings: list[dict[str, str]]) -> None:
    head = "".join(f"<th>{html.escape(c.key)}</th>" for c in combos)
    rows = []
    for name, files in shots.items():
        cells = []
        for combo in combos:
            file = files.get(combo.key)
            cells.append(f'<td><a href="{html.escape(file)}"><img src="{html.escape(file)}" loading="lazy" '
                         f'alt="{html.escape(name)} {combo.key}"></a></td>' if file else "<td>–</td>")
        rows.append(f"<tr><th>{html.escape(name)}</th>{''.join(cells)}</tr>")
    problems = "".join(f"<li>{html.escape(json.dumps(f, ensure_ascii=False))}</li>" for f in findings)
    # scripts/gallery.sh --screen-reader: the AT-SPI trees of the demo walk, one text file per window or page.
    trees = sorted((out / "screen-reader").glob("*.txt"))
    tree_links = "".join(f'<li><a href="screen-reader/{html.escape(tree.name)}">{html.escape(tree.stem)}'
                         "</a></li>" for tree in trees)
    tree_section = f"<h2>Screen-reader trees (AT-SPI)</h2><ul>{tree_links}</ul>" if trees else ""
    page = (
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Underret gallery</title>'
        "<style>body{font-family:sans-serif} img{max-width:340px;border:1px solid #888} "
        "td,th{vertical-align:top;padding:4px} th{text-align:left}</style></head><body>"
        f"<h1>Underret gallery</h1><p>Every window, dialog and wizard page on a {SCREEN[0]}×{SCREEN[1]} "
        "screen. Click a picture for full size.</p>"
        f"<h2>Elided or clipped text ({len(findings)})</h2><ul>{problems}</ul>{tree_section}"
        f"<table><tr><th>window</th>{head}</tr>{''.join(rows)}</table></body></html>"
    )
    (out / "index.html").write_text(page, encoding="utf-8")


def _quiet(kind: object, context: object, message: str) -> None:
    """Qt's messages, without the offscreen platform's notes that it cannot raise or resize windows."""
    if "This plugin does not support" not in message:
        print(message, file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--languages", default=",".join(LANGUAGES))
    parser.add_argument("--themes", default=",".join(THEMES))
    parser.add_argument("--scales", default=",".join(map(str, SCALES)))
    parser.add_argument("--only", default="")
    parser.add_argument("--combo", default="", help=argparse.SUPPRESS)  # one combination, in this process
    args = parser.parse_args(argv)
    only = set(filter(None, args.only.split(","))) or None
    if args.combo:
        return _render_one(args.out, Combo.parse(args.combo), only)
    combos = [Combo(lang, theme, int(scale)) for lang in args.languages.split(",")
              for theme in args.themes.split(",") for scale in args.scales.split(",")]
    started = time.monotonic()
    report = render(args.out, combos, only)
    shots = report["shots"]
    assert isinstance(shots, dict)
    count = sum(len(files) for files in shots.values())
    findings = report["findings"]
    assert isinstance(findings, list)
    names = report["names"]
    assert isinstance(names, list)
    print(f"gallery: {count} pictures in {args.out} ({time.monotonic() - started:.1f} s), "
          f"{len(findings)} elided or clipped texts, {len(names)} names not starting with the shown text "
          "or choices in no named group")
    return 0


def _render_one(out: Path, combo: Combo, only: set[str] | None) -> int:
    """The worker: one combination in this process, its result in ``out/.combo-KEY.json``."""
    with tempfile.TemporaryDirectory(prefix="underret-gallery-screen-") as folder:
        os.environ["QT_QPA_PLATFORM"] = _screen_config(Path(folder))
        os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
        os.environ.pop("UNDERRET_POLICY", None)
        from PySide6.QtCore import qInstallMessageHandler
        from PySide6.QtWidgets import QApplication

        qInstallMessageHandler(_quiet)
        app = QApplication(sys.argv[:1])
        app.setApplicationName("Underret")
        result = render_combo(out, combo, only)
        written = json.dumps(result, ensure_ascii=False)
        (out / f".combo-{combo.key}.json").write_text(written, encoding="utf-8")
        sys.stdout.flush()
        sys.stderr.flush()
    # Windows and background work die with the process: no teardown that could race them.
    os._exit(0)


if __name__ == "__main__":
    raise SystemExit(main())
