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
    assert set(fields.values()) <= {"meta", "label", "selector", "heuristic", "url"}
    assert {"title", "published", "publisher", "via", "origin_published", "categories", "content"} <= set(fields)
    assert "author" not in fields  # dropped placeholder: no provenance either
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


def test_article_interview_question_is_not_the_author_and_video_is_an_enclosure() -> None:
    qa = "".join(f"<p><strong>记者：第{i}个问题是什么？</strong></p><p><strong>答：</strong>{'回答内容较长，' * 12}这是第{i}个回答。</p>"
                 for i in range(1, 5))
    page = ("<!DOCTYPE html><html><head><meta charset='utf-8'><title>负责人答记者问</title></head><body>"
            "<h1>负责人答记者问</h1><div class='info'>2021-03-16 10:00 来源：某某局</div>"
            "<div class='content'><video controls><source src='/v/2021/a.mp4' type='video/mp4'></video>"
            f"<p>近日，某某局负责同志就有关问题回答了记者提问。</p>{qa}</div></body></html>")
    raw = scrape.article(page.encode(), "http://www.xx.gov.cn/art/1.html", tz=TZ)
    assert raw.author is None
    assert raw.publisher == "某某局"
    assert [(e.url, e.type) for e in raw.enclosures] == [("http://www.xx.gov.cn/v/2021/a.mp4", "video/mp4")]
    assert "第4个问题" in (raw.html or "")


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


def test_list_page_month_day_rows_take_the_year_from_the_url() -> None:
    rows = "".join(
        f'<li><span class="date">[03-{d}]</span><a href="/xw/2021/art_{d}.html">第{d}条政务新闻的标题</a></li>' for d in (14, 15, 16)
    )
    page = f"<html><body><ul class='news'>{rows}</ul></body></html>"
    res = scrape.list_page(page.encode(), "http://a.gov.cn/xw/index.html", tz=TZ)
    assert [link.published for link in res.links] == [datetime(2021, 3, d, tzinfo=TZ) for d in (14, 15, 16)]


PARAS = [
    "全国一体化政务服务平台已联通31个省（区、市）及新疆生产建设兵团和40余个国务院部门，实名注册用户超过8亿人。",
    "下一步将重点推进高频事项标准化，完善电子证照共享应用，提升平台服务能力和用户体验。有关负责人表示，将坚持问题导向。",
    "专家认为，加快建设全国一体化政务服务平台，有利于打破信息孤岛和数据壁垒，让企业和群众办事少跑腿、好办事、不添堵。",
]
PBODY = "".join(f"<p>\u3000\u3000{p}</p>" for p in PARAS)
NEWS_TITLE = "我国将加快建设全国一体化政务服务平台"

PEOPLE = f"""<html><head><meta http-equiv="content-type" content="text/html;charset=GB2312"/>
<title>{NEWS_TITLE}--时政--人民网</title><meta name="publishdate" content="2021-03-16" />
<meta name="source" content="来源：人民网－人民日报" /><meta name="author" content="" /></head><body>
<div id="rwb_navpath"><a href="http://www.people.com.cn/">人民网</a>&gt;&gt;<a href="http://politics.people.com.cn/">时政</a></div>
<div class="layout rm_txt cf"><div class="col col-1 fl"><h1>{NEWS_TITLE}</h1>
<div class="col-1-1 fl">2021年03月16日08:21 | 来源：<a href="http://paper.people.com.cn/rmrb/">人民网－人民日报</a></div>
<div class="rm_txt_con cf">{PBODY}<div class="edit cf">(责编：李昉、王芳)</div></div>
<div class="rm_relevant cf"><div class="title">相关新闻</div><ul><li><a href="/n1/2021/0315/c1001-1.html">某相关新闻标题一</a></li></ul></div>
</div><div class="col col-2 fr"><div class="ph_list"><h2>热点排行</h2><ol>
<li><a href="/n1/2021/0301/c1-3.html">排行新闻标题甲乙丙丁</a> 2021-03-01</li></ol></div></div></div>
<div class="footer"><p>Copyright &copy; 1997-2021 by www.people.com.cn. all rights reserved</p></div></body></html>"""

