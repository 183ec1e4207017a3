"""Edit the config file in place: add, remove, enable and disable sources, import many at once.

Owns: tomlkit (the only user), locating `[[sources]]` / `[[topics]]` tables in the text, splicing
edits, id slugs, and the atomic write. Every edit touches only the text of the table it changes
(plus, for a new table, the inserted text), so every comment, blank line and key outside it stays
byte-for-byte as it was. The complete new text is validated with `config.parse` before it is
written; on any error the file is left untouched.

Does not own: probing URLs (pipeline/cli), OPML (opml), or what the sources mean (config).
"""

from __future__ import annotations

import os
import re
import secrets
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import tomlkit

from . import config as config_mod
from . import urls
from .config import Config, SourceConfig
from .errors import ConfigError, UsageError

NEW_FILE_HEADER = "# aggregator config, created by `aggregator sources`. See SPEC.md for every key.\n"
_KEY_ORDER = ("id", "name", "url", "kind", "interval", "topics", "enabled")
_SLUG_MAX = 40


@dataclass(frozen=True, slots=True)
class ImportResult:
    """What `add_sources` did."""

    #: ids of the sources appended, in order
    added: tuple[str, ...] = ()
    #: (url, reason) of every entry not added
    skipped: tuple[tuple[str, str], ...] = ()
    #: ids of the topics created
    topics_added: tuple[str, ...] = ()


@dataclass(slots=True)
class _Block:
    """One top-level table in the text: a header line up to the next top-level header."""

    name: tuple[str, ...]
    is_array: bool
    start: int
    end: int
    children: list[_Block] = field(default_factory=list)


# ---------------------------------------------------------------- URLs and ids


def canonical_url(url: str) -> str:
    """A URL for duplicate checks: the pipeline's canonical form (`urls.canonical_url`: case,
    default port, fragment, tracking parameters), with ``feed://`` read as http and the trailing
    slash dropped (so `http://A.com/x/` equals `http://a.com/x`)."""
    url = url.strip()
    if url[:7].lower() == "feed://":  # feed://host/... is an http URL in disguise
        url = "http://" + url[7:]
    p = urlsplit(urls.canonical_url(url))
    return urlunsplit((p.scheme, p.netloc, p.path.rstrip("/"), p.query, p.fragment))


def _slugify(text: str) -> str:
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def _slug_from_url(url: str) -> str:
    try:
        p = urlsplit(url.strip())
    except ValueError:
        return ""
    host = (p.hostname or "").lower()
    host = re.sub(r"^(www|m|wap)\.", "", host)
    parts = [host]
    for seg in p.path.split("/"):
        seg = re.sub(r"\.(s?html?|php|aspx?|jsp|xml|rss|atom|json)$", "", seg.lower())
        if seg and seg not in ("index", "default", "feed", "rss", "atom"):
            parts.append(seg)
    return _slugify("-".join(parts))


def _trim(slug: str) -> str:
    if len(slug) <= _SLUG_MAX:
        return slug
    cut = slug[:_SLUG_MAX]
    return cut[: cut.rfind("-")] if "-" in cut[10:] else cut.rstrip("-")


def unique_id(taken: Iterable[str], hint: str, *, fallback: str | None = None, default: str = "source") -> str:
    """A new id (lower-case ASCII letters, digits, '-') from `hint` (a name or a URL), else from
    `fallback` (a URL, for names with no ASCII letters such as Chinese ones), else `default`;
    made unique among `taken` with -2, -3 … suffixes."""
    taken = set(taken)
    slug = ""
    for h in (hint, fallback):
        if not h:
            continue
        slug = _slug_from_url(h) if re.match(r"^[a-z][a-z0-9+.-]*://", h.strip(), re.I) else _slugify(h)
        # a name reduced to a digit or two ("2024") says nothing; prefer the URL
        if len(slug) >= 2 and re.search(r"[a-z]", slug):
            break
        slug = ""
    slug = _trim(slug) or default
    if slug not in taken:
        return slug
    n = 2
    while f"{slug}-{n}" in taken:
        n += 1
    return f"{slug}-{n}"


# ---------------------------------------------------------------- finding tables in the text


