"""Underret: an offline desktop application for filing notifications of concern about a child."""

__version__ = "0.1.0"
