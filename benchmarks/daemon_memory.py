"""The service under load: memory over many poll cycles, the real daemon's RSS, and served feed requests/s.

    python benchmarks/daemon_memory.py [--sources 1000] [--cycles 100] [--fraction 0.02]
                                       [--daemon-seconds 120] [--wrk-seconds 10] [--skip-daemon] [--skip-wrk]

1. In-process: `pipeline.Poller` over N loopback feed sources (benchmarks/farm.py, rotation on: each
   cycle a `fraction` of the feeds gains 3 new items), `cycles` × (`poll_many` then `publish`), as the
   daemon's loop does without the scheduler's waits. Prints RSS (VmRSS) and peak (VmHWM) after
   cycles 1, 10, 50 and 100 and the time of each phase. Cycle 1 is cold (all 200), later ones mostly 304.
2. The real daemon: `python -m aggregator run` on N sources at the minimum interval (10 s) for
   `daemon_seconds`, the farm rotating every 10 s; RSS sampled from /proc every 5 s; then SIGTERM,
   and its exit code and stop time.
3. `python -m aggregator serve` on the store of step 1: `wrk` for 10 s on /feeds/<topic>.atom at
   concurrency 10 and 50, fresh (200) and conditional (If-None-Match → 304).
Writes benchmarks/work/daemon_memory.json. Owns no product code.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import json
import re
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
WORK = HERE / "work"
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT))

from farm import Farm  # noqa: E402
from poll_vs_reader import write_config  # noqa: E402

REPORT_AT = (1, 10, 50, 100)


def proc_mem(pid: int | str = "self") -> tuple[float, float]:
    """(VmRSS, VmHWM) in MB from /proc."""
    text = Path(f"/proc/{pid}/status").read_text()
    rss = int(re.search(r"VmRSS:\s+(\d+)", text).group(1)) / 1024  # type: ignore[union-attr]
    hwm = int(re.search(r"VmHWM:\s+(\d+)", text).group(1)) / 1024  # type: ignore[union-attr]
    return rss, hwm


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


# -- 1. in-process cycles ----------------------------------------------------------

def cycles(farm: Farm, cfg_path: Path, n_cycles: int) -> list[dict[str, Any]]:
    from aggregator.config import load
    from aggregator.pipeline import Poller
    from aggregator.store import Store

    config = load(cfg_path)
    rows: list[dict[str, Any]] = []
    base_rss, _ = proc_mem()
    print(f"  before: RSS {base_rss:.0f} MB (farm rendering and imports)", flush=True)

    async def go() -> None:
        store = Store(config.data_dir)
        poller = Poller(config, store)
        sources = [s for s in config.sources if s.enabled]
        try:
            for c in range(1, n_cycles + 1):
                changed = 0
                if c > 1:
                    farm.rotate()
                    changed = farm.changed()
                t0 = time.perf_counter()
                results = await poller.poll_many(sources)
                t1 = time.perf_counter()
                poller.publish()
                t2 = time.perf_counter()
                rss, hwm = proc_mem()
                row = {
                    "cycle": c, "poll_s": t1 - t0, "publish_s": t2 - t1, "rss_mb": rss, "hwm_mb": hwm,
                    "changed_feeds": changed, "new": sum(r.new for r in results),
                    "errors": sum(1 for r in results if r.status == "error"), "items": store.count(),
                }
                rows.append(row)
                if c in REPORT_AT or c == n_cycles or c % 10 == 0:
                    print(f"  cycle {c:3d}: poll {row['poll_s']:6.2f} s  publish {row['publish_s']:5.2f} s  "
                          f"RSS {rss:5.0f} MB  peak {hwm:5.0f} MB  new {row['new']:5d}  errors {row['errors']}  "
                          f"items {row['items']}", flush=True)
        finally:
            await poller.aclose()
            store.close()

    asyncio.run(go())
    gc.collect()
    return rows


# -- 2. the real daemon ------------------------------------------------------------

def daemon(farm: Farm, cfg_path: Path, seconds: float) -> dict[str, Any]:
    log_path = cfg_path.parent / "daemon.log"
    with open(log_path, "wb") as log:
        p = subprocess.Popen([sys.executable, "-m", "aggregator", "run", "--config", str(cfg_path)],
                             cwd=ROOT, stdout=subprocess.DEVNULL, stderr=log)
    samples: list[tuple[float, float, float]] = []
    stop = threading.Event()

    def rotate() -> None:
        while not stop.wait(10):
            farm.rotate()

    t = threading.Thread(target=rotate, daemon=True)
    t.start()
    t0 = time.monotonic()
    try:
        while time.monotonic() - t0 < seconds:
            time.sleep(5)
            if p.poll() is not None:
                break
            rss, hwm = proc_mem(p.pid)
            samples.append((time.monotonic() - t0, rss, hwm))
            print(f"  daemon t={samples[-1][0]:5.0f} s  RSS {rss:5.0f} MB  peak {hwm:5.0f} MB", flush=True)
    finally:
        stop.set()
        t_stop = time.monotonic()
        if p.poll() is None:
            p.send_signal(signal.SIGTERM)
        try:
            rc = p.wait(30)
        except subprocess.TimeoutExpired:
            p.kill()
            rc = p.wait()
        stop_s = time.monotonic() - t_stop
    text = log_path.read_text(encoding="utf-8", errors="replace")
    polls = len(re.findall(r"polled source=", text))
    errors = len(re.findall(r"status=error", text))
    return {
        "seconds": seconds, "samples": samples, "rc": rc, "stop_s": stop_s, "polls": polls, "poll_errors": errors,
        "max_rss_mb": max((s[1] for s in samples), default=0.0),
        "final_rss_mb": samples[-1][1] if samples else 0.0,
        "peak_hwm_mb": max((s[2] for s in samples), default=0.0),
    }


# -- 3. served feed requests/s ---------------------------------------------------------

def serve_wrk(cfg_path: Path, port: int, topic: str, seconds: int) -> dict[str, Any]:
    p = subprocess.Popen([sys.executable, "-m", "aggregator", "serve", "--config", str(cfg_path)],
                         cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/feeds/{topic}.atom"
    out: dict[str, Any] = {"url": url, "runs": []}
    try:
        for _ in range(100):
            try:
                with urllib.request.urlopen(url, timeout=2) as r:
                    body = r.read()
                    etag = r.headers["ETag"]
                break
            except OSError:
                time.sleep(0.2)
        else:
            raise SystemExit("aggregator serve did not come up")
        out["feed_kb"] = len(body) / 1000
        out["entries"] = body.count(b"<entry")
        req = urllib.request.Request(url, headers={"If-None-Match": etag})
        try:
            urllib.request.urlopen(req, timeout=2)
            out["conditional_status"] = 200
        except urllib.error.HTTPError as e:
            out["conditional_status"] = e.code
        for conc in (10, 50):
            for label, hdr in (("200", []), ("304", ["-H", f"If-None-Match: {etag}"])):
                cmd = ["wrk", "-t2", f"-c{conc}", f"-d{seconds}s", "--latency", *hdr, url]
                text = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
                rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))  # type: ignore[union-attr]
                p99 = re.search(r"99%\s+([\d.]+\w+)", text)
                non2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", text)
                run = {"status": label, "concurrency": conc, "rps": rps, "p99": p99.group(1) if p99 else "?",
                       "errors": int(non2xx.group(1)) if non2xx else 0}
                out["runs"].append(run)
                print(f"  wrk {label} c={conc:<3d} {rps:9.0f} req/s  p99 {run['p99']}  non-2xx/3xx {run['errors']}",
                      flush=True)
    finally:
        p.send_signal(signal.SIGTERM)
        try:
            p.wait(15)
        except subprocess.TimeoutExpired:
            p.kill()
            p.wait()
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sources", type=int, default=1000)
    ap.add_argument("--cycles", type=int, default=100)
    ap.add_argument("--fraction", type=float, default=0.02, help="share of feeds gaining items per cycle")
    ap.add_argument("--item-kb", type=float, default=1.5)
    ap.add_argument("--daemon-seconds", type=float, default=120)
    ap.add_argument("--wrk-seconds", type=int, default=10)
    ap.add_argument("--skip-cycles", action="store_true")
    ap.add_argument("--skip-daemon", action="store_true")
    ap.add_argument("--skip-wrk", action="store_true")
    args = ap.parse_args(argv)
    run_dir = WORK / "daemon_memory"
    shutil.rmtree(run_dir, ignore_errors=True)
    run_dir.mkdir(parents=True)
    res: dict[str, Any] = {"sources": args.sources, "fraction": args.fraction, "item_kb": args.item_kb,
                           "date": time.strftime("%Y-%m-%d %H:%M")}
    port = free_port()
    with Farm(args.sources, fraction=args.fraction, item_bytes=int(args.item_kb * 1000)) as farm:
        urls = [farm.url(i) for i in range(args.sources)]
        cfg = write_config(run_dir / "cycles.toml", urls, run_dir / "data", run_dir / "feeds", port=port)
        if not args.skip_cycles:
            print(f"1. {args.cycles} cycles of poll_many + publish over {args.sources} sources "
                  f"(fraction {args.fraction} rotating)", flush=True)
            t0 = time.perf_counter()
            res["cycles"] = cycles(farm, cfg, args.cycles)
            res["cycles_s"] = time.perf_counter() - t0
        if not args.skip_daemon:
            print(f"2. aggregator run on {args.sources} sources at interval 10 s for {args.daemon_seconds:.0f} s",
                  flush=True)
            dcfg = write_config(run_dir / "daemon.toml", urls, run_dir / "ddata", run_dir / "dfeeds",
                                port=free_port(), interval="10s")
            res["daemon"] = daemon(farm, dcfg, args.daemon_seconds)
            d = res["daemon"]
            print(f"  daemon: {d['polls']} polls ({d['poll_errors']} errors), max RSS {d['max_rss_mb']:.0f} MB, "
                  f"final {d['final_rss_mb']:.0f} MB; SIGTERM → rc {d['rc']} in {d['stop_s']:.1f} s", flush=True)
    if not args.skip_wrk and not args.skip_cycles:
        print("3. wrk against aggregator serve", flush=True)
        res["wrk"] = serve_wrk(cfg, port, "all", args.wrk_seconds)
    (WORK / "daemon_memory.json").write_text(json.dumps(res, indent=2))
    summary(res)
    return 0


def summary(res: dict[str, Any]) -> None:
    print(f"\nsummary ({res['sources']} sources, rotation {res['fraction']})")
    rows = {r["cycle"]: r for r in res.get("cycles", [])}
    for c in REPORT_AT:
        if c in rows:
            r = rows[c]
            print(f"  after cycle {c:3d}: RSS {r['rss_mb']:5.0f} MB (peak {r['hwm_mb']:.0f}), items {r['items']}, "
                  f"last poll {r['poll_s']:.2f} s")
    if "daemon" in res:
        d = res["daemon"]
        print(f"  daemon {d['seconds']:.0f} s: max RSS {d['max_rss_mb']:.0f} MB, {d['polls']} polls, "
              f"stop rc {d['rc']} in {d['stop_s']:.1f} s")
    if "wrk" in res:
        w = res["wrk"]
        print(f"  served {w['url']} ({w['entries']} entries, {w['feed_kb']:.0f} KB; If-None-Match → "
              f"{w['conditional_status']}):")
        for r in w["runs"]:
            print(f"    {r['status']} c={r['concurrency']:<3d} {r['rps']:8.0f} req/s  p99 {r['p99']}")


if __name__ == "__main__":
    sys.exit(main())