def _header_name(inner: str) -> tuple[str, ...]:
    parts = re.findall(r'\s*("(?:[^"\\]|\\.)*"|\'[^\']*\'|[^.\s]+)\s*(?:\.|$)', inner.strip())
    return tuple(p.strip("\"'") for p in parts)


def _scan(text: str) -> list[_Block]:
    """Top-level tables of a TOML text, with `[sources.x]` sub-tables folded into their
    `[[sources]]` element. Strings, comments and multi-line arrays are skipped, so a `[` inside
    them is never taken for a header."""
    headers: list[tuple[int, int, tuple[str, ...], bool]] = []  # (line start, end, name, is_array)
    i, n, depth, line_start = 0, len(text), 0, True
    while i < n:
        c = text[i]
        if line_start and c in " \t":
            i += 1
            continue
        if line_start and c == "[" and depth == 0:
            is_array = text.startswith("[[", i)
            close = text.find("]]" if is_array else "]", i)
            eol = text.find("\n", i)
            if close == -1 or (eol != -1 and close > eol):
                raise ConfigError("<config>", None, f"bad table header at offset {i}")
            inner = text[i + (2 if is_array else 1) : close]
            start = text.rfind("\n", 0, i) + 1
            headers.append((start, i, _header_name(inner), is_array))
            i = close + (2 if is_array else 1)
            line_start = False
            continue
        line_start = False
        if c == "\n":
            line_start = True
        elif c == "#":
            j = text.find("\n", i)
            i = n if j == -1 else j
            continue
        elif c in "\"'":
            q3 = c * 3
            if text.startswith(q3, i):
                j = i + 3
                while True:
                    k = text.find(q3, j)
                    if k == -1:
                        return _blocks(headers, n)  # unterminated: validation will say so
                    if c == '"' and _escaped(text, k):
                        j = k + 1
                        continue
                    break
                i = k + 3
                while i < n and text[i] == c:  # up to two quotes may close the content
                    i += 1
                continue
            j = i + 1
            while j < n and text[j] != c and text[j] != "\n":
                j += 2 if (c == '"' and text[j] == "\\") else 1
            i = j + 1
            continue
        elif c in "[{":
            depth += 1
        elif c in "]}":
            depth = max(0, depth - 1)
        i += 1
    return _blocks(headers, n)


def _escaped(text: str, k: int) -> bool:
    backslashes = 0
    while k - 1 - backslashes >= 0 and text[k - 1 - backslashes] == "\\":
        backslashes += 1
    return backslashes % 2 == 1


def _blocks(headers: list[tuple[int, int, tuple[str, ...], bool]], n: int) -> list[_Block]:
    out: list[_Block] = []
    for idx, (start, _, name, is_array) in enumerate(headers):
        end = headers[idx + 1][0] if idx + 1 < len(headers) else n
        block = _Block(name, is_array, start, end)
        parent = out[-1] if out else None
        if parent is not None and parent.is_array and len(name) > 1 and name[0] == parent.name[0]:
            parent.end = end
            parent.children.append(block)
        else:
            out.append(block)
    return out


def _elements(text: str, name: str) -> list[_Block]:
    return [b for b in _scan(text) if b.is_array and b.name == (name,)]


def _core_end(text: str, block: _Block) -> int:
    """End of the block's own lines: trailing blank and comment-only lines belong to what follows."""
    lines = text[block.start : block.end].splitlines(keepends=True)
    pos, end = block.start, block.start
    for line in lines:
        pos += len(line)
        s = line.strip()
        if s and not s.startswith("#"):
            end = pos
    if end < block.end and text[end - 1] != "\n":
        end = text.find("\n", end) + 1 or block.end
    return end


def _attached_start(text: str, start: int) -> int:
    """Start of the comment lines directly above a header (no blank line between): they describe it."""
    pos = start
    while pos > 0:
        prev = text.rfind("\n", 0, pos - 1) + 1
        line = text[prev:pos].strip()
        if not line.startswith("#"):
            break
        pos = prev
    return pos


# ---------------------------------------------------------------- reading, validating, writing


def _target(path: str | Path) -> Path:
    p = Path(path)
    return Path(os.path.realpath(p)) if p.is_symlink() else p


