"""The HTTP server: feed route validators, 304, gzip, the listing pages, and the 404 wall."""

from __future__ import annotations

import asyncio
import gzip
import http.client
import json
import os
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path
from typing import Any

import pytest
from lxml import etree

from aggregator import config as config_mod
from aggregator import server
from aggregator.config import Config
from aggregator.model import SourceState

FEED = '<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom"><title>新闻</title>' + (
    "<entry><title>条目</title></entry>" * 50
) + "</feed>\n"

CONFIG = """
[aggregator]
base_url = "http://feeds.example/"
[server]
port = 0
[[sources]]
id = "good"
url = "http://127.0.0.1:9/good.xml"
name = "Good <source>"
interval = "15m"
topics = ["news"]
[[sources]]
id = "bad"
url = "http://127.0.0.1:9/bad.xml"
name = "<img src=x onerror=alert(1)>"
interval = 60
[[sources]]
id = "fresh"
url = "http://127.0.0.1:9/fresh.xml"
[[sources]]
id = "off"
url = "http://127.0.0.1:9/off.xml"
enabled = false
[[topics]]
id = "news"
title = "News <script>alert(1)</script>"
[[topics]]
id = "law"
title = "法治"
"""


@dataclass
class FakeStore:
    state_map: dict[str, SourceState] = field(default_factory=dict)
    items: int = 7

    def states(self) -> dict[str, SourceState]:
        return dict(self.state_map)

    def count(self) -> int:
        return self.items


@dataclass
class Running:
    port: int
    feeds: Path
    store: FakeStore
    holder: dict[str, Config]

    def request(self, method: str, path: str, headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], bytes]:
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=5)
        try:
            conn.putrequest(method, path, skip_host=False, skip_accept_encoding=True)
            for k, v in (headers or {}).items():
                conn.putheader(k, v)
            conn.endheaders()
            resp = conn.getresponse()
            body = resp.read()
            return resp.status, {k.lower(): v for k, v in resp.getheaders()}, body
        finally:
            conn.close()


def _now() -> datetime:
    return datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)


@pytest.fixture
def running(tmp_path: Path) -> Iterator[Running]:
    cfg = config_mod.parse(CONFIG, tmp_path / "aggregator.toml", base_dir=tmp_path)
    cfg.feeds_dir.mkdir()
    (cfg.feeds_dir / "news.atom").write_text(FEED, encoding="utf-8")
    (cfg.data_dir).mkdir()
    (cfg.data_dir / "secret.json").write_text("{}")
    (tmp_path / "aggregator.toml").write_text(CONFIG)
    store = FakeStore(
        {
            "good": SourceState("good", last_attempt=_now(), last_success=_now(), items=5,
                                next_poll=_now() + timedelta(minutes=15)),
            "bad": SourceState("bad", last_attempt=_now(), last_error="FetchError: <b>boom</b>", error_count=3),
        }
    )
    holder = {"config": cfg}
    loop = asyncio.new_event_loop()
    started = threading.Event()
    box: dict[str, Any] = {}

    async def main() -> None:
        srv = await server.start(lambda: holder["config"], store)
        box["srv"] = srv
        box["stop"] = asyncio.Event()
        started.set()
        await box["stop"].wait()
        await srv.stop()

    t = threading.Thread(target=lambda: loop.run_until_complete(main()), daemon=True)
    t.start()
    assert started.wait(5)
    try:
        assert box["srv"].host == "127.0.0.1"
        yield Running(box["srv"].port, cfg.feeds_dir, store, holder)
    finally:
        loop.call_soon_threadsafe(box["stop"].set)
        t.join(5)
        loop.close()


def test_feed_200_with_validators(running: Running) -> None:
    status, h, body = running.request("GET", "/feeds/news.atom")
    assert status == 200
    assert body == FEED.encode()
    assert h["content-type"] == "application/atom+xml; charset=utf-8"
    assert h["etag"].startswith('"') and h["etag"].endswith('"') and not h["etag"].startswith("W/")
    mtime = int(os.stat(running.feeds / "news.atom").st_mtime)
    assert h["last-modified"] == format_datetime(datetime.fromtimestamp(mtime, UTC), usegmt=True)
    assert h["cache-control"] == "public, max-age=60"  # the shortest enabled interval
    assert h["vary"] == "Accept-Encoding"
    assert "content-encoding" not in h


