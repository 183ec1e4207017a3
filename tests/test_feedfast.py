"""feedfast: the lxml fast path gives exactly what the feedparser path gives.

Every fixture and a set of generated variants run through both paths
(`feedparse.parse(..., fast=False)` forces feedparser). HTML bodies are compared
after `sanitize.html`, as the pipeline stores them: feedparser re-serializes
markup when it resolves relative URIs, feedfast only rewrites the attributes.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from aggregator import feedfast, feedparse, sanitize
from aggregator.errors import ParseError
from aggregator.model import ParsedFeed

FEEDS = Path(__file__).parent / "data" / "feeds"
TZ = ZoneInfo("Asia/Shanghai")
URL = "https://feeds.example.gov.cn/sub/dir/feed.xml"


def stored(feed: ParsedFeed) -> tuple[Any, ...]:
    items = []
    for i in feed.items:
        row = {k: getattr(i, k) for k in i.__slots__}
        base = i.link or URL
        row["html"] = sanitize.html(i.html, base) if i.html else None
        row["summary"] = sanitize.html(i.summary, base) if i.summary else None
        items.append(row)
    return (feed.title, feed.link, feed.feed_id, feed.updated, feed.version, feed.warning, feed.skipped, items)


def both(body: bytes, url: str = URL) -> tuple[Any, Any]:
    out = []
    for fast in (False, True):
        try:
            out.append(stored(feedparse.parse(body, url, tz=TZ, fast=fast)))
        except ParseError as e:
            out.append(("ParseError", str(e)))
    return out[0], out[1]


def used_fast(body: bytes, url: str = URL) -> bool:
    text, _ = feedparse._charset.decode(body)
    return feedfast.parse(feedparse._defuse(text).encode("utf-8"), url) is not None


FIXTURES = sorted(p for p in FEEDS.glob("*.xml"))


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.name)
def test_fixture_same_on_both_paths(path: Path) -> None:
    body = path.read_bytes()
    slow, fast = both(body, f"https://feeds.example.gov.cn/sub/{path.name}")
    assert fast == slow


def test_fast_path_taken_for_well_formed_fixtures() -> None:
    taken = {p.name for p in FIXTURES if p.name not in {"bomb.xml"} and used_fast(
        feedparse._defuse(p.read_bytes().decode("latin-1")).encode("latin-1"))}
    assert {"gov_cn_rss.xml", "news_rss20.xml", "atom03.xml", "atom10_base.xml", "rdf.xml"} <= taken
    assert "malformed.xml" not in taken  # not well-formed: feedparser's recovery decides


def rss(items: str, head: str = "", attrs: str = "", channel_extra: str = "") -> bytes:
    return (f'<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0" {head}><channel {attrs}>'
            f"<title>中国政府网 &amp; News</title><link>https://www.gov.cn/</link>{channel_extra}"
            f"{items}</channel></rss>").encode("utf-8")


def atom(entries: str, head: str = "", feed_extra: str = "") -> bytes:
    return (f'<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom" {head}>'
            f"<title>Atom 源</title><id>urn:x:1</id><link href=\"/home/\"/>{feed_extra}"
            f"<updated>2021-03-16T10:00:00</updated>{entries}</feed>").encode("utf-8")


NS = ('xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/" '
      'xmlns:media="http://search.yahoo.com/mrss/" xmlns:atom="http://www.w3.org/2005/Atom" '
      'xmlns:ext="http://example.org/ext#" xmlns:slash="http://purl.org/rss/1.0/modules/slash/"')

VARIANTS: dict[str, tuple[bytes, bool]] = {
    "zh-cdata-relative": (rss(
        "<item><title>关于印发《办法》的通知</title><link>/zhengce/2021/a.htm</link>"
        "<guid>/zhengce/2021/a.htm</guid><pubDate>2021-03-16 10:30:00</pubDate>"
        '<description><![CDATA[<p>正文<img src="../img/1.jpg" alt="图"/><a href="b.htm?x=1&amp;y=2">附件</a>'
        '<a href="javascript:alert(1)">x</a><img data-src="lazy.jpg" src="ph.gif"></p>]]></description></item>'), True),
    "en-entities": (rss(
        "<item><title>Talks &lt;b&gt;resume&lt;/b&gt; &amp;amp; more &#8212; &#x4e2d;</title>"
        "<link>https://n.example.com/a?x=1&amp;y=2</link><guid isPermaLink=\"false\">id-1</guid>"
        "<pubDate>Tue, 16 Mar 2021 09:00:00 GMT</pubDate><author>jane@example.com (Jane Doe)</author>"
        "<category>World</category><category>world</category>"
        "<description>Plain &amp; simple &lt;i&gt;text&lt;/i&gt;</description></item>"), True),
    "zone-less-and-cst": (rss(
        "<item><title>a</title><link>http://x.gov.cn/1</link><pubDate>Tue, 16 Mar 2021 10:00:00</pubDate></item>"
        "<item><title>b</title><link>http://x.gov.cn/2</link><pubDate>Tue, 16 Mar 2021 10:00:00 CST</pubDate></item>"
        "<item><title>c</title><link>http://x.gov.cn/3</link><dc:date>2021年01月27日 10:30</dc:date></item>"
        "<item><title>d</title><link>http://x.gov.cn/4</link><pubDate>2021-01-27</pubDate><dc:date>2021-02-01T08:00</dc:date></item>",
        head=NS, channel_extra="<lastBuildDate>2021-03-16 18:00</lastBuildDate>"), True),
    "namespaced-extensions": (rss(
        '<item><title>e</title><link>http://x.gov.cn/5</link><dc:creator>国务院办公厅</dc:creator>'
        '<content:encoded><![CDATA[<div><a href="./P1.pdf">附件</a></div>]]></content:encoded>'
        '<description>摘要</description><slash:comments>3</slash:comments>'
        '<ext:whatever>ignored</ext:whatever><media:content url="http://x.gov.cn/v.mp4" type="video/mp4"/>'
        '<enclosure url="/files/a.pdf" type="application/pdf" length="1234"/>'
        '<enclosure url="/files/b.doc" length="0"/><comments>http://x.gov.cn/c</comments></item>',
        head=NS, channel_extra='<atom:link rel="self" href="https://x.gov.cn/rss.xml" type="application/rss+xml"/>'
        '<language>zh-cn</language><image><url>http://x/i.png</url><title>图</title><link>http://x/</link></image>'),
        True),
    "xml-base-rss": (rss(
        '<item xml:base="/col/202103/"><title>f</title><link>t1.html</link>'
        '<description xml:base="sub/">&lt;a href="x.htm"&gt;x&lt;/a&gt;</description></item>',
        attrs='xml:base="https://base.example.gov.cn/root/"'), True),
    "guid-permalink": (rss(
        "<item><title>g</title><guid>https://x.gov.cn/g1</guid></item>"
        '<item><title>h</title><guid isPermaLink="true">rel/h1</guid></item>'
        '<item><title>i</title><guid isPermaLink="false">https://x.gov.cn/i1</guid></item>'
        "<item><title>j</title><link></link><guid>https://x.gov.cn/j1</guid></item>"), True),
    "atom-full": (atom(
        '<entry xml:base="https://www.mee.gov.cn/a/b/"><title type="html">&lt;em&gt;标题&lt;/em&gt; &amp;amp;</title>'
        '<link href="c.html"/><link rel="via" href="http://other.example.com/o"/>'
        '<link rel="enclosure" href="f.pdf" length="10"/><link rel="alternate" type="application/pdf" href="x.pdf"/>'
        "<id>tag:mee.gov.cn,2021:1</id><published>2021-03-16T09:30:00</published>"
        "<updated>2021-03-16T11:00:00+08:00</updated><author><name>新闻办</name><email>a@b.cn</email></author>"
        '<category term="t1" label="L1"/><category label="only-label"/><summary>摘 &lt;b&gt;要&lt;/b&gt;</summary>'
        '<content type="html">&lt;p&gt;&lt;a href="../../x/"&gt;l&lt;/a&gt;&lt;img src="i.jpg"&gt;&lt;/p&gt;</content></entry>'
        '<entry><title type="text">Text &lt;t&gt;</title><id>https://x.gov.cn/only-id</id>'
        '<content type="text">a &lt; b</content><updated>2021-03-12T15:00:00</updated></entry>'
        '<entry><title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">X <b>h</b> &amp; t</div></title>'
        '<link href="/z"/><id>urn:z</id><author><email>only@x.cn</email></author></entry>'), True),
    "atom-xhtml-content": (atom(
        '<entry><title>x</title><link href="/a"/><id>urn:a</id><content type="xhtml">'
        '<div xmlns="http://www.w3.org/1999/xhtml"><p>hi <a href="r">r</a></p></div></content></entry>'), False),
    "rss-no-version-091": (b'<?xml version="1.0"?><rss version="0.91"><channel><title>Caf\xc3\xa9</title>'
                           b"<link>http://c/</link><item><title>M</title><link>http://c/m</link>"
                           b"<description>Cr&#232;me \xc2\x93q\xc2\x94</description></item></channel></rss>", True),
    "rdf": (b'<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
            b'xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">'
            b'<channel rdf:about="http://s/"><title>T</title><link>http://s/</link></channel>'
            b'<item rdf:about="http://s/1"><title>1</title><link>http://s/1</link><dc:date>2021-03-10 09:30</dc:date>'
            b"<dc:subject>S</dc:subject></item><item rdf:about=\"http://s/2\"><title>2</title></item></rdf:RDF>", True),
    "duplicate-titles": (rss("<item><title>a</title><title>b</title><link>http://x/1</link></item>"), False),
    "no-items": (rss(""), True),
    "all-unusable": (rss("<item><title>a</title></item>"), True),
    "unknown-root": (b"<foo><item><link>http://x/</link></item></foo>", False),
    "gbk": (('<?xml version="1.0" encoding="gbk"?><rss version="2.0"><channel><title>湖北</title>'
            "<item><title>通知</title><link>./a.shtml</link><pubDate>2020/03/16 09:00:00</pubDate>"
            "</item></channel></rss>").encode("gbk"), True),
}


@pytest.mark.parametrize("name", sorted(VARIANTS))
def test_variant_same_on_both_paths(name: str) -> None:
    body, fast_expected = VARIANTS[name]
    assert used_fast(body) == fast_expected
    slow, fast = both(body)
    assert fast == slow


def test_comparison_can_fail() -> None:
    """`stored` sees a link or an HTML href resolved against another base."""
    body = VARIANTS["zh-cdata-relative"][0]
    here = stored(feedparse.parse(body, URL, tz=TZ))
    assert here == stored(feedparse.parse(body, URL, tz=TZ, fast=False))
    assert here != stored(feedparse.parse(body, "https://elsewhere.example.com/x/", tz=TZ, fast=False))


def test_resolve_html_matches_feedparser() -> None:
    from feedparser.urls import resolve_relative_uris

    base = "https://www.gov.cn/a/b/c.htm"
    for frag in ['<p><a href="../x.htm">x</a><img src=\'i.jpg\' alt="a"></p>',
                 '<a title="t" href=" sp.htm ">s</a><img src="//cdn.x/i.png"/>',
                 '<a href="javascript:void(0)">j</a><a href="mailto:a@b.cn">m</a><a href="#frag">f</a>',
                 '<a href="q?a=1&amp;b=2">q</a><blockquote cite="c.htm">q</blockquote>']:
        want = sanitize.html(str(resolve_relative_uris(frag, base, "utf-8", "text/html")), "https://else.example/")
        assert sanitize.html(feedfast.resolve_html(frag, base), "https://else.example/") == want


def test_fast_path_refuses_malformed_xml() -> None:
    assert feedfast.parse(b"<rss><channel><title>a &b</title></channel></rss>", URL) is None


def test_join_is_urljoin() -> None:
    from urllib.parse import urljoin

    parts = ["http://", "https://", "HTTP://", "", "/", "//", "x.gov.cn", "[::1]", ":8080", "a/../b", "?",
             "?q=1&r=2", "#", "#frag", ";p", " ", "\t", "中", "%zz", "./", "mailto:a@b", "javascript:x"]
    rng = __import__("random").Random(7)
    for _ in range(3000):
        uri = "".join(rng.choice(parts) for _ in range(rng.randint(1, 5)))
        for base in ("http://base.gov.cn/d/e.html", "https://b/"):
            try:
                want = urljoin(base, uri)
            except ValueError:
                want = ""
            assert feedfast.join(base, uri) == want, (base, uri)


@pytest.mark.parametrize("body", [
    "纯中文正文，标点。".encode(), "Café · 中文 — “引号” 😀".encode(), "\ufeff<rss/>".encode(),
    "通知".encode("gbk"), "֪ͨ".encode(), b"ascii only", b"", "한국어 日本語カタカナ".encode(),
    "Ѐ cyrillic".encode(), '<?xml version="1.0" encoding="gbk"?><a>通知</a>'.encode(),
])
def test_decode_shortcut_agrees_with_charset(body: bytes) -> None:
    for header in (None, "gbk", "iso-8859-1", "utf-8"):
        assert feedparse._decode(body, header) == feedparse._charset.decode(body, header_charset=header)[0]


def random_doc(rng: Any) -> bytes:
    """A random well-formed feed built from the shapes government and news feeds use."""
    def pick(*xs: str) -> str:
        return rng.choice(xs)

    text = lambda: pick("通知公告", "Plain title", "A &amp; B", "&lt;b&gt;粗体&lt;/b&gt; 标题", "<![CDATA[CDATA <i>标题</i>]]>",  # noqa: E731
                        "  spaced\n  out  ", "Caf&#233; &#x4e2d;", "&amp;amp; double", "")
    href = lambda: pick("/a/b.html", "c.html", "../d.html", "https://x.gov.cn/e?x=1&amp;y=2",  # noqa: E731
                        "http://x.gov.cn/f#s", "", "  /g.html  ", "javascript:void(0)", "//cdn.x.cn/h.jpg")
    date = lambda: pick("Tue, 16 Mar 2021 09:00:00 GMT", "2021-03-16 10:30:00", "2021年01月27日 10:30",  # noqa: E731
                        "2021-03-16", "2021-03-16T10:00:00+08:00", "garbage", "Tue, 16 Mar 2021 11:00 CST")
    base = lambda: pick("", "", "", ' xml:base="/sub/"', ' xml:base="https://b.gov.cn/x/"', ' xml:base="y/"')  # noqa: E731
    html_body = lambda: pick(  # noqa: E731
        f'<![CDATA[<p>正文<a href="{href()}">链接</a><img src="{href()}" alt="图"/></p>]]>',
        f'&lt;p&gt;&lt;a title="t" href="{href()}"&gt;x&lt;/a&gt;&lt;/p&gt;', "纯文本 text", "a &lt; b")
    atom_doc = rng.random() < 0.4
    items = []
    for _ in range(rng.randint(0, 5)):
        parts = []
        if atom_doc:
            kind = pick("", ' type="html"', ' type="text"')
            parts.append(f"<title{kind}>{text()}</title>")
            for _ in range(rng.randint(0, 2)):
                rel = pick("", ' rel="alternate"', ' rel="via"', ' rel="enclosure" length="12"', ' rel="self"',
                           ' rel="alternate" type="application/pdf"')
                parts.append(f'<link{rel}{base()} href="{href()}"/>')
            parts.append(pick(f"<id>{pick('tag:x,2021:1', 'https://x.gov.cn/id/1', '/rel/id', 'urn:u:1')}</id>", ""))
            parts.append(pick(f"<published>{date()}</published>", "", f"<updated>{date()}</updated>"))
            parts.append(pick("<author><name>新闻办</name><email>a@b.cn</email></author>", "",
                              "<author><email>only@b.cn</email></author>"))
            parts.append(pick('<category term="政策"/>', '<category term="A" label="L"/>', ""))
            parts.append(pick(f'<content type="html"{base()}>{html_body()}</content>', "",
                              f'<summary{base()}>{html_body()}</summary>', f'<content type="text">{text()}</content>'))
            items.append(f"<entry{base()}>{''.join(rng.sample(parts, len(parts)))}</entry>")
        else:
            parts.append(pick(f"<title>{text()}</title>", ""))
            parts.append(pick(f"<link>{href()}</link>", "", f"<link{base()}>{href()}</link>"))
            parts.append(pick(f"<guid>{href()}</guid>", f'<guid isPermaLink="false">g-{rng.randint(1, 3)}</guid>',
                              f'<guid isPermaLink="true">{href()}</guid>', ""))
            parts.append(pick(f"<pubDate>{date()}</pubDate>", f"<dc:date>{date()}</dc:date>", ""))
            parts.append(pick("<author>jane@example.com (Jane)</author>", "<dc:creator>国务院</dc:creator>", "",
                              "<author>newsroom@example.com</author>"))
            parts.append(pick("<category>政策</category>", "<category>A</category><category>a</category>", ""))
            parts.append(pick(f"<description{base()}>{html_body()}</description>", ""))
            parts.append(pick(f"<content:encoded{base()}>{html_body()}</content:encoded>", ""))
            parts.append(pick(f'<enclosure url="{href()}" type="application/pdf" length="{rng.randint(0, 9)}"/>', ""))
            parts.append(pick("<comments>http://x/c</comments>", "<slash:comments>2</slash:comments>", ""))
            items.append(f"<item{base()}>{''.join(rng.sample(parts, len(parts)))}</item>")
    if atom_doc:
        return atom("".join(items), head=base()[1:]).replace(b"<title>Atom", f"<title>{text()} Atom".encode())
    return rss("".join(items), head=NS, attrs=base()[1:])


def test_random_documents_same_on_both_paths() -> None:
    rng = __import__("random").Random(20261128)
    fast_used = 0
    for n in range(400):
        body = random_doc(rng)
        fast_used += used_fast(body)
        slow, fast = both(body)
        assert fast == slow, (n, body.decode())
    assert fast_used > 380  # the comparison is mostly of the fast path, not of two fallbacks
