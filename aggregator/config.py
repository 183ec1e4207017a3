"""Load and validate the TOML config into frozen objects, in one pass.

Owns: the config schema, defaults, duration/size parsing, path resolution.
Does not own: editing the file (configedit), or any global state — the
`Config` object is passed down explicitly. Every mistake raises ConfigError
naming the file, the key path (``sources[3].interval``) or line, and the reason.
"""

from __future__ import annotations

import math
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from .errors import ConfigError

DEFAULT_CONFIG_PATH = "config/aggregator.toml"
ID_RE = re.compile(r"[A-Za-z0-9_-]+")
_DURATION_RE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(s|m|h|d|w)?\s*$")
_UNITS = {None: 1, "s": 1, "m": 60, "h": 3600, "d": 86400, "w": 604800}
_SIZE_RE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(b|kb|k|mb|m|gb|g)?\s*$", re.I)
_SIZES = {None: 1, "b": 1, "k": 1024, "kb": 1024, "m": 1024**2, "mb": 1024**2, "g": 1024**3, "gb": 1024**3}
KINDS = ("feed", "html")


@dataclass(frozen=True, slots=True)
class Selectors:
    """Per-source CSS selectors for HTML pages; each overrides auto-detection."""

    title: str | None = None
    published: str | None = None
    content: str | None = None
    author: str | None = None
    publisher: str | None = None
    origin: str | None = None
    next_page: str | None = None
    #: elements to drop from the article body before extraction
    remove: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class SourceConfig:
    id: str
    url: str
    kind: str = "feed"
    name: str = ""
    interval: int = 1800
    topics: tuple[str, ...] = ()
    enabled: bool = True
    #: html: CSS selector for article links on the list page
    links: str | None = None
    selectors: Selectors = field(default_factory=Selectors)
    #: force a charset instead of detecting one
    encoding: str | None = None
    #: zone for dates without one; None = the global one
    timezone: str | None = None
    #: html: list pages to read on the first poll (later polls stop at known links)
    pages: int = 2
    #: html: most article pages fetched in one poll
    max_articles: int = 50
    #: html: how often an already fetched article is re-checked for changes
    recheck: int = 86400
    #: seconds between two requests to this source's host
    delay: float | None = None
    #: retention: most items kept for this source (0 = no limit)
    keep: int | None = None

    @property
    def host(self) -> str:
        return (urlsplit(self.url).hostname or "").lower()


@dataclass(frozen=True, slots=True)
class TopicConfig:
    id: str
    title: str = ""
    keywords: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    #: most entries in the published feed; None = the global max_entries
    max_entries: int | None = None


@dataclass(frozen=True, slots=True)
class ServerConfig:
    host: str = "127.0.0.1"
    port: int = 8080


@dataclass(frozen=True, slots=True)
class Config:
    path: Path
    data_dir: Path
    feeds_dir: Path
    base_url: str = "http://127.0.0.1:8080/"
    timezone: str = "Asia/Shanghai"
    interval: int = 1800
    timeout: float = 20.0
    #: response bodies are cut off (and the fetch fails) past this many bytes
    max_body: int = 10 * 1024 * 1024
    max_redirects: int = 10
    #: parallel requests in all
    concurrency: int = 16
    #: parallel requests to one host
    per_host: int = 2
    #: seconds between requests to one host (html sources default to 1 per host)
    host_delay: float = 0.0
    #: entries per published topic feed
    max_entries: int = 100
    #: retention: items older than this many seconds and no longer listed are dropped (0 = keep)
    keep_age: int = 365 * 86400
    #: retention: most items kept per source (0 = no limit)
    keep_per_source: int = 2000
    #: cap on the backoff of a failing source, seconds
    max_backoff: int = 12 * 3600
    user_agent: str | None = None
    server: ServerConfig = field(default_factory=ServerConfig)
    sources: tuple[SourceConfig, ...] = ()
    topics: tuple[TopicConfig, ...] = ()

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    def source(self, source_id: str) -> SourceConfig:
        for s in self.sources:
            if s.id == source_id:
                return s
        raise KeyError(source_id)

    def source_tz(self, source: SourceConfig) -> ZoneInfo:
        return ZoneInfo(source.timezone or self.timezone)

    def topic_max_entries(self, topic: TopicConfig) -> int:
        return topic.max_entries if topic.max_entries is not None else self.max_entries


