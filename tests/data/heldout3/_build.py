"""Builder for the third held-out corpus (not part of the aggregator).

Kinds not covered by tests/data/sites, heldout and heldout2: a court judgment
whose signature block (审判长/书记员) is article text, an xxgk page whose only
metadata is a 索引号/发布机构/生成日期/文号 table, a statistics release whose body
is one big <table>, a 问/答 interview, a video page with caption and short text,
an English provincial page with "Updated:", a WeChat repost (原标题 / 微信公众号 /
作者), and an unlabelled date <span> under the h1 with "Copyright © 2003-2024"
in the footer. Page and expectation come from the same lists so they cannot
drift. Run `python tests/data/heldout3/_build.py` to rewrite the corpus.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "heldout2"))
from _chrome import css_blob, dated_list, footer_links, js_blob, mega_menu  # noqa: E402

PAGES: list[tuple[str, bytes, dict]] = []
DOCTYPE = "<!DOCTYPE html>\n"


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


# ------------------------------------------------------------------ court judgment
T1 = [
    "原告张某某，男，1975年6月出生，汉族，住某某市某某区。",
    "被告李某某，男，1980年2月出生，汉族，住某某市某某县。",
    "原告张某某与被告李某某民间借贷纠纷一案，本院于2020年11月2日立案后，依法适用普通程序，公开开庭进行了审理。原告张某某到庭参加诉讼，被告李某某经本院传票传唤无正当理由拒不到庭参加诉讼，本院依法缺席审理。本案现已审理终结。",
    "本院认为，合法的借贷关系受法律保护。原告提交的借条、银行转账凭证等证据能够证明双方之间存在借贷关系，被告未按约定期限偿还借款，应当承担还款责任。",
    "依照《中华人民共和国民法典》第六百六十七条、第六百七十四条，《中华人民共和国民事诉讼法》第一百四十七条规定，判决如下：",
    "被告李某某于本判决生效之日起十日内偿还原告张某某借款本金200000元及利息。",
    "如不服本判决，可以在判决书送达之日起十五日内，向本院递交上诉状，并按对方当事人的人数提出副本，上诉于某某省某某市中级人民法院。",
]
SIGN1 = ["审判长　王建国", "审判员　刘　芳", "人民陪审员　赵立新", "二〇二一年三月十六日", "书记员　陈晓明"]
article("court-judgment", DOCTYPE + f"""<html><head><meta charset="utf-8"><title>张某某与李某某民间借贷纠纷一审民事判决书-某某市某某区人民法院</title>
{css_blob(8)}</head><body>
<div class="header"><div class="logo"><img src="/images/logo.png" alt="某某市某某区人民法院"></div>{mega_menu("www.xxqfy.gov.cn", 60, "menu")}</div>
<div class="location">当前位置：<a href="/">首页</a> &gt; <a href="/cpws/">裁判文书</a></div>
<div class="main"><div class="detail">
<h1 class="title">张某某与李某某民间借贷纠纷一审民事判决书</h1>
<div class="message"><span>发布时间：2021-03-18 10:20:31</span><span>来源：某某市某某区人民法院</span><span>浏览次数：<i id="hits">0</i></span></div>
<div class="text">
<div style="text-align:center;font-weight:bold">（2020）某0102民初4567号</div>
{paras(T1, '<p style="text-indent:2em">{}</p>')}
<div style="text-align:right">{paras(SIGN1)}</div>
</div>
<div class="tools"><a href="javascript:window.print()">打印本页</a> <a href="javascript:window.close()">关闭窗口</a></div>
<div class="prev-next"><p>上一篇：<a href="/cpws/4566.html">王某某与某某公司劳动争议一审民事判决书</a></p><p>下一篇：<a href="/cpws/4568.html">某某银行与周某某金融借款合同纠纷一审民事判决书</a></p></div>
</div>
{dated_list("www.xxqfy.gov.cn", 30, "法院公告", "side")}</div>
<div class="footer">{footer_links(40, "foot")}</div>{js_blob(10)}
</body></html>""", url="http://www.xxqfy.gov.cn/cpws/4567.html", title="张某某与李某某民间借贷纠纷一审民事判决书",
    published="2021-03-18T10:20:31+08:00", publisher="某某市某某区人民法院",
    text=["（2020）某0102民初4567号"] + T1 + SIGN1,
    must_not=["打印本页", "关闭窗口", "上一篇", "劳动争议", "法院公告", "友情链接"],
    features=["signature block (审判长/书记员/Chinese-numeral date) is article text",
              "case number line centred above the body", "publish date differs from signing date"])

# ------------------------------------------------------------------ xxgk metadata table
T2 = [
    "各区发展改革部门，各有关单位：",
    "为深入贯彻落实国家和省关于优化营商环境的决策部署，进一步规范固定资产投资项目核准和备案管理，提高审批效率，现将有关事项通知如下。",
    "一、全面推行投资项目在线审批监管平台办理。企业投资项目核准、备案及相关审批事项，原则上均应通过在线平台申报、办理和公开，实现“一网通办”。",
    "二、压减审批时限。核准类项目审批时限由20个工作日压减至10个工作日，备案类项目实行即报即备，材料齐全的当场办结。",
    "三、加强事中事后监管。各区要建立健全项目建设信息报送制度，对未按规定办理手续擅自开工的项目，依法依规予以处理。",
    "本通知自印发之日起施行，有效期五年。",
]
SIGN2 = ["某某市发展和改革委员会", "2021年3月12日"]
article("xxgk-meta-table", DOCTYPE + f"""<html><head><meta charset="utf-8"><title>某某市发展和改革委员会关于优化投资项目审批服务的通知</title></head><body>
<div class="top">{mega_menu("fgw.xx.gov.cn", 48, "nav")}</div>
<div class="crumb">您的位置：<a href="/">首页</a> &gt; <a href="/xxgk/">政府信息公开</a> &gt; <a href="/xxgk/tzgg/">通知公告</a></div>
<div class="xxgk-box">
<table class="xxgk-table" width="100%" border="1" cellspacing="0">
<tr><th>索引号：</th><td>11440300MB2C91234X/2021-00123</td><th>分类：</th><td>综合政务\\通知</td></tr>
<tr><th>发布机构：</th><td>某某市发展和改革委员会</td><th>生成日期：</th><td>2021-03-16</td></tr>
<tr><th>名称：</th><td colspan="3">某某市发展和改革委员会关于优化投资项目审批服务的通知</td></tr>
<tr><th>文号：</th><td>某发改〔2021〕88号</td><th>主题词：</th><td>投资 审批</td></tr>
</table>
<h2 class="art-title">某某市发展和改革委员会关于优化投资项目审批服务的通知</h2>
<div class="art-con">
{paras(T2)}
<p style="text-align:right">{SIGN2[0]}</p><p style="text-align:right">{SIGN2[1]}</p>
</div>
<div class="share">分享到：<a href="#">微信</a><a href="#">微博</a></div>
<div class="related"><h3>相关文件</h3>{dated_list("fgw.xx.gov.cn", 12, "相关文件", "rel")}</div>
</div>
<div class="footer">{footer_links(60)}</div>
</body></html>""", url="http://fgw.xx.gov.cn/xxgk/tzgg/content/post_8612345.html",
    title="某某市发展和改革委员会关于优化投资项目审批服务的通知", published="2021-03-16",
    publisher="某某市发展和改革委员会", text=T2 + SIGN2,
    must_not=["索引号", "生成日期", "分享到", "相关文件", "版权所有"],
    features=["xxgk table with 索引号/发布机构/生成日期/文号 only", "title in h2 after the table",
              "no 发布时间 label anywhere"])

# ------------------------------------------------------------------ statistics table
ROWS3 = [("指标", "2月", "1-2月"), ("规模以上工业增加值", "—", "35.1"), ("其中：采矿业", "—", "17.5"),
         ("制造业", "—", "39.5"), ("电力、热力、燃气及水生产和供应业", "—", "19.3"),
         ("其中：国有控股企业", "—", "28.2"), ("股份制企业", "—", "34.0"), ("外商及港澳台商投资企业", "—", "40.9"),
         ("私营企业", "—", "37.6"), ("主要产品产量", "", ""), ("钢材（万吨）", "—", "20.1"),
         ("水泥（万吨）", "—", "61.1"), ("十种有色金属（万吨）", "—", "12.2"), ("乙烯（万吨）", "—", "13.5"),
         ("汽车（万辆）", "—", "77.9"), ("发电量（亿千瓦时）", "—", "22.4"), ("原油加工量（万吨）", "—", "10.4")]
T3 = ["2021年1—2月份，全国规模以上工业增加值同比增长35.1%，比2019年同期增长16.9%，两年平均增长8.1%。",
      "从三大门类看，1—2月份，采矿业增加值同比增长17.5%，制造业增长39.5%，电力、热力、燃气及水生产和供应业增长19.3%。",
      "2021年1—2月份规模以上工业生产主要数据"]
TAIL3 = ["附注：1.指标解释。规模以上工业增加值是指年主营业务收入2000万元及以上的工业企业生产的工业增加值。",
         "2.统计范围。规模以上工业统计范围为年主营业务收入2000万元及以上的工业企业。"]


def _row(r: tuple[str, str, str]) -> str:
    return "<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>"


def _rowtext(r: tuple[str, str, str]) -> str:
    return " ".join(c for c in r if c)


article("stats-table-release", DOCTYPE + f"""<html><head><meta charset="utf-8"><title>2021年1—2月份规模以上工业增加值增长35.1%</title>{css_blob(6)}</head><body>
<div class="head">{mega_menu("www.stats.xx.gov.cn", 36, "nav")}</div>
<div class="center"><div class="xilan">
<h2 class="xilan_tit">2021年1—2月份规模以上工业增加值增长35.1%</h2>
<div class="xilan_titf"><font>来源：国家统计局</font>&nbsp;&nbsp;<font>发布时间：2021-03-15 10:00</font></div>
<div class="xilan_con"><div class="TRS_PreAppend">
<p>{T3[0]}</p><p>{T3[1]}</p>
<p style="text-align:center"><b>{T3[2]}</b></p>
<table class="MsoNormalTable" border="1" cellpadding="0" cellspacing="0">{"".join(_row(r) for r in ROWS3)}</table>
<p>{TAIL3[0]}</p><p>{TAIL3[1]}</p>
</div></div>
<div class="xilan_link">【<a href="javascript:printme()">打印</a>】【<a href="javascript:window.close()">关闭</a>】</div>
</div></div>
<div class="foot">{footer_links(30)}</div>{js_blob(6)}
</body></html>""", url="http://www.stats.xx.gov.cn/tjsj/zxfb/202103/t20210315_1814751.html",
    title="2021年1—2月份规模以上工业增加值增长35.1%", published="2021-03-15T10:00:00+08:00",
    publisher="国家统计局", text=T3[:3] + [_rowtext(r) for r in ROWS3] + TAIL3,
    must_not=["打印", "关闭", "友情链接"],
    features=["body mostly one MsoNormalTable", "title in h2.xilan_tit", "metadata in <font>"])

# ------------------------------------------------------------------ interview Q&A
QA = [
    ("问：", "此次调整药品目录的主要考虑是什么？"),
    ("答：", "这次调整坚持“保基本”的功能定位，既尽力而为，又量力而行，重点将新冠肺炎治疗用药、癌症、罕见病等重大疾病治疗用药以及慢性病用药纳入目录。"),
    ("问：", "新版目录什么时候开始执行？"),
    ("答：", "新版目录自2021年3月1日起正式执行。各地医保部门要及时做好信息系统更新、经办规程调整等工作，确保参保人员及时享受待遇。"),
    ("问：", "如何确保谈判药品落地？"),
    ("答：", "我们将指导各地建立谈判药品“双通道”管理机制，将定点零售药店纳入谈判药品供应保障范围，实行统一的支付政策，让群众买得到、用得上、可报销。"),
]
INTRO4 = "近日，国家医保局、人力资源社会保障部印发2020年版国家医保药品目录。国家医保局医药服务管理司负责同志就有关问题回答了记者提问。"
T4 = [INTRO4] + [q + a for q, a in QA]
article("interview-qa", DOCTYPE + f"""<html><head><meta charset="utf-8"><title>国家医保局医药服务管理司负责同志就2020年版药品目录答记者问_国家医疗保障局</title></head><body>
<div class="top">{mega_menu("www.nhsa.xx.gov.cn", 40, "nav")}</div>
<div class="atricle-box">
<div class="atricle-title"><h1>国家医保局医药服务管理司负责同志就2020年版药品目录答记者问</h1></div>
<div class="atricle-info"><span>2021-01-05 15:20</span><span>来源：国家医疗保障局</span><span>【字体：<a href="#">大</a> <a href="#">中</a> <a href="#">小</a>】</span></div>
<div class="atricle-con">
<p>{INTRO4}</p>
{"".join(f'<p><strong>{q}{a}</strong></p>' if q == "问：" else f'<p><strong>{q}</strong>{a}</p>' for q, a in QA)}
</div>
<div class="atricle-bottom">【<a href="#">打印</a>】【<a href="#">关闭</a>】</div>
<div class="tuijian"><h3>相关阅读</h3>{dated_list("www.nhsa.xx.gov.cn", 10, "相关阅读", "xg")}</div>
</div>
<div class="footer">{footer_links(30)}</div>
</body></html>""", url="http://www.nhsa.xx.gov.cn/art/2021/1/5/art_38_4220.html",
    title="国家医保局医药服务管理司负责同志就2020年版药品目录答记者问", published="2021-01-05T15:20:00+08:00",
    publisher="国家医疗保障局", text=T4, must_not=["字体", "打印", "相关阅读", "版权所有"],
    features=["问：/答： paragraphs, questions in <strong>", "unlabelled date span before 来源"])

# ------------------------------------------------------------------ video + caption
VID = "https://vod.xxtv.cn/video/2021/0316/a8f3c2.mp4"
T5 = ["视频：春耕时节，田间地头一派繁忙景象。（时长1分32秒）",
      "眼下正值春耕备耕关键时期，某某县各乡镇组织农技人员深入田间地头，指导农户开展育秧、翻耕和农资储备等工作，确保不误农时。",
      "今年全县计划种植水稻32万亩，目前已完成集中育秧面积1.8万亩。县农业农村局还组织了20支农机服务队，为种粮大户和合作社提供代耕代种服务，农资供应充足，价格总体稳定。"]
article("video-caption", DOCTYPE + f"""<html><head><meta charset="utf-8"><title>【视频】某某县：春耕备耕忙 田间好“丰”景_某某县融媒体中心</title></head><body>
<div class="top">{mega_menu("www.xxrmt.cn", 36, "nav")}</div>
<div class="container"><div class="article">
<h1>【视频】某某县：春耕备耕忙 田间好“丰”景</h1>
<div class="info">发布时间：2021-03-16 20:05:12　来源：某某县融媒体中心　编辑：周婷</div>
<div class="article-content">
<div class="video-box"><video controls="controls" width="640" height="360" poster="https://vod.xxtv.cn/video/2021/0316/a8f3c2.jpg"><source src="{VID}" type="video/mp4">您的浏览器不支持视频播放</video></div>
<p class="caption" style="text-align:center">{T5[0]}</p>
<p>{T5[1]}</p><p>{T5[2]}</p>
</div>
<div class="hot"><h3>热点视频</h3>{dated_list("www.xxrmt.cn", 16, "热点视频", "hot")}</div>
</div></div>
<div class="footer">{footer_links(24)}</div>
</body></html>""", url="http://www.xxrmt.cn/sp/2021-03/16/content_88123.html",
    title="【视频】某某县：春耕备耕忙 田间好“丰”景", published="2021-03-16T20:05:12+08:00",
    publisher="某某县融媒体中心", text=T5, enclosures=[VID],
    must_not=["不支持视频播放", "编辑：周婷", "热点视频"],
    features=["<video><source> enclosure", "caption paragraph", "short text"])

# ------------------------------------------------------------------ English provincial page
T6 = ["Jiangsu province saw its foreign trade rise by 41.8 percent year-on-year to 707.9 billion yuan ($108.9 billion) in the first two months of this year, according to Nanjing Customs.",
      "Exports reached 434.6 billion yuan, up 50.6 percent, while imports grew 29.8 percent to 273.3 billion yuan, the customs said on March 15.",
      "The European Union, ASEAN and the United States remained the province's top three trading partners, and trade with countries involved in the Belt and Road Initiative grew 39.4 percent.",
      "Private enterprises were a major driver, with their imports and exports surging 60.7 percent to 258.2 billion yuan, accounting for 36.5 percent of the province's total foreign trade."]
article("en-province-updated", DOCTYPE + f"""<html lang="en"><head><meta charset="utf-8"><title>Jiangsu foreign trade up 41.8% in first two months</title></head><body>
<div class="header"><a href="/"><img src="/images/logo_en.png" alt="Jiangsu Province"></a>
<ul class="nav"><li><a href="/en/news/">News</a></li><li><a href="/en/business/">Business</a></li><li><a href="/en/travel/">Travel</a></li><li><a href="/en/gov/">Government</a></li></ul></div>
<div class="main"><div class="con-left">
<div class="detail-title">Jiangsu foreign trade up 41.8% in first two months</div>
<div class="detail-info"><span>Updated: 2021-03-16 09:30</span><span>Source: Xinhua Daily Telegraph</span></div>
<div class="detail-con">{paras(T6)}</div>
<div class="related"><h3>Related stories</h3><ul><li><a href="/en/news/1.html">Nanjing unveils plan to boost digital economy</a></li><li><a href="/en/news/2.html">Suzhou industrial park attracts more foreign investment in 2020 as projects speed up</a></li></ul></div>
</div>
<div class="con-right"><h3>Latest</h3><ul><li><a href="/en/news/3.html">Wuxi launches new international air cargo route</a> 2021-03-15</li><li><a href="/en/news/4.html">Yangzhou spring tourism season kicks off</a> 2021-03-14</li></ul></div></div>
<div class="footer"><p>Copyright &copy; The People's Government of Jiangsu Province. All Rights Reserved.</p><p>Registration Number: 苏ICP备05017218号</p></div>
</body></html>""", url="http://www.jiangsu.xx.gov.cn/en/news/2021/03/16/art_5201.html",
    title="Jiangsu foreign trade up 41.8% in first two months", published="2021-03-16T09:30:00+08:00",
    publisher="Xinhua Daily Telegraph", text=T6,
    must_not=["Related stories", "All Rights Reserved", "Wuxi launches", "Nanjing unveils"],
    features=["'Updated: YYYY-MM-DD HH:MM' local time", "title in div.detail-title, no h1", "English Source:"])

# ------------------------------------------------------------------ WeChat repost
T7 = ["原标题：清明出行，这份安全提示请收好",
      "清明节假期将至，预计踏青祭扫、旅游出行人员增多，道路交通流量明显上升。为保障广大群众平安出行，公安交管部门发布出行安全提示。",
      "一、合理规划出行路线。出行前请关注天气和路况信息，尽量错峰出行，避开拥堵路段和高峰时段。",
      "二、严格遵守交通法规。驾车不超速、不超员、不疲劳驾驶，坚决杜绝酒后驾驶，乘车全程系好安全带。",
      "三、文明祭扫注意防火。祭扫时请选择鲜花祭扫、网上祭扫等绿色文明方式，不在林区、景区焚烧纸钱，严防森林火灾。"]
article("wechat-repost", DOCTYPE + f"""<html><head><meta charset="utf-8"><title>清明出行安全提示_某某市人民政府</title>{css_blob(4)}</head><body>
<div class="top">{mega_menu("www.xx.gov.cn", 48, "nav")}</div>
<div class="article">
<h1 class="article-title">清明出行安全提示</h1>
<div class="article-meta"><span>来源：微信公众号 平安某某</span><span>作者：王晓东</span><span>发布时间：2021-04-01 08:45</span></div>
<div class="article-body"><div id="js_content" class="rich_media_content">
<section style="margin:0 8px"><section><p style="text-align:justify"><span style="font-size:15px;color:#888">{T7[0]}</span></p></section>
{"".join(f'<section style="line-height:1.75"><p><span style="font-size:16px">{t}</span></p></section>' for t in T7[1:])}
</section></div></div>
<div class="qr"><img src="/images/qr.jpg"><p>长按识别二维码，关注政务微信</p></div>
<div class="pages">上一篇：<a href="/a/1.html">关于清明节期间某某公墓开放安排的公告</a></div>
</div>
<div class="footer">{footer_links(40)}</div>
</body></html>""", url="http://www.xx.gov.cn/zwdt/bmdt/202104/t20210401_998877.html",
    title="清明出行安全提示", published="2021-04-01T08:45:00+08:00", publisher="微信公众号 平安某某",
    author="王晓东", text=T7, must_not=["长按识别二维码", "上一篇", "公墓开放", "版权所有"],
    features=["WeChat section/span nesting", "原标题 line kept", "来源：微信公众号 XX + 作者"])

# ------------------------------------------------------------------ unlabelled date span + copyright years
T8 = ["3月15日，市政府召开全市城市更新工作推进会，总结去年工作，部署今年重点任务。",
      "会议指出，2020年全市完成老旧小区改造126个，惠及居民4.2万户，新增停车位3600个，城市功能和人居环境明显改善。",
      "会议强调，今年要坚持规划引领、民生优先，统筹推进老旧小区、老旧街区和城中村改造，加快补齐公共服务设施短板，让群众有更多获得感。",
      "会议要求，各区各部门要压实责任，强化要素保障，建立定期调度机制，确保各项任务按期完成。"]
article("bare-date-span", DOCTYPE + f"""<html><head><meta charset="utf-8"><title>全市城市更新工作推进会召开</title></head><body>
<div class="top">{mega_menu("www.xxcity.gov.cn", 40, "nav")}</div>
<div class="wrap"><div class="left">{dated_list("www.xxcity.gov.cn", 20, "最新动态", "news")}</div>
<div class="right">
<h1>全市城市更新工作推进会召开</h1>
<div class="sub"><span>2021-03-16</span><span>阅读：<em id="count">--</em></span></div>
<div class="content">{paras(T8)}</div>
</div></div>
<div class="footer"><p>Copyright © 2003-2024 某某市人民政府 版权所有</p><p>网站标识码：3201000001 苏ICP备12345678号-1</p><p>最后更新：2024-11-20</p></div>
</body></html>""", url="http://www.xxcity.gov.cn/xwzx/szyw/art_3321.html",
    title="全市城市更新工作推进会召开", published="2021-03-16", text=T8,
    must_not=["Copyright", "版权所有", "最新动态", "阅读："],
    features=["date only as bare <span> under h1", "footer Copyright © 2003-2024 and 最后更新 date",
              "dated sidebar before the article"])


def write_all() -> None:
    for name, data, exp in PAGES:
        (HERE / f"{name}.html").write_bytes(data)
        (HERE / f"{name}.expected.json").write_text(json.dumps(exp, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {len(PAGES)} pages to {HERE}")


if __name__ == "__main__":
    write_all()
