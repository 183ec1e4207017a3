"""Held-out list (column) pages: JCMS datastore, old table layout with TRS pager, news scroll, gov.uk."""

from __future__ import annotations

from _build_common import listing

# ------------------------------------------------------------------ Hanweb/JCMS: rows in <script type="text/xml"> datastore
J = "http://www.hz.gov.cn"
jrows = [(f"{J}/art/2021/3/{d}/art_1229063382_{n}.html", t, f"2021-03-{d:02d}") for d, n, t in [
    (16, 59041001, "杭州市人民政府关于公布第八批市级非物质文化遗产代表性项目名录的通知"),
    (15, 59040912, "杭州市人民政府办公厅关于进一步加强城市道路管理的实施意见"),
    (12, 59040555, "杭州市人民政府关于调整部分行政执法事项的决定"),
    (10, 59040301, "杭州市人民政府办公厅关于印发杭州市生活垃圾分类管理实施方案的通知"),
    (8, 59040100, "杭州市人民政府关于命名第二批市级示范文明城区的决定"),
]]
records = "\n".join(
    f'<record><![CDATA[<li><a href="/art/2021/3/{d[-2:].lstrip("0")}/{u.rsplit("/", 1)[1]}" title="{t}" target="_blank">{t}</a><span>{d}</span></li>]]></record>'
    for u, t, d in jrows)
listing("list-jcms-datastore", f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>市政府文件 杭州市人民政府门户网站</title></head>
<body><div class="header"><a href="{J}/">首页</a> <a href="{J}/col/col1228974555/index.html">政务公开</a> <a href="{J}/col/col1228974556/index.html">政务服务</a> <a href="{J}/col/col1228974557/index.html">互动交流</a></div>
<div class="left"><ul><li><a href="{J}/col/col1229063382/index.html">市政府文件</a></li><li><a href="{J}/col/col1229063383/index.html">市政府办公厅文件</a></li></ul></div>
<div class="right"><div class="title">市政府文件</div>
<div id="56789"><script type="text/xml"><datastore>
<nextgroup><![CDATA[<a href="/module/jpage/dataproxy.jsp?page=1&appid=1&webid=149&path=/&columnid=1229063382&unitid=56789&permissiontype=0"></a>]]></nextgroup>
<recordset>
{records}
</recordset></datastore></script></div>
</div>
<div class="footer"><a href="{J}/col/col1228974570/index.html">网站地图</a> <a href="{J}/col/col1228974571/index.html">联系我们</a> 版权所有 杭州市人民政府办公厅</div>
</body></html>""",
    url=f"{J}/col/col1229063382/index.html", links=jrows,
    forbidden=[f"{J}/col/col1228974555/index.html", f"{J}/col/col1229063383/index.html", f"{J}/col/col1228974570/index.html"],
    next_pages=[], features=["JCMS datastore records in script type=text/xml", "relative hrefs"])

# ------------------------------------------------------------------ old table layout, GBK, TRS createPageHTML pager, [date] cells
T = "http://www.mmxian.gov.cn/zwgk/tzgg/"
trows = [(f"{T}202103/t20210316_{n}.htm", t, d) for n, t, d in [
    (301, "关于开展2021年度防汛抗旱应急演练的通知", "2021-03-16"),
    (295, "关于做好清明节期间森林防火工作的通知", "2021-03-15"),
    (280, "县人民政府关于2021年春季农业生产工作的意见", "2021-03-11"),
    (266, "关于公布县级行政许可事项清单的公告", "2021-03-09"),
    (251, "关于开展安全生产大检查的通知", "2021-03-05"),
]]
rows_html = "\n".join(
    f'<tr><td width="20"><img src="../../images/dot.gif"></td><td><a href="./{u[len(T):]}" target="_blank"><font color="#333333">{t}</font></a></td><td width="90" align="right"><font color="#999999">[{d}]</font></td></tr>'
    for u, t, d in trows)
listing("list-table-trs-gbk", f"""<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">
<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"><title>通知公告</title></head>
<body><table width="980" align="center"><tr><td><a href="http://www.mmxian.gov.cn/">首页</a> | <a href="http://www.mmxian.gov.cn/zwgk/">政务公开</a> | <a href="http://www.mmxian.gov.cn/hdjl/">互动交流</a></td></tr></table>
<table width="980" align="center"><tr><td width="200" valign="top"><table><tr><td><a href="http://www.mmxian.gov.cn/zwgk/zfwj/">政府文件</a></td></tr><tr><td><a href="http://www.mmxian.gov.cn/zwgk/rsxx/">人事信息</a></td></tr></table></td>
<td valign="top"><table width="100%"><tr><td class="lmmc">通知公告</td></tr></table>
<table width="100%" border="0" cellspacing="0" cellpadding="0">
{rows_html}
</table>
<table width="100%"><tr><td align="center"><script type="text/javascript">
var currentPage = 0;var countPage = 8
createPageHTML(countPage, currentPage, "index", "htm");
</script></td></tr></table>
</td></tr></table>
<table width="980" align="center"><tr><td align="center">版权所有：某某县人民政府 2009-2021</td></tr></table></body></html>""",
    url=T + "index.htm", links=trows, encoding="gbk",
    forbidden=["http://www.mmxian.gov.cn/zwgk/zfwj/", "http://www.mmxian.gov.cn/zwgk/rsxx/"],
    next_pages=[T + "index_1.htm"], features=["nested tables, <font> in links", "[date] cells", "TRS createPageHTML pager", "gb2312 declared"])

# ------------------------------------------------------------------ news scroll list, div rows, dates without year
N = "https://www.chinanews.com"
nrows = [(f"{N}/gn/2021/03-16/{n}.shtml", t, None) for n, t in [
    (9433201, "全国政协十三届四次会议提案审查工作完成"),
    (9433188, "多地启动春季学期返校安排"),
    (9433150, "国家医保局：持续推进药品集中带量采购"),
    (9433122, "气象局：北方地区将有大风降温天气"),
    (9433099, "交通运输部部署春季农资运输保障工作"),
    (9433050, "教育部发布2021年高校毕业生就业促进计划"),
]]
items = "\n".join(
    f'<li><div class="dd_lm">[<a href="{N}/china/">国内</a>]</div><div class="dd_bt"><a href="//www.chinanews.com{u[len(N):]}">{t}</a></div><div class="dd_time">3-16 {9 + i}:{10 + i}</div></li>'
    for i, (u, t, _) in enumerate(nrows))
listing("list-news-scroll", f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>滚动新闻-中国新闻网</title></head>
<body><div id="nav"><a href="{N}/">首页</a><a href="{N}/china/">国内</a><a href="{N}/world/">国际</a><a href="{N}/society/">社会</a><a href="{N}/finance/">财经</a></div>
<div class="w1000"><div class="content_list"><ul>
{items}
</ul></div>
<div id="pagediv"><span class="current">1</span><a href="/scroll-news/news2.html">2</a><a href="/scroll-news/news3.html">3</a><a href="/scroll-news/news2.html">下一页</a></div>
<div class="hot"><h3>排行榜</h3><ol><li><a href="{N}/sh/2021/03-15/9432000.shtml">暖心一幕</a></li></ol></div></div>
<div id="bottom">Copyright ©1999-2021 chinanews.com. All Rights Reserved</div></body></html>""",
    url=f"{N}/scroll-news/news1.html", links=nrows,
    forbidden=[f"{N}/china/", f"{N}/world/"],
    next_pages=[f"{N}/scroll-news/news2.html"], features=["protocol-relative hrefs", "category link per row", "dates without year"])