GOVCN = f"""<html><head><meta charset="utf-8"><meta name="firstpublishedtime" content="2021-03-16-18:42:05">
<meta name="author" content=""><title>{NEWS_TITLE}_滚动新闻_中国政府网</title></head><body>
<div class="header"><div class="logo"><a href="http://www.gov.cn/">中国政府网</a></div></div>
<div class="BreadcrumbNav"><a href="../../../">首页</a> &gt; <a href="../../">新闻</a> &gt; <a href="../">滚动新闻</a></div>
<div class="article oneColumn"><h1>{NEWS_TITLE}</h1>
<div class="pages-date">2021-03-16 18:42 <span class="font">来源： 新华社</span>
<span class="font index_switchsize">【字体：<span>大</span> <span>中</span> <span>小</span>】</span><a href="javascript:window.print()">打印</a></div>
<div class="pages_content" id="UCAP-CONTENT">{PBODY}</div><div class="editor">【我要纠错】 责任编辑：张三</div>
<div class="share-code"><img src="/images/qr.jpg"><p>扫一扫在手机打开当前页</p></div></div>
<div class="footer">版权所有：中国政府网 京ICP备05070218号 网站标识码bm01000001</div></body></html>"""

OLD_TABLE = f"""<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"><title>某某县人民政府网站</title></head><body>
<table><tr><td class="nav"><a href="/">网站首页</a> <a href="/news/">新闻中心</a></td></tr></table>
<table width="960"><tr><td width="220" valign="top"><a href="show.asp?id=1200">县长主持召开常务会议研究部署工作</a><br>
<a href="show.asp?id=1201">县委理论学习中心组召开学习会议</a></td><td valign="top"><table width="100%">
<tr><td>您现在的位置：<a href="/">首页</a> &gt;&gt; <a href="/news/">工作动态</a> &gt;&gt; 正文</td></tr>
<tr><td align="center"><font size="4"><b>县政府召开春季农业生产工作会议</b></font></td></tr>
<tr><td align="center">作者：王五&nbsp;&nbsp;&nbsp;来源：本站原创&nbsp;&nbsp;&nbsp;点击数：356&nbsp;&nbsp;&nbsp;更新时间：2021-3-16</td></tr>
<tr><td class="content">{PBODY.replace('<p>', '').replace('</p>', '<br><br>')}</td></tr>
<tr><td>上一篇：<a href="show.asp?id=1233">上一条新闻标题</a><br>下一篇：<a href="show.asp?id=1235">下一条新闻标题</a></td></tr>
</table></td></tr></table><p align="center">版权所有：某某县人民政府 联系电话：0000-1234567</p></body></html>"""


def _text(html: str | None) -> str:
    import lxml.html

    return lxml.html.fromstring(html or "<div></div>").text_content()


@pytest.mark.parametrize(
    ("page", "encoding", "url", "published", "publisher", "author", "category", "title"),
    [
        (PEOPLE, "gbk", "http://politics.people.com.cn/n1/2021/0316/c1001-32052123.html",
         datetime(2021, 3, 16, 8, 21, tzinfo=TZ), "人民网－人民日报", None, "时政", NEWS_TITLE),
        (GOVCN, "utf-8", "http://www.gov.cn/xinwen/2021-03/16/content_5593175.htm",
         datetime(2021, 3, 16, 18, 42, 5, tzinfo=TZ), "新华社", None, "滚动新闻", NEWS_TITLE),
        (OLD_TABLE, "gbk", "http://www.xx.gov.cn/news/show.asp?id=1234",
         datetime(2021, 3, 16, tzinfo=TZ), None, "王五", "工作动态", "县政府召开春季农业生产工作会议"),
    ],
    ids=["people-gbk", "govcn-news", "old-table-layout"],
)
def test_article_realistic_templates(page, encoding, url, published, publisher, author, category, title) -> None:
    raw = scrape.article(page.encode(encoding), url, tz=TZ)
    assert raw.title == title
    assert raw.published == published
    assert raw.publisher == publisher
    assert raw.author == author
    assert raw.categories == (category,)
    text = _text(raw.html)
    for p in PARAS:
        assert p in text
    rest = text
    for p in PARAS:
        rest = rest.replace(p, "")
    assert rest.strip(" \n\u3000\xa0") == "", rest


