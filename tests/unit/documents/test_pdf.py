"""The PDF copy a municipality receives: read back with pypdf, as a caseworker's viewer would."""

from __future__ import annotations

import hashlib
import io
import os
import re
import tempfile
from pathlib import Path

import pypdf
import pytest

from desktop.documents.pdf import content_hash, render_pdf
from desktop.domain.document import AgeBand, Child, ChildIdentity, ExpectantMother, NotificationDocument
from tests.support.document import every_value, with_every_text


def _pages(pdf: bytes) -> list[str]:
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    return [page.extract_text() for page in reader.pages]


def _squeeze(text: str) -> str:
    """Text without any whitespace: line wrapping in the PDF must not hide a value."""
    return re.sub(r"\s+", "", text)


def test_copy_shows_danish_letters_and_every_value_the_notifier_wrote(
    rich_document: NotificationDocument
) -> None:
    text = "\n".join(_pages(render_pdf(rich_document)))
    for letter in "æøåÆØÅ":
        assert letter in text
    squeezed = _squeeze(text)
    missing = [value for value in every_value(rich_document) if _squeeze(value) not in squeezed]
    assert missing == []


def test_copy_shows_cpr_formatted_and_times_in_danish_local_time(rich_document: NotificationDocument) -> None:
    text = "\n".join(_pages(render_pdf(rich_document)))
    assert "010117-4321" in text
    assert "0101174321" not in text
    # finalised 13:05 UTC in March is 14.05 in Copenhagen
    assert "3. marts 2026 kl. 14.05" in text


def test_copy_names_the_municipality_and_short_reference_in_the_header(
    rich_document: NotificationDocument,
) -> None:
    first = _pages(render_pdf(rich_document))[0]
    assert "Ærø Kommune (kommunekode 492)" in first
    assert "3F2A9C1B" in first
    assert "Mette Kjær Sørensen" in first


def test_every_page_carries_page_number_and_content_hash(rich_document: NotificationDocument) -> None:
    pages = _pages(render_pdf(rich_document))
    digest = hashlib.sha256(rich_document.to_json_bytes()).hexdigest()
    assert content_hash(rich_document) == digest
    assert len(pages) > 1
    for number, text in enumerate(pages, start=1):
        assert f"Side {number} af {len(pages)}" in text
        assert _squeeze(digest[:16]) in _squeeze(text)


def test_metadata_holds_full_hash_and_a_title_without_child_name_or_cpr(
    rich_document: NotificationDocument,
) -> None:
    reader = pypdf.PdfReader(io.BytesIO(render_pdf(rich_document)))
    meta = reader.metadata
    assert meta is not None
    assert meta.title == "Underretning 3F2A9C1B"
    assert content_hash(rich_document) in (meta.subject or "")
    everything = " ".join(str(value) for value in meta.values())
    assert "Åse" not in everything
    assert "0101174321" not in everything and "010117-4321" not in everything


def test_acute_notification_shows_the_acute_banner_and_a_calm_one_does_not(
    rich_document: NotificationDocument,
) -> None:
    assert "AKUT" in _pages(render_pdf(rich_document))[0]
    calm = rich_document.model_copy(update={"acute": False, "concern": rich_document.concern.model_copy(
        update={"signals": [s.model_copy(update={"acute": False}) for s in rich_document.concern.signals]})})
    assert "AKUT" not in "\n".join(_pages(render_pdf(calm))).upper()


def test_signals_are_grouped_under_their_category(rich_document: NotificationDocument) -> None:
    text = _squeeze("\n".join(_pages(render_pdf(rich_document))))
    # The document holds only the pack's ids; the copy shows the pack's words for them, and the id.
    physical = text.index(_squeeze("Fysisk vold"))
    assert physical < text.index(_squeeze("Skader på steder, der sjældent rammes ved uheld"))
    assert physical < text.index(_squeeze("Forklaringen passer ikke til skaden"))
    assert text.index(_squeeze("Forklaringen passer ikke til skaden")) < text.index(_squeeze("Omsorgssvigt"))
    assert "(violence.injury_protected_area)" in text


def test_child_words_are_set_apart_in_quotation_marks(rich_document: NotificationDocument) -> None:
    text = "\n".join(_pages(render_pdf(rich_document)))
    assert "Barnets egne ord" in text
    assert _squeeze("»Far bliver så sur") in _squeeze(text)


def test_parent_not_informed_shows_why(rich_document: NotificationDocument) -> None:
    text = _squeeze("\n".join(_pages(render_pdf(rich_document))))
    assert _squeeze("Hvorfor ikke orienteret") in text
    assert _squeeze("forældrene må ikke orienteres først") in text


def test_assessment_is_labelled_as_the_notifiers_own(rich_document: NotificationDocument) -> None:
    text = _squeeze("\n".join(_pages(render_pdf(rich_document))))
    assert _squeeze("Underretterens egen vurdering") in text


