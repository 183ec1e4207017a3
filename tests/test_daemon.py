"""The daemon: first with a fake poller and store (scheduling, backoff, debounced publishing,
reload, stop), then end to end — the real daemon in a subprocess against a test HTTP server on
127.0.0.1 (marked slow), including kill -9 and a real feed reader (newsboat) when installed.
"""

from __future__ import annotations

import asyncio
import gzip
import http.client
import json
import logging
import os
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from httpfixture import FixtureServer, Response
from lxml import etree

from aggregator import config as config_mod
from aggregator import daemon
from aggregator.config import Config, SourceConfig
from aggregator.model import PollResult, SourceState

BASE = """
[aggregator]
interval = 60
[server]
port = 0
[[topics]]
id = "news"
[[topics]]
id = "law"
"""


def source_block(sid: str, **extra: Any) -> str:
    lines = ["[[sources]]", f'id = "{sid}"', f'url = "http://127.0.0.1:9/{sid}.xml"']
    for k, v in extra.items():
        lines.append(f"{k} = {v!r}".replace("'", '"').replace("True", "true").replace("False", "false"))
    return "\n".join(lines) + "\n"


@dataclass
class FakeStore:
    state_map: dict[str, SourceState] = field(default_factory=dict)
    closed: bool = False
    puts: int = 0

    def get_state(self, source_id: str) -> SourceState | None:
        return self.state_map.get(source_id)

    def put_state(self, state: SourceState) -> None:
        self.puts += 1
        self.state_map[state.source_id] = state

    def states(self) -> dict[str, SourceState]:
        return dict(self.state_map)

    def count(self) -> int:
        return 0

    def close(self) -> None:
        self.closed = True


@dataclass
class FakePoller:
    store: FakeStore
    #: per source: how the next poll is chosen, given the error count; default now + 0.2 s
    delay: Callable[[str, int], float] = lambda sid, n: 0.2
    fail: set[str] = field(default_factory=set)
    hang: set[str] = field(default_factory=set)
    results: dict[str, PollResult] = field(default_factory=dict)
    polls: list[tuple[str, float]] = field(default_factory=list)
    published: list[list[str] | None] = field(default_factory=list)
    configs: list[Config] = field(default_factory=list)
    closed: bool = False
    cancelled: list[str] = field(default_factory=list)

    async def poll(self, source: SourceConfig) -> PollResult:
        self.polls.append((source.id, time.monotonic()))
        if source.id in self.hang:
            try:
                await asyncio.sleep(100)
            except asyncio.CancelledError:
                self.cancelled.append(source.id)
                raise
        now = datetime.now(UTC)
        old = self.store.get_state(source.id) or SourceState(source.id)
        n = old.error_count + 1 if source.id in self.fail else 0
        self.store.put_state(
            replace(old, last_attempt=now, error_count=n,
                    last_error="FetchError: 503" if n else None,
                    next_poll=now + timedelta(seconds=self.delay(source.id, n)))
        )
        return self.results.get(source.id, PollResult(source.id, "error" if n else "ok"))

    def publish(self, topic_ids: Iterable[str] | None = None) -> list[str]:
        self.published.append(None if topic_ids is None else list(topic_ids))
        return []

    def reconfigure(self, config: Config) -> None:
        self.configs.append(config)

    def prune(self, *, every: float = 0) -> int:
        return 0

    async def aclose(self) -> None:
        self.closed = True


class ZeroRng:
    def uniform(self, a: float, b: float) -> float:
        return 0.0


