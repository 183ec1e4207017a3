"""normalize: canonical URLs, keys and id, field cleanup, dates, sanitize-last, the Sighting."""

from __future__ import annotations

import hashlib
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from aggregator import normalize
from aggregator.config import SourceConfig
from aggregator.errors import ExtractError
from aggregator.model import Enclosure, RawItem

TZ = ZoneInfo("Asia/Shanghai")
NOW = datetime(2026, 3, 1, 12, 0, tzinfo=TZ)
SRC = SourceConfig(id="fzzx-hot", url="http://www.fzzx.org.cn/hot/", name="法治资讯网 · 热点聚焦", kind="html")


def norm(raw: RawItem, *, feed_title: str | None = "法治资讯网", feed_link: str | None = "http://www.fzzx.org.cn/",
         feed_id: str | None = None):
    return normalize.item(raw, SRC, now=NOW, tz=TZ, feed_title=feed_title, feed_link=feed_link, feed_id=feed_id)


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("HTTP://WWW.Example.GOV.cn:80/a/b.html#top", "http://www.example.gov.cn/a/b.html"),
        ("https://example.gov.cn:443", "https://example.gov.cn/"),
        ("https://example.gov.cn:8443/x", "https://example.gov.cn:8443/x"),
        ("http://a.cn/p?utm_source=wx&id=3&utm_medium=x&spm=1.2&b=2", "http://a.cn/p?id=3&b=2"),
        ("http://a.cn/p?z=1&a=2", "http://a.cn/p?z=1&a=2"),
        ("http://a.cn/p?from=timeline&isappinstalled=0", "http://a.cn/p"),
        ("http://a.cn/p?fbclid=x&gclid=y&yclid=z&_hsenc=1&mc_cid=2&mc_eid=3&scene=1&clicktime=9&wfr=s&share_token=t",
         "http://a.cn/p"),
        ("http://a.cn/p?UTM_Campaign=x&q=%E4%B8%AD", "http://a.cn/p?q=%E4%B8%AD"),
        ("http://a.cn/新闻/文章.html", "http://a.cn/%E6%96%B0%E9%97%BB/%E6%96%87%E7%AB%A0.html"),
        ("http://a.cn/%E6%96%B0.html", "http://a.cn/%E6%96%B0.html"),
        ("http://a.cn/#/detail/12", "http://a.cn/#/detail/12"),
        ("  http://a.cn/x?source=rss  ", "http://a.cn/x?source=rss"),
        ("mailto:a@b.cn", "mailto:a@b.cn"),
    ],
)
def test_canonical_url(url: str, expected: str) -> None:
    assert normalize.canonical_url(url) == expected
    assert normalize.canonical_url(expected) == expected  # idempotent


def test_keys_and_id_with_origin() -> None:
    raw = RawItem(link="http://www.fzzx.org.cn/hot/1.html?utm_source=a", via="HTTP://sft.shandong.gov.cn/a.html#x",
                  guid="http://www.fzzx.org.cn/?p=1", title="t")
    item = norm(raw)
    assert item.url == "http://www.fzzx.org.cn/hot/1.html"
    assert item.origin_url == "http://sft.shandong.gov.cn/a.html"
    assert item.keys == ("url:http://sft.shandong.gov.cn/a.html", "guid:http://www.fzzx.org.cn/?p=1",
                         "url:http://www.fzzx.org.cn/hot/1.html")
    assert item.id == hashlib.sha256(b"url:http://sft.shandong.gov.cn/a.html").hexdigest()[:32]


def test_repost_and_original_share_a_key() -> None:
    original = norm(RawItem(link="http://sft.shandong.gov.cn/a.html", title="t"))
    repost = norm(RawItem(link="http://www.fzzx.org.cn/hot/1.html", via="http://sft.shandong.gov.cn/a.html", title="t"))
    assert set(original.keys) & set(repost.keys)
    assert original.id == repost.id


def test_guid_keys_local_and_global() -> None:
    local = norm(RawItem(link="http://a.cn/1.html", guid="12345"))
    assert local.keys == ("guid:fzzx-hot:12345", "url:http://a.cn/1.html")
    assert local.id == hashlib.sha256(b"guid:fzzx-hot:12345").hexdigest()[:32]
    tag = norm(RawItem(link="http://a.cn/1.html", guid="tag:a.cn,2020:1"))
    assert tag.keys[0] == "guid:tag:a.cn,2020:1"
    only_url = norm(RawItem(link="http://a.cn/1.html"))
    assert only_url.keys == ("url:http://a.cn/1.html",)
    assert only_url.id == hashlib.sha256(b"url:http://a.cn/1.html").hexdigest()[:32]


def test_guid_only_items() -> None:
    by_url_guid = norm(RawItem(link=None, guid="http://a.cn/p/9.html"))
    assert by_url_guid.url == "http://a.cn/p/9.html"
    opaque = norm(RawItem(link=None, guid="abc", found_on="http://www.fzzx.org.cn/hot/"))
    assert opaque.keys == ("guid:fzzx-hot:abc",)  # no url: key, or every such item would merge
    assert opaque.url == "http://www.fzzx.org.cn/hot/"
    with pytest.raises(ExtractError):
        norm(RawItem(link=None, guid=None, title="x"))
    with pytest.raises(ExtractError):
        norm(RawItem(link="javascript:void(0)", guid="  "))


def test_self_via_is_not_an_origin() -> None:
    item = norm(RawItem(link="http://a.cn/1.html", via="http://a.cn/1.html#top"))
    assert item.origin_url is None


