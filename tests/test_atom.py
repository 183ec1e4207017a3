"""atom: topic feeds that are valid Atom 1.0 with provenance; atomic writes; OPML."""

from __future__ import annotations

import os
import re
from dataclasses import replace
from datetime import datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import feedparser
import pytest
from lxml import etree

from aggregator import atom, normalize
from aggregator.config import SourceConfig, TopicConfig
from aggregator.errors import PublishError
from aggregator.model import Enclosure, Item, RawItem

A = "{http://www.w3.org/2005/Atom}"
TZ = ZoneInfo("Asia/Shanghai")
NOW = datetime(2026, 3, 1, 12, 0, tzinfo=TZ)
BASE = "http://127.0.0.1:8080/"
GOLDEN = Path(__file__).parent / "data" / "atom" / "law.atom"
LAW = TopicConfig(id="law", title="法治")
TITLES = {"law": "法治", "epidemic": "疫情防控"}
RFC3339 = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:\d\d)$")

FZZX = SourceConfig(id="fzzx-hot", url="http://www.fzzx.org.cn/hot/", name="法治资讯网", kind="html")
GOV = SourceConfig(id="gov-feed", url="http://www.gov.cn/rss.xml", name="中国政府网")


def _items() -> list[Item]:
    repost = normalize.item(
        RawItem(link="http://www.fzzx.org.cn/hot/202603/t1.html", title="山东：推进 <b>法治</b> 建设 & 更多",
                via="http://sft.shandong.gov.cn/art/2026/3/1/art_1.html", author="佚名",
                publisher="来源：山东省司法厅", published=datetime(2026, 3, 1, 9, 0, tzinfo=TZ),
                html='<p>\u3000\u3000正文<script>alert("x")</script><a href="./att/a.pdf" oldsrc="W1.pdf">附件</a></p>',
                enclosures=(Enclosure(url="http://www.fzzx.org.cn/hot/202603/att/a.pdf", type="application/pdf",
                                      length=2048),),
                found_on="http://www.fzzx.org.cn/hot/", extractor="html:selector"),
        FZZX, now=NOW, tz=TZ, feed_title="法治资讯网", feed_link="http://www.fzzx.org.cn/", feed_id=None)
    feed_item = normalize.item(
        RawItem(link="http://www.gov.cn/xinwen/2026-02/27/content_1.htm", guid="http://www.gov.cn/c/1",
                title="国务院常务会议", author="作者：新华社记者 张三", published=datetime(2026, 2, 27, 18, 0, tzinfo=TZ),
                html="<p>会议指出……</p>", summary="会议<b>摘要</b>", found_on="http://www.gov.cn/rss.xml"),
        GOV, now=NOW, tz=TZ, feed_title="中国政府网 要闻", feed_link="http://www.gov.cn/",
        feed_id="http://www.gov.cn/rss.xml")
    undated = normalize.item(
        RawItem(link="http://www.fzzx.org.cn/hot/202602/t0.html", title="无日期的旧文\x0b\x08",
                author="admin", html="<p>内容\x0c</p>"),
        FZZX, now=NOW - timedelta(days=3), tz=TZ, feed_title="法治资讯网", feed_link=None, feed_id=None)
    return [feed_item, undated, repost]


def _render(items: list[Item] | None = None) -> bytes:
    items = _items() if items is None else items
    return atom.render(LAW, items, base_url=BASE, topic_titles=TITLES,
                       item_topics={i.id: ("epidemic", "law") for i in items if i.title == "国务院常务会议"})


def _entries(data: bytes) -> list[etree._Element]:
    root = etree.fromstring(data)
    assert root.tag == f"{A}feed"
    return root.findall(f"{A}entry")


def test_golden_file() -> None:
    data = _render()
    if os.environ.get("UPDATE_GOLDEN"):
        GOLDEN.write_bytes(data)
    assert data == GOLDEN.read_bytes()


def test_deterministic_and_order_independent() -> None:
    items = _items()
    assert _render(items) == _render(items)
    assert _render(list(reversed(items))) == _render(items)


def test_feed_head() -> None:
    root = etree.fromstring(_render())
    assert root.findtext(f"{A}id") == "http://127.0.0.1:8080/feeds/law.atom"
    assert root.findtext(f"{A}title") == "法治"
    links = {(lk.get("rel"), lk.get("href")) for lk in root.findall(f"{A}link")}
    assert links == {("self", "http://127.0.0.1:8080/feeds/law.atom"), ("alternate", BASE)}
    assert root.findtext(f"{A}author/{A}name") == "aggregator"
    assert root.findtext(f"{A}generator") == "aggregator"
    # feed updated = newest entry updated, not the clock
    newest = max(datetime.fromisoformat(e.findtext(f"{A}updated")) for e in root.findall(f"{A}entry"))
    assert datetime.fromisoformat(root.findtext(f"{A}updated")) == newest


