"""Shared fixtures. Bugs in the pipeline are re-raised under tests instead of being recorded."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("AGGREGATOR_RAISE_BUGS", "1")

DATA = Path(__file__).parent / "data"


@pytest.fixture
def data_dir() -> Path:
    return DATA
