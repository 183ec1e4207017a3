"""opml: real readers' exports parse, hostile files are refused unexpanded, export round-trips."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from aggregator import config, configedit, opml
from aggregator.errors import UsageError
from aggregator.opml import OpmlEntry

DATA = Path(__file__).parent / "data" / "opml"


def _parse(name: str) -> list[OpmlEntry]:
    return opml.parse((DATA / name).read_bytes())


def test_feedly_folders_and_feed_scheme() -> None:
    entries = _parse("feedly.opml")
    assert [(e.title, e.folders) for e in entries] == [
        ("中国政府网 - 最新政策", ("政府",)), ("Xinhua", ("政府",)), ("Hacker News", ("Tech",))]
    assert entries[0].url == "http://www.gov.cn/zhengce/zuixin.xml"
    assert entries[0].html_url == "http://www.gov.cn/zhengce/"
    assert entries[1].url.startswith("feed://")  # configedit turns feed:// into http://


def test_inoreader() -> None:
    entries = _parse("inoreader.opml")
    assert [e.url for e in entries] == [
        "https://feeds.bbci.co.uk/zhongwen/simp/rss.xml", "http://www.people.com.cn/rss/politics.xml",
        "https://planetpython.org/rss20.xml"]
    assert entries[1].title == "人民网 时政" and entries[2].folders == ("Blogs",)


def test_miniflux_opml2() -> None:
    entries = _parse("miniflux.opml")
    assert [(e.title, e.folders) for e in entries] == [("LWN.net", ("All",)), ("Python Insider", ("All",))]


def test_netnewswire_nested_folders_in_document_order() -> None:
    entries = _parse("netnewswire.opml")
    assert [(e.title, e.folders) for e in entries] == [
        ("Daring Fireball", ()),
        ("法治资讯网", ("Gov & Law",)),
        ("Deep", ("Gov & Law", "Nested")),
        ("Six Colors", ()),
    ]


def test_opml1_attribute_variants_and_outlines_without_url() -> None:
    entries = _parse("opml1_variants.opml")
    assert [(e.title, e.url) for e in entries] == [
        ("Scripting News", "http://scripting.com/rss.xml"),
        ("UPPER", "http://upper.example.com/rss"),
        ("A link outline", "http://example.net/feed.atom"),
        ("Café notes", "http://cafe.example.com/rss"),
    ]


def test_declared_gb2312_encoding() -> None:
    assert _parse("gb2312.opml")[0].title == "中文订阅"


def test_utf16_with_bom() -> None:
    data = (DATA / "miniflux.opml").read_text("utf-8").replace('encoding="UTF-8"', 'encoding="UTF-16"')
    assert [e.title for e in opml.parse(data.encode("utf-16"))] == ["LWN.net", "Python Insider"]


@pytest.mark.parametrize(
    ("name", "words"),
    [
        ("bomb.opml", "entities"),
        ("xxe.opml", "entities"),
        ("external_dtd.opml", "DOCTYPE"),
        ("not_opml.xml", "<rss>"),
        ("not_xml.opml", "not well-formed"),
        ("broken.opml", "not well-formed"),
    ],
)
def test_hostile_or_wrong_files_are_refused(name: str, words: str) -> None:
    started = time.perf_counter()
    with pytest.raises(UsageError) as e:
        _parse(name)
    assert words in str(e.value)
    assert "root:" not in str(e.value)  # nothing from /etc/passwd
    assert time.perf_counter() - started < 1.0


def test_utf16_entity_declaration_is_seen() -> None:
    data = (DATA / "xxe.opml").read_text("utf-8").replace('encoding="UTF-8"', 'encoding="UTF-16"')
    with pytest.raises(UsageError, match="entities"):
        opml.parse(data.encode("utf-16"))


def test_doctype_without_entities_is_refused() -> None:
    data = b'<?xml version="1.0"?><!DOCTYPE opml><opml version="2.0"><body/></opml>'
    with pytest.raises(UsageError, match="DOCTYPE"):
        opml.parse(data)


def test_too_big() -> None:
    data = b'<?xml version="1.0"?><opml version="2.0"><body>' + b" " * (10 * 1024 * 1024) + b"</body></opml>"
    with pytest.raises(UsageError, match="too big"):
        opml.parse(data)


@pytest.mark.parametrize("data", [b"", b"   \n", b"<opml version='2.0'><head/></opml>", b"\xff\xfe\x00garbage"])
def test_empty_or_bodiless(data: bytes) -> None:
    with pytest.raises(UsageError):
        opml.parse(data)


def test_empty_body_gives_no_entries() -> None:
    assert opml.parse(b"<opml version='2.0'><head/><body/></opml>") == []


def test_deep_nesting_is_refused_not_crashing() -> None:
    depth = 200
    data = b"<opml version='2.0'><body>" + b"<outline text='f'>" * depth + b"<outline xmlUrl='http://a.example/'/>" + \
        b"</outline>" * depth + b"</body></opml>"
    with pytest.raises(UsageError, match="nested"):
        opml.parse(data)


# ---------------------------------------------------------------- export and round trip

SOURCES_TOML = """
[[sources]]
id = "gov-cn"
name = "中国政府网 · 最新政策 & <more>"
url = "https://www.gov.cn/zhengce/zuixin.htm?a=1&b=2"
kind = "html"
topics = ["policy", "law"]

