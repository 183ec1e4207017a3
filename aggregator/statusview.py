"""The `status` view: source states as an aligned table for people, or as JSON-ready dicts.

Owns: ordering (errors first, then never polled, then ok, then disabled), relative times
("3 min ago", "in 5 min", "due"), display-width-aware alignment (CJK counts two columns) and
optional ANSI colour. Pure: `now` is passed in; no clock, no disk, no terminal queries.

Does not own: loading states (store) or deciding whether stdout is a TTY (cli).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from .config import Config, SourceConfig
from .model import SourceState

ERROR_WIDTH = 60
_ORDER = {"error": 0, "never": 1, "ok": 2, "disabled": 3}
_COLOURS = {"error": "31", "never": "33", "ok": "32", "disabled": "2"}
_HEADERS = ("ID", "NAME", "STATE", "LAST SUCCESS", "NEXT POLL", "ITEMS", "LAST ERROR")
NAME_WIDTH = 24
_STATE_COL = 2
_ITEMS_COL = 5


def width(text: str) -> int:
    """Columns `text` takes in a terminal: wide/fullwidth characters two, combining ones none."""
    w = 0
    for ch in text:
        if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Cf"):
            continue
        w += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return w


def truncate(text: str, limit: int) -> str:
    """`text` on one line, cut to at most `limit` columns with an ellipsis."""
    text = " ".join(text.split())
    if width(text) <= limit:
        return text
    out, w = [], 0
    for ch in text:
        cw = width(ch)
        if w + cw > limit - 1:
            break
        out.append(ch)
        w += cw
    return "".join(out) + "…"


def _pad(text: str, cols: int, right: bool = False) -> str:
    fill = " " * max(0, cols - width(text))
    return fill + text if right else text + fill


def _amount(seconds: float) -> str:
    s = int(abs(seconds))
    if s < 60:
        return f"{s} s"
    if s < 3600:
        return f"{s // 60} min"
    if s < 48 * 3600:
        return f"{s // 3600} h"
    return f"{s // 86400} d"


def ago(when: datetime | None, now: datetime) -> str:
    """"3 min ago", "2 h ago", "just now", or "never"."""
    if when is None:
        return "never"
    delta = (now - when).total_seconds()
    if delta < 0:
        return "in " + _amount(delta)
    if delta < 5:
        return "just now"
    return _amount(delta) + " ago"


def until(when: datetime | None, now: datetime) -> str:
    """"in 5 min", or "due" when the time has come (or no poll is scheduled yet)."""
    if when is None:
        return "due"
    delta = (when - now).total_seconds()
    return "due" if delta <= 0 else "in " + _amount(delta)


def state_of(source: SourceConfig, state: SourceState | None) -> str:
    if not source.enabled:
        return "disabled"
    return state.state if state is not None else "never"


def _rows(states: Mapping[str, SourceState], config: Config) -> list[tuple[SourceConfig, SourceState | None, str]]:
    rows = [(s, states.get(s.id), state_of(s, states.get(s.id))) for s in config.sources]
    return sorted(rows, key=lambda r: _ORDER[r[2]])  # stable: config order within a group


def render(states: Mapping[str, SourceState], config: Config, now: datetime, *, color: bool) -> str:
    """One aligned row per configured source (disabled ones too), with a header line."""
    table: list[tuple[tuple[str, ...], str]] = []
    for source, st, label in _rows(states, config):
        last_error = truncate(st.last_error, ERROR_WIDTH) if st and st.last_error and label == "error" else ""
        if st is not None and st.error_count > 1 and last_error:
            last_error = truncate(f"({st.error_count}×) {last_error}", ERROR_WIDTH)
        table.append(((
            source.id,
            truncate(source.name if source.name != source.id else "", NAME_WIDTH),
            label,
            ago(st.last_success if st else None, now),
            "-" if label == "disabled" else until(st.next_poll if st else None, now),
            str(st.items if st else 0),
            last_error,
        ), label))
    cols = [max([width(h)] + [width(r[i]) for r, _ in table]) for i, h in enumerate(_HEADERS)]

    def line(cells: tuple[str, ...], label: str | None) -> str:
        parts = []
        for i, cell in enumerate(cells):
            last = i == len(cells) - 1
            text = cell if last else _pad(cell, cols[i], right=(i == _ITEMS_COL))
            if color and label and i == _STATE_COL:
                text = f"\x1b[{_COLOURS[label]}m{text}\x1b[0m"
            parts.append(text)
        return "  ".join(parts).rstrip()

    header = line(_HEADERS, None)
    if color:
        header = f"\x1b[1m{header}\x1b[0m"
    lines = [header] + [line(cells, label) for cells, label in table]
    if not table:
        lines.append("(no sources configured)")
    return "\n".join(lines) + "\n"


def _iso(when: datetime | None) -> str | None:
    return when.isoformat() if when is not None else None


def as_json(states: Mapping[str, SourceState], config: Config) -> list[dict[str, Any]]:
    """One object per configured source, in config order, for `status --json`."""
    out: list[dict[str, Any]] = []
    for source in config.sources:
        st = states.get(source.id)
        out.append({
            "id": source.id,
            "name": source.name or source.id,
            "url": source.url,
            "kind": source.kind,
            "enabled": source.enabled,
            # SPEC's three states; `enabled` says separately whether it is polled at all
            "state": st.state if st is not None else "never",
            "last_attempt": _iso(st.last_attempt if st else None),
            "last_success": _iso(st.last_success if st else None),
            "last_error": st.last_error if st else None,
            "error_count": st.error_count if st else 0,
            "next_poll": _iso(st.next_poll if st else None),
            "items": st.items if st else 0,
        })
    return out
