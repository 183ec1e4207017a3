"""The background service: scheduled polling, serving, live reload, clean stop (the only apscheduler user).

Owns: the AsyncIOScheduler (one job per enabled source, id = source id), turning each
poll's recorded ``SourceState.next_poll`` (interval, backoff, Retry-After, max-age) into
the job's next run, the debounced republishing of touched topics, reloading the config
on SIGHUP and when the file changes, and the orderly stop on SIGTERM/SIGINT.
Does not own: what a poll does or when it wants to run again (``pipeline`` decides and
records it), writing feeds (``pipeline.publish``), HTTP (``server``), or logging setup.

Scheduling choice: each source's job has an interval trigger (a fallback only), and after
every run the job's next run time is set to the ``next_poll`` the pipeline recorded, plus
jitter, and that same time is written back to the state, so ``status`` shows the moment
the daemon will really poll.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import os
import random
import signal
import time
from collections.abc import Callable, Iterable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, Protocol

from apscheduler.events import (
    EVENT_JOB_ERROR,
    EVENT_JOB_MAX_INSTANCES,
    EVENT_JOB_MISSED,
    JobEvent,
    JobExecutionEvent,
)
from apscheduler.jobstores.base import JobLookupError
from apscheduler.schedulers.asyncio import AsyncIOScheduler
from apscheduler.triggers.interval import IntervalTrigger

from . import config as config_mod
from . import server
from .config import Config, SourceConfig
from .errors import AggregatorError, ConfigError
from .model import PollResult, SourceState

log = logging.getLogger(__name__)

#: first polls are spread over min(interval, this) seconds, so many sources do not start at once
FIRST_SPREAD = 60  # seconds over which first polls are spread: soon for a new user, no burst of hundreds
#: topic feeds are rewritten at most once per this many seconds
PUBLISH_DEBOUNCE = 2.0
#: how often the config file is checked for changes
WATCH_EVERY = 2.0
#: how long a stop waits for abandoned polls to unwind
STOP_GRACE = 3.0
PRUNE_EVERY = 6 * 3600
_PRUNE_JOB = "aggregator:prune"  # ':' cannot occur in a source id
_ALL = "*"


class PollerLike(Protocol):
    async def poll(self, source: SourceConfig) -> PollResult: ...
    def publish(self, topic_ids: Iterable[str] | None = None) -> list[str]: ...
    def reconfigure(self, config: Config) -> None: ...
    def prune(self, *, every: float = ...) -> int: ...
    async def aclose(self) -> None: ...


class StoreLike(Protocol):
    def get_state(self, source_id: str) -> SourceState | None: ...
    def put_state(self, state: SourceState) -> None: ...
    def states(self) -> dict[str, SourceState]: ...
    def count(self) -> int: ...
    def close(self) -> None: ...


def _utcnow() -> datetime:
    return datetime.now(UTC)


def spread_offset(source_id: str, interval: int, n_sources: int = 1) -> int:
    """Seconds after startup for a source's first poll: stable per id.

    Spread over a minute (a new user sees items soon), longer with many sources (half a
    second per source, so hundreds do not start at once), never beyond the interval.
    """
    span = max(1, min(interval, FIRST_SPREAD * max(1, n_sources // 120)))
    return int.from_bytes(hashlib.sha256(source_id.encode()).digest()[:8], "big") % span


def jitter(interval: int) -> int:
    return min(60, interval // 10)


def first_run_time(
    source: SourceConfig, state: SourceState | None, now: datetime, n_sources: int = 1
) -> datetime:
    """When a (newly scheduled) source is first polled.

    A stored next_poll in the future is honoured — it carries backoff and Retry-After
    across restarts — except that a healthy source never waits longer than its interval
    (the interval may have been shortened). Never polled, or overdue: soon, spread by id.
    """
    soon = now + timedelta(seconds=spread_offset(source.id, source.interval, n_sources))
    nxt = state.next_poll if state is not None else None
    if nxt is None or nxt <= soon:
        return soon
    if state is not None and state.error_count == 0 and (state.not_before is None or state.not_before <= now):
        return min(nxt, now + timedelta(seconds=source.interval))
    return nxt


def _file_signature(path: Path) -> tuple[int, int, int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_ino, st.st_mtime_ns, st.st_size)


def _file_hash(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


class Daemon:
    """One running service. `poller` None means serve-only (no scheduling, no publishing)."""

    def __init__(
        self,
        config_path: Path,
        config: Config,
        store: StoreLike,
        poller: PollerLike | None,
        *,
        clock: Callable[[], datetime] = _utcnow,
        rng: random.Random | None = None,
    ) -> None:
        self.config_path = config_path
        self.config = config
        self.store = store
        self.poller = poller
        self.clock = clock
        self.rng = rng or random.Random()
        self.scheduler: AsyncIOScheduler | None = None
        self.server: server.Server | None = None
        self.stopping = False
        self._running: dict[str, asyncio.Task[Any]] = {}
        self._pending: set[str] = set()
        self._publish_handle: asyncio.TimerHandle | None = None
        self._last_publish = float("-inf")
        self._publish_cost = 0.0
        self._publish_task: asyncio.Task[None] | None = None
        self._watch_task: asyncio.Task[None] | None = None
        self._signature = _file_signature(config_path)
        self._hash = _file_hash(config_path)

    def get_config(self) -> Config:
        return self.config

    # -- lifecycle -----------------------------------------------------------

    async def start(self) -> None:
        """Publish, start the server and the scheduler. Raises OSError if the port is taken."""
        if self.poller is not None:
            self._publish_now({_ALL})
        self.server = await server.start(self.get_config, self.store)
        if self.poller is not None:
            self.scheduler = AsyncIOScheduler(
                timezone=UTC,
                job_defaults={"coalesce": True, "max_instances": 1, "misfire_grace_time": 300},
            )
            self.scheduler.add_listener(self._on_event, EVENT_JOB_ERROR | EVENT_JOB_MISSED | EVENT_JOB_MAX_INSTANCES)
            self.scheduler.start()
            now = self.clock()
            states = self._states()
            enabled = sum(s.enabled for s in self.config.sources)
            for s in self.config.sources:
                if s.enabled:
                    self._add_job(s, first_run_time(s, states.get(s.id), now, enabled))
            self.scheduler.add_job(
                self._prune, IntervalTrigger(seconds=PRUNE_EVERY), id=_PRUNE_JOB,
                next_run_time=now + timedelta(seconds=600), replace_existing=True,
            )
        self._watch_task = asyncio.get_running_loop().create_task(self._watch())
        if self.poller is None:
            log.info("server started topics=%d (serving only, no polling)", len(self.config.topics))
        else:
            log.info(
                "daemon started sources=%d enabled=%d topics=%d",
                len(self.config.sources), sum(s.enabled for s in self.config.sources), len(self.config.topics),
            )

    async def stop(self) -> None:
        """Abandon in-flight polls (store commits are atomic), flush publishing, close everything."""
        self.stopping = True
        if self._watch_task is not None:
            self._watch_task.cancel()
        running = [t for t in self._running.values() if not t.done()]
        if self.scheduler is not None and self.scheduler.running:
            self.scheduler.shutdown(wait=False)  # cancels running job tasks
        for t in running:
            t.cancel()
        pending = [t for t in (*running, self._watch_task) if t is not None]
        if pending:
            await asyncio.wait(pending, timeout=STOP_GRACE)
        if self._publish_handle is not None:
            self._publish_handle.cancel()
            self._publish_handle = None
        if self._publish_task is not None and not self._publish_task.done():
            await asyncio.wait([self._publish_task], timeout=STOP_GRACE)
        if self._pending and self.poller is not None:
            self._publish_now(self._pending)
        if self.server is not None:
            await self.server.stop()
        if self.poller is not None:
            await self.poller.aclose()
        self.store.close()
        log.info("daemon stopped")

    # -- jobs ------------------------------------------------------------------

    def _states(self) -> dict[str, SourceState]:
        try:
            return self.store.states()
        except Exception:
            log.exception("cannot read source states; scheduling every source as new")
            return {}

    def _add_job(self, source: SourceConfig, run_at: datetime) -> None:
        assert self.scheduler is not None
        self.scheduler.add_job(
            self._poll_job,
            IntervalTrigger(seconds=source.interval, timezone=UTC),
            args=(source.id,),
            id=source.id,
            name=f"poll {source.id}",
            next_run_time=run_at,
            replace_existing=True,
        )
        log.debug("scheduled source=%s first=%s", source.id, run_at.isoformat())

    def _enabled(self, source_id: str) -> SourceConfig | None:
        for s in self.config.sources:
            if s.id == source_id:
                return s if s.enabled else None
        return None

    async def _poll_job(self, source_id: str) -> None:
        source = self._enabled(source_id)
        if source is None or self.poller is None or self.stopping:
            return
        task = asyncio.current_task()
        if task is not None:
            self._running[source_id] = task
        # the interval trigger is only a fallback; keep it from firing into a long poll
        # (a max_instances skip) — the real next run is set when this poll ends
        self._set_next_run(source_id, self.clock() + timedelta(seconds=max(source.interval, 3600)))
        try:
            result = await self.poller.poll(source)
            if result.new or result.updated:
                self._request_publish(result.topics)
        except asyncio.CancelledError:
            if self.stopping:
                # returning (not raising) keeps apscheduler from logging a traceback on every stop
                log.info("abandoned poll source=%s (stopping)", source_id)
                return
            raise
        finally:
            if self._running.get(source_id) is task:
                del self._running[source_id]
            if not self.stopping:
                self._after_poll(self._enabled(source_id) or source)

    def _after_poll(self, source: SourceConfig) -> None:
        """Point the job at the next_poll the pipeline recorded (plus jitter) and record that time."""
        now = self.clock()
        try:
            state = self.store.get_state(source.id)
        except Exception:
            log.exception("cannot read the state of source=%s", source.id)
            state = None
        nxt = state.next_poll if state is not None else None
        # the pipeline's next_poll already holds the jitter, backoff and server hints
        if nxt is None or nxt <= now:
            nxt = now + timedelta(seconds=source.interval + self.rng.uniform(0, jitter(source.interval)))
        run_at = nxt
        self._set_next_run(source.id, run_at)

    def _set_next_run(self, source_id: str, run_at: datetime) -> None:
        if self.scheduler is None or not self.scheduler.running:
            return
        try:
            self.scheduler.modify_job(source_id, next_run_time=run_at)
        except JobLookupError:
            pass  # removed by a reload while it was polling

    async def _prune(self) -> None:
        if self.poller is None:
            return
        try:
            removed = self.poller.prune(every=0)
        except Exception:
            log.exception("prune failed")
            return
        if removed:
            log.info("pruned items=%d", removed)
            self._request_publish({_ALL})

    def _on_event(self, event: JobEvent) -> None:
        # apscheduler logs these too (with a traceback for errors); ours are one key=value line
        # each, for grepping, at INFO when apscheduler already warns
        if event.code == EVENT_JOB_ERROR and isinstance(event, JobExecutionEvent):
            if not self.stopping:
                log.error("job failed job=%s error=%r", event.job_id, event.exception)
        elif event.code == EVENT_JOB_MISSED:
            log.info("missed run job=%s scheduled=%s", event.job_id, getattr(event, "scheduled_run_time", None))
        elif event.code == EVENT_JOB_MAX_INSTANCES:
            log.info("skipped run job=%s: the previous one is still running", event.job_id)

    # -- publishing ------------------------------------------------------------

    def _request_publish(self, topic_ids: Iterable[str]) -> None:
        """Publish these topics soon; bursts are merged and at most one publish runs per PUBLISH_DEBOUNCE."""
        self._pending.update(topic_ids)
        if self._publish_handle is not None or self.stopping or not self._pending:
            return
        loop = asyncio.get_running_loop()
        # publishing runs in the event loop; when it is slow, space it out so it takes at
        # most ~1/5 of the loop's time and polls and HTTP requests keep flowing
        gap = max(PUBLISH_DEBOUNCE, 4 * self._publish_cost)
        delay = max(0.0, self._last_publish + gap - loop.time())
        self._publish_handle = loop.call_later(delay, self._flush_publish)

    def _flush_publish(self) -> None:
        self._publish_handle = None
        loop = asyncio.get_running_loop()
        if self._publish_task is not None and not self._publish_task.done():
            # one publish at a time; what is pending goes in the next round
            self._publish_handle = loop.call_later(PUBLISH_DEBOUNCE, self._flush_publish)
            return
        topics, self._pending = self._pending, set()
        if topics:
            self._publish_task = loop.create_task(self._publish_in_thread(topics))

    async def _publish_in_thread(self, topics: set[str]) -> None:
        """Publishing reads the store and writes files: off the loop, so HTTP and polls keep flowing."""
        assert self.poller is not None
        t0 = time.monotonic()
        try:
            await asyncio.to_thread(self.poller.publish, None if _ALL in topics else sorted(topics))
        except AggregatorError as e:  # a known condition (unwritable feeds_dir …): say it, no traceback
            log.error("publish failed topics=%s error=%r", ",".join(sorted(topics)), str(e))
        except Exception:
            log.exception("publish failed topics=%s", ",".join(sorted(topics)))
        self._publish_cost = time.monotonic() - t0
        self._last_publish = asyncio.get_running_loop().time()

    def _publish_now(self, topics: set[str]) -> None:
        assert self.poller is not None
        t0 = time.monotonic()
        try:
            self.poller.publish(None if _ALL in topics else sorted(topics))
        except AggregatorError as e:  # a known condition (unwritable feeds_dir …): say it, no traceback
            log.error("publish failed topics=%s error=%r", ",".join(sorted(topics)), str(e))
        except Exception:
            log.exception("publish failed topics=%s", ",".join(sorted(topics)))
        self._publish_cost = time.monotonic() - t0
        try:
            self._last_publish = asyncio.get_running_loop().time()
        except RuntimeError:
            pass

    # -- reload ------------------------------------------------------------------

    async def _watch(self) -> None:
        """Reload when the config file's contents change (checked every WATCH_EVERY seconds)."""
        missing_logged = False
        while True:
            await asyncio.sleep(WATCH_EVERY)
            sig = _file_signature(self.config_path)
            if sig is None:
                if not missing_logged:
                    log.warning("config file %s is gone; keeping the running config", self.config_path)
                    missing_logged = True
                continue
            missing_logged = False
            if sig == self._signature:
                continue
            self._signature = sig
            if _file_hash(self.config_path) != self._hash:
                self.reload("file changed")

    def reload(self, why: str) -> bool:
        """Load the config file again and apply it; on any error log it and keep the old one."""
        if self.stopping:
            return False
        self._signature = _file_signature(self.config_path)
        self._hash = _file_hash(self.config_path)
        try:
            new = config_mod.load(self.config_path)
        except ConfigError as e:
            log.error("reload (%s) failed, keeping the old config: %s", why, e)
            return False
        except Exception:
            log.exception("reload (%s) failed, keeping the old config", why)
            return False
        old = self.config
        if self.poller is not None:
            try:
                self.poller.reconfigure(new)
            except Exception:
                log.exception("reload (%s) failed, keeping the old config", why)
                try:
                    self.poller.reconfigure(old)
                except Exception:
                    log.exception("could not restore the old config")
                return False
        self.config = new
        if (new.server, new.data_dir) != (old.server, old.data_dir):
            log.warning("reload: [server] and data_dir changes take effect after a restart")
        if self.scheduler is not None:
            self._sync_jobs(old, new)
        if self.poller is not None:
            self._request_publish({_ALL})
        log.info(
            "config reloaded (%s) sources=%d topics=%d", why, len(new.sources), len(new.topics)
        )
        return True

    def _sync_jobs(self, old: Config, new: Config) -> None:
        assert self.scheduler is not None
        before = {s.id: s for s in old.sources if s.enabled}
        after = {s.id: s for s in new.sources if s.enabled}
        now = self.clock()
        states: dict[str, SourceState] | None = None
        for sid in before.keys() - after.keys():
            try:
                self.scheduler.remove_job(sid)
            except JobLookupError:
                pass
            log.info("unscheduled source=%s", sid)
        for sid in after.keys() - before.keys():
            if states is None:
                states = self._states()
            self._add_job(after[sid], first_run_time(after[sid], states.get(sid), now, len(after)))
            log.info("scheduled source=%s", sid)
        for sid in after.keys() & before.keys():
            a, b = before[sid], after[sid]
            if a == b:
                continue
            job = self.scheduler.get_job(sid)
            prev = job.next_run_time if job is not None else None
            if (a.url, a.kind) != (b.url, b.kind) or prev is None:
                # effectively a new source: poll it soon instead of after an old backoff
                run_at = now + timedelta(seconds=spread_offset(sid, min(b.interval, 60)))
            else:
                run_at = min(prev, now + timedelta(seconds=b.interval))
            self._add_job(b, run_at)
            log.info("rescheduled source=%s next=%s", sid, run_at.isoformat())


