"""fetch: status mapping, conditional GET, caps and deadlines, against MockTransport and a real local server."""

from __future__ import annotations

import asyncio
import gzip
import threading
import time
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import httpx
import pytest

from aggregator.errors import FetchError
from aggregator.fetch import DEFAULT_USER_AGENT, Fetcher, not_before, parse_retry_after, status_error

NOW = datetime(2021, 3, 16, 1, 0, tzinfo=timezone.utc)


def run(coro):  # type: ignore[no-untyped-def]
    return asyncio.run(coro)


async def _get(handler, url: str = "http://feeds.example.org/rss", **kw):  # type: ignore[no-untyped-def]
    opts = {"timeout": 2.0, "max_body": 1000, "max_redirects": 3}
    opts.update(kw.pop("fetcher", {}))
    async with Fetcher(transport=httpx.MockTransport(handler), **opts) as f:
        return await f.get(url, **kw)


# --- MockTransport ---------------------------------------------------------------


def test_ok_headers_and_fields() -> None:
    seen: list[httpx.Request] = []

    def handler(req: httpx.Request) -> httpx.Response:
        seen.append(req)
        return httpx.Response(200, content=b"<rss/>", headers={
            "Content-Type": "application/rss+xml; charset=GBK", "ETag": '"v1"',
            "Last-Modified": "Tue, 16 Mar 2021 00:00:00 GMT", "Cache-Control": "public, max-age=600"})

    got = run(_get(handler, now=NOW))
    assert got.status == 200 and got.body == b"<rss/>" and not got.not_modified
    assert got.etag == '"v1"' and got.last_modified == "Tue, 16 Mar 2021 00:00:00 GMT"
    assert got.charset == "GBK" and got.headers["content-type"].startswith("application/rss+xml")
    assert got.fetched_at == NOW and got.not_before == NOW + timedelta(seconds=600)
    assert got.final_url == got.url == "http://feeds.example.org/rss"
    assert seen[0].headers["user-agent"] == DEFAULT_USER_AGENT
    assert "application/rss+xml" in seen[0].headers["accept"]
    assert "if-none-match" not in seen[0].headers


def test_configured_user_agent() -> None:
    def handler(req: httpx.Request) -> httpx.Response:
        return httpx.Response(200, text=req.headers["user-agent"])

    assert run(_get(handler, fetcher={"user_agent": "me/1"})).body == b"me/1"


def test_conditional_get_304() -> None:
    def handler(req: httpx.Request) -> httpx.Response:
        if req.headers.get("if-none-match") == '"v1"' and req.headers.get("if-modified-since") == "LM":
            return httpx.Response(304, headers={"ETag": '"v1"'})
        return httpx.Response(200, content=b"full")

    got = run(_get(handler, etag='"v1"', last_modified="LM"))
    assert got.status == 304 and got.not_modified and got.body == b"" and got.etag == '"v1"'


def test_redirects_keep_final_url() -> None:
    def handler(req: httpx.Request) -> httpx.Response:
        if req.url.path == "/old":
            return httpx.Response(301, headers={"Location": "/new"})
        return httpx.Response(200, content=b"ok")

    got = run(_get(handler, "http://a.example/old"))
    assert got.final_url == "http://a.example/new" and got.url == "http://a.example/old"


def test_redirect_loop_and_too_many() -> None:
    def loop(req: httpx.Request) -> httpx.Response:
        return httpx.Response(302, headers={"Location": "/b" if req.url.path == "/a" else "/a"})

    with pytest.raises(FetchError, match="redirect loop"):
        run(_get(loop, "http://a.example/a"))

    def chain(req: httpx.Request) -> httpx.Response:
        n = int(req.url.path.strip("/") or 0)
        return httpx.Response(302, headers={"Location": f"/{n + 1}"})

    with pytest.raises(FetchError, match=r"too many redirects \(more than 3\)"):
        run(_get(chain, "http://a.example/0"))