def test_head_has_headers_without_body(running: Running) -> None:
    status, h, body = running.request("HEAD", "/feeds/news.atom")
    assert status == 200 and body == b""
    assert int(h["content-length"]) == len(FEED.encode())
    assert "etag" in h


@pytest.mark.parametrize("fmt", ["{}", "W/{}", '"nope", {}', "*"])
def test_if_none_match_gives_304(running: Running, fmt: str) -> None:
    etag = running.request("GET", "/feeds/news.atom")[1]["etag"]
    status, h, body = running.request("GET", "/feeds/news.atom", {"If-None-Match": fmt.format(etag)})
    assert status == 304 and body == b""
    assert h["etag"] == etag and "last-modified" in h and h["cache-control"].startswith("public")


def test_if_none_match_wins_over_if_modified_since(running: Running) -> None:
    future = format_datetime(datetime.now(UTC) + timedelta(days=1), usegmt=True)
    status, _, body = running.request(
        "GET", "/feeds/news.atom", {"If-None-Match": '"other"', "If-Modified-Since": future}
    )
    assert status == 200 and body == FEED.encode()


def test_if_modified_since(running: Running) -> None:
    lm = running.request("GET", "/feeds/news.atom")[1]["last-modified"]
    assert running.request("GET", "/feeds/news.atom", {"If-Modified-Since": lm})[0] == 304
    old = format_datetime(datetime.now(UTC) - timedelta(days=3), usegmt=True)
    assert running.request("GET", "/feeds/news.atom", {"If-Modified-Since": old})[0] == 200
    assert running.request("GET", "/feeds/news.atom", {"If-Modified-Since": "yesterday-ish"})[0] == 200


def test_gzip_when_asked(running: Running) -> None:
    plain = running.request("GET", "/feeds/news.atom")[1]["etag"]
    status, h, body = running.request("GET", "/feeds/news.atom", {"Accept-Encoding": "br, gzip;q=0.8"})
    assert status == 200 and h["content-encoding"] == "gzip"
    assert gzip.decompress(body) == FEED.encode()
    assert len(body) < len(FEED.encode())
    assert h["etag"] != plain  # a strong validator differs per content coding
    assert running.request("GET", "/feeds/news.atom", {"If-None-Match": h["etag"]})[0] == 304
    again = running.request("GET", "/feeds/news.atom", {"Accept-Encoding": "gzip"})
    assert again[2] == body
    refused = running.request("GET", "/feeds/news.atom", {"Accept-Encoding": "gzip;q=0, deflate"})
    assert "content-encoding" not in refused[1] and refused[2] == FEED.encode()


def test_changed_file_is_served_fresh(running: Running) -> None:
    first = running.request("GET", "/feeds/news.atom")[1]["etag"]
    tmp = running.feeds / "news.atom.tmp"
    tmp.write_text(FEED.replace("条目", "新条目"), encoding="utf-8")
    os.replace(tmp, running.feeds / "news.atom")
    status, h, body = running.request("GET", "/feeds/news.atom", {"If-None-Match": first})
    assert status == 200 and "新条目".encode() in body and h["etag"] != first


def test_only_configured_and_published_topics(running: Running) -> None:
    (running.feeds / "stray.atom").write_text(FEED)
    assert running.request("GET", "/feeds/stray.atom")[0] == 404  # file exists, topic is not configured
    assert running.request("GET", "/feeds/law.atom")[0] == 404  # configured, not published yet
    (running.feeds / "law.atom").write_text(FEED)
    assert running.request("GET", "/feeds/law.atom")[0] == 200
    cfg = running.holder["config"]
    running.holder["config"] = config_mod.parse(
        CONFIG.replace('id = "law"', 'id = "stray"'), cfg.path, base_dir=cfg.path.parent
    )
    assert running.request("GET", "/feeds/stray.atom")[0] == 200  # the current config decides
    assert running.request("GET", "/feeds/law.atom")[0] == 404