def test_empty_feed_is_valid_and_stable() -> None:
    data = atom.render(LAW, [], base_url=BASE, topic_titles=TITLES, item_topics={})
    root = etree.fromstring(data)
    assert root.findtext(f"{A}updated") == "2000-01-01T00:00:00+00:00"
    assert root.findall(f"{A}entry") == []
    assert data == atom.render(LAW, [], base_url=BASE, topic_titles=TITLES, item_topics={})


def test_entries_newest_first_by_published_then_first_seen() -> None:
    titles = [e.findtext(f"{A}title") for e in _entries(_render())]
    assert titles == ["山东：推进 法治 建设 & 更多", "国务院常务会议", "无日期的旧文"]


def test_required_elements_and_valid_values() -> None:
    ids = []
    for e in _entries(_render()):
        for name in ("id", "title", "updated", "content"):
            assert len(e.findall(f"{A}{name}")) == 1, name
        assert len(e.findall(f"{A}source")) == 1
        ids.append(e.findtext(f"{A}id"))
        assert re.match(r"^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$", ids[-1])
        for d in e.iter(f"{A}updated", f"{A}published"):
            assert RFC3339.match(d.text), d.text
        alternates = [lk for lk in e.findall(f"{A}link") if lk.get("rel") == "alternate"]
        assert len(alternates) == 1
        assert all(lk.get("rel") for lk in e.findall(f"{A}link"))  # no bare link read as alternate
    assert len(set(ids)) == len(ids)


def test_links_via_enclosure_and_source() -> None:
    repost, feed_item, undated = _entries(_render())
    links = [(lk.get("rel"), lk.get("href"), lk.get("type"), lk.get("length")) for lk in repost.findall(f"{A}link")]
    assert links == [
        ("alternate", "http://www.fzzx.org.cn/hot/202603/t1.html", None, None),
        ("via", "http://sft.shandong.gov.cn/art/2026/3/1/art_1.html", None, None),
        ("enclosure", "http://www.fzzx.org.cn/hot/202603/att/a.pdf", "application/pdf", "2048"),
    ]
    assert [lk.get("rel") for lk in feed_item.findall(f"{A}link")] == ["alternate"]
    src = feed_item.find(f"{A}source")
    assert src.findtext(f"{A}id") == "http://www.gov.cn/rss.xml"
    assert src.findtext(f"{A}title") == "中国政府网 要闻"
    assert [(lk.get("rel"), lk.get("href")) for lk in src.findall(f"{A}link")] == [("alternate", "http://www.gov.cn/")]
    assert RFC3339.match(src.findtext(f"{A}updated"))
    # no feed id and no feed link: the list page, then the page itself, identify the source
    assert repost.find(f"{A}source").findtext(f"{A}id") == "http://www.fzzx.org.cn/"
    assert undated.find(f"{A}source").findtext(f"{A}id") == "http://www.fzzx.org.cn/hot/202602/t0.html"


def test_authors_only_when_real() -> None:
    repost, feed_item, undated = _entries(_render())
    assert repost.find(f"{A}author") is None  # 佚名
    assert undated.find(f"{A}author") is None  # admin
    assert feed_item.findtext(f"{A}author/{A}name") == "新华社记者 张三"


def test_categories() -> None:
    repost, feed_item, _ = _entries(_render())
    cats = [(c.get("term"), c.get("label")) for c in feed_item.findall(f"{A}category")]
    assert cats == [("epidemic", "疫情防控"), ("law", "法治")]
    # an item missing from item_topics still carries the topic it is published in
    assert [(c.get("term"), c.get("label")) for c in repost.findall(f"{A}category")] == [("law", "法治")]


def test_content_is_escaped_html_with_provenance_and_no_script() -> None:
    data = _render()
    assert b"<script" not in data and b"&lt;script" not in data
    repost = _entries(data)[0]
    content = repost.find(f"{A}content")
    assert content.get("type") == "html"
    assert len(content) == 0  # escaped text, not child elements
    html = content.text
    assert html.startswith("<p>\u3000\u3000正文<a href=\"http://www.fzzx.org.cn/hot/202603/att/a.pdf\"")
    assert "oldsrc" not in html
    assert html.endswith(
        '<p class="provenance">来源：山东省司法厅 · 发布于 法治资讯网 · 原文：'
        '<a href="http://sft.shandong.gov.cn/art/2026/3/1/art_1.html">'
        "http://sft.shandong.gov.cn/art/2026/3/1/art_1.html</a></p>")
    feed_item = _entries(data)[1]
    assert feed_item.findtext(f"{A}summary") == "会议摘要"
    assert '链接：<a href="http://www.gov.cn/xinwen/2026-02/27/content_1.htm">' in feed_item.findtext(f"{A}content")


