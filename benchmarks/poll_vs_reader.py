"""Our `aggregator poll` against the `reader` library on the same loopback farm, in one run.

    python benchmarks/poll_vs_reader.py [--feeds 1000] [--item-kb 1.5] [--workers 16] [--no-profile]

Feed size: 20 items of 1.5 KB (~43 KB feeds) by default, the size at which reader matches issue 5's
reference figures (30.7 s cold / 3.5 s warm for 1,000 feeds); `--item-kb 30` gives the 30 KB items
(~600 KB feeds) where feedparser alone costs ~300 ms a feed, too slow to run 1,000 of in minutes.

Measures, each in its own fresh subprocess (so peak RSS is that process's own `ru_maxrss`, read
with os.wait4): our `python -m aggregator poll` on a generated config of N feed sources with a fresh
data dir, cold (every feed 200) then warm (every feed 304); then reader 3.x (`make_reader` on a
temp sqlite, `add_feed` × N, `update_feeds(workers=16, scheduled=False)`) cold then warm. Prints
a table, the ratios ours/reader against issue 5's targets (cold ≤ 1/5, warm ≤ 1/2, RSS < 200 MB),
then profiles one more cold and one warm poll of ours with cProfile (store calls the pipeline
sends to threads run inline, so they are attributed) and prints where the time goes, by
library/module and by pipeline step. Writes benchmarks/work/poll_vs_reader-<feeds>x<kb>.json.
Owns no product code; the farm is benchmarks/farm.py.
"""

from __future__ import annotations

import argparse
import json
import os
import pstats
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
WORK = HERE / "work"
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT))

from farm import Farm  # noqa: E402

TOPICS = (
    ("policy", "政策", '["通知", "政策"]'),
    ("economy", "经济", '["营商环境", "高质量发展"]'),
    ("society", "民生", '["民生保障", "养老"]'),
    ("english", "English", '["State Council"]'),
    ("all", "全部", "[]"),
)


def write_config(path: Path, urls: list[str], data_dir: Path, feeds_dir: Path, *, port: int = 8080,
                 interval: str = "30m", concurrency: int = 16) -> Path:
    """A config of len(urls) feed sources. per_host = concurrency: the farm is one host standing in for many."""
    lines = [
        "[aggregator]",
        f'data_dir = "{data_dir}"',
        f'feeds_dir = "{feeds_dir}"',
        f'base_url = "http://127.0.0.1:{port}/"',
        f'interval = "{interval}"',
        "timeout = 60",
        f"concurrency = {concurrency}",
        f"per_host = {concurrency}",
        "",
        "[server]",
        'host = "127.0.0.1"',
        f"port = {port}",
        "",
    ]
    for tid, title, kw in TOPICS:
        lines += ["[[topics]]", f'id = "{tid}"', f'title = "{title}"', f"keywords = {kw}", ""]
    for i, u in enumerate(urls):
        lines += ["[[sources]]", f'id = "farm-{i}"', f'url = "{u}"', 'kind = "feed"',
                  f'topics = ["{TOPICS[i % 4][0]}"]', ""]
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def run_measured(cmd: list[str], *, env: dict[str, str] | None = None, stdout: Any = subprocess.PIPE) -> dict[str, Any]:
    """Run cmd; wall seconds, peak RSS (MB) and CPU seconds of exactly that child (os.wait4)."""
    # Flush the previous run's dirty pages first, or its writeback lands on this run's fsyncs
    # (a warm poll right after a cold one measured 6.9 s once and 16 s another time without this).
    os.sync()
    time.sleep(1)
    t0 = time.perf_counter()
    p = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=stdout, stderr=subprocess.PIPE)
    out_chunks: list[bytes] = []
    err_chunks: list[bytes] = []
    # Drain pipes in threads so a chatty child never blocks, then reap it ourselves for its rusage.
    import threading

    def drain(f: Any, into: list[bytes]) -> None:
        for chunk in iter(lambda: f.read(65536), b""):
            into.append(chunk)

    threads = [threading.Thread(target=drain, args=(p.stderr, err_chunks))]
    if p.stdout is not None:
        threads.append(threading.Thread(target=drain, args=(p.stdout, out_chunks)))
    io: dict[str, int] = {}
    done = threading.Event()

    def sample_io() -> None:
        # /proc/<pid>/io vanishes at exit: keep the last reading (write amplification of the store)
        while not done.wait(0.2):
            try:
                text = Path(f"/proc/{p.pid}/io").read_text()
            except OSError:
                return
            io.update({k: int(v) for k, v in (line.split(": ") for line in text.splitlines())})

    threads.append(threading.Thread(target=sample_io))
    for t in threads:
        t.start()
    _, status, ru = os.wait4(p.pid, 0)
    done.set()
    wall = time.perf_counter() - t0
    for t in threads:
        t.join()
    p.returncode = os.waitstatus_to_exitcode(status)
    return {
        "wall": wall,
        "rss_mb": ru.ru_maxrss / 1024,
        "cpu": ru.ru_utime + ru.ru_stime,
        "written_mb": io.get("wchar", 0) / 2**20,
        "rc": p.returncode,
        "stdout": b"".join(out_chunks).decode("utf-8", "replace"),
        "stderr": b"".join(err_chunks).decode("utf-8", "replace"),
    }


