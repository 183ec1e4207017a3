"""The pipeline in-process against a real HTTP server on 127.0.0.1, with a controllable clock."""

from __future__ import annotations

import asyncio
import textwrap
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from httpfixture import FixtureServer, Response

from aggregator import config as config_mod
from aggregator.pipeline import Poller, next_poll_after_error
from aggregator.store import Store

ARTICLE = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>{title}_某某县人民政府</title>
<meta name="ArticleTitle" content="{title}"><meta name="PubDate" content="2021-03-16 09:00">
<meta name="ContentSource" content="县应急管理局"></head><body>
<div class="nav"><a href="/">首页</a><a href="/zwgk/">政务公开</a></div>
<div class="article"><h1>{title}</h1><div class="info">发布时间：2021-03-16 09:00 来源：县应急管理局</div>
<div id="zoom"><p>{body}</p><p>各乡镇要切实做好值班值守工作，确保信息畅通，发现问题及时处置并报告。</p></div></div>
<div class="footer">主办单位：某某县人民政府办公室 网站标识码：1234567890</div></body></html>"""

LIST = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>通知公告_某某县人民政府</title></head><body>
<div class="nav"><a href="/">首页</a><a href="/zwgk/">政务公开</a><a href="/hd/">互动</a></div>
<ul class="news-list">{rows}</ul>{pager}<div class="footer">版权所有 某某县人民政府</div></body></html>"""


def rows(ids: list[int]) -> str:
    return "".join(
        f'<li><a href="/art/{i}.html?utm_source=list">关于做好第{i}项安全生产工作的通知</a><span>2021-03-16</span></li>'
        for i in ids
    )


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 11, 1, 12, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now


def make_config(tmp: Path, srv: FixtureServer, extra: str = "") -> config_mod.Config:
    text = textwrap.dedent(f"""\
        [aggregator]
        data_dir = "{tmp / 'data'}"
        feeds_dir = "{tmp / 'feeds'}"
        timeout = 5

        [[sources]]
        id = "county"
        url = "{srv.url('/list/')}"
        kind = "html"
        recheck = "1d"
        interval = "30m"
        {extra}

        [[topics]]
        id = "all"
        """)
    return config_mod.parse(text, tmp / "a.toml")


@pytest.fixture
def county():
    with FixtureServer() as srv:
        for i in range(1, 9):
            srv.routes[f"/art/{i}.html"] = Response(
                ARTICLE.format(title=f"关于做好第{i}项安全生产工作的通知", body=f"第{i}项工作要求如下。").encode()
            )
        srv.routes["/list/"] = Response(LIST.format(rows=rows([1, 2, 3, 4]), pager='<a href="index_1.html">下一页</a>').encode())
        srv.routes["/list/index_1.html"] = Response(LIST.format(rows=rows([5, 6, 7, 8]), pager="").encode())
        yield srv


def poll(cfg: config_mod.Config, store: Store, clock: Clock):
    async def go():
        poller = Poller(cfg, store, clock=clock)
        try:
            r = await poller.poll(cfg.sources[0])
            poller.publish()
            return r
        finally:
            await poller.aclose()

    return asyncio.run(go())


def test_first_poll_reads_two_list_pages_then_stops_at_known_links(tmp_path: Path, county: FixtureServer) -> None:
    cfg = make_config(tmp_path, county)
    clock = Clock()
    with Store(cfg.data_dir) as store:
        r = poll(cfg, store, clock)
        assert (r.status, r.new) == ("ok", 8)
        assert len(county.hits("/list/index_1.html")) == 1
        # a new article on page 1: only page 1 and the new article are fetched
        county.routes[f"/art/{9}.html"] = Response(
            ARTICLE.format(title="关于做好第9项安全生产工作的通知", body="第9项工作要求如下。").encode())
        county.routes["/list/"] = Response(LIST.format(rows=rows([9, 1, 2, 3]), pager='<a href="index_1.html">下一页</a>').encode())
        before = len(county.requests)
        clock.now += timedelta(hours=1)
        r = poll(cfg, store, clock)
        assert (r.status, r.new) == ("ok", 1)
        assert sorted(q.path for q in county.requests[before:]) == ["/art/9.html?utm_source=list", "/list/"]
        state = store.get_state("county")
        assert state is not None and state.items == 9 and state.state == "ok"


