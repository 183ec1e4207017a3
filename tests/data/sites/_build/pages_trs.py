"""TRS WCM ministry sites: ndrc, mee, chinatax, moj, npc, ccdi, stats."""

from __future__ import annotations

from common import COMMON_NOT, Body, add, art, lst


def trs_meta(site: str, col: str, title: str, pub: str, source: str, kw: str, extra: str = "") -> str:
    return f"""<meta name="SiteName" content="{site}">
<meta name="SiteDomain" content="">
<meta name="ColumnName" content="{col}">
<meta name="ColumnDescription" content="{col}">
<meta name="ColumnKeywords" content="{col}">
<meta name="ColumnType" content="{col}">
<meta name="ArticleTitle" content="{title}">
<meta name="PubDate" content="{pub}">
<meta name="ContentSource" content="{source}">
<meta name="Keywords" content="{kw}">
<meta name="Author" content="{source}">
<meta name="Url" content="">{extra}"""


def simple_header(name: str, nav: list[tuple[str, str]], domain: str) -> str:
    items = "".join(f'<li><a href="{h}">{t}</a></li>' for h, t in nav)
    return f"""<div class="header"><div class="container">
  <a class="logo" href="/"><img src="/images/logo.png" alt="{name}"></a>
  <div class="header-search"><form action="https://so.{domain}/s" method="get" target="_blank"><input type="text" name="qt" placeholder="请输入关键词"><input type="submit" value="搜索"></form></div>
</div></div>
<div class="nav"><ul class="container">{items}</ul></div>"""


def simple_footer(host: str, icp: str, code: str, address: str) -> str:
    return f"""<div class="footer"><div class="container">
  <p><a href="/wzdt/">网站地图</a> | <a href="/lxwm/">联系我们</a> | <a href="/wzsm/">网站声明</a></p>
  <p>版权所有：{host}&nbsp;&nbsp;地址：{address}</p>
  <p><a href="https://beian.miit.gov.cn" target="_blank">{icp}</a>&nbsp;&nbsp;网站标识码：{code}</p>
  <p><span id="_ideConac"></span><script type="text/javascript" src="https://dcs.conac.cn/js/33/000/0000/40672202/CA330000000406722020001.js"></script></p>
</div></div>"""


TOOLS = """<div class="article-tools">
  <span>【字体：<a href="javascript:void(0)" onclick="fontZoom(18)">大</a> <a href="javascript:void(0)" onclick="fontZoom(16)">中</a> <a href="javascript:void(0)" onclick="fontZoom(14)">小</a>】</span>
  <span>【<a href="javascript:window.print()">打印</a>】</span><span>【<a href="javascript:window.close()">关闭</a>】</span>
  <div class="bdsharebuttonbox"><span>分享到：</span><a class="bds_weixin" data-cmd="weixin"></a><a class="bds_tsina" data-cmd="tsina"></a></div>
</div>"""


def page(title_tag: str, meta: str, header: str, crumb: str, inner: str, footer: str, charset: str = "utf-8") -> str:
    return f"""<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta http-equiv="Content-Type" content="text/html; charset={charset}">
<meta http-equiv="X-UA-Compatible" content="IE=edge,chrome=1">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
{meta}
<title>{title_tag}</title>
<link rel="stylesheet" type="text/css" href="/images/common.css">
<script type="text/javascript" src="/images/jquery-1.12.4.min.js"></script>
<script type="text/javascript" src="/images/common.js"></script>
</head>
<body>
{header}
<div class="container">
  <div class="crumb">{crumb}</div>
{inner}
</div>
{footer}
<script type="text/javascript">
function fontZoom(size) {{ $(".article_con, .TRS_Editor, #zoom, #fontzoom").css("font-size", size + "px"); }}
</script>
</body>
</html>
"""


def build() -> None:
    ndrc()
    mee()
    chinatax()
    moj()
    npc()
    ccdi()
    stats()


