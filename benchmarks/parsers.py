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
from aggregator import charset, feedfast, feedparse  # noqa: E402
from aggregator.dates import parse_date  # noqa: E402
from farm import Feeds  # noqa: E402

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


def farm_feeds(repeats: int) -> None:
    """feedparse.parse on the poll benchmark's feeds: 20 items of 1.5 KB (~43 KB)."""
    feeds = Feeds(2, item_bytes=1500)
    url = "http://127.0.0.1:8000/feed/{}.xml"
    print(f"\nfarm feeds, ms/feed ({repeats} repeats)")
    print(f"{'feed':10} {'KB':>5} {'old path':>9} {'new path':>9} {'decode':>7} {'feedfast':>9} "
          f"{'feedparser':>11} {'fastfeed':>9}  same")
    for i in range(2):
        body = feeds.render(i, 0)
        u = url.format(i)
        old = timed(lambda b: feedparse.parse(b, u, tz=TZ, fast=False), body, repeats)
        new = timed(lambda b: feedparse.parse(b, u, tz=TZ), body, repeats)
        dec = timed(lambda b: charset.decode(b), body, repeats)
        data = feedparse._defuse(charset.decode(body)[0]).encode("utf-8")
        ff = timed(lambda b: feedfast.parse(b, u), data, repeats)
        fp = timed(lambda b: feedparser.parse(b, sanitize_html=False), body, repeats)
        ffp = timed(lambda b: fastfeedparser.parse(b), body, repeats)
        same = feedparse.parse(body, u, tz=TZ) == feedparse.parse(body, u, tz=TZ, fast=False)
        kind = "rss20" if i % 2 == 0 else "atom10"
        print(f"{kind:10} {len(body) / 1024:5.1f} {old:7.2f}ms {new:7.2f}ms {dec:5.2f}ms {ff:7.2f}ms "
              f"{fp:9.2f}ms {ffp:7.2f}ms  {same}")


if __name__ == "__main__":
    main()
