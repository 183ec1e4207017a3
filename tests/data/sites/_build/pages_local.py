"""GBK people.com.cn-platform pages (nopss), Hanweb (kw.beijing), Guangdong, Shanghai, Chongqing, xinhua, English."""

from __future__ import annotations

from common import COMMON_NOT, Body, add, art, lst
from pages_trs import TOOLS, page, simple_footer, simple_header, trs_meta


def build() -> None:
    nopss()
    beijing_kw()
    gd()
    sh_fgw()
    cq_gzw()
    xinhua()
    english()


NOPSS = "http://www.nopss.gov.cn"


def nopss_page(title: str, head_charset: str, pubmeta: str, info: str, body: Body, extra_meta: str = "") -> str:
    return f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
{head_charset}<meta name="publishid" content="32067123.html.11">
<meta name="keywords" content="社科基金 哲学社会科学">
<meta name="description" content="{body.lines[0][:60]}">
<meta name="filetype" content="0">
<meta name="publishedtype" content="1">
<meta name="pagetype" content="1">
{pubmeta}{extra_meta}<meta name="catalogs" content="219469">
<meta name="contentid" content="32067123">
<meta name="source" content="来源：全国哲学社会科学工作办公室">
<title>{title}--全国哲学社会科学工作办公室</title>
<link href="/img/2015nopss/page.css" type="text/css" rel="stylesheet" media="all" />
</head>
<body>
<div class="header w1000"><a href="/"><img src="/img/2015nopss/images/logo.jpg" alt="全国哲学社会科学工作办公室" /></a>
<div class="search"><form action="http://search.people.cn/cnpeople/search.do" method="get" target="_blank"><input type="text" name="keyword" /><input type="submit" value="搜索" /></form></div></div>
<div class="nav w1000"><a href="/">首页</a>|<a href="/GB/219469/index.html">工作动态</a>|<a href="/GB/219470/index.html">通知公告</a>|<a href="/GB/219506/index.html">成果要报</a>|<a href="/GB/219507/index.html">社科规划</a></div>
<div class="w1000 p2j_con02 clearfix">
  <div class="fl p2j_text">
    <div class="route"><a href="/">首页</a>&gt;&gt;<a href="/GB/219469/index.html">工作动态</a></div>
    <h1>{title}</h1>
    <div class="p2j_text_info">{info}</div>
    <div class="text_c" id="rwb_zw">
{body.render()}
    </div>
    <div class="edit">(责编：张静、黄晓)</div>
  </div>
  <div class="fr p2j_right"><h3>热门排行</h3><ul>
    <li><a href="/n1/2021/0310/c219469-32047710.html">2021年度国家社科基金项目申报工作启动</a></li>
    <li><a href="/n1/2021/0305/c219470-32043127.html">关于国家社科基金结项审核工作的通知</a></li></ul></div>
