"""Translation tooling: refresh, fill, check and compile the Qt Linguist sources in i18n/.

Source strings in the code are English. Each UI area has its own pair of
files, ``i18n/underret_<area>_da.ts`` and ``..._en.ts``, so areas can be
translated independently. English files are filled with the source text.

    python scripts/i18n.py update [AREA]     # run lupdate (one area or all), fill English
    python scripts/i18n.py todo AREA         # print Danish strings still missing, as JSON
    python scripts/i18n.py fill AREA FILE    # take Danish translations from a JSON {source: danish}
    python scripts/i18n.py check             # exit 1 if any Danish translation is missing
    python scripts/i18n.py compile           # lrelease every .ts to .qm (not committed)
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
I18N = ROOT / "i18n"
UI = ROOT / "desktop" / "ui"
LANGUAGES = ("da", "en")


def areas() -> dict[str, list[Path]]:
    """Each area's source files: the top level of desktop/ui is 'shell', each sub-package its own."""
    found: dict[str, list[Path]] = {"shell": sorted(UI.glob("*.py"))}
    for sub in sorted(p for p in UI.iterdir() if p.is_dir() and not p.name.startswith("_")):
        files = sorted(sub.rglob("*.py"))
        if files:
            found[sub.name] = files
    return found


def _tool(name: str) -> str:
    exe = Path(sys.executable).parent / f"pyside6-{name}"
    if exe.exists():
        return str(exe)
    found = shutil.which(f"pyside6-{name}")
    if not found:
        raise SystemExit(f"pyside6-{name} not found; run scripts/setup.sh")
    return found


def ts_path(area: str, lang: str) -> Path:
    return I18N / f"underret_{area}_{lang}.ts"


def update(only: str | None = None) -> None:
    for area, files in areas().items():
        if only is not None and area != only:
            continue
        for lang in LANGUAGES:
            target = ts_path(area, lang)
            subprocess.run(
                [_tool("lupdate"), "-silent", "-no-obsolete", "-source-language", "en",
                 "-target-language", lang, *map(str, files), "-ts", str(target)],
                check=True,
            )
            # One format for every writer (lupdate's differs from _write's): no whitespace churn when
            # update and fill take turns.
            _write(ET.parse(target), target)  # noqa: S314
        _fill_english(ts_path(area, "en"))


def _messages(tree: ET.ElementTree[ET.Element]) -> list[ET.Element]:
    return list(tree.getroot().iter("message"))


def _write(tree: ET.ElementTree[ET.Element], path: Path) -> None:
    ET.indent(tree)
    body = ET.tostring(tree.getroot(), encoding="unicode")
    path.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n",
                    encoding="utf-8")


def _fill_english(path: Path) -> None:
    tree = ET.parse(path)  # noqa: S314
    for message in _messages(tree):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        if translation is None:
            translation = ET.SubElement(message, "translation")
        if message.get("numerus") == "yes":
            for form in translation.findall("numerusform") or []:
                form.text = form.text or source
            if not translation.findall("numerusform"):
                for _ in range(2):
                    ET.SubElement(translation, "numerusform").text = source
        elif not translation.text:
            translation.text = source
        translation.attrib.pop("type", None)
    _write(tree, path)


def missing(area: str) -> list[str]:
    path = ts_path(area, "da")
    if not path.exists():
        return []
    tree = ET.parse(path)  # noqa: S314
    out = []
    for message in _messages(tree):
        translation = message.find("translation")
        text = "" if translation is None else "".join(translation.itertext()).strip()
        if translation is None or translation.get("type") in {"unfinished", "vanished", "obsolete"} \
                or not text:
            out.append(message.findtext("source") or "")
    return out


def fill(area: str, mapping_file: Path) -> None:
    mapping: dict[str, str] = json.loads(mapping_file.read_text(encoding="utf-8"))
    path = ts_path(area, "da")
    tree = ET.parse(path)  # noqa: S314
    for message in _messages(tree):
        source = message.findtext("source") or ""
        if source not in mapping:
            continue
        translation = message.find("translation")
        if translation is None:
            translation = ET.SubElement(message, "translation")
        if message.get("numerus") == "yes":
            for child in list(translation):
                translation.remove(child)
            forms = mapping[source] if isinstance(mapping[source], list) else [mapping[source]] * 2
            for form in forms:
                ET.SubElement(translation, "numerusform").text = form
            translation.text = None
        else:
            translation.text = mapping[source]
        translation.attrib.pop("type", None)
    _write(tree, path)


def check() -> int:
    problems = 0
    for area in areas():
        for lang in LANGUAGES:
            if not ts_path(area, lang).exists():
                print(f"{ts_path(area, lang).name}: missing; run scripts/i18n.py update")
                problems += 1
        for source in missing(area):
            print(f"{area}: no Danish translation for {source!r}")
            problems += 1
    return 1 if problems else 0


def compile_all() -> None:
    # Qt maps .qm files into memory: rewriting one in place crashes a running app or test that has
    # it loaded, so each is compiled to a temporary name and swapped in with an atomic rename.
    for ts in sorted(I18N.glob("*.ts")):
        target = ts.with_suffix(".qm")
        temporary = ts.with_suffix(".qm.tmp")
        subprocess.run([_tool("lrelease"), "-silent", str(ts), "-qm", str(temporary)], check=True)
        os.replace(temporary, target)


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__)
        return 2
    command, rest = argv[0], argv[1:]
    if command == "update":
        update(rest[0] if rest else None)
    elif command == "todo":
        print(json.dumps({s: "" for s in missing(rest[0])}, ensure_ascii=False, indent=2))
    elif command == "fill":
        fill(rest[0], Path(rest[1]))
    elif command == "check":
        return check()
    elif command == "compile":
        compile_all()
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
