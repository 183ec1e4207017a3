"""topics: source topics, keywords, excludes, source restrictions."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from zoneinfo import ZoneInfo

from aggregator.config import TopicConfig
from aggregator.model import Item, Sighting
from aggregator.topics import topics_for

NOW = datetime(2026, 3, 1, 12, 0, tzinfo=ZoneInfo("Asia/Shanghai"))


def sighting(source_id: str) -> Sighting:
    return Sighting(source_id=source_id, source_name=source_id, url=f"http://{source_id}.cn/1", found_on=None,
                    feed_title=None, feed_link=None, feed_id=None, extractor="feed", fetched_at=NOW)


def make(title: str = "标题", text: str = "正文", sources: tuple[str, ...] = ("a",)) -> Item:
    return Item(id="x", keys=("url:http://a.cn/1",), url="http://a.cn/1", title=title, published=None,
                updated=NOW, author=None, publisher=None, origin_url=None, origin_published=None,
                content=f"<p>{text}</p>", text=text, content_hash="h",
                sightings=tuple(sighting(s) for s in sources))


EPIDEMIC = TopicConfig(id="epidemic", title="疫情防控", keywords=("疫情", "防控", "COVID"))
LAW = TopicConfig(id="law", title="法治", exclude=("招聘",))
ALL = TopicConfig(id="all", title="全部")
B_ONLY = TopicConfig(id="b-only", sources=("b",))
B_COVID = TopicConfig(id="b-covid", keywords=("疫情",), sources=("b",))
TOPICS = (EPIDEMIC, LAW, ALL, B_ONLY, B_COVID)


def test_keyword_in_title_or_text_case_insensitive() -> None:
    assert "epidemic" in topics_for(make(title="关于疫情的通知"), TOPICS, {})
    assert "epidemic" in topics_for(make(text="做好防控工作"), TOPICS, {})
    assert "epidemic" in topics_for(make(text="covid-19 update"), TOPICS, {})
    assert "epidemic" not in topics_for(make(title="普法宣传"), TOPICS, {})


def test_topic_without_keywords_or_sources_takes_everything() -> None:
    assert topics_for(make(), TOPICS, {}) == ("law", "all")  # law has only an exclude
    assert topics_for(make(title="招聘"), TOPICS, {}) == ("all",)


def test_source_topics_always_apply_and_order_follows_config() -> None:
    item = make(title="普法宣传")
    assert topics_for(item, TOPICS, {"a": ("epidemic",)}) == ("epidemic", "law", "all")
    # unknown topic ids from a source are ignored
    assert topics_for(item, (EPIDEMIC,), {"a": ("nope",)}) == ()


def test_exclude_removes_even_source_topics() -> None:
    item = make(title="2026年招聘公告")
    assert "law" not in topics_for(item, TOPICS, {"a": ("law",)})
    assert "law" in topics_for(make(title="普法"), TOPICS, {"a": ("law",)})


def test_sources_restrict() -> None:
    from_a = make(title="疫情通报", sources=("a",))
    from_b = make(title="疫情通报", sources=("b",))
    assert "b-only" not in topics_for(from_a, TOPICS, {})
    assert "b-covid" not in topics_for(from_a, TOPICS, {})
    assert {"b-only", "b-covid"} <= set(topics_for(from_b, TOPICS, {}))
    assert "b-covid" not in topics_for(replace(from_b, title="普法", text="x"), TOPICS, {})


def test_merged_item_counts_every_sighting() -> None:
    merged = make(title="疫情通报", sources=("a", "b"))
    assert topics_for(merged, TOPICS, {}) == ("epidemic", "law", "all", "b-only", "b-covid")
