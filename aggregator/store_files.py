"""The files under the store: TinyDB documents, an LRU of loaded files, all-or-nothing commits.

Owns the on-disk mechanics only: every file is a TinyDB JSON database read and changed through
TinyDB's `Table` API on a `StagedStorage` (a `tinydb.Storage` that keeps writes in memory until a
commit); `FileCache` keeps recently used files loaded within a byte budget; `Disk.commit` makes a
set of changed files durable as one step; `Disk.recover` finishes a commit a crash interrupted;
`FileLock` is the inter-process lock. It does not know what items, keys or topics are
(`aggregator.store` does).

Commit protocol (write-ahead, so a kill -9 at any instant leaves every file either old or new as a
set): 1. each changed file is written to ``<file>.<gen>.<pid>.tmp`` and fsynced; 2. a journal
naming every (tmp → final) pair and every file to delete is written to ``journal.json.tmp``,
fsynced, renamed to ``journal.json`` (the commit point) and the directory fsynced; 3. each tmp is
``os.replace``d over its final name, deletions are done, directories fsynced; 4. the journal is
removed. On open (and whenever a lock holder finds a journal) the journal is replayed: a tmp that
still exists is moved into place, so a half-done commit is finished; without a journal the commit
never happened and its tmp files are deleted by `clean_temp` on open.
"""

from __future__ import annotations

import fcntl
import json

try:
    import orjson
except ImportError:  # pragma: no cover - orjson is a dependency; json is the fallback
    orjson = None  # type: ignore[assignment]
import os
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from tinydb import TinyDB
from tinydb.storages import Storage
from tinydb.table import Document, Table

from .errors import StoreError

JOURNAL = "journal.json"
META = "meta.json"
TMP_SUFFIX = ".tmp"


def dumps(data: Any) -> bytes:
    if orjson is not None:
        # several times faster than json on the item shards a commit rewrites
        return orjson.dumps(data, option=orjson.OPT_NON_STR_KEYS)
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


class StagedStorage(Storage):
    """A TinyDB storage whose writes stay in memory until `Disk.commit` writes them.

    TinyDB rewrites its whole document on every change; here that rewrite is a dict assignment,
    and the file is written once per commit, together with every other file the commit changed.
    """

    def __init__(self, data: dict[str, Any] | None = None) -> None:
        self.data = data
        self.dirty = False

    def read(self) -> dict[str, Any] | None:
        return self.data

    def write(self, data: dict[str, dict[str, Any]]) -> None:
        self.data = data
        self.dirty = True

    def close(self) -> None:
        pass


