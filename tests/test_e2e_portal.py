"""End to end for portal (html) sources: list page → article pages → topic feed, served on 127.0.0.1.

The seed article (tests/data/sites/fzzx/article-seed.html, built from
shared/seeds/portal-article-page.txt) must become one entry with the exact
title, published 2021-03-16 in Asia/Shanghai, no author, publisher 山东省司法厅,
a via link to its 原文链接 and no navigation or footer text. Its original, also
polled, merges with it into one entry.
"""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest
from httpfixture import FixtureServer, Response, run_cli
from lxml import etree

pytestmark = pytest.mark.slow

ATOM = "{http://www.w3.org/2005/Atom}"
SITES = Path(__file__).parent / "data" / "sites"
ORIGIN_PATH = "/articles/ch04359/202001/60ce585e-d997-4c31-bc49-1487a46cb942.shtml"
REAL_ORIGIN = "http://sft.shandong.gov.cn" + ORIGIN_PATH
SEED_PATH = "/html/rdjj/2021/0316/184563.html"
SEED_TITLE = "省委常委会召开扩大会议,研究部署疫情防控工作"
BOILERPLATE = ["网站首页", "当前所在", "发布时间", "作者:佚名", "原文链接", "免责声明", "联系电话", "版权所有",
               "政讯通中心", "欢迎加入法治资讯网", "客服QQ", "第一办公区"]