def test_changed_article_keeps_its_id_and_gets_a_later_updated(tmp_path: Path, county: FixtureServer) -> None:
    cfg = make_config(tmp_path, county, extra="pages = 1")
    clock = Clock()
    with Store(cfg.data_dir) as store:
        assert poll(cfg, store, clock).new == 4
        [first] = [i for i in store.topic_items("all", 100) if i.title.startswith("关于做好第1项")]
        county.routes["/art/1.html"] = Response(
            ARTICLE.format(title="关于做好第1项安全生产工作的通知", body="第1项工作要求如下（已更正）。").encode())
        clock.now += timedelta(hours=2)  # before the recheck is due: nothing is re-fetched
        before = len(county.requests)
        assert poll(cfg, store, clock).updated == 0
        assert [q.path for q in county.requests[before:]] == ["/list/"]
        clock.now += timedelta(days=1)  # recheck due
        r = poll(cfg, store, clock)
        assert r.updated == 1, r
        [again] = [i for i in store.topic_items("all", 100) if i.title.startswith("关于做好第1项")]
        assert again.id == first.id
        assert again.updated > first.updated
        assert "已更正" in again.text
        assert again.published == first.published


def test_failing_source_backs_off_and_success_resets(tmp_path: Path) -> None:
    with FixtureServer() as srv:
        srv.routes["/list/"] = Response(b"down", status=503, headers={"Retry-After": "7200"})
        cfg = make_config(tmp_path, srv)
        clock = Clock()
        with Store(cfg.data_dir) as store:
            r = poll(cfg, store, clock)
            assert r.status == "error" and "503" in (r.error or "")
            st = store.get_state("county")
            assert st is not None and st.error_count == 1
            assert st.next_poll is not None and st.next_poll - clock.now >= timedelta(seconds=7200)
            srv.routes["/list/"] = Response(b"still down", status=500)
            gaps = []
            for _ in range(4):
                clock.now += timedelta(hours=1)
                poll(cfg, store, clock)
                st = store.get_state("county")
                gaps.append((st.next_poll - clock.now).total_seconds())
            assert gaps == sorted(gaps) and gaps[-1] > gaps[0] * 4
            assert st.error_count == 5 and st.state == "error"
            srv.routes["/list/"] = Response(LIST.format(rows=rows([1, 2, 3, 4]), pager="").encode())
            for i in range(1, 5):
                srv.routes[f"/art/{i}.html"] = Response(
                    ARTICLE.format(title=f"关于做好第{i}项安全生产工作的通知", body="正文。").encode())
            clock.now += timedelta(hours=1)
            assert poll(cfg, store, clock).status == "ok"
            st = store.get_state("county")
            assert st.error_count == 0 and st.last_error is None and st.state == "ok"
            assert timedelta(minutes=30) <= st.next_poll - clock.now <= timedelta(minutes=34)


def test_backoff_is_capped() -> None:
    src = config_mod.SourceConfig(id="x", url="http://x/", interval=600)
    now = datetime(2026, 1, 1, tzinfo=UTC)
    delays = [(next_poll_after_error(src, now, n, 3600 * 12, None) - now).total_seconds() for n in range(1, 20)]
    assert delays[0] < 700 and max(delays) <= 12 * 3600 + 60
    assert next_poll_after_error(src, now, 1, 3600, 86400) - now >= timedelta(days=1)


def test_many_feed_sources_are_parsed_in_worker_processes(tmp_path: Path) -> None:
    from aggregator import pipeline

    rss = ('<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>源{n}</title>'
           '<link>http://s{n}.example.gov.cn/</link>{items}</channel></rss>')
    item = ('<item><title>第{n}号源第{k}条通知</title><link>http://s{n}.example.gov.cn/{k}.html</link>'
            '<pubDate>2021-03-16 09:00:00</pubDate><description>&lt;p&gt;正文{k}&lt;/p&gt;</description></item>')
    n_sources = pipeline.POOL_MIN_SOURCES + 5
    with FixtureServer() as srv:
        for n in range(n_sources):
            body = rss.format(n=n, items="".join(item.format(n=n, k=k) for k in range(3)))
            srv.routes[f"/{n}.xml"] = Response(body.encode(), content_type="application/rss+xml")
        text = f'[aggregator]\ndata_dir = "{tmp_path / "data"}"\nfeeds_dir = "{tmp_path / "feeds"}"\nper_host = 8\n'
        text += '[[topics]]\nid = "all"\nmax_entries = 500\n'
        text += "".join(f'[[sources]]\nid = "s{n}"\nurl = "{srv.url(f"/{n}.xml")}"\n' for n in range(n_sources))
        cfg = config_mod.parse(text, tmp_path / "a.toml")

        async def go():
            with Store(cfg.data_dir) as store:
                poller = Poller(cfg, store)
                try:
                    results = await poller.poll_many(cfg.sources)
                    used_pool = poller._pool is not None
                    poller.publish()
                    return results, used_pool, store.topic_items("all", 500)
                finally:
                    await poller.aclose()

        results, used_pool, items = asyncio.run(go())
    assert used_pool
    assert all(r.status == "ok" and r.new == 3 for r in results), [r for r in results if r.status != "ok"]
    assert len(items) == 3 * n_sources
    one = next(i for i in items if i.title == "第7号源第2条通知")
    assert one.published == datetime(2021, 3, 16, 1, 0, tzinfo=UTC)
    assert one.text == "正文2" and one.sightings[0].source_id == "s7"