def test_provenance_escapes_what_it_interpolates() -> None:
    item = _items()[0]
    s = replace(item.sightings[0], source_name='<img src=x onerror="a()">网', publisher="A&B")
    hostile = replace(item, sightings=(s,), publisher="<b>司法厅</b>",
                      url='http://a.cn/"><script>x</script>')
    html = atom.provenance_html(hostile)
    assert "<img" not in html and "<b>" not in html and "<script" not in html
    assert "&lt;b&gt;司法厅&lt;/b&gt;" in html and "A&amp;B" in html
    assert 'href="http://a.cn/&quot;&gt;&lt;script&gt;x&lt;/script&gt;"' in html


def test_xml_illegal_characters_are_stripped_everywhere() -> None:
    item = _items()[0]
    s = replace(item.sightings[0], feed_title="站\x0b点", source_name="门\x08户")
    dirty = replace(item, title="标\x01题\x0b", content="<p>正\x0c文</p>", author="张\x0b三", publisher="司\x1f法厅",
                    summary="摘\x00要", sightings=(s,))
    data = atom.render(LAW, [dirty], base_url=BASE, topic_titles={"law": "法\x0b治"}, item_topics={})
    assert not re.search(rb"[\x00-\x08\x0b\x0c\x0e-\x1f]", data)
    (e,) = _entries(data)
    assert e.findtext(f"{A}title") == "标题" and e.findtext(f"{A}author/{A}name") == "张三"
    assert "司法厅" in e.findtext(f"{A}content") and e.findtext(f"{A}source/{A}title") == "站点"


def test_feedparser_reads_it_back() -> None:
    parsed = feedparser.parse(_render())
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    assert parsed.feed.title == "法治"
    first = parsed.entries[0]
    assert first.link == "http://www.fzzx.org.cn/hot/202603/t1.html"
    rels = {lk["rel"]: lk["href"] for lk in first.links}
    assert rels["via"] == "http://sft.shandong.gov.cn/art/2026/3/1/art_1.html"
    assert rels["enclosure"] == "http://www.fzzx.org.cn/hot/202603/att/a.pdf"
    assert first.source.title == "法治资讯网" and first.source.id == "http://www.fzzx.org.cn/"
    assert "provenance" in first.content[0].value and "<script" not in first.content[0].value
    assert "author" not in first or first.author == "aggregator"  # feed author inherited, never 佚名
    second = parsed.entries[1]
    assert second.author == "新华社记者 张三"
    assert [t.term for t in second.tags] == ["epidemic", "law"]


def test_write_is_atomic_and_only_when_changed(tmp_path: Path) -> None:
    target = tmp_path / "feeds" / "law.atom"
    data = _render()
    assert atom.write(target, data) is True
    assert target.read_bytes() == data
    mtime = target.stat().st_mtime_ns
    assert atom.write(target, data) is False
    assert target.stat().st_mtime_ns == mtime
    assert atom.write(target, data + b"\n") is True
    assert target.read_bytes() == data + b"\n"
    assert sorted(p.name for p in target.parent.iterdir()) == ["law.atom"]  # no tmp files left
    assert target.stat().st_mode & 0o777 == 0o644


def test_write_failure_raises_publish_error_and_leaves_no_tmp(tmp_path: Path) -> None:
    (tmp_path / "feeds").write_text("not a directory")
    with pytest.raises(PublishError):
        atom.write(tmp_path / "feeds" / "law.atom", b"x")
    target = tmp_path / "dir.atom"
    target.mkdir()  # os.replace onto a directory fails
    with pytest.raises(PublishError):
        atom.write(target, b"x")
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_topics_opml() -> None:
    topics = [LAW, TopicConfig(id="epidemic", title="疫情 & 防控")]
    data = atom.topics_opml(topics, BASE)
    assert data == atom.topics_opml(topics, BASE)
    root = etree.fromstring(data)
    assert root.tag == "opml" and root.get("version") == "2.0"
    assert root.findtext("head/title")
    outlines = [(o.get("type"), o.get("text"), o.get("xmlUrl"), o.get("htmlUrl")) for o in root.iter("outline")]
    assert outlines == [
        ("rss", "法治", "http://127.0.0.1:8080/feeds/law.atom", BASE),
        ("rss", "疫情 & 防控", "http://127.0.0.1:8080/feeds/epidemic.atom", BASE),
    ]


def test_naive_datetimes_are_refused() -> None:
    item = replace(_items()[0], updated=datetime(2026, 1, 1))
    with pytest.raises(PublishError):
        atom.render(LAW, [item], base_url=BASE, topic_titles=TITLES, item_topics={})


def test_entry_id_is_stable_per_item_id() -> None:
    item = _items()[0]
    assert atom.entry_id(item) == atom.entry_id(replace(item, title="changed", updated=datetime.now(timezone.utc)))
    assert atom.entry_id(item) != atom.entry_id(replace(item, id="0" * 32))