</div>
<div class="copyright w1000">全国哲学社会科学工作办公室 版权所有 <a href="https://beian.miit.gov.cn">京ICP备05033939号</a>&nbsp;&nbsp;人民网技术支持</div>
<script src="/img/2015nopss/js/tongji.js" type="text/javascript"></script>
</body>
</html>
"""


def nopss() -> None:
    paras1 = [
        "3月15日，全国哲学社会科学工作领导小组召开会议，研究部署今年哲学社会科学规划和国家社科基金工作。",
        "会议指出，要坚持以马克思主义为指导，紧紧围绕党和国家工作大局，聚焦重大理论和现实问题，加强前瞻性、战略性、储备性研究，推出更多有思想穿透力的优秀成果。",
        "会议强调，要深化国家社科基金管理改革，完善项目评审机制，加强成果质量把关，营造风清气正的科研环境。对学术不端行为坚持零容忍，一经查实严肃处理。",
        "会议要求，各地各有关部门要加强组织协调，完善配套政策，推动形成上下联动、协同推进的工作格局，切实提高哲学社会科学规划管理的科学化、规范化水平。",
        "会议还审议了2021年度国家社科基金项目申报公告等文件。",
    ]
    b1 = Body().paras(paras1, "ideo")
    url1 = f"{NOPSS}/n1/2021/0316/c219469-32067123.html"
    t1 = "全国哲学社会科学工作领导小组召开会议部署年度工作"
    info1 = '2021年03月16日09:08&nbsp;&nbsp;&nbsp;&nbsp;来源：<a href="http://www.nopss.gov.cn/" target="_blank">全国哲学社会科学工作办公室</a>'
    html1 = nopss_page(t1, '<meta http-equiv="content-type" content="text/html;charset=GB2312"/>\n',
                       '<meta name="publishdate" content="2021-03-16">\n', info1, b1,
                       '<meta name="author" content="李华">\n')
    nn = COMMON_NOT[:2] + ["热门排行", "责编", "工作动态", "人民网技术支持"]
    add("nopss-gbk", "article-gb2312", html1, art(
        url1, t1, "2021-03-16T09:08:00+08:00", b1.text, author="李华", publisher="全国哲学社会科学工作办公室",
        must_not_contain=nn, features=["GBK bytes, meta http-equiv charset=GB2312", "2021年03月16日09:08 (no space)",
                                       "title 标题--站点", "meta author", "来源 as a link", "(责编：…) after body"]),
        encoding="gb18030")

    # GBK bytes that declare nothing at all
    b2 = Body().paras([
        "近日，全国哲学社会科学工作办公室发布通知，就做好国家社科基金项目中期管理工作作出安排。",
        "通知要求，各省区市社科规划办和在京委托管理机构要切实履行管理职责，督促项目负责人按照研究计划推进研究工作，如实报告研究进展、阶段性成果和经费使用情况。",
        "通知明确，对无正当理由逾期未提交中期报告、研究工作严重滞后的项目，将视情予以警示、暂停拨款直至撤项处理。对管理工作中发现的突出问题，将在一定范围内予以通报。",
        "通知强调，要加强成果宣传转化，推动优秀研究成果进入决策、服务社会，充分发挥国家社科基金的示范引导作用。",
        "通知还要求，项目责任单位要切实履行法人责任，加强对项目经费使用的监督检查，确保专款专用，严禁虚报冒领、挤占挪用。",
    ], "ideo")
    url2 = f"{NOPSS}/n1/2021/0312/c219470-32049981.html"
    t2 = "全国社科工作办就做好国家社科基金项目中期管理工作发出通知"
    info2 = "2021年03月12日16:45&nbsp;&nbsp;&nbsp;&nbsp;来源：全国哲学社会科学工作办公室"
    html2 = nopss_page(t2, "", '<meta name="publishdate" content="2021-03-12">\n', info2, b2)
    add("nopss-gbk", "article-undeclared", html2, art(
        url2, t2, "2021-03-12T16:45:00+08:00", b2.text, publisher="全国哲学社会科学工作办公室",
        must_not_contain=nn, features=["GBK bytes with NO charset declaration anywhere (detect)", "title 标题--站点"]),
        encoding="gb18030")

    # GBK with only the HTTP header naming the charset
    b3 = Body().paras([
        "为进一步加强国家社科基金成果管理，提高成果鉴定工作质量，全国哲学社会科学工作办公室近日修订印发成果鉴定办法。",
        "办法规定，成果鉴定实行同行专家匿名通讯鉴定制度，鉴定专家应当具有正高级专业技术职称，熟悉相关学科领域研究状况。鉴定等级分为优秀、良好、合格和不合格。",
        "办法要求，鉴定专家应当坚持客观公正原则，认真审读成果，独立提出鉴定意见，不得泄露鉴定信息。",
        "办法还对鉴定结果的运用作出规定，鉴定等级为优秀的成果将优先纳入成果推介和宣传范围；对鉴定不合格的项目，责令项目负责人在规定期限内修改完善后重新申请鉴定，逾期未完成的按有关规定处理。",
        "全国社科工作办有关负责人表示，修订后的办法进一步明确了各方职责，有利于提高鉴定工作的公信力。",
    ], "ideo")
    url3 = f"{NOPSS}/n1/2021/0311/c219470-32048820.html"
    t3 = "国家社科基金项目成果鉴定办法修订印发"
    info3 = "2021年03月11日10:02&nbsp;&nbsp;&nbsp;&nbsp;来源：全国哲学社会科学工作办公室"
    html3 = nopss_page(t3, "", '<meta name="publishdate" content="2021-03-11">\n', info3, b3)
    add("nopss-gbk", "article-header-charset", html3, art(
        url3, t3, "2021-03-11T10:02:00+08:00", b3.text, charset="GBK", publisher="全国哲学社会科学工作办公室",
        must_not_contain=nn, features=["GBK bytes, charset only in the HTTP header (charset=GBK)"]),
        encoding="gb18030")

    # GBK list: [YYYY-MM-DD HH:mm] after links
    lurl = f"{NOPSS}/GB/219469/index.html"
    rows = [
        ("/n1/2021/0316/c219469-32067123.html", t1, "2021-03-16 09:08"),
        ("/n1/2021/0312/c219470-32049981.html", t2, "2021-03-12 16:45"),
        ("/n1/2021/0311/c219470-32048820.html", t3, "2021-03-11 10:02"),
        ("/n1/2021/0309/c219469-32046012.html", "2020年度国家社科基金重大项目立项名单公布", "2021-03-09 17:30"),
    ]
    lis = "\n".join(f'      <li><a href="{h}" target="_blank">{t}</a>&nbsp;&nbsp;[{d}]</li>' for h, t, d in rows)
    lhtml = f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
<meta http-equiv="content-type" content="text/html;charset=GB2312"/>
<title>工作动态--全国哲学社会科学工作办公室</title>
<link href="/img/2015nopss/page.css" type="text/css" rel="stylesheet" media="all" />
</head>
<body>
<div class="nav w1000"><a href="/">首页</a>|<a href="/GB/219469/index.html">工作动态</a>|<a href="/GB/219470/index.html">通知公告</a>|<a href="/GB/219506/index.html">成果要报</a></div>
<div class="w1000 p2j_list clearfix">
  <div class="fl p2j_list_con">
    <h2>工作动态</h2>
    <div class="clearfix">
    <ul class="list_14">
{lis}
    </ul>
    </div>
    <div class="page_n clearfix"><a href="/GB/219469/index.html" class="common_current_page">1</a><a href="/GB/219469/index2.html">2</a><a href="/GB/219469/index3.html">3</a><a href="/GB/219469/index2.html">下一页</a></div>
  </div>
  <div class="fr p2j_right"><h3>热门排行</h3><ul>
    <li><a href="/n1/2021/0310/c219469-32047710.html">2021年度国家社科基金项目申报工作启动</a>&nbsp;&nbsp;[2021-03-10 08:00]</li></ul></div>
</div>
<div class="copyright w1000">全国哲学社会科学工作办公室 版权所有 京ICP备05033939号</div>
</body>
</html>
"""
    add("nopss-gbk", "list-gzdt", lhtml, lst(
        lurl, [(NOPSS + h, t, d.replace(" ", "T") + ":00+08:00") for h, t, d in rows], [f"{NOPSS}/GB/219469/index2.html"],
        forbidden_links=[f"{NOPSS}/n1/2021/0310/c219469-32047710.html", f"{NOPSS}/GB/219470/index.html"],
        features=["GBK bytes declared GB2312", "[YYYY-MM-DD HH:mm] after links", "page_n 下一页",
                  "sidebar 热门排行 with the same date pattern"]), encoding="gb18030")