def parse_duration(value: Any) -> int:
    """Seconds from 90, "90s", "15m", "2h", "1d", "1w". Raises ValueError."""
    if isinstance(value, bool):
        raise ValueError("expected a duration such as 900, \"15m\" or \"2h\"")
    if isinstance(value, int | float):
        if not math.isfinite(value) or value > 10 * 365 * 86400:
            raise ValueError(f"{value!r} is not a usable duration")
        if value < 0:
            raise ValueError("a duration cannot be negative")
        return int(value)
    if isinstance(value, str):
        m = _DURATION_RE.match(value.lower())
        if m:
            seconds = float(m.group(1)) * _UNITS[m.group(2)]
            if seconds > 10 * 365 * 86400:
                raise ValueError(f"{value!r} is longer than ten years")
            return int(seconds)
    raise ValueError(f"{value!r} is not a duration such as 900, \"90s\", \"15m\" or \"2h\"")


def parse_size(value: Any) -> int:
    """Bytes from 1048576, "512KB", "10MB". Raises ValueError."""
    if isinstance(value, int) and not isinstance(value, bool) and value > 0:
        return value
    if isinstance(value, str):
        m = _SIZE_RE.match(value)
        if m:
            unit = m.group(2).lower() if m.group(2) else None
            return int(float(m.group(1)) * _SIZES[unit])
    raise ValueError(f"{value!r} is not a size such as 10485760 or \"10MB\"")


class _Reader:
    """Pulls typed values out of one table, remembering the key path for errors."""

    def __init__(self, path: str, where: str, table: Any) -> None:
        self.file = path
        self.where = where
        if not isinstance(table, dict):
            raise ConfigError(path, where, "must be a table")
        self.table = dict(table)
        self.seen: set[str] = set()

    def _key(self, key: str) -> str:
        return f"{self.where}.{key}" if self.where else key

    def fail(self, key: str | None, reason: str) -> ConfigError:
        return ConfigError(self.file, self._key(key) if key else self.where, reason)

    def get(self, key: str, types: type | tuple[type, ...], default: Any = None, required: bool = False) -> Any:
        self.seen.add(key)
        if key not in self.table:
            if required:
                raise self.fail(key, "is required")
            return default
        value = self.table[key]
        if isinstance(value, bool) and bool not in (types if isinstance(types, tuple) else (types,)):
            raise self.fail(key, f"must be {_type_name(types)}, not a boolean")
        if not isinstance(value, types):
            raise self.fail(key, f"must be {_type_name(types)}, not {type(value).__name__} {value!r}")
        return value

    def str(self, key: str, default: str | None = None, required: bool = False) -> Any:
        v = self.get(key, str, default, required)
        if required and isinstance(v, str) and not v.strip():
            raise self.fail(key, "must not be empty")
        return v

    def strings(self, key: str) -> tuple[str, ...]:
        v = self.get(key, (list, str), [])
        if isinstance(v, str):
            v = [v]
        for i, s in enumerate(v):
            if not isinstance(s, str):
                raise self.fail(f"{key}[{i}]", f"must be a string, not {s!r}")
        return tuple(v)

    def duration(self, key: str, default: int | None) -> Any:
        self.seen.add(key)
        if key not in self.table:
            return default
        try:
            return parse_duration(self.table[key])
        except ValueError as e:
            raise self.fail(key, str(e)) from None

    def positive_int(self, key: str, default: int | None, minimum: int = 1) -> Any:
        v = self.get(key, int, default)
        if v is not None and v < minimum:
            raise self.fail(key, f"must be at least {minimum}, not {v}")
        return v

    def number(self, key: str, default: float | None, minimum: float = 0) -> Any:
        v = self.get(key, (int, float), default)
        if v is not None and not math.isfinite(v):
            raise self.fail(key, f"must be a finite number, not {v}")
        if v is not None and v < minimum:
            raise self.fail(key, f"must be at least {minimum}, not {v}")
        return None if v is None else float(v)

    def done(self) -> None:
        unknown = [k for k in self.table if k not in self.seen]
        if unknown:
            raise self.fail(unknown[0], "unknown key")


def _type_name(types: type | tuple[type, ...]) -> str:
    names = {str: "a string", int: "an integer", float: "a number", bool: "true or false",
             list: "a list", dict: "a table"}
    ts = types if isinstance(types, tuple) else (types,)
    return " or ".join(names.get(t, t.__name__) for t in ts)