def ndrc() -> None:
    base = "https://www.ndrc.gov.cn"
    url = f"{base}/xwdt/xwfb/202103/t20210316_1269876.html"
    title = "国家发展改革委召开3月份新闻发布会"
    b = Body().paras([
        "3月16日上午，国家发展改革委召开3月份定时定主题新闻发布会，介绍当前经济运行情况、“十四五”规划纲要实施准备以及稳定大宗商品价格等方面工作，并回答记者提问。",
        "新闻发言人表示，今年以来，国民经济延续稳定恢复态势，生产需求持续改善，就业形势总体稳定，市场预期向好。下一步将继续做好“六稳”工作、落实“六保”任务，保持经济运行在合理区间。",
        "关于大宗商品价格，发言人介绍，近期部分大宗商品价格上涨较快，国家发展改革委将会同有关部门加强市场监测预警，强化期现货市场联动监管，严厉打击囤积居奇、哄抬价格等违法违规行为。",
    ], "font")
    b.img("./W020210316387612345678.jpg", "新闻发布会现场", oldsrc="W020210316387612345678.jpg")
    b.p("发言人还就促进消费、推进重大项目建设等问题回答了记者提问。", "font")
    b.raw('<p>附件：<a href="./P020210316387612349999.pdf" oldsrc="P020210316387612349999.pdf">3月份新闻发布会文字实录.pdf</a></p>',
          "附件：3月份新闻发布会文字实录.pdf")
    meta = trs_meta("国家发展和改革委员会", "新闻发布", title, "2021-03-16 11:20", "新闻发布中心", "新闻发布会;经济运行")
    header = simple_header("国家发展和改革委员会", [("/", "首页"), ("/fzggw/", "机构设置"), ("/xwdt/", "新闻动态"),
                                                 ("/xxgk/", "政务公开"), ("/fggz/", "发展改革工作"), ("/hdjl/", "互动交流")], "ndrc.gov.cn")
    inner = f"""  <div class="article">
    <div class="article_title"><h2>{title}</h2></div>
    <div class="article_l"><span>发布时间：2021/03/16</span><span>来源：新闻发布中心</span></div>
    <div class="article_con article_con_title">
      <div class="TRS_Editor">
{b.render()}
      </div>
    </div>
{TOOLS}
    <div class="article_prev"><p>上一篇：<a href="./t20210315_1269801.html">国家发展改革委部署开展春耕备耕化肥保供稳价工作</a></p></div>
  </div>"""
    html = page(f"{title}_国家发展和改革委员会", meta, header,
                '当前位置：<a href="../../../">首页</a> &gt; <a href="../../">新闻动态</a> &gt; <a href="../">新闻发布</a>', inner,
                simple_footer("国家发展和改革委员会", "京ICP备05052393号", "bm04000007", "北京市西城区月坛南街38号"))
    d = f"{base}/xwdt/xwfb/202103/"
    add("ndrc", "article", html, art(
        url, title, "2021-03-16T11:20:00+08:00", b.text, publisher="新闻发布中心", category="新闻发布",
        must_not_contain=COMMON_NOT[:-1] + ["当前位置", "上一篇", "字体", "分享到", "春耕备耕"],
        enclosures=[d + "P020210316387612349999.pdf"], images=[d + "W020210316387612345678.jpg"],
        features=["TRS meta PubDate (min)", ".article_con .TRS_Editor", "visible date 2021/03/16", "./ img with oldsrc",
                  "a[oldsrc] PDF", "title 标题_站点"]))

    # ndrc list: .u-list li a, ../../ hrefs, createPageHTML pager
    lurl = f"{base}/xwdt/xwfb/"
    rows = [
        ("./202103/t20210316_1269876.html", url, title, "2021/03/16"),
        ("./202103/t20210315_1269801.html", f"{base}/xwdt/xwfb/202103/t20210315_1269801.html", "国家发展改革委部署开展春耕备耕化肥保供稳价工作", "2021/03/15"),
        ("../../xxgk/zcfb/tz/202103/t20210312_1269511.html", f"{base}/xxgk/zcfb/tz/202103/t20210312_1269511.html", "关于做好2021年降成本重点工作的通知", "2021/03/12"),
        ("./202103/t20210310_1269388.html", f"{base}/xwdt/xwfb/202103/t20210310_1269388.html", "国家发展改革委就2021年国民经济和社会发展计划草案答记者问", "2021/03/10"),
    ]
    lis = "\n".join(f'      <li><a href="{h}" target="_blank" title="{t}">{t}</a><span>{d}</span></li>' for h, _, t, d in rows)
    inner_l = f"""  <div class="list-left">
    <ul class="u-menu"><li class="on"><a href="../xwfb/">新闻发布</a></li><li><a href="../wszb/">委领导动态</a></li><li><a href="../ztzl/">专题专栏</a></li></ul>
  </div>
  <div class="list-right">
    <div class="list-title">新闻发布</div>
    <ul class="u-list">
{lis}
    </ul>
    <div class="page"><script type="text/javascript">
var currentPage = 0;
var countPage = 25;
createPageHTML(countPage, currentPage, "index", "html");
</script></div>
  </div>"""
    lhtml = page("新闻发布_国家发展和改革委员会", '<meta name="ColumnName" content="新闻发布">', header,
                 '当前位置：<a href="../../">首页</a> &gt; <a href="../">新闻动态</a> &gt; 新闻发布', inner_l,
                 simple_footer("国家发展和改革委员会", "京ICP备05052393号", "bm04000007", "北京市西城区月坛南街38号"))
    add("ndrc", "list-xwfb", lhtml, lst(
        lurl, [(u, t, d.replace("/", "-")) for _, u, t, d in rows], [lurl + "index_1.html"],
        forbidden_links=[f"{base}/xwdt/wszb/", f"{base}/xwdt/", f"{base}/wzdt/"],
        features=[".u-list li a", "./YYYYMM/t… and ../../ hrefs", "dates 2021/03/16", "createPageHTML(countPage, currentPage…) pager via vars",
                  "side menu u-menu"]))