def beijing_kw() -> None:
    base = "http://kw.beijing.gov.cn"
    url = f"{base}/art/2021/3/16/art_736_601234.html"
    title = "北京市科委组织召开中关村示范区重大科技成果转化项目推进会"
    b = Body().paras([
        "3月15日，北京市科委、中关村管委会组织召开中关村示范区重大科技成果转化项目推进会，对一批重大科技成果转化项目的实施情况进行梳理。",
        "会议介绍了新一代信息技术、医药健康、智能装备等领域项目的研发进展和产业化情况，并就项目实施中遇到的用地、融资、人才等问题进行了现场协调。",
        "会议要求，各项目承担单位要加快关键技术攻关和中试熟化，推动更多原创成果在京落地转化；各区和有关部门要强化服务保障，形成推动成果转化的工作合力。",
        "据了解，2020年中关村示范区技术合同成交额保持较快增长，一批具有自主知识产权的新技术、新产品实现规模化应用，为首都高质量发展提供了有力支撑。下一步，市科委将继续完善项目遴选和跟踪服务机制，加大对早期硬科技项目的支持力度。",
    ], "plain")
    b.img("/picture/0/2103161045123456789.jpg", "推进会现场")
    html = f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8" />
<meta name="SiteName" content="北京市科学技术委员会、中关村科技园区管理委员会">
<meta name="SiteDomain" content="kw.beijing.gov.cn">
<meta name="SiteIDCode" content="1100000134">
<meta name="ColumnName" content="工作动态">
<meta name="ColumnType" content="工作动态">
<meta name="ArticleTitle" content="{title}">
<meta name="PubDate" content="2021-03-16 10:05">
<meta name="ContentSource" content="北京市科委、中关村管委会">
<meta name="Keywords" content="成果转化;中关村">
<meta name="Author" content="北京市科委、中关村管委会">
<meta name="Description" content="{b.lines[0][:60]}">
<meta name="Url" content="{url}">
<title>{title}</title>
<link rel="stylesheet" href="/images/2019/css/style.css" type="text/css" />
<script type="text/javascript" src="/module/jslib/jquery/jquery.js"></script>
</head>
<body>
<div id="barrierfree_container">
<div class="top"><div class="w1200"><a href="/">首页</a> | <a href="/col/col736/index.html">工作动态</a> | <a href="/col/col2384/index.html">政务公开</a> | <a href="/col/col2386/index.html">政务服务</a> | <a href="/col/col2388/index.html">互动交流</a></div></div>
<div class="w1200">
  <div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/col/col736/index.html">工作动态</a></div>
  <table width="100%" border="0" cellspacing="0" cellpadding="0">
    <tr><td class="title" align="center">{title}</td></tr>
    <tr><td class="info" align="center">日期：2021-03-16&nbsp;&nbsp;来源：北京市科委、中关村管委会&nbsp;&nbsp;字体：〖<a href="javascript:doZoom(16)">大</a> <a href="javascript:doZoom(14)">中</a> <a href="javascript:doZoom(12)">小</a>〗</td></tr>
    <tr><td>
<div id="zoom">
<!--ZJEG_RSS.content.begin--><meta name="ContentStart">
{b.render()}
<meta name="ContentEnd"><!--ZJEG_RSS.content.end-->
</div>
    </td></tr>
  </table>
  <div class="print"><a href="javascript:window.print()">[打印本页]</a> <a href="javascript:window.close()">[关闭窗口]</a></div>
