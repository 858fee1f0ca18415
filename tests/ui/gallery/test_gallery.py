"""The gallery renders every window, dialog and wizard page in every language, theme and font size.

One run of ``scripts/gallery.sh``'s renderer (a process of its own, on a 1366×768 offscreen screen)
serves the tests here: every scene gives a picture in every combination, the pictures are real
(not blank), and ``index.html`` shows them all.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QImage

from tests.gallery.render import LANGUAGES, SCALES, THEMES

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture(scope="module")
def gallery(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any]]:
    """The whole matrix rendered once for this module (about 20 s of processor time)."""
    out = tmp_path_factory.mktemp("gallery")
    env = {k: v for k, v in os.environ.items() if k not in ("UNDERRET_DATA_DIR", "UNDERRET_POLICY")}
    subprocess.run([sys.executable, "-m", "tests.gallery.render", str(out)], cwd=ROOT, env=env, check=True,
                   timeout=900)
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    return out, report


def test_every_window_is_rendered_in_every_language_theme_and_font_size(
        gallery: tuple[Path, dict[str, Any]]) -> None:
    out, report = gallery
    combos = {f"{lang}-{theme}-{scale}" for lang in LANGUAGES for theme in THEMES for scale in SCALES}
    shots: dict[str, dict[str, str]] = report["shots"]
    expected = {"main-window-waiting", "main-window-sent", "main-window-not-set-up", "unlock", "first-run",
                "settings", "about",
                "wizard-child", "wizard-review", "wizard-review-ready", "wizard-finalised-received",
                "demo-picker", "demo-feedback", "demo-municipality"}
    assert expected <= set(shots)
    index = (out / "index.html").read_text(encoding="utf-8")
    for name, files in shots.items():
        assert set(files) == combos, name
        for file in files.values():
            image = QImage(str(out / file))
            assert not image.isNull() and image.width() >= 200 and image.height() >= 60, file
            # A real window: text and controls, not one flat colour.
            colours = {image.pixel(x, y)
                       for x in range(0, image.width(), 5) for y in range(0, image.height(), 5)}
            assert len(colours) > 8, file
            assert f'src="{file}"' in index


def test_no_window_elides_or_clips_text_at_1366x768_with_a_150_percent_font(
        gallery: tuple[Path, dict[str, Any]]) -> None:
    """Every label, button, tab, table cell and list item the gallery's windows show (states, reference
    numbers, dates, errors, advice among them) is whole: wrapped if need be, never cut with "…" or
    clipped, and no page is wider than its window - in both languages, both themes, both font sizes."""
    _out, report = gallery
    assert report["screen"] == [1366, 768]
    assert {f"{lang}-{theme}-150" for lang in LANGUAGES for theme in THEMES} <= set(report["combos"])
    assert report["findings"] == []


def test_every_buttons_accessible_name_starts_with_the_text_it_shows(
        gallery: tuple[Path, dict[str, Any]]) -> None:
    """Label in name (WCAG 2.5.3): a voice-control user says the words on the button ("Send igen"), a
    screen reader user hears the name - in every window of the gallery, in both languages, the name starts
    with the visible words (a longer explanation is the description). Every radio button (and check box of
    a group) is in a group named by the question it answers."""
    _out, report = gallery
    assert report["names"] == []
