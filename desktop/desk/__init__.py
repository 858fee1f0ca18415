"""The municipality's receiving desk (``underret-desk``), below the windows.

Qt-free: the pure rules (``deadlines``, ``linking``, ``figures``, ``received``), the desk's own
SQLCipher vault (``vault``, reusing ``desktop.store``), the municipality's key import (``keyring``),
the yearly report (``report``), the intake's inbox API client (``inbox_client``) and the services
that tie them together (``service``). The windows live in ``desktop.ui.desk``.
"""