</div>
<div class="footer">主办：北京市科学技术委员会、中关村科技园区管理委员会 | 网站标识码：1100000134 | <a href="https://beian.miit.gov.cn">京ICP备05083298号</a> | 京公网安备11010802015370号</div>
</div>
<script type="text/javascript" src="/script/0/1808151133291823.js"></script>
</body>
</html>
"""
    add("beijing-kw", "article", html, art(
        url, title, "2021-03-16T10:05:00+08:00", b.text, publisher="北京市科委、中关村管委会", category="工作动态",
        must_not_contain=COMMON_NOT[:-1] + ["当前位置", "字体", "主办："],
        images=[f"{base}/picture/0/2103161045123456789.jpg"],
        features=["Hanweb /art/YYYY/M/D/art_N_N.html", "guideline meta incl. SiteIDCode", "#zoom with ZJEG_RSS markers",
                  "layout table", "root-relative img", "<title> bare title"]))

    lurl = f"{base}/col/col736/index.html"
    rows = [
        ("/art/2021/3/16/art_736_601234.html", title, "2021", "03", "16"),
        ("/art/2021/3/15/art_736_601198.html", "北京市2021年度科技创新券申报工作启动", "2021", "03", "15"),
        ("/art/2021/3/12/art_736_601077.html", "中关村论坛筹备工作领导小组召开专题会", "2021", "03", "12"),
        ("/art/2021/3/11/art_736_600990.html", "市科委调研怀柔科学城重大科技基础设施建设情况", "2021", "03", "11"),
    ]
    arr = "\n".join(f"urls[{i}]='{h}';headers[{i}]='{t}';year[{i}]='{y}';month[{i}]='{m}';day[{i}]='{d}';"
                    for i, (h, t, y, m, d) in enumerate(rows))
    lhtml = f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8" />
<meta name="SiteName" content="北京市科学技术委员会、中关村科技园区管理委员会">
<meta name="ColumnName" content="工作动态">
<title>工作动态</title>
<link rel="stylesheet" href="/images/2019/css/style.css" type="text/css" />
</head>
<body>
<div class="top"><div class="w1200"><a href="/">首页</a> | <a href="/col/col736/index.html">工作动态</a> | <a href="/col/col2384/index.html">政务公开</a> | <a href="/col/col2386/index.html">政务服务</a></div></div>
<div class="w1200">
  <div class="position">当前位置：<a href="/">首页</a> &gt; 工作动态</div>
  <div class="list_con" id="list">
<script language="javascript">
var urls=new Array();var headers=new Array();var year=new Array();var month=new Array();var day=new Array();
{arr}
for (var i = 0; i < urls.length; i++) {{
  document.write('<li><a href="' + urls[i] + '" target="_blank" title="' + headers[i] + '">' + headers[i] + '</a><span>' + year[i] + '-' + month[i] + '-' + day[i] + '</span></li>');
}}
</script>
  </div>
  <div class="left_menu"><ul><li><a href="/col/col736/index.html">工作动态</a></li><li><a href="/col/col737/index.html">通知公告</a></li><li><a href="/art/2020/12/1/art_737_599001.html">北京市“十四五”科技创新规划编制工作说明</a></li></ul></div>
</div>
<div class="footer">网站标识码：1100000134 | 京ICP备05083298号</div>
</body>
</html>
"""
    add("beijing-kw", "list-col736", lhtml, lst(
        lurl, [(base + h, t, f"{y}-{m}-{d}") for h, t, y, m, d in rows], [],
        forbidden_links=[f"{base}/art/2020/12/1/art_737_599001.html", f"{base}/col/col737/index.html"],
        features=["Hanweb/JCMS rows only in <script language=javascript> arrays urls/headers/year/month/day",
                  "document.write loop", "left menu with an /art/ link that is not a row"]))


def gd() -> None:
    base = "http://www.gd.gov.cn"
    url = f"{base}/gdywdt/bmdt/content/post_3245678.html"
    title = "广东省发展改革委印发2021年省重点建设项目计划"
    origin = "http://drc.gd.gov.cn/gzyw5618/content/post_3245601.html"
    b = Body().paras([
        "日前，广东省发展改革委印发《广东省2021年重点建设项目计划》，共安排省重点项目1395个，总投资约7.28万亿元，年度计划投资8000亿元。",
        "从项目结构看，基础设施工程项目数量和投资占比最大，涵盖交通、能源、水利等领域；产业工程项目重点支持先进制造业、战略性新兴产业和现代服务业发展；民生工程项目聚焦教育、医疗卫生、保障性住房等领域。",
        "省发展改革委有关负责人表示，将强化项目跟踪服务和要素保障，建立重点项目协调推进机制，及时协调解决项目建设中的困难和问题，确保完成年度投资计划。",
        "据介绍，今年省重点项目安排突出补短板、强弱项，加大对粤东粤西粤北地区的倾斜支持力度，推动区域协调发展。各地级以上市将同步制定本地区重点项目计划，形成省市联动、上下协同的项目建设格局。",
    ], "plain")
    b.raw(f'<p>原文地址：<a href="{origin}" target="_blank">{origin}</a></p>', None)
    meta = trs_meta("广东省人民政府门户网站", "部门动态", title, "2021-03-16 17:42", "广东省发展改革委", "重点项目;投资")
    header = simple_header("广东省人民政府门户网站", [("/", "首页"), ("/gdywdt/", "要闻动态"), ("/zwgk/", "政务公开"),
                                                 ("/hdjlpt/", "互动交流"), ("/zjgd/", "走进广东")], "gd.gov.cn")
    inner = f"""  <div class="viewList">
    <h3 class="zw-title">{title}</h3>
    <div class="zw-info"><span class="time">发布时间：2021-03-16 17:42:09</span><span class="ly">来源：广东省发展改革委</span>
      <span class="fsize">【字号：<a>大</a> <a>中</a> <a>小</a>】</span></div>
    <div class="zw">
{b.render()}
    </div>
{TOOLS}
  </div>"""
    html = page(f"{title} 广东省人民政府门户网站", meta, header,
                '当前位置：<a href="/">首页</a> &gt; <a href="/gdywdt/">要闻动态</a> &gt; <a href="/gdywdt/bmdt/">部门动态</a>', inner,
                simple_footer("广东省人民政府办公厅", "粤ICP备05070829号", "4400000127", "广州市越秀区东风中路305号"))
    add("gd-general", "article", html, art(
        url, title, "2021-03-16T17:42:09+08:00", b.text, publisher="广东省发展改革委", origin_url=origin, category="部门动态",
        must_not_contain=COMMON_NOT[:-1] + ["当前位置", "字号", "原文地址"],
        features=["Guangdong /content/post_N.html", "TRS meta PubDate (min) vs visible seconds", "原文地址 line INSIDE body (not text)"]))