def test_list_page_prefers_dated_article_rows_over_nav_and_friend_links() -> None:
    friends = "".join(f'<li><a href="http://www.site{i}.gov.cn/">某某省某某厅门户网站{i}</a></li>' for i in range(30))
    nav = "".join(f'<li><a href="/col/col{i}/index.html">栏目{i}</a></li>' for i in range(40))
    rows = "".join(
        f'<li><a href="./2021{m:02d}/t2021{m:02d}10_{m}.html">第{m}条工作动态的新闻标题</a></li>' for m in range(1, 9)
    )
    page = f"""<html><body><ul class="menu">{nav}</ul><div class="main"><ul>{rows}</ul></div>
    <div class="yqlj"><h3>友情链接</h3><ul>{friends}</ul></div></body></html>"""
    res = scrape.list_page(page.encode(), "http://www.a.gov.cn/xw/gzdt/index.html", tz=TZ)
    assert len(res.links) == 8 and all("/xw/gzdt/2021" in link.url for link in res.links)


def test_resolve_and_hostile_bits() -> None:
    page = f"""<html><head><base href="javascript:alert(1)"></head><body><h1>{TITLE}</h1>
    <div id="zoom">{BODY_P}<p><img data-src="../../img/b.png" src="data:image/gif;base64,R0lG"></p>
    <p><a href="javascript:alert(1)">脚本链接</a><a href="mailto:a@b.cn">邮件</a><a href="../doc/x.DOCX#p">附件下载</a></p></div></body></html>"""
    raw = scrape.article(page.encode(), "http://a.gov.cn/x/y/z/1.html", tz=TZ)
    html = raw.html or ""
    assert 'src="http://a.gov.cn/x/img/b.png"' in html and "data:image" not in html
    assert "javascript:" not in html
    assert [e.url for e in raw.enclosures] == ["http://a.gov.cn/x/y/doc/x.DOCX"]


def test_list_page_date_inside_link_text_and_table_rows() -> None:
    rows = "".join(
        f'<tr><td><a href="/zwgk/2021/{d}.html">第{d}号政府信息公开事项 2021-03-{d}</a></td></tr>' for d in (10, 11, 12)
    )
    page = f"<html><body><table class='list'>{rows}</table></body></html>"
    res = scrape.list_page(page.encode(), "http://a.gov.cn/zwgk/", tz=TZ)
    assert [link.title for link in res.links] == [f"第{d}号政府信息公开事项" for d in (10, 11, 12)]
    assert res.links[0].published == datetime(2021, 3, 10, tzinfo=TZ)


def test_article_short_body_beats_related_teasers_and_banner_dates() -> None:
    teasers = "".join(
        f'<li><a href="/xw/2021/03/{i}.html">相关新闻标题第{i}条，关于某某工作的报道</a>'
        f"<p>摘要：某某市召开会议，研究部署某某工作，会议强调，要坚持问题导向，狠抓工作落实，确保取得实效。</p>"
        f"<span>2021-03-0{i}</span></li>"
        for i in range(1, 6)
    )
    page = f"""<html><head><title>某市召开政务服务工作会议_某市人民政府</title></head><body>
    <div class="top">今天是：2021年3月17日 星期三 <a href="/">某市人民政府</a></div>
    <div class="main"><div class="art"><h2>某市召开政务服务工作会议</h2><div class="art-info">[ 2021-03-16 ]</div>
    <div class="art-body"><div>{PARAS[0]}</div><div><span>{PARAS[1]}</span></div></div></div>
    <div class="box2"><h3>相关新闻</h3><ul>{teasers}</ul></div></div>
    <div class="sidebar"><ul><li>发布时间：2020-12-01</li></ul></div>
    <div class="copy">版权所有 某市人民政府 ICP备12345号</div></body></html>"""
    raw = scrape.article(page.encode(), "http://www.a.gov.cn/xw/2021/0316/99.html", tz=TZ)
    assert raw.title == "某市召开政务服务工作会议"
    assert raw.published == datetime(2021, 3, 16, tzinfo=TZ)
    text = _text(raw.html)
    assert PARAS[0] in text and PARAS[1] in text and "摘要" not in text


