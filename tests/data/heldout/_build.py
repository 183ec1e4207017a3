"""Rewrite the held-out corpus: `python tests/data/heldout/_build.py`."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _build_common  # noqa: E402
import _build_en  # noqa: E402,F401
import _build_gov  # noqa: E402,F401
import _build_lists  # noqa: E402,F401
import _build_news  # noqa: E402,F401

if __name__ == "__main__":
    _build_common.write_all()
