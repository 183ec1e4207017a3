"""End to end: a real HTTP server on 127.0.0.1 with good and hostile feeds, the real CLI.

`poll` exits 0; each hostile source is `error` with its reason in `status --json`;
good sources are published correctly; a second `poll` sends conditional requests,
gets 304s and changes no entry id.
"""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest
from httpfixture import FixtureServer, Response, endless, redirect_loop, run_cli, stall
from lxml import etree

pytestmark = pytest.mark.slow

ATOM = "{http://www.w3.org/2005/Atom}"

RSS_CN = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel>
<title>某省人民政府 · 要闻</title><link>http://www.example.gov.cn/</link><description>要闻</description>
<item><title>省政府召开常务会议 研究疫情防控工作</title>
 <link>http://www.example.gov.cn/art/2021/3/16/art_1_101.html?utm_source=rss</link>
 <guid isPermaLink="false">art-101</guid>
 <pubDate>2021-03-16 09:30:00</pubDate><author>佚名</author>
 <description><![CDATA[<p>会议研究部署<b>疫情防控</b>工作。</p><script>alert(1)</script><img src="/img/a.jpg" onerror="alert(2)">]]></description>
</item>
<item><title>关于印发《政务公开工作要点》的通知</title>
 <link>http://www.example.gov.cn/art/2021/3/15/art_1_100.html</link>
 <pubDate>Mon, 15 Mar 2021 10:00:00 +0800</pubDate>
 <description>各市人民政府：现将工作要点印发给你们。</description>
</item>
</channel></rss>
"""

ATOM_EN = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:base="http://news.example.org/">
<title>Example News</title><id>urn:example:news</id><updated>2021-03-16T10:00:00Z</updated>
<link href="/"/>
<entry><title>Council adopts &lt;b&gt;new&lt;/b&gt; rules</title><id>urn:example:news:1</id>
 <link href="world/rules.html"/><updated>2021-03-16T10:00:00Z</updated>
 <author><name>Jane Roe</name></author>
 <content type="html">&lt;p&gt;Text &lt;a href="javascript:alert(1)"&gt;x&lt;/a&gt; and &lt;a href="more.html"&gt;more&lt;/a&gt;&lt;/p&gt;</content>
</entry>
</feed>
"""

BOMB = """<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
<!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
<!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
<!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
<!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
<!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
<!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">]>
<rss version="2.0"><channel><title>&lol9;</title><item><title>&lol9;</title><link>http://x/</link></item></channel></rss>
"""

GBK_RSS = """<?xml version="1.0" encoding="gb2312"?>
<rss version="2.0"><channel><title>某市司法局</title><link>http://sfj.example.gov.cn/</link>
<item><title>市司法局开展法治宣传进社区活动</title><link>http://sfj.example.gov.cn/a/1.html</link>
<pubDate>2021-03-10</pubDate><description>为深入推进法治建设，市司法局组织开展宣传活动。</description></item>
</channel></rss>
""".encode("gb18030")

# The same article as RSS_CN's first item, seen again by another source (same link).
RSS_REPOST = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>转载站</title><link>http://repost.example.com/</link>
<item><title>省政府召开常务会议 研究疫情防控工作</title>
 <link>http://www.example.gov.cn/art/2021/3/16/art_1_101.html</link>
 <pubDate>2021-03-16 09:30:00</pubDate>
 <description><![CDATA[<p>会议研究部署<b>疫情防控</b>工作。</p>]]></description>
