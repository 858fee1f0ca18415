"""Underret's documents layer."""