def test_redirect_to_other_scheme_refused() -> None:
    def handler(req: httpx.Request) -> httpx.Response:
        return httpx.Response(302, headers={"Location": "file:///etc/passwd"})

    with pytest.raises(FetchError):
        run(_get(handler))


@pytest.mark.parametrize("url", ["ftp://x/feed", "file:///etc/passwd", "javascript:alert(1)", "http:///nohost"])
def test_only_http_urls(url: str) -> None:
    with pytest.raises(FetchError):
        run(_get(lambda r: httpx.Response(200), url))


@pytest.mark.parametrize(("status", "text"), [(404, "HTTP 404 not found"), (410, "HTTP 410 gone"),
                                              (500, "HTTP 500 internal server error"), (418, "HTTP 418 client error"),
                                              (599, "HTTP 599 server error")])
def test_status_errors(status: int, text: str) -> None:
    with pytest.raises(FetchError) as info:
        run(_get(lambda r: httpx.Response(status)))
    assert info.value.status == status and str(info.value) == text and info.value.retry_after is None


def test_retry_after_seconds_and_date() -> None:
    with pytest.raises(FetchError) as info:
        run(_get(lambda r: httpx.Response(429, headers={"Retry-After": "120"}), now=NOW))
    assert info.value.status == 429 and info.value.retry_after == 120
    when = "Tue, 16 Mar 2021 01:05:00 GMT"
    with pytest.raises(FetchError) as info:
        run(_get(lambda r: httpx.Response(503, headers={"Retry-After": when}), now=NOW))
    assert info.value.retry_after == 300
    assert parse_retry_after("garbage", NOW) is None
    assert parse_retry_after("Tue, 16 Mar 2021 00:00:00 GMT", NOW) == 0
    assert status_error(500, "60", NOW).retry_after is None  # only 429/503 carry it


def test_max_age_capped() -> None:
    assert not_before("max-age=999999999", NOW) == NOW + timedelta(days=1)
    assert not_before("no-cache", NOW) is None
    assert not_before("s-maxage=5, max-age=0", NOW) is None
    assert not_before(None, NOW) is None


def test_body_cap_by_content_length_and_stream() -> None:
    with pytest.raises(FetchError, match="body exceeds 1000 bytes"):
        run(_get(lambda r: httpx.Response(200, content=b"x" * 1001)))

    async def endless() -> object:
        while True:
            yield b"y" * 300

    with pytest.raises(FetchError, match="body exceeds 1000 bytes"):
        run(_get(lambda r: httpx.Response(200, content=endless())))


def test_gzip_bomb_hits_cap() -> None:
    bomb = gzip.compress(b"\0" * 2_000_000)
    with pytest.raises(FetchError, match="body exceeds"):
        run(_get(lambda r: httpx.Response(200, content=bomb, headers={"Content-Encoding": "gzip"})))