def test_title_cleanup() -> None:
    item = norm(RawItem(link="http://a.cn/1", title="  <b>关于\u3000开展</b>&nbsp;&quot;普法&quot;\n\t活动 &amp; 通知\x0b "))
    assert item.title == '关于 开展 "普法" 活动 & 通知'
    notitle = norm(RawItem(link="http://a.cn/1", html="<p>第一行正文</p><p>第二行</p>"))
    assert notitle.title == "第一行正文"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("张三", "张三"), ("文静", "文静"), ("文/张三", "张三"), ("By Bob", "Bob"), ("Byron", "Byron"), ("作者：张三", "张三"), ("作者:  李四 ", "李四"), ("作者：王五 来源：新华社", "王五"),
        ("佚名", None), ("未知", None), ("不详", None), ("本网", None), ("本站", None), ("本报", None),
        ("admin", None), ("Administrator", None), ("EDITOR", None), ("管理员", None), ("小编", None),
        ("网站管理员", None), ("anonymous", None), ("Unknown", None), ("作者：佚名", None),
        ("编辑：赵六", None), ("责任编辑：钱七", None), ("责任编辑 孙八", None), ("", None), (None, None),
    ],
)
def test_author(raw: str | None, expected: str | None) -> None:
    assert norm(RawItem(link="http://a.cn/1", author=raw)).author == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("来源：山东省司法厅", "山东省司法厅"), ("山东省司法厅 发布时间：2026-03-01", "山东省司法厅"),
     ("本网", "法治资讯网"), ("本站", "法治资讯网"), ("佚名", None), (None, None)],
)
def test_publisher(raw: str | None, expected: str | None) -> None:
    assert norm(RawItem(link="http://a.cn/1", publisher=raw)).publisher == expected


def test_dates() -> None:
    pub = datetime(2026, 2, 28, 9, 0, tzinfo=TZ)
    item = norm(RawItem(link="http://a.cn/1", published=pub))
    assert item.published == pub and item.updated == pub
    upd = datetime(2026, 2, 28, 10, 0, tzinfo=TZ)
    assert norm(RawItem(link="http://a.cn/1", published=pub, updated=upd)).updated == upd
    nodate = norm(RawItem(link="http://a.cn/1"))
    assert nodate.published is None and nodate.updated == NOW


def test_future_dates_are_clamped_to_now() -> None:
    soon = NOW + timedelta(hours=3)  # within the slack: clock skew, kept as published
    item = norm(RawItem(link="http://a.cn/1", published=soon))
    assert item.published == soon and item.updated == NOW  # updated is never later than now
    far = NOW + timedelta(days=30)
    item = norm(RawItem(link="http://a.cn/1", published=far, updated=far))
    assert item.published == NOW and item.updated == NOW


def test_content_is_sanitized_last_and_hash_covers_title_and_text() -> None:
    raw = RawItem(link="http://a.cn/dir/1.html", title="标题",
                  html='<p>\u3000\u3000正文<script>alert(1)</script><img src="p.png" onerror="x()"></p><p>&nbsp;</p>')
    item = norm(raw)
    assert item.content == '<p>\u3000\u3000正文<img src="http://a.cn/dir/p.png"></p>'
    assert item.text == "正文"
    assert item.content_hash == hashlib.sha256("标题\n正文".encode()).hexdigest()
    # the hash ignores fetch time and markup-only changes
    later = normalize.item(RawItem(link="http://a.cn/dir/1.html", title="标题", html="<div>正文</div>"), SRC,
                           now=NOW + timedelta(hours=1), tz=TZ, feed_title=None, feed_link=None, feed_id=None)
    assert later.content_hash == item.content_hash


def test_summary_becomes_content_when_no_html() -> None:
    item = norm(RawItem(link="http://a.cn/1", summary='<p onclick="x()">摘要</p>'))
    assert item.content == "<p>摘要</p>" and item.summary is None
    both = norm(RawItem(link="http://a.cn/1", html="<p>全文</p>", summary="<b>摘要</b>"))
    assert both.content == "<p>全文</p>" and both.summary == "摘要"


def test_sighting_and_other_fields() -> None:
    raw = RawItem(link="http://www.fzzx.org.cn/hot/1.html", title="t", publisher="来源：山东省司法厅",
                  found_on="http://www.fzzx.org.cn/hot/", extractor="html:selector", categories=(" 法治 ", "法治", ""),
                  enclosures=(Enclosure(url="http://a.cn/f.pdf", type="application/pdf", length=10),
                              Enclosure(url="javascript:x"), Enclosure(url="http://a.cn/f.pdf")),
                  date_only=True)
    item = norm(raw, feed_id="http://www.fzzx.org.cn/hot/")
    (s,) = item.sightings
    assert (s.source_id, s.source_name, s.url, s.found_on) == (
        "fzzx-hot", "法治资讯网 · 热点聚焦", "http://www.fzzx.org.cn/hot/1.html", "http://www.fzzx.org.cn/hot/")
    assert (s.feed_title, s.feed_link, s.feed_id) == ("法治资讯网", "http://www.fzzx.org.cn/", "http://www.fzzx.org.cn/hot/")
    assert (s.extractor, s.fetched_at, s.publisher) == ("html:selector", NOW, "山东省司法厅")
    assert item.categories == ("法治",)
    assert item.enclosures == (Enclosure(url="http://a.cn/f.pdf", type="application/pdf", length=10),)
    assert item.date_only is True and item.first_seen == NOW
