"""Underret's config layer."""
