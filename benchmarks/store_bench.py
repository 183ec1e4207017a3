"""Store benchmark: per-poll commit time at 10k and 100k stored items, publishing reads, peak RSS.

    python benchmarks/store_bench.py [--small 10000] [--large 100000] [--sources 500] [--dir DIR]

Fills a store to `--small` items (bulk, through `Store.commit` with fsync off, then `os.sync()`),
copies it and fills the copy on to `--large`. Then, alternating small/large for `--rounds` rounds
(the machine may be shared: alternating spreads background load over both), each round a fresh
process with fsync on: 15 polls of 20 new + 20 already-seen ~2 KB items into random sources, a
forced key-log fold, and `topic_items(t, 100)` for the 10 topics from a cold (reopened) store.
Peak RSS is that of such a process: an open store of that size, like the daemon's. Targets (issue 5): commit ratio large/small ≤ 1.5; all topics within 1 s; RSS < 300 MB.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from aggregator import store_keys  # noqa: E402
from aggregator.model import Item, Sighting, SourceState  # noqa: E402
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


def peak_rss_mb() -> float:
    # VmHWM, not ru_maxrss: ru_maxrss survives exec, so a child would report its parent's peak
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure(path: Path, sources: int, per_source: list[int], seed: int) -> dict[str, Any]:
    rng = random.Random(seed)
    out: dict[str, Any] = {}
    with Store(path) as s:
        out["items"] = s.count()
        times = []
        for _ in range(15):
            i = rng.randrange(sources)
            src = f"src{i:04d}"
            top = per_source[i]
            seen = [make(src, n) for n in range(max(0, top - 20), top)]
            new = [make(src, top + k) for k in range(20)]
            per_source[i] += 20
            t = time.perf_counter()
            r = s.commit(src, new + seen, SourceState(src), now=T0, classify=classify)
            times.append((time.perf_counter() - t) * 1000)
            assert len(r.new) == 20 and r.seen == len(seen), r
        out["commit_ms"] = times
        # the key-log fold a commit triggers after every LOG_MAX new keys (~250 such polls)
        t = time.perf_counter()
        s.compact()
        out["fold_ms"] = (time.perf_counter() - t) * 1000
    with Store(path) as s:  # cold: nothing cached, as after a restart
        t = time.perf_counter()
        out["publish_items"] = sum(len(s.topic_items(topic, 100)) for topic in TOPICS)
        out["publish_cold_ms"] = (time.perf_counter() - t) * 1000
        t = time.perf_counter()
        for topic in TOPICS:
            s.topic_items(topic, 100)
        out["publish_warm_ms"] = (time.perf_counter() - t) * 1000
    out["peak_rss_mb"] = peak_rss_mb()
    return out


def run_measure(path: Path, sources: int, seed: int) -> dict[str, Any]:
    """Measure in a fresh process, so peak RSS is that of an open store and nothing else."""
    proc = subprocess.run(
        [sys.executable, __file__, "--measure", str(path), "--sources", str(sources), "--seed", str(seed)],
        check=True, capture_output=True, text=True,
    )
    return json.loads(proc.stdout)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--small", type=int, default=10_000)
    ap.add_argument("--large", type=int, default=100_000)
    ap.add_argument("--sources", type=int, default=500)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--dir", type=Path)
    ap.add_argument("--measure", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--seed", type=int, default=0, help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.measure:
        state = a.measure / "bench_per_source.json"
        per_source = json.loads(state.read_text())
        res = measure(a.measure, a.sources, per_source, a.seed)
        state.write_text(json.dumps(per_source))
        print(json.dumps(res))
        return 0
    with tempfile.TemporaryDirectory(dir=a.dir) as tmp:
        paths = {"small": Path(tmp) / "small", "large": Path(tmp) / "large"}
        per_source = [0] * a.sources
        secs = fill(paths["small"], a.sources, a.small, per_source)
        (paths["small"] / "bench_per_source.json").write_text(json.dumps(per_source))
        print(f"filled to {a.small:,} items in {secs:.1f} s", flush=True)
        shutil.copytree(paths["small"], paths["large"])
        secs = fill(paths["large"], a.sources, a.large, per_source)
        (paths["large"] / "bench_per_source.json").write_text(json.dumps(per_source))
        print(f"filled to {a.large:,} items in {secs:.1f} s", flush=True)
        runs: dict[str, list[dict[str, Any]]] = {"small": [], "large": []}
        for rnd in range(a.rounds):
            for label in ("small", "large"):
                runs[label].append(run_measure(paths[label], a.sources, rnd))
        summary = {}
        for label, rs in runs.items():
            path = paths[label]
            commits = [t for r in rs for t in r["commit_ms"]]
            fold = statistics.median(r["fold_ms"] for r in rs)
            summary[label] = sm = {
                "items": rs[-1]["items"],
                "commit_median_ms": statistics.median(commits),
                "commit_mean_ms": statistics.mean(commits),
                "fold_ms": fold,
                "fold_per_poll_ms": fold * 80 / store_keys.LOG_MAX,
                "publish_cold_ms": statistics.median(r["publish_cold_ms"] for r in rs),
                "publish_warm_ms": statistics.median(r["publish_warm_ms"] for r in rs),
                "peak_rss_mb": max(r["peak_rss_mb"] for r in rs),
                "files": sum(1 for _ in path.rglob("*.json")),
                "mb": sum(p.stat().st_size for p in path.rglob("*.json")) / 1e6,
            }
            print(
                f"{sm['items']:>7,} items ({sm['files']:,} files, {sm['mb']:.0f} MB): "
                f"commit of 20 new + 20 seen: median {sm['commit_median_ms']:.1f} ms, "
                f"mean {sm['commit_mean_ms']:.1f} ms ({len(commits)} commits); "
                f"key-log fold {fold:.0f} ms per {store_keys.LOG_MAX:,} keys "
                f"(= {sm['fold_per_poll_ms']:.1f} ms a poll); "
                f"topic_items x10 (100 each): cold {sm['publish_cold_ms']:.0f} ms, "
                f"warm {sm['publish_warm_ms']:.0f} ms; peak RSS {sm['peak_rss_mb']:.0f} MB",
                flush=True,
            )
        sm, lg = summary["small"], summary["large"]
        ratio = lg["commit_median_ms"] / sm["commit_median_ms"]
        amort = (lg["commit_median_ms"] + lg["fold_per_poll_ms"]) / (sm["commit_median_ms"] + sm["fold_per_poll_ms"])
        print(f"commit ratio large/small, median: {ratio:.2f}; with the fold amortized: {amort:.2f}  (target <= 1.5)")
        print(f"publish read, all 10 topics at {a.large:,}: {lg['publish_cold_ms'] / 1000:.2f} s  (target <= 1 s)")
        print(f"peak RSS with {a.large:,} items open: {lg['peak_rss_mb']:.0f} MB  (target < 300 MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
