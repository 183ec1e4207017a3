"""A loopback feed farm: N feeds × 20 items of ~30 KB on 127.0.0.1, fast enough not to be the bottleneck.

    python benchmarks/farm.py [--feeds 1000] [--port 0] [--procs 1] [--fraction 0.1]   # serve until ^C

Owns: rendering the feeds (RSS 2.0 for even feed numbers, Atom 1.0 for odd ones, Chinese and
English text), a raw asyncio HTTP/1.1 server (keep-alive, strong ETag, Last-Modified, 304 on
If-None-Match / If-Modified-Since) and optional rotation. Does not own any measurement.

Speed: every item's ~30 KB body is one of `POOL` bodies pre-rendered once as bytes (each item
still gets its own title, link, guid, date and first paragraph, so items are distinct for dedup
and content hashes); a response is a `b"".join` of ~60 pre-rendered segments, no templating at
request time. Several server processes may share the port with SO_REUSEPORT (`procs`).

Rotation: the farm has an epoch (shared memory, so every server process agrees). At epoch e,
feed i gained `NEW_PER_ROTATION` new items at each epoch k ≤ e where hash(i, k) falls under
`fraction`; its version is the number of such epochs and its ETag/Last-Modified follow it.
`Farm.rotate()` advances the epoch. Paths: ``/feed/<i>.xml``; anything else is 404.
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import multiprocessing as mp
import os
import random
import signal
import socket
import sys
import time
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime, parsedate_to_datetime
from html import escape

ITEMS = 20
NEW_PER_ROTATION = 3
POOL = 64
ITEM_BYTES = 30_000
BASE_TIME = datetime(2026, 1, 1, 8, 0, tzinfo=UTC)

_ZH = (
    "国务院常务会议", "研究部署", "进一步优化营商环境", "推动高质量发展", "各地区各部门", "要坚持稳中求进工作总基调",
    "深化放管服改革", "加强基层治理", "生态环境保护", "乡村振兴战略", "数字政府建设", "政务公开", "民生保障",
    "就业优先政策", "财政资金直达基层", "安全生产责任", "依法行政", "统筹发展和安全", "科技创新", "教育公平",
    "医疗卫生服务", "养老服务体系", "住房保障", "交通基础设施", "新型城镇化", "对外开放", "区域协调发展",
    "市场监管总局", "国家发展改革委", "财政部", "生态环境部", "据新华社北京电", "记者从有关部门获悉",
)
_EN = (
    "The State Council", "announced new measures", "to stabilise employment", "and support small firms",
    "local governments", "are required to", "publish the implementation rules", "within thirty days",
    "according to a statement", "released on Monday", "the ministry said", "pilot programmes",
    "in several provinces", "will be expanded", "public consultation", "ends next month",
)


def _sentence(rng: random.Random) -> str:
    if rng.random() < 0.7:
        return "，".join(rng.choice(_ZH) for _ in range(rng.randint(3, 7))) + "。"
    return " ".join(rng.choice(_EN) for _ in range(rng.randint(4, 9))).capitalize() + ". "


def _body_html(rng: random.Random, item_bytes: int) -> str:
    """~item_bytes of article HTML of the kind gov portals put in feed descriptions."""
    parts: list[str] = []
    size = 0
    n = 0
    while size < item_bytes:
        n += 1
        if n % 9 == 0:
            p = f'<p style="text-align:center"><img src="/images/{rng.randrange(10**6)}.jpg" alt="图片{n}" /></p>'
        elif n % 7 == 0:
            p = f'<p><strong>{_sentence(rng)}</strong><a href="/art/{rng.randrange(10**6)}.html">附件{n}</a></p>'
        else:
            p = "<p>" + "".join(_sentence(rng) for _ in range(rng.randint(2, 5))) + "</p>"
        parts.append(p)
        size += len(p.encode())
    return "\n".join(parts)


def _hash01(i: int, k: int) -> float:
    h = hashlib.blake2b(f"{i}:{k}".encode(), digest_size=8).digest()
    return int.from_bytes(h, "big") / 2**64


class Feeds:
    """Pre-rendered segments and the epoch → version arithmetic; no I/O."""

    def __init__(self, n: int, fraction: float = 0.0, seed: int = 1, item_bytes: int = ITEM_BYTES) -> None:
        self.n = n
        self.fraction = fraction
        rng = random.Random(seed)
        bodies = [_body_html(rng, item_bytes) for _ in range(POOL)]
        # RSS carries the HTML in CDATA; Atom escapes it inside type="html".
        self.rss_bodies = [b.encode() for b in bodies]
        self.atom_bodies = [escape(b, quote=False).encode() for b in bodies]
        self._versions: dict[int, list[int]] = {}

    def version(self, i: int, epoch: int) -> int:
        if self.fraction <= 0 or epoch <= 0:
            return 0
        # versions[i][e] for e = 0..known: a list of small ints per feed (~1 MB for 1,000 feeds ×
        # 100 epochs), so the harness measuring memory in this process does not grow a big dict
        vs = self._versions.setdefault(i, [0])
        while len(vs) <= epoch:
            vs.append(vs[-1] + (1 if _hash01(i, len(vs)) < self.fraction else 0))
        return vs[epoch]

    def modified(self, i: int, version: int) -> datetime:
        return BASE_TIME + timedelta(minutes=i % 60, hours=version)

    def etag(self, i: int, version: int) -> str:
        return f'"f{i}-v{version}"'

    def render(self, i: int, version: int) -> bytes:
        newest = version * NEW_PER_ROTATION + ITEMS - 1
        ks = range(newest, newest - ITEMS, -1)
        return self._rss(i, version, ks) if i % 2 == 0 else self._atom(i, version, ks)

    def _item_meta(self, i: int, k: int) -> tuple[str, str, datetime, int]:
        title = f"关于印发第{k}号通知的说明 · Notice {k} of feed {i}"
        link = f"http://www{i % 50}.example.gov.cn/xxgk/{2026}/t{i}_{k}.html"
        date = BASE_TIME + timedelta(minutes=i % 60, hours=k)
        return title, link, date, (i * 7919 + k) % POOL

    def _rss(self, i: int, version: int, ks: range) -> bytes:
        seg = [
            f'<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel>'
            f"<title>第{i}号源 · 政务要闻</title><link>http://www{i % 50}.example.gov.cn/</link>"
            f"<description>farm feed {i}</description><language>zh-cn</language>"
            f"<lastBuildDate>{format_datetime(self.modified(i, version), usegmt=True)}</lastBuildDate>".encode()
        ]
        for k in ks:
            title, link, date, body = self._item_meta(i, k)
            seg.append(
                f"<item><title>{escape(title)}</title><link>{link}</link><guid>{link}</guid>"
                f"<pubDate>{format_datetime(date, usegmt=True)}</pubDate><author>办公厅</author>"
                f"<category>政策</category><description><![CDATA[<p>第{k}条：本文为第{i}号源的第{k}篇文章。</p>".encode()
            )
            seg.append(self.rss_bodies[body])
            seg.append(b"]]></description></item>")
        seg.append(b"</channel></rss>")
        return b"".join(seg)

    def _atom(self, i: int, version: int, ks: range) -> bytes:
        seg = [
            f'<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">'
            f"<title>Farm feed {i} · 新闻发布</title><id>urn:farm:{i}</id>"
            f'<link href="http://www{i % 50}.example.gov.cn/"/>'
            f"<updated>{self.modified(i, version).isoformat()}</updated>".encode()
        ]
        for k in ks:
            title, link, date, body = self._item_meta(i, k)
            seg.append(
                f'<entry><title>{escape(title)}</title><link href="{link}"/><id>{link}</id>'
                f"<published>{date.isoformat()}</published><updated>{date.isoformat()}</updated>"
                f'<author><name>Press Office</name></author><category term="news"/>'
                f'<content type="html">&lt;p&gt;第{k}条：本文为第{i}号源的第{k}篇文章。&lt;/p&gt;'.encode()
            )
            seg.append(self.atom_bodies[body])
            seg.append(b"</content></entry>")
        seg.append(b"</feed>")
        return b"".join(seg)


class _Http(asyncio.Protocol):
    """Minimal HTTP/1.1 GET server: enough for httpx, requests and wrk; keep-alive, no pipelining games."""

    def __init__(self, feeds: Feeds, epoch: object) -> None:
        self.feeds = feeds
        self.epoch = epoch
        self.buf = b""
        self.transport: asyncio.Transport | None = None

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = transport  # type: ignore[assignment]

    def data_received(self, data: bytes) -> None:
        self.buf += data
        while b"\r\n\r\n" in self.buf:
            head, self.buf = self.buf.split(b"\r\n\r\n", 1)
            self._answer(head)
        if len(self.buf) > 65536:
            assert self.transport is not None
            self.transport.close()

    def _answer(self, head: bytes) -> None:
        assert self.transport is not None
        lines = head.decode("latin-1").split("\r\n")
        parts = lines[0].split(" ")
        headers = {}
        for line in lines[1:]:
            name, _, value = line.partition(":")
            headers[name.strip().lower()] = value.strip()
        path = parts[1] if len(parts) > 1 else ""
        close = headers.get("connection", "").lower() == "close"
        i = -1
        if parts[0] in ("GET", "HEAD") and path.startswith("/feed/") and path.endswith(".xml"):
            num = path[6:-4]
            if num.isdigit() and int(num) < self.feeds.n:
                i = int(num)
        if i < 0:
            self._send(b"404 Not Found", [], b"not found\n", close)
            return
        v = self.feeds.version(i, self.epoch.value)  # type: ignore[attr-defined]
        etag = self.feeds.etag(i, v)
        modified = self.feeds.modified(i, v)
        lm = format_datetime(modified, usegmt=True)
        hdrs = [f"ETag: {etag}", f"Last-Modified: {lm}"]
        inm = headers.get("if-none-match")
        fresh = False
        if inm is not None:
            fresh = etag in [t.strip() for t in inm.split(",")] or inm.strip() == "*"
        elif "if-modified-since" in headers:
            try:
                fresh = parsedate_to_datetime(headers["if-modified-since"]) >= modified
            except (TypeError, ValueError):
                fresh = False
        if fresh:
            self._send(b"304 Not Modified", hdrs, b"", close, length=False)
            return
        ctype = "application/rss+xml" if i % 2 == 0 else "application/atom+xml"
        body = self.feeds.render(i, v)
        self._send(b"200 OK", hdrs + [f"Content-Type: {ctype}; charset=utf-8"], body if parts[0] == "GET" else b"",
                   close, clen=len(body))

    def _send(self, status: bytes, hdrs: list[str], body: bytes, close: bool, *, length: bool = True,
              clen: int | None = None) -> None:
        assert self.transport is not None
        extra = list(hdrs)
        if length:
            extra.append(f"Content-Length: {clen if clen is not None else len(body)}")
        if close:
            extra.append("Connection: close")
        head = b"HTTP/1.1 " + status + b"\r\n" + "".join(h + "\r\n" for h in extra).encode() + b"\r\n"
        self.transport.write(head + body if len(body) < 16384 else head)
        if len(body) >= 16384:
            self.transport.write(body)
        if close:
            self.transport.close()


def _listener(port: int) -> socket.socket:
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    s.bind(("127.0.0.1", port))
    s.listen(1024)
    s.setblocking(False)
    return s


def _serve(sock: socket.socket, feeds: Feeds, epoch: object, ready: object) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    parent = os.getppid()

    async def main() -> None:
        loop = asyncio.get_running_loop()
        server = await loop.create_server(lambda: _Http(feeds, epoch), sock=sock)
        ready.set()  # type: ignore[attr-defined]
        async with server:
            # a harness killed without cleanup must not leave its farm serving
            while os.getppid() == parent:
                await asyncio.sleep(1)

    asyncio.run(main())


class Farm:
    """Start with `start()` (forks `procs` server processes), stop with `stop()`; a context manager."""

    def __init__(self, feeds: int = 1000, *, fraction: float = 0.0, procs: int = 1, port: int = 0,
                 item_bytes: int = ITEM_BYTES) -> None:
        self.n = feeds
        self.procs = procs
        self.feeds = Feeds(feeds, fraction, item_bytes=item_bytes)
        ctx = mp.get_context("fork")
        self._ctx = ctx
        self._epoch = ctx.Value("i", 0, lock=False)
        self._procs: list[mp.process.BaseProcess] = []
        self._sock = _listener(port)
        self.port = self._sock.getsockname()[1]

    def url(self, i: int) -> str:
        return f"http://127.0.0.1:{self.port}/feed/{i}.xml"

    @property
    def epoch(self) -> int:
        return int(self._epoch.value)

    def rotate(self) -> int:
        self._epoch.value += 1
        return int(self._epoch.value)

    def changed(self, epoch: int | None = None) -> int:
        """How many feeds changed between epoch-1 and epoch (for reports)."""
        e = self.epoch if epoch is None else epoch
        return sum(1 for i in range(self.n) if self.feeds.version(i, e) != self.feeds.version(i, e - 1))

    def start(self) -> Farm:
        for k in range(self.procs):
            sock = self._sock if k == 0 else _listener(self.port)
            ready = self._ctx.Event()
            p = self._ctx.Process(target=_serve, args=(sock, self.feeds, self._epoch, ready), daemon=True)
            p.start()
            ready.wait(30)
            if sock is not self._sock:
                sock.close()
            self._procs.append(p)
        return self

    def stop(self) -> None:
        for p in self._procs:
            if p.is_alive() and p.pid:
                os.kill(p.pid, signal.SIGTERM)
        for p in self._procs:
            p.join(5)
        self._procs.clear()
        self._sock.close()

    def __enter__(self) -> Farm:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--feeds", type=int, default=1000)
    ap.add_argument("--port", type=int, default=0)
    ap.add_argument("--procs", type=int, default=1)
    ap.add_argument("--item-kb", type=float, default=ITEM_BYTES / 1000, help="item body size, KB")
    ap.add_argument("--fraction", type=float, default=0.0, help="share of feeds that change per epoch")
    ap.add_argument("--rotate-every", type=float, default=0.0, help="seconds between epochs (0: never)")
    args = ap.parse_args(argv)
    farm = Farm(args.feeds, fraction=args.fraction, procs=args.procs, port=args.port,
               item_bytes=int(args.item_kb * 1000)).start()
    signal.signal(signal.SIGTERM, signal.default_int_handler)  # stop the server processes too
    print(f"farm: {args.feeds} feeds at http://127.0.0.1:{farm.port}/feed/<i>.xml", flush=True)
    try:
        while True:
            if args.rotate_every > 0:
                time.sleep(args.rotate_every)
                farm.rotate()
            else:
                signal.pause()
    except KeyboardInterrupt:
        pass
    finally:
        farm.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
