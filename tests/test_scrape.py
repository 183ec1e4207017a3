"""Unit tests of aggregator.scrape on small inline pages (the corpus test is test_corpus.py)."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from aggregator import scrape
from aggregator.config import Selectors
from aggregator.errors import ExtractError

TZ = ZoneInfo("Asia/Shanghai")
BODY_P = (
    "<p>1月26日上午，省委常委会召开扩大会议，认真学习贯彻习近平总书记在中共中央政治局常务委员会会议上的"
    "重要讲话精神，研究贯彻落实意见；听取全省疫情防控工作汇报，研究部署下一步工作。</p>"
    "<p>会议强调，要全面摸排核查，对春节期间从疫情严重地区来我省人员，逐一查找、密切跟踪。对新进入我省人员，"
    "在车站、机场、码头、高速公路口、服务区等重要关口，一律设置监测点，该留观的留观。</p>"
)
TITLE = "省委常委会召开扩大会议,研究部署疫情防控工作"

SEED = f"""<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<title>{TITLE}_法治资讯网</title></head>
<body>
<div class="top">政讯通中心 <span>欢迎加入法治资讯网!</span></div>
<div class="logo"><h1><a href="/">法治资讯网</a></h1></div>
<div class="nav"><ul><li><a href="/">网站首页</a></li><li><a href="/rd/">热点聚焦</a></li></ul></div>
<div class="position">当前所在:<a href="/">首页</a> &gt; <a href="/rd/">热点聚焦</a> &gt; {TITLE}</div>
<div class="main"><div class="left">
<h2>{TITLE}</h2>
<div class="info">发布时间:2021-03-16 来源: 山东省司法厅 作者:佚名</div>
<div class="con">{BODY_P}
<p><img src="../img/a.jpg" oldsrc="a.jpg"></p>
<p>原文链接:<a href="http://sft.shandong.gov.cn/articles/ch04359/202001/60ce585e.shtml">http://sft.shandong.gov.cn/articles/ch04359/202001/60ce585e.shtml</a></p>
<p><a href="./P020210316.pdf">附件1：名单</a></p>
<p>【打印本页】 【关闭窗口】</p>
</div></div>
<div class="right"><h3>热门文章</h3><ul>
<li><a href="/a/1.html">某热门文章标题一二三</a> 2021-01-01</li>
<li><a href="/a/2.html">某热门文章标题四五六</a> 2021-01-02</li></ul></div>
</div>
<div class="footer">联系我们 版权所有 法治资讯网 2020-01-01 邮箱：qgfzdyzx@163.com</div>
</body></html>"""
URL = "http://www.fzzx.org.cn/rd/2021/0316/123.html"


def test_article_seed_like_gbk_page() -> None:
    raw = scrape.article(SEED.encode("gbk"), URL, tz=TZ, found_on="http://www.fzzx.org.cn/rd/")
    assert raw.title == TITLE
    assert raw.published == datetime(2021, 3, 16, tzinfo=TZ) and raw.date_only
    assert raw.publisher == "山东省司法厅"
    assert raw.author is None  # 佚名 is a placeholder
    assert raw.via == "http://sft.shandong.gov.cn/articles/ch04359/202001/60ce585e.shtml"
    assert raw.origin_published == datetime(2020, 1, 1, tzinfo=TZ)
    assert raw.categories == ("热点聚焦",)
    assert raw.found_on == "http://www.fzzx.org.cn/rd/"
    assert raw.extractor.startswith("html:")
    html = raw.html or ""
    assert "省委常委会召开扩大会议，认真学习" in html and "逐一查找" in html
    for junk in ("原文链接", "打印", "热门", "版权所有", "发布时间", "网站首页", "sft.shandong"):
        assert junk not in html, junk
    assert 'src="http://www.fzzx.org.cn/rd/2021/img/a.jpg"' in html and "oldsrc" not in html
    assert [e.url for e in raw.enclosures] == ["http://www.fzzx.org.cn/rd/2021/0316/P020210316.pdf"]
    assert raw.enclosures[0].type == "application/pdf"
    fields = {p.field: p.how for p in raw.provenance}
    assert fields["published"] == "label" and fields["publisher"] == "label"
    assert fields["title"] in ("heuristic", "meta") and "via" in fields


def test_article_meta_tags_win_and_time_upgrade() -> None:
    page = f"""<html><head><meta name="ArticleTitle" content="关于印发某某办法的通知">
    <meta name="PubDate" content="2021-03-16 09:30"><meta name="ContentSource" content="国家发展改革委">
    <title>关于印发某某办法的通知 - 国家发展和改革委员会</title></head><body>
    <div class="sidebar"><ul><li>发布时间：2019-01-01</li></ul></div>
    <h1>关于印发某某办法的通知</h1><div class="TRS_Editor">{BODY_P}</div></body></html>"""
    raw = scrape.article(page.encode(), "https://www.ndrc.gov.cn/xxgk/zcfb/tz/202103/t20210316_1.html", tz=TZ)
    assert raw.title == "关于印发某某办法的通知"
    assert raw.published == datetime(2021, 3, 16, 9, 30, tzinfo=TZ) and not raw.date_only
    assert raw.publisher == "国家发展改革委"
    assert raw.extractor == "html:known"
    prov = {p.field: (p.how, p.detail) for p in raw.provenance}
    assert prov["published"] == ("meta", "pubdate") and prov["publisher"][0] == "meta"


def test_article_script_date_and_url_fallback() -> None:
    page = f"""<html><head><title>全国人大常委会会议闭幕 _ 中国人大网</title>
    <script>var fbrq = "2021年03月16日 10:30";</script></head>
    <body><div class="tit">全国人大常委会会议闭幕</div><div id="Zoom">{BODY_P}</div></body></html>"""
    raw = scrape.article(page.encode(), "http://www.npc.gov.cn/npc/c30834/202103/abc.shtml", tz=TZ)
    assert raw.title == "全国人大常委会会议闭幕"
    assert raw.published == datetime(2021, 3, 16, 10, 30, tzinfo=TZ)
    page2 = f"<html><head><title>某某</title></head><body><div id='zoom'>{BODY_P}</div></body></html>"
    raw2 = scrape.article(page2.encode(), "http://x.gov.cn/col/202103/t20210316_99.html", tz=TZ)
    assert raw2.published == datetime(2021, 3, 16, tzinfo=TZ) and raw2.date_only
    assert ("published", "url") in {(p.field, p.how) for p in raw2.provenance}


def test_article_selectors_override_and_remove() -> None:
    page = f"""<html><body><div class="t">自定标题</div><span class="d">2020/05/06 08:00</span>
    <span class="s">某某局</span><div class="body">{BODY_P}<div class="ad">广告内容文字文字</div></div>
    <div id="zoom">别的内容，不是正文。别的内容，不是正文。</div></body></html>"""
    sel = Selectors(title=".t", published=".d", content=".body", publisher=".s", remove=(".ad",))
    raw = scrape.article(page.encode(), "http://x.gov.cn/a.html", selectors=sel, tz=TZ)
    assert raw.title == "自定标题"
    assert raw.published == datetime(2020, 5, 6, 8, 0, tzinfo=TZ)
    assert raw.publisher == "某某局"
    assert "广告内容" not in (raw.html or "") and "别的内容" not in (raw.html or "")
    assert raw.extractor == "html:selector"


def test_article_without_text_raises() -> None:
    with pytest.raises(ExtractError):
        scrape.article(b"", "http://x.gov.cn/a.html", tz=TZ)
    with pytest.raises(ExtractError):
        scrape.article(b"<html><body><div></div></body></html>", "http://x.gov.cn/a.html", tz=TZ)


def test_article_forced_encoding_wins() -> None:
    page = f"<html><head><meta charset='utf-8'><title>{TITLE}</title></head><body><h1>{TITLE}</h1><div id='zoom'>{BODY_P}</div></body></html>"
    raw = scrape.article(page.encode("gb18030"), URL, encoding="gbk", tz=TZ)
    assert raw.title == TITLE


LIST = """<html><head><base href="http://www.example.gov.cn/col/"><title>通知公告_某某局</title></head><body>
<div class="nav"><a href="/">首页</a><a href="/a/">机构概况</a><a href="/b/">政务公开</a></div>
<div class="list"><ul>
<li><a href="./202103/t20210316_1.html" title="关于开展2021年度某某工作的通知全文很长很长">关于开展2021年度某某工作的…</a><span>2021-03-16</span></li>
<li><a href="./202103/t20210315_2.html">关于公布某某名单的公告</a><span>2021-03-15</span></li>
<li><a href="../other/202103/t20210314_3.html">某某局召开专题会议研究部署</a><span>[2021-03-14 09:00]</span></li>
<li><a href="javascript:void(0)">不是链接的条目标题</a><span>2021-03-13</span></li>
<li><a href="./files/a.pdf">附件下载某某文件</a><span>2021-03-12</span></li>
</ul></div>
<div class="side"><h3>热门排行</h3><ul><li><a href="/x/1.html">热门文章一号标题</a></li>
<li><a href="/x/2.html">热门文章二号标题</a></li><li><a href="/x/3.html">热门文章三号标题</a></li></ul></div>
<div class="page"><a href="index_1.html">下一页</a></div>
</body></html>"""


def test_list_page_auto_rows_dates_titles_and_next() -> None:
    page = scrape.list_page(LIST.encode(), "http://www.example.gov.cn/col/index.html", tz=TZ)
    urls = [link.url for link in page.links]
    assert urls == [
        "http://www.example.gov.cn/col/202103/t20210316_1.html",
        "http://www.example.gov.cn/col/202103/t20210315_2.html",
        "http://www.example.gov.cn/other/202103/t20210314_3.html",
    ]
    assert page.links[0].title == "关于开展2021年度某某工作的通知全文很长很长"
    assert page.links[0].published == datetime(2021, 3, 16, tzinfo=TZ) and page.links[0].date_only
    assert page.links[2].published == datetime(2021, 3, 14, 9, 0, tzinfo=TZ)
    assert page.next_pages == ("http://www.example.gov.cn/col/index_1.html",)
    assert page.title == "通知公告_某某局"
    assert page.how == "auto"


def test_list_page_selector() -> None:
    page = scrape.list_page(LIST.encode(), "http://www.example.gov.cn/col/index.html", selector=".side li", tz=TZ)
    assert [link.title for link in page.links][:1] == ["热门文章一号标题"]
    assert page.how == "selector"


def test_list_page_hanweb_script_arrays_gbk() -> None:
    page = """<html><head><meta charset="gbk"></head><body><div class="nav"><a href="/">首页</a></div>
    <script language="javascript">
    var i=0; var urls=new Array(); var headers=new Array(); var year=new Array(); var month=new Array(); var day=new Array();
    urls[i]='/art/2021/3/16/art_123_456.html';headers[i]='北京市科委发布某某通知';year[i]='2021';month[i]='03';day[i]='16';i++;
    urls[i]='/art/2021/3/15/art_123_455.html';headers[i]='关于某某项目申报的公告';year[i]='2021';month[i]='03';day[i]='15';i++;
    urls[i]="/art/2021/3/14/art_123_454.html";headers[i]="第三条新闻的标题文字";year[i]='2021';month[i]='03';day[i]='14';i++;
    </script></body></html>"""
    res = scrape.list_page(page.encode("gbk"), "http://kw.beijing.gov.cn/col/col123/index.html", tz=TZ)
    assert [link.url for link in res.links] == [
        "http://kw.beijing.gov.cn/art/2021/3/16/art_123_456.html",
        "http://kw.beijing.gov.cn/art/2021/3/15/art_123_455.html",
        "http://kw.beijing.gov.cn/art/2021/3/14/art_123_454.html",
    ]
    assert res.links[0].title == "北京市科委发布某某通知"
    assert res.links[1].published == datetime(2021, 3, 15, tzinfo=TZ)


def test_list_page_hanweb_datastore_and_document_write() -> None:
    rec = "".join(
        f"<record><![CDATA[<li><a href='/art/2021/3/{d}/art_1_{d}.html' title='数据仓库条目标题{d}'>数据仓库条目标题{d}</a><span>2021-03-{d}</span></li>]]></record>"
        for d in (10, 11, 12)
    )
    page = f"""<html><body><div id="x"><script type="text/xml"><datastore><recordset>{rec}</recordset></datastore></script></div>
    <script>document.write('<ul><li><a href="/w/1.html">脚本写出的第一条标题</a></li>');</script></body></html>"""
    res = scrape.list_page(page.encode(), "http://www.zj.gov.cn/col/col1/index.html", tz=TZ)
    assert len(res.links) == 3 and res.links[0].url == "http://www.zj.gov.cn/art/2021/3/10/art_1_10.html"
    assert res.links[2].published == datetime(2021, 3, 12, tzinfo=TZ)
    page2 = """<html><body><script>
    document.write('<ul class="list"><li><a href="./202103/t20210316_1.html">写出的第一条新闻标题</a><span>2021-03-16</span></li>');
    document.write('<li><a href="./202103/t20210315_2.html">写出的第二条新闻标题</a><span>2021-03-15</span></li></ul>');
    </script></body></html>"""
    res2 = scrape.list_page(page2.encode(), "http://a.gov.cn/xw/index.html", tz=TZ)
    assert [link.url for link in res2.links] == [
        "http://a.gov.cn/xw/202103/t20210316_1.html", "http://a.gov.cn/xw/202103/t20210315_2.html"]


@pytest.mark.parametrize(
    ("script", "url", "expected"),
    [
        ('createPageHTML(4, 0, "index", "html");', "http://a.gov.cn/xw/index.html",
         ["http://a.gov.cn/xw/index_1.html", "http://a.gov.cn/xw/index_2.html", "http://a.gov.cn/xw/index_3.html"]),
        ('var countPage = 3;var currentPage = 1;var prefixName = "index";var suffixName = "shtml";'
         "createPageHTML(countPage, currentPage, prefixName, suffixName);",
         "http://a.gov.cn/xw/index_1.shtml", ["http://a.gov.cn/xw/index_2.shtml"]),
        ('createPageHTML("page_div",3, 1,"index","html",60);', "http://a.gov.cn/xw/",
         ["http://a.gov.cn/xw/index_1.html", "http://a.gov.cn/xw/index_2.html"]),
    ],
)
def test_list_page_trs_pager(script: str, url: str, expected: list[str]) -> None:
    page = f"""<html><body><ul><li><a href="./t20210316_1.html">第一条新闻的标题</a> 2021-03-16</li>
    <li><a href="./t20210315_2.html">第二条新闻的标题</a> 2021-03-15</li></ul>
    <div class="page"><script>{script}</script></div></body></html>"""
    res = scrape.list_page(page.encode(), url, tz=TZ)
    assert list(res.next_pages) == expected


def test_list_page_without_links_raises() -> None:
    with pytest.raises(ExtractError):
        scrape.list_page(b"<html><body><p>nothing</p></body></html>", "http://a.gov.cn/", tz=TZ)


def test_page_title() -> None:
    assert scrape.page_title("<html><head><title> 某某 \n 网站 </title></head></html>".encode("gbk")) == "某某 网站"
    assert scrape.page_title(b"") is None
