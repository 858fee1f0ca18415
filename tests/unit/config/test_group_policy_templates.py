"""The Group Policy templates (ADMX/ADML) match the policy model the app reads."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

from desktop.config.policy import (
    REGISTRY_INTAKE_KEYS_SUBKEY,
    REGISTRY_KEY,
    REGISTRY_TRUSTED_KEYS_SUBKEY,
    Policy,
)
from desktop.config.policy_schema import json_schema

ADMX_DIR = Path(__file__).resolve().parents[3] / "packaging" / "windows" / "admx"
NS = {"p": "http://schemas.microsoft.com/GroupPolicy/2006/07/PolicyDefinitions"}


def _admx() -> ET.Element:
    return ET.parse(ADMX_DIR / "Underret.admx").getroot()


def test_every_policy_setting_has_a_group_policy_and_nothing_else_does() -> None:
    written = set()
    for policy in _admx().iterfind(".//p:policies/p:policy", NS):
        assert policy.get("key") == REGISTRY_KEY
        assert policy.get("class") == "Machine"
        if policy.get("valueName"):
            written.add(policy.get("valueName"))
        for element in policy.iterfind("p:elements/*", NS):
            if element.get("valueName"):
                written.add(element.get("valueName"))
            else:  # the lists of trusted pack keys and intake keys live in their own sub-keys
                sub_keys = {REGISTRY_TRUSTED_KEYS_SUBKEY, REGISTRY_INTAKE_KEYS_SUBKEY}
                assert element.get("id") in sub_keys
                assert element.get("key") == f"{REGISTRY_KEY}\\{element.get('id')}"
                written.add(element.get("id"))
    assert written == set(Policy.setting_names())


def test_number_ranges_in_group_policy_match_the_policy_model() -> None:
    schema = json_schema()["properties"]
    for element in _admx().iterfind(".//p:elements/p:decimal", NS):
        field = schema[element.get("valueName")]["anyOf"][0]
        bounds = (int(element.get("minValue", "")), int(element.get("maxValue", "")))
        assert bounds == (field["minimum"], field["maximum"])


def test_both_languages_define_every_string_and_presentation_the_template_uses() -> None:
    text = (ADMX_DIR / "Underret.admx").read_text("utf-8")
    strings = set(re.findall(r"\$\(string\.([A-Za-z0-9_]+)\)", text))
    presentations = set(re.findall(r"\$\(presentation\.([A-Za-z0-9_]+)\)", text))
    for language in ("en-US", "da-DK"):
        adml = ET.parse(ADMX_DIR / language / "Underret.adml").getroot()
        table = adml.iterfind(".//p:stringTable/p:string", NS)
        defined = {s.get("id") for s in table if (s.text or "").strip()}
        shown = {p.get("id") for p in adml.iterfind(".//p:presentationTable/p:presentation", NS)}
        assert strings <= defined, (language, strings - defined)
        assert presentations <= shown, (language, presentations - shown)
    danish = ET.parse(ADMX_DIR / "da-DK" / "Underret.adml").getroot()
    english = ET.parse(ADMX_DIR / "en-US" / "Underret.adml").getroot()
    da = {s.get("id"): s.text for s in danish.iterfind(".//p:string", NS)}
    en = {s.get("id"): s.text for s in english.iterfind(".//p:string", NS)}
    translated = [key for key in da if da[key] != en[key]]
    assert len(translated) > len(da) * 0.8  # the Danish file is Danish, not a copy