def _read(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as e:
        raise ConfigError(str(path), None, f"cannot read: {e.strerror or e}") from None


def _decode(path: Path, data: bytes) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        raise ConfigError(str(path), None, f"not UTF-8 (byte {e.start})") from None


def _validate(text: str, path: Path) -> Config:
    return config_mod.parse(text, path)


def _write(path: Path, text: str, before: bytes | None) -> None:
    """Atomic replace: temp file in the same directory, fsync, os.replace, mode kept."""
    data = text.encode("utf-8")
    if _read(path) != before:
        raise UsageError(f"{path}: changed while it was being edited; nothing written, try again")
    directory = path.parent
    directory.mkdir(parents=True, exist_ok=True)
    tmp = directory / f".{path.name}.{secrets.token_hex(6)}.tmp"
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        try:
            if before is not None:
                os.fchmod(fd, os.stat(path).st_mode & 0o7777)
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view) :]
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise
    try:
        dfd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(dfd)
    except OSError:
        pass
    finally:
        os.close(dfd)


def _newline(text: str) -> str:
    return "\r\n" if "\r\n" in text else "\n"


def _render(array: str, tables: Sequence[Mapping[str, Any]], nl: str) -> str:
    doc = tomlkit.document()
    aot = tomlkit.aot()
    for fields in tables:
        t = tomlkit.table()
        for k in sorted(fields, key=lambda k: (_KEY_ORDER.index(k) if k in _KEY_ORDER else 99)):
            v = fields[k]
            if v is None:
                continue
            t.add(k, list(v) if isinstance(v, tuple) else v)
        aot.append(t)
    doc.add(array, aot)
    out = tomlkit.dumps(doc)
    # tomlkit separates tables with a blank line; keep it, then drop the blank at the very end
    out = re.sub(r"\n(?=\[\[)", "\n\n", out).replace("\n\n\n", "\n\n").rstrip("\n") + "\n"
    return out.replace("\n", nl) if nl != "\n" else out


def _insert_point(text: str, array: str) -> tuple[int, bool]:
    """Where new `[[array]]` tables go: after the last element's own lines; else before the first
    `[[topics]]` (new sources) or at the end. The bool says whether a blank line must precede."""
    elements = _elements(text, array)
    if elements:
        return _core_end(text, elements[-1]), True
    if array == "sources":
        topics = _elements(text, "topics")
        if topics:
            return _attached_start(text, topics[0].start), False
    return len(text), bool(text.strip())


def _splice_new(text: str, array: str, tables: Sequence[Mapping[str, Any]]) -> str:
    if not tables:
        return text
    nl = _newline(text)
    pos, blank_before = _insert_point(text, array)
    new = _render(array, tables, nl)
    head, tail = text[:pos], text[pos:]
    if head and not head.endswith("\n"):
        head += nl
    if blank_before and head.strip() and not head.endswith(nl + nl):
        new = nl + new
    if tail.strip() and not tail.startswith(("\n", "\r\n")):
        new += nl
    return head + new + tail


def _edit_element(text: str, block: _Block, array: str, edit: Any) -> str:
    """Apply `edit(table)` to one `[[array]]` element through tomlkit, on that element's text only."""
    end = _core_end(text, block)
    snippet = text[block.start : end]
    doc = tomlkit.parse(snippet)
    edit(doc[array][0])
    new = tomlkit.dumps(doc)
    nl = _newline(text)
    if nl != "\n":
        new = new.replace("\r\n", "\n").replace("\n", nl)
    return text[: block.start] + new + text[end:]


def _load_for_edit(path: str | Path, *, create: bool) -> tuple[Path, bytes | None, str, Config]:
    target = _target(path)
    before = _read(target)
    if before is None:
        if not create:
            raise ConfigError(str(target), None, "no such file")
        text = NEW_FILE_HEADER
    else:
        text = _decode(target, before)
    cfg = _validate(text, target)
    for key, count in (("sources", len(cfg.sources)), ("topics", len(cfg.topics))):
        if len(_elements(text, key)) != count:
            raise UsageError(f"{target}: cannot find the [[{key}]] tables in the text (is `{key}` written "
                             f"as an inline array?); rewrite it as [[{key}]] tables to edit it from the command line")
    return target, before, text, cfg


