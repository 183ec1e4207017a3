"""The store's dedup-key index: key → (item id, shard). Used only by `aggregator.store`.

Keys live in `SHARDS` hash-shard files (``keys/<xxx>.json``, one TinyDB document holding a
key → [id, shard] map, which loads several times faster than a document per key), but a commit
does not write them:
hashing spreads a poll's ~80 new keys over ~80 files, and creating, fsyncing and renaming those
dominated a commit. Instead each commit writes its new keys as one log segment
(``keys/log/<gen>.json``) inside the same atomic commit, and every process keeps all segments in
memory (at most `LOG_MAX` keys). When the log passes `LOG_MAX`, `checkpoint` folds it into the hash
shards and deletes the segments, again as one atomic commit; its cost (every shard rewritten, a
few seconds at 100k items) is spread over the ~250 polls that filled the log.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterable

from .store_files import Disk, DocFile

SHARDS = 4096
LOG_MAX = 20_000
LOG_DIR = "keys/log"


def shard_name(key: str) -> str:
    n = int(hashlib.sha1(key.encode("utf-8")).hexdigest()[:4], 16) * SHARDS // 65536
    return f"keys/{n:04x}.json"


class KeyIndex:
    def __init__(self, file: Callable[[str], DocFile], disk: Disk) -> None:
        self._file = file  # the store's cached, commit-tracked file getter
        self._disk = disk
        self._log: dict[str, tuple[str, str, str]] | None = None  # key → (id, shard, segment)

    def invalidate(self) -> None:
        """Forget the in-memory log (another process, or a failed commit, changed it)."""
        self._log = None

    def _entries(self) -> dict[str, tuple[str, str, str]]:
        if self._log is None:
            log: dict[str, tuple[str, str, str]] = {}
            d = self._disk.path(LOG_DIR)
            for name in sorted(os.listdir(d)) if d.is_dir() else ():
                if name.endswith(".json"):
                    seg = f"{LOG_DIR}/{name}"
                    for doc in self._disk.load(seg).docs():
                        log.setdefault(doc["k"], (doc["i"], doc["s"], seg))
            self._log = log
        return self._log

    def log_size(self) -> int:
        return len(self._entries())

    def lookup(self, key: str) -> tuple[str, str] | None:
        hit = self._entries().get(key)
        if hit is not None:
            return hit[0], hit[1]
        hit2 = self._map(shard_name(key)).get(key)
        return None if hit2 is None else (hit2[0], hit2[1])

    def _map(self, name: str) -> dict[str, list[str]]:
        doc = self._file(name).raw(1)
        return doc["m"] if doc else {}

    def _set_map(self, name: str, m: dict[str, list[str]]) -> None:
        f = self._file(name)
        if m:
            f.put({1: {"m": m}})
        else:
            f.delete([1])

    def add(self, entries: Iterable[tuple[str, str, str]], gen: int) -> None:
        """Record new (key, id, shard) entries in this commit's log segment."""
        log = self._entries()
        seg = f"{LOG_DIR}/{gen:012d}.json"
        docs: dict[int, dict[str, str]] = {}
        f = self._file(seg)
        for key, item_id, shard in entries:
            if key not in log:
                log[key] = (item_id, shard, seg)
                docs[f.new_id()] = {"k": key, "i": item_id, "s": shard}
        f.put(docs)

    def remove(self, key: str, item_id: str) -> None:
        log = self._entries()
        hit = log.get(key)
        if hit is not None:
            if hit[0] == item_id:
                f = self._file(hit[2])
                doc_id = f.index("k").get(key)
                if doc_id is not None:
                    f.delete([doc_id])
                del log[key]
            return
        name = shard_name(key)
        m = self._map(name)
        if key in m and m[key][0] == item_id:
            m = dict(m)
            del m[key]
            self._set_map(name, m)

    def checkpoint(self) -> None:
        """Fold the log into the hash shards and empty it (the caller commits)."""
        log = self._entries()
        by_shard: dict[str, dict[str, tuple[str, str]]] = {}
        for key, (item_id, shard, _seg) in log.items():
            by_shard.setdefault(shard_name(key), {})[key] = (item_id, shard)
        for name, entries in by_shard.items():
            m = dict(self._map(name))
            m.update((k, [i, s]) for k, (i, s) in entries.items())
            self._set_map(name, m)
        for seg in {v[2] for v in log.values()}:
            f = self._file(seg)
            f.delete([d.doc_id for d in f.docs()])
        self._log = {}
