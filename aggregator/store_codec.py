"""Dataclass ↔ JSON-document conversion and item merging for the store. Pure: no I/O, no clock.

Owns how `Item`, `Sighting`, `Enclosure` and `SourceState` look on disk, the merge rule for an
item seen again (`merge`) and the file-name form of ids (`slug`). Datetimes are ISO 8601
strings with their UTC offset, so a round trip gives equal, equally-offset datetimes. Unknown
document fields are ignored (forward compatibility); missing optional ones take their defaults.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import replace
from datetime import datetime, timezone
from typing import Any

from .model import Enclosure, Item, Sighting, SourceState


def dt_out(d: datetime | None) -> str | None:
    return None if d is None else d.isoformat()


def dt_in(s: str | None) -> datetime | None:
    if s is None:
        return None
    d = datetime.fromisoformat(s)
    # Documents are only written with offsets; a hand-edited naive one is read as UTC.
    return d if d.tzinfo is not None else d.replace(tzinfo=timezone.utc)


def sort_key(d: datetime) -> str:
    """A string that sorts like the instant it names (UTC, fixed width)."""
    return d.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%f")


def enclosure_out(e: Enclosure) -> dict[str, Any]:
    return {"url": e.url, "type": e.type, "length": e.length, "title": e.title}


def enclosure_in(d: dict[str, Any]) -> Enclosure:
    return Enclosure(url=d["url"], type=d.get("type"), length=d.get("length"), title=d.get("title"))


def sighting_out(s: Sighting) -> dict[str, Any]:
    return {
        "source_id": s.source_id,
        "source_name": s.source_name,
        "url": s.url,
        "found_on": s.found_on,
        "feed_title": s.feed_title,
        "feed_link": s.feed_link,
        "feed_id": s.feed_id,
        "extractor": s.extractor,
        "fetched_at": dt_out(s.fetched_at),
        "publisher": s.publisher,
    }


def sighting_in(d: dict[str, Any]) -> Sighting:
    fetched = dt_in(d["fetched_at"])
    assert fetched is not None
    return Sighting(
        source_id=d["source_id"],
        source_name=d["source_name"],
        url=d["url"],
        found_on=d.get("found_on"),
        feed_title=d.get("feed_title"),
        feed_link=d.get("feed_link"),
        feed_id=d.get("feed_id"),
        extractor=d.get("extractor", "feed"),
        fetched_at=fetched,
        publisher=d.get("publisher"),
    )


def item_out(it: Item) -> dict[str, Any]:
    return {
        "id": it.id,
        "keys": list(it.keys),
        "url": it.url,
        "title": it.title,
        "published": dt_out(it.published),
        "updated": dt_out(it.updated),
        "author": it.author,
        "publisher": it.publisher,
        "origin_url": it.origin_url,
        "origin_published": dt_out(it.origin_published),
        "content": it.content,
        "text": it.text,
        "content_hash": it.content_hash,
        "sightings": [sighting_out(s) for s in it.sightings],
        "summary": it.summary,
        "categories": list(it.categories),
        "enclosures": [enclosure_out(e) for e in it.enclosures],
        "date_only": it.date_only,
        "first_seen": dt_out(it.first_seen),
        "content_from": it.content_from,
    }


def item_in(d: dict[str, Any]) -> Item:
    updated = dt_in(d["updated"])
    assert updated is not None
    return Item(
        id=d["id"],
        keys=tuple(d["keys"]),
        url=d["url"],
        title=d["title"],
        published=dt_in(d.get("published")),
        updated=updated,
        author=d.get("author"),
        publisher=d.get("publisher"),
        origin_url=d.get("origin_url"),
        origin_published=dt_in(d.get("origin_published")),
        content=d.get("content", ""),
        text=d.get("text", ""),
        content_hash=d["content_hash"],
        sightings=tuple(sighting_in(s) for s in d.get("sightings", ())),
        summary=d.get("summary"),
        categories=tuple(d.get("categories", ())),
        enclosures=tuple(enclosure_in(e) for e in d.get("enclosures", ())),
        date_only=bool(d.get("date_only", False)),
        first_seen=dt_in(d.get("first_seen")),
        content_from=d.get("content_from"),
    )


def state_out(s: SourceState) -> dict[str, Any]:
    return {
        "source_id": s.source_id,
        "last_attempt": dt_out(s.last_attempt),
        "last_success": dt_out(s.last_success),
        "last_error": s.last_error,
        "error_count": s.error_count,
        "etag": s.etag,
        "last_modified": s.last_modified,
        "next_poll": dt_out(s.next_poll),
        "items": s.items,
        "feed_url": s.feed_url,
        "body_hash": s.body_hash,
        "not_before": dt_out(s.not_before),
        "extra": dict(s.extra),
    }


def state_in(d: dict[str, Any]) -> SourceState:
    return SourceState(
        source_id=d["source_id"],
        last_attempt=dt_in(d.get("last_attempt")),
        last_success=dt_in(d.get("last_success")),
        last_error=d.get("last_error"),
        error_count=int(d.get("error_count", 0)),
        etag=d.get("etag"),
        last_modified=d.get("last_modified"),
        next_poll=dt_in(d.get("next_poll")),
        items=int(d.get("items", 0)),
        feed_url=d.get("feed_url"),
        body_hash=d.get("body_hash"),
        not_before=dt_in(d.get("not_before")),
        extra=dict(d.get("extra") or {}),
    )


def merge(stored: Item, incoming: Item, now: datetime) -> tuple[Item, bool]:
    """Fold ``incoming`` into ``stored``; returns (merged, content changed). Pure."""
    keys = stored.keys + tuple(k for k in dict.fromkeys(incoming.keys) if k not in stored.keys)
    have = {(s.source_id, s.url) for s in stored.sightings}
    sightings = stored.sightings + tuple(
        s for s in incoming.sightings if (s.source_id, s.url) not in have
    )
    dates = [d for d in (stored.published, incoming.published) if d is not None]
    published = min(dates) if dates else None
    merged = replace(stored, keys=keys, sightings=sightings, published=published)
    # the original itself, seen after a repost of it: its copy and its own date win
    is_original = (
        stored.origin_url is not None and incoming.origin_url is None and f"url:{incoming.url}" in stored.keys
    )
    if is_original and incoming.published is not None:
        merged = replace(merged, origin_published=incoming.published)
    if incoming.content_hash == stored.content_hash:
        return merged, False
    owner = stored.content_from
    if not (is_original or owner is None or incoming.content_from == owner):
        # another source's copy (a repost differing in whitespace or boilerplate): keep ours,
        # or every poll of either source would flip the content and bump `updated`
        return merged, False
    return (
        replace(
            merged,
            title=incoming.title,
            content=incoming.content,
            text=incoming.text,
            summary=incoming.summary,
            content_hash=incoming.content_hash,
            content_from=incoming.content_from,
            updated=now,
        ),
        True,
    )


SAFE_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,63}")


def slug(name: str) -> str:
    if SAFE_NAME.fullmatch(name) and not name.endswith((".tmp", ".json")):
        return name
    return "~" + hashlib.sha1(name.encode("utf-8")).hexdigest()[:24]