def ours(config: Path) -> dict[str, Any]:
    r = run_measured([sys.executable, "-m", "aggregator", "poll", "--config", str(config), "--json", "-q"])
    if r["rc"] != 0:
        raise SystemExit(f"aggregator poll failed rc={r['rc']}:\n{r['stderr'][-3000:]}")
    results = json.loads(r["stdout"])
    r["statuses"] = _count(x["status"] for x in results)
    r["new"] = sum(x["new"] for x in results)
    del r["stdout"]
    r["stderr"] = r["stderr"][-500:]
    return r


def _count(values: Any) -> dict[str, int]:
    out: dict[str, int] = {}
    for v in values:
        out[v] = out.get(v, 0) + 1
    return out


def reader_child(db: str, urls_file: str, workers: int, add: bool) -> None:
    """Runs inside the measured subprocess: one reader update pass; prints a JSON summary."""
    from reader import make_reader

    urls = Path(urls_file).read_text().split()
    r = make_reader(db, search_enabled=False)
    t0 = time.perf_counter()
    if add:
        for u in urls:
            r.add_feed(u)
    t_add = time.perf_counter() - t0
    t0 = time.perf_counter()
    r.update_feeds(workers=workers, scheduled=False)
    t_upd = time.perf_counter() - t0
    errors = sum(1 for f in r.get_feeds() if f.last_exception is not None)
    counts = r.get_entry_counts()
    r.close()
    print(json.dumps({"add_s": t_add, "update_s": t_upd, "entries": counts.total, "feed_errors": errors}))


def theirs(db: Path, urls_file: Path, workers: int, add: bool) -> dict[str, Any]:
    cmd = [sys.executable, str(Path(__file__).resolve()), "--reader-child", str(db), str(urls_file),
           str(workers), "1" if add else "0"]
    r = run_measured(cmd)
    if r["rc"] != 0:
        raise SystemExit(f"reader run failed rc={r['rc']}:\n{r['stderr'][-3000:]}")
    r.update(json.loads(r["stdout"].strip().splitlines()[-1]))
    del r["stdout"]
    r["stderr"] = r["stderr"][-500:]
    return r


# -- profile ---------------------------------------------------------------------

STEPS = {
    # (file suffix, function name) → pipeline step; cumulative times, so nested steps overlap
    "feedparse.parse (feedparser + dates)": ("aggregator/feedparse.py", "parse"),
    "normalize.item (incl. sanitize)": ("aggregator/normalize.py", "item"),
    "sanitize.html": ("aggregator/sanitize.py", "html"),
    "sanitize.text": ("aggregator/sanitize.py", "text"),
    "store.commit": ("aggregator/store.py", "commit"),
    "pipeline.publish (atom)": ("aggregator/pipeline.py", "publish"),
    "pipeline.prune": ("aggregator/pipeline.py", "prune"),
    "store.get_state": ("aggregator/store.py", "get_state"),
    "Poller.__init__ (topic index check)": ("aggregator/pipeline.py", "__init__"),
    "store open (Store.__init__)": ("aggregator/store.py", "__init__"),
    "charset.decode": ("aggregator/charset.py", "decode"),
    "posix.fsync": ("~", "<built-in method posix.fsync>"),
}


