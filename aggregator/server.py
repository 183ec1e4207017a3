"""HTTP serving of the published feeds, from the daemon's process (the only aiohttp user).

Owns: the routes of SPEC's HTTP section — ``/feeds/<topic>.atom`` (ETag, Last-Modified,
304, gzip, Cache-Control), ``/`` (an HTML listing of topics and source states), ``/opml``
and ``/health`` — and an in-memory cache of feed bytes. Does not own: writing the feeds
(``atom``/``pipeline`` do, atomically), fetching anything, or scheduling.

Routing is done by hand on the *raw* request target: one regular expression over the
undecoded path decides what is served, so percent-encoded dots or slashes, ``..`` and
every path that is not exactly a published topic can never reach the filesystem.
"""

from __future__ import annotations

import gzip
import hashlib
import html
import json
import logging
import os
import re
import stat
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import format_datetime, parsedate_to_datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol
from urllib.parse import urlsplit

from aiohttp import web

from .atom import topics_opml
from .config import Config

if TYPE_CHECKING:
    from .model import SourceState

log = logging.getLogger(__name__)

_FEED_RE = re.compile(r"^/feeds/([A-Za-z0-9_-]+)\.atom$")
_METHODS = ("GET", "HEAD")
#: longest max-age given to feeds; shorter when a source polls more often
MAX_AGE = 300
ATOM_TYPE = "application/atom+xml"


class StateSource(Protocol):
    """What the server needs from the store: read-only source states and the item count."""

    def states(self) -> dict[str, SourceState]: ...

    def count(self) -> int: ...


@dataclass(slots=True)
class _Cached:
    """One feed file as last read: bytes, validators, and its gzip form made on demand."""

    key: tuple[int, int, int]  # (inode, mtime_ns, size): a replaced file gets a new inode
    data: bytes
    etag: str  # opaque tag without quotes or the -gz suffix
    last_modified: datetime
    gz: bytes | None = None


@dataclass(slots=True)
class _FeedCache:
    entries: dict[str, _Cached] = field(default_factory=dict)

    def get(self, path: Path) -> _Cached | None:
        """The feed at `path`, read again only when the file changed; None when absent."""
        name = str(path)
        try:
            st = os.stat(path)
        except OSError:
            self.entries.pop(name, None)
            return None
        if not stat.S_ISREG(st.st_mode):
            return None
        hit = self.entries.get(name)
        if hit is not None and hit.key == (st.st_ino, st.st_mtime_ns, st.st_size):
            return hit
        try:
            # read through one descriptor so bytes and stat describe the same file even when
            # the publisher os.replace()s it in between
            with open(path, "rb") as f:
                fst = os.fstat(f.fileno())
                data = f.read()
        except OSError:
            return None
        entry = _Cached(
            key=(fst.st_ino, fst.st_mtime_ns, fst.st_size),
            data=data,
            etag=hashlib.sha256(data).hexdigest()[:32],
            last_modified=datetime.fromtimestamp(int(fst.st_mtime), UTC),
        )
        self.entries[name] = entry
        return entry


def _accepts_gzip(header: str | None) -> bool:
    """Whether Accept-Encoding allows gzip (RFC 9110 §12.5.3), q=0 meaning "not acceptable"."""
    if not header:
        return False
    star: bool | None = None
    for part in header.split(","):
        token, _, params = part.strip().partition(";")
        token = token.strip().lower()
        q = 1.0
        for p in params.split(";"):
            k, _, v = p.strip().partition("=")
            if k.strip().lower() == "q":
                try:
                    q = float(v)
                except ValueError:
                    q = 0.0
        if token in ("gzip", "x-gzip"):
            return q > 0
        if token == "*":
            star = q > 0
    return bool(star)


def _etag_matches(header: str, tag: str) -> bool:
    """If-None-Match uses the weak comparison (RFC 9110 §13.1.2); both encodings match."""
    for raw in header.split(","):
        candidate = raw.strip()
        if candidate == "*":
            return True
        if candidate.startswith("W/"):
            candidate = candidate[2:]
        candidate = candidate.strip('"')
        if candidate.endswith("-gz"):
            candidate = candidate[:-3]
        if candidate == tag:
            return True
    return False


