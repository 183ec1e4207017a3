"""feedparse: golden fixtures, hostile XML, sniff and discover."""

from __future__ import annotations

import json
import os
import resource
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from aggregator import feedparse
from aggregator.errors import ParseError
from aggregator.model import ParsedFeed

FEEDS = Path(__file__).parent / "data" / "feeds"
TZ = ZoneInfo("Asia/Shanghai")
FIXTURES = sorted(p for p in FEEDS.iterdir() if p.suffix in {".xml", ".json"} and ".expected" not in p.name)


def feed_url(path: Path) -> str:
    return f"https://feeds.example.gov.cn/sub/{path.name}"


def as_json(feed: ParsedFeed) -> dict[str, Any]:
    """The fields the rest of the pipeline uses, as plain JSON."""
    return {
        "title": feed.title,
        "link": feed.link,
        "feed_id": feed.feed_id,
        "version": feed.version,
        "warning": feed.warning is not None,
        "skipped": feed.skipped,
        "items": [
            {
                "title": i.title,
                "link": i.link,
                "guid": i.guid,
                "published": i.published.isoformat() if i.published else None,
                "date_only": i.date_only,
                "updated": i.updated.isoformat() if i.updated else None,
                "author": i.author,
                "via": i.via,
                "categories": list(i.categories),
                "enclosures": [[e.url, e.type, e.length] for e in i.enclosures],
                "summary": (i.summary or "")[:80] or None,
                "html": (i.html or "")[:80] or None,
                "found_on": i.found_on,
                "extractor": i.extractor,
            }
            for i in feed.items
        ],
    }