def test_demo_copy_has_watermark_on_every_page_and_real_copy_has_none(
    rich_document: NotificationDocument,
) -> None:
    demo_pdf = render_pdf(rich_document, demo=True)
    for text in _pages(demo_pdf):
        assert "DEMO – fiktive data" in text
    meta = pypdf.PdfReader(io.BytesIO(demo_pdf)).metadata
    assert meta is not None and meta.title == "Underretning 3F2A9C1B (DEMO)"
    assert all("DEMO" not in text for text in _pages(render_pdf(rich_document)))


def test_english_notification_is_printed_with_english_labels(rich_document: NotificationDocument) -> None:
    english = rich_document.model_copy(update={"language": "en"})
    pages = _pages(render_pdf(english, demo=True))
    text = "\n".join(pages)
    for words in ("Notification of concern", "The child", "CPR number", "Signs of concern",
                  "The child's own words", "The notifier's own assessment", "Parents and custody holders",
                  "3 March 2026 at 14:05", "ACUTE", "DEMO — fictitious data"):
        assert words in text
    assert f"Page 1 of {len(pages)}" in pages[0]
    for danish in ("Side 1", "Barnet", "Forældre og", "kommunekode"):
        assert danish not in text
    meta = pypdf.PdfReader(io.BytesIO(render_pdf(english))).metadata
    assert meta is not None and meta.title == "Notification of concern 3F2A9C1B"


def test_a_correction_names_the_notification_it_corrects(rich_document: NotificationDocument) -> None:
    correction = rich_document.model_copy(update={"corrects": "0badc0de-1111-4222-8333-444455556666"})
    first = _pages(render_pdf(correction))[0]
    assert "retter en tidligere underretning med underretningsnummer 0BADC0DE" in " ".join(first.split())


def test_unborn_child_is_shown_with_due_date(rich_document: NotificationDocument) -> None:
    from datetime import date

    unborn = rich_document.model_copy(update={"child": Child(
        identity=ChildIdentity.UNBORN, due_date=date(2026, 8, 14), age_band=AgeBand.UNBORN,
        municipality_code="492", expectant_mother=ExpectantMother(name="Birgitte Ærenlund",
                                                                  cpr="050590-4002"))})
    text = "\n".join(_pages(render_pdf(unborn)))
    assert "Forventet termin" in text
    assert "14. august 2026" in text
    # The expectant mother identifies the unborn child: her CPR number is the one shown.
    before_siblings = text.split("Søskende")[0]
    assert "Den gravide" in before_siblings and "Birgitte Ærenlund" in before_siblings
    assert "050590-4002" in before_siblings and "010117-4321" not in before_siblings


