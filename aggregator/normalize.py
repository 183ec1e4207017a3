"""RawItem → Item: canonical links, dedup keys and id, cleaned fields, provenance; pure.

Owns: URL canonicalization (tracking parameters, default ports, fragments),
the dedup keys and the stable item id, title/author/publisher cleanup, date
sanity (clamping future dates), `content_hash`, and the one `Sighting` of the
item. Sanitizing is the last content step (design.md "sanitize last").
Does not own: parsing feeds or pages, merging with stored items (store), or
reading the clock — `now` is passed in.
"""

from __future__ import annotations

import hashlib
import re
from datetime import datetime, timedelta, tzinfo
from html import unescape
from urllib.parse import urlsplit

from . import sanitize
from .config import SourceConfig
from .errors import ExtractError
from .model import Enclosure, Item, RawItem, Sighting
from .urls import TRACKING_PARAMS, canonical_url  # noqa: F401 (part of this module's API)

#: query parameters that only track the click; compared lower-cased
#: author values that name nobody; compared case-folded
AUTHOR_PLACEHOLDERS = frozenset({
    "佚名", "未知", "不详", "本网", "本站", "本报", "admin", "administrator", "editor", "管理员",
    "小编", "网站管理员", "anonymous", "unknown", "none", "null", "-", "--", "/",
})
#: a future date beyond this is a site's clock or typo; it is clamped to `now`
FUTURE_SLACK = timedelta(days=1)
_TAG = re.compile(r"<[^>]*>")
_WS = re.compile(r"[\s\u00a0\u3000\u200b\ufeff]+")
_AUTHOR_LABEL = re.compile(
    r"^(?:(?:作\s*者|撰\s*稿|撰\s*文)\s*[:：/／]?|文\s*[:：/／]|(?:author|by)(?:\s*[:：]|\s+))\s*", re.I)
_EDITOR_LABEL = re.compile(r"^(?:责任编辑|编辑|责编|审核|校对|审校)\s*[:：]?")
# cut a label line that runs on into the next label ("作者：张三 来源：新华社 编辑：李四")
_NEXT_LABEL = re.compile(r"\s*(?:来源|来\s*源|出处|编辑|责任编辑|责编|发布时间|时间|日期|浏览|点击)\s*[:：].*$")
_PUBLISHER_LABEL = re.compile(r"^(?:来\s*源|出\s*处|信息来源|文章来源|稿件来源|source)\s*[:：]\s*", re.I)
_SELF_NAMES = frozenset({"本网", "本站", "本报", "本网站"})
_GUID_GLOBAL = re.compile(r"^(?:https?://|urn:|tag:)", re.I)


def _key_hash(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]


def _clean_line(value: str | None) -> str:
    """Tags and entities out, whitespace collapsed, XML-illegal characters dropped."""
    if not value:
        return ""
    value = unescape(_TAG.sub(" ", value))
    return _WS.sub(" ", sanitize.strip_xml_illegal(value)).strip()


def clean_author(value: str | None) -> str | None:
    """A real author name from an author field, or None for placeholders and editors."""
    name = _clean_line(value)
    if not name or _EDITOR_LABEL.match(name):
        return None
    name = _AUTHOR_LABEL.sub("", name, count=1)
    name = _NEXT_LABEL.sub("", name).strip(" ,，;；|")
    if not name or name.casefold() in AUTHOR_PLACEHOLDERS or _EDITOR_LABEL.match(name):
        return None
    return name


def clean_publisher(value: str | None, site_name: str | None) -> str | None:
    """The agency named as 来源; "本网"/"本站" become the site's own name."""
    name = _clean_line(value)
    name = _PUBLISHER_LABEL.sub("", name, count=1)
    name = _NEXT_LABEL.sub("", name).strip(" ,，;；|")
    if name in _SELF_NAMES:
        return site_name or None
    if not name or name.casefold() in AUTHOR_PLACEHOLDERS:
        return None
    return name


def _http(url: str | None) -> str | None:
    if not url:
        return None
    url = url.strip()
    return url if urlsplit(url).scheme.lower() in ("http", "https") else None


def _not_future(value: datetime | None, now: datetime) -> datetime | None:
    if value is not None and value > now + FUTURE_SLACK:
        return now
    return value


