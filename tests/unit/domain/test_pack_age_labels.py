"""A sign is worded for the child's age: »Barnet …« for a 7-year-old, »Den unge …« for a 15-year-old.

What a worried person relies on: the list, the copy and the search use the words the pack gives for the
child's age band (``label_by_age``, the same shape as ``help_by_age``), a school child's list never talks
about a boyfriend, a five-year-old's nap is not a sign, and a municipality's pack written before
``label_by_age`` still loads (wording review findings 23 and 24).
"""

from __future__ import annotations

import copy
import io
import re
from pathlib import Path
from typing import Any

import pypdf
import pytest
import yaml

from desktop.config.pack_cli import main as pack_tool
from desktop.documents.outline import SignalGroup, build_outline
from desktop.documents.pdf import render_pdf
from desktop.domain.document import AgeBand, Concern, SignalMark
from desktop.domain.packs import GuidelinePack, PackInvalid, load_pack, load_pack_bytes, packs_dir
from desktop.domain.vocabulary import Vocabulary
from tests.support.document import sample_document

SHIPPED = ("national", "demo-kommune")
CHILD, YOUNG = AgeBand.AGE_6_12, AgeBand.AGE_13_17


def _data(pack_id: str = "national") -> dict[str, Any]:
    text = (packs_dir() / f"{pack_id}.yaml").read_text("utf-8")
    data: dict[str, Any] = yaml.load(text, Loader=yaml.CSafeLoader)
    return copy.deepcopy(data)


def _dump(data: dict[str, Any]) -> bytes:
    return yaml.dump(data, Dumper=yaml.CSafeDumper, allow_unicode=True, sort_keys=False).encode("utf-8")


def _signal(data: dict[str, Any], signal_id: str) -> dict[str, Any]:
    return next(s for s in data["signals"] if s["id"] == signal_id)


@pytest.fixture(params=SHIPPED)
def pack(request: pytest.FixtureRequest) -> GuidelinePack:
    return load_pack(packs_dir() / f"{request.param}.yaml")


@pytest.mark.parametrize(("signal_id", "child", "young"), [
    ("honour.control", "Barnet bliver kontrolleret for at beskytte familiens ære",
     "Den unge bliver kontrolleret for at beskytte familiens ære"),
    ("honour.threats", "Barnet bliver truet af familien", "Den unge bliver truet af familien"),
    ("risk.drugs_alcohol", "Barnet bruger alkohol eller stoffer", "Den unge bruger alkohol eller stoffer"),
])
def test_a_school_child_reads_barnet_and_a_teenager_den_unge(
        pack: GuidelinePack, signal_id: str, child: str, young: str) -> None:
    signal = pack.signal(signal_id)
    assert signal.label_for(CHILD).da == child
    assert signal.label_for(YOUNG).da == young
    assert signal.label_for(CHILD).en.startswith("The child ")
    assert signal.label_for(YOUNG).en.startswith("The young person ")
    # While the age is not known, the general (age-neutral) label shows.
    assert signal.label_for(None) == signal.label
    assert "den unge" not in signal.help_for(CHILD).da.casefold()


def test_no_sign_shown_for_a_child_under_13_speaks_of_den_unge_or_a_boyfriend(pack: GuidelinePack) -> None:
    for band in (AgeBand.AGE_0_2, AgeBand.AGE_3_5, CHILD):
        for signal in pack.signals_for(band):
            danish = f"{signal.label_for(band).da} {signal.help_for(band).da}".casefold()
            english = f"{signal.label_for(band).en} {signal.help_for(band).en}".casefold()
            assert not re.search(r"\b(den unge|en ung|kæreste)\b", danish), (band.value, signal.id)
            assert not re.search(r"\b(young person|boyfriend)\b", english), (band.value, signal.id)


def test_a_five_year_olds_tiredness_is_measured_against_children_of_the_same_age(pack: GuidelinePack) -> None:
    tired = pack.signal("neglect.tired")
    small = AgeBand.AGE_3_5
    assert tired.label_for(small).da == "Barnet er ofte mere træt end andre børn på samme alder"
    assert tired.label_for(CHILD).da == "Barnet er ofte meget træt"
    examples = tired.help_for(small).da
    assert "i løbet af dagen" not in examples and "i timerne" not in examples  # a nap, and no lessons at five
    assert "midt i legen" in examples


