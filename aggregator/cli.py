"""The command line: argparse commands, exit codes, machine output on stdout.

Owns argument parsing, exit codes (0 ok, 1 fatal, 2 bad config or command
line) and terminal presentation (progress on a TTY). Logs go to stderr;
`--json` output goes to stdout. All the work is done by lower layers.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import sys
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from . import __version__, logs
from .config import DEFAULT_CONFIG_PATH, Config, load
from .errors import AggregatorError, ConfigError, UsageError

log = logging.getLogger(__name__)


def _common() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(add_help=False)
    p.add_argument("--config", "-c", metavar="PATH", default=argparse.SUPPRESS,
                   help=f"config file (default {DEFAULT_CONFIG_PATH})")
    p.add_argument("-v", "--verbose", action="count", default=argparse.SUPPRESS, help="more logging (-vv: all)")
    p.add_argument("-q", "--quiet", action="count", default=argparse.SUPPRESS, help="warnings and errors only")
    return p


def build_parser() -> argparse.ArgumentParser:
    common = _common()
    p = argparse.ArgumentParser(
        prog="aggregator",
        description="Poll feeds and portal pages, publish merged Atom feeds by topic.",
        parents=[common],
    )
    p.set_defaults(config=DEFAULT_CONFIG_PATH, verbose=0, quiet=0)
    p.add_argument("--version", action="version", version=f"aggregator {__version__}")
    sub = p.add_subparsers(dest="command", metavar="COMMAND", required=True)

    sub.add_parser("run", parents=[common], help="the daemon: schedule, poll, publish, serve, reload")
    sp = sub.add_parser("poll", parents=[common], help="one pass over all (or the named) sources, then publish")
    sp.add_argument("source_ids", nargs="*", metavar="SOURCE_ID")
    sp.add_argument("--json", action="store_true", help="print one result object per source")
    sub.add_parser("publish", parents=[common], help="rewrite every topic feed from the store")
    sub.add_parser("serve", parents=[common], help="only the HTTP server")
    sp = sub.add_parser("status", parents=[common], help="one row per source")
    sp.add_argument("--json", action="store_true")
    sp = sub.add_parser("check", parents=[common], help="dry run: fetch and extract one URL, store nothing")
    sp.add_argument("url")
    sp.add_argument("--kind", choices=["feed", "html", "article"])
    sp.add_argument("--json", action="store_true")
    sp.add_argument("--limit", type=int, default=20, help="most items shown (default 20)")

    src = sub.add_parser("sources", parents=[common], help="list and edit the configured sources")
    ssub = src.add_subparsers(dest="action", metavar="ACTION", required=True)
    ssub.add_parser("list", parents=[common], help="the configured sources, one a line")
    a = ssub.add_parser("add", parents=[common], help="probe URL and append it as a source")
    a.add_argument("url", nargs="?")
    a.add_argument("--id", dest="source_id")
    a.add_argument("--name")
    a.add_argument("--topic", action="extend", nargs="+", dest="topics", default=[], metavar="TOPIC")
    a.add_argument("--interval")
    a.add_argument("--kind", choices=["feed", "html"])
    for action in ("remove", "enable", "disable"):
        x = ssub.add_parser(action, parents=[common], help=f"{action} a source")
        x.add_argument("source_id")
    i = ssub.add_parser("import", parents=[common], help="add the feeds of an OPML file")
    i.add_argument("file")
    i.add_argument("--folders-as-topics", action="store_true",
                   help="make each OPML folder a topic holding its feeds")
    ssub.add_parser("export", parents=[common], help="the sources as OPML 2.0 on stdout")
    return p


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    logs.setup(-1 if args.quiet else args.verbose)
    try:
        return _dispatch(args)
    except (ConfigError, UsageError) as e:
        log.error("%s", e)
        return 2
    except AggregatorError as e:
        log.error("%s", e)
        return 1
    except KeyboardInterrupt:
        return 130
    except Exception:
        log.exception("fatal error")
        return 1


def _dispatch(args: argparse.Namespace) -> int:
    cmd = args.command
    if cmd == "run":
        from . import daemon

        return daemon.run(Path(args.config))
    if cmd == "serve":
        from . import daemon

        return daemon.serve(Path(args.config))
    if cmd == "poll":
        return _poll(load(args.config), args.source_ids, args.json)
    if cmd == "publish":
        return _publish(load(args.config))
    if cmd == "status":
        return _status(load(args.config), args.json)
    if cmd == "check":
        return _check(args)
    if cmd == "sources":
        return _sources(args)
    raise UsageError(f"unknown command {cmd!r}")


def _open_store(config: Config, cache_mb: int = 96) -> Any:
    from .store import Store

    return Store(config.data_dir, cache_bytes=cache_mb * 1024 * 1024)


def _poll(config: Config, ids: list[str], as_json: bool) -> int:
    from .pipeline import Poller, sources_to_poll

    try:
        sources = sources_to_poll(config, ids)
    except KeyError as e:
        raise UsageError(f"no such source: {e.args[0]}") from None

    async def go() -> list[Any]:
        # a one-shot pass reads each shard once: a small cache keeps its peak memory low
        store = _open_store(config, cache_mb=32)
        poller = Poller(config, store)
        try:
            with _Progress(len(sources)) as progress:
                results = await poller.poll_many(sources, on_result=progress.advance)
            touched = {t for r in results for t in r.topics}
            missing = {t.id for t in config.topics if not (config.feeds_dir / f"{t.id}.atom").exists()}
            poller.publish(None if poller.reindexed else touched | missing)
            if poller.prune():
                poller.publish()
            return results
        finally:
            await poller.aclose()
            store.close()

    results = asyncio.run(go())
    failed = sum(1 for r in results if r.status == "error")
    new = sum(r.new for r in results)
    log.info("poll done sources=%d failed=%d new=%d", len(results), failed, new)
    if as_json:
        print(json.dumps([
            {"id": r.source_id, "status": r.status, "new": r.new, "updated": r.updated,
             "seen": r.seen, "ms": r.ms, "error": r.error}
            for r in results
        ], ensure_ascii=False, indent=2))
    return 0


class _Progress:
    """A progress bar on a terminal, with the log lines printed above it; nothing otherwise."""

    def __init__(self, total: int) -> None:
        self.total = total
        self._bar: Any = None
        self._task: Any = None
        self._streams: list[tuple[logging.StreamHandler[Any], Any]] = []

    def __enter__(self) -> _Progress:
        if sys.stderr.isatty() and self.total > 1:
            from rich.console import Console
            from rich.progress import Progress

            console = Console(stderr=True)
            self._bar = Progress(console=console, transient=True)
            for h in logging.getLogger().handlers:
                if isinstance(h, logging.StreamHandler) and getattr(h, "stream", None) is sys.stderr:
                    self._streams.append((h, h.setStream(_ConsoleWriter(console))))
            self._bar.start()
            self._task = self._bar.add_task("polling", total=self.total)
        return self

    def advance(self, result: Any) -> None:
        if self._bar is not None:
            self._bar.update(self._task, advance=1, description=f"{result.source_id}: {result.status}")

    def __exit__(self, *exc: object) -> None:
        if self._bar is not None:
            self._bar.stop()
            for handler, stream in self._streams:
                handler.setStream(stream)


class _ConsoleWriter:
    """A stream for logging that prints through rich, above a live progress bar."""

    def __init__(self, console: Any) -> None:
        self.console = console

    def write(self, text: str) -> None:
        self.console.print(text.rstrip("\n"), markup=False, highlight=False, emoji=False, soft_wrap=True)

    def flush(self) -> None:
        pass


def _publish(config: Config) -> int:
    from .pipeline import Poller

    store = _open_store(config)
    try:
        written = Poller(config, store).publish()
    finally:
        store.close()
    log.info("published topics=%d changed=%d", len(config.topics), len(written))
    return 0


def _status(config: Config, as_json: bool) -> int:
    from datetime import UTC, datetime

    from . import statusview

    store = _open_store(config)
    try:
        states = store.states()
    finally:
        store.close()
    if as_json:
        print(json.dumps(statusview.as_json(states, config), ensure_ascii=False, indent=2))
    else:
        print(statusview.render(states, config, datetime.now(UTC), color=sys.stdout.isatty()))
    return 0


def _config_or_default(path: str) -> Config:
    from .config import parse

    if Path(path).exists() or path != DEFAULT_CONFIG_PATH:
        return load(path)
    return parse("", "<defaults>")


def _check(args: argparse.Namespace) -> int:
    from .dryrun import check

    _check_url(args.url)
    config = _config_or_default(args.config)
    items = asyncio.run(check(args.url, args.kind, config, limit=args.limit))
    if args.json:
        print(json.dumps(items, ensure_ascii=False, indent=2))
        return 0
    for n, it in enumerate(items, 1):
        where = (it.get("provenance") or {}).get("title")
        print(f"── {n}. {it.get('title') or '(no title)'}" + (f"   [{where}]" if where else ""))
        if "error" in it:
            print(f"   url:        {it['url']}\n   error:      {it['error']}\n")
            continue
        prov = it.get("provenance") or {}
        for key in ("url", "published", "author", "publisher", "origin_url", "categories", "enclosures",
                    "extractor"):
            value = it.get(key)
            if value in (None, [], ""):
                value = "—"
            elif isinstance(value, list):
                value = ", ".join(value)
            where = prov.get({"origin_url": "via", "url": "link", "categories": "category"}.get(key, key))
            if key == "published" and it.get("date_only") and value != "—":
                value = f"{value} (date only)"
            print(f"   {key + ':':<12}{value}" + (f"   [{where}]" if where else ""))
        text = it.get("text") or ""
        print(f"   {'text:':<12}{len(text)} chars" + (f"   [{prov['content']}]" if "content" in prov else ""))
        for line in text.splitlines()[:3]:
            print(f"      {line[:100]}")
        print()
    if not items:
        print("no items found")
    return 0


def _check_url(url: str) -> None:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise UsageError(f"{url!r} is not an http(s) URL")


def _sources(args: argparse.Namespace) -> int:
    from . import configedit, opml

    path = Path(args.config)
    action = args.action
    if action == "list":
        config = load(path)
        for s in config.sources:
            flags = "" if s.enabled else "  (disabled)"
            tags = f"  [{', '.join(s.topics)}]" if s.topics else ""
            print(f"{s.id}\t{s.kind}\t{s.url}\t{s.name}{tags}{flags}")
        return 0
    if action == "export":
        config = load(path)
        sys.stdout.buffer.write(opml.export(config.sources))
        sys.stdout.flush()
        return 0
    if action == "add":
        return _sources_add(args, path)
    if action == "remove":
        configedit.remove_source(path, args.source_id)
        log.info("removed source=%s", args.source_id)
        return 0
    if action in ("enable", "disable"):
        configedit.set_enabled(path, args.source_id, action == "enable")
        log.info("%sd source=%s", action, args.source_id)
        return 0
    if action == "import":
        try:
            data = Path(args.file).read_bytes()
        except OSError as e:
            raise UsageError(f"{args.file}: cannot read: {e.strerror or e}") from None
        entries = opml.parse(data)
        fields, topics = opml.import_fields(entries, folders_as_topics=args.folders_as_topics)
        result = configedit.add_sources(path, fields, topics)
        for sid in result.added:
            print(f"added {sid}")
        for tid in result.topics_added:
            print(f"added topic {tid}")
        for url, why in result.skipped:
            print(f"skipped {url}: {why}")
        added, skipped = result.added, result.skipped
        log.info("imported added=%d skipped=%d", len(added), len(skipped))
        return 0
    raise UsageError(f"unknown action {action!r}")


def _sources_add(args: argparse.Namespace, path: Path) -> int:
    from . import configedit
    from .config import parse_duration

    if args.url is None:
        # `--topic a b URL`: the topic list swallowed the URL
        urls = [t for t in args.topics if "://" in t]
        if not urls:
            raise UsageError("sources add: a URL is required")
        args.url = urls[-1]
        args.topics = [t for t in args.topics if t != args.url]

    _check_url(args.url)
    from .config import parse

    # a config that does not exist yet is created by the edit, from the defaults
    config = load(path) if path.exists() else parse("", path)
    if args.interval is not None:
        try:
            parse_duration(args.interval)
        except ValueError as e:
            raise UsageError(f"--interval: {e}") from None
    kind, name = args.kind, args.name
    if kind is None or name is None:
        from .dryrun import probe

        try:
            found = asyncio.run(probe(args.url, config))
        except AggregatorError as e:
            if kind is None:
                raise UsageError(f"could not probe {args.url}: {e}; give --kind to add it anyway") from None
            log.warning("could not probe %s: %s", args.url, e)
            found = None
        if found is not None:
            kind = kind or found.kind
            name = name or found.name
    taken = {s.id for s in config.sources}
    sid = args.source_id or configedit.unique_id(taken, name or args.url, fallback=args.url)
    fields: dict[str, Any] = {"id": sid, "url": args.url, "kind": kind or "feed"}
    if name:
        fields["name"] = name
    if args.topics:
        fields["topics"] = list(args.topics)
    if args.interval is not None:
        fields["interval"] = args.interval
    added = configedit.add_source(path, fields)
    print(added.id)
    log.info("added source=%s kind=%s name=%r", sid, fields["kind"], name)
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
