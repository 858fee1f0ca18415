"""The receiving desk's windows (``underret-desk``): unlock, inbox, one notification, dialogs, report.

Widgets only; the desk's rules and services are in ``desktop.desk``. Long work (unlocking,
syncing, opening a notification, rendering the report) runs through
``desktop.ui.operations.run_in_background``.
"""