def _commit(target: Path, before: bytes | None, text: str, new_text: str) -> Config:
    cfg = _validate(new_text, target)
    if new_text != text or before is None:
        _write(target, new_text, before)
    return cfg


def _find(cfg: Config, text: str, source_id: str) -> _Block:
    ids = [s.id for s in cfg.sources]
    if source_id not in ids:
        known = ", ".join(ids[:20]) or "none"
        raise UsageError(f"no source with id {source_id!r} (configured: {known})")
    elements = _elements(text, "sources")
    if len(elements) != len(ids):  # would mean the scanner misread the file; never guess
        raise UsageError(f"{cfg.path}: cannot locate the [[sources]] tables in the text; edit it by hand")
    return elements[ids.index(source_id)]


# ---------------------------------------------------------------- public operations


def _check_new(cfg: Config, fields: Mapping[str, Any], taken_urls: dict[str, str], taken_ids: set[str]) -> None:
    url = fields.get("url")
    if not isinstance(url, str) or not url.strip():
        raise UsageError("a source needs a URL")
    sid = fields.get("id")
    if sid in taken_ids:
        raise UsageError(f"a source with id {sid!r} already exists")
    other = taken_urls.get(canonical_url(url))
    if other is not None:
        raise UsageError(f"{url} is already configured as source {other!r}")
    known_topics = {t.id for t in cfg.topics}
    for tid in fields.get("topics") or ():
        if tid not in known_topics:
            names = ", ".join(sorted(known_topics)) or "none"
            raise UsageError(f"no topic with id {tid!r} (configured: {names}); add it to the config first")


def add_source(path: str | Path, fields: Mapping[str, Any]) -> SourceConfig:
    """Append one `[[sources]]` table built from `fields` (config keys: id, url, name, kind, topics,
    interval, …); `id` defaults to a slug of the name or URL. Returns the validated source.
    Raises UsageError (duplicate id or URL, unknown topic) or ConfigError; the file is then unchanged."""
    target, before, text, cfg = _load_for_edit(path, create=True)
    fields = dict(fields)
    taken_ids = {s.id for s in cfg.sources}
    if not fields.get("id"):
        fields["id"] = unique_id(taken_ids, fields.get("name") or "", fallback=fields.get("url"))
    _check_new(cfg, fields, {canonical_url(s.url): s.id for s in cfg.sources}, taken_ids)
    new_cfg = _commit(target, before, text, _splice_new(text, "sources", [fields]))
    return new_cfg.source(fields["id"])


def remove_source(path: str | Path, source_id: str) -> None:
    """Delete a source's table (with the comment lines directly above its header). A topic whose
    `sources` lists it loses that entry; if that would leave the list empty (so the topic would take
    every item) a UsageError says to edit the topic first."""
    target, before, text, cfg = _load_for_edit(path, create=False)
    block = _find(cfg, text, source_id)
    edits: list[tuple[int, Any]] = []
    topic_blocks = _elements(text, "topics")
    for i, topic in enumerate(cfg.topics):
        if source_id not in topic.sources:
            continue
        if set(topic.sources) == {source_id}:
            raise UsageError(f"topic {topic.id!r} lists only source {source_id!r} in its `sources`; "
                             "edit or remove that topic first")
        if len(topic_blocks) != len(cfg.topics):
            raise UsageError(f"{target}: cannot locate the [[topics]] tables in the text; edit it by hand")
        edits.append((topic_blocks[i].start, ("topic", topic_blocks[i])))
    start = _attached_start(text, block.start)
    end = _core_end(text, block)
    while end < len(text) and text[end] in "\r\n":  # the blank lines after it go with it
        end = text.find("\n", end) + 1 or len(text)
    edits.append((block.start, ("cut", start, end)))
    new_text = text
    for _, op in sorted(edits, key=lambda e: e[0], reverse=True):
        if op[0] == "cut":
            new_text = new_text[: op[1]] + new_text[op[2] :]
        else:
            new_text = _edit_element(new_text, op[1], "topics", lambda t: _drop(t["sources"], source_id))
    _commit(target, before, text, new_text)


def _drop(array: Any, value: str) -> None:
    while value in array:
        array.remove(value)