def item(
    raw: RawItem,
    source: SourceConfig,
    *,
    now: datetime,
    tz: tzinfo,
    feed_title: str | None,
    feed_link: str | None,
    feed_id: str | None,
) -> Item:
    """Normalize one extracted item.

    Args:
        raw: what the feed parser or page extractor found (links absolute).
        source: the configured source it came from.
        now: the fetch time, aware; used for missing dates and as the clamp
            for future ones (a date more than FUTURE_SLACK ahead becomes `now`).
        tz: the source's zone, for naive datetimes (should not reach here).
        feed_title, feed_link, feed_id: the feed or site, for the Sighting.
    Returns:
        The Item, with one Sighting.
    Raises:
        ExtractError: the item has neither a link nor a GUID.
    """
    guid = (raw.guid or "").strip() or None
    link = _http(raw.link) or (_http(guid) if guid else None)
    if link is None and guid is None:
        raise ExtractError("item has neither a link nor a guid", source_id=source.id)
    page_url = canonical_url(link) if link else canonical_url(raw.found_on or source.url)
    via = _http(raw.via)
    origin_url = canonical_url(via) if via else None
    if origin_url == page_url:
        origin_url = None

    keys: list[str] = []
    if origin_url:
        keys.append(f"url:{origin_url}")
    if guid:
        keys.append(f"guid:{guid}" if _GUID_GLOBAL.match(guid) else f"guid:{source.id}:{guid}")
    if link:
        keys.append(f"url:{page_url}")
    keys = list(dict.fromkeys(keys))

    site_name = feed_title or source.name or source.id
    publisher = clean_publisher(raw.publisher, site_name)
    author = clean_author(raw.author)

    published = _aware(_not_future(raw.published, now), tz)
    updated = _aware(_not_future(raw.updated, now), tz) or published or now
    if published is not None and updated < published:
        updated = published
    updated = min(updated, now)

    # sanitize last: nothing after this point touches the HTML
    content = sanitize.html(raw.html or raw.summary or "", link or page_url)
    text = sanitize.text(content)
    title = _clean_line(raw.title) or _fallback_title(text, page_url)
    summary = None
    if raw.html and raw.summary:
        summary = sanitize.text(sanitize.html(raw.summary, link or page_url)) or None
    content_hash = hashlib.sha256(f"{title}\n{text}".encode()).hexdigest()

    sighting = Sighting(
        source_id=source.id,
        source_name=source.name or feed_title or source.id,
        url=page_url,
        found_on=raw.found_on,
        feed_title=_clean_line(feed_title) or None,
        feed_link=feed_link,
        feed_id=feed_id,
        extractor=raw.extractor,
        fetched_at=now,
        publisher=publisher,
    )
    return Item(
        id=_key_hash(keys[0]),
        keys=tuple(keys),
        url=page_url,
        title=title,
        published=published,
        updated=updated,
        author=author,
        publisher=publisher,
        origin_url=origin_url,
        origin_published=_aware(raw.origin_published, tz),
        content_from=source.id,
        content=content,
        text=text,
        content_hash=content_hash,
        sightings=(sighting,),
        summary=summary,
        categories=tuple(dict.fromkeys(c for c in (_clean_line(c) for c in raw.categories) if c)),
        enclosures=tuple(_enclosures(raw.enclosures)),
        date_only=raw.date_only,
        first_seen=now,
    )


def _aware(value: datetime | None, tz: tzinfo) -> datetime | None:
    if value is not None and value.tzinfo is None:
        return value.replace(tzinfo=tz)
    return value


def _fallback_title(text: str, url: str) -> str:
    first = text.split("\n", 1)[0] if text else ""
    return (first[:80] + "…") if len(first) > 80 else (first or url)


def _enclosures(found: tuple[Enclosure, ...]) -> list[Enclosure]:
    out: dict[str, Enclosure] = {}
    for enc in found:
        url = _http(enc.url)
        if url and url not in out:
            length = enc.length if enc.length is not None and enc.length >= 0 else None
            out[url] = Enclosure(url=url, type=enc.type, length=length, title=_clean_line(enc.title) or None)
    return list(out.values())
