"""statusview: order, relative times, CJK-aware alignment, colour only when asked, JSON shape."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone

from aggregator import config, statusview
from aggregator.model import SourceState
from aggregator.statusview import ago, as_json, render, truncate, until, width

NOW = datetime(2024, 5, 18, 12, 0, tzinfo=timezone.utc)
CFG = config.parse("""
[[sources]]
id = "ok-one"
name = "中国政府网 · 最新政策"
url = "https://www.gov.cn/zhengce/"

[[sources]]
id = "never-polled"
url = "http://never.example/"

[[sources]]
id = "broken"
name = "生态环境部"
url = "http://www.mee.gov.cn/"
kind = "html"

[[sources]]
id = "off"
name = "Disabled feed"
url = "http://off.example/"
enabled = false

[[sources]]
id = "hn"
name = "Hacker News"
url = "https://news.ycombinator.com/rss"
""")
STATES = {
    "ok-one": SourceState("ok-one", last_attempt=NOW - timedelta(minutes=3), last_success=NOW - timedelta(minutes=3),
                          next_poll=NOW + timedelta(minutes=5), items=1234),
    "broken": SourceState("broken", last_attempt=NOW - timedelta(minutes=1), last_success=NOW - timedelta(hours=2),
                          last_error="FetchError: 连接超时 connection timed out after 20 s " + "x" * 100,
                          error_count=3, next_poll=NOW - timedelta(seconds=1), items=7),
    "hn": SourceState("hn", last_attempt=NOW - timedelta(days=3), last_success=NOW - timedelta(days=3), items=30,
                      next_poll=NOW + timedelta(hours=3)),
    "gone": SourceState("gone", last_attempt=NOW),
}


def _cells(line: str, starts: list[int]) -> list[str]:
    """Split a rendered line at display-column offsets."""
    out, col, cur, k = [], 0, [], 1
    for ch in line:
        if k < len(starts) and col >= starts[k]:
            out.append("".join(cur).strip())
            cur, k = [], k + 1
        cur.append(ch)
        col += width(ch)
    out.append("".join(cur).strip())
    return out + [""] * (len(starts) - len(out))


def test_rows_ordered_errors_never_ok_disabled() -> None:
    text = render(STATES, CFG, NOW, color=False)
    lines = text.splitlines()
    assert lines[0].split()[:2] == ["ID", "NAME"]
    assert [ln.split()[0] for ln in lines[1:]] == ["broken", "never-polled", "ok-one", "hn", "off"]
    assert "gone" not in text  # not configured: no row


def test_columns_align_in_display_width_with_cjk() -> None:
    lines = render(STATES, CFG, NOW, color=False).splitlines()
    header = lines[0]
    starts = [header.index(h) for h in statusview._HEADERS]
    for ln in lines[1:]:
        # the column just before each header's start is blank in every row: nothing spilled over
        cols, col = {}, 0
        for ch in ln:
            cols[col] = ch
            col += width(ch)
        for start in starts[1:]:
            assert cols.get(start - 1, " ") == " ", (ln, start)
            assert start in cols or start >= col, f"a wide character straddles column {start}: {ln!r}"
    rows = {ln.split()[0]: _cells(ln, starts) for ln in lines[1:]}
    assert rows["ok-one"] == ["ok-one", "中国政府网 · 最新政策", "ok", "3 min ago", "in 5 min", "1234", ""]
    assert rows["broken"][1:6] == ["生态环境部", "error", "2 h ago", "due", "7"]
    assert rows["never-polled"][2:6] == ["never", "never", "due", "0"]
    assert rows["off"][2:5] == ["disabled", "never", "-"]
    assert rows["hn"][3:5] == ["3 d ago", "in 3 h"]


def test_error_is_one_line_and_at_most_60_columns() -> None:
    line = next(ln for ln in render(STATES, CFG, NOW, color=False).splitlines() if ln.startswith("broken"))
    err = line[line.index("(3×)"):]
    assert width(err) <= 60 and err.endswith("…") and "连接超时" in err


def test_no_colour_unless_asked() -> None:
    plain = render(STATES, CFG, NOW, color=False)
    assert "\x1b" not in plain
    coloured = render(STATES, CFG, NOW, color=True)
    assert "\x1b[31merror" in coloured and "\x1b[32mok" in coloured
    import re

    assert re.sub(r"\x1b\[[0-9;]*m", "", coloured) == plain


def test_no_sources() -> None:
    assert "no sources" in render({}, config.parse(""), NOW, color=False)


def test_relative_times() -> None:
    assert ago(None, NOW) == "never"
    assert ago(NOW - timedelta(seconds=2), NOW) == "just now"
    assert ago(NOW - timedelta(seconds=42), NOW) == "42 s ago"
    assert ago(NOW - timedelta(minutes=59, seconds=59), NOW) == "59 min ago"
    assert ago(NOW - timedelta(hours=47), NOW) == "47 h ago"
    assert ago(NOW - timedelta(days=9), NOW) == "9 d ago"
    assert until(None, NOW) == "due" and until(NOW, NOW) == "due"
    assert until(NOW + timedelta(seconds=300), NOW) == "in 5 min"


def test_width_and_truncate() -> None:
    assert width("abc") == 3 and width("中文") == 4 and width("ｅ") == 2 and width("e\u0301") == 1
    t = truncate("中文" * 40, 11)
    assert width(t) <= 11 and t.endswith("…")
    assert truncate("a\nb\tc", 10) == "a b c"


def test_as_json() -> None:
    rows = as_json(STATES, CFG)
    assert [r["id"] for r in rows] == ["ok-one", "never-polled", "broken", "off", "hn"]
    by = {r["id"]: r for r in rows}
    assert by["broken"]["state"] == "error" and by["broken"]["error_count"] == 3
    assert by["broken"]["last_success"] == "2024-05-18T10:00:00+00:00"
    assert by["never-polled"] == {
        "id": "never-polled", "name": "never-polled", "url": "http://never.example/", "kind": "feed",
        "enabled": True, "state": "never", "last_attempt": None, "last_success": None, "last_error": None,
        "error_count": 0, "next_poll": None, "items": 0}
    assert by["off"]["enabled"] is False and by["off"]["state"] in ("ok", "error", "never")
    json.dumps(rows)  # serializable as is
