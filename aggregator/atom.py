"""Publishing: topic feeds as Atom 1.0 (RFC 4287), their atomic write, and the topics OPML.

Owns: feedgen (the only user), the entry layout (ids, links, atom:source,
categories, the visible provenance line), and writing feed files.
Does not own: choosing which items go in a feed (store/pipeline), or serving.
`render` and `topics_opml` are pure: same input, same bytes (no clock reads).

feedgen 1.0.0 drops every attribute but ``href`` on entry links and its
``source()`` has no ``<id>`` (lkiesow/python-feedgen#135, notes/architecture.md
item 11), so entry links and ``<source>`` are written by `_EntryExtension`.
"""

from __future__ import annotations

import os
import tempfile
import uuid
from collections.abc import Mapping, Sequence
from datetime import datetime, timezone
from html import escape
from pathlib import Path
from urllib.parse import urlsplit

from feedgen.ext.base import BaseEntryExtension
from feedgen.feed import FeedGenerator
from feedgen.util import xml_elem
from lxml import etree

from .config import TopicConfig
from .errors import PublishError
from .model import Item, Sighting
from .sanitize import strip_xml_illegal

GENERATOR = "aggregator"
#: feed-level author, so that entries without a real author stay valid (RFC 4287 §4.1.1)
FEED_AUTHOR = "aggregator"
#: `updated` of a feed without entries: fixed, so an empty feed renders to the same bytes
EMPTY_UPDATED = datetime(2000, 1, 1, tzinfo=timezone.utc)
#: namespace for the name-based UUIDs of entry ids (urn:uuid is valid everywhere an IRI is)
ID_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "urn:aggregator:item")
_EXT = "aggregator"


def _x(value: str | None) -> str:
    return strip_xml_illegal(value or "")


def _date(value: datetime) -> datetime:
    if value.tzinfo is None:  # model promises aware datetimes; never publish a guess silently
        raise PublishError(f"naive datetime {value!r} in an item")
    return value.replace(microsecond=0)


def feed_url(base_url: str, topic_id: str) -> str:
    return f"{base_url}feeds/{topic_id}.atom"


def entry_id(item: Item) -> str:
    """The entry's atom:id: stable for the item id, valid per RFC 4287 §4.2.6."""
    return f"urn:uuid:{uuid.uuid5(ID_NAMESPACE, item.id)}"


class _EntryExtension(BaseEntryExtension):
    """Writes the entry's links (with rel/type/length) and a full atom:source."""

    def __init__(self) -> None:
        self.links: list[dict[str, str]] = []
        self.source: dict[str, str] | None = None

    def extend_atom(self, entry: etree._Element) -> etree._Element:
        for link in self.links:
            xml_elem("link", entry, **link)
        if self.source:
            src = xml_elem("source", entry)
            xml_elem("id", src).text = self.source["id"]
            xml_elem("title", src).text = self.source["title"]
            if self.source.get("link"):
                xml_elem("link", src, rel="alternate", type="text/html", href=self.source["link"])
            xml_elem("updated", src).text = self.source["updated"]
        return entry


def _is_iri(value: str | None) -> bool:
    if not value:
        return False
    try:
        parts = urlsplit(value)
    except ValueError:
        return False
    return bool(parts.scheme) and (bool(parts.netloc) or parts.scheme in ("urn", "tag"))


def _source(s: Sighting) -> dict[str, str]:
    link = s.feed_link or s.found_on or s.url
    ident = next((v for v in (s.feed_id, s.feed_link, s.found_on, s.url) if v and _is_iri(v)), s.url)
    return {
        "id": _x(ident),
        "title": _x(s.feed_title or s.source_name or s.source_id),
        "link": _x(link),
        "updated": _date(s.fetched_at).isoformat(),
    }


def provenance_html(item: Item) -> str:
    """The visible provenance line: publishers, portals, original link (all escaped).

    Feed readers render atom:source badly or not at all (notes/gov-sites.md item 10),
    so provenance is repeated in the content.
    """
    publishers = list(dict.fromkeys(p for p in (item.publisher, *(s.publisher for s in item.sightings)) if p))
    portals = list(dict.fromkeys(s.source_name or s.source_id for s in item.sightings))
    parts = []
    if publishers:
        parts.append("来源：" + "、".join(escape(_x(p)) for p in publishers))
    if portals:
        parts.append("发布于 " + "、".join(escape(_x(p)) for p in portals))
    target = item.origin_url or item.url
    label = "原文" if item.origin_url else "链接"
    href = escape(_x(target), quote=True)
    parts.append(f'{label}：<a href="{href}">{escape(_x(target))}</a>')
    if item.origin_url and item.origin_published is not None:
        d = item.origin_published
        # a /202001/ path gives only the month: do not claim the 1st
        month_only = d.day == 1 and (d.hour, d.minute, d.second) == (0, 0, 0)
        parts.append("原文日期：" + (d.strftime("%Y-%m") if month_only else d.date().isoformat()))
    return '<p class="provenance">' + " · ".join(parts) + "</p>"


