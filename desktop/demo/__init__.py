"""Underret's demo layer."""
