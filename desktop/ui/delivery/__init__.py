"""Delivery in the running app (UI area "delivery"): sending, states, badge, retention, sender key.

``install(services)`` is called once by the composition root. It makes the
:class:`~desktop.ui.delivery.service.DeliveryService` (outbox worker started
after unlock, once the main window has shown its list, and stopped on lock and
quit; ``services.finalise`` for the wizard; the daily retention purge), adds
the delivery parts to every main window and the sender key fingerprint to
About. It imports no part of the outbox, no network module and no pack: those
load when sending starts.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication

from desktop.ui.delivery import messages

if TYPE_CHECKING:
    from desktop.ui.delivery.service import DeliveryService
    from desktop.ui.main_window import MainWindow
    from desktop.ui.services import Services


def install(services: Services, **options: Any) -> DeliveryService:
    """Wire delivery into ``services``; ``options`` go to :class:`DeliveryService` (tests)."""
    from desktop.ui.delivery.service import DeliveryService

    messages.register()
    delivery = DeliveryService(services, **options)
    setattr(services, "delivery", delivery)  # noqa: B010 - a plug point, like services.finalise
    setattr(services, "finalise", delivery.finalise)  # noqa: B010 - read by the wizard (ui/wizard/finalising.py)

    def attach(window: MainWindow) -> None:
        from desktop.ui.delivery.window import MainWindowDelivery  # when the window is made, not at start

        setattr(window, "delivery", MainWindowDelivery(window, services, delivery))  # noqa: B010
        delivery.watch_window(window)  # sending starts once the window has shown its list

    services.main_window_hooks.append(attach)
    services.about_rows.append(lambda: sender_key_rows(services))
    return delivery


def install_views(services: Services) -> None:
    """Demo mode: only the list's words, the badge and print/export (demo mode sends by itself)."""
    messages.register()

    def attach(window: MainWindow) -> None:
        from desktop.ui.delivery.window import MainWindowDelivery

        setattr(window, "delivery", MainWindowDelivery(window, services, None))  # noqa: B010

    services.main_window_hooks.append(attach)
    services.about_rows.append(lambda: sender_key_rows(services))


def sender_key_rows(services: Services) -> list[tuple[str, str]]:
    """About: the fingerprint of the profile's sender key, which the municipality enrols."""
    if services.vault is None:
        return []
    from desktop.outbox.doctor import sender_fingerprint

    label = QCoreApplication.translate("Delivery", "Code for IT (sender key fingerprint)")
    return [(label, sender_fingerprint(services.vault))]
