"""Underret's outbox layer."""
