"""The observations page in the gallery: the body map with marks on both views, and two attachments.

A draft whose answers hold three marks (one chosen, its details shown) and two files attached,
the bytes really stored in the vault, so the page looks as it does for a person mid-way.
"""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtWidgets import QWidget

from desktop.domain.bodymap import BodyView, Figure, place
from tests.gallery.scenes import register
from tests.gallery.stage import Stage
from tests.support.attachments import a_pdf


def _mark(mark_id: str, view: BodyView, region: str, **details: object) -> dict[str, object]:
    x, y = place(Figure.SMALL_CHILD, view, region) or (0.5, 0.5)
    mark: dict[str, object] = {"id": mark_id, "view": view.value, "x": x, "y": y, "region": region,
                               "kind": None, "colours": [], "size": "", "seen_on": None, "explained_by": None,
                               "explanation": "", "notes": ""}
    mark.update(details)
    return mark


def _observations(stage: Stage) -> Iterator[tuple[str, QWidget]]:
    from desktop.ui.wizard.window import WizardWindow

    vault = stage.services.require_vault()
    answers = stage.answers()
    draft_id = vault.notifications.create_draft(answers, "observations", "EH")
    files = [vault.attachments.add(draft_id, name="fraværsoversigt efterår.pdf", media_type="application/pdf",
                                   data=a_pdf()).as_answer(),
             vault.attachments.add(draft_id, name="Emmas tegning.pdf", media_type="application/pdf",
                                   data=a_pdf("Tegning")).as_answer()]
    answers.update({
        "observations.has_marks": True,
        "observations.body_map": [
            _mark("m-1", BodyView.FRONT, "upper_arm_left", kind="bruise", colours=["blue_purple", "yellow"],
                  size="4 mærker på ca. 1 × 2 cm", seen_on=stage.today.isoformat(), explained_by="child",
                  explanation="»Jeg faldt på cyklen«"),
            _mark("m-2", BodyView.FRONT, "face", kind="red_mark"),
            _mark("m-3", BodyView.BACK, "lower_back", kind="patterned", explained_by="nobody"),
        ],
        "observations.attachments": files,
    })
    vault.notifications.save_draft(draft_id, answers, "observations", "EH")
    window = stage.services.open_wizard(draft_id)
    assert isinstance(window, WizardWindow)
    window.go_to("observations", save=False)
    yield "wizard-observations-marks", window


register("wizard-observations", _observations)
