"""Underret's wire protocol: what the desktop app and the intake service exchange.

The envelope a notification travels in, the municipality's receipt, canonical
JSON, the references printed on copies and mails, and their errors. Pure Python
on top of ``cryptography``: no Qt, no store, no network. Both ``desktop`` and
``intake`` import this package; neither imports the other.
"""
