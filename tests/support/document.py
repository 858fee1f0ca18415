"""A rich, fictitious notification document with Danish letters in every field.

Shared by the document tests (tests/unit/documents, tests/ui/documents): ``sample_document()``
is a finalised, acute notification with every optional field filled; ``every_value`` lists the
texts its copy must show; ``with_every_text`` swaps every free text for one (long, hostile) text.
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from enum import StrEnum
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel

from desktop.documents.attachment_listing import LABELS as ATTACHMENT_LABELS
from desktop.domain.bodymap import BodyView, Figure
from desktop.domain.document import (
    AgeBand,
    Child,
    ChildIdentity,
    Concern,
    CustodyHolder,
    DutyType,
    EarlierNotifications,
    FormRef,
    Ground,
    Knowledge,
    NotificationDocument,
    Notifier,
    OtherProfessional,
    PackRef,
    Sibling,
    SignalMark,
    YesNoUnknown,
)
from desktop.domain.observations import (
    AttachmentRef,
    BodyMap,
    BodyMark,
    BodyRegion,
    ExplainedBy,
    MarkColour,
    MarkKind,
    code_lists,
)
from desktop.domain.vocabulary import vocabulary_for

NOTIFICATION_ID = "3f2a9c1b-5d4e-4f60-8a7b-9c0d1e2f3a4b"

#: The same rich sample as written by schema version 1 (before Notification 2.0), saved from that code.
_V1_SAMPLE = Path(__file__).resolve().parents[1] / "fixtures" / "v1" / "sample-document-v1.json"


def sample_document_v1() -> dict[str, Any]:
    """The rich sample as a schema-1 ``notification.json`` (labels, ten-digit CPR numbers), as a dict."""
    data: dict[str, Any] = json.loads(_V1_SAMPLE.read_text("utf-8"))
    return data

Model = TypeVar("Model", bound=BaseModel)


def sample_document(**changes: object) -> NotificationDocument:
    """A finalised notification about a fictitious child, every optional field filled.

    Written under the Demo Kommune pack (its signal and scale ids), about a child who lives in
    Ærø Kommune (492): the copy shows the pack's labels and the municipality's name for the codes.
    """
    document = NotificationDocument(
        notification_id=NOTIFICATION_ID,
        language="da",
        created_at=datetime(2026, 3, 2, 7, 15, tzinfo=UTC),
        finalised_at=datetime(2026, 3, 3, 13, 5, tzinfo=UTC),  # 14.05 in Copenhagen (winter time)
        form=FormRef(id="underretning", version="2.0.0"),
        pack=PackRef(id="demo-kommune", version="2026.1", municipality_code="999"),
        acute=True,
        grounds=[Ground.SPECIAL_SUPPORT, Ground.ABUSE],
        child=Child(
            identity=ChildIdentity.CPR,
            cpr="010117-4321",
            name="Åse Ødegård Ærenlund",
            birth_date=date(2017, 1, 1),
            age_band=AgeBand.AGE_6_12,
            address="Søndergade 7, 5970 Ærøskøbing",
            municipality_code="492",
            institution="Ærøskøbing Skole",
            group_or_class="3.ø",
            languages=["dansk", "færøsk"],
            informed=False,
            not_informed_reason="Åse bad mig om ikke at sige det til nogen, og hun er bange.",
            own_view="Jeg vil bare gerne have, at far holder op med at råbe.",
        ),
        siblings=[
            Sibling(name="Søren Ærenlund", birth_date=date(2020, 5, 17), notes="Går i børnehaven Æblehaven"),
            Sibling(name="Øjvind Ærenlund", cpr="120322-4567"),
        ],
        custody_holders=[
            CustodyHolder(name="Birgitte Ærenlund", relation="mor", cpr="050590-4002",
                          address="Søndergade 7, 5970 Ærøskøbing",
                          phone="+45 20 30 40 50", has_custody=True, informed=True,
                          reaction="Blev ked af det, men forstod hvorfor vi må gøre det",
                          interpreter_language="grønlandsk"),
            CustodyHolder(name="Jørgen Ødegård", relation="far", has_custody=True, informed=False,
                          not_informed_reason="Mistanke om vold i hjemmet: "
                          "forældrene må ikke orienteres først"),
        ],
        notifier=Notifier(
            name="Mette Kjær Sørensen",
            role="Klasselærer",
            workplace="Ærøskøbing Skole",
            work_address="Skolevej 1, 5970 Ærøskøbing",
            phone="62 52 11 22",
            email="mette.sorensen@aeroe-skole.dk",
            duty=DutyType.ENHANCED,
            manager_informed=True,
            manager_name="Søs Bæk",
            manager_role="Skoleleder på Ærøskøbing Skole",
            manager_cosigns=True,
        ),
        knowledge=Knowledge(
            role="Klasselærer i 3.ø siden august",
            duration="years_1_to_3",
            development="Åse læser godt og er glad for matematik; sproget er alderssvarende.",
            wellbeing="Glad og legende indtil jul; siden stille og træt om mandagen.",
            earlier_support="Samtaler med AKT-lærer i 2025; ingen støtte fra kommunen, så vidt vides.",
        ),
        concern=Concern(
            signals=[
                SignalMark(id="violence.injury_protected_area", category_id="physical_violence", acute=False),
                SignalMark(id="violence.explanation_mismatch", category_id="physical_violence"),
                SignalMark(id="neglect.hunger", category_id="neglect"),
                SignalMark(id="violence.afraid_to_go_home", category_id="physical_violence", acute=True),
            ],
            observations="Åse havde tirsdag blå mærker på begge overarme, på størrelse med fingre.\n\n"
            "Hun trak ærmerne ned, da jeg så på dem, og sagde, at hun var faldet på cyklen.",
            sources=["seen", "child_told"],
            observed_when="Tirsdag den 3. marts kl. 8.15, første lektion",
            observed_where="I klasselokalet på 1. sal, Ærøskøbing Skole",
            frequency="long_time",
            child_words="Far bliver så sur, når jeg spørger om mad. Så tager han fat i mig. "
            "Du må ikke sige det.",
            actions_taken="Samtale med Åse i frikvarteret; talt med skolens AKT-lærer Bjørn Ægidius",
            institution_efforts="Morgenmad på skolen hver dag siden februar; ekstra voksenkontakt i SFO'en",
            assessment="Jeg er bekymret for, at Åse udsættes for vold derhjemme, "
            "og at hun ikke får nok at spise.",
            worry_level="red",
        ),
        other_professionals=[
            OtherProfessional(name="Grethe Æbelø", role="Sundhedsplejerske", organisation="Ærø Sundhedspleje",
                              contact="62 52 33 44"),
        ],
        earlier_notifications=EarlierNotifications(
            known=YesNoUnknown.YES,
            details="Skolen underrettede i efteråret 2025 om fravær (kendt af rådgiver Søren Ørum)."),
        body_map=BodyMap(figure=Figure.SCHOOL_CHILD, marks=[
            BodyMark(number=1, view=BodyView.FRONT, x=0.3, y=0.3, region=BodyRegion.UPPER_ARM_RIGHT,
                     kind=MarkKind.BRUISE, colours=[MarkColour.BLUE_PURPLE, MarkColour.YELLOW],
                     size="Fire mærker på 1 × 2 cm", seen_on=date(2026, 3, 3),
                     explained_by=ExplainedBy.CHILD, explanation="»Jeg faldt på cyklen« (Åse, tirsdag)",
                     notes="Ligner aftryk af fingre; Åse trak ærmet ned"),
            BodyMark(number=2, view=BodyView.BACK, x=0.5, y=0.5, region=BodyRegion.LOWER_BACK,
                     kind=MarkKind.PATTERNED, colours=[MarkColour.RED], explained_by=ExplainedBy.NOBODY),
        ]),
        attachments=[
            AttachmentRef(file="attachment-1.pdf", name="fraværsoversigt-ærø.pdf",
                          media_type="application/pdf", size=48213, sha256="ab" * 32),
        ],
    )
    return document.model_copy(update=changes) if changes else document


#: Fields that hold codes: the copy shows their labels (and, for these, the code beside it).
_SHOWN_WITH_CODE = frozenset({"worry_level", "municipality_code"})
_CODE_LISTS = {"frequency": "frequency", "sources": "observation_source", "duration": "known_duration",
               "known": "yes_no_unknown", "grounds": "grounds", "age_band": "age_band",
               "municipality_code": "municipality"}


_BODY_MAP_LISTS = {"figure": "figure", "region": "region", "kind": "kind", "colours": "colour",
                   "explained_by": "explained_by"}


def every_value(document: NotificationDocument) -> list[str]:
    """Every value of the document as the copy must show it: free texts as written, CPR numbers as
    DDMMYY-SSSS, and every code as its label (signals, categories and scale levels in the pack's words).

    The identity and duty enums are shown as sentences and checked by their own tests; an
    attachment's size is printed in kB/MB and its media type as words ("PDF-dokument"); a body
    map's codes as their labels (the side of the body with the place, in lower case).
    """
    voc = vocabulary_for(document.pack.id, document.language, document.pack.version)
    values: list[str] = []

    def walk(name: str, value: object, owner: object) -> None:
        if name in {"language", "identity", "duty", "schema_version", "file", "size", "pack", "form",
                    "upgraded_from"}:
            return
        if isinstance(owner, BodyMark | BodyMap) and name in _BODY_MAP_LISTS:
            codes = value if isinstance(value, list) else [value]
            values.extend(code_lists().label(_BODY_MAP_LISTS[name], str(code), document.language)
                          for code in codes if code is not None)
            return
        if isinstance(owner, BodyMark) and name == "view":
            return  # printed beside the place: "Højre overarm (forfra)"
        if name == "media_type" and isinstance(value, str):
            values.append(ATTACHMENT_LABELS[document.language]["type." + value])
            return
        if isinstance(owner, SignalMark):
            if name == "id":
                values.extend([voc.signal(str(value), document.child.age_band), str(value)])
            elif name == "category_id":
                values.append(voc.category(str(value)))
            return
        if name in _CODE_LISTS and isinstance(value, str):
            values.append(voc.code(_CODE_LISTS[name], value))
            if name in _SHOWN_WITH_CODE:
                values.append(value)
        elif name == "worry_level" and isinstance(value, str):
            values.extend([voc.level(value), value])
        elif isinstance(value, str):
            values.append(value)
        elif isinstance(value, list):
            for item in value:
                walk(name, item, owner)
        elif isinstance(value, BaseModel):
            for field in type(value).model_fields:
                walk(field, getattr(value, field), value)

    walk("", document, None)
    return values


def with_every_text(model: Model, text: str) -> Model:
    """A copy of ``model`` with every free-text field (and list of texts) set to ``text``."""
    update: dict[str, object] = {}
    for name in type(model).model_fields:
        value = getattr(model, name)
        if isinstance(value, StrEnum) or name in {
                "language", "notification_id", "corrects", "cpr", "sha256", "municipality_code", "frequency",
                "sources", "duration", "worry_level", "id", "category_id", "file", "media_type", "version",
                "grounds", "known", "colours"}:
            continue  # codes, ids and formats: only free texts are swapped
        if isinstance(value, str):
            update[name] = text
        elif isinstance(value, BaseModel):
            update[name] = with_every_text(value, text)
        elif isinstance(value, list) and value and isinstance(value[0], BaseModel):
            update[name] = [with_every_text(item, text) for item in value]
        elif isinstance(value, list) and value and isinstance(value[0], str):
            update[name] = [text]
    return model.model_copy(update=update)