def sh_fgw() -> None:
    base = "https://fgw.sh.gov.cn"
    url = f"{base}/fgw_zxxxgk/20210316/7a1c3e5d0b2f4c6e9d8a7b6c5d4e3f21.html"
    title = "关于印发《上海市2021年国民经济和社会发展计划》重点任务分解的通知"
    b = Body().paras([
        "各区人民政府，市政府各委、办、局：",
        "为贯彻落实市十五届人大五次会议审议批准的《上海市2021年国民经济和社会发展计划》，确保各项目标任务落到实处，现将重点任务分解方案印发给你们，请认真抓好落实。",
        "各责任单位要按照职责分工，细化工作举措，明确时间节点，加强协同配合，每季度末将任务推进情况报送市发展改革委。",
        "市发展改革委将会同市政府督查部门加强跟踪评估，对进展滞后的任务及时预警提示，对推进有力、成效明显的做法予以总结推广。年度计划执行情况将纳入相关单位绩效考核。",
        "特此通知。",
    ], "plain")
    b.raw('<p>附件：<a href="cmsres/7a/7a1c3e5d0b2f4c6e9d8a7b6c5d4e3f21/f0e1d2c3b4a5.docx">重点任务分解表.docx</a></p>', "附件：重点任务分解表.docx")
    b.img("cmsres/7a/7a1c3e5d0b2f4c6e9d8a7b6c5d4e3f21/a9b8c7d6e5f4.png", None)
    b.raw('<p style="text-align: right;">上海市发展和改革委员会</p>', "上海市发展和改革委员会")
    b.raw('<p style="text-align: right;">2021年3月15日</p>', "2021年3月15日")
    html = f"""<!DOCTYPE html>
<html>
<head>
<meta charset="utf-8">
<base href="{base}/">
<meta name="SiteName" content="上海市发展和改革委员会">
<meta name="ColumnName" content="最新信息公开">
<meta name="ArticleTitle" content="{title}">
<meta name="PubDate" content="2021-03-16 14:03">
<meta name="ContentSource" content="上海市发展和改革委员会">
<meta name="Keywords" content="国民经济和社会发展计划;重点任务">
<title>{title}</title>
<link rel="stylesheet" href="assets/css/main.css">
<script src="assets/js/jquery.min.js"></script>
</head>
<body>
<header class="top"><a href="/" class="logo">上海市发展和改革委员会</a>
  <nav><ul><li><a href="/">首页</a></li><li><a href="fgw_zxxxgk/index.html">最新信息公开</a></li><li><a href="fgw_zwgk/index.html">政务公开</a></li><li><a href="fgw_hdjl/index.html">互动交流</a></li></ul></nav>
  <form class="search" action="https://search.sh.gov.cn/" target="_blank"><input name="q" placeholder="搜索"><button>搜索</button></form></header>
<main class="container">
  <ol class="breadcrumb"><li><a href="/">首页</a></li><li><a href="fgw_zxxxgk/index.html">最新信息公开</a></li></ol>
  <h2 class="Article-title" id="ivs_title">{title}</h2>
  <small class="PBtime">发布时间：2021-03-16</small>
  <div class="Article_content" id="ivs_content">
{b.render()}
  </div>
  <div class="Article-btn"><a href="javascript:window.print()">打印本页</a> <a href="javascript:window.close()">关闭窗口</a></div>
</main>
<footer><p>主办：上海市发展和改革委员会 地址：上海市黄浦区人民大道200号</p><p>网站标识码：3100000068 <a href="https://beian.miit.gov.cn/">沪ICP备05012330号</a></p></footer>
</body>
</html>
"""
    d = f"{base}/cmsres/7a/7a1c3e5d0b2f4c6e9d8a7b6c5d4e3f21/"
    add("sh-fgw", "article", html, art(
        url, title, "2021-03-16T14:03:00+08:00", b.text, publisher="上海市发展和改革委员会", category="最新信息公开",
        must_not_contain=COMMON_NOT[:-1] + ["发布时间", "打印本页", "主办："],
        enclosures=[d + "f0e1d2c3b4a5.docx"], images=[d + "a9b8c7d6e5f4.png"],
        features=["<base href> at site root: body hrefs/srcs resolve against it, not the page dir", "#ivs_content",
                  "DOCX attachment without oldsrc", "《》 in title"]))

    lurl = f"{base}/fgw_zxxxgk/index.html"
    rows = [
        (f"/fgw_zxxxgk/20210316/7a1c3e5d0b2f4c6e9d8a7b6c5d4e3f21.html", title, "2021-03-16"),
        (f"/fgw_zxxxgk/20210315/0b7e2f1d3c4a4e5f8a9b6c7d8e9f0a12.html", "上海市发展改革委关于开展2021年度节能监察工作的通知", "2021-03-15"),
        (f"/fgw_zxxxgk/20210312/c3d2e1f0a9b84c7d6e5f4a3b2c1d0e9f.html", "关于公布2020年度上海市生产性服务业功能区考核结果的通知", "2021-03-12"),
    ]

    def cut(t: str) -> str:
        return t if len(t) <= 22 else t[:21] + "..."

    lis = "\n".join(f'    <li><a href="{h}" title="{t}" target="_blank">{cut(t)}</a><span class="time">{d}</span></li>' for h, t, d in rows)
    lhtml = f"""<!DOCTYPE html>
<html>
<head>
<meta charset="utf-8">
<meta name="ColumnName" content="最新信息公开">
<title>最新信息公开</title>
</head>
<body>
<header class="top"><nav><ul><li><a href="/">首页</a></li><li><a href="/fgw_zxxxgk/index.html">最新信息公开</a></li><li><a href="/fgw_zwgk/index.html">政务公开</a></li></ul></nav></header>
<main class="container">
  <ul class="nowrapli list-date">
{lis}
  </ul>
  <div class="pagination"><a href="/fgw_zxxxgk/index.html" class="active">1</a> <a href="/fgw_zxxxgk/index_2.html">2</a> <a href="/fgw_zxxxgk/index_2.html" class="next">下一页</a></div>
</main>
<footer><p>网站标识码：3100000068 沪ICP备05012330号</p></footer>
</body>
</html>
"""
    add("sh-fgw", "list-zxxxgk", lhtml, lst(
        lurl, [(base + h, t, d) for h, t, d in rows], [f"{base}/fgw_zxxxgk/index_2.html"],
        forbidden_links=[f"{base}/fgw_zwgk/index.html", f"{base}/"],
        features=["ul.nowrapli li span.time", "titles cut with ... (full in title attr)", "下一页 class=next"]))