</item></channel></rss>
"""

PAGE_LINKING_FEED = """<!doctype html><html><head><title>News</title>
<link rel="alternate" type="application/atom+xml" href="/atom.xml" title="Atom"></head>
<body><h1>News</h1></body></html>"""




@pytest.fixture
def farm():
    with FixtureServer() as srv:
        srv.routes.update({
            "/cn.xml": Response(RSS_CN.encode(), content_type="application/rss+xml"),
            "/atom.xml": Response(ATOM_EN.encode(), content_type="application/atom+xml"),
            "/gbk.xml": Response(GBK_RSS, content_type="application/rss+xml"),
            "/repost.xml": Response(RSS_REPOST.encode(), content_type="application/rss+xml"),
            "/page.html": Response(PAGE_LINKING_FEED.encode()),
            "/500": Response(b"oops", status=500),
            "/malformed": Response(b"<rss><channel><title>x</title><item><title>unclosed",
                                   content_type="application/rss+xml"),
            "/notafeed": Response(b"<html><body>hello</body></html>"),
            "/bomb": Response(BOMB.encode(), content_type="application/rss+xml"),
            "/stall": stall(30),
            "/endless": endless(),
            "/404": Response(b"gone", status=404),
        })
        srv.routes["/loop"] = redirect_loop(srv.url("/loop2"))
        srv.routes["/loop2"] = redirect_loop(srv.url("/loop"))
        yield srv


def write_config(tmp: Path, srv: FixtureServer) -> Path:
    good = {"cn": "/cn.xml", "en": "/page.html", "gbk": "/gbk.xml", "repost": "/repost.xml"}
    bad = {"e500": "/500", "malformed": "/malformed", "bomb": "/bomb", "stall": "/stall",
           "loop": "/loop", "endless": "/endless", "gone": "/404", "notafeed": "/notafeed"}
    parts = [textwrap.dedent("""\
        [aggregator]
        data_dir = "data"
        feeds_dir = "feeds"
        base_url = "http://127.0.0.1:8080/"
        timeout = 3
        max_body = "1MB"

        [[topics]]
        id = "all"
        title = "Everything"

        [[topics]]
        id = "epidemic"
        title = "疫情防控"
        keywords = ["疫情"]

        [[topics]]
        id = "law"
        title = "法治"
        sources = ["gbk"]
        """)]
    for sid, path in {**good, **bad}.items():
        parts.append(f'[[sources]]\nid = "{sid}"\nurl = "{srv.url(path)}"\nkind = "feed"\n')
    cfg = tmp / "aggregator.toml"
    cfg.write_text("\n".join(parts), encoding="utf-8")
    return cfg


def entries(feed: Path) -> list[etree._Element]:
    root = etree.fromstring(feed.read_bytes())
    return root.findall(f"{ATOM}entry")


def test_poll_publish_status_and_conditional_repoll(tmp_path: Path, farm: FixtureServer) -> None:
    cfg = write_config(tmp_path, farm)
    r = run_cli("poll", "--config", str(cfg), cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert "polled source=cn status=ok" in r.stderr

    st = run_cli("status", "--json", "--config", str(cfg), cwd=tmp_path)
    assert st.returncode == 0, st.stderr
    states = {s["id"]: s for s in json.loads(st.stdout)}
    for sid in ("cn", "en", "gbk", "repost"):
        assert states[sid]["state"] == "ok", states[sid]
        assert states[sid]["items"] >= 1
    reasons = {
        "e500": "500", "gone": "404", "stall": "timed out", "loop": "edirect",
        "endless": "exceeds", "bomb": "", "malformed": "", "notafeed": "",
    }
    for sid, needle in reasons.items():
        assert states[sid]["state"] == "error", (sid, states[sid])
        assert states[sid]["last_error"], sid
        assert needle in states[sid]["last_error"], (sid, states[sid]["last_error"])

    feeds = tmp_path / "feeds"
    all_entries = entries(feeds / "all.atom")
    titles = [e.findtext(f"{ATOM}title") for e in all_entries]
    # cn (2) + en (1) + gbk (1); the repost is merged with cn's first item.
    assert len(all_entries) == 4, titles
    assert "市司法局开展法治宣传进社区活动" in titles  # GBK decoded
    assert "Council adopts new rules" in titles  # HTML stripped from the title
    raw = (feeds / "all.atom").read_text(encoding="utf-8")
    assert "<script" not in raw and "javascript:" not in raw and "onerror" not in raw

    by_title = {e.findtext(f"{ATOM}title"): e for e in all_entries}
    meeting = by_title["省政府召开常务会议 研究疫情防控工作"]
    assert meeting.findtext(f"{ATOM}published") == "2021-03-16T09:30:00+08:00"
    assert meeting.find(f"{ATOM}author") is None  # 佚名 dropped
    alt = [link.get("href") for link in meeting.findall(f"{ATOM}link") if link.get("rel") in (None, "alternate")]
    assert alt == ["http://www.example.gov.cn/art/2021/3/16/art_1_101.html"]  # utm_source stripped
    assert meeting.find(f"{ATOM}source") is not None
    en = by_title["Council adopts new rules"]
    assert [link.get("href") for link in en.findall(f"{ATOM}link")][0] == "http://news.example.org/world/rules.html"
    assert en.findtext(f"{ATOM}author/{ATOM}name") == "Jane Roe"
    assert entries(feeds / "epidemic.atom")[0].findtext(f"{ATOM}title") == "省政府召开常务会议 研究疫情防控工作"
    assert [e.findtext(f"{ATOM}title") for e in entries(feeds / "law.atom")] == ["市司法局开展法治宣传进社区活动"]
    cats = {c.get("term") for c in meeting.findall(f"{ATOM}category")}
    assert cats == {"all", "epidemic"}
    ids_before = sorted(e.findtext(f"{ATOM}id") for e in all_entries)

    n_before = len(farm.hits("/cn.xml"))
    r2 = run_cli("poll", "--config", str(cfg), cwd=tmp_path)
    assert r2.returncode == 0, r2.stderr
    second = farm.hits("/cn.xml")[n_before:]
    assert second and second[0].headers.get("if-none-match"), "no conditional request sent"
    assert "polled source=cn status=not_modified" in r2.stderr
    assert sorted(e.findtext(f"{ATOM}id") for e in entries(feeds / "all.atom")) == ids_before


def test_poll_named_source_and_bad_config(tmp_path: Path, farm: FixtureServer) -> None:
    cfg = write_config(tmp_path, farm)
    r = run_cli("poll", "cn", "--config", str(cfg), cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert "source=cn" in r.stderr and "source=gbk" not in r.stderr
    r = run_cli("poll", "nosuch", "--config", str(cfg), cwd=tmp_path)
    assert r.returncode == 2 and "nosuch" in r.stderr
    broken = tmp_path / "broken.toml"
    broken.write_text('[aggregator]\ninterval = "often"\n', encoding="utf-8")
    r = run_cli("poll", "--config", str(broken), cwd=tmp_path)
    assert r.returncode == 2
    assert "broken.toml" in r.stderr and "aggregator.interval" in r.stderr
    assert "Traceback" not in r.stderr


def test_unusable_data_or_feeds_dir_is_a_clear_error(tmp_path: Path) -> None:
    cfg = tmp_path / "c.toml"
    cfg.write_text('[aggregator]\ndata_dir = "data"\nfeeds_dir = "feeds"\n[[topics]]\nid = "all"\n', encoding="utf-8")
    (tmp_path / "data").write_text("not a directory")
    for cmd in ("status", "poll", "publish"):
        r = run_cli(cmd, "--config", str(cfg), cwd=tmp_path)
        assert r.returncode == 1, (cmd, r.stderr)
        assert "cannot open the store in" in r.stderr and "Traceback" not in r.stderr, (cmd, r.stderr)
    (tmp_path / "data").unlink()
    (tmp_path / "feeds").write_text("not a directory")
    r = run_cli("publish", "--config", str(cfg), cwd=tmp_path)
    assert r.returncode == 1 and "cannot write feeds to" in r.stderr and "Traceback" not in r.stderr, r.stderr
