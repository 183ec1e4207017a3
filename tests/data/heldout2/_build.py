"""Rewrite the second held-out corpus: `python tests/data/heldout2/_build.py`.

Each page reproduces the structure of a REAL page layout seen in public scraper
fixtures (class names, metadata lines, duplicated mobile/PC metadata, widgets
inside the body, 150–300 KB of menus/footers/scripts), with text written here.
The expected JSON uses the format of tests/data/heldout. Pages named `noart-*`
are not articles (home page, soft 404, login wall): article() must raise
ExtractError or return a small body for them.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from _chrome import css_blob, date_of, dated_list, footer_links, headline, js_blob, mega_menu, select_links  # noqa: E402

PAGES: list[tuple[str, bytes, dict]] = []


def paras(texts: list[str], tpl: str = "<p>{}</p>") -> str:
    return "\n".join(tpl.format(t) for t in texts)


def article(name: str, html: str, *, url: str, title: str, published: str | None, text: list[str],
            must_not: list[str], publisher: str | None = None, origin: str | None = None,
            author: str | None = None, images: list[str] | None = None, enclosures: list[str] | None = None,
            charset: str | None = None, encoding: str = "utf-8", features: list[str] | None = None) -> None:
    exp = {"kind": "article", "url": url, "charset": charset, "title": title, "published": published,
           "author": author, "publisher": publisher, "origin_url": origin, "category": None,
           "text": "\n".join(text), "must_not_contain": must_not, "enclosures": enclosures or [],
           "images": images or [], "features": features or [], "short": False}
    PAGES.append((name, html.encode(encoding), exp))


def noarticle(name: str, html: str, *, url: str, must_not: list[str], features: list[str]) -> None:
    exp = {"kind": "noarticle", "url": url, "charset": None, "must_not_contain": must_not, "features": features}
    PAGES.append((name, html.encode("utf-8"), exp))


DOCTYPE = '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">\n'

# ------------------------------------------------------------------ mee.gov.cn (TRS, duplicated metadata)
T1 = [
    "　　4月12日，生态环境部召开部常务会议，审议并原则通过两项国家环境保护标准，研究部署近期重点工作。会议强调，要坚持精准治污、科学治污、依法治污。",
    "　　会议指出，标准是生态环境管理的重要技术依据，要加强标准宣传解读和实施评估，指导地方和企业准确理解、严格执行，切实发挥标准的引领和约束作用。",
    "　　会议要求，各司局要围绕深入打好污染防治攻坚战，抓紧推进重点任务落实，统筹做好春季大气污染防治、水源地保护和固体废物监管等工作。",
    "　　会议还研究了其他事项。部领导班子成员出席会议，驻部纪检监察组负责同志和各司局主要负责同志列席会议。",
]
article("mee-trs-dupmeta", DOCTYPE + f"""<html><head><meta charset="UTF-8">
<title>生态环境部召开部常务会议_中华人民共和国生态环境部</title>
<meta name="SiteName" content="中华人民共和国生态环境部" />
<meta name="SiteDomain" content="www.mee.gov.cn" />
<meta name="ColumnName" content="环境要闻" />
<meta name="ArticleTitle" content="生态环境部召开部常务会议"   />
<meta name="PubDate" content="2021-04-12 18:20:00"   />
<meta name="ContentSource" content="生态环境部"   />
<meta name="Keywords" content=""  />
<meta name="Author" content=""   />
<meta name="publishdate" content="2021-04-12">
<meta name="source" content="生态环境部">
{css_blob(30)}{js_blob(25)}
</head><body>
<div class="header"><div class="headerC center"><a class="AppBtn" target="_parent">手机版</a><ul>
<li class="header_mailbox_li"><a href="https://email.mee.gov.cn/" target="_blank">邮箱</a></li>
<li><a href="http://english.mee.gov.cn/" target="_blank">EN</a></li></ul></div></div>
<div class="header_logo"><div class="logoSearchBox center"><a class="logo" href="/" target="_parent"><img src="/images/logo.png" /></a>
<div class="logoSearchR"><form action="/searchnew/" method="get"><input id="searchword" name="searchword" type="text" placeholder="请输入您要搜索的内容" /><input type="submit" value="搜索" /></form>
<div class="searchWord">热门搜索：<a href="/searchnew?searchword=a">环境影响评价</a> <a href="/searchnew?searchword=b">空气质量</a></div></div></div></div>
{mega_menu("www.mee.gov.cn", 240, "mainNav")}
<div class="innerBaseBanner"><div class="center"><h2>要闻动态</h2>
<div class="crumbsNav">当前位置：<a href="../../../" class="CurrChnlCls">首页</a>&nbsp;>&nbsp;<a href="../../" class="CurrChnlCls">要闻动态</a>&nbsp;>&nbsp;<a href="../" class="CurrChnlCls">环境要闻</a></div></div></div>
<div class="innerBg"><div class="innerCenter"><div class="wzsmCenter"><div class="innerBzCenter"><div class="stbzXq"><div class="neiright_Box">
<h2 class="neiright_Title">生态环境部召开部常务会议</h2>
<div class="neiright_Content"><div class="neiright_JPZ_GK">
<p class="ydLyZzBox"><span>2021-04-12</span><span>来源：生态环境部</span></p>
<span class="xqLyPc time">2021-04-12</span>
<span class="xqLyPc">来源：生态环境部</span>
<div class="neiright_JPZGK">分享到：<div class="bshare-custom icon-medium"><a title="分享到微信" class="bshare-weixin"></a><a title="分享到新浪微博" class="bshare-sinaminiblog"></a></div></div>
<span class="zzjgLdPrint"><a href="javascript:void(1)" onclick="window.print()">[打印]</a></span>
<span class="zzjgLdFont">字号：<a>[大]</a> <a class="active">[中]</a> <a>[小]</a></span>
</div>
<div class="neiright_JPZ_GK_CP"><div class=TRS_Editor><div class="Custom_UnionStyle">
{paras(T1, '<div>{}</div>')}
</div></div></div>
</div></div></div></div>
<div class="stbzCBaseXq" id="recommend-rel" style="display: none"><div class="cjcs_com_tt"><h2>相关阅读推荐</h2></div><div class="cjcx_hdjl_liebadd"><ul></ul></div></div>
</div></div></div>
<div class="footer"><div class="footerTopUl"><div class="center">{footer_links(180, "footerLinks")}</div></div>
<div class="footer_BBox"><ul><li><a href="/home/wzsm/">网站声明</a></li><li><a href="/home/wzdt/">网站地图</a></li></ul>
<p>版权所有：中华人民共和国生态环境部<span>|</span>ICP备案编号: <a href="https://beian.miit.gov.cn">京ICP备05009132号</a></p></div></div>
<div class="footerMoble"><p>版权所有：中华人民共和国生态环境部 </p><div class="style_pc">电脑版</div></div>
{js_blob(40)}
</body></html>""",
    url="https://www.mee.gov.cn/ywdt/hjywnews/202104/t20210412_828222.shtml",
    title="生态环境部召开部常务会议", published="2021-04-12T18:20:00+08:00", publisher="生态环境部",
    text=[t.strip("　") for t in T1],
    must_not=["分享到", "打印", "字号", "相关阅读推荐", "版权所有", "友情链接", "热门搜索", "当前位置"],
    features=["metadata twice (mobile p.ydLyZzBox + PC spans)", "unquoted class=TRS_Editor", "180 footer links",
              "240-link mega menu", "30 KB css + 65 KB js"])

# ------------------------------------------------------------------ people.com.cn (rm_txt_con > bza > rm_txt_zw, script in p)
T2 = [
    "本报北京4月20日电（记者王建华）国家统计局20日发布数据，一季度全国规模以上工业增加值同比增长，制造业投资持续回升，市场销售稳步恢复。",
    "国家统计局新闻发言人表示，一季度国民经济开局良好，主要指标恢复性增长，就业形势总体稳定，居民消费价格温和上涨，经济发展呈现稳中加固态势。",
    "从需求看，社会消费品零售总额增长较快，网上零售占比提高；从供给看，高技术制造业增加值增速明显快于全部规模以上工业，产业升级态势明显。",
    "发言人同时指出，国际环境依然复杂严峻，国内经济恢复仍不均衡，下一步要巩固拓展经济恢复成果，推动经济运行保持在合理区间。",
]
article("people-rmtxt-script", DOCTYPE + f"""<html><head><meta http-equiv="content-type" content="text/html;charset=UTF-8"/>
<title>一季度国民经济开局良好--经济·科技--人民网</title>
<meta name="keywords" content="统计局,一季度"/>
<meta name="publishdate" content="2021-04-21"/>
<meta name="source" content="来源：人民网－人民日报"/>
{css_blob(20)}
</head><body>
<div class="main"><div class="rm_nav cf" id="rm_topnav"><div class="layout rm_nav_con cf">{mega_menu("www.people.com.cn", 150, "rm_menu")}</div></div></div>
<div class="main"><div class="layout rm_txt cf"><div class="col col-1 fl">
<div class="channel cf"><a href="http://www.people.com.cn/" class="clink">人民网</a>&gt;&gt;<a href="http://finance.people.com.cn/" class="clink">经济·科技</a></div>
<h3 class="pre"></h3>
<h1>一季度国民经济开局良好</h1>
<h4 class="sub"></h4>
<div class="col-1-1 fl">2021年04月21日05:34 | 来源：<a href="http://paper.people.com.cn/rmrb/" target="_blank">人民网－人民日报</a></div>
<div class="col-1-1 fr"><span>分享到：</span><a class="bds_weixin" href="#"></a></div>
<div class="rm_txt_con cf">
<div class="bza"><span></span></div>
<div id="rm_txt_zw">
<div class="box_pic"></div>
<p> <script id="q_v_j-1" src="//video.people.cn/people-video.js"></script><script>showPlayer({{scriptId: 'q_v_j-1', videoInfo: [{{src: 'x.mp4'}}]}});</script> </p>
{paras(T2, '<p style="text-indent: 2em;">{}</p>')}
<div class="edit cf"><p>（责编：袁勃、赵欣悦）</p></div>
</div></div>
<div class="rm_relevant cf">{dated_list("finance.people.com.cn", 8, "相关新闻", "rel")}</div>
</div>
<div class="col col-2 fr">{dated_list("www.people.com.cn", 60, "热点排行", "rm_ranking")}{dated_list("www.people.com.cn", 40, "图片推荐", "rm_tj", 60)}</div>
</div></div>
<div class="footer">{footer_links(60, "rm_foot")}<p>人 民 网 版 权 所 有 ，未 经 书 面 授 权 禁 止 使 用</p></div>
{js_blob(90)}
</body></html>""",
    url="http://finance.people.com.cn/n1/2021/0421/c1004-32083377.html",
    title="一季度国民经济开局良好", published="2021-04-21T05:34:00+08:00", publisher="人民网－人民日报",
    text=T2, must_not=["责编", "showPlayer", "相关新闻", "热点排行", "版 权 所 有", "分享到"],
    features=["rm_txt_con > bza > rm_txt_zw", "<script> inside the first <p>", "right column 100 teasers"])

# ------------------------------------------------------------------ chinanews (left_zw, 中新社 link, table ad, function_code_page)
T3 = [
    "　　中新社南宁4月18日电 (记者 陈燕)第十八届中国—东盟博览会筹备工作会议18日在南宁召开，会议通报了本届博览会的总体安排和筹备进展。",
    "　　据介绍，本届博览会将设置商品贸易、投资合作、服务贸易、先进技术和“魅力之城”五大专题，展览总面积预计与上届持平，线上线下同步举办。",
    "　　博览会秘书处负责人表示，将进一步提升展会专业化、市场化水平，邀请更多东盟国家企业参展，打造区域合作的重要平台。",
    "　　会议要求，各参展单位要抓紧完善招商招展方案，做好疫情防控和安全保障工作，确保博览会顺利举办。(完)",
]
article("chinanews-leftzw", DOCTYPE + f"""<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8" />
<title>第十八届中国—东盟博览会筹备工作会议召开-中新网</title>
<meta name="keywords" content="东盟博览会" />
<meta name="description" content="第十八届中国—东盟博览会筹备工作会议18日在南宁召开。" />
{css_blob(15)}
</head><body>
<div id="navbar">{mega_menu("www.chinanews.com.cn", 120, "navbar")}</div>
<div class="w1000 content_maincontent_more">
<div id="nav"><a href="http://www.chinanews.com.cn/">中新网首页</a><span>&gt;</span><a href="http://www.chinanews.com.cn/cj/gd.shtml">财经新闻</a><span>&gt;</span>正文</div>
<div class="content">
<div class="content_left_title"><h1 style="display:block; margin:0 auto;">第十八届中国—东盟博览会筹备工作会议召开</h1></div>
<div class="left_time"><div class="left-t" style="padding-left:0px;">2021年04月18日 16:52　来源：<a href="http://www.chinanews.com.cn/" target="_blank">中国新闻网</a>&nbsp;&nbsp;&nbsp;&nbsp;</div>
<div class="left-r"><span class="share">分享到：</span></div></div>
<div class="left_ph"></div>
<div class="left_zw" style="position:relative">
<p>　　<a target='_blank' href='http://www.chinanews.com.cn/'>中新社</a>{T3[0][5:]}</p>
<table border=0 cellspacing=0 cellpadding=0 align=left style="padding-right:10px;"><tr><td><div id="adhzh" name="hzh"><script>(function(){{var s="_ad_" + Math.random();}})();</script></div></td></tr></table>
{paras(T3[1:])}
<div id="function_code_page"></div>
</div>
<div class="adEditor"><div class="left_name"><div class="left_name">【编辑:张燕玲】</div></div></div>
<div id="function_code_pager"><a href="http://www.chinanews.com.cn/cj/2021/04-18/9457000.shtml">上一篇</a></div>
<div class="hot_pic">{dated_list("www.chinanews.com.cn", 30, "精彩图片", "pic")}</div>
</div>
<div class="content_right">{dated_list("www.chinanews.com.cn", 80, "新闻排行", "paihang")}</div>
</div>
<div id="bottom">{footer_links(40, "footer")}<p>Copyright ©1999-2021 chinanews.com. All Rights Reserved</p></div>
{js_blob(20)}
</body></html>""",
    url="http://www.chinanews.com.cn/cj/2021/04-18/9457101.shtml",
    title="第十八届中国—东盟博览会筹备工作会议召开", published="2021-04-18T16:52:00+08:00", publisher="中国新闻网",
    text=[t.strip("　") for t in T3], must_not=["编辑:张燕玲", "上一篇", "新闻排行", "Copyright", "分享到", "精彩图片"],
    features=["first <p> starts with a 中新社 link", "ad table inside body", "【编辑:】 after body"])

# ------------------------------------------------------------------ news.cn (#detail > span#detailContent, split date)
T4 = [
    "新华社北京4月22日电（记者刘洋）记者22日从交通运输部获悉，今年一季度全国完成交通固定资产投资同比增长，公路水路建设保持较快进度。",
    "交通运输部有关负责人介绍，一季度多个国家高速公路网待贯通路段开工建设，内河高等级航道建设加快推进，农村公路建设持续推进。",
    "这位负责人表示，下一步将加快推进重大工程项目建设，扩大有效投资，推动交通运输高质量发展，为经济社会发展提供有力支撑。",
]
article("newscn-detailcontent", f"""<!DOCTYPE html><html><head><meta charset="utf-8">
<title>一季度全国交通固定资产投资同比增长-新华网</title>
<meta name="keywords" content="交通运输部">
<meta name="description" content="一季度全国交通固定资产投资同比增长-">
<meta name="source" content="新华网">
{css_blob(12)}{js_blob(15)}
</head><body>
<div class="header">{mega_menu("www.news.cn", 200, "nav")}</div>
<div class="header-cont clearfix">
<div class="header-time left"><span class="year"><em> 2021</em></span><span class="day"><em> 04</em>/<em>22</em></span><span class="time"> 19:05:43</span></div>
<div class="source">来源：新华网</div>
<div class="head-line clearfix"><h1><span class="title">一季度全国交通固定资产投资同比增长</span><span class="btn-audio"></span></h1>
<div class="pageShare"><div class="setFont">字体：<span class="bigger">+</span><span class="smaller">-</span></div><div class="share">分享到：</div></div></div>
</div>
<div class="main clearfix"><div class="main-left left">
<div id="detail"><span id="detailContent">{paras(T4)}</span>
<div id="articleEdit"><span class="tiyi1 domPC"><a href="javascript:void(0);" class="advise">【纠错】</a></span><span class="editor">【责任编辑:王华】</span></div>
</div>
<div class="columBox xhpl">{dated_list("www.news.cn", 12, "相关新闻", "list")}</div>
</div>
<div class="main-right right">{dated_list("www.news.cn", 50, "新华推荐", "list")}</div></div>
<div class="foot">{footer_links(30, "foot-links")}<p>Copyright © 2000-2021 XINHUANET.com All Rights Reserved.</p></div>
</body></html>""",
    url="http://www.news.cn/2021-04/22/c_1127362712.htm",
    title="一季度全国交通固定资产投资同比增长", published="2021-04-22T19:05:43+08:00", publisher="新华网",
    text=T4, must_not=["纠错", "责任编辑", "新华推荐", "相关新闻", "Copyright", "字体"],
    features=["span#detailContent", "date split over .year/.day/.time", "title in h1>span.title"])

# ------------------------------------------------------------------ gov.cn (pages-date, UCAP-CONTENT, editor line)
T5 = [
    "　　国务院总理主持召开国务院常务会议，部署进一步推进医疗保障制度改革，听取关于全国深化“放管服”改革优化营商环境工作情况汇报。",
    "　　会议指出，要坚持以人民为中心，完善覆盖全民的医疗保障体系，推动门诊费用跨省直接结算，让群众看病就医更加便利。",
    "　　会议要求，各地区各部门要持续深化“放管服”改革，进一步减少审批事项，加强事中事后监管，为市场主体营造稳定公平透明可预期的营商环境。",
    "　　会议还研究了其他事项。",
]
article("govcn-ucap-pagesdate", f"""<!DOCTYPE html><html><head><meta charset="utf-8">
<title>国务院常务会议部署推进医疗保障制度改革_滚动新闻_中国政府网</title>
<meta name="ArticleTitle" content="国务院常务会议部署推进医疗保障制度改革">
<meta name="PubDate" content="2021-04-23 20:05">
<meta name="ContentSource" content="新华社">
<meta name="Keywords" content="国务院常务会议">
<meta name="Author" content="">
<meta name="ColumnName" content="滚动新闻">
<meta name="firstpublishedtime" content="2021-04-23-20:05:32">
{css_blob(60)}{js_blob(90)}
</head><body>
<div class="header_wrap">{mega_menu("www.gov.cn", 300, "nav_wrap")}</div>
<div class="BreadcrumbNav"><a href="http://www.gov.cn/">首页</a> &gt; <a href="http://www.gov.cn/xinwen/">新闻</a> &gt; <a href="http://www.gov.cn/xinwen/gundong.htm">滚动新闻</a></div>
<div class="article oneColumn pub_border">
<h1>国务院常务会议部署推进医疗保障制度改革</h1>
<div class="pages-date">2021-04-23 20:05 <span class="font">来源： 新华社</span>
<span class="font index_switchsize">【字体：<span onclick="changeSize(18)">大</span> <span onclick="changeSize(16)">中</span> <span onclick="changeSize(14)">小</span>】</span>
<span class="font printIco" onclick="window.print()">打印</span></div>
<div class="pages_content" id="UCAP-CONTENT">
{paras(T5)}
</div>
<div class="editor">【我要纠错】 责任编辑：王洋</div>
<div class="share-code"><div class="share"><span>分享：</span></div><div class="pages_print"><span class="code-img"><img src="/images/ewm.png"/></span><span>扫一扫在手机打开当前页</span></div></div>
</div>
<div class="related">{dated_list("www.gov.cn", 20, "相关稿件", "list")}</div>
<div class="footer">{footer_links(120, "link_list")}</div>
</body></html>""",
    url="http://www.gov.cn/xinwen/2021-04/23/content_5601832.htm",
    title="国务院常务会议部署推进医疗保障制度改革", published="2021-04-23T20:05:32+08:00", publisher="新华社",
    text=[t.strip("　") for t in T5], must_not=["纠错", "责任编辑", "扫一扫", "相关稿件", "字体", "打印"],
    features=["firstpublishedtime with seconds 2021-04-23-20:05:32", "pages-date line", "120 footer links"])

# ------------------------------------------------------------------ xxgk policy table (索引号/成文日期/发布日期)
T6 = [
    "各市、县（区）人民政府，省政府各部门、各直属机构：",
    "　　为深入贯彻落实国家关于促进养老服务发展的决策部署，加快建设居家社区机构相协调、医养康养相结合的养老服务体系，经省政府同意，现就有关事项通知如下。",
    "　　一、加快发展居家社区养老服务。各地要结合城镇老旧小区改造，补齐社区养老服务设施短板，到2025年实现街道综合养老服务中心全覆盖。",
    "　　二、推进医养康养融合发展。支持医疗卫生机构开展养老服务，鼓励养老机构内设医务室、护理站，提升失能老年人照护能力。",
    "　　三、强化要素保障。各级财政要加大投入力度，落实养老服务设施用地、税费减免等扶持政策，加强养老护理人才队伍建设。",
    "省人民政府办公厅",
    "2021年4月8日",
]
article("xxgk-policy-table", DOCTYPE + f"""<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>某某省人民政府办公厅关于加快推进养老服务体系建设的通知 - 某某省人民政府</title>
<meta name="SiteName" content="某某省人民政府">
<meta name="ColumnName" content="省政府办公厅文件">
<meta name="ArticleTitle" content="某某省人民政府办公厅关于加快推进养老服务体系建设的通知">
<meta name="PubDate" content="2021-04-12">
<meta name="ContentSource" content="省政府办公厅">
{css_blob(15)}{js_blob(20)}
</head><body>
<div class="top">{mega_menu("www.example.gov.cn", 180, "menu")}</div>
<div class="dqwz">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; <a href="/zwgk/wj/">省政府办公厅文件</a></div>
<div class="xxgk_box">
<table class="xxgk_table" width="100%" border="1" cellspacing="0">
<tr><td class="t1">索&nbsp;引&nbsp;号：</td><td>11000000000000000K/2021-00088</td><td class="t1">主题分类：</td><td>民政、扶贫、救灾</td></tr>
<tr><td class="t1">发文机关：</td><td>某某省人民政府办公厅</td><td class="t1">成文日期：</td><td>2021年04月08日</td></tr>
<tr><td class="t1">标　　题：</td><td colspan="3">某某省人民政府办公厅关于加快推进养老服务体系建设的通知</td></tr>
<tr><td class="t1">发文字号：</td><td>某政办发〔2021〕12号</td><td class="t1">发布日期：</td><td>2021年04月12日</td></tr>
</table>
<div class="article_title"><h1>某某省人民政府办公厅关于加快推进养老服务体系建设的通知</h1><p class="wh">某政办发〔2021〕12号</p></div>
<div class="article_con" id="zoom">
<p>{T6[0]}</p>
{paras(T6[1:5])}
<p style="text-align: right;">{T6[5]}</p>
<p style="text-align: right;">{T6[6]}</p>
<p>（此件公开发布）</p>
</div>
<div class="fj">附件：<a href="/attach/2021/0412/fj1.pdf">养老服务设施建设指标.pdf</a></div>
<div class="print"><a href="javascript:window.print()">【打印本页】</a><a href="javascript:window.close()">【关闭窗口】</a></div>
</div>
<div class="bottom">{footer_links(150, "yqlj")}</div>
</body></html>""",
    url="http://www.example.gov.cn/zwgk/wj/202104/t20210412_1234567.html",
    title="某某省人民政府办公厅关于加快推进养老服务体系建设的通知", published="2021-04-12", publisher="省政府办公厅",
    text=[T6[0]] + [t.strip("　") for t in T6[1:]] + ["（此件公开发布）"],
    enclosures=["http://www.example.gov.cn/attach/2021/0412/fj1.pdf"],
    must_not=["索引号", "主题分类", "打印本页", "关闭窗口", "当前位置", "友情链接"],
    features=["xxgk metadata table before title: 成文日期 ≠ 发布日期", "document number under title", "attachment after body"])

# ------------------------------------------------------------------ old GBK county site (table layout, select links, 1200-link column list)
T7 = [
    "　　4月15日，县委书记带队深入全县部分乡镇，实地督导检查春季森林防火和安全生产工作，看望慰问一线工作人员。",
    "　　督导组先后来到林场防火检查站、瞭望塔和部分重点企业，详细了解值班值守、物资储备、隐患排查等情况，并与基层干部深入交流。",
    "　　县委书记强调，各乡镇各部门要时刻绷紧安全生产这根弦，严格落实属地管理责任和部门监管责任，坚决遏制各类事故发生。",
    "　　督导组要求，要加强野外火源管控，做好清明期间祭扫用火安全宣传，确保全县森林资源和人民群众生命财产安全。",
]
_col = "".join(f'<tr><td height="22">·<a href="/news/list_{i}.html">{["乡镇动态","部门动态","通知公告","政策法规","招商引资"][i % 5]}{i}</a></td></tr>' for i in range(1200))
article("county-gbk-table-heavy", DOCTYPE + f"""<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<title>县委书记督导检查森林防火和安全生产工作-某某县人民政府</title>
<link href="/css/style.css" rel="stylesheet" type="text/css">
</head><body>
<table width="1000" border="0" align="center" cellpadding="0" cellspacing="0"><tr><td>{mega_menu("www.xx.gov.cn", 60, "menu")}</td></tr></table>
<table width="1000" border="0" align="center" cellpadding="0" cellspacing="0"><tr>
<td width="230" valign="top" class="left"><table width="100%" border="0" cellspacing="0" cellpadding="0">
<tr><td class="lm_title">栏目导航</td></tr>{_col}</table></td>
<td width="770" valign="top">
<table width="100%" border="0" cellspacing="0" cellpadding="0"><tr><td class="dqwz">您现在的位置：<a href="/">首页</a> &gt;&gt; <a href="/news/">新闻中心</a> &gt;&gt; 正文</td></tr></table>
<table width="96%" border="0" align="center" cellpadding="0" cellspacing="0">
<tr><td height="50" align="center" class="bt"><b>县委书记督导检查森林防火和安全生产工作</b></td></tr>
<tr><td height="30" align="center" class="ly">作者：县融媒体中心&nbsp;&nbsp;文章来源：县委办&nbsp;&nbsp;点击数：<script src="/count.asp?id=3321"></script>&nbsp;&nbsp;更新时间：2021-4-16 9:12:07</td></tr>
<tr><td class="content" id="fontzoom">
{paras(T7)}
</td></tr>
<tr><td align="right">【<a href="javascript:window.print()">打印此文</a>】【<a href="javascript:window.close()">关闭窗口</a>】</td></tr>
<tr><td>上一篇：<a href="/news/3320.html">县政府召开常务会议</a><br>下一篇：<a href="/news/3322.html">全县春耕生产有序推进</a></td></tr>
</table></td></tr></table>
<table width="1000" border="0" align="center"><tr><td>{select_links(600)}{select_links(400)}</td></tr>
<tr><td align="center">版权所有：某某县人民政府办公室 技术支持：某某网络 ICP备案：某ICP备12345678号</td></tr></table>
</body></html>""",
    url="http://www.xx.gov.cn/news/3321.html", charset="gb2312", encoding="gb18030",
    title="县委书记督导检查森林防火和安全生产工作", published="2021-04-16T09:12:07+08:00", publisher="县委办",
    author="县融媒体中心", text=[t.strip("　") for t in T7],
    must_not=["栏目导航", "乡镇动态", "打印此文", "上一篇", "版权所有", "点击数"],
    features=["1,200-link left column table", "<select> 友情链接 with 500 options", "GBK table layout", "作者 + 文章来源 + 更新时间 line"])

# ------------------------------------------------------------------ cctv (cnt_bd / content_area, info line with |)
T8 = [
    "央视网消息：记者从中国气象局获悉，今年入汛以来，我国南方地区降雨偏多，江南、华南部分地区出现强降雨过程，气象部门加强监测预警。",
    "中国气象局应急减灾与公共服务司负责人介绍，预计未来一周，江南、华南等地仍有较强降雨，部分地区累计雨量较常年同期偏多三成以上。",
    "气象部门提醒，强降雨区域需防范山洪、地质灾害和城乡积涝，公众出行要注意交通安全，及时关注当地气象部门发布的预警信息。",
]
article("cctv-contentarea", f"""<!DOCTYPE html><html><head><meta charset="utf-8">
<title>气象部门加强南方强降雨监测预警_新闻频道_央视网(cctv.com)</title>
<meta name="keywords" content="气象 降雨">
<meta name="description" content="记者从中国气象局获悉，今年入汛以来，我国南方地区降雨偏多。">
{css_blob(20)}{js_blob(35)}
</head><body>
<div class="nav_box">{mega_menu("www.cctv.com", 160, "nav")}</div>
<div class="column_wrapper"><div class="col_w660">
<div class="title_area"><h1>气象部门加强南方强降雨监测预警</h1>
<div class="info1">央视网 | 2021年04月25日 12:35</div></div>
<div class="function"><span class="info"><i>来源：央视网</i>　|　<i>2021年04月25日 12:35</i></span><span class="share">分享到：</span></div>
<div class="content_area" id="content_area">
{paras(T8)}
<p style="text-align: right;">（编辑：何敏）</p>
</div>
<div class="zebian"><span>编辑：何敏</span><span>责任编辑：刘亮</span></div>
<div class="xgxw">{dated_list("news.cctv.com", 10, "相关新闻", "relate")}</div>
</div>
<div class="col_w300">{dated_list("news.cctv.com", 70, "热播视频", "hot")}</div></div>
<div class="footer">{footer_links(50, "footlinks")}<p>Copyright@央视网 版权所有</p></div>
</body></html>""",
    url="https://news.cctv.com/2021/04/25/ARTIabcdefg210425.shtml",
    title="气象部门加强南方强降雨监测预警", published="2021-04-25T12:35:00+08:00", publisher="央视网",
    text=T8, must_not=["编辑：何敏", "责任编辑", "热播视频", "相关新闻", "分享到", "版权所有"],
    features=["publisher unlabelled in 'site | date' line and labelled in .function", "(编辑：) line inside body"])

# ------------------------------------------------------------------ sohu (article#mp-editor, hidden 原标题, 返回搜狐)
T9 = [
    "据环球时报报道，多国科研机构近日联合发布报告称，全球可再生能源装机容量去年创下新高，风电和光伏发电新增装机占比超过八成。",
    "报告指出，可再生能源发电成本持续下降，已成为多数国家最经济的新增电源选择。与此同时，储能和电网建设仍需加快，以适应高比例新能源接入。",
    "专家认为，能源转型需要政策、技术和市场共同发力，各国应加强合作，推动清洁能源技术交流和产业链协同发展。",
]
article("sohu-mpeditor", f"""<!DOCTYPE html><html><head><meta charset="utf-8">
<title>全球可再生能源装机容量创新高_发电</title>
{js_blob(80)}
<meta property="og:type" content="news"/>
<meta property="og:title" content="全球可再生能源装机容量创新高"/>
<meta property="og:release_date" content="2021-04-26 09:41"/>
<meta name="mediaid" content="环球网"/>
{css_blob(25)}{js_blob(45)}
</head><body>
<header id="main-header" class="header">{mega_menu("www.sohu.com", 140, "head-nav")}</header>
<div class="left main"><div class="text">
<div class="text-title"><h1>全球可再生能源装机容量创新高<span class="article-tag"></span></h1>
<div class="article-info"><span class="time" id="news-time" data-val="1619401260000">2021-04-26 09:41</span><span data-role="original-link">来源: <a href="https://www.sohu.com/a/man/121179669" target="_blank">环球网</a></span></div></div>
<article class="article" id="mp-editor">
<p data-role="original-title" style="display:none">原标题：全球可再生能源装机容量创新高</p>
{paras(T9)}
<p><a href="//www.sohu.com/?strategyid=00001" target="_blank" title="点击进入搜狐首页" id="backsohucom">返回搜狐，查看更多</a></p>
<p data-role="editor-name">责任编辑：<span></span></p>
</article>
<div id="articleAllsee" class="statement">平台声明：该文观点仅代表作者本人，搜狐号系信息发布平台，搜狐仅提供信息存储空间服务。</div>
</div></div>
<div class="sidebar right">{dated_list("www.sohu.com", 80, "24小时热文", "hot-article")}</div>
<div class="footer">{footer_links(40, "footer")}</div>
</body></html>""",
    url="https://www.sohu.com/a/462813542_162522",
    title="全球可再生能源装机容量创新高", published="2021-04-26T09:41:00+08:00", publisher="环球网",
    text=T9, must_not=["返回搜狐", "责任编辑", "平台声明", "24小时热文", "原标题"],
    features=["hidden 原标题 paragraph", "返回搜狐 link in body", "source after '来源: ' in data-role span"])

# ------------------------------------------------------------------ footer TRS_Editor (a small TRS_Editor in the footer, body in an unknown class)
T10 = [
    "　　近日，市人力资源和社会保障局联合市教育局举办高校毕业生就业服务月活动，组织用人单位进校园开展专场招聘，帮助毕业生尽早落实就业岗位。",
    "　　活动期间，共组织两百余家企业提供岗位近六千个，涵盖电子信息、装备制造、现代服务等多个领域，现场达成初步就业意向一千余人。",
    "　　市人社局有关负责人表示，将持续开展线上线下招聘活动，加强就业指导和职业培训，落实各项就业补贴政策，促进高校毕业生多渠道就业创业。",
]
article("footer-trs-editor", DOCTYPE + f"""<html><head><meta charset="utf-8">
<title>我市举办高校毕业生就业服务月活动 - 某某市人力资源和社会保障局</title>
<meta name="ArticleTitle" content="我市举办高校毕业生就业服务月活动">
<meta name="PubDate" content="2021-04-27 10:30">
<meta name="ContentSource" content="市人社局">
{css_blob(10)}{js_blob(10)}
</head><body>
<div class="head">{mega_menu("rsj.xx.gov.cn", 120, "nav")}</div>
<div class="container"><div class="detail-wrap">
<div class="detail-title">我市举办高校毕业生就业服务月活动</div>
<div class="detail-info"><span>发布时间：2021-04-27 10:30</span><span>来源：市人社局</span><span>浏览次数：<em id="hits">128</em></span></div>
<div class="detail-news">
{paras(T10)}
</div>
</div></div>
<div class="foot"><div class="TRS_Editor"><p>地址：某某市中山路1号 邮编：100000 电话：010-12345678</p></div>{footer_links(100, "links")}</div>
</body></html>""",
    url="http://rsj.xx.gov.cn/xwdt/gzdt/202104/t20210427_88123.html",
    title="我市举办高校毕业生就业服务月活动", published="2021-04-27T10:30:00+08:00", publisher="市人社局",
    text=[t.strip("　") for t in T10], must_not=["地址：某某市", "浏览次数", "友情链接"],
    features=["a small .TRS_Editor in the footer (real: csrc.gov.cn)", "body in an unknown class"])

# ------------------------------------------------------------------ ifeng-like (hashed css-module class names, JSON blob)
T11 = [
    "4月28日，国家文物局发布消息，今年将实施一批重大考古项目，围绕中华文明起源、早期国家形成等重大课题开展系统研究。",
    "国家文物局有关负责人介绍，近年来考古工作取得一系列重要成果，多处遗址的新发现为研究中华文明多元一体格局提供了重要实证。",
    "这位负责人表示，将进一步加强考古成果的转化利用，推进考古遗址公园建设，让更多人了解考古、走近历史。",
]
_json = json.dumps({"docData": {"title": "国家文物局将实施一批重大考古项目", "newsTime": "2021-04-28 16:20:31",
                                "source": "中国新闻网", "contentData": {"contentList": [{"data": "<p>" + t + "</p>"} for t in T11]}}},
                   ensure_ascii=False)
article("ifeng-hashed-classes", f"""<!DOCTYPE html><html><head><meta charset="utf-8">
<title>国家文物局将实施一批重大考古项目_凤凰网资讯_凤凰网</title>
<meta name="og:time " property="og:time " content="2021-04-28 16:20:31">
<meta name="og:category " property="og:category " content="凤凰网资讯">
{css_blob(20)}
<script>var allData = {_json};var adKeys = [];</script>
</head><body>
<div class="index_header_3hDmo">{mega_menu("news.ifeng.com", 120, "index_nav_1tX2y")}</div>
<div class="index_main_2Aq-p"><div class="index_leftContent_3S1mI">
<div class="index_artical_2L0CW"><h1 class="index_topic_3Pu7p">国家文物局将实施一批重大考古项目</h1>
<div class="index_info_1CXnV"><p class="index_time_1XOWx"><span>2021年04月28日 16:20:31</span></p><p class="index_source_3YKEd"><span>来自</span><a href="https://www.chinanews.com.cn/">中国新闻网</a></p></div>
<div class="index_main_content_j-HoG"><div class="index_text_D0U1y">
{paras(T11)}
</div></div></div>
<div class="index_relate_2qh7m">{dated_list("news.ifeng.com", 10, "相关推荐", "index_list_1")}</div>
</div><div class="index_rightContent_1Hcmk">{dated_list("news.ifeng.com", 60, "大家都在看", "index_hotList_2")}</div></div>
<div class="index_footer_1Qg9v">{footer_links(30, "index_links_3")}</div>
</body></html>""",
    url="https://news.ifeng.com/c/85iVtMS1Abc",
    title="国家文物局将实施一批重大考古项目", published="2021-04-28T16:20:31+08:00", publisher="中国新闻网",
    text=T11, must_not=["相关推荐", "大家都在看", "友情链接"],
    features=["hashed css-module classes", "publisher after '来自' (no colon)", "JSON allData duplicate of the body"])

# ------------------------------------------------------------------ Hanweb zj (div#zoom inside table, 信息来源 in a td, JCMS script date)
T12 = [
    "　　为贯彻落实省委省政府关于数字化改革的部署要求，省经济和信息化厅近日印发工作方案，明确今年推进制造业数字化转型的主要目标和重点任务。",
    "　　方案提出，到年底新增智能工厂和数字化车间一百家以上，培育一批工业互联网平台，推动规模以上工业企业数字化改造全覆盖。",
    "　　方案要求，各地经信部门要建立工作专班，完善政策支持体系，加强典型示范推广，确保各项任务落到实处。",
]
article("hanweb-zoom-td", DOCTYPE + f"""<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>省经信厅印发制造业数字化转型工作方案</title>
<meta name="ArticleTitle" content="省经信厅印发制造业数字化转型工作方案">
<meta name="PubDate" content="2021-04-29 09:00">
<meta name="ContentSource" content="省经信厅">
<meta name="ColumnName" content="工作动态">
{js_blob(30)}
</head><body>
<div id="top">{mega_menu("jxt.zj.gov.cn", 100, "menu")}</div>
<table width="1200" align="center"><tr><td>
<table width="100%"><tr><td class="title" align="center" style="font-size:24px;font-weight:bold">省经信厅印发制造业数字化转型工作方案</td></tr>
<tr><td align="center"><table><tr><td>信息来源：省经信厅</td><td>发布日期：2021-04-29</td><td>浏览次数：<script>document.write(88)</script></td>
<td>字号：[ <a href="javascript:doZoom(16)">大</a> <a href="javascript:doZoom(14)">中</a> <a href="javascript:doZoom(12)">小</a> ]</td></tr></table></td></tr>
<tr><td><div id="zoom">
<!--ZJEG_RSS.content.begin--><meta name="ContentStart">
{paras(T12)}
<meta name="ContentEnd"><!--ZJEG_RSS.content.end-->
</div></td></tr>
<tr><td align="right"><a href="javascript:window.print()">打印本页</a> <a href="javascript:window.close()">关闭窗口</a></td></tr>
</table></td></tr></table>
<div id="foot">{footer_links(130, "yqlj")}</div>
</body></html>""",
    url="http://jxt.zj.gov.cn/art/2021/4/29/art_1229123_58912345.html",
    title="省经信厅印发制造业数字化转型工作方案", published="2021-04-29T09:00:00+08:00", publisher="省经信厅",
    text=[t.strip("　") for t in T12], must_not=["信息来源", "浏览次数", "打印本页", "关闭窗口", "友情链接"],
    features=["div#zoom inside table cell", "metadata in nested table cells", "ContentStart/End meta markers"])

# ------------------------------------------------------------------ unnamed body cell next to a 1,200-row dated list
T13 = [
    "　　4月30日上午，镇党委召开理论学习中心组学习会议，传达学习上级有关会议精神，研究部署全镇近期重点工作。",
    "　　会议强调，要坚持以人民为中心的发展思想，扎实办好民生实事，加快推进农村人居环境整治，持续改善群众生产生活条件。",
    "　　会议要求，全镇党员干部要切实增强责任意识，转变工作作风，深入村组开展走访调研，及时帮助群众解决急难愁盼问题。",
    "　　会议还对五一假期安全生产、森林防火和值班值守等工作作了安排部署。",
]
_rows1200 = "".join(f'<li><a href="/xxgk/{i}.html">{headline(i)}</a><span>{date_of(i)}</span></li>' for i in range(1200))
article("town-unnamed-td-1200", DOCTYPE + f"""<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>镇党委召开理论学习中心组学习会议_某某镇人民政府</title>
</head><body>
<table width="1000" align="center"><tr><td>{mega_menu("www.town.gov.cn", 80, "dh")}</td></tr></table>
<table width="1000" align="center"><tr>
<td width="300" valign="top"><div><b>信息公开目录</b></div><ul>{_rows1200}</ul></td>
<td valign="top">
<div style="text-align:center;font-size:22px;font-weight:bold">镇党委召开理论学习中心组学习会议</div>
<div style="text-align:center">发布时间：2021-04-30 11:20　信息来源：镇党政办</div>
<div style="line-height:30px;font-size:16px">
{paras(T13)}
</div></td></tr></table>
<table width="1000" align="center"><tr><td align="center">主办：某某镇人民政府 版权所有</td></tr></table>
</body></html>""",
    url="http://www.town.gov.cn/xwdt/2021/0430/3456.html",
    title="镇党委召开理论学习中心组学习会议", published="2021-04-30T11:20:00+08:00", publisher="镇党政办",
    text=[t.strip("　") for t in T13], must_not=["信息公开目录", "版权所有", "发布时间"],
    features=["1,200-row dated teaser list beside an unnamed body div", "no known container"])

# ------------------------------------------------------------------ non-articles
_home_news = "".join(dated_list("www.home.gov.cn", 25, t, "news", k * 25) for k, t in enumerate(
    ["要闻动态", "通知公告", "政策文件", "政策解读", "部门动态", "基层动态", "专题专栏", "图片新闻"]))
noarticle("noart-homepage", f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>某某省人民政府门户网站</title>
{css_blob(20)}{js_blob(30)}</head><body>
<div class="header">{mega_menu("www.home.gov.cn", 200, "nav")}</div>
<div class="banner"><a href="/zt/1/"><img src="/banner1.jpg" alt="专题"></a></div>
<div class="main">{_home_news}</div>
<div class="hd"><p>欢迎访问某某省人民政府门户网站，今天是2021年4月30日 星期五。</p></div>
<div class="footer">{footer_links(160, "links")}</div>
</body></html>""", url="http://www.home.gov.cn/", must_not=["要闻动态", "通知公告", "友情链接"],
    features=["portal home page: 200 teasers, 200-link menu, 160 footer links"])