[[sources]]
id = "xinhua"
url = "http://www.news.cn/politics/news_politics.xml"
enabled = false

[[sources]]
id = "hn"
name = "Hacker News"
url = "https://news.ycombinator.com/rss"
topics = ["law"]
"""
TOPICS_TOML = """
[[topics]]
id = "policy"
title = "政策"
keywords = ["政策"]

[[topics]]
id = "law"
title = "法治"
keywords = ["法"]
"""


def _key(s: config.SourceConfig) -> tuple:
    return (s.id, s.url, s.name, s.kind, s.topics, s.enabled)


def test_export_is_deterministic_opml2() -> None:
    cfg = config.parse(SOURCES_TOML + TOPICS_TOML)
    a, b = opml.export(cfg.sources), opml.export(cfg.sources)
    assert a == b
    assert a.startswith(b"<?xml version='1.0' encoding='UTF-8'?>\n<opml version=\"2.0\">")
    assert b'xmlUrl="https://www.gov.cn/zhengce/zuixin.htm?a=1&amp;b=2"' in a
    assert b"dateCreated" not in a


def _import(path: Path, data: bytes, **kw: bool) -> configedit.ImportResult:
    fields, topics = opml.import_fields(opml.parse(data), **kw)
    return configedit.add_sources(path, fields, topics)


def test_round_trip_into_a_config_with_the_topics(tmp_path: Path) -> None:
    cfg = config.parse(SOURCES_TOML + TOPICS_TOML)
    target = tmp_path / "c.toml"
    target.write_text(TOPICS_TOML, "utf-8")
    result = _import(target, opml.export(cfg.sources))
    assert result.topics_added == ()
    assert [_key(s) for s in config.load(target).sources] == [_key(s) for s in cfg.sources]


def test_round_trip_into_an_empty_config(tmp_path: Path) -> None:
    cfg = config.parse(SOURCES_TOML + TOPICS_TOML)
    target = tmp_path / "new.toml"
    result = _import(target, opml.export(cfg.sources))
    loaded = config.load(target)
    assert [_key(s) for s in loaded.sources] == [_key(s) for s in cfg.sources]
    # the topics were created, each taking exactly its sources' items
    assert set(result.topics_added) == {"policy", "law"}
    assert {t.id: t.sources for t in loaded.topics} == {"policy": ("gov-cn",), "law": ("gov-cn", "hn")}
    # a second import adds nothing
    again = _import(target, opml.export(cfg.sources))
    assert again.added == () and len(again.skipped) == 3


def test_import_feedly_with_folders_as_topics(tmp_path: Path) -> None:
    target = tmp_path / "c.toml"
    result = _import(target, (DATA / "feedly.opml").read_bytes(), folders_as_topics=True)
    loaded = config.load(target)
    assert result.added == ("gov-cn-zhengce-zuixin", "xinhua", "hacker-news")
    assert loaded.source("xinhua").url == "http://www.news.cn/english/rss/chinarss.xml"
    assert {t.title: t.sources for t in loaded.topics} == {
        "政府": ("gov-cn-zhengce-zuixin", "xinhua"), "Tech": ("hacker-news",)}


def test_import_without_folders_creates_no_topics(tmp_path: Path) -> None:
    target = tmp_path / "c.toml"
    result = _import(target, (DATA / "inoreader.opml").read_bytes())
    assert result.topics_added == () and len(result.added) == 3
    assert config.load(target).topics == ()