def mee() -> None:
    base = "https://www.mee.gov.cn"
    url = f"{base}/ywdt/hjywnews/202103/t20210316_824517.shtml"
    title = "生态环境部召开部常务会议审议并原则通过《排污许可管理办法》修订稿"
    b = Body().paras([
        "3月15日，生态环境部部长主持召开部常务会议，审议并原则通过《排污许可管理办法》修订稿，听取关于重点区域大气污染防治工作进展情况的汇报。",
        "会议指出，排污许可制度是固定污染源监管制度体系的核心。修订《排污许可管理办法》，是落实《排污许可管理条例》的重要举措，对于进一步规范排污许可证申请、审批、执行和监管具有重要意义。",
        "会议强调，要坚持精准治污、科学治污、依法治污，持续推进重点区域秋冬季大气污染综合治理，加强细颗粒物和臭氧协同控制，巩固提升环境空气质量改善成效。",
    ], "indent")
    b.img("../../../ywdt/hjywnews/202103/W020210316558701239876.jpg", "会议现场", oldsrc="W020210316558701239876.jpg")
    b.p("部领导班子成员，驻部纪检监察组负责同志出席会议。", "indent")
    meta = trs_meta("中华人民共和国生态环境部", "要闻动态", title, "2021-03-16 08:55", "生态环境部", "排污许可;部常务会议")
    header = simple_header("中华人民共和国生态环境部", [("/", "首页"), ("/zjhb/", "组织机构"), ("/ywdt/", "要闻动态"),
                                                   ("/xxgk/", "信息公开"), ("/ywgz/", "业务工作"), ("/hdjl/", "互动交流")], "mee.gov.cn")
    inner = f"""  <div class="neiright_Box">
    <h2 class="neiright_Title">{title}</h2>
    <div class="wzxq_neirong2"><span class="xqLyPc time">2021-03-16</span> <span class="xqLyPc">来源：生态环境部</span></div>
    <div class="neiright_JPZ_GK_CP">
      <div class="TRS_Editor">
{b.render()}
      </div>
    </div>
{TOOLS}
    <div class="related"><h3>相关链接</h3><ul><li><a href="/ywdt/hjywnews/202103/t20210312_824101.shtml">生态环境部通报2月份全国环境空气质量状况</a></li></ul></div>
  </div>"""
    html = page(f"{title}_要闻动态_中华人民共和国生态环境部", meta, header,
                '当前位置：<a href="../../../">首页</a> &gt; <a href="../../">要闻动态</a> &gt; <a href="../">环境要闻</a>', inner,
                simple_footer("中华人民共和国生态环境部", "京ICP备05009132号", "bm17000009", "北京市东城区东长安街12号"))
    add("mee", "article", html, art(
        url, title, "2021-03-16T08:55:00+08:00", b.text, publisher="生态环境部", category="要闻动态",
        must_not_contain=COMMON_NOT[:-1] + ["当前位置", "相关链接", "全国环境空气质量状况", "分享到"],
        images=[f"{base}/ywdt/hjywnews/202103/W020210316558701239876.jpg"],
        features=["TRS meta", ".TRS_Editor in .neiright_JPZ_GK_CP", "../../../ img src", ".shtml",
                  "title 标题_栏目_站点 with 《》 in title"]))


