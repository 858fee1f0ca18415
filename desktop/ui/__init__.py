"""Underret's ui layer."""
