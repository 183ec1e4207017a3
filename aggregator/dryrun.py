"""Dry runs: `check` (what a URL would give, with where each field came from) and the
`sources add` probe (is a URL a feed, a page linking one, or a list page?).

Owns nothing but these two read-only paths: they fetch and extract like a poll does, through
the pipeline's own fetcher settings and list/article merge, and never touch the store.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from . import feedparse, normalize, scrape
from .config import Config, SourceConfig
from .errors import ParseError, SourceError
from .model import Item, RawItem
from .pipeline import error_text, make_fetcher, merge_list_info, utcnow


@dataclass(frozen=True, slots=True)
class Probe:
    kind: str
    name: str | None
    url: str
    feed_url: str | None = None


async def probe(url: str, config: Config) -> Probe:
    """What `sources add` learns about a URL: is it a feed, a page linking one, or a list page?"""
    fetcher = make_fetcher(config)
    try:
        fetched = await fetcher.get(url)
        kind = feedparse.sniff(fetched.body, fetched.headers.get("content-type"))
        tz = config.tz
        if kind in ("feed", "json", "unknown"):
            try:
                parsed = feedparse.parse(fetched.body, fetched.final_url, tz=tz, charset=fetched.charset)
                return Probe("feed", parsed.title, url)
            except ParseError:
                if kind != "unknown":
                    raise
        found = feedparse.discover(fetched.body, fetched.final_url)
        if found:
            try:
                f2 = await fetcher.get(found[0])
                parsed = feedparse.parse(f2.body, f2.final_url, tz=tz, charset=f2.charset)
                return Probe("feed", parsed.title or scrape.page_title(fetched.body, fetched.charset), url, found[0])
            except SourceError:
                pass
        page = scrape.list_page(fetched.body, fetched.final_url, charset=fetched.charset, tz=tz)
        return Probe("html", page.title or scrape.page_title(fetched.body, fetched.charset), url)
    finally:
        await fetcher.aclose()


def _provenance_map(raw: RawItem) -> dict[str, str]:
    out: dict[str, str] = {}
    for p in raw.provenance:
        out.setdefault(p.field, f"{p.how}: {p.detail}" if p.detail else p.how)
    return out


def _checked(item: Item, raw: RawItem) -> dict[str, Any]:
    def iso(d: datetime | None) -> str | None:
        return d.isoformat() if d else None

    return {
        "id": item.id,
        "url": item.url,
        "title": item.title,
        "published": iso(item.published),
        "date_only": item.date_only,
        "updated": iso(item.updated),
        "author": item.author,
        "publisher": item.publisher,
        "origin_url": item.origin_url,
        "origin_published": iso(item.origin_published),
        "categories": list(item.categories),
        "enclosures": [e.url for e in item.enclosures],
        "found_on": raw.found_on,
        "extractor": raw.extractor,
        "provenance": _provenance_map(raw),
        "text": item.text,
        "content": item.content,
    }


async def check(url: str, kind: str | None, config: Config, *, limit: int = 20) -> list[dict[str, Any]]:
    """Dry run: what one source (or one article page) would give, with where each field came from."""
    fetcher = make_fetcher(config)
    now = utcnow()
    tz = config.tz
    source = SourceConfig(id="check", url=url, kind=kind if kind in ("feed", "html") else "html", name=url)
    out: list[dict[str, Any]] = []
    try:
        fetched = await fetcher.get(url, now=now)
        if kind is None:
            sniffed = feedparse.sniff(fetched.body, fetched.headers.get("content-type"))
            kind = "feed" if sniffed in ("feed", "json") else "html"
            if kind == "html" and feedparse.discover(fetched.body, fetched.final_url):
                kind = "feed"
        if kind == "article":
            raw = scrape.article(fetched.body, fetched.final_url, selectors=source.selectors,
                                 charset=fetched.charset, tz=tz, found_on=None)
            item = normalize.item(raw, source, now=now, tz=tz, feed_title=None, feed_link=None, feed_id=None)
            return [_checked(item, raw)]
        if kind == "feed":
            try:
                parsed = feedparse.parse(fetched.body, fetched.final_url, tz=tz, charset=fetched.charset)
            except ParseError:
                found = feedparse.discover(fetched.body, fetched.final_url)
                if not found:
                    raise
                fetched = await fetcher.get(found[0], now=now)
                parsed = feedparse.parse(fetched.body, fetched.final_url, tz=tz, charset=fetched.charset)
            for raw in parsed.items[:limit]:
                raw = replace(raw, provenance=raw.provenance or ())
                item = normalize.item(raw, source, now=now, tz=tz, feed_title=parsed.title,
                                      feed_link=parsed.link, feed_id=parsed.feed_id or url)
                out.append(_checked(item, raw))
            return out
        page = scrape.list_page(fetched.body, fetched.final_url, charset=fetched.charset, tz=tz)
        links = list(page.links[:limit])

        async def one(link: scrape.ListLink) -> dict[str, Any]:
            f = await fetcher.get(link.url, now=now)
            raw = scrape.article(f.body, f.final_url, selectors=source.selectors, charset=f.charset,
                                 tz=tz, found_on=fetched.final_url)
            raw = merge_list_info(raw, link)
            item = normalize.item(raw, source, now=now, tz=tz, feed_title=page.title,
                                  feed_link=url, feed_id=url)
            return _checked(item, raw)

        results = await asyncio.gather(*(one(link) for link in links), return_exceptions=True)
        for link, r in zip(links, results, strict=True):
            if isinstance(r, BaseException):
                if not isinstance(r, SourceError):
                    raise r
                out.append({"url": link.url, "title": link.title, "error": error_text(r)})
            else:
                out.append(r)
        return out
    finally:
        await fetcher.aclose()