def test_the_copy_uses_the_words_for_the_childs_age() -> None:
    pack = load_pack(packs_dir() / "demo-kommune.yaml")
    marks = [SignalMark(id="risk.drugs_alcohol", category_id="risk_behaviour"),
             SignalMark(id="honour.threats", category_id="honour_radicalisation", acute=True)]
    document = sample_document()
    concern = document.concern.model_copy(update={"signals": marks})
    assert isinstance(concern, Concern)
    vocabulary = Vocabulary(language="da", pack=pack)

    def signs(band: AgeBand) -> list[str]:
        child = document.child.model_copy(update={"age_band": band})
        outline = build_outline(document.model_copy(update={"child": child, "concern": concern}),
                                vocabulary=vocabulary)
        return [label for section in outline.sections for block in section.blocks
                if isinstance(block, SignalGroup) for label, _id, _acute in block.signals]

    assert signs(CHILD) == ["Barnet bruger alkohol eller stoffer", "Barnet bliver truet af familien"]
    # The PDF the municipality receives about the 9-year-old in the sample, read back as a viewer would.
    child = document.child.model_copy(update={"age_band": CHILD})
    pdf = render_pdf(document.model_copy(update={"child": child, "concern": concern}))
    text = re.sub(r"\s+", " ", " ".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(pdf)).pages))
    assert "Barnet bruger alkohol eller stoffer" in text and "Barnet bliver truet af familien" in text
    assert "den unge" not in text.casefold()
    assert signs(YOUNG) == ["Den unge bruger alkohol eller stoffer", "Den unge bliver truet af familien"]
    assert vocabulary.signal("risk.drugs_alcohol") == "Barnet eller den unge bruger alkohol eller stoffer"
    assert Vocabulary(language="en", pack=pack).signal("risk.drugs_alcohol", CHILD) == (
        "The child uses alcohol or drugs")


def test_the_search_finds_a_sign_by_the_words_shown_for_the_age(pack: GuidelinePack) -> None:
    assert "honour.threats" in [s.id for s in pack.search("barnet bliver truet", CHILD, "da")]
    assert "honour.threats" not in [s.id for s in pack.search("barnet bliver truet", YOUNG, "da")]
    assert "honour.threats" in [s.id for s in pack.search("den unge bliver truet", YOUNG, "da")]


def test_a_label_for_an_age_the_signal_is_not_shown_at_is_refused() -> None:
    data = _data()
    _signal(data, "risk.drugs_alcohol")["label_by_age"] = [
        {"age_bands": ["3-5"], "label": {"da": "Barnet drikker", "en": "The child drinks"}}]
    with pytest.raises(PackInvalid) as caught:
        load_pack_bytes(_dump(data), "kommune.yaml")
    assert caught.value.kind == "unknown_reference"
    assert caught.value.path.endswith("label_by_age[0].age_bands[0]")
    assert caught.value.line is not None


def test_two_labels_for_one_age_are_refused() -> None:
    data = _data()
    _signal(data, "risk.drugs_alcohol")["label_by_age"] = [
        {"age_bands": ["6-12"], "label": {"da": "A", "en": "A"}},
        {"age_bands": ["13-17", "6-12"], "label": {"da": "B", "en": "B"}}]
    with pytest.raises(PackInvalid) as caught:
        load_pack_bytes(_dump(data), "kommune.yaml")
    assert caught.value.kind == "duplicate_id"
    assert caught.value.path.endswith("label_by_age[1].age_bands[1]")
    assert "a label twice" in caught.value.problem


def test_a_label_for_an_age_needs_both_languages() -> None:
    data = _data()
    _signal(data, "risk.drugs_alcohol")["label_by_age"] = [{"age_bands": ["6-12"], "label": {"da": "Barnet"}}]
    with pytest.raises(PackInvalid) as caught:
        load_pack_bytes(_dump(data), "kommune.yaml")
    assert caught.value.kind == "missing_translation"


def test_a_pack_from_before_labels_by_age_loads_with_its_one_label(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = _data("demo-kommune")
    for signal in data["signals"]:
        signal.pop("label_by_age", None)
    data["version"] = "2026.7"
    pack_file = tmp_path / "demo-kommune.yaml"
    pack_file.write_bytes(_dump(data))
    pack = load_pack(pack_file)
    drugs = pack.signal("risk.drugs_alcohol")
    assert drugs.label_for(CHILD) == drugs.label_for(YOUNG) == drugs.label
    # ... and signs and verifies as the app checks it, as does the shipped pack with labels by age.
    keys = tmp_path / "keys"
    assert pack_tool(["keygen", "--out", str(keys), "--id", "kommune-2026"]) == 0
    shipped = tmp_path / "shipped" / "demo-kommune.yaml"
    shipped.parent.mkdir()
    shipped.write_bytes((packs_dir() / "demo-kommune.yaml").read_bytes())
    for path in (pack_file, shipped):
        assert pack_tool(["sign", str(path), "--key", str(keys / "kommune-2026.key")]) == 0
        assert pack_tool(["verify", str(path), "--trusted", str(keys / "kommune-2026.pub")]) == 0
    assert capsys.readouterr().out.count("OK demo-kommune.yaml") == 2