def result_for(path: Path) -> dict[str, Any]:
    try:
        return as_json(feedparse.parse(path.read_bytes(), feed_url(path), tz=TZ))
    except ParseError as e:
        return {"error": type(e).__name__, "message": str(e)}


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.name)
def test_golden(path: Path) -> None:
    expected_path = path.with_name(path.stem + ".expected.json")
    got = result_for(path)
    if os.environ.get("REGEN_GOLDEN"):
        expected_path.write_text(json.dumps(got, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    assert got == json.loads(expected_path.read_text(encoding="utf-8"))


def test_every_fixture_has_expected_file() -> None:
    assert len(FIXTURES) >= 10
    for p in FIXTURES:
        assert p.with_name(p.stem + ".expected.json").exists(), p


def test_zone_less_dates_use_source_tz() -> None:
    body = (FEEDS / "gov_cn_rss.xml").read_bytes()
    utc = feedparse.parse(body, "https://www.gov.cn/rss.xml", tz=ZoneInfo("UTC"))
    sh = feedparse.parse(body, "https://www.gov.cn/rss.xml", tz=TZ)
    assert utc.items[1].published is not None and sh.items[1].published is not None
    assert (utc.items[1].published - sh.items[1].published).total_seconds() == 8 * 3600
    # an explicit +0800 does not move with tz
    assert utc.items[0].published == sh.items[0].published


def test_gbk_feed_decodes_without_mojibake() -> None:
    feed = feedparse.parse((FEEDS / "province_gbk.xml").read_bytes(), "http://www.hubei.gov.cn/zfwj/rss.xml", tz=TZ)
    assert feed.title == "湖北省人民政府 - 政府文件"
    assert feed.items[0].link == "http://www.hubei.gov.cn/zfwj/ezf/202001/t20200127_2014765.shtml"
    assert "镕" in (feed.items[1].summary or "")


BILLION = (FEEDS / "bomb.xml").read_bytes()
QUADRATIC = (
    b'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "' + b"x" * 100_000 + b'">]>'
    b"<rss><channel><title>" + b"&a;" * 100_000 + b"</title></channel></rss>"
)
EXTERNAL = (
    b'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
    b"<rss version=\"2.0\"><channel><title>&xxe;</title><item><link>http://x/&xxe;</link></item></channel></rss>"
)
PARAM = (
    b'<?xml version="1.0"?><!DOCTYPE rss SYSTEM "http://127.0.0.1:9/evil.dtd">'
    b'<rss version="2.0"><channel><title>t</title><item><link>http://x/1</link></item></channel></rss>'
)
GBK_BOMB = '<?xml version="1.0" encoding="gbk"?><!DOCTYPE r [<!ENTITY 中 "x">]><rss/>'.encode("gbk")


@pytest.mark.parametrize("body", [BILLION, QUADRATIC, EXTERNAL, GBK_BOMB], ids=["billion", "quadratic", "external", "gbk"])
def test_xml_bombs_refused_without_expansion(body: bytes) -> None:
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    with pytest.raises(ParseError, match="refused"):
        feedparse.parse(body, "http://x/feed", tz=TZ)
    # ru_maxrss is in KiB on Linux: expansion would take gigabytes
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before < 50_000


def test_external_dtd_is_dropped_not_loaded() -> None:
    feed = feedparse.parse(PARAM, "http://x/feed", tz=TZ)
    assert [i.link for i in feed.items] == ["http://x/1"]


def test_entity_text_inside_cdata_is_not_a_bomb() -> None:
    body = (b'<rss version="2.0"><channel><title>t</title><item><link>http://x/1</link>'
            b"<description><![CDATA[How <!ENTITY works]]></description></item></channel></rss>")
    assert "ENTITY works" in (feedparse.parse(body, "http://x/", tz=TZ).items[0].summary or "")


def test_html_page_is_not_a_feed() -> None:
    page = b"<!DOCTYPE html><html><head><title>x</title></head><body><p>hi</p></body></html>"
    with pytest.raises(ParseError, match="not a feed"):
        feedparse.parse(page, "http://x/", tz=TZ)


@pytest.mark.parametrize("body", [b"", b"just text", b"{\"a\": 1}", b"[1, 2]", b"{" * 100_000])
def test_garbage_raises_parse_error(body: bytes) -> None:
    with pytest.raises(ParseError):
        feedparse.parse(body, "http://x/", tz=TZ)


def test_all_entries_bad_raises() -> None:
    body = b'<rss version="2.0"><channel><title>t</title><item><title>a</title></item><item><title>b</title></item></channel></rss>'
    with pytest.raises(ParseError, match="all 2 entries"):
        feedparse.parse(body, "http://x/", tz=TZ)


def test_empty_feed_is_fine() -> None:
    feed = feedparse.parse(b'<rss version="2.0"><channel><title>t</title></channel></rss>', "http://x/", tz=TZ)
    assert feed.items == () and feed.title == "t" and feed.version == "rss20"


@pytest.mark.parametrize(
    ("body", "ctype", "kind"),
    [
        (b'<?xml version="1.0"?><rss version="2.0"></rss>', None, "feed"),
        (b'\xef\xbb\xbf<?xml version="1.0"?>\n<!-- c --><feed xmlns="http://www.w3.org/2005/Atom"/>', None, "feed"),
        (b'<rdf:RDF xmlns:rdf="x"></rdf:RDF>', "text/xml", "feed"),
        (b'{"version": "https://jsonfeed.org/version/1.1", "items": []}', "application/json", "json"),
        (b"<!DOCTYPE html><html><body></body></html>", "text/html", "html"),
        (b"<html><head></head></html>", None, "html"),
        (b"\x00\x01binary", "application/octet-stream", "unknown"),
    ],
)
def test_sniff(body: bytes, ctype: str | None, kind: str) -> None:
    assert feedparse.sniff(body, ctype) == kind


def test_discover() -> None:
    page = """<html><head><meta charset="gbk"><title>省政府</title>
    <link rel="alternate" type="application/rss+xml" title="RSS" href="/rss/zfwj.xml">
    <link rel="Alternate" type="application/atom+xml" href="https://other.example.org/atom">
    <link rel="alternate" type="application/feed+json" href="feed.json">
    <link rel="alternate" type="text/html" href="/zh/">
    <link rel="stylesheet" type="application/rss+xml" href="/no.xml">
    <link rel="alternate" type="application/rss+xml" href="javascript:alert(1)">
    </head><body>正文</body></html>""".encode("gbk")
    assert feedparse.discover(page, "http://www.example.gov.cn/col/index.html") == [
        "http://www.example.gov.cn/rss/zfwj.xml",
        "https://other.example.org/atom",
        "http://www.example.gov.cn/col/feed.json",
    ]
    assert feedparse.discover(b"", "http://x/") == []
    assert feedparse.discover(b"\x00\xff garbage", "http://x/") == []