def test_article_labels_in_spans_with_nbsp_and_prev_next_removed() -> None:
    page = f"""<html><head><title>某市召开政务服务工作会议</title></head><body>
    <h1 class="bt">某市召开政务服务工作会议</h1>
    <div class="xx"><span>发布时间&nbsp;：&nbsp;2021年03月16日&nbsp;10:05</span>&nbsp;&nbsp;<span>来源&nbsp;：&nbsp;市政务服务中心</span>
    &nbsp;&nbsp;<span>作者&nbsp;：&nbsp;王小明</span>&nbsp;&nbsp;<span>浏览次数：<em>88</em></span></div>
    <div class="nr">{"".join("<p>" + p + "</p>" for p in PARAS)}<p style="text-align:right">（编辑：张三）</p>
    <p><a href="98.html">上一篇：某某工作会议召开</a> <a href="100.html">下一篇：某某另一会议召开</a></p></div>
    <div class="side"><h3>最新文章</h3><p>发布时间：2021-03-20 某某</p></div></body></html>"""
    raw = scrape.article(page.encode(), "http://www.a.gov.cn/xw/99.html", tz=TZ)
    assert raw.published == datetime(2021, 3, 16, 10, 5, tzinfo=TZ)
    assert (raw.publisher, raw.author) == ("市政务服务中心", "王小明")
    text = _text(raw.html)
    assert "编辑" not in text and "上一篇" not in text and PARAS[1] in text


def test_list_page_picks_the_paged_column_list_over_a_longer_sidebar() -> None:
    main = "".join(
        f'<li><a href="./202103/t202103{d:02d}_{d}.html">某市{d}日召开某某工作推进会议部署</a><span>2021-03-{d:02d}</span></li>'
        for d in range(1, 16)
    )
    notice = "".join(
        f'<li><a href="/tzgg/202103/t2021{d:04d}_{d}.html">关于某某事项的通知公告第{d}号</a><span>2021-03-01</span></li>'
        for d in range(1, 25)
    )
    page = f"""<html><head><title>工作动态_某市人民政府</title></head><body><div class="container">
    <div class="left-box"><div class="tzgg"><div class="hd">通知公告</div><ul>{notice}</ul></div></div>
    <div class="right-box"><ul class="list">{main}</ul>
    <div class="page"><a href="index.html">首页</a><a href="index.html">上一页</a><a href="index_2.html">下一页</a>
    <a href="index_9.html">尾页</a><a href="index_2.html">&gt;</a></div></div></div></body></html>"""
    res = scrape.list_page(page.encode(), "http://www.a.gov.cn/xw/gzdt/index_1.html", tz=TZ)
    assert len(res.links) == 15 and res.links[0].url == "http://www.a.gov.cn/xw/gzdt/202103/t20210301_1.html"
    assert res.next_pages == ("http://www.a.gov.cn/xw/gzdt/index_2.html",)


def test_article_title_and_unlabelled_date_inside_the_body_container() -> None:
    page = f"""<html><head><title>某某网</title></head><body><div class="nav"><a href="/">某某网</a></div>
    <div id="zoom"><h2>关于做好春季防火工作的通知</h2><p class="time">2021-03-16 09:45</p>{PBODY}</div></body></html>"""
    raw = scrape.article(page.encode(), "http://a.gov.cn/tz/123.html", tz=TZ)
    assert raw.title == "关于做好春季防火工作的通知"
    assert raw.published == datetime(2021, 3, 16, 9, 45, tzinfo=TZ)
    text = _text(raw.html)
    assert "关于做好春季防火工作的通知" not in text and "09:45" not in text and PARAS[2] in text