def chinatax() -> None:
    base = "http://www.chinatax.gov.cn"
    url = f"{base}/chinatax/n810219/n810724/c5162789/content.html"
    title = "国家税务总局关于进一步优化增值税发票开具服务的公告"
    b = Body().paras([
        "为深入贯彻落实党中央、国务院关于深化“放管服”改革、优化营商环境的决策部署，进一步便利纳税人开具和使用增值税发票，现将有关事项公告如下：",
        "一、纳税人通过增值税电子发票公共服务平台开具电子普通发票的，可以自行选择以电子邮件、短信等方式向受票方交付。",
        "二、税务机关应当为符合条件的新办纳税人一次性办结发票领用、税控设备发行等事项，压缩办理时间。",
        "三、纳税人可以通过电子税务局、自助办税终端等渠道办理发票验旧、领用和代开等业务，主管税务机关应当做好咨询辅导，及时解答纳税人在发票开具过程中遇到的问题。",
        "四、本公告自2021年4月1日起施行。",
        "特此公告。",
    ], "ideo")
    b.raw('<p style="text-align: right;">国家税务总局</p>', "国家税务总局")
    b.raw('<p style="text-align: right;">2021年3月16日</p>', "2021年3月16日")
    b.raw('<p>附件：<a href="/chinatax/n810341/n810755/c5162789/part/5162801.doc" oldsrc="5162801.doc">增值税发票开具服务事项清单.doc</a></p>',
          "附件：增值税发票开具服务事项清单.doc")
    meta = trs_meta("国家税务总局", "税收政策", title, "2021-03-16 15:30", "国家税务总局办公厅", "增值税发票;公告")
    header = simple_header("国家税务总局", [("/chinatax/index.html", "首页"), ("/chinatax/n810219/index.html", "新闻发布"),
                                         ("/chinatax/n810341/index.html", "税收政策"), ("/chinatax/n810346/index.html", "纳税服务")], "chinatax.gov.cn")
    inner = f"""  <div class="article">
    <div class="sv_texth1">{title}</div>
    <div class="sv_texth3"><span>时间：2021年03月16日</span>&nbsp;&nbsp;<span>来源：国家税务总局办公厅</span>
      <span>字体：【<a href="javascript:doZoom(18)">大</a> <a href="javascript:doZoom(16)">中</a> <a href="javascript:doZoom(14)">小</a>】</span></div>
    <div id="fontzoom">
{b.render()}
    </div>
    <div class="print">【<a href="javascript:window.print()">打印</a>】 【<a href="javascript:window.close()">关闭</a>】</div>
  </div>"""
    html = page("国家税务总局", meta, header,
                '当前位置：<a href="/chinatax/index.html">首页</a> &gt; <a href="/chinatax/n810341/index.html">税收政策</a>', inner,
                simple_footer("国家税务总局", "京ICP备05009096号", "bm29000002", "北京市海淀区羊坊店西路5号"))
    add("chinatax", "article", html, art(
        url, title, "2021-03-16T15:30:00+08:00", b.text, publisher="国家税务总局办公厅", category="税收政策",
        must_not_contain=COMMON_NOT[:-1] + ["当前位置", "字体"],
        enclosures=[f"{base}/chinatax/n810341/n810755/c5162789/part/5162801.doc"],
        features=["<title> is only the site name", "#fontzoom", "root-relative DOC a[oldsrc]", "2021年03月16日 visible",
                  "PubDate meta with time"]))