@pytest.mark.parametrize(
    "path",
    [
        "/feeds/",
        "/feeds/news.atom/",
        "/feeds/news",
        "/feeds/news.xml",
        "/feeds/../aggregator.toml",
        "/feeds/../feeds/news.atom",
        "/feeds/./news.atom",
        "//feeds/news.atom",
        "/feeds//news.atom",
        "/feeds/%2e%2e/aggregator.toml",
        "/feeds/%2E%2E%2Faggregator.toml",
        "/feeds/..%2faggregator.toml",
        "/feeds/news%2eatom",
        "/feeds%2fnews.atom",
        "/%66eeds/news.atom",
        "/feeds/news.atom%00",
        "/feeds/news.atom.tmp",
        "/feeds/NEWS.atom",
        "/data/secret.json",
        "/aggregator.toml",
        "/config/aggregator.toml",
        "/index.html",
        "/health/",
        "/opml.xml",
        "/.git/config",
        "/feeds/news.atom;x",
    ],
)
def test_everything_else_is_404(running: Running, path: str) -> None:
    (running.feeds / "news.atom.tmp").write_text("half")
    status, _, body = running.request("GET", path)
    assert status == 404, path
    assert b"[[sources]]" not in body and b"<feed" not in body


def test_query_string_is_ignored(running: Running) -> None:
    assert running.request("GET", "/feeds/news.atom?since=1")[0] == 200


@pytest.mark.parametrize("path", ["/feeds/news.atom", "/", "/opml", "/health"])
@pytest.mark.parametrize("method", ["POST", "PUT", "DELETE", "PATCH"])
def test_other_methods_405(running: Running, path: str, method: str) -> None:
    status, h, _ = running.request(method, path)
    assert status == 405 and set(h["allow"].split(",")) == {"GET", "HEAD"}


def test_unknown_path_other_method_404(running: Running) -> None:
    assert running.request("POST", "/nothing")[0] == 404


def test_index_lists_topics_and_sources_escaped(running: Running) -> None:
    status, h, body = running.request("GET", "/")
    assert status == 200 and h["content-type"].startswith("text/html")
    page = body.decode()
    assert "<script>alert(1)</script>" not in page and "&lt;script&gt;" in page
    assert "<img src=x" not in page and "&lt;img src=x onerror=alert(1)&gt;" in page
    assert "<b>boom</b>" not in page and "&lt;b&gt;boom&lt;/b&gt;" in page
    assert 'href="feeds/news.atom"' in page and 'href="feeds/law.atom"' in page
    assert "法治" in page
    for sid, state in [("good", "ok"), ("bad", "error"), ("fresh", "never"), ("off", "disabled")]:
        assert f"<code>{sid}</code>" in page
        assert f'class="{state}"' in page
    assert "2026-01-02 03:19:05Z" in page  # the next poll of "good"


def test_opml(running: Running) -> None:
    status, h, body = running.request("GET", "/opml")
    assert status == 200 and "opml" in h["content-type"]
    doc = etree.fromstring(body)
    urls = [o.get("xmlUrl") for o in doc.iter("outline")]
    assert urls == ["http://feeds.example/feeds/news.atom", "http://feeds.example/feeds/law.atom"]


def test_health(running: Running) -> None:
    status, h, body = running.request("GET", "/health")
    assert status == 200 and h["content-type"].startswith("application/json")
    data = json.loads(body)
    assert data == {
        "status": "degraded",
        "sources": {"ok": 1, "error": 1, "never": 1},
        "items": 7,
        "topics": ["news", "law"],
    }
    del running.store.state_map["bad"]
    assert json.loads(running.request("GET", "/health")[2])["status"] == "ok"


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        (None, False), ("", False), ("gzip", True), ("GZIP", True), ("x-gzip", True),
        ("deflate, br", False), ("gzip;q=0", False), ("gzip; q=0.0", False), ("*", True),
        ("*;q=0", False), ("br;q=1, gzip;q=0.1", True), ("gzip;q=bogus", False), ("identity", False),
    ],
)
def test_accepts_gzip(header: str | None, expected: bool) -> None:
    assert server._accepts_gzip(header) is expected


def test_port_in_use_raises(running: Running, tmp_path: Path) -> None:
    cfg = config_mod.parse(CONFIG.replace("port = 0", f"port = {running.port}"), tmp_path / "x.toml", base_dir=tmp_path)

    async def go() -> None:
        with pytest.raises(OSError):
            await server.start(lambda: cfg, FakeStore())

    asyncio.run(go())