# ------------------------------------------------------------------ gov.uk document list
G = "https://www.gov.uk"
grows = [(f"{G}/government/news/{s}", t, d) for s, t, d in [
    ("new-funding-to-help-pupils-catch-up", "New funding to help pupils catch up", "2021-03-16"),
    ("teachers-to-get-extra-training-support", "Teachers to get extra training support", "2021-03-15"),
    ("school-rebuilding-programme-first-50-schools", "School rebuilding programme: first 50 schools", "2021-03-12"),
    ("free-school-meals-holiday-support", "Free school meals holiday support extended", "2021-03-10"),
]]
gitems = "\n".join(
    f'<li class="gem-c-document-list__item"><a class="govuk-link" href="{u[len(G):]}">{t}</a>'
    f'<p class="gem-c-document-list__item-description">Announcement about {t.lower()}.</p>'
    f'<ul class="gem-c-document-list__item-metadata"><li>News story</li><li>Department for Education</li><li><time datetime="{d}">{int(d[-2:])} March 2021</time></li></ul></li>'
    for u, t, d in grows)
listing("list-govuk", f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>News and communications - GOV.UK</title></head>
<body><header class="govuk-header"><a href="{G}/">GOV.UK</a></header>
<nav class="gem-c-breadcrumbs"><a href="{G}/">Home</a> <a href="{G}/search/news-and-communications">News and communications</a></nav>
<main><h1>News and communications</h1>
<div class="filters"><a href="{G}/search/news-and-communications?topic=education">Education</a></div>
<ul class="gem-c-document-list">
{gitems}
</ul>
<nav class="govuk-pagination"><a rel="next" href="/search/news-and-communications?organisations%5B%5D=department-for-education&amp;page=2">Next page <span>2 of 40</span></a></nav>
</main><footer><a href="{G}/help/cookies">Cookies</a> <a href="{G}/help/privacy-notice">Privacy</a> © Crown copyright</footer></body></html>""",
    url=f"{G}/search/news-and-communications?organisations%5B%5D=department-for-education", links=grows,
    forbidden=[f"{G}/help/cookies", f"{G}/search/news-and-communications?topic=education"],
    next_pages=[f"{G}/search/news-and-communications?organisations%5B%5D=department-for-education&page=2"],
    features=["English", "<time datetime> per row", "rel=next pager"])