def cq_gzw() -> None:
    base = "http://gzw.cq.gov.cn"
    url = f"{base}/zwxx_208/gzdt/202103/t20210316_8920123.html"
    title = "市国资委召开2021年市属国有企业改革发展工作会议"
    b = Body().paras([
        "3月16日，市国资委召开2021年市属国有企业改革发展工作会议，总结2020年工作，部署2021年重点任务。",
        "会议指出，2020年市属国有企业克服疫情影响，主要经济指标好于预期，国企改革三年行动开局良好，混合所有制改革、公司制改革和剥离国有企业办社会职能等重点任务取得积极进展。",
        "会议要求，2021年要深入实施国企改革三年行动，推动国有资本向重要行业和关键领域集中，加快完善中国特色现代企业制度，健全市场化经营机制，不断增强国有经济竞争力、创新力、控制力、影响力和抗风险能力。",
        "会议强调，要统筹发展和安全，坚决守住不发生重大风险的底线，持续加强债务风险、投资风险和安全生产风险防控，确保国有资产保值增值。",
    ], "font")
    b.img("./W020210316541234567890.jpg", "会议现场", oldsrc="W020210316541234567890.jpg")
    meta = trs_meta("重庆市国有资产监督管理委员会", "国资动态", title, "2021-03-16 16:30", "市国资委", "国企改革;三年行动")
    header = simple_header("重庆市国有资产监督管理委员会", [("/", "首页"), ("/zwxx_208/", "政务信息"), ("/zwgk_208/", "政务公开"),
                                                        ("/hdjl/", "互动交流")], "cq.gov.cn")
    inner = f"""  <div class="zwxl-article">
    <p class="tit">{title}</p>
    <div class="zwxl-info"><span>发布日期：2021-03-16</span><span>来源：市国资委</span><span>【字体：<a>大</a> <a>中</a> <a>小</a>】</span></div>
    <div class="view TRS_UEDITOR trs_paper_default trs_web">
{b.render()}
    </div>
{TOOLS}
  </div>"""
    html = page(f"{title}_重庆市国有资产监督管理委员会", meta, header,
                '您当前的位置：<a href="../../../">首页</a> &gt; <a href="../../">政务信息</a> &gt; <a href="../">国资动态</a>', inner,
                simple_footer("重庆市国有资产监督管理委员会", "渝ICP备05003300号", "5000000049", "重庆市渝北区青竹东路6号"))
    d = f"{base}/zwxx_208/gzdt/202103/"
    add("cq-gzw", "article", html, art(
        url, title, "2021-03-16T16:30:00+08:00", b.text, publisher="市国资委", category="国资动态",
        must_not_contain=COMMON_NOT[:-1] + ["您当前的位置", "字体", "分享到"],
        images=[d + "W020210316541234567890.jpg"],
        features=["TRS_UEDITOR trs_paper_default in .view", "date-only visible, PubDate meta has time", "./W… img with oldsrc"]))

    lurl = f"{base}/zwxx_208/gzdt/"
    rows = [
        ("./202103/t20210316_8920123.html", url, title, "2021-03-16"),
        ("./202103/t20210315_8915562.html", f"{d}t20210315_8915562.html", "重庆市国资委系统召开党风廉政建设工作会议", "2021-03-15"),
        ("./202103/t20210312_8903347.html", f"{d}t20210312_8903347.html", "市属国企一季度重点项目集中开工", "2021-03-12"),
        ("../zwxx_xwfb/202103/t20210311_8900010.html", f"{base}/zwxx_208/zwxx_xwfb/202103/t20210311_8900010.html", "市国资委召开新闻发布会通报国企改革三年行动进展情况", "2021-03-11"),
    ]
    lis = "\n".join(f'      <li class="clearfix"><a href="{h}" target="_blank" title="{t}">{t}</a><span>{dt}</span></li>' for h, _, t, dt in rows)
    inner_l = f"""  <div class="tab-con">
    <div class="tab-title"><a class="on">国资动态</a><a href="../zwxx_xwfb/">新闻发布</a></div>
    <ul class="tab-item">
{lis}
    </ul>
    <div class="page"><script>createPageHTML(5, 0, "index", "html");</script></div>
  </div>"""
    lhtml = page("国资动态_重庆市国有资产监督管理委员会", '<meta name="ColumnName" content="国资动态">', header,
                 '您当前的位置：<a href="../../">首页</a> &gt; <a href="../">政务信息</a> &gt; 国资动态', inner_l,
                 simple_footer("重庆市国有资产监督管理委员会", "渝ICP备05003300号", "5000000049", "重庆市渝北区青竹东路6号"))
    add("cq-gzw", "list-gzdt", lhtml, lst(
        lurl, [(u, t, dt) for _, u, t, dt in rows], [lurl + "index_1.html"],
        forbidden_links=[f"{base}/zwxx_208/zwxx_xwfb/", f"{base}/zwxx_208/"],
        features=["ul.tab-item li.clearfix + span date", "./ and ../ hrefs", 'createPageHTML(5, 0, "index", "html")']))


