"""dates.parse_date / find_date over the shapes sources write."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from aggregator.dates import find_date, parse_date

SH = ZoneInfo("Asia/Shanghai")
UTC = timezone.utc
P8 = timezone(timedelta(hours=8))


def at(*args: int, tz=SH) -> datetime:  # type: ignore[no-untyped-def]
    return datetime(*args, tzinfo=tz)


@pytest.mark.parametrize(
    ("text", "expected", "date_only"),
    [
        ("Tue, 16 Mar 2021 09:00:00 +0800", at(2021, 3, 16, 1, tz=UTC), False),
        ("Tue, 16 Mar 2021 09:00:00 GMT", at(2021, 3, 16, 9, tz=UTC), False),
        ("Tue, 16 Mar 2021 09:00:00 GMT+8", at(2021, 3, 16, 1, tz=UTC), False),
        ("Tue, 16 Mar 2021 09:00:00 GMT+08:00", at(2021, 3, 16, 1, tz=UTC), False),
        ("Tue, 16 Mar 2021 09:00:00 CST", at(2021, 3, 16, 1, tz=UTC), False),
        ("16 Mar 2021 09:00 EST", at(2021, 3, 16, 14, tz=UTC), False),
        ("Tue, 16 Mar 21 09:00:00 +0000", at(2021, 3, 16, 9, tz=UTC), False),
        ("Tue, 16 Mar 2021 09:00:00", at(2021, 3, 16, 9), False),
        ("2021-03-16T09:00:00+08:00", at(2021, 3, 16, 1, tz=UTC), False),
        ("2021-03-16T01:00:00Z", at(2021, 3, 16, 1, tz=UTC), False),
        ("2021-03-16T01:00:00.123456Z", at(2021, 3, 16, 1, tz=UTC), False),
        ("2021-03-16T09:00:00", at(2021, 3, 16, 9), False),
        ("2021-03-16", at(2021, 3, 16), True),
        ("2021-3-6", at(2021, 3, 6), True),
        ("2021/03/16 09:00:00", at(2021, 3, 16, 9), False),
        ("2021.03.16", at(2021, 3, 16), True),
        ("2020年01月27日 10:30", at(2020, 1, 27, 10, 30), False),
        ("2020年1月27日", at(2020, 1, 27), True),
        ("2020年1月27日10时30分", at(2020, 1, 27, 10, 30), False),
        ("[2021-03-16 09:00]", at(2021, 3, 16, 9), False),
        ("发布时间：2021-03-16 来源: 国务院办公厅", at(2021, 3, 16), True),
        ("来源：新华社 发布时间：2021年03月16日 09:05 2020-01-01", at(2021, 3, 16, 9, 5), False),
        ("1615856400", at(2021, 3, 16, 1, tz=UTC), False),
        ("1615856400000", at(2021, 3, 16, 1, tz=UTC), False),
        ("March 16, 2021", at(2021, 3, 16), True),
        ("  2021-03-16 09:00:00 GMT+0800 (China Standard Time) ", at(2021, 3, 16, 1, tz=UTC), False),
    ],
)
def test_shapes(text: str, expected: datetime, date_only: bool) -> None:
    got, only = parse_date(text, SH)
    assert got == expected and only is date_only
    assert got is not None and got.tzinfo is not None


@pytest.mark.parametrize("text", [None, "", "   ", "garbage", "1985-01-01", "Mar 16", "2021-13-45",
                                  "Tue, 31 Feb 2021 09:00:00 GMT", "99999999999999999999", "x" * 10_000])
def test_rejects(text: str | None) -> None:
    assert parse_date(text, SH) == (None, False)


def test_future_refused_only_with_now() -> None:
    now = at(2021, 3, 16, 12)
    assert parse_date("2021-03-18 11:00", SH, now)[0] is not None
    assert parse_date("2021-03-19 13:00", SH, now) == (None, False)
    assert parse_date("2031-01-01", SH)[0] is not None


def test_zone_less_follows_tz() -> None:
    ny = ZoneInfo("America/New_York")
    assert parse_date("2021-07-01 09:00", ny)[0] == datetime(2021, 7, 1, 13, tzinfo=UTC)
    assert parse_date("2021-03-16", UTC)[0] == datetime(2021, 3, 16, tzinfo=UTC)
    # CST is US Central only for a source configured in that zone
    assert parse_date("Tue, 16 Mar 2021 09:00:00 CST", ZoneInfo("America/Chicago"))[0] == datetime(
        2021, 3, 16, 15, tzinfo=UTC)


def test_find_date_ignores_prose() -> None:
    assert find_date("共有 3 条 评论", SH) == (None, False)
    assert find_date("时间：2021-03-16 09:00 浏览次数：20", SH) == (at(2021, 3, 16, 9), False)