def _check_url(r: _Reader, key: str, url: str) -> str:
    try:
        parts = urlsplit(url.strip())
        ok = parts.scheme in ("http", "https") and bool(parts.hostname)
        _ = parts.port  # raises ValueError when out of range
    except ValueError:
        ok = False
    if not ok:
        raise r.fail(key, f"{url!r} is not an http(s) URL")
    return url.strip()


def _check_tz(r: _Reader, key: str, name: str | None) -> str | None:
    if name is None:
        return None
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise r.fail(key, f"unknown timezone {name!r}") from None
    return name


def _check_selector(r: _Reader, key: str, sel: str | None) -> str | None:
    if sel is None:
        return None
    if not sel.strip():
        raise r.fail(key, "an empty CSS selector")
    try:
        from cssselect import GenericTranslator, SelectorError  # ships with lxml's cssselect extra
    except ImportError:  # pragma: no cover - cssselect is a dependency
        return sel
    try:
        GenericTranslator().css_to_xpath(sel)
    except SelectorError as e:
        raise r.fail(key, f"invalid CSS selector {sel!r}: {e}") from None
    return sel


def _source(file: str, i: int, table: Any, default_interval: int) -> SourceConfig:
    r = _Reader(file, f"sources[{i}]", table)
    sid = r.str("id", required=True)
    if not ID_RE.fullmatch(sid):
        raise r.fail("id", f"{sid!r} may hold only letters, digits, '-' and '_'")
    url = _check_url(r, "url", r.str("url", required=True))
    kind = r.str("kind", "feed")
    if kind not in KINDS:
        raise r.fail("kind", f"must be \"feed\" or \"html\", not {kind!r}")
    sel_table = r.get("selectors", dict, {})
    sr = _Reader(file, f"sources[{i}].selectors", sel_table)
    selectors = Selectors(
        title=_check_selector(sr, "title", sr.str("title")),
        published=_check_selector(sr, "published", sr.str("published")),
        content=_check_selector(sr, "content", sr.str("content")),
        author=_check_selector(sr, "author", sr.str("author")),
        publisher=_check_selector(sr, "publisher", sr.str("publisher")),
        origin=_check_selector(sr, "origin", sr.str("origin")),
        next_page=_check_selector(sr, "next_page", sr.str("next_page")),
        remove=tuple(_check_selector(sr, "remove", s) or "" for s in sr.strings("remove")),
    )
    sr.done()
    encoding = r.str("encoding")
    if encoding is not None:
        import codecs

        try:
            codecs.lookup(encoding)
        except LookupError:
            raise r.fail("encoding", f"unknown encoding {encoding!r}") from None
    interval = r.duration("interval", default_interval)
    if interval < 10:
        raise r.fail("interval", "must be at least 10 seconds")
    src = SourceConfig(
        id=sid,
        url=url,
        kind=kind,
        name=r.str("name", ""),
        interval=interval,
        topics=r.strings("topics"),
        enabled=r.get("enabled", bool, True),
        links=_check_selector(r, "links", r.str("links")),
        selectors=selectors,
        encoding=encoding,
        timezone=_check_tz(r, "timezone", r.str("timezone")),
        pages=r.positive_int("pages", 2),
        max_articles=r.positive_int("max_articles", 50),
        recheck=r.duration("recheck", 86400),
        delay=r.number("delay", None),
        keep=r.positive_int("keep", None, minimum=0),
    )
    r.done()
    return src


def _topic(file: str, i: int, table: Any) -> TopicConfig:
    r = _Reader(file, f"topics[{i}]", table)
    tid = r.str("id", required=True)
    if not ID_RE.fullmatch(tid):
        raise r.fail("id", f"{tid!r} may hold only letters, digits, '-' and '_'")
    t = TopicConfig(
        id=tid,
        title=r.str("title", "") or tid,
        keywords=tuple(k for k in r.strings("keywords") if k.strip()),
        exclude=tuple(k for k in r.strings("exclude") if k.strip()),
        sources=r.strings("sources"),
        max_entries=r.positive_int("max_entries", None),
    )
    r.done()
    return t