def set_enabled(path: str | Path, source_id: str, enabled: bool) -> bool:
    """Set `enabled` on one source. Returns False (and writes nothing) when it already was so."""
    target, before, text, cfg = _load_for_edit(path, create=False)
    block = _find(cfg, text, source_id)
    if cfg.source(source_id).enabled == enabled:
        return False

    def edit(table: Any) -> None:
        table["enabled"] = enabled

    _commit(target, before, text, _edit_element(text, block, "sources", edit))
    return True


def add_sources(
    path: str | Path, entries: Sequence[Mapping[str, Any]], topics: Sequence[Mapping[str, Any]] = ()
) -> ImportResult:
    """Append many sources at once (OPML import). Each entry is source fields; its `topics` may
    name a configured topic id or the `id`/`title` of one of `topics`. Entries whose URL (canonical)
    or id is already configured — or repeated in `entries` — are skipped with a reason, as are
    entries without an http(s) URL. `topics` ({"title": …, "id"?: …}) are created when no
    configured topic has that id or title; a created topic lists its sources in `sources` (so it
    takes exactly their items). All or nothing: one ConfigError and nothing is written."""
    target, before, text, cfg = _load_for_edit(path, create=True)
    topic_ids = {t.id for t in cfg.topics}
    by_title = {t.title: t.id for t in cfg.topics}
    alias: dict[str, str] = {}
    new_topics: dict[str, dict[str, Any]] = {}
    for t in topics:
        title = str(t.get("title") or t.get("id") or "").strip()
        tid = t.get("id")
        if tid in topic_ids:
            existing = tid
        elif title in by_title:
            existing = by_title[title]
        elif tid in new_topics:
            existing = tid
        else:
            existing = None
        if existing is None:
            tid = tid if tid and config_mod.ID_RE.fullmatch(tid) else unique_id(topic_ids | set(new_topics), title, default="topic")
            new_topics[tid] = {"id": tid, "title": title or tid, "sources": []}
            existing = tid
            by_title.setdefault(title, tid)
        for key in (t.get("id"), title):
            if key:
                alias[key] = existing

    taken_ids = {s.id for s in cfg.sources}
    taken_urls = {canonical_url(s.url): s.id for s in cfg.sources}
    added: list[dict[str, Any]] = []
    skipped: list[tuple[str, str]] = []
    for entry in entries:
        fields = {k: v for k, v in dict(entry).items() if v not in (None, "", ())}
        url = str(fields.get("url", "")).strip()
        if url.lower().startswith("feed://"):
            url = "http://" + url[7:]
        fields["url"] = url
        parts = urlsplit(url) if url else None
        if parts is None or parts.scheme.lower() not in ("http", "https") or not parts.hostname:
            skipped.append((url, "not an http(s) URL"))
            continue
        other = taken_urls.get(canonical_url(url))
        if other is not None:
            skipped.append((url, f"already configured as {other!r}"))
            continue
        sid = fields.get("id")
        if sid and not config_mod.ID_RE.fullmatch(str(sid)):
            sid = None
        if sid in taken_ids:
            skipped.append((url, f"id {sid!r} already taken"))
            continue
        if not sid:
            sid = unique_id(taken_ids, str(fields.get("name") or ""), fallback=url)
        fields["id"] = sid
        resolved: list[str] = []
        for tid in fields.get("topics") or ():
            tid = alias.get(tid, tid)
            if tid not in topic_ids and tid not in new_topics:
                continue  # a topic neither configured nor asked for: dropped rather than invented
            if tid not in resolved:
                resolved.append(tid)
            if tid in new_topics:
                new_topics[tid]["sources"].append(sid)
        fields["topics"] = resolved or None
        taken_ids.add(sid)
        taken_urls[canonical_url(url)] = sid
        added.append(fields)

    created = [t for t in new_topics.values() if t["sources"]]
    new_text = _splice_new(text, "sources", added)
    new_text = _splice_new(new_text, "topics", created)
    if added or created:
        _commit(target, before, text, new_text)
    return ImportResult(
        added=tuple(f["id"] for f in added),
        skipped=tuple(skipped),
        topics_added=tuple(t["id"] for t in created),
    )