def test_hundred_kilobyte_description_flows_over_many_pages(rich_document: NotificationDocument) -> None:
    sentence = "Åse fortalte om weekenden, og jeg skrev det ned ordret med dato og sted. "
    long_text = (sentence * (100_000 // len(sentence) + 1))[:100_000]
    one_line = "Ø" * 5_000  # a single unbroken word must wrap, not run off the page
    concern = rich_document.concern.model_copy(update={
        "observations": long_text, "child_words": long_text[:20_000], "assessment": one_line})
    pdf = render_pdf(rich_document.model_copy(update={"concern": concern}))
    pages = _pages(pdf)
    assert len(pages) > 20
    assert f"Side {len(pages)} af {len(pages)}" in pages[-1]
    assert _squeeze(sentence) in _squeeze("\n".join(pages))
    # The text starts under its heading instead of leaving the rest of that page blank.
    heading_page = next(text for text in pages if "Hvad er set og hørt" in text)
    assert _squeeze(sentence) in _squeeze(heading_page)


@pytest.mark.parametrize("text", [
    "Hun tegnede 😢💔 og skrev 👨‍👩‍👧 på tavlen",
    "Mor sagde: مرحبا كيف حالك ثم ذهبت",
    "שלום — he said it twice",
    "Forældre & lærer <b>fed</b> </para> ]]> \"citat\" 'enkelt' &amp; &#169;",
    "Linje\x00med\x07styretegn\x0bog\x1bescape",
])
def test_unusual_text_never_breaks_the_copy(rich_document: NotificationDocument, text: str) -> None:
    concern = rich_document.concern.model_copy(update={"observations": text, "child_words": text})
    child = rich_document.child.model_copy(update={"name": text[:40]})
    pdf = render_pdf(rich_document.model_copy(update={"concern": concern, "child": child}))
    assert pdf.startswith(b"%PDF")
    assert len(_pages(pdf)) >= 1


def test_markup_characters_are_printed_literally(rich_document: NotificationDocument) -> None:
    literal = "Forældre & lærer <b>fed</b> </para> 5 < 7 > 2"
    concern = rich_document.concern.model_copy(update={"observations": literal})
    text = "\n".join(_pages(render_pdf(rich_document.model_copy(update={"concern": concern}))))
    assert literal in text


def test_rendering_writes_no_temporary_file(
    rich_document: NotificationDocument, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A temp folder of this test's own: the system one also holds files other processes make meanwhile.
    folder = tmp_path / "tmp"
    folder.mkdir()
    monkeypatch.setenv("TMPDIR", str(folder))
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    render_pdf(rich_document, demo=True)
    render_pdf(rich_document.model_copy(update={"language": "en"}))
    assert os.listdir(folder) == []


def test_same_notification_renders_to_the_same_bytes(rich_document: NotificationDocument) -> None:
    assert render_pdf(rich_document) == render_pdf(rich_document)


def test_rendering_on_worker_threads_gives_the_same_copy(rich_document: NotificationDocument) -> None:
    from concurrent.futures import ThreadPoolExecutor

    expected = render_pdf(rich_document)
    with ThreadPoolExecutor(max_workers=3) as pool:
        results = list(pool.map(lambda _: render_pdf(rich_document), range(3)))
    assert results == [expected] * 3


def test_dates_codes_and_yes_no_are_written_as_words(rich_document: NotificationDocument) -> None:
    text = " ".join("\n".join(_pages(render_pdf(rich_document))).split())
    for words in ("1. januar 2017", "17. maj 2020", "2. marts 2026 kl. 08.15", "6–12 år",
                  "Skærpet underretningspligt (fagperson)", "Orienteret om underretningen Nej",
                  "Leder orienteret Ja", "Lederen skriver under Ja", "underretning 2.0.0",
                  "demo-kommune 2026.1", "Over længere tid", "Jeg har selv set det, Barnet har fortalt det",
                  "1–3 år", "Rød: trivslen er alvorligt udfordret (red)",
                  "Barnet kan have været udsat for overgreb", "Ærø Kommune (kommunekode 492)"):
        assert words in text
    for code in ("6-12", "enhanced", "ChildIdentity", "None", "True", "False", "long_time", "child_told",
                 "years_1_to_3", "special_support"):
        assert code not in text


def test_how_the_notifier_knows_is_shown_with_the_description(rich_document: NotificationDocument) -> None:
    concern = rich_document.concern.model_copy(update={"sources": ["heard", "colleague_told"]})
    pdf = render_pdf(rich_document.model_copy(update={"concern": concern}))
    text = " ".join("\n".join(_pages(pdf)).split())
    assert ("Hvordan underretteren ved det Jeg har selv hørt det, En kollega eller anden fagperson har "
            "fortalt det") in text


def test_an_english_notification_shows_the_english_labels_for_the_same_codes(
    rich_document: NotificationDocument,
) -> None:
    english = rich_document.model_copy(update={"language": "en"})
    text = " ".join("\n".join(_pages(render_pdf(english))).split())
    for words in ("Over a long time", "I saw it myself, The child told me", "1–3 years",
                  "Red: well-being is seriously challenged (red)",
                  "The child may have been subjected to abuse", "Injuries where accidents rarely cause them"):
        assert words in text


def test_a_very_long_answer_in_every_field_at_once_still_renders(
    rich_document: NotificationDocument
) -> None:
    # Names, workplaces, titles and table values several pages long must not break the layout
    # (a table row cannot span pages) nor make it crawl.
    text = "Ærlig talt ved jeg ikke mere end dette. " * 150
    pdf = render_pdf(with_every_text(rich_document, text))
    pages = _pages(pdf)
    assert len(pages) > 30
    assert f"Side {len(pages)} af {len(pages)}" in pages[-1]


@pytest.mark.parametrize(("language", "heading", "plain_words"), [
    ("da", "Teknisk kontrol (til kommunen)", "Som underretter behøver du ikke gøre noget med dem."),
    ("en", "Technical check (for the municipality)", "As the notifier, you need not do anything with them."),
])
def test_the_technical_facts_stand_together_in_the_municipality_s_section_at_the_end(
        rich_document: NotificationDocument, language: str, heading: str, plain_words: str) -> None:
    # Wording review 21 / issue 19 pt 5: the hashes the municipality checks, out of the notifier's way.
    document = rich_document.model_copy(update={"language": language})
    text = _squeeze("\n".join(_pages(render_pdf(document))))
    full = content_hash(document)
    attachment = document.attachments[0]
    assert _squeeze(heading) in text
    before, after = text.split(_squeeze(heading), 1)
    # Kept whole for the municipality: the full hash, the attachment's hash and its file in the envelope.
    for fact in (full, attachment.sha256, attachment.file, document.notification_id, "SHA-256",
                 _squeeze(plain_words)):
        assert fact in after, fact
    # ... and none of it before, where the notifier reads (the footer's short hash is only a prefix).
    for fact in (full, attachment.sha256, "SHA-256", document.notification_id):
        assert fact not in before, fact
    assert (_squeeze("Kontrolsum") not in text) and "kontrolsum" not in text.lower()
    # The attachment itself is still listed with the notifier's words: its name, type and size.
    assert _squeeze(attachment.name) in before
