"""Underret's store layer."""
