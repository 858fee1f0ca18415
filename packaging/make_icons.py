"""Render the app icon from its one source, ``packaging/linux/underret.svg``, into what builds need.

    .venv/bin/python packaging/make_icons.py           # writes the files below
    .venv/bin/python packaging/make_icons.py --check   # exit 1 when a written file is out of date

- ``packaging/windows/underret.ico``: the executables' and the installer's icon (PyInstaller's ``icon=``,
  WiX's ``<Icon>``), with the sizes Windows asks for (16 … 256 px), each a PNG inside the ICO (Windows
  Vista and later read those);
- ``packaging/linux/underret.png``: 256 px, for desktops that do not read SVG icons (the .deb installs it
  beside the SVG).

Rendered with Qt's SVG renderer, offscreen, so it runs on the build machines and in CI alike.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SVG = ROOT / "packaging" / "linux" / "underret.svg"
ICO = ROOT / "packaging" / "windows" / "underret.ico"
PNG = ROOT / "packaging" / "linux" / "underret.png"
ICO_SIZES = (16, 20, 24, 32, 40, 48, 64, 128, 256)


def render_png(size: int) -> bytes:
    """The icon as a ``size``×``size`` PNG with transparency."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication([])
    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        raise SystemExit(f"{SVG} is not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(0)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def ico_bytes(images: dict[int, bytes]) -> bytes:
    """An ICO file holding each PNG (ICONDIR, one ICONDIRENTRY per image, then the images)."""
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = len(header) + 16 * len(images)
    entries, blobs = b"", b""
    for size, png in sorted(images.items()):
        side = 0 if size >= 256 else size  # 0 means 256 in an ICONDIRENTRY
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(png), offset)
        blobs += png
        offset += len(png)
    return header + entries + blobs


def ico_sizes(data: bytes) -> list[int]:
    """The image sizes listed in an ICO file (tests and ``--check``)."""
    reserved, kind, count = struct.unpack_from("<HHH", data, 0)
    if reserved != 0 or kind != 1:
        raise ValueError("not an icon file")
    sizes = []
    for index in range(count):
        width = struct.unpack_from("<B", data, 6 + 16 * index)[0]
        sizes.append(width or 256)
    return sizes


def expected() -> dict[Path, bytes]:
    """What the files should hold, rendered now."""
    return {ICO: ico_bytes({size: render_png(size) for size in ICO_SIZES}), PNG: render_png(256)}


def main(argv: list[str]) -> int:
    wanted = expected()
    if argv[:1] == ["--check"]:
        stale = [path for path, data in wanted.items() if not path.is_file() or path.read_bytes() != data]
        for path in stale:
            print(f"{path.relative_to(ROOT)} is out of date: run packaging/make_icons.py", file=sys.stderr)
        return 1 if stale else 0
    for path, data in wanted.items():
        path.write_bytes(data)
        print(f"wrote {path.relative_to(ROOT)} ({len(data)} bytes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
