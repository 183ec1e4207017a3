"""Date text → aware datetime, for feeds and government pages.

Owns: reading every date shape seen on sources (RFC 822 with odd zones, ISO 8601,
``2021-3-6``, ``2021/03/16 09:00:00``, ``2021.03.16``, ``2020年01月27日 10:30``,
``[2021-03-16 09:00]``, epoch seconds/ms, a label in front such as ``发布时间：``),
giving zone-less values the source's zone, and refusing implausible values.
Does not own: which zone a source uses (config) or the clock — pure; pass ``now``.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone, tzinfo

from dateutil import parser as _du

MIN_YEAR = 1990
#: a date further ahead of `now` than this is a typo or a wrong zone, not news
FUTURE_SLACK = timedelta(days=2)
#: dateutil is only tried on short texts; long ones are page text, not a date
_FALLBACK_MAX_CHARS = 64

_UTC = timezone.utc

# Named zones a feed may write. "CST" is China Standard Time on the sources this
# tool is for (RSSHub #673); it is US Central only when the configured zone is
# not UTC+8 — see _named_zone.
_NAMED = {
    "UT": 0, "UTC": 0, "GMT": 0, "Z": 0, "WET": 0,
    "EST": -5, "EDT": -4, "CDT": -5, "MST": -7, "MDT": -6, "PST": -8, "PDT": -7,
    "AKST": -9, "AKDT": -8, "HST": -10,
    "BST": 1, "CET": 1, "CEST": 2, "MET": 1, "MEST": 2, "EET": 2, "EEST": 3, "MSK": 3,
    "IST": 5.5, "ICT": 7, "WIB": 7, "BJT": 8, "HKT": 8, "SGT": 8, "AWST": 8, "PHT": 8,
    "JST": 9, "KST": 9, "AEST": 10, "AEDT": 11, "NZST": 12, "NZDT": 13,
}

_ZONE = (
    r"(?P<zone>Z|[+-]\d{2}:?\d{2}|[+-]\d{4}"
    r"|(?:GMT|UTC|UT)\s*[+-]\s*\d{1,2}(?::?\d{2})?"
    r"|[A-Za-z]{1,5}(?![A-Za-z]))"
)
_TIME = (
    r"(?P<h>\d{1,2})\s*[:：时]\s*(?P<mi>\d{1,2})\s*分?"
    r"(?:\s*[:：]\s*(?P<s>\d{1,2})(?:[.,]\d+)?\s*秒?)?"
)

_CJK_RE = re.compile(
    r"(?P<y>\d{4})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日"
    rf"(?:\s*(?:{_TIME}))?"
)
# Years first: 2021-03-16, 2021/3/6, 2021.03.16, ISO 8601 with T and zone.
_YMD_RE = re.compile(
    r"(?<!\d)(?P<y>(?:19|20)\d{2})(?P<sep>[-/.])(?P<m>\d{1,2})(?P=sep)(?P<d>\d{1,2})(?!\d)"
    rf"(?:(?:T|\s+|\s*[Tt]\s*)(?:{_TIME})(?:\s*{_ZONE})?)?"
)
_MONTHS = {m: i for i, m in enumerate(
    "jan feb mar apr may jun jul aug sep oct nov dec".split(), start=1)}
_RFC822_RE = re.compile(
    r"^\s*(?:[A-Za-z]{2,9}\.?,?\s*)?(?P<d>\d{1,2})[\s-]+(?P<mon>[A-Za-z]{3,9})\.?[\s-]+(?P<y>\d{2,4})"
    rf"(?:\s+{_TIME})?(?:\s*{_ZONE})?\s*$"
)
_EPOCH_RE = re.compile(r"^\s*(\d{9,10}|\d{12,13})(?:\.\d+)?\s*$")
_OFFSET_RE = re.compile(r"^(?:GMT|UTC|UT)?\s*([+-])\s*(\d{1,2})(?::?(\d{2}))?$")


def parse_date(
    text: str | None, tz: tzinfo, now: datetime | None = None
) -> tuple[datetime | None, bool]:
    """Read one date from `text`.

    Args:
        text: the date text, possibly with a label in front (the first date found wins).
        tz: zone for values written without one; date-only values are midnight in it.
        now: when known, values more than two days after it are refused.

    Returns:
        (aware datetime, date_only), or (None, False) when no plausible date is found.
    """
    if not text or not isinstance(text, str):
        return None, False
    text = text.strip()
    if not text:
        return None, False
    m = _EPOCH_RE.match(text)
    if m:
        n = int(m.group(1))
        value = n / 1000 if len(m.group(1)) > 10 else n
        try:
            return _checked(datetime.fromtimestamp(value, _UTC), False, now)
        except (OverflowError, OSError, ValueError):
            return None, False
    m = _RFC822_RE.match(text)
    if m:
        return _checked(*_from_rfc822(m, tz), now)
    found = find_date(text, tz, now)
    if found[0] is not None or _CJK_RE.search(text) or _YMD_RE.search(text):
        return found
    return _fallback(text, tz, now)


def find_date(
    text: str | None, tz: tzinfo, now: datetime | None = None
) -> tuple[datetime | None, bool]:
    """The first year-first date (Chinese or numeric) anywhere in `text`.

    Meant for page text (scrape): unlike `parse_date` it never guesses with
    dateutil, so stray numbers in prose are not read as dates.
    """
    if not text:
        return None, False
    best: re.Match[str] | None = None
    for regex in (_CJK_RE, _YMD_RE):
        m = regex.search(text)
        if m and (best is None or m.start() < best.start()):
            best = m
    if best is None:
        return None, False
    return _checked(*_from_match(best, tz), now)


def _from_match(m: re.Match[str], tz: tzinfo) -> tuple[datetime | None, bool]:
    g = m.groupdict()
    zone = g.get("zone")
    return _build(int(g["y"]), int(g["m"]), int(g["d"]), g.get("h"), g.get("mi"), g.get("s"), zone, tz)


def _from_rfc822(m: re.Match[str], tz: tzinfo) -> tuple[datetime | None, bool]:
    month = _MONTHS.get(m.group("mon")[:3].lower())
    if month is None:
        return None, False
    year = int(m.group("y"))
    if year < 100:  # RFC 822 two-digit years (RFC 2822 §4.3)
        year += 2000 if year < 50 else 1900
    return _build(year, month, int(m.group("d")), m.group("h"), m.group("mi"), m.group("s"),
                  m.group("zone"), tz)


def _build(
    y: int, mo: int, d: int, h: str | None, mi: str | None, s: str | None, zone: str | None, tz: tzinfo
) -> tuple[datetime | None, bool]:
    try:
        if h is None:
            return datetime(y, mo, d, tzinfo=tz), True
        hour, minute, sec = int(h), int(mi or 0), int(s or 0)
        extra = timedelta(0)
        if hour == 24 and minute == 0 and sec == 0:  # ISO 8601 end-of-day
            hour, extra = 0, timedelta(days=1)
        naive = datetime(y, mo, d, hour, minute, min(sec, 59))
    except ValueError:
        return None, False
    zinfo = _zone(zone, tz, naive.date())
    return naive.replace(tzinfo=zinfo) + extra, False


def _zone(zone: str | None, tz: tzinfo, day: date) -> tzinfo:
    if not zone:
        return tz
    z = zone.strip().upper()
    m = _OFFSET_RE.match(z)
    if m:
        hours, minutes = int(m.group(2)), int(m.group(3) or 0)
        if hours > 14 or minutes > 59:
            return tz
        sign = -1 if m.group(1) == "-" else 1
        return timezone(sign * timedelta(hours=hours, minutes=minutes))
    return _named_zone(z, tz, day)


def _named_zone(z: str, tz: tzinfo, day: date) -> tzinfo:
    if z == "CST":
        # the zone's standard (winter) offset says which CST the source means
        standard = tz.utcoffset(datetime(day.year, 1, 15))
        return timezone(timedelta(hours=-6)) if standard == timedelta(hours=-6) else timezone(timedelta(hours=8))
    hours = _NAMED.get(z)
    if hours is None:
        return tz  # an unknown word: read as local time rather than lose the date
    return _UTC if hours == 0 else timezone(timedelta(hours=hours))


def _fallback(text: str, tz: tzinfo, now: datetime | None) -> tuple[datetime | None, bool]:
    if len(text) > _FALLBACK_MAX_CHARS:
        return None, False
    # A far-past default makes a value without a year implausible instead of
    # silently taking this year from the clock.
    default = datetime(1900, 1, 1)
    try:
        dt = _du.parse(text, default=default, tzinfos=lambda name, off: _tzinfo_for(name, off, tz))
    except (ValueError, OverflowError, TypeError, _du.ParserError):
        return None, False
    date_only = not re.search(r"\d\s*[:：]\s*\d", text)
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=tz)
    return _checked(dt, date_only, now)


def _tzinfo_for(name: str | None, offset: int | None, tz: tzinfo) -> tzinfo | None:
    if offset is not None:
        return timezone(timedelta(seconds=offset))
    if name:
        return _named_zone(name.upper(), tz, date(2000, 1, 1))
    return None


def _checked(dt: datetime | None, date_only: bool, now: datetime | None) -> tuple[datetime | None, bool]:
    if dt is None or dt.year < MIN_YEAR:
        return None, False
    if now is not None and dt > now + FUTURE_SLACK:
        return None, False
    return dt, date_only
