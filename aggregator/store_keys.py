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

A poll's new keys are, by definition, in no shard, and proving that would load one shard per key
(at 100k items the shards no longer all fit the cache). A Bloom filter over the shards' keys
(``keys/bloom.json``, rebuilt or extended by each fold, in the fold's commit) answers most of
those lookups from memory; keys removed by `prune` only make it answer "maybe".
"""

from __future__ import annotations

import base64
import hashlib
import os
from collections.abc import Callable, Iterable

from .store_files import Disk, DocFile

SHARDS = 4096
LOG_MAX = 20_000
LOG_DIR = "keys/log"
BLOOM = "keys/bloom.json"
BLOOM_K = 7
BLOOM_BITS_PER_KEY = 16


def _positions(key: str, m: int) -> list[int]:
    d = hashlib.blake2b(key.encode("utf-8"), digest_size=16).digest()
    h1, h2 = int.from_bytes(d[:8], "little"), int.from_bytes(d[8:], "little") | 1
    return [(h1 + i * h2) % m for i in range(BLOOM_K)]


class Bloom:
    def __init__(self, m: int, bits: bytearray | None = None, n: int = 0) -> None:
        self.m = m
        self.bits = bits if bits is not None else bytearray(m // 8)
        self.n = n

    def add(self, key: str) -> None:
        for p in _positions(key, self.m):
            self.bits[p >> 3] |= 1 << (p & 7)
        self.n += 1

    def __contains__(self, key: str) -> bool:
        b = self.bits
        return all(b[p >> 3] & (1 << (p & 7)) for p in _positions(key, self.m))

    def doc(self) -> dict[str, object]:
        return {"m": self.m, "n": self.n, "b": base64.b64encode(bytes(self.bits)).decode("ascii")}

    @classmethod
    def from_doc(cls, doc: dict[str, object] | None) -> Bloom | None:
        try:
            m, n, b = int(doc["m"]), int(doc["n"]), base64.b64decode(str(doc["b"]))  # type: ignore[index, call-overload]
        except (TypeError, KeyError, ValueError):
            return None
        return cls(m, bytearray(b), n) if len(b) * 8 == m else None


def shard_name(key: str) -> str:
    n = int(hashlib.sha1(key.encode("utf-8")).hexdigest()[:4], 16) * SHARDS // 65536
    return f"keys/{n:04x}.json"


class KeyIndex:
    def __init__(self, file: Callable[[str], DocFile], peek: Callable[[str], DocFile], disk: Disk) -> None:
        self._file = file  # the store's cached, commit-tracked file getter
        self._peek = peek  # cached or freshly read, not tracked by the commit
        self._disk = disk
        self._log: dict[str, tuple[str, str, str]] | None = None  # key → (id, shard, segment)
        self._bloom: Bloom | None = None

    def invalidate(self) -> None:
        """Forget the in-memory log and filter (another process, or a failed commit, changed them)."""
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
            self._bloom = Bloom.from_doc(self._disk.load(BLOOM).raw(1))
            if self._bloom is None and not self._disk.path(BLOOM).exists():
                # never folded, so no hash shard exists: an empty filter answers "absent" for
                # every key without opening one file per key (the next fold rebuilds it)
                self._bloom = Bloom(8)
        return self._log

    def log_size(self) -> int:
        return len(self._entries())

    def lookup(self, key: str) -> tuple[str, str] | None:
        hit = self._entries().get(key)
        if hit is not None:
            return hit[0], hit[1]
        if self._bloom is not None and key not in self._bloom:
            return None
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
        bloom = self._bloom
        if bloom is None or (bloom.n + len(log)) * BLOOM_BITS_PER_KEY // 2 > bloom.m:
            bloom = self._rebuild_bloom()
        else:
            for key in log:
                bloom.add(key)
        self._file(BLOOM).put({1: bloom.doc()})
        for seg in {v[2] for v in log.values()}:
            f = self._file(seg)
            f.delete([d.doc_id for d in f.docs()])
        self._log = {}
        self._bloom = bloom

    def _rebuild_bloom(self) -> Bloom:
        keys: list[str] = []
        for n in range(SHARDS):  # not os.listdir: shards this fold creates are not on disk yet
            doc = self._peek(f"keys/{n:04x}.json").raw(1)
            keys.extend(doc["m"] if doc else ())
        m = 1 << 20
        while m < len(keys) * BLOOM_BITS_PER_KEY:
            m <<= 1
        bloom = Bloom(m)
        for key in keys:
            bloom.add(key)
        return bloom
