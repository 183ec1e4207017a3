"""Store benchmark: per-poll commit time at 10k and 100k stored items, publishing reads, peak RSS.

    python benchmarks/store_bench.py [--small 10000] [--large 100000] [--sources 500] [--dir DIR]

Fills one store (bulk, through `Store.commit` with fsync off, then `os.sync()`), measures at
`--small` items, fills on to `--large` and measures again. Each measurement runs in a fresh process (so its peak RSS is
that of a process holding an open store of that size, like the daemon) with fsync on: 40 polls of
20 new + 20 already-seen ~2 KB items into random sources, then `topic_items(t, 100)` for the 10
topics, cold. Targets (issue 5): commit ratio large/small ≤ 1.5; all topics within 1 s; RSS < 300 MB.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from aggregator.model import Item, Sighting, SourceState  # noqa: E402
from aggregator import store_keys  # noqa: E402
from aggregator.store import Store  # noqa: E402

T0 = datetime(2026, 1, 1, tzinfo=timezone(timedelta(hours=8)))
TOPICS = [f"t{i}" for i in range(10)]
WORDS = "国务院 通知 政策 发布 经济 发展 改革 委员会 办公厅 关于 印发 实施 意见 工作 方案".split()


def make(source: str, n: int) -> Item:
    url = f"https://{source}.gov.cn/art/{n}.html"
    keys = (f"url:{url}", f"guid:{source}:{n}", f"url:https://origin.gov.cn/{source}/{n}")
    rnd = random.Random(f"{source}/{n}")
    text = " ".join(rnd.choice(WORDS) for _ in range(330))  # ~2 KB of UTF-8 text
    title = f"{source} 第{n}号 " + " ".join(rnd.choice(WORDS) for _ in range(6))
    pub = T0 + timedelta(minutes=n * 7 + rnd.randint(0, 5))
    return Item(
        id=hashlib.sha256(keys[2].encode()).hexdigest()[:32], keys=keys, url=url, title=title,
        published=pub, updated=pub, author=None, publisher="办公厅", origin_url=None, origin_published=None,
        content=f"<p>{text}</p>", text=text, content_hash=hashlib.sha256((title + text).encode()).hexdigest(),
        sightings=(Sighting(source, source, url, f"https://{source}.gov.cn/", source, None, None, "feed", pub),),
    )


def classify(item: Item) -> tuple[str, ...]:
    h = int(item.id[:4], 16)
    return (TOPICS[h % 10],) + ((TOPICS[(h // 10) % 10],) if h % 3 == 0 else ())


def fill(path: Path, sources: int, upto: int, per_source: list[int]) -> float:
    """Bulk-load until the store holds ``upto`` items (a loader, not a measurement).

    fsync off and the key log unbounded (one fold at the end), then everything flushed to disk:
    otherwise the measurement would run behind hundreds of MB of write-back.
    """
    t = time.perf_counter()
    log_max, store_keys.LOG_MAX = store_keys.LOG_MAX, 10**9
    with Store(path, fsync=False) as s:
        total = s.count()
        while total < upto:
            for i in range(sources):
                if total >= upto:
                    break
                n = min(50, upto - total)
                src = f"src{i:04d}"
                items = [make(src, per_source[i] + k) for k in range(n)]
                per_source[i] += n
                s.commit(src, items, SourceState(src), now=T0, classify=classify)
                total += n
        store_keys.LOG_MAX = log_max
        s.compact()
    os.sync()
    return time.perf_counter() - t


def measure(path: Path, sources: int, per_source: list[int]) -> dict[str, float]:
    rng = random.Random(7)
    out: dict[str, float] = {}
    with Store(path) as s:
        count = s.count()
        times = []
        for _ in range(40):
            i = rng.randrange(sources)
            src = f"src{i:04d}"
            top = per_source[i]
            seen = [make(src, n) for n in range(max(0, top - 20), top)]
            new = [make(src, top + k) for k in range(20)]
            per_source[i] += 20
            t = time.perf_counter()
            r = s.commit(src, new + seen, SourceState(src), now=T0, classify=classify)
            times.append(time.perf_counter() - t)
            assert len(r.new) == 20 and r.seen == len(seen), r
        out["items"] = count
        out["commit_median_ms"] = statistics.median(times) * 1000
        out["commit_mean_ms"] = statistics.mean(times) * 1000
        # the key-log fold a commit triggers every LOG_MAX new keys (~250 such polls)
        t = time.perf_counter()
        s.compact()
        out["fold_ms"] = (time.perf_counter() - t) * 1000
        out["fold_per_poll_ms"] = out["fold_ms"] * 80 / store_keys.LOG_MAX
    with Store(path) as s:  # cold: nothing cached, as after a restart
        t = time.perf_counter()
        got = sum(len(s.topic_items(topic, 100)) for topic in TOPICS)
        out["publish_read_s"] = time.perf_counter() - t
        out["publish_items"] = got
        t = time.perf_counter()
        for topic in TOPICS:
            s.topic_items(topic, 100)
        out["publish_read_warm_s"] = time.perf_counter() - t
    out["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return out


def run_measure(path: Path, sources: int, per_source: list[int]) -> dict[str, float]:
    """Measure in a fresh process, so peak RSS is that of an open store and nothing else."""
    state = path / "bench_per_source.json"
    state.write_text(json.dumps(per_source))
    proc = subprocess.run(
        [sys.executable, __file__, "--measure", str(path), "--sources", str(sources)],
        check=True, capture_output=True, text=True,
    )
    per_source[:] = json.loads(state.read_text())
    return json.loads(proc.stdout)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--small", type=int, default=10_000)
    ap.add_argument("--large", type=int, default=100_000)
    ap.add_argument("--sources", type=int, default=500)
    ap.add_argument("--dir", type=Path)
    ap.add_argument("--measure", type=Path, help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.measure:
        state = a.measure / "bench_per_source.json"
        per_source = json.loads(state.read_text())
        res = measure(a.measure, a.sources, per_source)
        state.write_text(json.dumps(per_source))
        print(json.dumps(res))
        return 0
    with tempfile.TemporaryDirectory(dir=a.dir) as tmp:
        path = Path(tmp) / "store"
        per_source = [0] * a.sources
        results = {}
        for label, size in (("small", a.small), ("large", a.large)):
            secs = fill(path, a.sources, size, per_source)
            print(f"filled to {size:,} items in {secs:.1f} s", flush=True)
            results[label] = run_measure(path, a.sources, per_source)
            r = results[label]
            files = sum(1 for _ in path.rglob("*.json"))
            mb = sum(p.stat().st_size for p in path.rglob("*.json")) / 1e6
            print(
                f"{int(r['items']):>7,} items ({files:,} files, {mb:.0f} MB): commit 20 new + 20 seen "
                f"median {r['commit_median_ms']:.1f} ms, mean {r['commit_mean_ms']:.1f} ms, "
                f"+ key-log fold {r['fold_ms']:.0f} ms / {store_keys.LOG_MAX:,} keys "
                f"(= {r['fold_per_poll_ms']:.1f} ms a poll); "
                f"topic_items x10 (100 each) cold {r['publish_read_s'] * 1000:.0f} ms, "
                f"warm {r['publish_read_warm_s'] * 1000:.0f} ms; peak RSS {r['peak_rss_mb']:.0f} MB",
                flush=True,
            )
        ratio = results["large"]["commit_median_ms"] / results["small"]["commit_median_ms"]
        amort = [r["commit_median_ms"] + r["fold_per_poll_ms"] for r in (results["small"], results["large"])]
        pub = results["large"]["publish_read_s"]
        rss = results["large"]["peak_rss_mb"]
        print(f"commit ratio large/small (median): {ratio:.2f}  (target <= 1.5)")
        print(f"commit ratio large/small (median + amortized fold): {amort[1] / amort[0]:.2f}")
        print(f"publish read, all 10 topics at {a.large:,}: {pub:.2f} s  (target <= 1 s)")
        print(f"peak RSS with {a.large:,} items open: {rss:.0f} MB  (target < 300 MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