def moj() -> None:
    base = "http://www.moj.gov.cn"
    url = f"{base}/pub/sfbgw/gwxw/xwyw/202103/t20210316_349871.html"
    title = "司法部召开全国司法行政系统政法队伍教育整顿工作推进会"
    b = Body().paras([
        "3月15日，司法部召开全国司法行政系统政法队伍教育整顿工作推进会，总结前一阶段工作，部署下一阶段任务。",
        "会议指出，教育整顿开展以来，全国司法行政系统认真贯彻党中央决策部署，扎实开展学习教育，深入推进查纠整改，取得了阶段性成效。",
        "会议强调，要坚持刀刃向内，以最坚决的态度、最有力的措施推进顽瘴痼疾专项整治，深入开展监狱戒毒领域违规违法减刑、假释、暂予监外执行问题排查，确保教育整顿取得实效。",
        "会议要求，各级司法行政机关要把教育整顿与为群众办实事结合起来，持续提升公共法律服务质效，让人民群众切实感受到教育整顿带来的新变化。",
    ], "indent")
    header = simple_header("中华人民共和国司法部", [("/pub/sfbgw/index.html", "首页"), ("/pub/sfbgw/jgsz/", "机构设置"),
                                                ("/pub/sfbgw/gwxw/", "工作动态"), ("/pub/sfbgw/zwgk/", "政务公开")], "moj.gov.cn")
    inner = f"""  <div class="detail">
    <div class="sTitle">{title}</div>
    <div class="sT"><div class="sT_left"><span>时间：2021-03-16 09:12</span><span>来源：司法部政府网</span></div>
      <div class="sT_right"><a href="javascript:window.print()">打印</a> <a href="javascript:window.close()">关闭</a></div></div>
    <div class="content" id="content">
      <div class="TRS_Editor">
{b.render()}
      </div>
    </div>
  </div>"""
    html = page(f"{title}_中华人民共和国司法部", '<meta name="keywords" content="教育整顿">\n<meta name="description" content="' + b.lines[0] + '">',
                header, '您所在的位置：<a href="/pub/sfbgw/index.html">首页</a> &gt; <a href="/pub/sfbgw/gwxw/">工作动态</a> &gt; 部领导活动', inner,
                simple_footer("中华人民共和国司法部", "京ICP备15044713号", "bm14000008", "北京市朝阳区朝阳门南大街10号"))
    add("moj", "article", html, art(
        url, title, "2021-03-16T09:12:00+08:00", b.text, publisher="司法部政府网", category=None,
        must_not_contain=COMMON_NOT[:-1] + ["您所在的位置", "时间："],
        features=["no TRS meta", "div.sT_left spans 时间：/来源：", ".TRS_Editor in #content"]))