def _not_modified(request: web.Request, entry: _Cached) -> bool:
    inm = request.headers.get("If-None-Match")
    if inm is not None:
        # RFC 9110 §13.2.2: when If-None-Match is present If-Modified-Since is ignored
        return _etag_matches(inm, entry.etag)
    ims = request.headers.get("If-Modified-Since")
    if ims:
        try:
            since = parsedate_to_datetime(ims)
        except (TypeError, ValueError, IndexError):
            return False
        if since.tzinfo is None:
            since = since.replace(tzinfo=UTC)
        return entry.last_modified <= since
    return False


def _max_age(config: Config) -> int:
    intervals = [s.interval for s in config.sources if s.enabled]
    return max(10, min([MAX_AGE, *intervals]))


def _fmt_time(value: datetime | None) -> str:
    if value is None:
        return "—"
    return value.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%SZ")


class _Handler:
    def __init__(self, get_config: Callable[[], Config], store: StateSource) -> None:
        self.get_config = get_config
        self.store = store
        self.cache = _FeedCache()
        self._derived: tuple[Config, frozenset[str], int] | None = None

    def _topics_and_max_age(self, config: Config) -> tuple[frozenset[str], int]:
        """Per-config values, recomputed only when a reload brings a new Config object."""
        if self._derived is None or self._derived[0] is not config:
            self._derived = (config, frozenset(t.id for t in config.topics), _max_age(config))
        return self._derived[1], self._derived[2]

    async def dispatch(self, request: web.Request) -> web.StreamResponse:
        path = request.raw_path.split("?", 1)[0]
        if not path.startswith("/"):  # absolute-form request target (RFC 9112 §3.2.2)
            path = urlsplit(path).path
        m = _FEED_RE.match(path)
        if m:
            route: Callable[[web.Request], web.StreamResponse] = lambda r: self.feed(r, m.group(1))  # noqa: E731
        elif path == "/":
            route = self.index
        elif path == "/opml":
            route = self.opml
        elif path == "/health":
            route = self.health
        else:
            raise web.HTTPNotFound()
        if request.method not in _METHODS:
            raise web.HTTPMethodNotAllowed(request.method, list(_METHODS))
        return route(request)

    def feed(self, request: web.Request, topic_id: str) -> web.StreamResponse:
        config = self.get_config()
        topic_ids, max_age = self._topics_and_max_age(config)
        if topic_id not in topic_ids:
            raise web.HTTPNotFound()
        entry = self.cache.get(config.feeds_dir / f"{topic_id}.atom")
        if entry is None:
            raise web.HTTPNotFound()
        use_gz = _accepts_gzip(request.headers.get("Accept-Encoding"))
        headers = {
            "ETag": f'"{entry.etag}-gz"' if use_gz else f'"{entry.etag}"',
            "Last-Modified": format_datetime(entry.last_modified, usegmt=True),
            "Cache-Control": f"public, max-age={max_age}",
            "Vary": "Accept-Encoding",
        }
        if _not_modified(request, entry):
            return web.Response(status=304, headers=headers)
        body = entry.data
        if use_gz:
            if entry.gz is None:
                # mtime=0 keeps the gzip bytes a pure function of the feed bytes
                entry.gz = gzip.compress(entry.data, compresslevel=6, mtime=0)
            body = entry.gz
            headers["Content-Encoding"] = "gzip"
        headers["Content-Type"] = f"{ATOM_TYPE}; charset=utf-8"
        return web.Response(body=body, headers=headers)

    def _states(self) -> dict[str, SourceState]:
        try:
            return self.store.states()
        except Exception:  # the page must still render when the store is unhappy
            log.exception("server: cannot read source states")
            return {}

    def index(self, request: web.Request) -> web.StreamResponse:
        config = self.get_config()
        states = self._states()
        e = html.escape
        rows = []
        for t in config.topics:
            href = f"feeds/{t.id}.atom"
            exists = (config.feeds_dir / f"{t.id}.atom").is_file()
            rows.append(
                f'<li><a href="{e(href)}">{e(t.title or t.id)}</a> <code>{e(t.id)}</code>'
                f"{'' if exists else ' (not published yet)'}</li>"
            )
        srows = []
        for s in config.sources:
            st = states.get(s.id)
            state = st.state if st is not None else "never"
            if not s.enabled:
                state = "disabled"
            srows.append(
                "<tr>"
                f"<td><code>{e(s.id)}</code></td><td><a href=\"{e(s.url)}\" rel=\"noreferrer\">{e(s.name or s.id)}</a></td>"
                f"<td class=\"{e(state)}\">{e(state)}</td>"
                f"<td>{e(_fmt_time(st.last_success if st else None))}</td>"
                f"<td>{e(st.last_error or '') if st else ''}</td>"
                f"<td>{e(_fmt_time(st.next_poll if st else None))}</td>"
                f"<td>{st.items if st else 0}</td>"
                "</tr>"
            )
        page = (
            "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            "<title>aggregator</title>"
            "<style>body{font-family:sans-serif;margin:2em}td,th{padding:.2em .6em;text-align:left}"
            ".error{color:#b00}.ok{color:#070}</style></head><body>"
            "<h1>Topics</h1><ul>" + "".join(rows) + "</ul>"
            '<p><a href="opml">OPML of all topics</a> · <a href="health">health</a></p>'
            "<h1>Sources</h1><table><tr><th>id</th><th>name</th><th>state</th><th>last success</th>"
            "<th>last error</th><th>next poll</th><th>items</th></tr>" + "".join(srows) + "</table>"
            "</body></html>\n"
        )
        return web.Response(
            text=page, content_type="text/html", charset="utf-8", headers={"Cache-Control": "no-cache"}
        )

    def opml(self, request: web.Request) -> web.StreamResponse:
        config = self.get_config()
        return web.Response(
            body=topics_opml(config.topics, config.base_url),
            headers={"Content-Type": "text/x-opml; charset=utf-8", "Cache-Control": "no-cache"},
        )

    def health(self, request: web.Request) -> web.StreamResponse:
        config = self.get_config()
        states = self._states()
        counts = {"ok": 0, "error": 0, "never": 0}
        for s in config.sources:
            if not s.enabled:
                continue
            st = states.get(s.id)
            counts[st.state if st is not None else "never"] += 1
        try:
            items = self.store.count()
        except Exception:
            log.exception("server: cannot count items")
            items = -1
        body: dict[str, Any] = {
            "status": "degraded" if counts["error"] or items < 0 else "ok",
            "sources": counts,
            "items": items,
            "topics": [t.id for t in config.topics],
        }
        return web.Response(
            text=json.dumps(body, ensure_ascii=False),
            content_type="application/json",
            headers={"Cache-Control": "no-cache"},
        )