class DocFile:
    """One loaded TinyDB file, plus lookup dicts derived from its documents."""

    __slots__ = ("name", "db", "storage", "size", "_indexes", "_next")

    def __init__(self, name: str, data: dict[str, Any] | None, size: int) -> None:
        self.name = name
        self.db = TinyDB(storage=StagedStorage, data=data)
        self.storage: StagedStorage = self.db.storage  # type: ignore[assignment]
        self.size = size
        self._indexes: dict[tuple[str, str], dict[Any, int]] = {}
        self._next: dict[str, int] = {}

    @property
    def dirty(self) -> bool:
        return self.storage.dirty

    def table(self, name: str = "_default") -> Table:
        return self.db.table(name)

    def docs(self, table: str = "_default") -> Iterator[Document]:
        return iter(self.table(table))

    def get(self, doc_id: int, table: str = "_default") -> Document | None:
        return self.table(table).get(doc_id=doc_id)

    def raw(self, doc_id: int, table: str = "_default") -> dict[str, Any] | None:
        """The stored document itself, not a copy: read it, never change it."""
        return ((self.storage.data or {}).get(table) or {}).get(str(doc_id))

    @property
    def weight(self) -> int:
        # Measured (benchmarks/README.md block 2): item shards, mostly long non-ASCII strings,
        # hold ~1.6-2x their file size (CPython keeps a UTF-8 copy of each string orjson
        # writes); index, key and state files ~0.6-0.85x. Weigh both a little above that so
        # the cache budget bounds real memory.
        return self.size * 2 if self.name.startswith("items/") else self.size

    def index(self, field: str, table: str = "_default") -> dict[Any, int]:
        """field value → doc id, built once per load and kept current by `put`/`delete`."""
        key = (table, field)
        idx = self._indexes.get(key)
        if idx is None:
            idx = {doc[field]: doc.doc_id for doc in self.table(table) if field in doc}
            self._indexes[key] = idx
        return idx

    def new_id(self, table: str = "_default") -> int:
        nxt = self._next.get(table)
        if nxt is None:
            raw = self.table(table)._read_table()  # only the keys: no Document objects built
            nxt = max((int(k) for k in raw), default=0) + 1
        self._next[table] = nxt + 1
        return nxt

    def put(self, docs: dict[int, dict[str, Any]], table: str = "_default") -> None:
        """Insert or replace whole documents by id (two table passes, whatever the count)."""
        if not docs:
            return
        t = self.table(table)
        old = t.get(doc_ids=list(docs))
        if old:
            t.remove(doc_ids=[d.doc_id for d in old])
        t.insert_multiple(Document(doc, doc_id=i) for i, doc in docs.items())
        for (tname, field), idx in self._indexes.items():
            if tname != table:
                continue
            for d in old:
                if field in d and idx.get(d[field]) == d.doc_id:
                    del idx[d[field]]
            for i, doc in docs.items():
                if field in doc:
                    idx[doc[field]] = i

    def delete(self, doc_ids: Iterable[int], table: str = "_default") -> None:
        ids = list(doc_ids)
        if not ids:
            return
        t = self.table(table)
        old = t.get(doc_ids=ids)
        t.remove(doc_ids=ids)
        for (tname, field), idx in self._indexes.items():
            if tname == table:
                for d in old:
                    if field in d and idx.get(d[field]) == d.doc_id:
                        del idx[d[field]]

    def replace_all(self, docs: list[dict[str, Any]], table: str = "_default") -> None:
        t = self.table(table)
        t.truncate()
        t.insert_multiple(Document(doc, doc_id=i) for i, doc in enumerate(docs, 1))
        self._next[table] = len(docs) + 1
        self._indexes = {k: v for k, v in self._indexes.items() if k[0] != table}

    def is_empty(self) -> bool:
        data = self.storage.data or {}
        return not any(data.values())


class FileCache:
    """Loaded files, least recently used dropped first once the byte budget is passed.

    Weights estimate the files' in-memory size from their byte size. Files changed by the commit
    in progress are never dropped.
    """

    def __init__(self, budget: int) -> None:
        self.budget = budget
        self.files: OrderedDict[str, DocFile] = OrderedDict()
        self.total = 0

    def get(self, name: str) -> DocFile | None:
        f = self.files.get(name)
        if f is not None:
            self.files.move_to_end(name)
        return f

    def add(self, f: DocFile) -> None:
        self.drop(f.name)
        self.files[f.name] = f
        self.total += f.weight
        self.trim()

    def resize(self, f: DocFile, size: int) -> None:
        before = f.weight
        f.size = size
        if self.files.get(f.name) is f:
            self.total += f.weight - before

    def drop(self, name: str) -> None:
        f = self.files.pop(name, None)
        if f is not None:
            self.total -= f.weight

    def clear(self) -> None:
        self.files.clear()
        self.total = 0

    def trim(self) -> None:
        while self.total > self.budget:
            victim = next((n for n, f in self.files.items() if not f.dirty), None)
            if victim is None:
                return
            self.drop(victim)


class FileLock:
    """flock on ``data_dir/.lock`` (shared for reads, exclusive for writes) plus a thread lock."""

    def __init__(self, path: Path) -> None:
        self.fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
        self.thread = threading.RLock()
        self.depth = 0
        self.mode = 0

    def acquire(self, exclusive: bool) -> bool:
        """Take the lock; True when this call took the process-level lock (outermost call)."""
        self.thread.acquire()
        self.depth += 1
        if self.depth > 1:
            if exclusive and self.mode != fcntl.LOCK_EX:
                self.thread.release()
                self.depth -= 1
                raise StoreError("store: write attempted under a read lock")
            return False
        self.mode = fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH
        fcntl.flock(self.fd, self.mode)
        return True

    def upgrade(self) -> None:
        # flock conversion is not atomic, which is fine: whoever holds LOCK_EX next re-checks.
        fcntl.flock(self.fd, fcntl.LOCK_EX)
        self.mode = fcntl.LOCK_EX

    def release(self) -> None:
        self.depth -= 1
        if self.depth == 0:
            fcntl.flock(self.fd, fcntl.LOCK_UN)
            self.mode = 0
        self.thread.release()

    def close(self) -> None:
        if self.fd >= 0:
            os.close(self.fd)
            self.fd = -1


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