def _bucket(filename: str) -> str:
    f = filename.replace("\\", "/")
    if "/aggregator/" in f:
        return "aggregator/" + f.rsplit("/aggregator/", 1)[1]
    for lib in ("feedparser", "httpcore", "httpx", "h11", "anyio", "sniffio", "tinydb", "feedgen", "lxml",
                "nh3", "dateutil", "charset_normalizer", "sgmllib", "asyncio", "json", "xml", "ssl",
                "selectors", "html", "re", "email", "zoneinfo"):
        if f"/{lib}/" in f or f.endswith(f"/{lib}.py"):
            return lib
    if f.startswith("~") or f.startswith("<"):
        return "builtins/C (" + f + ")"
    return "other: " + f.rsplit("/", 1)[-1]


def profile(config: Path, out: Path) -> dict[str, Any]:
    r = run_measured([sys.executable, str(Path(__file__).resolve()), "--profile-child", str(config), str(out)])
    if r["rc"] != 0:
        raise SystemExit(f"profiled poll failed:\n{r['stderr'][-3000:]}")
    st = pstats.Stats(str(out))
    raw: dict[Any, Any] = st.stats  # type: ignore[attr-defined]
    total = sum(v[2] for v in raw.values())  # tottime summed = profiled CPU
    by_lib: dict[str, float] = {}
    builtin_by_name: dict[str, float] = {}
    steps = {k: 0.0 for k in STEPS}
    for (fname, _line, func), (_cc, _nc, tt, ct, _callers) in raw.items():
        b = _bucket(fname)
        if b.startswith("builtins"):
            builtin_by_name[func] = builtin_by_name.get(func, 0.0) + tt
            b = "builtins/C"
        by_lib[b] = by_lib.get(b, 0.0) + tt
        for step, (suffix, fn) in STEPS.items():
            if (fname.endswith(suffix) or fname == suffix) and func == fn:
                steps[step] += ct
    return {
        "profiled_wall": r["wall"],
        "profiled_total": total,
        "by_lib": dict(sorted(by_lib.items(), key=lambda kv: -kv[1])[:18]),
        "builtins": dict(sorted(builtin_by_name.items(), key=lambda kv: -kv[1])[:12]),
        "steps": steps,
    }


def profile_child(config: str, out: str) -> None:
    """cProfile sees only its own thread, and the pipeline runs store work via asyncio.to_thread:
    run those calls inline on the loop thread so the profile attributes them (timing shifts a little)."""
    import asyncio
    import cProfile

    async def inline(func: Any, /, *args: Any, **kwargs: Any) -> Any:
        return func(*args, **kwargs)

    asyncio.to_thread = inline  # type: ignore[assignment]
    from aggregator import cli

    cProfile.runctx("cli.main(['poll', '--config', config, '-q'])", {"cli": cli, "config": config}, {}, out)


# -- components, unprofiled ----------------------------------------------------------

