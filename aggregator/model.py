"""Plain data passed between the stages of the flow.

Owns the frozen dataclasses only: no I/O, no parsing, no internal imports.
Every datetime here is timezone-aware (feedgen raises on naive ones, and a
zone-less government timestamp must have been given its zone before it lands
here). Sequences are tuples so the objects stay hashable and immutable.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime


@dataclass(frozen=True, slots=True)
class Fetched:
    """One HTTP response, as `fetch` hands it on."""

    #: the URL we asked for
    url: str
    #: the URL after redirects; relative links resolve against this
    final_url: str
    #: HTTP status (200, or 304 when `not_modified`)
    status: int
    #: response headers, lower-cased names
    headers: dict[str, str]
    #: the body, at most the configured cap; empty on 304
    body: bytes
    #: validators to send next time (RFC 9110 §8.8)
    etag: str | None
    last_modified: str | None
    fetched_at: datetime
    #: charset named by the Content-Type header, if any
    charset: str | None = None
    #: earliest time the server asked us to come back (Cache-Control max-age,
    #: capped); a lower bound on the next poll, never a schedule by itself
    not_before: datetime | None = None

    @property
    def not_modified(self) -> bool:
        return self.status == 304


@dataclass(frozen=True, slots=True)
class Enclosure:
    """An attachment (PDF, DOC, audio …) of an item."""

    url: str
    type: str | None = None
    length: int | None = None
    title: str | None = None


@dataclass(frozen=True, slots=True)
class Provenance:
    """Where one extracted field came from, for `check` (meta, label, selector, heuristic, feed)."""

    field: str
    how: str
    detail: str = ""


@dataclass(frozen=True, slots=True)
class RawItem:
    """What a feed parser or page extractor found, before normalizing.

    Links are already absolute. HTML is not yet sanitized.
    """

    #: the page where the item lives (feed entry link, or the article page URL)
    link: str | None
    title: str | None = None
    #: feed GUID / Atom id, when the source gives one
    guid: str | None = None
    #: the original's URL (原文链接, 转自 …) when the page names one
    via: str | None = None
    author: str | None = None
    #: the agency named as 来源 / ContentSource and the like
    publisher: str | None = None
    published: datetime | None = None
    updated: datetime | None = None
    #: the original's date, where it can be learned (e.g. /202001/ in its URL)
    origin_published: datetime | None = None
    #: True when `published` had no time of day (it is then midnight local)
    date_only: bool = False
    #: article HTML (unsanitized) or None when only a summary is known
    html: str | None = None
    summary: str | None = None
    categories: tuple[str, ...] = ()
    enclosures: tuple[Enclosure, ...] = ()
    #: the list page or feed URL the item was found on
    found_on: str | None = None
    #: "feed" or "html:<how>" — which extractor produced it
    extractor: str = "feed"
    #: per-field provenance, for `check`
    provenance: tuple[Provenance, ...] = ()


@dataclass(frozen=True, slots=True)
class ParsedFeed:
    """A whole parsed feed document."""

    title: str | None
    #: the feed's site link (alternate)
    link: str | None
    #: the feed's own id (Atom id, or the feed URL)
    feed_id: str | None
    updated: datetime | None
    items: tuple[RawItem, ...]
    #: "rss20", "atom10", "json1" …
    version: str = ""
    #: a recoverable problem the parser noticed (bozo), or None
    warning: str | None = None
    #: entries skipped as unusable
    skipped: int = 0


@dataclass(frozen=True, slots=True)
class Sighting:
    """One place an item was seen: the provenance of a repost or a copy."""

    source_id: str
    source_name: str
    #: the page where it was found (entry link or article page)
    url: str
    #: the feed or list page it was listed on
    found_on: str | None
    #: the feed's (or site's) title, link and id, for atom:source
    feed_title: str | None
    feed_link: str | None
    feed_id: str | None
    #: "feed" or "html:..." — the extractor used
    extractor: str
    fetched_at: datetime
    #: the publisher this page names (来源), if any
    publisher: str | None = None


@dataclass(frozen=True, slots=True)
class Item:
    """A normalized article, as stored and published."""

    #: stable id: hex digest of the primary dedup key
    id: str
    #: every dedup key this item answers to ("guid:…", "url:…"; an origin is a "url:" key too)
    keys: tuple[str, ...]
    #: canonical page link (Atom rel=alternate)
    url: str
    title: str
    published: datetime | None
    #: changes only when `content_hash` changes
    updated: datetime
    author: str | None
    publisher: str | None
    origin_url: str | None
    origin_published: datetime | None
    #: sanitized HTML (sanitizing is the last content step)
    content: str
    #: plain text of the content
    text: str
    content_hash: str
    sightings: tuple[Sighting, ...]
    summary: str | None = None
    categories: tuple[str, ...] = ()
    enclosures: tuple[Enclosure, ...] = ()
    date_only: bool = False
    #: when the store first saw the item
    first_seen: datetime | None = None
    #: the source whose copy `content` is: only that source (or the original itself,
    #: once it is seen) may change it, so reposts that differ slightly do not flip it
    content_from: str | None = None

    @property
    def sort_date(self) -> datetime:
        return self.published or self.first_seen or self.updated


@dataclass(frozen=True, slots=True)
class SourceState:
    """Everything remembered about one source between polls."""

    source_id: str
    last_attempt: datetime | None = None
    last_success: datetime | None = None
    #: "ClassName: message" of the last failure, cleared by a success
    last_error: str | None = None
    error_count: int = 0
    etag: str | None = None
    last_modified: str | None = None
    next_poll: datetime | None = None
    #: items stored for this source
    items: int = 0
    #: the feed URL found by autodiscovery, when the configured URL was a page
    feed_url: str | None = None
    #: hash of the last list page / feed body seen, to skip unchanged ones
    body_hash: str | None = None
    #: the fetch's own lower bound for the next poll (Retry-After, max-age)
    not_before: datetime | None = None
    extra: dict[str, str] = field(default_factory=dict)

    @property
    def state(self) -> str:
        if self.last_attempt is None:
            return "never"
        if self.last_error is not None and (
            self.last_success is None or self.last_success < self.last_attempt
        ):
            return "error"
        return "ok"


@dataclass(frozen=True, slots=True)
class PollResult:
    """What one poll of one source did (logged, shown by `poll`)."""

    source_id: str
    status: str  # "ok" | "not_modified" | "error"
    new: int = 0
    updated: int = 0
    seen: int = 0
    ms: int = 0
    error: str | None = None
    #: topic ids whose feeds these changes touch
    topics: tuple[str, ...] = ()
