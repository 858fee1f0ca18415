"""Translations stay complete: every tr() string is in the committed .ts files, every one has Danish."""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _i18n_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("i18n_script", ROOT / "scripts" / "i18n.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


I18N = _i18n_script()
AREAS: dict[str, list[Path]] = I18N.areas()


def _messages(ts: Path) -> set[tuple[str, str, str]]:
    """(context, source, disambiguation) of every live message in a .ts file."""
    found = set()
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is not None and translation.get("type") in {"vanished", "obsolete"}:
                continue
            found.add((name, message.findtext("source") or "", message.findtext("comment") or ""))
    return found


@pytest.mark.parametrize("area", sorted(AREAS))
def test_committed_translation_sources_match_the_strings_in_the_code(area: str, tmp_path: Path) -> None:
    committed = I18N.ts_path(area, "da")
    assert committed.exists(), f"{committed.name} missing: run scripts/i18n.py update {area}"
    fresh = tmp_path / committed.name
    shutil.copy(committed, fresh)
    lupdate = Path(sys.executable).parent / "pyside6-lupdate"
    tool = str(lupdate) if lupdate.exists() else "pyside6-lupdate"
    subprocess.run([tool, "-silent", "-no-obsolete", "-source-language", "en", "-target-language", "da",
                    *map(str, AREAS[area]), "-ts", str(fresh)], check=True)
    now, before = _messages(fresh), _messages(committed)
    assert now - before == set(), f"strings not yet in {committed.name}: run scripts/i18n.py update {area}"
    assert before - now == set(), f"strings gone from the code still in {committed.name}: run update"


def test_every_danish_translation_is_filled_in(capsys: pytest.CaptureFixture[str]) -> None:
    code = I18N.check()
    assert code == 0, capsys.readouterr().out


def test_message_ids_of_the_store_and_config_have_a_sentence() -> None:
    from desktop.config import policy, settings
    from desktop.store import errors
    from desktop.ui.messages import known_ids

    ids = {cls.message_id for module in (errors, settings) for cls in vars(module).values()
           if isinstance(cls, type) and hasattr(cls, "message_id")}
    ids |= {"policy.invalid", "policy.bad_json", "policy.unknown_setting", "policy.wrong_type",
            "policy.out_of_range", "policy.bad_value", "policy.missing_file", "policy.unreadable"}
    assert policy.PolicyInvalid.message_id in ids
    ids.discard("error.unknown")
    assert ids - known_ids() == set()


def test_danish_names_it_afdelingen_never_it() -> None:
    """The wording review's glossary: a pædagog reads "it-afdelingen", not the abbreviation "IT"
    (/work/shared/reviews/danish-wording.md)."""
    import re

    found = []
    for ts in sorted((ROOT / "i18n").glob("*_da.ts")):
        for message in ET.parse(ts).getroot().iter("message"):
            translation = message.find("translation")
            if translation is None or translation.get("type") in {"vanished", "obsolete"}:
                continue
            texts = [translation.text or ""] + [n.text or "" for n in translation.iter("numerusform")]
            found += [f"{ts.name}: {text}" for text in texts if re.search(r"\bIT\b", text)]
    assert found == []
