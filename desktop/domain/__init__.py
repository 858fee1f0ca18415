"""Underret's domain layer."""