def npc() -> None:
    base = "http://www.npc.gov.cn"
    url = f"{base}/npc/c30834/202103/a7f2b9c0e12d4f5b8c3a1d6e9f0b2c4d.shtml"
    title = "全国人大常委会法工委发言人就数据安全法草案答记者问"
    b = Body().paras([
        "近日，全国人大常委会法制工作委员会发言人就数据安全法草案有关问题回答了记者提问。",
        "发言人表示，数据安全法草案已经十三届全国人大常委会第二十二次会议初次审议，并向社会公开征求意见。社会各方面普遍认为，制定数据安全法对于维护国家主权、安全和发展利益，保障公民、组织的合法权益具有重要意义。",
        "发言人介绍，草案二审稿拟在以下方面作出修改完善：一是进一步明确数据安全工作协调机制；二是建立数据分类分级保护制度；三是完善政务数据安全与开放的有关规定；四是加大对违法行为的处罚力度。",
        "发言人表示，常委会法工委将认真研究各方面意见，进一步修改完善草案，争取早日出台。",
    ], "ideo")
    header = simple_header("中国人大网", [("/", "首页"), ("/npc/c183/", "要闻"), ("/npc/c30834/", "立法"),
                                       ("/npc/c192/", "监督"), ("/npc/c30852/", "代表")], "npc.gov.cn")
    inner = f"""  <div class="tit"><h1>{title}</h1></div>
  <div class="fontsize">
    <span class="fl">来源：&nbsp;中国人大网&nbsp;&nbsp;&nbsp;&nbsp;浏览字号：
      <a href="javascript:doZoom(18)">大</a> <a href="javascript:doZoom(16)">中</a> <a href="javascript:doZoom(14)">小</a></span>
    <span class="fr" id="fbrq"><script type="text/javascript">
var fbrq = "2021年03月16日 15:20";
document.write(fbrq);
</script></span>
  </div>
  <div id="Zoom">
<!--<$[信息内容]>begin-->
{b.render()}
<!--<$[信息内容]>end-->
  </div>
  <div class="editor">责任编辑：孙菲</div>
  <div class="print">【<a href="javascript:window.print()">打印</a>】【<a href="javascript:window.close()">关闭</a>】</div>"""
    html = page(f"中国人大网", '<meta name="keywords" content="数据安全法">', header,
                '当前位置：<a href="/">首页</a> &gt; <a href="/npc/c30834/">立法</a>', inner,
                simple_footer("全国人大常委会办公厅", "京ICP备05004488号", "bm01000004", "北京市西城区西交民巷23号"))
    add("npc", "article", html, art(
        url, title, "2021-03-16T15:20:00+08:00", b.text, publisher="中国人大网", category=None,
        must_not_contain=COMMON_NOT[:-1] + ["浏览字号", "责任编辑", "fbrq", "document.write"],
        features=["date only in inline script fbrq = \"2021年03月16日 15:20\"", "#Zoom", "<title> is site name only",
                  "title in .tit h1", "来源：&nbsp;"]))