@pytest.fixture(autouse=True)
def fast(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(daemon, "FIRST_SPREAD", 1)  # first polls at once
    monkeypatch.setattr(daemon, "PUBLISH_DEBOUNCE", 0.3)
    monkeypatch.setattr(daemon, "WATCH_EVERY", 0.05)


def write_config(path: Path, *sources: str) -> Config:
    path.write_text(BASE + "".join(sources), encoding="utf-8")
    return config_mod.load(path, base_dir=path.parent)


def make(tmp_path: Path, *sources: str, **poller_kw: Any) -> tuple[daemon.Daemon, FakePoller, FakeStore]:
    cfg = write_config(tmp_path / "aggregator.toml", *sources)
    store = FakeStore()
    poller = FakePoller(store, **poller_kw)
    d = daemon.Daemon(tmp_path / "aggregator.toml", cfg, store, poller, rng=ZeroRng())  # type: ignore[arg-type]
    return d, poller, store


async def wait_for(cond: Callable[[], bool], timeout: float = 3.0) -> None:
    end = time.monotonic() + timeout
    while not cond():
        if time.monotonic() > end:
            raise AssertionError("condition not met in time")
        await asyncio.sleep(0.02)


# -- pure scheduling helpers -------------------------------------------------------


def test_spread_offset_is_stable_and_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(daemon, "FIRST_SPREAD", 300)
    offsets = [daemon.spread_offset(f"s{i}", 1800) for i in range(500)]
    assert offsets == [daemon.spread_offset(f"s{i}", 1800) for i in range(500)]
    assert all(0 <= o < 300 for o in offsets)
    assert len(set(offsets)) > 200  # really spread, not all at once
    assert all(0 <= daemon.spread_offset(f"s{i}", 10) < 10 for i in range(50))


def test_jitter() -> None:
    assert daemon.jitter(10) == 1 and daemon.jitter(300) == 30 and daemon.jitter(86400) == 60


def test_first_run_time(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(daemon, "FIRST_SPREAD", 300)
    now = datetime(2026, 1, 1, tzinfo=UTC)
    src = SourceConfig(id="a", url="http://x/", interval=1800)
    soon = now + timedelta(seconds=daemon.spread_offset("a", 1800))
    assert daemon.first_run_time(src, None, now) == soon
    overdue = SourceState("a", next_poll=now - timedelta(hours=5))
    assert daemon.first_run_time(src, overdue, now) == soon
    backoff = SourceState("a", error_count=4, next_poll=now + timedelta(hours=3))
    assert daemon.first_run_time(src, backoff, now) == now + timedelta(hours=3)
    healthy_far = SourceState("a", next_poll=now + timedelta(hours=3))  # interval was shortened
    assert daemon.first_run_time(src, healthy_far, now) == now + timedelta(seconds=1800)
    retry = SourceState("a", next_poll=now + timedelta(hours=2), not_before=now + timedelta(hours=2))
    assert daemon.first_run_time(src, retry, now) == now + timedelta(hours=2)


# -- the running daemon -------------------------------------------------------------


def test_schedules_enabled_sources_and_publishes_at_start(tmp_path: Path) -> None:
    d, poller, store = make(tmp_path, source_block("a", interval=10), source_block("b", interval=10),
                            source_block("off", enabled=False))

    async def go() -> None:
        await d.start()
        try:
            assert poller.published == [None]  # everything once at startup
            assert d.scheduler is not None
            assert {j.id for j in d.scheduler.get_jobs()} == {"a", "b", daemon._PRUNE_JOB}
            await wait_for(lambda: {"a", "b"} <= {p[0] for p in poller.polls})
            assert "off" not in {p[0] for p in poller.polls}
        finally:
            await d.stop()
        assert poller.closed and store.closed

    asyncio.run(go())


def test_next_run_follows_recorded_next_poll(tmp_path: Path) -> None:
    # the poller asks for 30 s; the job must be moved there and status must show it
    d, poller, store = make(tmp_path, source_block("a", interval=10), delay=lambda sid, n: 30)
    d.rng = __import__("random").Random(1)

    async def go() -> None:
        await d.start()
        try:
            await wait_for(lambda: len(poller.polls) == 1)
            await asyncio.sleep(0.1)
            assert d.scheduler is not None
            job = d.scheduler.get_job("a")
            state = store.get_state("a")
            assert state is not None and job is not None
            assert state.next_poll == job.next_run_time  # status tells the truth
            delta = (job.next_run_time - datetime.now(UTC)).total_seconds()
            assert 28 < delta <= 31 + 1  # 30 s plus jitter of at most min(60, 10 // 10) = 1 s
        finally:
            await d.stop()

    asyncio.run(go())


def test_failing_source_is_polled_at_growing_intervals(tmp_path: Path) -> None:
    d, poller, _ = make(tmp_path, source_block("bad", interval=10), fail={"bad"},
                        delay=lambda sid, n: 0.1 * 2 ** (n - 1))

    async def go() -> None:
        await d.start()
        try:
            await wait_for(lambda: len(poller.polls) >= 5, timeout=6)
        finally:
            await d.stop()

    asyncio.run(go())
    times = [t for _, t in poller.polls]
    gaps = [b - a for a, b in zip(times, times[1:], strict=False)]
    assert all(later > earlier * 1.4 for earlier, later in zip(gaps, gaps[1:], strict=False)), gaps
    assert gaps[0] >= 0.09


def test_new_items_republish_touched_topics_debounced(tmp_path: Path) -> None:
    sources = [source_block(f"s{i}", interval=10) for i in range(6)]
    results = {f"s{i}": PollResult(f"s{i}", "ok", new=1, topics=("news",) if i % 2 else ("law",)) for i in range(6)}
    results["s0"] = PollResult("s0", "not_modified")  # nothing new: no publish on its account
    d, poller, _ = make(tmp_path, *sources, results=results, delay=lambda sid, n: 60)

    async def go() -> None:
        await d.start()
        try:
            await wait_for(lambda: len(poller.polls) == 6)
            await asyncio.sleep(daemon.PUBLISH_DEBOUNCE + 0.3)
        finally:
            await d.stop()

    asyncio.run(go())
    assert poller.published[0] is None
    later = poller.published[1:]
    assert 1 <= len(later) <= 2  # six results, merged by the debounce
    assert set().union(*map(set, later)) == {"news", "law"}  # type: ignore[arg-type]


def test_nothing_new_publishes_nothing(tmp_path: Path) -> None:
    d, poller, _ = make(tmp_path, source_block("a", interval=10), delay=lambda sid, n: 60)

    async def go() -> None:
        await d.start()
        try:
            await wait_for(lambda: len(poller.polls) == 1)
            await asyncio.sleep(daemon.PUBLISH_DEBOUNCE + 0.2)
        finally:
            await d.stop()

    asyncio.run(go())
    assert poller.published == [None]


def test_reload_on_file_change_adds_removes_and_reschedules(tmp_path: Path) -> None:
    d, poller, _ = make(tmp_path, source_block("keep", interval=600), source_block("gone", interval=10),
                        source_block("slow", interval=3600), delay=lambda sid, n: 3600)

    async def go() -> None:
        await d.start()
        try:
            assert d.scheduler is not None
            await wait_for(lambda: len(poller.polls) == 3)
            await asyncio.sleep(0.1)
            before_keep = d.scheduler.get_job("keep").next_run_time
            write_config(
                tmp_path / "aggregator.toml",
                source_block("keep", interval=600),
                source_block("slow", interval=20),
                source_block("new", interval=10, topics=["law"]),
            )
            await wait_for(lambda: len(poller.configs) == 1)
            ids = {j.id for j in d.scheduler.get_jobs()}
            assert ids == {"keep", "slow", "new", daemon._PRUNE_JOB}
            assert d.scheduler.get_job("keep").next_run_time == before_keep  # unchanged source untouched
            slow_next = d.scheduler.get_job("slow").next_run_time
            assert (slow_next - datetime.now(UTC)).total_seconds() <= 21  # not an hour any more
            assert d.get_config().source("new").topics == ("law",)
            await wait_for(lambda: "new" in {p[0] for p in poller.polls})
            await wait_for(lambda: None in poller.published[1:])  # all topics republished
        finally:
            await d.stop()

    asyncio.run(go())


def test_broken_config_keeps_the_old_one(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    d, poller, _ = make(tmp_path, source_block("a", interval=60), delay=lambda sid, n: 3600)

    async def go() -> None:
        await d.start()
        try:
            old = d.get_config()
            (tmp_path / "aggregator.toml").write_text(BASE + source_block("a", interval=1) + "[[nonsense", "utf-8")
            with caplog.at_level(logging.ERROR, logger="aggregator.daemon"):
                await asyncio.sleep(0.3)
            assert d.get_config() is old and poller.configs == []
            assert "keeping the old config" in caplog.text and "aggregator.toml" in caplog.text
            assert caplog.text.count("keeping the old config") == 1  # logged once, not every tick
            assert d.scheduler is not None and d.scheduler.get_job("a") is not None
            write_config(tmp_path / "aggregator.toml", source_block("a", interval=60), source_block("b"))
            await wait_for(lambda: len(poller.configs) == 1)
            assert [s.id for s in d.get_config().sources] == ["a", "b"]
        finally:
            await d.stop()

    asyncio.run(go())


def test_explicit_reload_without_change_is_harmless(tmp_path: Path) -> None:
    d, poller, _ = make(tmp_path, source_block("a", interval=60), delay=lambda sid, n: 3600)

    async def go() -> None:
        await d.start()
        try:
            assert d.reload("SIGHUP") is True
            assert d.scheduler is not None and {j.id for j in d.scheduler.get_jobs()} == {"a", daemon._PRUNE_JOB}
        finally:
            await d.stop()

    asyncio.run(go())


def test_stop_abandons_hanging_polls_quickly(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    d, poller, store = make(tmp_path, source_block("stuck", interval=10), hang={"stuck"})

    async def go() -> float:
        await d.start()
        await wait_for(lambda: len(poller.polls) == 1)
        t0 = time.monotonic()
        await d.stop()
        return time.monotonic() - t0

    with caplog.at_level(logging.INFO):
        took = asyncio.run(go())
    assert took < 2
    assert poller.cancelled == ["stuck"] and poller.closed and store.closed
    assert "Traceback" not in caplog.text and "raised an exception" not in caplog.text


def test_pending_publish_is_flushed_on_stop(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(daemon, "PUBLISH_DEBOUNCE", 30)
    results = {"a": PollResult("a", "ok", new=1, topics=("news",)), "b": PollResult("b", "ok", new=2, topics=("law",))}
    d, poller, _ = make(tmp_path, source_block("a", interval=10), source_block("b", interval=10),
                        results=results, delay=lambda sid, n: 60)

    async def go() -> None:
        await d.start()
        await wait_for(lambda: len(poller.polls) == 2)
        await asyncio.sleep(0.05)
        await d.stop()

    asyncio.run(go())
    published = [set(p) for p in poller.published[1:] if p is not None]
    assert set().union(*published) == {"news", "law"}


def test_run_with_bad_config_exits_2(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text("[aggregator]\ninterval = 1\n")
    assert daemon.run(bad) == 2
    assert daemon.run(tmp_path / "missing.toml") == 2



def test_a_bug_in_a_poll_is_logged_and_the_source_stays_scheduled(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    class Buggy(FakePoller):
        async def poll(self, source: SourceConfig) -> PollResult:
            self.polls.append((source.id, time.monotonic()))
            old = self.store.get_state(source.id) or SourceState(source.id)
            self.store.put_state(replace(old, next_poll=datetime.now(UTC) + timedelta(seconds=0.2)))
            raise RuntimeError("bug")

    cfg = write_config(tmp_path / "aggregator.toml", source_block("a", interval=10))
    store = FakeStore()
    poller = Buggy(store)
    d = daemon.Daemon(tmp_path / "aggregator.toml", cfg, store, poller, rng=ZeroRng())

    async def go() -> None:
        await d.start()
        try:
            await wait_for(lambda: len(poller.polls) >= 2)
        finally:
            await d.stop()

    with caplog.at_level(logging.ERROR, logger="aggregator.daemon"):
        asyncio.run(go())
    assert "job failed job=a error=RuntimeError('bug')" in caplog.text


def test_serve_only_mode_reloads_without_polling(tmp_path: Path) -> None:
    cfg = write_config(tmp_path / "aggregator.toml", source_block("a", interval=10))
    store = FakeStore()
    d = daemon.Daemon(tmp_path / "aggregator.toml", cfg, store, None)

    async def go() -> None:
        await d.start()
        try:
            assert d.scheduler is None and d.server is not None
            write_config(tmp_path / "aggregator.toml", source_block("a", interval=10), source_block("b"))
            await wait_for(lambda: len(d.get_config().sources) == 2)
        finally:
            await d.stop()
        assert store.closed

    asyncio.run(go())

# -- end to end: the real daemon in a subprocess ---------------------------------------

ROOT = Path(__file__).resolve().parent.parent


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _quick_id(prefix: str) -> str:
    """A source id whose first poll comes within 2 s of startup (the spread is by id hash)."""
    return next(f"{prefix}{i}" for i in range(1000) if daemon.spread_offset(f"{prefix}{i}", 10) < 2)


def rss(base: str, n: int) -> bytes:
    items = "".join(
        f"<item><title>第{i}条 通知</title><link>{base}/a{i}.html</link><guid>{base}/a{i}.html</guid>"
        f"<pubDate>Mon, {i % 27 + 1:02d} Jul 2026 10:00:00 +0800</pubDate><description>内容 {i}</description></item>"
        for i in range(1, n + 1)
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>测试源</title>'
        f"<link>{base}/</link><description>d</description>{items}</channel></rss>"
    ).encode()


def e2e_config(port: int, sources: list[tuple[str, str]], extra_topics: str = "") -> str:
    text = f'[aggregator]\nbase_url = "http://127.0.0.1:{port}/"\n[server]\nport = {port}\n'
    for sid, url in sources:
        text += f'[[sources]]\nid = "{sid}"\nurl = "{url}"\ninterval = 10\ntopics = ["news"]\n'
    return text + '[[topics]]\nid = "news"\ntitle = "新闻"\n' + extra_topics


class DaemonProcess:
    def __init__(self, cwd: Path, *args: str) -> None:
        self.cwd = cwd
        self.log = cwd / f"daemon-{time.monotonic_ns()}.log"
        env = dict(os.environ, PYTHONPATH=str(ROOT))
        with open(self.log, "wb") as err:
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "aggregator", *args, "--config", "aggregator.toml"],
                cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=err,
            )

    def stderr(self) -> str:
        return self.log.read_text("utf-8", "replace")

    def close(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.wait(10)


def get(port: int, path: str, headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], bytes]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    try:
        conn.putrequest("GET", path, skip_accept_encoding=True)
        for k, v in (headers or {}).items():
            conn.putheader(k, v)
        conn.endheaders()
        r = conn.getresponse()
        return r.status, {k.lower(): v for k, v in r.getheaders()}, r.read()
    except OSError:
        return 0, {}, b""
    finally:
        conn.close()


def entries(body: bytes) -> list[str]:
    ns = "{http://www.w3.org/2005/Atom}"
    return [e.findtext(f"{ns}title") or "" for e in etree.fromstring(body).iter(f"{ns}entry")]


def wait_until(cond: Callable[[], bool], timeout: float, proc: DaemonProcess, what: str) -> None:
    end = time.monotonic() + timeout
    while not cond():
        if proc.proc.poll() is not None or time.monotonic() > end:
            raise AssertionError(f"{what} (exit={proc.proc.poll()})\n{proc.stderr()[-3000:]}")
        time.sleep(0.2)


@pytest.mark.slow
def test_e2e_daemon(tmp_path: Path) -> None:
    port = _free_port()
    good, bad = _quick_id("feed"), _quick_id("down")
    with FixtureServer() as site:
        site.routes["/feed.xml"] = Response(rss(site.base, 2), content_type="application/rss+xml")
        site.routes["/bad.xml"] = Response(b"down for maintenance", 503, etag=False)
        cfg = tmp_path / "aggregator.toml"
        cfg.write_text(e2e_config(port, [(good, site.url("/feed.xml")), (bad, site.url("/bad.xml"))]), "utf-8")
        d = DaemonProcess(tmp_path, "run")
        try:
            feed = "/feeds/news.atom"

            def has(n: int) -> bool:
                st, _, body = get(port, feed)
                return st == 200 and len(entries(body)) == n

            wait_until(lambda: has(2), 15, d, "the first poll was not published")

            # every route of the real server
            st, h, body = get(port, feed)
            assert h["content-type"] == "application/atom+xml; charset=utf-8" and "last-modified" in h
            assert get(port, feed, {"If-None-Match": h["etag"]})[0] == 304
            assert get(port, feed, {"If-Modified-Since": h["last-modified"]})[0] == 304
            st, hz, gz = get(port, feed, {"Accept-Encoding": "gzip"})
            assert hz["content-encoding"] == "gzip" and gzip.decompress(gz) == body
            for bad_path in ["/feeds/../aggregator.toml", "/feeds/%2e%2e/aggregator.toml", "/aggregator.toml",
                             "/data/meta.json", "/feeds/news.atom/", "/feeds/..%2Faggregator.toml"]:
                assert get(port, bad_path)[0] == 404, bad_path
            health = json.loads(get(port, "/health")[2])
            assert health["topics"] == ["news"] and health["items"] == 2
            assert "feeds/news.atom" in get(port, "/")[2].decode()
            assert b"feeds/news.atom" in get(port, "/opml")[2]

            # a new article appears within a couple of intervals
            site.routes["/feed.xml"] = Response(rss(site.base, 3), content_type="application/rss+xml")
            wait_until(lambda: has(3), 25, d, "the new article was not published")

            # a topic added to the config file is published without a restart
            cfg.write_text(
                e2e_config(port, [(good, site.url("/feed.xml")), (bad, site.url("/bad.xml"))],
                           '[[topics]]\nid = "all"\n'), "utf-8")
            wait_until(lambda: get(port, "/feeds/all.atom")[0] == 200, 8, d, "the new topic was not published")
            # with the items already stored (the reload rebuilds the topic index), not only later ones
            wait_until(lambda: len(entries(get(port, "/feeds/all.atom")[2])) == 3, 3, d,
                       "the new topic did not get the stored items")

            # a broken edit is logged and the old config keeps serving
            cfg.write_text("[aggregator\nnot toml", "utf-8")
            wait_until(lambda: "keeping the old config" in d.stderr(), 8, d, "the broken edit was not noticed")
            assert get(port, "/feeds/all.atom")[0] == 200 and get(port, "/health")[0] == 200

            # a real feed reader sees every entry
            if shutil.which("newsboat"):
                nb = tmp_path / "nb"
                nb.mkdir()
                (nb / "urls").write_text(f"http://127.0.0.1:{port}{feed}\n")
                (nb / "config").write_text("")
                out = subprocess.run(
                    ["newsboat", "-u", str(nb / "urls"), "-c", str(nb / "cache.db"), "-C", str(nb / "config"),
                     "-x", "reload", "print-unread"],
                    capture_output=True, text=True, timeout=30, env=dict(os.environ, HOME=str(nb)),
                )
                assert out.returncode == 0 and "3 unread articles" in out.stdout, out
                with sqlite3.connect(nb / "cache.db") as db:
                    titles = {r[0] for r in db.execute("select title from rss_item")}
                db.close()
                assert titles == {"第1条 通知", "第2条 通知", "第3条 通知"}

            # a failing source is asked again at growing intervals (10 s, then 20 s, plus ≤ 1 s jitter)
            wait_until(lambda: len(site.hits("/bad.xml")) >= 3, 40, d, "the failing source was not retried")
            t = [r.at for r in site.hits("/bad.xml")]
            gaps = [b - a for a, b in zip(t, t[1:], strict=False)]
            assert 9 <= gaps[0] <= 13 and 19 <= gaps[1] <= 23, gaps

            # SIGTERM: a clean stop, quickly
            t0 = time.monotonic()
            d.proc.send_signal(signal.SIGTERM)
            assert d.proc.wait(10) == 0, d.stderr()[-2000:]
            assert time.monotonic() - t0 < 5
            log_text = d.stderr()
            assert f"polled source={good} status=ok" in log_text and "Traceback" not in log_text
        finally:
            d.close()
    if not shutil.which("newsboat"):
        pytest.skip("newsboat is not installed; the feed-reader check did not run")


@pytest.mark.slow
def test_e2e_kill_9_loses_nothing_published(tmp_path: Path) -> None:
    port = _free_port()
    sid = _quick_id("feed")
    rng = __import__("random").Random(7)
    with FixtureServer() as site:
        n = 5
        site.routes["/feed.xml"] = Response(rss(site.base, n), content_type="application/rss+xml")
        (tmp_path / "aggregator.toml").write_text(e2e_config(port, [(sid, site.url("/feed.xml"))]), "utf-8")
        published: set[str] = set()
        feed_file = tmp_path / "feeds" / "news.atom"
        for _round in range(4):
            d = DaemonProcess(tmp_path, "run")
            try:
                if _round == 0:  # first let it publish, then kill it at random moments of its work
                    wait_until(lambda: feed_file.exists() and len(entries(feed_file.read_bytes())) == 5,
                               15, d, "the first poll was not published")
                else:
                    time.sleep(rng.uniform(0.3, 3.0))
                if feed_file.exists():
                    published |= set(entries(feed_file.read_bytes()))
            finally:
                d.proc.kill()  # SIGKILL, whatever it is doing
                d.proc.wait(10)
            n += 3  # more work for the next round
            site.routes["/feed.xml"] = Response(rss(site.base, n), content_type="application/rss+xml")
        if feed_file.exists():
            published |= set(entries(feed_file.read_bytes()))
        out = subprocess.run(
            [sys.executable, "-m", "aggregator", "poll", "--config", "aggregator.toml"],
            cwd=tmp_path, env=dict(os.environ, PYTHONPATH=str(ROOT)), capture_output=True, text=True, timeout=60,
        )
        assert out.returncode == 0, out.stderr[-3000:]
        final = set(entries(feed_file.read_bytes()))
        assert published, "nothing was ever published before the kills"
        assert published <= final
        assert final == {f"第{i}条 通知" for i in range(1, n + 1)}

