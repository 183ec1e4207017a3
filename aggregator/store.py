"""The item store: the only TinyDB user. Items, dedup keys, topic indexes, source state.

Owns persistence and merge semantics; does not fetch, parse, classify or render (it is handed a
`classify` callable). Safe for a CLI and a daemon at once (inter-process flock on
``data_dir/.lock`` plus a thread lock); readers never see a half-written commit.

Storage design — per-poll cost bounded by the poll's items, not by the store's size. TinyDB keeps
a database as one JSON document rewritten on every change, so one big database makes every write
O(store) (1,200 single inserts took 35 s; 100k items were a 373 MB file taking 1.1 GB to open).
So the store is many small TinyDB files under ``data_dir``, each loaded only when needed, kept in
an LRU bounded by bytes (`cache_bytes`), and written only when a commit changes it:

``items/<source>/<YYYYMM>-<seq>.json``
    item documents (plus their ``_topics``), sharded by the source that first saw them and the
    month of first_seen; a shard is closed at `SHARD_ITEMS` items or ~`SHARD_BYTES` bytes, so
    reading one item (publishing reads ~100 scattered ones) never parses much else.
``keys/<hhhh>.json``, ``keys/log/<gen>.json``
    dedup key → (item id, shard): 4,096 hash shards, so a lookup loads one small file; a commit
    writes its new keys as one log segment, folded into the shards every ~20k keys; a Bloom
    filter over the shards answers "no such key" for new items without loading a shard
    (`store_keys`). ``#id:<id>`` entries make `get(id)` one lookup.
``sources/<source>.json``
    per-source index: member items (id, sort date, shard, last poll that listed it), the html
    page table behind `pages()`, the source's open item shard and poll counter. An item the
    source lists again is found here by id, without touching the key index.
``topics/<topic>.json``
    publishing index: (sort date, id, shard) newest first, trimmed to `TOPIC_KEEP` entries, so
    `topic_items(t, 100)` loads only the shards holding those 100 items.
``states/<h>.json``
    `SourceState` documents, 16 shards by sha1 of the source id.
``meta.json``
    generation counter, item count and the names of files each recent commit changed, so another
    process's cached files are dropped exactly when they went stale.

A commit writes every changed file through the write-ahead protocol of `store_files.Disk` (tmp +
fsync, journal, replace, directory fsync), so a kill -9 at any moment leaves the store loadable
and holding every item of every completed commit; a half-done commit is finished on the next
open, torn temp files are deleted.

Retention (`prune`): an item goes when it is older than ``keep_age`` or beyond some source's
per-source limit (oldest first) — unless a source still lists it, i.e. it was in that source's
most recent non-empty commit. A topic index only ever holds its newest `TOPIC_KEEP` items;
`reindex` rebuilds the topic indexes from every shard.
"""

from __future__ import annotations

import bisect
import hashlib
import heapq
import os
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import datetime, timedelta, timezone
from pathlib import Path
from types import TracebackType
from typing import Any

from . import store_keys
from .errors import StoreError
from .model import Item, SourceState
from .store_codec import dt_out, item_in, item_out, merge, slug, sort_key, state_in, state_out
from .store_files import META, Disk, DocFile, FileCache, FileLock, dumps
from .store_keys import BLOOM, LOG_DIR, KeyIndex

SHARD_ITEMS = 64
SHARD_BYTES = 64 * 1024
TOPIC_KEEP = 1000
RECENT_COMMITS = 64
ID_KEY = "#id:"

Classify = Callable[[Item], Sequence[str]]


@dataclass(frozen=True, slots=True)
class CommitResult:
    new: tuple[Item, ...]
    updated: tuple[Item, ...]
    seen: int
    topics: tuple[str, ...]