def ccdi() -> None:
    base = "https://www.ccdi.gov.cn"
    url = f"{base}/yaowenn/202103/t20210316_237456.html"
    title = "以有力监督护航“十四五”开好局起好步"
    b = Body().paras([
        "开局之年，各地纪检监察机关立足职能职责，紧盯重大决策部署落实情况强化监督检查，推动各项任务落地见效。",
        "某省纪委监委聚焦乡村振兴、生态环境保护等领域，制定专项监督工作方案，采取“室组地”联动方式开展监督，推动发现问题整改到位。",
        "某市纪委监委围绕优化营商环境开展专项监督，畅通问题线索反映渠道，对损害营商环境的作风问题从严查处，并对典型案例点名道姓通报曝光。",
        "还有的地方纪委监委聚焦民生领域突出问题，组织开展专项治理，督促职能部门建立健全长效机制，推动解决群众反映强烈的教育医疗、养老社保、食品药品安全等方面问题。",
        "受访干部表示，将坚持把监督挺在前面，以精准有效的监督推动党中央决策部署落到实处。",
    ], "indent")
    header = simple_header("中央纪委国家监委网站", [("/", "首页"), ("/yaowenn/", "要闻"), ("/scdc/", "审查调查"),
                                                ("/jdjc/", "监督检查"), ("/lswh/", "廉史文化")], "ccdi.gov.cn")
    inner = f"""  <div class="content">
    <h2 class="tit">{title}</h2>
    <div class="daty"><div class="daty_con">
      <em class="e e1">来源：中央纪委国家监委网站</em>
      <em class="e e3">作者：王卓</em>
      <em class="e e2">发布时间：2021-03-16 07:30</em>
      <em class="e e4">分享：<a class="share_wx"></a><a class="share_wb"></a></em>
    </div></div>
    <div class="content_box"><div class="TRS_Editor">
{b.render()}
    </div></div>
    <div class="fenx"><a href="javascript:window.print()">打印</a></div>
  </div>"""
    html = page(f"{title}_中央纪委国家监委网站", trs_meta("中央纪委国家监委网站", "要闻", title, "2021-03-16 07:30",
                                                    "中央纪委国家监委网站", "监督;十四五"), header,
                '当前位置：<a href="../../">首页</a> &gt; <a href="../">要闻</a>', inner,
                simple_footer("中央纪委国家监委网站", "京ICP备12017155号", "bm01000009", "北京市西城区平安里西大街41号"))
    add("ccdi", "article", html, art(
        url, title, "2021-03-16T07:30:00+08:00", b.text, author="王卓", publisher="中央纪委国家监委网站", category="要闻",
        must_not_contain=COMMON_NOT[:-1] + ["当前位置", "分享：", "发布时间"],
        features=[".daty em 来源/作者/发布时间/分享", "author present", "title with “”"]))