def parse(text: str, path: str | Path = "<config>", base_dir: Path | None = None) -> Config:
    """Validate TOML text into a Config. Relative paths resolve against `base_dir` (default: cwd)."""
    file = str(path)
    try:
        doc = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        # tomllib puts "(at line N, column M)" in its message
        raise ConfigError(file, None, f"not valid TOML: {e}") from None
    top = _Reader(file, "", doc)
    agg = _Reader(file, "aggregator", top.get("aggregator", dict, {}))
    srv = _Reader(file, "server", top.get("server", dict, {}))
    base = base_dir or Path.cwd()

    def _path(key: str, default: str) -> Path:
        p = Path(agg.str(key, default))
        return p if p.is_absolute() else base / p

    data_dir = _path("data_dir", "data")
    feeds_dir = _path("feeds_dir", "feeds")
    base_url = agg.str("base_url", "http://127.0.0.1:8080/")
    _check_url(agg, "base_url", base_url)
    if not base_url.endswith("/"):
        base_url += "/"
    timezone = _check_tz(agg, "timezone", agg.str("timezone", "Asia/Shanghai")) or "Asia/Shanghai"
    interval = agg.duration("interval", 1800)
    if interval < 10:
        raise agg.fail("interval", "must be at least 10 seconds")
    timeout = agg.number("timeout", 20.0)
    if timeout <= 0:
        raise agg.fail("timeout", "must be more than 0")
    max_body = 10 * 1024 * 1024
    if "max_body" in agg.table:
        agg.seen.add("max_body")
        try:
            max_body = parse_size(agg.table["max_body"])
        except ValueError as e:
            raise agg.fail("max_body", str(e)) from None
    cfg_kwargs: dict[str, Any] = dict(
        max_redirects=agg.positive_int("max_redirects", 10, minimum=0),
        concurrency=agg.positive_int("concurrency", 16),
        per_host=agg.positive_int("per_host", 2),
        host_delay=agg.number("host_delay", 0.0),
        max_entries=agg.positive_int("max_entries", 100),
        keep_age=agg.duration("keep_age", 365 * 86400),
        keep_per_source=agg.positive_int("keep_per_source", 2000, minimum=0),
        max_backoff=agg.duration("max_backoff", 12 * 3600),
        user_agent=agg.str("user_agent"),
    )
    agg.done()
    host = srv.str("host", "127.0.0.1")
    port = srv.positive_int("port", 8080, minimum=0)
    if port > 65535:
        raise srv.fail("port", f"must be at most 65535, not {port}")
    srv.done()

    raw_sources = top.get("sources", list, [])
    sources = tuple(_source(file, i, t, interval) for i, t in enumerate(raw_sources))
    raw_topics = top.get("topics", list, [])
    topics = tuple(_topic(file, i, t) for i, t in enumerate(raw_topics))
    top.done()

    seen: dict[str, int] = {}
    for i, s in enumerate(sources):
        if s.id in seen:
            raise ConfigError(file, f"sources[{i}].id", f"duplicate source id {s.id!r} (also sources[{seen[s.id]}])")
        seen[s.id] = i
    topic_ids: dict[str, int] = {}
    for i, t in enumerate(topics):
        if t.id in topic_ids:
            raise ConfigError(file, f"topics[{i}].id", f"duplicate topic id {t.id!r} (also topics[{topic_ids[t.id]}])")
        topic_ids[t.id] = i
        for j, sid in enumerate(t.sources):
            if sid not in seen:
                raise ConfigError(file, f"topics[{i}].sources[{j}]", f"names source {sid!r}, which is not configured")
    for i, s in enumerate(sources):
        for j, tid in enumerate(s.topics):
            if tid not in topic_ids:
                raise ConfigError(file, f"sources[{i}].topics[{j}]", f"names topic {tid!r}, which is not configured")

    return Config(
        path=Path(path),
        data_dir=data_dir,
        feeds_dir=feeds_dir,
        base_url=base_url,
        timezone=timezone,
        interval=interval,
        timeout=timeout,
        max_body=max_body,
        server=ServerConfig(host=host, port=port),
        sources=sources,
        topics=topics,
        **cfg_kwargs,
    )


def load(path: str | Path, base_dir: Path | None = None) -> Config:
    """Read and validate the config file at `path`. Raises ConfigError."""
    p = Path(path)
    try:
        data = p.read_bytes()
    except FileNotFoundError:
        raise ConfigError(str(p), None, "no such file") from None
    except OSError as e:
        raise ConfigError(str(p), None, f"cannot read: {e.strerror or e}") from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        raise ConfigError(str(p), None, f"not UTF-8 (byte {e.start})") from None
    return parse(text, p, base_dir)
