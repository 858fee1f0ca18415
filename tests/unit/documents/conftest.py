"""Fixtures for the document tests: a rich fictitious notification with Danish letters everywhere."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from desktop.domain.document import NotificationDocument


def load_sample_module() -> ModuleType:
    """The shared sample module, loaded by path (test folders are not packages)."""
    name = "underret_documents_sample"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, Path(__file__).with_name("_sample.py"))
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


@pytest.fixture
def rich_document() -> NotificationDocument:
    """A finalised, acute notification with every field filled and æøå ÆØÅ in all of them."""
    document: NotificationDocument = load_sample_module().sample_document()
    return document


@pytest.fixture
def sample() -> ModuleType:
    """The sample module itself, for tests that vary the document (``sample.sample_document(...)``)."""
    return load_sample_module()