def components(farm: Farm, n: int = 40) -> dict[str, float]:
    """ms per feed of each pipeline step, in this process without a profiler (cProfile inflates
    pure-Python code ~2-3×), on n farm feeds; the store steps on a temp store with fsync on."""
    import tempfile
    from datetime import UTC, datetime
    from zoneinfo import ZoneInfo

    import feedparser

    from aggregator import charset, feedparse, normalize, sanitize
    from aggregator.config import SourceConfig
    from aggregator.model import SourceState
    from aggregator.store import Store

    tz = ZoneInfo("Asia/Shanghai")
    bodies = [(farm.url(i), farm.feeds.render(i, 0)) for i in range(n)]
    out: dict[str, float] = {}

    def timed(name: str, fn: Any) -> list[Any]:
        t0 = time.perf_counter()
        res = [fn(u, b) for u, b in bodies]
        out[name] = 1000 * (time.perf_counter() - t0) / n
        return res

    timed("charset.decode", lambda u, b: charset.decode(b))
    timed("feedparser.parse (resolve_relative_uris=True, as feedparse calls it)",
          lambda u, b: feedparser.parse(b, response_headers={"content-location": u}, sanitize_html=False,
                                        resolve_relative_uris=True))
    timed("feedparser.parse (resolve_relative_uris=False)",
          lambda u, b: feedparser.parse(b, response_headers={"content-location": u}, sanitize_html=False,
                                        resolve_relative_uris=False))
    try:
        import fastfeedparser

        timed("fastfeedparser.parse", lambda u, b: fastfeedparser.parse(b))
    except Exception:  # an optional comparison only
        pass
    parsed = timed("feedparse.parse (all of it)", lambda u, b: feedparse.parse(b, u, tz=tz))
    now = datetime.now(UTC)
    srcs = [SourceConfig(id=f"farm-{i}", url=u) for i, (u, _b) in enumerate(bodies)]
    items: list[list[Any]] = []
    t0 = time.perf_counter()
    for src, pf in zip(srcs, parsed, strict=True):
        items.append([normalize.item(r, src, now=now, tz=tz, feed_title=pf.title, feed_link=pf.link,
                                     feed_id=pf.feed_id) for r in pf.items])
    out["normalize.item × 20"] = 1000 * (time.perf_counter() - t0) / n
    raws = [r for pf in parsed for r in pf.items]
    t0 = time.perf_counter()
    for r in raws:
        sanitize.html(r.html or r.summary or "", r.link or "http://x/")
    out["  of which sanitize.html × 20"] = 1000 * (time.perf_counter() - t0) / n
    t0 = time.perf_counter()
    for r in raws:
        sanitize.text(r.html or r.summary or "")
    out["  of which sanitize.text × 20 (normalize may call it on the cleaned html)"] = \
        1000 * (time.perf_counter() - t0) / n
    with tempfile.TemporaryDirectory(dir=WORK) as d:
        with Store(Path(d)) as store:
            t0 = time.perf_counter()
            for src, its in zip(srcs, items, strict=True):
                store.commit(src.id, its, SourceState(source_id=src.id), now=now, classify=lambda it: ("all",))
            out["store.commit, 20 new items (fsync on)"] = 1000 * (time.perf_counter() - t0) / n
            t0 = time.perf_counter()
            for src in srcs:
                store.commit(src.id, [], SourceState(source_id=src.id, etag='"x"'), now=now,
                             classify=lambda it: ("all",))
            out["store.commit, no items: a 304's state (fsync on)"] = 1000 * (time.perf_counter() - t0) / n
    with tempfile.TemporaryDirectory(dir=WORK) as d:
        with Store(Path(d), fsync=False) as store:
            t0 = time.perf_counter()
            for src, its in zip(srcs, items, strict=True):
                store.commit(src.id, its, SourceState(source_id=src.id), now=now, classify=lambda it: ("all",))
            out["store.commit, 20 new items (fsync off)"] = 1000 * (time.perf_counter() - t0) / n
    return out


# -- main ------------------------------------------------------------------------