def xinhua() -> None:
    url = "http://www.news.cn/politics/2021-03/16/c_1127217071.htm"
    title = "我国将加快建设全国一体化政务服务平台"
    b = Body().paras([
        "新华社北京3月16日电　记者从国务院办公厅了解到，我国将加快建设全国一体化政务服务平台，推动更多政务服务事项“一网通办”“跨省通办”。",
        "据介绍，目前全国一体化政务服务平台已联通31个省（区、市）及新疆生产建设兵团和40余个国务院部门，实名注册用户超过8亿人。下一步将重点推进高频事项标准化，完善电子证照共享应用，提升平台服务能力和用户体验。",
        "有关负责人表示，将坚持问题导向，持续优化办事流程，推动政务服务从“能办”向“好办”“易办”转变。",
        "专家认为，加快建设全国一体化政务服务平台，有利于打破信息孤岛和数据壁垒，让企业和群众办事少跑腿、好办事、不添堵，对于优化营商环境、激发市场主体活力具有重要意义。",
    ], "plain")
    html = f"""<!DOCTYPE html>
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8" />
<meta name="keywords" content="政务服务,一网通办" />
<meta name="description" content="{title}---{b.lines[0][:40]}" />
<meta name="source" content="新华网" />
<title>{title}-新华网</title>
<link rel="stylesheet" href="http://www.news.cn/detail2020/css/style.css" />
</head>
<body>
<div class="topBar"><div class="wrapper"><a href="http://www.news.cn/">新华网</a> &gt; <a href="http://www.news.cn/politics/">时政</a> &gt; 正文</div></div>
<div class="header domPC"><div class="header-top clearfix">
  <div class="header-time left"><span class="year"><em> 2021</em></span><span class="day"><em> 03</em>/<em>16</em></span><span class="time"> 09:31:25</span></div>
  <div class="source">来源：新华网</div>
  <div class="head-line clearfix"><h1><span class="title">{title}</span></h1></div>
  <div class="pageShare"><div class="setFont">字体：<span class="bigger">+</span><span class="smaller">-</span></div><div class="share">分享到：<a class="wx"></a><a class="wb"></a></div></div>
</div></div>
<div class="main clearfix"><div class="main-left left">
  <div id="detail">
{b.render()}
  </div>
  <div id="articleEdit"><span class="tiyi1"><a href="javascript:void(0);" class="advise">【纠错】</a></span><span class="editor">【责任编辑:李萌】</span></div>
</div>
<div class="main-right right"><div class="columBox"><div class="col-tit">热点推荐</div><ul>
  <li><a href="http://www.news.cn/politics/2021-03/15/c_1127214033.htm">国务院部署推进“跨省通办”</a></li></ul></div></div>
</div>
<div class="foot"><p>Copyright &copy; 2000-2021 XINHUANET.com All Rights Reserved.</p><p>制作单位：新华网股份有限公司 版权所有：新华通讯社</p></div>
<script src="http://www.news.cn/detail2020/js/xh-video.js"></script>
</body>
</html>
"""
    add("xinhua", "article", html, art(
        url, title, "2021-03-16T09:31:25+08:00", b.text, publisher="新华网", category=None,
        must_not_contain=["版权所有", "责任编辑", "纠错", "热点推荐", "分享到", "字体"],
        features=["date split over .year/.day/.time spans", "#detail", "title 标题-站点", "新华社…电 dateline in text"]))


def english() -> None:
    url = "http://english.www.gov.cn/news/topnews/202103/16/content_WS60508d3fc6d0719374afb0f1.html"
    title = "China to further cut red tape for businesses"
    b = Body().paras([
        "China will further streamline administrative approvals and improve services for market entities, according to a State Council executive meeting held on Tuesday.",
        "The meeting decided that more licensing items will be handled through notification and commitment, and that the time needed to start a business will be cut further. Local governments were asked to publish lists of administrative approval items and to make procedures transparent.",
        "The meeting also called for stronger regulation during and after approval, with a credit-based supervision system and random inspections, so that cutting red tape does not weaken oversight.",
        "Officials said the measures would help stabilize employment and boost market confidence as the economy continues its recovery.",
    ], "en")
    html = f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="firstpublishedtime" content="2021-03-16 21:12:33">