noarticle("noart-soft404", f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>页面不存在 - 某某市人民政府</title>
{css_blob(5)}</head><body>
<div class="header">{mega_menu("www.city.gov.cn", 120, "nav")}</div>
<div class="error-box"><h2>抱歉，您访问的页面不存在或已被删除！</h2><p>请检查您输入的网址是否正确，或<a href="/">返回首页</a>。</p><p><span id="sec">5</span>秒后自动跳转到首页。</p></div>
<div class="footer">{footer_links(80, "links")}</div>
</body></html>""", url="http://www.city.gov.cn/xw/2021/abc.html", must_not=["友情链接"],
    features=["soft 404 with 200 status and full chrome"])

noarticle("noart-loginwall", f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>用户登录 - 某某政务服务网</title>
{js_blob(20)}</head><body>
<div class="top">{mega_menu("zwfw.xx.gov.cn", 90, "nav")}</div>
<div class="login-box"><h3>用户登录</h3><form action="/login" method="post"><label>用户名</label><input name="u"><label>密码</label><input type="password" name="p"><button>登录</button></form>
<p>该内容需要登录后查看。还没有账号？<a href="/register">立即注册</a> | <a href="/forget">忘记密码</a></p></div>
<div class="footer">{footer_links(60, "links")}</div>
</body></html>""", url="http://zwfw.xx.gov.cn/article/123", must_not=["友情链接"],
    features=["login wall"])


def write_all() -> None:
    for name, data, exp in PAGES:
        (HERE / f"{name}.html").write_bytes(data)
        (HERE / f"{name}.expected.json").write_text(json.dumps(exp, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {len(PAGES)} pages to {HERE}")


if __name__ == "__main__":
    write_all()