def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--feeds", type=int, default=1000)
    ap.add_argument("--workers", type=int, default=16)
    ap.add_argument("--item-kb", type=float, default=1.5,
                    help="item body size in KB (1.5: ~30 KB feeds, the size behind issue 5's reader figures)")
    ap.add_argument("--procs", type=int, default=1, help="farm server processes")
    ap.add_argument("--no-profile", action="store_true")
    ap.add_argument("--reader-child", nargs=4, help=argparse.SUPPRESS)
    ap.add_argument("--profile-child", nargs=2, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.profile_child:
        profile_child(*args.profile_child)
        return 0
    if args.reader_child:
        db, urls_file, workers, add = args.reader_child
        reader_child(db, urls_file, int(workers), add == "1")
        return 0

    tag = f"{args.feeds}x{args.item_kb:g}kb"
    run_dir = WORK / f"poll_vs_reader-{tag}"
    shutil.rmtree(run_dir, ignore_errors=True)
    run_dir.mkdir(parents=True)
    res: dict[str, Any] = {"feeds": args.feeds, "workers": args.workers, "date": time.strftime("%Y-%m-%d %H:%M")}
    res["item_kb"] = args.item_kb
    with Farm(args.feeds, procs=args.procs, item_bytes=int(args.item_kb * 1000)) as farm:
        res["feed_kb"] = len(farm.feeds.render(0, 0)) / 1000
        urls = [farm.url(i) for i in range(args.feeds)]
        urls_file = run_dir / "urls.txt"
        urls_file.write_text("\n".join(urls))
        cfg = write_config(run_dir / "aggregator.toml", urls, run_dir / "data", run_dir / "feeds",
                           concurrency=args.workers)
        print(f"farm on port {farm.port}: {args.feeds} feeds; ours then reader (cold, warm)…", flush=True)
        res["ours_cold"] = ours(cfg)
        print(f"  ours cold   {res['ours_cold']['wall']:7.2f} s  {res['ours_cold']['statuses']}", flush=True)
        res["ours_warm"] = ours(cfg)
        print(f"  ours warm   {res['ours_warm']['wall']:7.2f} s  {res['ours_warm']['statuses']}", flush=True)
        db = run_dir / "reader.sqlite"
        res["reader_cold"] = theirs(db, urls_file, args.workers, add=True)
        print(f"  reader cold {res['reader_cold']['wall']:7.2f} s  entries={res['reader_cold']['entries']}", flush=True)
        res["reader_warm"] = theirs(db, urls_file, args.workers, add=False)
        print(f"  reader warm {res['reader_warm']['wall']:7.2f} s", flush=True)
        res["components"] = components(farm)
        res["store_mb"] = sum(f.stat().st_size for f in (run_dir / "data").rglob("*") if f.is_file()) / 2**20
        res["store_files"] = sum(1 for f in (run_dir / "data").rglob("*") if f.is_file())
        if not args.no_profile:
            pdir = run_dir / "profile"
            pcfg = write_config(run_dir / "profile.toml", urls, pdir / "data", pdir / "feeds",
                                concurrency=args.workers)
            res["profile"] = profile(pcfg, run_dir / "cold.prof")
            res["profile_warm"] = profile(pcfg, run_dir / "warm.prof")
    report(res)
    (WORK / f"poll_vs_reader-{tag}.json").write_text(json.dumps(res, indent=2, ensure_ascii=False))
    return 0


def report(res: dict[str, Any]) -> None:
    n = res["feeds"]
    print(f"\n{n} feeds × 20 items (~{res['item_kb']:g} KB each, ~{res['feed_kb']:.0f} KB a feed), loopback farm, "
          f"{res['workers']} workers/concurrency")
    print(f"{'run':<14}{'wall s':>9}{'CPU s':>9}{'peak RSS MB':>13}{'ms/feed':>9}{'written MB':>12}")
    for key in ("ours_cold", "reader_cold", "ours_warm", "reader_warm"):
        r = res[key]
        print(f"{key:<14}{r['wall']:>9.2f}{r['cpu']:>9.2f}{r['rss_mb']:>13.0f}{1000 * r['wall'] / n:>9.1f}"
              f"{r['written_mb']:>12.0f}")
    oc, rc = res["ours_cold"], res["reader_cold"]
    ow, rw = res["ours_warm"], res["reader_warm"]
    cold, warm = oc["wall"] / rc["wall"], ow["wall"] / rw["wall"]
    res["ratios"] = {"cold": cold, "warm": warm}
    print(f"\nratio ours/reader cold: {cold:.3f} (target ≤ 0.200: {'MET' if cold <= 0.2 else 'NOT MET'})")
    print(f"ratio ours/reader warm: {warm:.3f} (target ≤ 0.500: {'MET' if warm <= 0.5 else 'NOT MET'})")
    peak = max(oc["rss_mb"], ow["rss_mb"])
    print(f"our peak RSS: {peak:.0f} MB (target < 200 MB: {'MET' if peak < 200 else 'NOT MET'}); "
          f"reader {max(rc['rss_mb'], rw['rss_mb']):.0f} MB")
    print(f"our store after cold poll: {res['store_mb']:.1f} MB in {res['store_files']} files; "
          f"new items {oc['new']}; reader entries {rc['entries']}, feed errors {rc['feed_errors']}")
    print("\nsteps of a cold poll timed alone, unprofiled (ms per feed of 20 items):")
    for k, v in res["components"].items():
        print(f"    {k:<72}{v:>8.2f}")
    for key, what in (("profile", "a cold poll"), ("profile_warm", "a warm poll (all 304)")):
        if res.get(key):
            _print_profile(res[key], what, n)


def _print_profile(prof: dict[str, Any], what: str, n: int) -> None:
    if prof:
        tot = prof["profiled_total"]
        print(f"\nprofile of {what} (cProfile; {prof['profiled_wall']:.1f} s wall under the profiler, "
              f"{tot:.1f} s profiled CPU):")
        print("  by pipeline step (cumulative, nested steps overlap):")
        for k, v in prof["steps"].items():
            print(f"    {k:<40}{v:>7.2f} s {100 * v / tot:>5.1f}%  {1000 * v / n:6.2f} ms/feed")
        print("  by module/library (own time):")
        for k, v in prof["by_lib"].items():
            print(f"    {k:<40}{v:>7.2f} s {100 * v / tot:>5.1f}%")
        print("  top C builtins (own time):")
        for k, v in list(prof["builtins"].items())[:8]:
            print(f"    {k[:60]:<60}{v:>7.2f} s")


if __name__ == "__main__":
    sys.exit(main())