SD_LIST = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>工作动态_山东省司法厅</title></head>
<body><div class="nav"><a href="/">首页</a><a href="/col/jgsz/">机构设置</a><a href="/col/zwgk/">政务公开</a></div>
<div class="list"><ul>
<li><a href="{origin}" title="省委常委会召开扩大会议,研究部署疫情防控工作">省委常委会召开扩大会议,研究部署疫情防控工作</a><span>2020-01-27</span></li>
<li><a href="/articles/ch04359/202001/a2.shtml">全省司法行政系统召开视频会议部署疫情防控工作</a><span>2020-01-26</span></li>
<li><a href="/articles/ch04359/202001/a3.shtml">省司法厅党组召开专题会议研究律师行业发展工作</a><span>2020-01-25</span></li>
<li><a href="/articles/ch04359/202001/a4.shtml">省司法厅印发关于做好春节期间公共法律服务工作的通知</a><span>2020-01-24</span></li>
</ul></div><div class="footer">主办：山东省司法厅 鲁ICP备05045496号</div></body></html>
"""




@pytest.fixture
def portal():
    with FixtureServer() as srv:
        origin = srv.url(ORIGIN_PATH)
        seed = (SITES / "fzzx" / "article-seed.html").read_bytes().replace(REAL_ORIGIN.encode(), origin.encode())
        srv.routes.update({
            "/html/rdjj/": Response((SITES / "fzzx" / "list-rdjj.html").read_bytes()),
            SEED_PATH: Response(seed),
            "/html/rdjj/2021/0316/184564.html": Response((SITES / "fzzx" / "article-2.html").read_bytes()),
            "/sd/list.html": Response(SD_LIST.format(origin=origin).encode()),
            ORIGIN_PATH: Response((SITES / "sd-sft" / "article-origin.html").read_bytes()),
        })
        yield srv


def write_config(tmp: Path, srv: FixtureServer) -> Path:
    cfg = tmp / "aggregator.toml"
    cfg.write_text(textwrap.dedent(f"""\
        [aggregator]
        data_dir = "data"
        feeds_dir = "feeds"
        timeout = 5

        [[sources]]
        id = "fzzx"
        name = "法治资讯网"
        url = "{srv.url('/html/rdjj/')}"
        kind = "html"
        topics = ["law"]

        [[sources]]
        id = "sd-sft"
        name = "山东省司法厅"
        url = "{srv.url('/sd/list.html')}"
        kind = "html"

        [[topics]]
        id = "law"
        title = "法治资讯"

        [[topics]]
        id = "epidemic"
        title = "疫情防控"
        keywords = ["疫情"]
        """), encoding="utf-8")
    return cfg


def entries(feed: Path) -> list[etree._Element]:
    return etree.fromstring(feed.read_bytes()).findall(f"{ATOM}entry")


def test_seed_article_becomes_one_clean_entry_and_merges_with_its_original(tmp_path: Path, portal) -> None:
    cfg = write_config(tmp_path, portal)
    r = run_cli("poll", "fzzx", "--config", str(cfg), cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert "polled source=fzzx status=ok" in r.stderr, r.stderr

    law = entries(tmp_path / "feeds" / "law.atom")
    seed = [e for e in law if e.findtext(f"{ATOM}title") == SEED_TITLE]
    assert len(seed) == 1, [e.findtext(f"{ATOM}title") for e in law]
    e = seed[0]
    assert e.findtext(f"{ATOM}published") == "2021-03-16T00:00:00+08:00"
    assert e.find(f"{ATOM}author") is None
    links = {link.get("rel", "alternate"): link.get("href") for link in e.findall(f"{ATOM}link")}
    assert links["alternate"] == portal.url(SEED_PATH)
    assert links["via"] == portal.url(ORIGIN_PATH)
    content = e.findtext(f"{ATOM}content")
    body = etree.HTML(content)
    paragraphs = [p for p in body.iter("p") if p.get("class") != "provenance"]
    text = "".join("".join(p.itertext()).strip() for p in paragraphs)
    assert text.startswith("1月26日上午,省委常委会召开扩大会议")
    assert text.rstrip().endswith("确保社会大局稳定。")
    for junk in BOILERPLATE:
        assert junk not in text, junk
    provenance = "".join(body.xpath('string(//p[@class="provenance"])'))
    assert "山东省司法厅" in provenance and "法治资讯网" in provenance
    assert e.find(f"{ATOM}source/{ATOM}title") is not None
    assert SEED_TITLE in [x.findtext(f"{ATOM}title") for x in entries(tmp_path / "feeds" / "epidemic.atom")]

    # An unchanged list page costs one request.
    before = len(portal.requests)
    r = run_cli("poll", "fzzx", "--config", str(cfg), cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert [q.path for q in portal.requests[before:]] == ["/html/rdjj/"]

    # The original is polled too: the repost and the original are one entry with both sightings.
    r = run_cli("poll", "--config", str(cfg), cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    epidemic = entries(tmp_path / "feeds" / "epidemic.atom")
    same = [x for x in epidemic if x.findtext(f"{ATOM}title") == SEED_TITLE]
    assert len(same) == 1, [x.findtext(f"{ATOM}title") for x in epidemic]
    provenance = etree.HTML(same[0].findtext(f"{ATOM}content")).xpath('string(//p[@class="provenance"])')
    assert "法治资讯网" in provenance and "山东省司法厅" in provenance
    st = {s["id"]: s for s in json.loads(run_cli("status", "--json", "--config", str(cfg), cwd=tmp_path).stdout)}
    assert st["fzzx"]["state"] == "ok" and st["sd-sft"]["state"] == "ok"
    assert st["fzzx"]["items"] >= 1 and st["sd-sft"]["items"] >= 1


def test_check_article_prints_every_field_with_its_origin(tmp_path: Path, portal) -> None:
    r = run_cli("check", portal.url(SEED_PATH), "--kind", "article", "--json", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    [item] = json.loads(r.stdout)
    assert item["title"] == SEED_TITLE
    assert item["published"] == "2021-03-16T00:00:00+08:00"
    assert item["author"] is None
    assert item["publisher"] == "山东省司法厅"
    assert item["origin_url"] == portal.url(ORIGIN_PATH)
    assert item["text"].startswith("1月26日上午")
    for junk in BOILERPLATE:
        assert junk not in item["text"], junk
    assert {"title", "published", "publisher"} <= set(item["provenance"])
    assert not (tmp_path / "data").exists()  # a dry run stores nothing

    r = run_cli("check", portal.url("/html/rdjj/"), cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert SEED_TITLE in r.stdout and "publisher:" in r.stdout
