"""A rich, fictitious notification document with Danish letters in every field.

Shared by the document tests (tests/unit/documents, tests/ui/documents): ``sample_document()``
is a finalised, acute notification with every optional field filled; ``every_value`` lists the
texts its copy must show; ``with_every_text`` swaps every free text for one (long, hostile) text.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from enum import StrEnum
from typing import TypeVar

from pydantic import BaseModel

from desktop.domain.document import (
    AgeBand,
    AttachmentRef,
    Child,
    ChildIdentity,
    Concern,
    CustodyHolder,
    DutyType,
    FormRef,
    NotificationDocument,
    Notifier,
    OtherProfessional,
    PackRef,
    Sibling,
    SignalMark,
)

NOTIFICATION_ID = "3f2a9c1b-5d4e-4f60-8a7b-9c0d1e2f3a4b"

Model = TypeVar("Model", bound=BaseModel)


def sample_document(**changes: object) -> NotificationDocument:
    """A finalised notification about a fictitious child, every optional field filled."""
    document = NotificationDocument(
        notification_id=NOTIFICATION_ID,
        language="da",
        created_at=datetime(2026, 3, 2, 7, 15, tzinfo=UTC),
        finalised_at=datetime(2026, 3, 3, 13, 5, tzinfo=UTC),  # 14.05 in Copenhagen (winter time)
        form=FormRef(id="underretning", version="1.0"),
        pack=PackRef(id="demo-kommune", version="2026.1", municipality_name="Ærø Kommune",
                     municipality_code="492"),
        acute=True,
        child=Child(
            identity=ChildIdentity.CPR,
            cpr="0101174321",
            name="Åse Ødegård Ærenlund",
            birth_date=date(2017, 1, 1),
            age_band=AgeBand.AGE_6_12,
            address="Søndergade 7, 5970 Ærøskøbing",
            institution="Ærøskøbing Skole",
            group_or_class="3.ø",
            languages=["dansk", "færøsk"],
        ),
        siblings=[
            Sibling(name="Søren Ærenlund", birth_date=date(2020, 5, 17), notes="Går i børnehaven Æblehaven"),
            Sibling(name="Øjvind Ærenlund", cpr="1203224567"),
        ],
        custody_holders=[
            CustodyHolder(name="Birgitte Ærenlund", relation="mor", address="Søndergade 7, 5970 Ærøskøbing",
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
            relation_to_child="Klasselærer i 3.ø siden august",
            duty=DutyType.ENHANCED,
            manager_informed=True,
            manager_name="Søs Bæk",
            manager_role="Skoleleder på Ærøskøbing Skole",
            manager_cosigns=True,
        ),
        concern=Concern(
            signals=[
                SignalMark(id="physical.bruises_unusual", category_id="physical",
                           label="Blå mærker på overarmene", category_label="Fysisk vold", acute=True),
                SignalMark(id="physical.explanation", category_id="physical",
                           label="Forklaringen passer ikke til skaden", category_label="Fysisk vold"),
                SignalMark(id="neglect.hunger", category_id="neglect", label="Kommer sulten i skole",
                           category_label="Omsorgssvigt"),
                SignalMark(id="child.fear_home", category_id="psychological",
                           label="Frygt for at gå hjem efter skole", category_label="Psykisk vold"),
            ],
            observations="Åse havde tirsdag blå mærker på begge overarme, på størrelse med fingre.\n\n"
            "Hun trak ærmerne ned, da jeg så på dem, og sagde, at hun var faldet på cyklen.",
            observed_when="Tirsdag den 3. marts kl. 8.15, første lektion",
            observed_where="I klasselokalet på 1. sal, Ærøskøbing Skole",
            frequency="Tredje gang siden jul; mærkerne ses især efter weekender",
            child_words="Far bliver så sur, når jeg spørger om mad. Så tager han fat i mig. "
            "Du må ikke sige det.",
            actions_taken="Samtale med Åse i frikvarteret; talt med skolens AKT-lærer Bjørn Ægidius",
            institution_efforts="Morgenmad på skolen hver dag siden februar; ekstra voksenkontakt i SFO'en",
            assessment="Jeg er bekymret for, at Åse udsættes for vold derhjemme, "
            "og at hun ikke får nok at spise.",
            worry_level="Rød — trivslen er alvorligt udfordret",
            worry_level_id="rød",
        ),
        other_professionals=[
            OtherProfessional(name="Grethe Æbelø", role="Sundhedsplejerske", organisation="Ærø Sundhedspleje",
                              contact="62 52 33 44"),
        ],
        earlier_notifications="Skolen underrettede i efteråret 2025 om fravær "
        "(kendt af rådgiver Søren Ørum).",
        attachments=[
            AttachmentRef(name="fraværsoversigt-ærø.pdf", media_type="application/pdf", sha256="ab" * 32),
            AttachmentRef(name="kropskort-øvre-arme.json", media_type="application/json", sha256="cd" * 32),
        ],
    )
    return document.model_copy(update=changes) if changes else document


def every_value(document: NotificationDocument) -> list[str]:
    """Every text value of the document as the copy must show it (CPR numbers as DDMMYY-SSSS).

    Enum codes (identity, age band, duty) and category ids are shown as words, not
    as codes, so they are left out here and checked by their own tests.
    """
    values: list[str] = []

    def walk(name: str, value: object) -> None:
        if isinstance(value, StrEnum) or name in {"category_id", "language"}:
            return
        if isinstance(value, str):
            values.append(f"{value[:6]}-{value[6:]}" if name == "cpr" else value)
        elif isinstance(value, list):
            for item in value:
                walk(name, item)
        elif isinstance(value, BaseModel):
            for field in type(value).model_fields:
                walk(field, getattr(value, field))

    walk("", document)
    return values


def with_every_text(model: Model, text: str) -> Model:
    """A copy of ``model`` with every free-text field (and list of texts) set to ``text``."""
    update: dict[str, object] = {}
    for name in type(model).model_fields:
        value = getattr(model, name)
        if isinstance(value, StrEnum) or name in {"language", "notification_id", "corrects", "cpr", "sha256"}:
            continue
        if isinstance(value, str):
            update[name] = text
        elif isinstance(value, BaseModel):
            update[name] = with_every_text(value, text)
        elif isinstance(value, list) and value and isinstance(value[0], BaseModel):
            update[name] = [with_every_text(item, text) for item in value]
        elif isinstance(value, list) and value and isinstance(value[0], str):
            update[name] = [text]
    return model.model_copy(update=update)
