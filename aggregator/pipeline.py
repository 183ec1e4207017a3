"""Orchestration: the one place that calls both the network and the store.

Owns: one poll of one source (state → fetch → parse/scrape → normalize →
store → state), polling many sources concurrently, publishing topic feeds,
the `check` dry run and the `sources add` probe. Does not own scheduling
(daemon), HTTP serving (server) or any parsing itself.

Per-source problems are data: every attempt is recorded in `SourceState`
and one source failing never stops the others.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import multiprocessing
import os
import random
import time
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from typing import Any

from . import atom, feedparse, normalize, scrape, topics, urls
from .config import Config, SourceConfig
from .errors import ExtractError, FetchError, ParseError, PublishError, SourceError
from .fetch import Fetcher
from .model import Fetched, Item, PollResult, RawItem, SourceState
from .store import Store

log = logging.getLogger(__name__)

#: how many already-fetched article pages one poll re-checks for changes, at most
RECHECK_PER_POLL = 5
#: from this many feed sources on, `poll_many` parses in worker processes
POOL_MIN_SOURCES = 50
#: bugs are re-raised instead of recorded when this is set (the test suite sets it)
RAISE_BUGS_ENV = "AGGREGATOR_RAISE_BUGS"


def utcnow() -> datetime:
    return datetime.now(UTC)


def _body_hash(body: bytes) -> str:
    return hashlib.sha256(body).hexdigest()


def error_text(e: BaseException) -> str:
    # the source id is said by whoever shows the error (status row, log line), not repeated here
    text = super(SourceError, e).__str__() if isinstance(e, SourceError) else str(e)
    return f"{type(e).__name__}: {text}"


def jitter(interval: int) -> float:
    """Up to a tenth of the interval (at most a minute), so sources polled together drift apart."""
    return random.uniform(0, min(60, interval // 10))


def next_poll_after_success(
    source: SourceConfig, now: datetime, not_before: datetime | None, spread: float = 0.0
) -> datetime:
    nxt = now + timedelta(seconds=source.interval + spread)
    # Cache-Control max-age is a lower bound, never a reason to poll sooner (architecture §5).
    return max(nxt, not_before) if not_before else nxt


def next_poll_after_error(
    source: SourceConfig, now: datetime, error_count: int, max_backoff: int, retry_after: float | None
) -> datetime:
    """Exponential backoff: interval × 2^(n-1), capped, never below the interval; Retry-After wins if later."""
    delay = source.interval * (2 ** max(0, min(error_count - 1, 20))) + jitter(source.interval)
    delay = max(source.interval, min(delay, max(max_backoff, source.interval)))
    if retry_after:
        delay = max(delay, min(retry_after, 7 * 86400))
    return now + timedelta(seconds=delay)


@dataclass(frozen=True)
class _NoChanges:
    new: tuple[Item, ...] = ()
    updated: tuple[Item, ...] = ()
    seen: int = 0
    topics: tuple[str, ...] = ()


_NOTHING = _NoChanges()


@dataclass
class _Outcome:
    items: list[Item] = field(default_factory=list)
    not_modified: bool = False
    etag: str | None = None
    last_modified: str | None = None
    body_hash: str | None = None
    feed_url: str | None = None
    not_before: datetime | None = None
    warnings: list[str] = field(default_factory=list)


class _GroupCommit:
    """Store writes from concurrent polls, applied in groups in a worker thread.

    While one group is being written (fsync dominates a small commit), the next
    one gathers; a lone poll is written at once. One failing write is retried
    alone, so it never costs the others their results.
    """

    def __init__(self, store: Store) -> None:
        self.store = store
        self._queue: list[tuple[Callable[[], Any], asyncio.Future[Any]]] = []
        self._draining = False

    async def run(self, fn: Callable[[], Any]) -> Any:
        fut: asyncio.Future[Any] = asyncio.get_running_loop().create_future()
        self._queue.append((fn, fut))
        if not self._draining:
            self._draining = True
            asyncio.get_running_loop().create_task(self._drain())
        return await fut

    async def _drain(self) -> None:
        try:
            while self._queue:
                group, self._queue = self._queue, []
                results = await asyncio.to_thread(self._apply, [fn for fn, _ in group])
                for (_, fut), r in zip(group, results, strict=True):
                    if fut.cancelled():
                        continue
                    if isinstance(r, BaseException):
                        fut.set_exception(r)
                    else:
                        fut.set_result(r)
        finally:
            self._draining = False

    def _apply(self, fns: list[Callable[[], Any]]) -> list[Any]:
        if len(fns) > 1:
            try:
                with self.store.batch():
                    return [fn() for fn in fns]
            except Exception:
                log.warning("group commit of %d writes failed; retrying them one by one", len(fns))
        out: list[Any] = []
        for fn in fns:
            try:
                out.append(fn())
            except Exception as e:
                out.append(e)
        return out


class Poller:
    """Polls sources into the store and publishes topic feeds from it."""

    def __init__(
        self,
        config: Config,
        store: Store,
        *,
        fetcher: Fetcher | None = None,
        clock: Callable[[], datetime] | None = None,
    ) -> None:
        self.config = config
        self.store = store
        self._fetcher = fetcher
        self._owns_fetcher = fetcher is None
        self.clock = clock or utcnow
        self._writes = _GroupCommit(store)
        self._pool: ProcessPoolExecutor | None = None
        self._want_pool = False
        self._states: dict[str, SourceState] | None = None
        self._pool_lock = asyncio.Lock()
        self.reconfigure(config)

    # -- setup -------------------------------------------------------------

    @property
    def fetcher(self) -> Fetcher:
        if self._fetcher is None:
            self._fetcher = make_fetcher(self.config)
        return self._fetcher

    def reconfigure(self, config: Config) -> None:
        self.config = config
        self._source_topics = {s.id: s.topics for s in config.sources}
        self._ensure_topic_index()

    def _topics_fingerprint(self) -> str:
        parts = [repr(t) for t in self.config.topics]
        parts += [f"{s.id}={s.topics}" for s in self.config.sources]
        return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:16]

    def _ensure_topic_index(self) -> None:
        """Rebuild the store's topic index when the topics (or sources' topics) changed."""
        self.reindexed = False
        fp = self._topics_fingerprint()
        if self.store.get_meta("topics_fingerprint") != fp:
            self.store.reindex(self.classify)
            self.store.set_meta("topics_fingerprint", fp)
            self.reindexed = True

    def classify(self, item: Item) -> tuple[str, ...]:
        return topics.topics_for(item, self.config.topics, self._source_topics)

    async def _start_pool(self) -> None:
        cpus = os.cpu_count() or 1
        if self._pool is not None or cpus < 2 or os.name != "posix":
            return
        try:
            # forkserver: workers fork from a clean, single-threaded server that has already
            # imported the parsers (plain fork from a process with threads can deadlock)
            ctx = multiprocessing.get_context("forkserver")
            ctx.set_forkserver_preload([__name__])
            pool = ProcessPoolExecutor(max_workers=min(cpus, 4), mp_context=ctx)
            await asyncio.get_running_loop().run_in_executor(pool, int)
        except (OSError, BrokenProcessPool) as e:
            log.warning("no parser processes (%s); parsing in the main process", e)
            return
        self._pool = pool

    async def aclose(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None
        if self._fetcher is not None and self._owns_fetcher:
            await self._fetcher.aclose()
            self._fetcher = None

    # -- polling -----------------------------------------------------------

    async def poll_many(
        self,
        sources: Iterable[SourceConfig],
        on_result: Callable[[PollResult], Any] | None = None,
    ) -> list[PollResult]:
        """Poll sources concurrently (the fetcher enforces global and per-host limits).

        Many feed sources are parsed and normalized in worker processes: those steps are
        pure and CPU-bound, and the main process is kept busy by HTTP and the store.
        """
        sources = list(sources)
        # started by the first feed that needs parsing: a pass of 304s never pays for it
        self._want_pool = sum(s.kind == "feed" for s in sources) >= POOL_MIN_SOURCES
        # one read of every state up front, instead of one per poll waiting on the writer
        self._states = await asyncio.to_thread(self.store.states)
        # a bounded number of polls in flight bounds the bodies and items held in memory
        in_flight = asyncio.Semaphore(max(32, 2 * self.config.concurrency))

        async def one(s: SourceConfig) -> PollResult:
            async with in_flight:
                r = await self.poll(s)
            if on_result is not None:
                on_result(r)
            return r

        try:
            return list(await asyncio.gather(*(one(s) for s in sources)))
        finally:
            self._states = None

    async def poll(self, source: SourceConfig) -> PollResult:
        """One poll of one source. Never raises for a problem of the source."""
        t0 = time.monotonic()
        now = self.clock()
        if self._states is not None and source.id in self._states:
            state = self._states.pop(source.id)
        else:
            # off the loop: a group commit in the writer thread holds the store's lock
            state = await asyncio.to_thread(self.store.get_state, source.id)
        state = state or SourceState(source_id=source.id)
        try:
            if source.kind == "html":
                out = await self._poll_html(source, state, now)
            else:
                out = await self._poll_feed(source, state, now)
        except SourceError as e:
            return await self._record_error(source, state, now, e, t0)
        except asyncio.CancelledError:
            raise
        except Exception as e:  # a bug: record it, keep the pass going, but say so loudly
            log.exception("bug while polling source=%s", source.id)
            if os.environ.get(RAISE_BUGS_ENV):
                raise
            return await self._record_error(source, state, now, e, t0)

        new_state = replace(
            state,
            last_attempt=now,
            last_success=now,
            last_error=None,
            error_count=0,
            etag=out.etag if out.etag is not None else (state.etag if out.not_modified else None),
            last_modified=out.last_modified
            if out.last_modified is not None
            else (state.last_modified if out.not_modified else None),
            body_hash=out.body_hash or state.body_hash,
            feed_url=out.feed_url if out.feed_url is not None else state.feed_url,
            not_before=out.not_before,
            next_poll=next_poll_after_success(source, now, out.not_before, jitter(source.interval)),
        )
        # the store writes files (fsync): keep the event loop free for other polls and HTTP
        items = out.items
        if items:
            res = await self._writes.run(
                lambda: self.store.commit(source.id, items, new_state, now=now, classify=self.classify)
            )
        else:
            # nothing to merge (304, same body): only the state changes, not the source's index
            await self._writes.run(lambda: self.store.put_state(new_state))
            res = _NOTHING
        ms = int((time.monotonic() - t0) * 1000)
        status = "not_modified" if out.not_modified and not res.new and not res.updated else "ok"
        result = PollResult(
            source_id=source.id,
            status=status,
            new=len(res.new),
            updated=len(res.updated),
            seen=res.seen,
            ms=ms,
            topics=tuple(res.topics),
        )
        extra = f" warning={out.warnings[0]!r}" if out.warnings else ""
        log.info(
            "polled source=%s status=%s new=%d updated=%d seen=%d ms=%d%s",
            source.id, status, result.new, result.updated, result.seen, ms, extra,
        )
        return result

    async def _record_error(
        self, source: SourceConfig, state: SourceState, now: datetime, e: BaseException, t0: float
    ) -> PollResult:
        count = state.error_count + 1
        retry_after = e.retry_after if isinstance(e, FetchError) else None
        text = error_text(e)
        new_state = replace(
            state,
            last_attempt=now,
            last_error=text,
            error_count=count,
            next_poll=next_poll_after_error(source, now, count, self.config.max_backoff, retry_after),
        )
        try:
            await self._writes.run(lambda: self.store.put_state(new_state))
        except Exception:
            log.exception("could not record the error of source=%s", source.id)
        ms = int((time.monotonic() - t0) * 1000)
        log.warning("polled source=%s status=error ms=%d errors=%d error=%r", source.id, ms, count, text)
        return PollResult(source_id=source.id, status="error", ms=ms, error=text)

    # -- feeds -------------------------------------------------------------

    async def _poll_feed(self, source: SourceConfig, state: SourceState, now: datetime) -> _Outcome:
        url = state.feed_url or source.url
        fetched = await self._get(source, url, etag=state.etag, last_modified=state.last_modified)
        out = _Outcome(etag=fetched.etag, last_modified=fetched.last_modified, not_before=fetched.not_before)
        if fetched.not_modified:
            out.not_modified = True
            return out
        h = _body_hash(fetched.body)
        out.body_hash = h
        if h == state.body_hash:
            out.not_modified = True
            return out
        tz = self.config.source_tz(source)
        try:
            warning, items, skipped = await self._feed_job(source, fetched, tz, now, url)
        except ParseError as e:
            kind = feedparse.sniff(fetched.body, fetched.headers.get("content-type"))
            found = feedparse.discover(fetched.body, fetched.final_url) if kind == "html" else []
            if not found:
                raise _for_source(e, source) from None
            feed_url = found[0]
            log.info("discovered source=%s feed=%s", source.id, feed_url)
            fetched = await self._get(source, feed_url)
            warning, items, skipped = await self._feed_job(source, fetched, tz, now, feed_url)
            out.feed_url = feed_url
            out.etag, out.last_modified = fetched.etag, fetched.last_modified
            out.body_hash = _body_hash(fetched.body)
        if warning:
            out.warnings.append(warning)
        for why in skipped:
            log.warning("skipped entry source=%s error=%r", source.id, why)
        out.items.extend(items)
        return out

    async def _feed_job(
        self, source: SourceConfig, fetched: Fetched, tz: Any, now: datetime, feed_id: str
    ) -> tuple[str | None, list[Item], list[str]]:
        args = (fetched.body, fetched.final_url, fetched.charset, tz, source, now, feed_id)
        if self._want_pool and self._pool is None:
            async with self._pool_lock:
                await self._start_pool()
                self._want_pool = False  # started, or could not be: do not try again
        if self._pool is None:
            return feed_job(*args)
        try:
            return await asyncio.get_running_loop().run_in_executor(self._pool, feed_job, *args)
        except BrokenProcessPool:
            log.warning("parser processes died; parsing in the main process from now on")
            self._pool = None
            return feed_job(*args)

    # -- html portals --------------------------------------------------------

    async def _poll_html(self, source: SourceConfig, state: SourceState, now: datetime) -> _Outcome:
        tz = self.config.source_tz(source)
        fetched = await self._get(source, source.url, etag=state.etag, last_modified=state.last_modified)
        out = _Outcome(etag=fetched.etag, last_modified=fetched.last_modified, not_before=fetched.not_before)
        known = await asyncio.to_thread(self.store.pages, source.id)
        listed: list[scrape.ListLink] = []
        site_title: str | None = None
        body_hash = None if fetched.not_modified else _body_hash(fetched.body)
        if body_hash is None or body_hash == state.body_hash:
            out.not_modified = True
        else:
            out.body_hash = body_hash
            page = self._list_page(source, fetched, tz)
            site_title = page.title
            listed.extend(page.links)
            # Later polls stop at known links; the first poll reads `pages` list pages.
            followed = {fetched.final_url}
            next_pages = list(page.next_pages)
            pages_read = 1
            while next_pages and pages_read < source.pages:
                if known and any(urls.canonical_url(link.url) in known for link in page.links):
                    break
                nxt = next_pages.pop(0)
                if nxt in followed:
                    continue
                followed.add(nxt)
                try:
                    more = await self._get(source, nxt)
                    page = self._list_page(source, more, tz)
                except SourceError as e:
                    out.warnings.append(f"list page {nxt}: {e}")
                    break
                pages_read += 1
                listed.extend(page.links)
                next_pages = list(page.next_pages)

        seen_urls: set[str] = set()
        fresh: list[scrape.ListLink] = []
        for link in listed:
            # the store knows pages by their canonical URL (tracking parameters dropped)
            canon = urls.canonical_url(link.url)
            if canon in seen_urls:
                continue
            seen_urls.add(canon)
            if canon not in known:
                fresh.append(link)
        fresh = fresh[: source.max_articles]
        due = [
            scrape.ListLink(url=u, title=None, published=None, date_only=False)
            for u, (fetched_at, _h) in known.items()
            if (now - fetched_at).total_seconds() >= source.recheck
            and (not listed or u in seen_urls)
        ]
        due.sort(key=lambda link: known[link.url][0])
        todo = fresh + due[:RECHECK_PER_POLL]
        if not todo:
            return out

        feed_id = source.url
        feed_title = source.name or site_title or source.url
        results = await asyncio.gather(
            *(self._article(source, link, tz, fetched.final_url) for link in todo), return_exceptions=True
        )
        errors: list[BaseException] = []
        for link, r in zip(todo, results, strict=True):
            if isinstance(r, asyncio.CancelledError):
                raise r
            if isinstance(r, BaseException):
                if not isinstance(r, SourceError):
                    if os.environ.get(RAISE_BUGS_ENV):
                        raise r
                    log.error("bug on article source=%s url=%s", source.id, link.url, exc_info=r)
                errors.append(r)
                log.warning("article failed source=%s url=%s error=%r", source.id, link.url, error_text(r))
                continue
            try:
                out.items.append(
                    normalize.item(r, source, now=now, tz=tz, feed_title=feed_title,
                                   feed_link=source.url, feed_id=feed_id)
                )
            except SourceError as e:
                errors.append(e)
        if errors and not out.items and fresh:
            first = errors[0]
            raise ExtractError(
                f"all {len(errors)} article pages failed; first: {error_text(first)}",
                source_id=source.id, url=source.url,
            )
        if errors:
            out.warnings.append(f"{len(errors)} of {len(todo)} article pages failed")
        return out

    def _list_page(self, source: SourceConfig, fetched: Fetched, tz: Any) -> scrape.ListPage:
        try:
            return scrape.list_page(
                fetched.body, fetched.final_url,
                selector=source.links, next_selector=source.selectors.next_page,
                charset=fetched.charset, encoding=source.encoding, tz=tz,
            )
        except SourceError as e:
            raise _for_source(e, source) from None

    async def _article(self, source: SourceConfig, link: scrape.ListLink, tz: Any, found_on: str) -> RawItem:
        fetched = await self._get(source, link.url)
        raw = scrape.article(
            fetched.body, fetched.final_url, selectors=source.selectors,
            charset=fetched.charset, encoding=source.encoding, tz=tz, found_on=found_on,
        )
        if raw.link != link.url:
            # identity is the URL the list links to: a redirect must not make it look new each poll
            raw = replace(raw, link=link.url)
        return merge_list_info(raw, link)

    async def _get(
        self, source: SourceConfig, url: str, *, etag: str | None = None, last_modified: str | None = None
    ) -> Fetched:
        try:
            return await self.fetcher.get(
                url, etag=etag, last_modified=last_modified, delay=source.delay, now=self.clock()
            )
        except SourceError as e:
            raise _for_source(e, source) from None

    # -- publishing ----------------------------------------------------------

    def publish(self, topic_ids: Iterable[str] | None = None) -> list[str]:
        """Rewrite the named (default: all) topic feeds from the store; returns those whose file changed."""
        wanted = set(topic_ids) if topic_ids is not None else None
        titles = {t.id: t.title for t in self.config.topics}
        written: list[str] = []
        try:
            self.config.feeds_dir.mkdir(parents=True, exist_ok=True)
        except OSError as e:
            raise PublishError(f"cannot write feeds to {self.config.feeds_dir}: {e.strerror or e}") from None
        for topic in self.config.topics:
            if wanted is not None and topic.id not in wanted:
                continue
            items = self.store.topic_items(topic.id, self.config.topic_max_entries(topic))
            item_topics = {it.id: self.store.item_topics(it.id) for it in items}
            data = atom.render(
                topic, items, base_url=self.config.base_url, topic_titles=titles, item_topics=item_topics
            )
            if atom.write(self.config.feeds_dir / f"{topic.id}.atom", data):
                written.append(topic.id)
                log.info("published topic=%s entries=%d", topic.id, len(items))
        return written

    def prune(self, *, every: float = 6 * 3600) -> int:
        """Apply retention, at most once per `every` seconds (it reads every source's index)."""
        now = self.clock()
        last = self.store.get_meta("last_prune")
        if last is not None and (now - datetime.fromisoformat(last)).total_seconds() < every:
            return 0
        self.store.set_meta("last_prune", now.isoformat())
        keep_for = {s.id: s.keep for s in self.config.sources if s.keep is not None}
        return self.store.prune(
            now=self.clock(), keep_age=self.config.keep_age,
            keep_per_source=self.config.keep_per_source, keep_for=keep_for,
        )


def feed_job(
    body: bytes, url: str, charset: str | None, tz: Any, source: SourceConfig, now: datetime, feed_id: str
) -> tuple[str | None, list[Item], list[str]]:
    """Parse a feed body and normalize its entries: (parser warning, items, skipped entries' errors).

    Pure, so it can run in a worker process. Raises ParseError when the body is no feed.
    """
    parsed = feedparse.parse(body, url, tz=tz, charset=charset)
    items: list[Item] = []
    skipped: list[str] = []
    for raw in parsed.items:
        try:
            items.append(
                normalize.item(
                    raw, source, now=now, tz=tz,
                    feed_title=parsed.title or source.name,
                    feed_link=parsed.link or source.url,
                    feed_id=parsed.feed_id or feed_id,
                )
            )
        except SourceError as e:
            skipped.append(error_text(e))
    return parsed.warning, items, skipped


def _for_source(e: SourceError, source: SourceConfig) -> SourceError:
    if e.source_id is None:
        e.source_id = source.id
    return e


def merge_list_info(raw: RawItem, link: scrape.ListLink) -> RawItem:
    """Fill what the article page lacks from its list row (the list's title is often cut short)."""
    changes: dict[str, Any] = {}
    if not raw.title and link.title:
        changes["title"] = link.title
    if raw.published is None and link.published is not None:
        changes["published"] = link.published
        changes["date_only"] = link.date_only
    elif (
        raw.published is not None and raw.date_only and link.published is not None and not link.date_only
        and raw.published.date() == link.published.astimezone(raw.published.tzinfo).date()
    ):
        changes["published"] = link.published
        changes["date_only"] = False
    return replace(raw, **changes) if changes else raw


def make_fetcher(config: Config) -> Fetcher:
    has_html = any(s.kind == "html" for s in config.sources)
    return Fetcher(
        timeout=config.timeout,
        max_body=config.max_body,
        max_redirects=config.max_redirects,
        user_agent=config.user_agent,
        concurrency=config.concurrency,
        # portals are small government servers: one request at a time per host by default
        per_host=1 if has_html and config.per_host == 2 else config.per_host,
        host_delay=config.host_delay,
    )


def sources_to_poll(config: Config, ids: Sequence[str]) -> list[SourceConfig]:
    """The enabled sources, or the named ones (named disabled sources are polled too: the user asked)."""
    if not ids:
        return [s for s in config.sources if s.enabled]
    by_id = {s.id: s for s in config.sources}
    missing = [i for i in ids if i not in by_id]
    if missing:
        raise KeyError(", ".join(missing))
    return [by_id[i] for i in ids]


__all__ = [
    "Poller", "feed_job", "make_fetcher", "merge_list_info", "sources_to_poll",
    "next_poll_after_error", "next_poll_after_success",
]