class Disk:
    """Reads files and commits sets of them atomically under ``root``."""

    def __init__(self, root: Path, *, fsync: bool = True) -> None:
        self.root = root
        self.fsync = fsync

    def path(self, name: str) -> Path:
        return self.root / name

    def load(self, name: str) -> DocFile:
        p = self.path(name)
        try:
            raw = p.read_bytes()
        except FileNotFoundError:
            return DocFile(name, None, 0)
        except OSError as e:
            raise StoreError(f"cannot read {p}") from e
        try:
            data = json.loads(raw)
        except ValueError as e:
            raise StoreError(f"corrupt store file {p}") from e
        if not isinstance(data, dict):
            raise StoreError(f"corrupt store file {p}: not a TinyDB document")
        return DocFile(name, data, len(raw))

    def read_json(self, name: str) -> Any:
        try:
            return json.loads(self.path(name).read_bytes())
        except FileNotFoundError:
            return None
        except ValueError as e:
            raise StoreError(f"corrupt store file {self.path(name)}") from e

    def _write(self, path: Path, data: bytes) -> None:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
        try:
            view = memoryview(data)
            while view:
                n = os.write(fd, view)
                view = view[n:]
            if self.fsync:
                os.fsync(fd)
        finally:
            os.close(fd)

    def _ensure_dir(self, d: Path, made: set[Path]) -> None:
        if d.is_dir():
            return
        self._ensure_dir(d.parent, made)
        d.mkdir(exist_ok=True)
        made.add(d.parent)

    def commit(
        self,
        gen: int,
        writes: dict[str, bytes],
        deletes: Iterable[str] = (),
        before_replace: Callable[[], None] | None = None,
    ) -> None:
        """Make ``writes`` (name → bytes) and ``deletes`` durable as one step."""
        pid = os.getpid()
        entries: list[list[str | None]] = []
        dirs: set[Path] = {self.root}
        made: set[Path] = set()
        for name, data in writes.items():
            final = self.path(name)
            self._ensure_dir(final.parent, made)
            tmp = f"{name}.{gen}.{pid}{TMP_SUFFIX}"
            self._write(self.path(tmp), data)
            entries.append([tmp, name])
            dirs.add(final.parent)
        for name in deletes:
            entries.append([None, name])
            dirs.add(self.path(name).parent)
        if self.fsync:
            for d in made:
                _fsync_dir(d)
        jtmp = self.path(JOURNAL + TMP_SUFFIX)
        self._write(jtmp, dumps({"gen": gen, "entries": entries}))
        os.replace(jtmp, self.path(JOURNAL))
        if self.fsync:
            _fsync_dir(self.root)
        if before_replace is not None:
            before_replace()  # test hook: a crash here must be rolled forward
        self._apply(entries, dirs)

    def _apply(self, entries: list[list[str | None]], dirs: set[Path]) -> None:
        for tmp, name in entries:
            assert name is not None
            if tmp is None:
                try:
                    os.unlink(self.path(name))
                except FileNotFoundError:
                    pass
            elif os.path.exists(self.path(tmp)):
                os.replace(self.path(tmp), self.path(name))
        if self.fsync:
            for d in dirs:
                if d.is_dir():
                    _fsync_dir(d)
        os.unlink(self.path(JOURNAL))
        if self.fsync:
            _fsync_dir(self.root)

    def has_journal(self) -> bool:
        return os.path.exists(self.path(JOURNAL))

    def recover(self) -> list[str]:
        """Finish a commit whose journal was written; return the names it touched."""
        try:
            journal = json.loads(self.path(JOURNAL).read_bytes())
            entries = journal["entries"]
        except FileNotFoundError:
            return []
        except (ValueError, KeyError, TypeError) as e:
            # The journal is renamed into place only once complete, so this is not a crash.
            raise StoreError(f"corrupt commit journal {self.path(JOURNAL)}") from e
        dirs = {self.root} | {self.path(n).parent for _, n in entries}
        self._apply(entries, dirs)
        return [n for _, n in entries]

    def clean_temp(self) -> int:
        """Delete temp files left by commits that never reached their journal."""
        n = 0
        for dirpath, _dirs, files in os.walk(self.root):
            for f in files:
                if f.endswith(TMP_SUFFIX):
                    try:
                        os.unlink(os.path.join(dirpath, f))
                        n += 1
                    except FileNotFoundError:
                        pass
        return n