def test_article_title_ignores_a_misconfigured_articletitle_meta() -> None:
    page = f"""<html><head><meta name="SiteName" content="某某市人民政府"><meta name="ColumnName" content="工作动态">
    <meta name="ArticleTitle" content="工作动态"><title>市长调研重点项目建设_工作动态_某某市人民政府</title></head>
    <body><h1>市长调研重点项目建设</h1><div class="TRS_Editor">{PBODY}</div></body></html>"""
    raw = scrape.article(page.encode(), "http://a.gov.cn/gzdt/202103/t20210316_1.html", tz=TZ)
    assert raw.title == "市长调研重点项目建设"


def test_article_refuses_a_page_whose_best_block_is_a_teaser_list() -> None:
    rows = "".join(f'<li><a href="/art/{i}.html">关于做好第{i}项重点工作的通知</a><span>2021-03-{i % 28 + 1:02d}</span></li>'
                   for i in range(40))
    page = f"""<html><head><title>某某市人民政府</title></head><body><div class="nav"><a href="/">首页</a></div>
    <div class="main"><ul>{rows}</ul></div><div class="footer">版权所有</div></body></html>"""
    with pytest.raises(ExtractError):
        scrape.article(page.encode(), "http://a.gov.cn/", tz=TZ)


def test_article_attachment_list_notice_is_still_an_article() -> None:
    files = "".join(f'<p><a href="/att/P02021031{i}.pdf">附件{i}：第{i}批名单</a></p>' for i in range(1, 8))
    page = f"""<html><head><title>关于公布名单的通知</title></head><body><h1>关于公布名单的通知</h1>
    <div class="TRS_Editor"><p>现将名单予以公布。</p>{files}</div></body></html>"""
    raw = scrape.article(page.encode(), "http://a.gov.cn/tz/t20210316_1.html", tz=TZ)
    assert len(raw.enclosures) == 7


def test_article_body_beats_a_1200_row_dated_list_quickly() -> None:
    import time

    rows = "".join(f'<li><a href="/xxgk/{i}.html">第{i}条政府信息公开目录标题</a><span>2021-03-16</span></li>' for i in range(1200))
    page = f"""<html><head><title>镇党委召开学习会议_某某镇</title></head><body><table><tr>
    <td><ul>{rows}</ul></td><td><div style="font-weight:bold">镇党委召开学习会议</div><div>{PBODY}</div></td>
    </tr></table></body></html>""".encode()
    raw = scrape.article(page, "http://a.gov.cn/xw/3456.html", tz=TZ)
    text = _text(raw.html)
    assert PARAS[2] in text and "政府信息公开目录" not in text
    t0 = time.perf_counter()
    scrape.article(page, "http://a.gov.cn/xw/3456.html", tz=TZ)
    assert time.perf_counter() - t0 < 1.0  # ~40 ms here; loose for slow CI


def test_article_css_module_container_and_fields_from_classes_and_scripts() -> None:
    page = f"""<html><head><title>某某新闻</title><script>window.DATA = {{"id":"1","media":"中国新闻网"}};</script></head>
    <body><h1>某某新闻标题在这里</h1><div class="byline">作者 <a href="/u/1">刘洋</a></div>
    <div class="index_main_2Aq"><div class="index_text_D0U1y">{PBODY}</div></div>
    <div class="index_hot_3x"><a href="/1">热点一</a></div></body></html>"""
    raw = scrape.article(page.encode(), "https://news.example.com/c/85iVt", tz=TZ)
    assert raw.publisher == "中国新闻网" and raw.author == "刘洋"
    assert "热点一" not in _text(raw.html) and PARAS[0] in _text(raw.html)


def test_article_meta_date_with_seconds_refines_pubdate() -> None:
    page = f"""<html><head><meta name="PubDate" content="2021-04-23 20:05">
    <meta name="firstpublishedtime" content="2021-04-23-20:05:32"><title>标题_中国政府网</title></head>
    <body><h1>标题</h1><div id="UCAP-CONTENT">{PBODY}</div></body></html>"""
    raw = scrape.article(page.encode(), "http://www.gov.cn/xinwen/2021-04/23/content_1.htm", tz=TZ)
    assert raw.published == datetime(2021, 4, 23, 20, 5, 32, tzinfo=TZ)