def stats() -> None:
    base = "http://www.stats.gov.cn"
    url = f"{base}/tjsj/zxfb/202103/t20210315_1814949.html"
    title = "2021年1—2月份国民经济开局良好"
    b = Body().paras([
        "1—2月份，各地区各部门认真贯彻落实党中央、国务院决策部署，国民经济延续稳定恢复态势，开局良好。",
        "一、工业生产增长加快。1—2月份，全国规模以上工业增加值同比增长35.1%，两年平均增长8.1%。",
        "二、服务业持续恢复。1—2月份，全国服务业生产指数同比增长31.1%，两年平均增长4.3%。",
    ], "indent")
    b.raw("""<table class="MsoNormalTable" border="1" cellspacing="0" cellpadding="0" style="width: 100%;">
<tbody>
<tr><td><p>指标</p></td><td><p>1—2月</p></td><td><p>同比增长（%）</p></td></tr>
<tr><td><p>规模以上工业增加值</p></td><td><p>—</p></td><td><p>35.1</p></td></tr>
<tr><td><p>社会消费品零售总额（亿元）</p></td><td><p>69737</p></td><td><p>33.8</p></td></tr>
</tbody>
</table>""", "指标\n1—2月\n同比增长（%）\n规模以上工业增加值\n—\n35.1\n社会消费品零售总额（亿元）\n69737\n33.8")
    b.p("附注：本新闻稿中部分数据因四舍五入的原因，存在总计与分项合计不等的情况。", "indent")
    b.raw('<p>附件：<a href="./P020210315375218201234.xls" oldsrc="P020210315375218201234.xls">2021年1-2月份主要统计数据.xls</a></p>',
          "附件：2021年1-2月份主要统计数据.xls")
    header = simple_header("国家统计局", [("/", "首页"), ("/tjsj/", "统计数据"), ("/tjgz/", "统计工作"),
                                       ("/xxgk/", "信息公开"), ("/hd/", "互动交流")], "stats.gov.cn")
    inner = f"""  <div class="detail-title"><h1>{title}</h1></div>
  <div class="detail-title-des">
    <h2><p>发布时间：2021-03-15 10:00</p></h2>
    <p class="info">来源：国家统计局&nbsp;&nbsp;<span class="ly">【<a href="javascript:window.print()">打印</a>】</span></p>
  </div>
  <div class="detail-text-content">
    <div class="TRS_UEDITOR trs_paper_default trs_web">
{b.render()}
    </div>
  </div>"""
    html = page(f"{title}", trs_meta("国家统计局", "最新发布", title, "2021-03-15 10:00", "国家统计局", "国民经济;统计数据"), header,
                '当前位置：<a href="../../../">首页</a> &gt; <a href="../../">统计数据</a> &gt; <a href="../">最新发布</a>', inner,
                simple_footer("国家统计局", "京ICP备05034670号", "bm36000002", "北京市西城区月坛南街57号"))
    d = f"{base}/tjsj/zxfb/202103/"
    add("stats", "article", html, art(
        url, title, "2021-03-15T10:00:00+08:00", b.text, publisher="国家统计局", category="最新发布",
        must_not_contain=COMMON_NOT[:-1] + ["当前位置", "发布时间"],
        enclosures=[d + "P020210315375218201234.xls"],
        features=["TRS_UEDITOR trs_paper_default", "data table in body", ".detail-title-des h2 p date", "a[oldsrc] xls"]))

    lurl = f"{base}/tjsj/zxfb/"
    rows = [
        ("./202103/t20210315_1814949.html", url, title, "2021-03-15"),
        ("./202103/t20210315_1814950.html", f"{d}t20210315_1814950.html", "2021年1—2月份全国房地产开发投资和销售情况", "2021-03-15"),
        ("./202103/t20210310_1814631.html", f"{d}t20210310_1814631.html", "2021年2月份居民消费价格同比下降0.2%", "2021-03-10"),
        ("http://www.gov.cn/xinwen/2021-03/09/content_5591710.htm", "http://www.gov.cn/xinwen/2021-03/09/content_5591710.htm", "国家统计局局长就2021年1—2月份国民经济运行情况答记者问", "2021-03-09"),
    ]
    lis = "\n".join(
        f'      <li><a class="pchide" href="{h}" target="_blank" title="{t}">{t}</a>'
        f'<a class="pcshow" href="{h}" target="_blank">{t[:14]}…</a><span>{dt}</span></li>' for h, _, t, dt in rows)
    inner_l = f"""  <div class="list-content">
    <div class="list-content-title">最新发布</div>
    <ul>
{lis}
    </ul>
    <div class="page"><script type="text/javascript">createPageHTML(68, 0, "index", "html");</script></div>
  </div>
  <div class="list-right"><div class="tit">热点</div><ul>
    <li><a href="/ztjc/zthd/lhfw/2021/" title="2021年全国两会">2021年全国两会</a></li>
    <li><a href="/tjsj/pcsj/rkpc/d7c/" title="第七次全国人口普查">第七次全国人口普查</a></li>
  </ul></div>"""
    lhtml = page("最新发布", '<meta name="ColumnName" content="最新发布">', header,
                 '当前位置：<a href="../../">首页</a> &gt; <a href="../">统计数据</a> &gt; 最新发布', inner_l,
                 simple_footer("国家统计局", "京ICP备05034670号", "bm36000002", "北京市西城区月坛南街57号"))
    add("stats", "list-zxfb", lhtml, lst(
        lurl, [(u, t, dt) for _, u, t, dt in rows], [lurl + "index_1.html"],
        forbidden_links=[f"{base}/ztjc/zthd/lhfw/2021/", f"{base}/tjsj/pcsj/rkpc/d7c/", f"{base}/tjsj/"],
        features=[".list-content a.pchide + duplicate a.pcshow (must dedupe)", "off-site gov.cn link in the list",
                  "createPageHTML(68, 0, \"index\", \"html\")", "sidebar 热点 with a[title]"]))