def make_app(get_config: Callable[[], Config], store: StateSource) -> web.Application:
    """The application; `get_config` is called per request so a reload is seen at once."""
    app = web.Application()
    app.router.add_route("*", "/{tail:.*}", _Handler(get_config, store).dispatch)
    return app


@dataclass(slots=True)
class Server:
    """A running server: `port` is the bound port (useful with port 0); `await stop()` ends it."""

    runner: web.AppRunner
    host: str
    port: int

    async def stop(self) -> None:
        await self.runner.cleanup()


async def start(get_config: Callable[[], Config], store: StateSource) -> Server:
    """Bind config.server.host:port (127.0.0.1 unless configured) and serve until stopped.

    Raises OSError when the address cannot be bound.
    """
    config = get_config()
    runner = web.AppRunner(make_app(get_config, store), handle_signals=False, shutdown_timeout=1.0)
    await runner.setup()
    site = web.TCPSite(runner, config.server.host, config.server.port)
    try:
        await site.start()
    except BaseException:
        await runner.cleanup()
        raise
    port = config.server.port
    server = getattr(site, "_server", None)
    if server is not None and server.sockets:
        port = server.sockets[0].getsockname()[1]
    log.info("serving http://%s:%d/", config.server.host, port)
    return Server(runner=runner, host=config.server.host, port=port)