<meta name="keywords" content="State Council;executive meeting;business environment">
<meta name="description" content="{b.lines[0]}">
<title>{title} - english.gov.cn</title>
<link rel="stylesheet" href="/images/english2019.css">
</head>
<body>
<div class="header"><a href="http://english.www.gov.cn/"><img src="/images/logo_en.png" alt="english.gov.cn"></a>
  <ul class="nav"><li><a href="/">Home</a></li><li><a href="/premier/">Premier</a></li><li><a href="/news/">News</a></li><li><a href="/policies/">Policies</a></li><li><a href="/services/">Services</a></li></ul>
  <form action="http://english.www.gov.cn/search.htm"><input name="q" placeholder="Search"></form></div>
<div class="container">
  <div class="crumbs"><a href="/">Home</a> &gt; <a href="/news/">News</a> &gt; Top News</div>
  <div class="article">
    <h1>{title}</h1>
    <div class="info"><span>Updated: Mar 16, 2021 21:12</span> <span>Source: Xinhua</span></div>
    <div class="content" id="UCAP-CONTENT">
{b.render()}
    </div>
    <div class="share">Share: <a class="facebook">Facebook</a> <a class="twitter">Twitter</a> <a class="linkedin">LinkedIn</a> <a href="javascript:window.print()">Print</a></div>
    <div class="related"><h3>Related</h3><ul><li><a href="/policies/latestreleases/202103/15/content_WS604f3a2bc6d0719374afae1a.html">Guideline on credit-based supervision released</a></li></ul></div>
  </div>
</div>
<div class="footer"><p>Copyright &copy; www.gov.cn | About us | Contact us</p><p>Website Identification Code bm01000001</p><p>Registration Number: 05070218</p></div>
</body>
</html>
"""
    add("en-news", "article-govcn", html, art(
        url, title, "2021-03-16T21:12:33+08:00", b.text, publisher="Xinhua", category="Top News",
        must_not_contain=["Copyright", "Share:", "Related", "Website Identification Code", "Guideline on credit-based"],
        features=["English", "firstpublishedtime meta", "'Updated: Mar 16, 2021 21:12'", "Source: Xinhua"]))

    url2 = "https://www.chinadaily.com.cn/a/202103/16/WS60500f2ea31024ad0bab0d12.html"
    t2 = "Beijing opens new public legal service center"
    b2 = Body().paras([
        "Beijing has opened a new public legal service center in Dongcheng district, offering residents free legal consultation, mediation and notarization services under one roof.",
        "The center has 20 service windows and is staffed by lawyers, notaries and mediators on a rotating basis. Residents can also book appointments online or via a mobile app.",
        "\"We want people to be able to get legal help close to home,\" said Wang Li, an official with the city's justice bureau. She added that similar centers will open in all 16 districts by the end of the year.",
    ], "en")
    html2 = f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<meta name="articl-keywords" content="Beijing, legal service">
<meta name="description" content="{b2.lines[0]}">
<meta property="og:title" content="{t2}">
<meta property="og:url" content="{url2}">
<meta property="og:type" content="article">
<meta name="author" content="Zhang Yi">
<title>{t2} - Chinadaily.com.cn</title>
<link rel="canonical" href="{url2}">
<script type="application/ld+json">{{"@context":"https://schema.org","@type":"NewsArticle","headline":"{t2}","datePublished":"2021-03-16T09:30:00+08:00","author":{{"@type":"Person","name":"Zhang Yi"}},"publisher":{{"@type":"Organization","name":"China Daily"}}}}</script>
</head>
<body>
<div class="topNav"><a href="//www.chinadaily.com.cn">Home</a> | <a href="//www.chinadaily.com.cn/china">China</a> | <a href="//www.chinadaily.com.cn/world">World</a> | <a href="//www.chinadaily.com.cn/business">Business</a></div>
<div class="main_art">
  <div class="lft_art" id="lft-art">
    <h1>{t2}</h1>
    <div class="info"><span class="info_l">By ZHANG YI | China Daily | Updated: <time datetime="2021-03-16T09:30:00+08:00">2021-03-16 09:30</time></span>
      <span class="info_r"><a class="share_fb">Facebook</a> <a class="share_tw">Twitter</a></span></div>
    <div id="Content">
{b2.render()}
    </div>
    <div class="selectpage"><a href="javascript:void(0)">Print</a></div>
  </div>
  <div class="mb_right"><div class="tw4">Most Viewed in 24 Hours</div><ul>
    <li><a href="//www.chinadaily.com.cn/a/202103/15/WS604ea1b5a31024ad0bab0a77.html">Sandstorm sweeps across northern China</a></li></ul></div>
</div>
<div id="footer"><p>Copyright 1995 - 2021. All rights reserved. The content (including but not limited to text, photo, multimedia information, etc) published in this site belongs to China Daily Information Co (CDIC).</p><p>License for publishing multimedia online 0108263</p><p>Registration Number: 130349</p></div>
</body>
</html>
"""
    add("en-news", "article-chinadaily", html2, art(
        url2, t2, "2021-03-16T09:30:00+08:00", b2.text, author="Zhang Yi", publisher="China Daily", category=None,
        must_not_contain=["Copyright", "Most Viewed", "Sandstorm", "License for publishing", "Facebook"],
        features=["English", "<time datetime> with offset", "JSON-LD NewsArticle", "By-line 'By ZHANG YI | China Daily'",
                  "meta author"]))