async def _main(config_path: Path, *, schedule: bool) -> int:
    try:
        cfg = config_mod.load(config_path)
    except ConfigError as e:
        log.error("%s", e)
        return 2
    from .store import Store  # imported here so a broken store module cannot break `--help`

    store = Store(cfg.data_dir)
    poller = None
    if schedule:
        from .pipeline import Poller

        try:
            poller = Poller(cfg, store)
        except BaseException:
            store.close()
            raise
    daemon = Daemon(config_path, cfg, store, poller)
    loop = asyncio.get_running_loop()
    stop = asyncio.Event()

    def _stop(signame: str) -> None:
        if not stop.is_set():
            log.info("received %s, stopping", signame)
        stop.set()

    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, _stop, sig.name)
    loop.add_signal_handler(signal.SIGHUP, daemon.reload, "SIGHUP")
    try:
        try:
            await daemon.start()
        except OSError as e:
            log.error("cannot serve on %s:%d: %s", cfg.server.host, cfg.server.port, e.strerror or e)
            await daemon.stop()
            return 1
        await stop.wait()
        await daemon.stop()
        return 0
    finally:
        for sig in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
            loop.remove_signal_handler(sig)


def run(config_path: Path) -> int:
    """`aggregator run`: the whole service until SIGTERM/SIGINT. 0 on a clean stop, 2 bad config."""
    return asyncio.run(_main(Path(config_path), schedule=True))


def serve(config_path: Path) -> int:
    """`aggregator serve`: only the HTTP server (with reload), no polling or publishing."""
    return asyncio.run(_main(Path(config_path), schedule=False))