def _order(items: Sequence[Item]) -> list[Item]:
    # newest first; the id breaks ties so equal dates still give identical bytes
    by_id = sorted(items, key=lambda i: i.id)
    return sorted(by_id, key=lambda i: i.sort_date, reverse=True)


def render(
    topic: TopicConfig,
    items: Sequence[Item],
    *,
    base_url: str,
    topic_titles: Mapping[str, str],
    item_topics: Mapping[str, tuple[str, ...]],
) -> bytes:
    """The topic's Atom feed.

    Args:
        topic: the topic published.
        items: its items (any order; entries come out newest first by
            published, else first_seen, else updated).
        base_url: where feeds are served, ending in "/".
        topic_titles: topic id → title, for category labels.
        item_topics: item id → topic ids, for categories.
    Returns:
        UTF-8 XML. Feed `updated` is the newest entry `updated`, so unchanged
        input renders to identical bytes.
    """
    ordered = _order(items)
    self_url = feed_url(base_url, topic.id)
    fg = FeedGenerator()
    fg.id(self_url)
    fg.title(_x(topic.title or topic.id))
    fg.link(href=self_url, rel="self", type="application/atom+xml")
    fg.link(href=base_url, rel="alternate", type="text/html")
    fg.author({"name": FEED_AUTHOR})
    fg.generator(GENERATOR)
    fg.updated(max((_date(i.updated) for i in ordered), default=EMPTY_UPDATED))
    for item in ordered:
        _entry(fg, item, topic, topic_titles, item_topics)
    data: bytes = fg.atom_str(pretty=True, encoding="UTF-8", xml_declaration=True)
    return data


def _entry(
    fg: FeedGenerator,
    item: Item,
    topic: TopicConfig,
    topic_titles: Mapping[str, str],
    item_topics: Mapping[str, tuple[str, ...]],
) -> None:
    fe = fg.add_entry(order="append")
    fe.id(entry_id(item))
    fe.title(_x(item.title).strip() or _x(item.url))
    fe.updated(_date(item.updated))
    if item.published is not None:
        fe.published(_date(item.published))
    if item.author and _x(item.author).strip():
        fe.author({"name": _x(item.author).strip()})
    fe.content(_x(item.content) + provenance_html(item), type="html")
    if item.summary and _x(item.summary).strip():
        fe.summary(_x(item.summary), type="text")
    tids = list(dict.fromkeys((*item_topics.get(item.id, ()), topic.id)))
    for tid in tids:
        fe.category(term=_x(tid), label=_x(topic_titles.get(tid) or (topic.title if tid == topic.id else tid)))
    fe.register_extension(_EXT, _EntryExtension, atom=True, rss=False)
    ext: _EntryExtension = getattr(fe, _EXT)
    ext.links.append({"rel": "alternate", "href": _x(item.url)})
    if item.origin_url:
        ext.links.append({"rel": "via", "href": _x(item.origin_url)})
    for enc in item.enclosures:
        link = {"rel": "enclosure", "href": _x(enc.url)}
        if enc.type:
            link["type"] = _x(enc.type)
        if enc.length is not None:
            link["length"] = str(enc.length)
        if enc.title:
            link["title"] = _x(enc.title)
        ext.links.append(link)
    if item.sightings:
        ext.source = _source(item.sightings[0])


def write(path: Path, data: bytes) -> bool:
    """Atomically replace `path` with `data`; False (and no write) when it already holds them.

    The temporary file lives in the same directory so `os.replace` is atomic
    and a reader (the server) sees the old or the new file, never a half.
    Raises:
        PublishError: the file could not be written.
    """
    try:
        if path.read_bytes() == data:
            return False
    except FileNotFoundError:
        pass
    except OSError as e:
        raise PublishError(f"cannot read {path}") from e
    tmp: str | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
        tmp = None
        _fsync_dir(path.parent)
    except OSError as e:
        raise PublishError(f"cannot write {path}") from e
    finally:
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass
    return True


def _fsync_dir(directory: Path) -> None:
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:  # e.g. platforms that cannot open directories
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def topics_opml(topics: Sequence[TopicConfig], base_url: str) -> bytes:
    """OPML 2.0 listing each topic feed (no dates, so the bytes are stable)."""
    opml = etree.Element("opml", version="2.0")
    head = etree.SubElement(opml, "head")
    etree.SubElement(head, "title").text = "aggregator topics"
    body = etree.SubElement(opml, "body")
    for t in topics:
        title = _x(t.title or t.id)
        etree.SubElement(
            body, "outline", type="rss", text=title, title=title,
            xmlUrl=_x(feed_url(base_url, t.id)), htmlUrl=_x(base_url),
        )
    data: bytes = etree.tostring(opml, encoding="UTF-8", xml_declaration=True, pretty_print=True)
    return data