def test_transport_error_mapped() -> None:
    def handler(req: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("refused", request=req)

    with pytest.raises(FetchError, match="network error") as info:
        run(_get(handler))
    assert isinstance(info.value.__cause__, httpx.ConnectError)


def test_per_host_limit_and_spacing() -> None:
    active: dict[str, int] = {}
    peak: dict[str, int] = {}
    starts: list[float] = []

    async def handler(req: httpx.Request) -> httpx.Response:
        h = req.url.host
        starts.append(time.monotonic()) if h == "slow.example" else None
        active[h] = active.get(h, 0) + 1
        peak[h] = max(peak.get(h, 0), active[h])
        await asyncio.sleep(0.02)
        active[h] -= 1
        return httpx.Response(200)

    async def main() -> None:
        async with Fetcher(timeout=5, max_body=100, max_redirects=1, per_host=2, concurrency=3,
                           transport=httpx.MockTransport(handler)) as f:
            await asyncio.gather(*(f.get(f"http://a.example/{i}") for i in range(6)),
                                 *(f.get(f"http://b.example/{i}") for i in range(6)))
            await asyncio.gather(*(f.get(f"http://slow.example/{i}", delay=0.05) for i in range(3)))

    run(main())
    assert peak["a.example"] <= 2 and peak["b.example"] <= 2
    gaps = [b - a for a, b in zip(starts, starts[1:], strict=False)]
    assert len(gaps) == 2 and all(g >= 0.045 for g in gaps)


# --- a real server on 127.0.0.1 ---------------------------------------------------


class _Handler(BaseHTTPRequestHandler):
    stop = threading.Event()

    def log_message(self, *args: object) -> None:
        pass

    def _send(self, code: int, body: bytes = b"", **headers: str) -> None:
        self.send_response(code)
        for k, v in headers.items():
            self.send_header(k.replace("_", "-"), v)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:  # noqa: C901 - one route table
        p = self.path
        try:
            if p == "/ok":
                self._send(200, "<rss>中文</rss>".encode(), Content_Type="application/rss+xml; charset=utf-8")
            elif p == "/gzip":
                self._send(200, gzip.compress(b"<rss>" + b"a" * 5000 + b"</rss>"), Content_Encoding="gzip")
            elif p == "/304":
                if self.headers.get("If-None-Match") == '"e1"':
                    self.send_response(304)
                    self.end_headers()
                else:
                    self._send(200, b"x", ETag='"e1"')
            elif p == "/500":
                self._send(500, b"oops")
            elif p == "/429":
                self._send(429, b"", Retry_After="7")
            elif p.startswith("/loop"):
                self._send(302, b"", Location="/loop2" if p == "/loop1" else "/loop1")
            elif p == "/stall":
                self.stop.wait(5)
            elif p == "/trickle":
                self.send_response(200)
                self.send_header("Content-Length", "100000")
                self.end_headers()
                for _ in range(100):
                    if self.stop.wait(0.1):
                        break
                    self.wfile.write(b"x")
                    self.wfile.flush()
            elif p == "/endless":
                self.send_response(200)
                self.end_headers()
                while not self.stop.is_set():
                    self.wfile.write(b"z" * 65536)
            else:
                self._send(404)
        except (BrokenPipeError, ConnectionResetError):
            pass


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    _Handler.stop.clear()
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        _Handler.stop.set()
        httpd.shutdown()
        httpd.server_close()
        thread.join(5)


async def _real(url: str, **kw):  # type: ignore[no-untyped-def]
    async with Fetcher(timeout=kw.pop("timeout", 0.5), max_body=kw.pop("max_body", 100_000), max_redirects=5) as f:
        return await f.get(url, **kw)


def test_real_ok_gzip_304(server: str) -> None:
    assert run(_real(server + "/ok")).body.decode() == "<rss>中文</rss>"
    assert run(_real(server + "/gzip")).body.startswith(b"<rss>aaa")
    first = run(_real(server + "/304"))
    again = run(_real(server + "/304", etag=first.etag))
    assert first.status == 200 and again.status == 304 and again.body == b""


def test_real_errors(server: str) -> None:
    with pytest.raises(FetchError, match="HTTP 500") as info:
        run(_real(server + "/500"))
    assert info.value.status == 500
    with pytest.raises(FetchError) as info:
        run(_real(server + "/429"))
    assert info.value.status == 429 and info.value.retry_after == 7
    with pytest.raises(FetchError, match="redirect loop"):
        run(_real(server + "/loop1"))
    with pytest.raises(FetchError, match="body exceeds 200000 bytes"):
        run(_real(server + "/endless", max_body=200_000))
    with pytest.raises(FetchError, match="network error"):
        run(_real("http://127.0.0.1:9/closed-port"))


@pytest.mark.parametrize("path", ["/stall", "/trickle"])
def test_real_deadline(server: str, path: str) -> None:
    t0 = time.monotonic()
    with pytest.raises(FetchError, match="timed out after 0.5 s"):
        run(_real(server + path))
    assert time.monotonic() - t0 < 1.5
