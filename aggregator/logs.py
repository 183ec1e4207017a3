"""Logging setup: stderr, key=value lines, -v/-q levels.

Owns the root handler and the level policy for noisy libraries; modules log
through ``logging.getLogger(__name__)`` and never configure logging themselves.
"""

from __future__ import annotations

import logging
import sys
import time


class _Formatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        ts = time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(record.created))
        line = f"{ts}Z {record.levelname.lower():<7} {record.name.removeprefix('aggregator.')}: {record.getMessage()}"
        if record.exc_info:
            line += "\n" + self.formatException(record.exc_info)
        return line


def setup(verbosity: int = 0) -> None:
    """Configure stderr logging. verbosity: -1 quiet, 0 info, 1 debug (ours), 2 debug (all)."""
    level = logging.WARNING if verbosity < 0 else logging.INFO if verbosity == 0 else logging.DEBUG
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(_Formatter())
    root = logging.getLogger()
    for h in list(root.handlers):
        root.removeHandler(h)
    root.addHandler(handler)
    root.setLevel(level)
    # httpx logs every request at INFO; apscheduler's missed-run warnings must stay visible.
    logging.getLogger("httpx").setLevel(logging.DEBUG if verbosity >= 2 else logging.WARNING)
    logging.getLogger("httpcore").setLevel(logging.DEBUG if verbosity >= 2 else logging.WARNING)
    logging.getLogger("apscheduler").setLevel(logging.INFO if verbosity >= 1 else logging.WARNING)
    logging.getLogger("aiohttp.access").setLevel(logging.INFO if verbosity >= 1 else logging.WARNING)
