"""Compare feedparser and fastfeedparser on the feed fixtures: speed and agreement;
then time feedparse.parse (fast lxml path vs the feedparser path) on farm-sized feeds.

Run: python benchmarks/parsers.py [repeats]
Prints ms/feed for each parser, the ratio, and where the two disagree on the
fields aggregator uses (title, link, id, dates, author, content, categories, enclosures),
then ms/feed for the farm's 20-item ~43 KB RSS and Atom feeds (benchmarks/farm.py):
feedparse.parse old path (fast=False), new path, its parts, feedparser, fastfeedparser.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Any, Callable
from zoneinfo import ZoneInfo

import fastfeedparser
import feedparser

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))
from farm import Feeds  # noqa: E402

from aggregator import charset, feedfast, feedparse  # noqa: E402
from aggregator.dates import parse_date  # noqa: E402

FEEDS = Path(__file__).resolve().parents[1] / "tests" / "data" / "feeds"
TZ = ZoneInfo("Asia/Shanghai")


def big_feed(n: int = 100) -> bytes:
    items = "".join(
        f"<item><title>国务院常务会议 第{i}期 &lt;b&gt;要点&lt;/b&gt;</title>"
        f"<link>https://www.gov.cn/xinwen/2021-03/{i:02d}/content_{i}.htm</link>"
        f"<guid>content_{i}</guid><pubDate>2021-03-16 {i % 24:02d}:00:00</pubDate>"
        f"<category>政策</category><description><![CDATA[<p>{'正文内容。' * 80}</p>]]></description></item>"
        for i in range(n)
    )
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>大</title>'
            f"<link>https://www.gov.cn/</link>{items}</channel></rss>").encode()


def samples() -> dict[str, bytes]:
    out = {p.name: p.read_bytes() for p in sorted(FEEDS.glob("*.xml")) if p.name != "bomb.xml"}
    out["synthetic-100-items.xml"] = big_feed()
    return out


def timed(fn: Callable[[bytes], Any], body: bytes, repeats: int) -> float:
    fn(body)
    t0 = time.perf_counter()
    for _ in range(repeats):
        fn(body)
    return (time.perf_counter() - t0) / repeats * 1000


def fields(entries: Any) -> list[tuple[Any, ...]]:
    out = []
    for e in entries:
        raw = e.get("published") or e.get("updated")
        # feedparser keeps the raw text; fastfeedparser already turned it into UTC ISO
        when = parse_date(raw, TZ)[0]
        out.append((e.get("title"), e.get("link"), e.get("id"), when.timestamp() if when else None,
                    len(e.get("tags") or []), len(e.get("enclosures") or [])))
    return out


def main() -> None:
    repeats = int(sys.argv[1]) if len(sys.argv) > 1 else 30
    fp = lambda b: feedparser.parse(b, sanitize_html=False)  # noqa: E731
    ffp = lambda b: fastfeedparser.parse(b)  # noqa: E731
    tot_a = tot_b = 0.0
    print(f"{'fixture':28} {'feedparser':>11} {'fastfeed':>9} {'ratio':>6}  agreement")
    for name, body in samples().items():
        a = timed(fp, body, repeats)
        try:
            b = timed(ffp, body, repeats)
            fa, fb = fields(fp(body).entries), fields(ffp(body).entries)
            diffs = sum(x != y for x, y in zip(fa, fb, strict=False)) + abs(len(fa) - len(fb))
            agree = "same" if not diffs else f"{diffs} of {max(len(fa), len(fb))} entries differ"
        except Exception as e:  # noqa: BLE001 - a benchmark reports, it does not stop
            b, agree = float("nan"), f"fastfeedparser failed: {type(e).__name__}: {str(e)[:50]}"
        tot_a += a
        tot_b += b if b == b else 0
        print(f"{name:28} {a:9.2f}ms {b:7.2f}ms {a / b if b == b else float('nan'):5.1f}x  {agree}")
    print(f"{'total':28} {tot_a:9.2f}ms {tot_b:7.2f}ms {tot_a / tot_b:5.1f}x")
    farm_feeds(repeats)


def best_of(fn: Callable[[], Any], repeats: int) -> float:
    """Least CPU ms per call over 5 runs of `repeats` calls (the machine is shared; the minimum is the cost)."""
    fn()
    runs = []
    for _ in range(5):
        t0 = time.process_time()
        for _ in range(repeats):
            fn()
        runs.append((time.process_time() - t0) / repeats * 1000)
    return min(runs)


def farm_feeds(repeats: int) -> None:
    """feedparse.parse on the poll benchmark's feeds: 20 items of 1.5 KB (~43 KB)."""
    feeds = Feeds(2, item_bytes=1500)
    print(f"\nfarm feeds (benchmarks/farm.py, 20 items x 1.5 KB), CPU ms/feed, best of 5 x {repeats}")
    print(f"{'feed':7} {'KB':>5} {'old path':>9} {'new path':>9} {'decode':>7} {'->now':>6} {'feedfast':>9} "
          f"{'feedparser':>11} {'fastfeed':>9}  same")
    for i in range(2):
        farm_row("rss20" if i % 2 == 0 else "atom10", feeds.render(i, 0), f"http://127.0.0.1:8000/feed/{i}.xml",
                 repeats)


def farm_row(kind: str, body: bytes, u: str, repeats: int) -> None:
    def new() -> Any:
        # every polled feed has new URLs: no help from the URL-join caches
        feedparse._join_http.cache_clear()
        feedfast._urljoin.cache_clear()
        return feedparse.parse(body, u, tz=TZ)

    data = feedparse._defuse(charset.decode(body)[0]).encode("utf-8")

    def quick() -> Any:
        feedfast._urljoin.cache_clear()
        return feedfast.parse(data, u)

    old = best_of(lambda: feedparse.parse(body, u, tz=TZ, fast=False), repeats)
    fast = best_of(new, repeats)
    dec = best_of(lambda: charset.decode(body), repeats)
    dec_now = best_of(lambda: feedparse._decode(body, None), repeats)
    ff = best_of(quick, repeats)
    fp = best_of(lambda: feedparser.parse(body, sanitize_html=False), repeats)
    ffp = best_of(lambda: fastfeedparser.parse(body), repeats)
    same = feedparse.parse(body, u, tz=TZ) == feedparse.parse(body, u, tz=TZ, fast=False)
    print(f"{kind:7} {len(body) / 1024:5.1f} {old:7.2f}ms {fast:7.2f}ms {dec:5.2f}ms {dec_now:4.2f}ms "
          f"{ff:7.2f}ms {fp:9.2f}ms {ffp:7.2f}ms  {same}")

if __name__ == "__main__":
    main()
