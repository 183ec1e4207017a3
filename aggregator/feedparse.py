"""Feed documents (RSS 0.9x/1.0/2.0, Atom 0.3/1.0, JSON Feed 1.0/1.1) → ParsedFeed.

Owns: feedparser (the only user), format sniffing, feed autodiscovery in HTML,
refusing XML bombs before any XML parser sees the bytes, absolute links
(feed URL and xml:base), entry dates read from the raw strings in the source's
zone, plain-text titles, per-feed GUID dedup and skipping unusable entries.
Does not own: sanitizing HTML (normalize does it last), fetching, canonical URLs.
Pure: bytes in, ParsedFeed out.

Parser choice: feedparser, with an lxml fast path (feedfast) in front of it.
feedfast reads well-formed RSS 0.9x/2.0, RDF and Atom 0.3/1.0 itself and gives
the values feedparser would (tests/test_feedfast.py runs both paths on every
fixture and on generated variants); anything it does not model exactly falls
back to feedparser, so robustness is feedparser's. fastfeedparser is not used:
it disagreed on the fields we use in 8 of 9 fixtures (zone-less dates become
UTC, xml:base and relative links unresolved, Atom enclosures dropped, "&" in a
link mangled). benchmarks/parsers.py, a farm feed of 20 items (~43 KB):
feedparse.parse ~2-3 ms (was ~15-24 ms through feedparser).
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterable
from datetime import datetime, tzinfo
from functools import lru_cache
from typing import Any
from urllib.parse import urljoin, urlsplit

import feedparser
from lxml import etree
from lxml import html as lxml_html

from . import charset as _charset
from . import feedfast as _feedfast
from .dates import parse_date
from .errors import ParseError
from .model import Enclosure, ParsedFeed, RawItem

_FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/feed+json",
               "application/json", "application/rdf+xml", "application/xml", "text/xml")
_DISCOVER_TYPES = {"application/rss+xml", "application/atom+xml", "application/feed+json",
                   "application/rdf+xml", "application/json"}
_ROOT_RE = re.compile(r"<(?:[A-Za-z_][\w.-]*:)?(rss|feed|RDF|channel|html|HTML|Html)\b")
_CDATA_RE = re.compile(r"<!\[CDATA\[.*?\]\]>", re.S)
_ENTITY_RE = re.compile(r"<!ENTITY", re.I)
_DOCTYPE_RE = re.compile(r"<!DOCTYPE\b[^\[>]*(\[)?[^>]*>", re.I)
_XML_DECL_RE = re.compile(r"^\s*<\?xml[^>]*\?>")
_AUTHOR_NOISE_RE = re.compile(r"\(\s*\)|<\s*>|\bmailto:")
_PROLOG_NOISE_RE = re.compile(r"<!--.*?-->|<\?.*?\?>", re.S)
_DECL_RE = re.compile(r"<!(?:ENTITY|DOCTYPE)", re.I)
# charset's own "plausible script" set: text with nothing outside it is plausible UTF-8 there
_SURE_UTF8_RE = re.compile(
    "[^\x00-\u024f\u2000-\u206f\u2e80-\u9fff\uac00-\ud7af\uff00-\uffef\u3000-\u30ff\U0001f000-\U0010ffff]")
_TAG_RE = re.compile(r"<[A-Za-z/!][^>]*>")
_EMAIL_RE = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_SPACE_RE = re.compile(r"\s+")
_JSON_VERSIONS = {"https://jsonfeed.org/version/1": "json10", "https://jsonfeed.org/version/1.1": "json11"}
_VERSIONS = {"rss090": "rss090", "rss091n": "rss091", "rss091u": "rss091", "rss092": "rss092",
             "rss093": "rss093", "rss094": "rss094", "rss20": "rss20", "rss10": "rss10", "rss": "rss",
             "atom01": "atom03", "atom02": "atom03", "atom03": "atom03", "atom10": "atom10", "atom": "atom",
             "cdf": "cdf"}


def sniff(body: bytes, content_type: str | None) -> str:
    """What `body` is: "feed" (XML feed), "json" (JSON Feed), "html" or "unknown"."""
    ctype = (content_type or "").split(";")[0].strip().lower()
    head = body[:2048].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"{"):
        return "json" if b"jsonfeed.org" in body[:4096] or ctype == "application/feed+json" else "unknown"
    text = head.decode("latin-1")
    m = _ROOT_RE.search(_strip_prolog_noise(text))
    if m:
        return "html" if m.group(1).lower() == "html" else "feed"
    if ctype in {"text/html", "application/xhtml+xml"} or re.search(r"<!doctype\s+html|<head\b|<body\b",
                                                                    text, re.I):
        return "html"
    if ctype in _FEED_TYPES and ctype != "application/json":
        return "feed"
    return "unknown"


def discover(body: bytes, url: str) -> list[str]:
    """Feed URLs an HTML page announces with `<link rel="alternate" type=…>`, absolute, in page order."""
    text, _ = _charset.decode(body)
    try:
        doc = lxml_html.document_fromstring(text.encode("utf-8"),
                                            parser=lxml_html.HTMLParser(encoding="utf-8"))
    except (etree.ParserError, ValueError):
        return []
    base = url
    for b in doc.iter("base"):
        if b.get("href"):
            base = urljoin(url, b.get("href", ""))
            break
    found: list[str] = []
    for link in doc.iter("link"):
        rels = (link.get("rel") or "").lower().split()
        ltype = (link.get("type") or "").split(";")[0].strip().lower()
        href = (link.get("href") or "").strip()
        if "alternate" in rels and ltype in _DISCOVER_TYPES and href:
            absolute = urljoin(base, href)
            if urlsplit(absolute).scheme in {"http", "https"} and absolute not in found:
                found.append(absolute)
    return found


def parse(body: bytes, url: str, *, tz: tzinfo, charset: str | None = None, fast: bool = True) -> ParsedFeed:
    """Parse a feed document fetched from `url` (the final URL after redirects).

    Args:
        body: the raw bytes.
        url: base for relative links and the fallback feed id.
        tz: zone for dates written without one.
        charset: the Content-Type header's charset, if any.
        fast: try the lxml fast path (feedfast) first; False forces feedparser (tests compare both).

    Raises:
        ParseError: not a feed, an XML bomb / DTD with entities, or every entry unusable.
    """
    kind = sniff(body, None)
    if kind == "html":
        raise ParseError("not a feed (an HTML page)")
    if kind == "json" or body[:64].lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{"):
        return _parse_json(body, url, tz)
    text = _decode(body, charset)
    text = _defuse(text)
    return _parse_xml(text, url, tz, fast=fast)


def _decode(body: bytes, header_charset: str | None) -> str:
    """charset.decode's answer, without its whole-text statistics when the answer is sure.

    Valid UTF-8 with no character outside the scripts charset.decode counts as
    plausible (Latin, punctuation, CJK, Hangul, full-width, emoji) is plausible
    UTF-8 there, and plausible UTF-8 wins over every label; anything else (a BOM
    included) goes the full way.
    """
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        return _charset.decode(body, header_charset=header_charset)[0]
    if text.isascii() or (text and _SURE_UTF8_RE.search(text) is None):
        return text
    return _charset.decode(body, header_charset=header_charset)[0]


def _strip_prolog_noise(text: str) -> str:
    return _PROLOG_NOISE_RE.sub("", text)


def _defuse(text: str) -> str:
    """Refuse entity declarations (billion laughs, quadratic blowup, external
    entities) before any parser sees them, and drop the harmless DOCTYPE
    (an external DTD is never loaded). A regex scan: nothing is expanded."""
    if not _DECL_RE.search(text):
        return _XML_DECL_RE.sub('<?xml version="1.0" encoding="utf-8"?>', text, count=1)
    outside_cdata = _CDATA_RE.sub("", text)
    if _ENTITY_RE.search(outside_cdata):
        raise ParseError("refused: the document declares XML entities")
    for m in _DOCTYPE_RE.finditer(outside_cdata):
        if m.group(1):
            raise ParseError("refused: the document has a DTD internal subset")
    text = _DOCTYPE_RE.sub("", text, count=1)
    # The text is re-encoded as UTF-8 for the parser, so the declaration must say so.
    return _XML_DECL_RE.sub('<?xml version="1.0" encoding="utf-8"?>', text, count=1)


def _parse_xml(text: str, url: str, tz: tzinfo, *, fast: bool = True) -> ParsedFeed:
    data = text.encode("utf-8")
    quick = _feedfast.parse(data, url) if fast else None
    if quick is not None:
        feed_d, entries_d, fp_version = quick
        feed_d["updated"] = _updated(feed_d)
        return _build(feed_d, entries_d, fp_version, None, url, tz)
    try:
        d = feedparser.parse(
            data,
            response_headers={"content-location": url, "content-type": "application/xml; charset=utf-8"},
            sanitize_html=False,
            resolve_relative_uris=True,
        )
    except Exception as e:  # feedparser should not raise; hostile bytes may still make it
        raise ParseError("could not parse the feed") from e
    if not d.get("version") and not d.entries:
        if d.get("bozo"):
            raise ParseError(f"not a feed: {_bozo(d)}")
        raise ParseError("not a feed")
    feed = dict(d.feed)
    # FeedParserDict.get("updated") falls back to "published"; the fast path's dict does it here
    feed["updated"] = _updated(d.feed)
    return _build(feed, d.entries, d.get("version") or "", _bozo(d) if d.get("bozo") else None, url, tz)


def _updated(feed: dict[str, Any]) -> str | None:
    return dict.get(feed, "updated") if "updated" in feed else dict.get(feed, "published")


def _build(feed: dict[str, Any], raw_entries: Iterable[Any], fp_version: str, warning: str | None,
           url: str, tz: tzinfo) -> ParsedFeed:
    """ParsedFeed from feedparser-shaped values (feedparser's own, or feedfast's)."""
    version = _VERSIONS.get(fp_version, fp_version)
    link = _abs(feed.get("link"), url)
    entries: list[RawItem] = []
    skipped = 0
    for e in raw_entries:
        item = _xml_item(e, url, tz)
        if item is None:
            skipped += 1
            continue
        entries.append(item)
    entries = _first_of_each(entries, skipped)
    return ParsedFeed(
        title=_plain(feed.get("title")),
        link=link,
        feed_id=(feed.get("id") or "").strip() or url,
        updated=parse_date(feed.get("updated"), tz)[0],
        items=tuple(entries),
        version=version,
        warning=warning,
        skipped=skipped,
    )


def _bozo(d: Any) -> str:
    exc = d.get("bozo_exception")
    return f"{type(exc).__name__}: {exc}" if exc is not None else "malformed feed"


def _xml_item(e: Any, url: str, tz: tzinfo) -> RawItem | None:
    link = _abs(e.get("link"), url)
    guid = (e.get("id") or "").strip() or None
    if not link and not guid:
        return None
    if not link and guid and guid.startswith(("http://", "https://")):
        link = guid
    # dict.get: FeedParserDict.get("updated") silently falls back to "published"
    raw_updated = dict.get(e, "updated")
    published, date_only = _first_date(tz, dict.get(e, "published"), dict.get(e, "created"), raw_updated)
    updated = _date(raw_updated, tz)[0] if raw_updated else None
    via = next((_abs(x.get("href"), url) for x in e.get("links", ()) if x.get("rel") == "via"), None)
    content = e.get("content") or []
    html_body = next((_as_html(c) for c in content if c.get("value")), None)
    # feedparser copies Atom content into "summary" when there is none; only a real one counts
    detail = dict.get(e, "summary_detail")
    summary = _as_html(detail) if detail else None
    return RawItem(
        link=link,
        title=_plain(e.get("title")),
        guid=guid,
        via=via,
        author=_author(e),
        published=published,
        updated=updated,
        date_only=date_only,
        html=html_body,
        summary=summary or None,
        categories=_unique(t.get("term") or t.get("label") for t in e.get("tags", ())),
        enclosures=_enclosures(_entry_enclosures(e), url),
        found_on=url,
        extractor="feed",
    )


def _entry_enclosures(e: Any) -> Iterable[Any]:
    if isinstance(e, feedparser.FeedParserDict):
        return e.get("enclosures", ())
    return ({k: v for k, v in x.items() if k != "rel"} for x in e.get("links", ()) if x.get("rel") == "enclosure")


@lru_cache(maxsize=256)  # an entry's published and updated are often the same text
def _date(raw: str, tz: tzinfo) -> tuple[datetime | None, bool]:
    return parse_date(raw, tz)


def _first_date(tz: tzinfo, *raws: str | None) -> tuple[datetime | None, bool]:
    for raw in raws:
        if raw:
            dt, date_only = _date(raw, tz)
            if dt is not None:
                return dt, date_only
    return None, False


def _as_html(detail: Any) -> str | None:
    value = detail.get("value")
    if value is None:
        return None
    if (detail.get("type") or "").lower() == "text/plain":
        return html.escape(value)
    return str(value)


def _author(e: Any) -> str | None:
    detail = e.get("author_detail") or {}
    name = detail.get("name") or e.get("author") or ""
    if not name and e.get("authors"):
        name = e["authors"][0].get("name") or ""
    return _clean_author(name)


def _clean_author(name: str | None) -> str | None:
    if not name:
        return None
    name = _EMAIL_RE.sub("", _plain(name) or "")
    name = _AUTHOR_NOISE_RE.sub("", name)
    name = name.strip(" \t()<>,;")
    return _SPACE_RE.sub(" ", name).strip() or None


def _enclosures(raw: Iterable[Any], url: str) -> tuple[Enclosure, ...]:
    out: list[Enclosure] = []
    seen: set[str] = set()
    for enc in raw:
        href = _abs(enc.get("href") or enc.get("url"), url)
        if not href or href in seen:
            continue
        seen.add(href)
        length = str(enc.get("length") or enc.get("size_in_bytes") or "").strip()
        out.append(Enclosure(
            url=href,
            type=(enc.get("type") or enc.get("mime_type") or None),
            length=int(length) if length.isdigit() and int(length) > 0 else None,
            title=enc.get("title") or None,
        ))
    return tuple(out)


def _parse_json(body: bytes, url: str, tz: tzinfo) -> ParsedFeed:
    text, _ = _charset.decode(body, forced="utf-8")
    try:
        doc = json.loads(text)
    except (ValueError, RecursionError) as e:
        raise ParseError("not a feed: invalid JSON") from e
    if not isinstance(doc, dict) or not isinstance(doc.get("items"), list):
        raise ParseError("not a feed: JSON without an items list")
    version = _JSON_VERSIONS.get(str(doc.get("version", "")).rstrip("/"), "json")
    base = _abs(_str(doc.get("feed_url")), url) or url
    items: list[RawItem] = []
    skipped = 0
    feed_authors = doc.get("authors") or ([doc["author"]] if isinstance(doc.get("author"), dict) else [])
    for it in doc["items"]:
        if not isinstance(it, dict):
            skipped += 1
            continue
        item = _json_item(it, base, url, tz, feed_authors)
        if item is None:
            skipped += 1
            continue
        items.append(item)
    items = _first_of_each(items, skipped)
    return ParsedFeed(
        title=_plain(_str(doc.get("title"))),
        link=_abs(_str(doc.get("home_page_url")), base),
        feed_id=_str(doc.get("feed_url")) or url,
        updated=None,
        items=tuple(items),
        version=version,
        skipped=skipped,
    )


def _json_item(it: dict[str, Any], base: str, url: str, tz: tzinfo, feed_authors: list[Any]) -> RawItem | None:
    link = _abs(_str(it.get("url")), base)
    guid = _str(it.get("id")) if it.get("id") is not None and not isinstance(it.get("id"), dict) else None
    if isinstance(it.get("id"), int | float):
        guid = str(it["id"])
    if not link and not guid:
        return None
    authors = it.get("authors") or ([it["author"]] if isinstance(it.get("author"), dict) else feed_authors)
    author = next((_clean_author(_str(a.get("name"))) for a in authors if isinstance(a, dict)), None)
    published, date_only = _first_date(tz, _str(it.get("date_published")), _str(it.get("date_modified")))
    atts = [a for a in it.get("attachments") or () if isinstance(a, dict)]
    tags = it.get("tags") if isinstance(it.get("tags"), list) else []
    content_html = _str(it.get("content_html"))
    if content_html is None and _str(it.get("content_text")):
        content_html = html.escape(_str(it.get("content_text")) or "")
    return RawItem(
        link=link,
        title=_plain(_str(it.get("title"))),
        guid=guid,
        via=_abs(_str(it.get("external_url")), base),
        author=author,
        published=published,
        updated=parse_date(_str(it.get("date_modified")), tz)[0],
        date_only=date_only,
        html=content_html,
        summary=_str(it.get("summary")),
        categories=_unique(t for t in tags if isinstance(t, str)),
        enclosures=_enclosures(atts, base),
        found_on=url,
        extractor="feed",
    )


def _str(v: Any) -> str | None:
    return v.strip() or None if isinstance(v, str) else None


def _abs(link: str | None, base: str) -> str | None:
    if not link or not isinstance(link, str):
        return None
    link = link.strip()
    if not link:
        return None
    return _join_http(base, link)


@lru_cache(maxsize=4096)
def _join_http(base: str, link: str) -> str | None:
    absolute = _feedfast.join(base, link)
    return absolute if urlsplit(absolute).scheme in {"http", "https"} else None


def _plain(value: str | None) -> str | None:
    """Title text: tags stripped, entities decoded, whitespace collapsed."""
    if not value:
        return None
    text = str(value)
    for _ in range(2):  # feeds that escape their HTML twice
        if "<" in text or "&" in text:
            text = html.unescape(_TAG_RE.sub(" " if "<br" in text.lower() else "", text))
    text = _SPACE_RE.sub(" ", text).strip()
    return text or None


def _first_of_each(items: list[RawItem], skipped: int) -> list[RawItem]:
    """The first entry of each GUID (or link); ParseError when every entry was unusable."""
    seen: set[str] = set()
    out: list[RawItem] = []
    for item in items:
        key = item.guid or item.link or ""
        if key not in seen:
            seen.add(key)
            out.append(item)
    if not out and skipped:
        raise ParseError(f"all {skipped} entries lack a link and an id")
    return out


def _unique(values: Iterable[str | None]) -> tuple[str, ...]:
    out: list[str] = []
    seen: set[str] = set()
    for v in values:
        v = _SPACE_RE.sub(" ", v or "").strip()
        if v and v.casefold() not in seen:
            seen.add(v.casefold())
            out.append(v)
    return tuple(out)