def _h(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def _state_file(source_id: str) -> str:
    return f"states/{_h(source_id)[:1]}.json"


def _source_file(source_id: str) -> str:
    return f"sources/{slug(source_id)}.json"


def _topic_file(topic: str) -> str:
    return f"topics/{slug(topic)}.json"


def _size(item: Item) -> int:
    return len(item.content) + len(item.text) + len(item.title) + 600 * len(item.sightings) + 400


@dataclass(slots=True)
class _Pending:
    item: Item
    shard: str
    old_topics: tuple[str, ...] | None  # None: not stored before this commit
    status: str  # "new" | "updated" | "changed" (not content) | "seen" (unchanged)


USER_META = "usermeta.json"


class Store:
    """Sharded TinyDB store; see the module docstring for the layout."""

    def __init__(self, data_dir: Path, *, cache_bytes: int = 96 * 1024 * 1024, fsync: bool = True) -> None:
        self.root = Path(data_dir)
        try:
            self.root.mkdir(parents=True, exist_ok=True)
            self._lock = FileLock(self.root / ".lock")
        except OSError as e:
            raise StoreError(f"cannot open the store in {self.root}: {e.strerror or e}") from None
        self._disk = Disk(self.root, fsync=fsync)
        self._cache = FileCache(cache_bytes)
        self._gen: int | None = None
        self._meta: dict[str, Any] = {}
        self._touched: dict[str, DocFile] | None = None
        self._keys = KeyIndex(self._file, self._peek, self._disk)
        self._lock.acquire(True)
        try:
            self._disk.recover()
            self._disk.clean_temp()
        finally:
            self._lock.release()

    # -- locking and commits -------------------------------------------------------------

    def close(self) -> None:
        # wait for a commit running in another thread: it must finish before the lock goes
        with self._lock.thread:
            self._cache.clear()
            self._lock.close()

    @contextmanager
    def batch(self) -> Iterator[None]:
        """Group the commits and state writes made inside into one durable write.

        The fsyncs of a commit cost more than its work; a poll of many sources commits in
        groups (pipeline's group commit). An exception inside discards the whole group.
        """
        with self._Writing(self):
            yield

    def __enter__(self) -> Store:
        return self

    def __exit__(self, t: type[BaseException] | None, e: BaseException | None, tb: TracebackType | None) -> None:
        self.close()

    def _begin(self, exclusive: bool) -> None:
        if self._lock.fd < 0:
            raise StoreError("store is closed")
        if not self._lock.acquire(exclusive):
            return
        try:
            if self._disk.has_journal():
                self._lock.upgrade()
                self._disk.recover()
            self._sync_meta()
        except BaseException:
            self._lock.release()
            raise

    def _sync_meta(self) -> None:
        raw = self._disk.read_json(META)
        meta = (raw or {}).get("_default", {}).get("1") or {"gen": 0, "count": 0, "recent": []}
        gen = meta["gen"]
        if self._gen is not None and gen != self._gen:
            recent = {g: names for g, names in meta["recent"]}
            needed = range(self._gen + 1, gen + 1)
            if gen > self._gen and all(g in recent and "*" not in recent[g] for g in needed):
                for g in needed:
                    for name in recent[g]:
                        self._cache.drop(name)
                        if name.startswith(LOG_DIR) or name == BLOOM:
                            self._keys.invalidate()
            else:
                self._cache.clear()
                self._keys.invalidate()
        self._gen = gen
        self._meta = meta

    class _Reading:
        def __init__(self, store: Store) -> None:
            self.store = store

        def __enter__(self) -> None:
            self.store._begin(False)

        def __exit__(self, *exc: object) -> None:
            self.store._lock.release()

    class _Writing:
        def __init__(self, store: Store) -> None:
            self.store = store

        def __enter__(self) -> None:
            self.store._begin(True)
            if self.store._touched is None:
                self.store._touched = {}

        def __exit__(self, t: type[BaseException] | None, *exc: object) -> None:
            s = self.store
            try:
                if s._lock.depth == 1 and s._touched is not None:
                    touched, s._touched = s._touched, None
                    if t is not None:
                        s._forget()
                    else:
                        s._write(touched)
            finally:
                s._lock.release()

    def _forget(self) -> None:
        """Memory may disagree with disk (a failed write): reload everything on next use."""
        self._gen = None
        self._cache.clear()
        self._keys.invalidate()

    def _write(self, touched: dict[str, DocFile]) -> None:
        """Commit every changed file of this write as one durable step."""
        dirty = {n: f for n, f in touched.items() if f.dirty}
        if not dirty:
            return
        gen = self._meta["gen"] + 1
        writes: dict[str, bytes] = {}
        deletes: list[str] = []
        for name, f in dirty.items():
            if f.is_empty() and not name.startswith("states/"):
                deletes.append(name)
            else:
                writes[name] = dumps(f.storage.data)
        names = sorted(dirty) if len(dirty) <= 2000 else ["*"]
        meta = dict(self._meta, gen=gen, recent=(self._meta["recent"] + [[gen, names]])[-RECENT_COMMITS:])
        writes[META] = dumps({"_default": {"1": meta}})
        try:
            self._disk.commit(gen, writes, deletes, before_replace=self._before_replace)
        except BaseException as e:
            self._forget()
            if isinstance(e, OSError):
                raise StoreError(f"cannot write store in {self.root}") from e
            raise
        for name, f in dirty.items():
            f.storage.dirty = False
            self._cache.resize(f, len(writes.get(name, b"")))
            if name in deletes:
                self._cache.drop(name)
        self._meta = meta
        self._gen = gen
        self._cache.trim()

    #: test hook, called between the journal and the replacements
    _before_replace: Callable[[], None] | None = None

    def _file(self, name: str) -> DocFile:
        f = self._cache.get(name)
        if f is None:
            f = self._disk.load(name)
            self._cache.add(f)
        if self._touched is not None:
            self._touched[name] = f
        return f

    def _peek(self, name: str) -> DocFile:
        return self._cache.get(name) or self._disk.load(name)

    # -- lookups ---------------------------------------------------------------------------

    def _lookup(self, key: str) -> tuple[str, str] | None:
        return self._keys.lookup(key)

    def _item_doc(self, item_id: str, shard: str | None = None) -> dict[str, Any] | None:
        if shard is None:
            loc = self._lookup(ID_KEY + item_id)
            if loc is None:
                return None
            shard = loc[1]
        f = self._file(shard)
        doc_id = f.index("id").get(item_id)
        return None if doc_id is None else f.get(doc_id)

    def get(self, item_id: str) -> Item | None:
        with self._Reading(self):
            doc = self._item_doc(item_id)
            return None if doc is None else item_in(doc)

    def item_topics(self, item_id: str) -> tuple[str, ...]:
        with self._Reading(self):
            doc = self._item_doc(item_id)
            return () if doc is None else tuple(doc.get("_topics", ()))

    def count(self) -> int:
        with self._Reading(self):
            return int(self._meta.get("count", 0))

    def topic_items(self, topic_id: str, limit: int) -> list[Item]:
        with self._Reading(self):
            out: list[Item] = []
            entries = self._topic_list(topic_id)
            for _d, item_id, shard in entries[::-1][: max(limit, 0)]:
                item = self._item_doc(item_id, shard)
                if item is not None:
                    out.append(item_in(item))
            return out

    def _topic_list(self, topic_id: str) -> list[list[str]]:
        """[sort key, item id, shard], oldest first: one document, so an update is one list edit."""
        doc = self._file(_topic_file(topic_id)).get(1)
        return list(doc["e"]) if doc else []

    def _set_topic(self, topic_id: str, entries: list[list[str]]) -> None:
        f = self._file(_topic_file(topic_id))
        if entries:
            f.put({1: {"e": entries[-TOPIC_KEEP:]}})
        else:
            f.delete([1])

    def pages(self, source_id: str) -> dict[str, tuple[datetime, str]]:
        with self._Reading(self):
            out: dict[str, tuple[datetime, str]] = {}
            for d in self._file(_source_file(source_id)).docs("pages"):
                out[d["u"]] = (datetime.fromisoformat(d["t"]), d["h"])
            return out

    # -- small named values (e.g. the topics fingerprint the index was built for) --------------

    def get_meta(self, key: str) -> Any:
        with self._Reading(self):
            doc = self._file(USER_META).raw(1) or {}
            return doc.get(key)

    def set_meta(self, key: str, value: Any) -> None:
        with self._Writing(self):
            f = self._file(USER_META)
            doc = dict(f.raw(1) or {})
            doc[key] = value
            f.put({1: doc})

    # -- source state ------------------------------------------------------------------------

    def get_state(self, source_id: str) -> SourceState | None:
        with self._Reading(self):
            f = self._file(_state_file(source_id))
            doc_id = f.index("source_id").get(source_id)
            return None if doc_id is None else state_in(f.get(doc_id) or {})

    def states(self) -> dict[str, SourceState]:
        with self._Reading(self):
            out: dict[str, SourceState] = {}
            for i in range(16):
                for d in self._file(f"states/{i:x}.json").docs():
                    out[d["source_id"]] = state_in(d)
            return out

    def put_state(self, state: SourceState) -> None:
        with self._Writing(self):
            self._put_state(state)

    def _put_state(self, state: SourceState) -> None:
        f = self._file(_state_file(state.source_id))
        doc_id = f.index("source_id").get(state.source_id) or f.new_id()
        f.put({doc_id: state_out(state)})

    # -- commit ----------------------------------------------------------------------------------

    def _source_meta(self, src: DocFile, source_id: str) -> dict[str, Any]:
        doc = src.get(1, "meta")
        base = {"source_id": source_id, "open": None, "n": 0, "bytes": 0, "poll": 0}
        return dict(base, **(doc or {}))

    def _allocate(self, smeta: dict[str, Any], item: Item, now: datetime) -> str:
        month = now.astimezone(timezone.utc).strftime("%Y%m")
        open_ = smeta["open"]
        if (
            open_ is None
            or not open_.rsplit("/", 1)[1].startswith(month)
            or smeta["n"] >= SHARD_ITEMS
            or smeta["bytes"] >= SHARD_BYTES
        ):
            seq = 0
            if open_ is not None and open_.rsplit("/", 1)[1].startswith(month):
                seq = int(open_.rsplit("-", 1)[1].split(".")[0]) + 1
            open_ = f"items/{slug(smeta['source_id'])}/{month}-{seq:04d}.json"
            smeta.update(open=open_, n=0, bytes=0)
        smeta["n"] += 1
        smeta["bytes"] += _size(item)
        return open_

    def commit(
        self,
        source_id: str,
        items: Sequence[Item],
        state: SourceState,
        *,
        now: datetime,
        classify: Classify,
    ) -> CommitResult:
        with self._Writing(self):
            src = self._file(_source_file(source_id))
            smeta = self._source_meta(src, source_id)
            if items:
                smeta["poll"] += 1
            pending: dict[str, _Pending] = {}
            claimed: dict[str, str] = {}  # key → id, for keys first stored by this commit
            pages: dict[str, dict[str, Any]] = {}
            seen = 0
            listed = src.index("i", "items")
            for inc in items:
                found: tuple[str, str] | None = None
                keys = (*inc.keys, ID_KEY + inc.id)
                hit = next((k for k in keys if k in claimed), None)
                if hit is not None:
                    found = (claimed[hit], pending[claimed[hit]].shard)
                elif inc.id in listed:
                    # a re-listed item: its id is its primary key's digest, and the source's own
                    # index knows its shard, so no key shard needs loading
                    found = (inc.id, (src.raw(listed[inc.id], "items") or {})["s"])
                else:
                    for k in keys:
                        found = self._lookup(k)
                        if found is not None:
                            break
                p = pending.get(found[0]) if found else None
                if found is not None and p is None:
                    doc = self._item_doc(*found)
                    if doc is not None:
                        p = _Pending(item_in(doc), found[1], tuple(doc.get("_topics", ())), "seen")
                        pending[found[0]] = p
                if p is None:
                    item = replace(inc, first_seen=inc.first_seen or now)
                    p = _Pending(item, self._allocate(smeta, item, now), None, "new")
                    pending[item.id] = p
                else:
                    merged, content = merge(p.item, inc, now)
                    if content and p.status in ("seen", "changed"):
                        p.status = "updated"
                    else:
                        # also a repeat of an item already new/updated in this same batch
                        seen += 1
                        if p.status == "seen" and merged != p.item:
                            p.status = "changed"
                    p.item = merged
                for k in (*p.item.keys, ID_KEY + p.item.id):
                    claimed.setdefault(k, p.item.id)
                for s in inc.sightings:
                    if s.source_id == source_id and s.extractor.startswith("html"):
                        pages[s.url] = {"u": s.url, "t": dt_out(s.fetched_at), "h": inc.content_hash, "i": p.item.id}
            topics = self._store_pending(pending, classify)
            self._index_source(src, smeta, pending, pages)
            n_items = len(src.table("items"))
            self._put_state(replace(state, items=n_items))
            new = sum(1 for p in pending.values() if p.status == "new")
            self._meta["count"] = int(self._meta.get("count", 0)) + new
            if self._keys.log_size() > store_keys.LOG_MAX:
                self._flush()
                self._keys.checkpoint()  # committed on its own, after the poll's commit
            return CommitResult(
                new=tuple(p.item for p in pending.values() if p.status == "new"),
                updated=tuple(p.item for p in pending.values() if p.status == "updated"),
                seen=seen,
                topics=tuple(sorted(topics)),
            )

    def _store_pending(self, pending: dict[str, _Pending], classify: Classify) -> set[str]:
        """Write changed items, their keys and their topic entries; return the touched topics."""
        result: set[str] = set()
        by_shard: dict[str, dict[int, dict[str, Any]]] = {}
        new_keys: dict[str, tuple[str, str, str]] = {}
        topic_changes: dict[str, list[tuple[str, _Pending | None]]] = {}
        for p in pending.values():
            if p.status == "seen":
                continue
            old = p.old_topics or ()
            new = tuple(dict.fromkeys(classify(p.item)))
            if p.status in ("new", "updated"):
                result.update(new)
            else:
                result.update(set(new) ^ set(old))
            for t in set(old) | set(new):
                topic_changes.setdefault(t, []).append((p.item.id, p if t in new else None))
            f = self._file(p.shard)
            doc = item_out(p.item)
            doc["_topics"] = list(new)
            doc_id = f.index("id").get(p.item.id) or f.new_id()
            by_shard.setdefault(p.shard, {})[doc_id] = doc
            for k in (*p.item.keys, ID_KEY + p.item.id):
                if k not in new_keys and self._lookup(k) is None:
                    new_keys[k] = (k, p.item.id, p.shard)
        for name, docs in by_shard.items():
            self._file(name).put(docs)
        self._keys.add(new_keys.values(), self._meta["gen"] + 1)
        for topic, changes in topic_changes.items():
            self._update_topic(topic, changes)
        return result

    def _update_topic(self, topic: str, changes: list[tuple[str, _Pending | None]]) -> None:
        drop = {i for i, _ in changes}
        entries = [e for e in self._topic_list(topic) if e[1] not in drop]
        for i, p in changes:
            if p is not None:
                bisect.insort(entries, [sort_key(p.item.sort_date), i, p.shard])
        self._set_topic(topic, entries)

    def _index_source(
        self, src: DocFile, smeta: dict[str, Any], pending: dict[str, _Pending], pages: dict[str, dict[str, Any]]
    ) -> None:
        idx = src.index("i", "items")
        docs: dict[int, dict[str, Any]] = {}
        for p in pending.values():
            doc_id = idx.get(p.item.id) or src.new_id("items")
            docs[doc_id] = {"i": p.item.id, "d": sort_key(p.item.sort_date), "s": p.shard, "seen": smeta["poll"]}
        src.put(docs, "items")
        pidx = src.index("u", "pages")
        src.put({(pidx.get(u) or src.new_id("pages")): d for u, d in pages.items()}, "pages")
        src.put({1: smeta}, "meta")

    def compact(self) -> None:
        """Fold the key log into the key shards now (commits do it by themselves when it is full)."""
        with self._Writing(self):
            self._keys.checkpoint()

    # -- retention and reindexing ---------------------------------------------------------------

    def _source_files(self) -> Iterator[str]:
        d = self.root / "sources"
        if d.is_dir():
            for name in sorted(os.listdir(d)):
                if name.endswith(".json"):
                    yield f"sources/{name}"

    def _shard_files(self) -> Iterator[str]:
        d = self.root / "items"
        if d.is_dir():
            for sub in sorted(os.listdir(d)):
                for name in sorted(os.listdir(d / sub)):
                    if name.endswith(".json"):
                        yield f"items/{sub}/{name}"

    def prune(
        self,
        *,
        now: datetime,
        keep_age: int | float | timedelta | None,
        keep_per_source: int | None,
        keep_for: Mapping[str, int] | None = None,
    ) -> int:
        """Drop old and over-limit items no source still lists; returns how many went."""
        keep_for = keep_for or {}
        age = keep_age if isinstance(keep_age, timedelta) else timedelta(seconds=keep_age or 0)
        cutoff = sort_key(now - age) if age.total_seconds() > 0 else None
        with self._Writing(self):
            listed: set[str] = set()
            candidates: dict[str, str] = {}  # id → shard
            for name in self._source_files():
                src = self._file(name)
                smeta = self._source_meta(src, "")
                limit = keep_for.get(smeta["source_id"], keep_per_source) or 0
                docs = sorted(src.docs("items"), key=lambda d: (d["d"], d["i"]), reverse=True)
                for rank, d in enumerate(docs):
                    if smeta["poll"] and d["seen"] == smeta["poll"]:
                        listed.add(d["i"])
                    elif (limit and rank >= limit) or (cutoff is not None and d["d"] < cutoff):
                        candidates[d["i"]] = d["s"]
            doomed = sorted((s, i) for i, s in candidates.items() if i not in listed)
            for start in range(0, len(doomed), 2000):
                self._drop(doomed[start : start + 2000])
                self._flush()  # each chunk is its own consistent commit; memory stays bounded
        return len(doomed)

    def _flush(self) -> None:
        touched, self._touched = self._touched or {}, {}
        self._write(touched)

    def _drop(self, doomed: list[tuple[str, str]]) -> None:
        sources: dict[str, set[str]] = {}
        topics: dict[str, set[str]] = {}
        removed = 0
        for shard, item_id in doomed:
            f = self._file(shard)
            doc_id = f.index("id").get(item_id)
            if doc_id is None:
                continue
            doc = f.get(doc_id) or {}
            f.delete([doc_id])
            removed += 1
            for k in (*doc.get("keys", ()), ID_KEY + item_id):
                self._keys.remove(k, item_id)
            for t in doc.get("_topics", ()):
                topics.setdefault(t, set()).add(item_id)
            for s in doc.get("sightings", ()):
                sources.setdefault(s["source_id"], set()).add(item_id)
        for t, ids in topics.items():
            self._set_topic(t, [e for e in self._topic_list(t) if e[1] not in ids])
        for source_id, ids in sources.items():
            src = self._file(_source_file(source_id))
            src.delete([d.doc_id for d in src.docs("items") if d["i"] in ids], "items")
            src.delete([d.doc_id for d in src.docs("pages") if d.get("i") in ids], "pages")
            sf = self._file(_state_file(source_id))
            sid = sf.index("source_id").get(source_id)
            if sid is not None:
                st = state_in(sf.get(sid) or {})
                self._put_state(replace(st, items=len(src.table("items"))))
        self._meta["count"] = max(0, int(self._meta.get("count", 0)) - removed)

    def reindex(self, classify: Classify) -> None:
        """Recompute every item's topics and rebuild the topic indexes, shard by shard."""
        heaps: dict[str, list[tuple[str, str, str]]] = {}
        with self._Writing(self):
            for n, name in enumerate(self._shard_files(), 1):
                f = self._file(name)
                changed: dict[int, dict[str, Any]] = {}
                for doc in f.docs():
                    item = item_in(doc)
                    ts = list(dict.fromkeys(classify(item)))
                    if ts != doc.get("_topics"):
                        changed[doc.doc_id] = dict(doc, _topics=ts)
                    entry = (sort_key(item.sort_date), item.id, name)
                    for t in ts:
                        h = heaps.setdefault(t, [])
                        if len(h) < TOPIC_KEEP:
                            heapq.heappush(h, entry)
                        elif entry > h[0]:
                            heapq.heapreplace(h, entry)
                f.put(changed)
                if n % 64 == 0:
                    self._flush()
            d = self.root / "topics"
            existing = {f"topics/{x}" for x in os.listdir(d) if x.endswith(".json")} if d.is_dir() else set()
            for t, h in heaps.items():
                name = _topic_file(t)
                existing.discard(name)
                self._set_topic(t, [list(e) for e in sorted(h)])
            for name in existing:
                self._file(name).delete([1])
