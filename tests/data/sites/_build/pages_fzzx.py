"""fzzx.org.cn (法治资讯网, a DedeCMS-style portal) and its origin, sft.shandong.gov.cn."""

from __future__ import annotations

from pathlib import Path

from common import COMMON_NOT, Body, add, art, lst

SEED = Path("/work/shared/seeds/portal-article-page.txt")
FZZX = "http://www.fzzx.org.cn"
SEED_URL = f"{FZZX}/html/rdjj/2021/0316/184563.html"
ORIGIN = "http://sft.shandong.gov.cn/articles/ch04359/202001/60ce585e-d997-4c31-bc49-1487a46cb942.shtml"
TITLE = "省委常委会召开扩大会议,研究部署疫情防控工作"


def seed_paragraphs() -> list[str]:
    lines = SEED.read_text(encoding="utf-8").split("\n")
    start = next(i for i, l in enumerate(lines) if l.startswith("发布时间")) + 1
    end = next(i for i, l in enumerate(lines) if l.startswith("原文链接"))
    return [l.strip() for l in lines[start:end] if l.strip()]


def seed_footer() -> list[str]:
    lines = SEED.read_text(encoding="utf-8").split("\n")
    start = next(i for i, l in enumerate(lines) if l.startswith("法制项目简介"))
    return lines[start:]


HEAD_NAV = """<div class="topbar">
  <div class="w1200">
    <div class="fl"><a href="http://www.zxt.org.cn/" target="_blank">政讯通中心</a></div>
    <div class="fr welcome">欢迎加入法治资讯网!&nbsp;&nbsp;<a href="/member/login.php">登录</a> | <a href="/member/reg_new.php">注册</a></div>
  </div>
</div>
<div class="header w1200">
  <div class="logo"><a href="/"><img src="/templets/default/images/logo.png" alt="法治资讯网" /></a><span class="logo-text">法治资讯网</span></div>
  <div class="search">
    <form name="formsearch" action="/plus/search.php" method="get">
      <input type="hidden" name="kwtype" value="0" />
      <input name="q" type="text" class="search-keyword" value="请输入关键字" onfocus="if(this.value=='请输入关键字'){this.value='';}" />
      <button type="submit" class="search-submit">搜索</button>
    </form>
  </div>
</div>
<div class="nav">
  <ul class="w1200">
    <li class="hover"><a href="/">网站首页</a></li>
    <li><a href="/html/rdjj/">热点聚焦</a></li>
    <li><a href="/html/fzyw/">法治要闻</a></li>
    <li><a href="/html/zfxx/">政法信息</a></li>
    <li><a href="/html/pafz/">平安法治</a></li>
    <li><a href="/html/sfxz/">司法行政</a></li>
    <li><a href="/html/dfdt/">地方动态</a></li>
    <li><a href="/html/fzwh/">法治文化</a></li>
    <li><a href="/html/zcfg/">政策法规</a></li>
  </ul>
</div>"""

SIDEBAR = """<div class="sidebar fr">
  <div class="side-box">
    <div class="side-title"><h3>热门文章</h3></div>
    <ul class="side-list">
      <li><a href="/html/fzyw/2021/0312/184201.html" title="全国政法队伍教育整顿第一批工作有序推进">全国政法队伍教育整顿第一批工作有序推进</a></li>
      <li><a href="/html/pafz/2021/0311/184137.html" title="多地公安机关集中开展打击电信网络诈骗专项行动">多地公安机关集中开展打击电信网络诈骗专…</a></li>
      <li><a href="/html/sfxz/2021/0310/184090.html" title="公共法律服务实体平台建设取得新进展">公共法律服务实体平台建设取得新进展</a></li>
      <li><a href="/html/dfdt/2021/0309/184011.html" title="基层人民调解组织化解矛盾纠纷成效明显">基层人民调解组织化解矛盾纠纷成效明显</a></li>
    </ul>
  </div>
  <div class="side-box">
    <div class="side-title"><h3>相关链接</h3></div>
    <ul class="side-list">
      <li><a href="http://www.moj.gov.cn/" target="_blank">中华人民共和国司法部</a></li>
      <li><a href="http://www.chinapeace.gov.cn/" target="_blank">中国长安网</a></li>
      <li><a href="http://sft.shandong.gov.cn/" target="_blank">山东省司法厅</a></li>
    </ul>
  </div>
</div>"""


def footer() -> str:
    f = seed_footer()
    links = f[0].split(" ")
    hrefs = ["/about/xmjj.html", "/about/zhaopin.html", "/about/gaikuang.html", "/about/lianxi.html",
             "/about/huiyuan.html", "/sitemap.html", "/about/mianze.html", "/about/guanggao.html", "/about/tougao.html"]
    nav = "\n      ".join(f'<a href="{h}" target="_blank">{t}</a>' for h, t in zip(hrefs, links))
    rest = "\n    ".join(f"<p>{l.replace('  ', '&nbsp;&nbsp;')}</p>" for l in f[1:])
    return f"""<div class="footer">
  <div class="w1200">
    <div class="footer-nav">
      {nav}
    </div>
    {rest}
    <p><a href="https://beian.miit.gov.cn/" target="_blank">京ICP备18024683号-1</a>&nbsp;&nbsp;<img src="/templets/default/images/ga.png" alt="" />京公网安备 11010102003456号</p>
  </div>
</div>
<script type="text/javascript">
var _hmt = _hmt || [];
(function() {{
  var hm = document.createElement("script");
  hm.src = "https://hm.baidu.com/hm.js?3f0a7bc1d6e5e8f2b1c9a4d7e6f5a3b2";
  var s = document.getElementsByTagName("script")[0];
  s.parentNode.insertBefore(hm, s);
}})();
</script>"""


def fz_page(title: str, url_col: str, col: str, info: str, body: Body, after_body: str,
            prevnext: str, keywords: str, description: str) -> str:
    return f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8" />
<title>{title}_{col}_法治资讯网</title>
<meta name="keywords" content="{keywords}" />
<meta name="description" content="{description}" />
<meta http-equiv="mobile-agent" content="format=html5; url=http://m.fzzx.org.cn/{url_col}" />
<link href="/templets/default/style/common.css" rel="stylesheet" type="text/css" />
<link href="/templets/default/style/article.css" rel="stylesheet" type="text/css" />
<script type="text/javascript" src="/templets/default/js/jquery-1.8.3.min.js"></script>
<script type="text/javascript">
if (/Android|webOS|iPhone|iPad|Windows Phone/i.test(navigator.userAgent)) {{
  window.location.href = "http://m.fzzx.org.cn/{url_col}";
}}
</script>
</head>
<body>
{HEAD_NAV}
<div class="w1200 main clearfix">
  <div class="position">当前所在:<a href="http://www.fzzx.org.cn/">首页</a> &gt; <a href="/html/rdjj/">{col}</a> &gt; {title}</div>
  <div class="main-left fl">
    <div class="article">
      <h1 class="article-title">{title}</h1>
      <div class="article-info">{info}</div>
      <div class="article-content" id="article-content">
{body.render()}
<p>&nbsp;&nbsp;</p>
      </div>
      {after_body}
      <div class="article-share">
        <div class="bdsharebuttonbox"><span>分享到：</span><a href="#" class="bds_weixin" data-cmd="weixin" title="分享到微信"></a><a href="#" class="bds_tsina" data-cmd="tsina" title="分享到新浪微博"></a><a href="#" class="bds_qzone" data-cmd="qzone" title="分享到QQ空间"></a></div>
        <span class="print">【<a href="javascript:window.print();">打印</a>】【<a href="javascript:window.close();">关闭</a>】</span>
      </div>
      <div class="prevnext">
{prevnext}
      </div>
    </div>
  </div>
{SIDEBAR}
</div>
{footer()}
</body>
</html>
"""


def build() -> None:
    paras = seed_paragraphs()
    body = Body().paras(paras, "nbsp")
    info = ('<span>发布时间:2021-03-16</span> <span>来源: 山东省司法厅</span> '
            '<span>作者:佚名</span> <span>点击数:<script src="/plus/count.php?view=yes&amp;aid=184563&amp;mid=1" type="text/javascript" language="javascript"></script></span>')
    after = f'<div class="yuanwen"><p>原文链接:<a href="{ORIGIN}" target="_blank">{ORIGIN}</a></p></div>'
    prevnext = """        <li>上一篇:<a href="/html/rdjj/2021/0316/184562.html">全省司法行政系统部署疫情防控法律服务工作</a></li>
        <li>下一篇:<a href="/html/rdjj/2021/0316/184564.html">省政府新闻办发布会介绍疫情防控最新进展</a></li>"""
    html = fz_page(TITLE, "html/rdjj/2021/0316/184563.html", "热点聚焦", info, body, after, prevnext,
                   "疫情防控,省委常委会,扩大会议", paras[0][:60])
    add("fzzx", "article-seed", html, art(
        SEED_URL, TITLE, "2021-03-16", body.text, publisher="山东省司法厅", origin_url=ORIGIN,
        category="热点聚焦",
        must_not_contain=COMMON_NOT + ["政讯通中心", "欢迎加入法治资讯网", "当前所在", "热门文章",
                                       "上一篇", "下一篇", "分享到", "免责声明", "监督电话", "客服QQ",
                                       "作者:佚名", "发布时间", "中国长安网"],
        features=["seed", "dedecms-like", "date-only", "作者:佚名", "原文链接 outside body",
                  "title 标题_栏目_站点", "nbsp-indented paragraphs", "sidebar 热门文章/相关链接"]))

    # a second fzzx article: 转自 with a URL, 责任编辑, a real author, full-width labels with nbsp
    url2 = f"{FZZX}/html/rdjj/2021/0315/184522.html"
    t2 = "多地司法行政机关创新举措优化公共法律服务供给"
    origin2 = "http://www.legaldaily.com.cn/Lawyer/content/2021-03/15/content_8456123.htm"
    b2 = Body().paras([
        "近期，多地司法行政机关围绕群众“急难愁盼”问题，推出一系列便民利民举措，公共法律服务的覆盖面和可及性持续提升。",
        "在江苏，省司法厅推动公共法律服务中心与政务服务中心融合建设，群众在一个窗口即可办理法律援助申请、公证咨询和人民调解登记等事项。据统计，今年以来全省各级公共法律服务实体平台共接待群众咨询二十余万人次，办结率保持在百分之九十以上。",
        "在浙江，司法行政部门依托“浙里办”平台上线线上法律咨询服务，律师在线值守时间延长至每天晚上九点，并针对农民工欠薪、婚姻家庭等高频问题编制了通俗易懂的问答指引。",
        "在四川，各地结合乡村振兴工作，深入推进“一村（社区）一法律顾问”制度，法律顾问每月至少到村开展一次现场服务，帮助村集体审查合同、化解纠纷、完善村规民约。",
        "业内人士表示，公共法律服务体系建设要坚持以人民为中心，下一步还需在服务标准化、信息化和专业化方面持续发力，让群众在每一件法律服务事项中都有实实在在的获得感。",
    ], "ideo")
    info2 = ('发布时间：2021-03-15&nbsp;&nbsp;来源：&nbsp;法治日报&nbsp;&nbsp;作者：&nbsp;王建军'
             '&nbsp;&nbsp;点击数:<script src="/plus/count.php?view=yes&amp;aid=184522&amp;mid=1" type="text/javascript" language="javascript"></script>')
    after2 = (f'<div class="yuanwen"><p>转自：<a href="{origin2}" target="_blank">{origin2}</a></p>'
              '<p class="editor">（责任编辑：刘晓燕）</p></div>')
    pn2 = """        <li>上一篇:<a href="/html/rdjj/2021/0315/184521.html">最高检发布检察机关服务保障民营经济典型案例</a></li>
        <li>下一篇:<a href="/html/rdjj/2021/0316/184562.html">全省司法行政系统部署疫情防控法律服务工作</a></li>"""
    html2 = fz_page(t2, "html/rdjj/2021/0315/184522.html", "热点聚焦", info2, b2, after2, pn2,
                    "公共法律服务,司法行政", b2.lines[0][:60])
    add("fzzx", "article-2", html2, art(
        url2, t2, "2021-03-15", b2.text, author="王建军", publisher="法治日报", origin_url=origin2,
        category="热点聚焦",
        must_not_contain=COMMON_NOT + ["责任编辑", "刘晓燕", "转自", "热门文章", "上一篇", "欢迎加入法治资讯网"],
        features=["转自 line with URL", "责任编辑 not author", "full-width labels with nbsp", "U+3000 indents"]))

    # the 热点聚焦 list page
    list_url = f"{FZZX}/html/rdjj/"
    rows = [
        ("/html/rdjj/2021/0316/184564.html", "省政府新闻办发布会介绍疫情防控最新进展", "2021-03-16"),
        ("/html/rdjj/2021/0316/184563.html", TITLE, "2021-03-16"),
        ("/html/rdjj/2021/0316/184562.html", "全省司法行政系统部署疫情防控法律服务工作", "2021-03-16"),
        ("/html/rdjj/2021/0315/184522.html", t2, "2021-03-15"),
        ("/html/rdjj/2021/0315/184521.html", "最高检发布检察机关服务保障民营经济典型案例", "2021-03-15"),
        ("/html/rdjj/2021/0314/184480.html", "全国人大代表建议加快完善个人信息保护配套制度设计与执法协作机制", "2021-03-14"),
        ("/html/rdjj/2021/0313/184455.html", "市场监管总局开展民生领域案件查办“铁拳”行动", "2021-03-13"),
    ]

    def cut(t: str) -> str:
        return t if len(t) <= 20 else t[:19] + "…"

    lis = "\n".join(
        f'      <li><span class="date fr">{d}</span><a href="{h}" title="{t}" target="_blank">{cut(t)}</a>'
        f'<p class="intro">{t}……</p></li>' for h, t, d in rows)
    html_l = f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8" />
<title>热点聚焦_法治资讯网</title>
<meta name="keywords" content="热点聚焦,法治资讯" />
<meta name="description" content="法治资讯网热点聚焦栏目" />
<link href="/templets/default/style/common.css" rel="stylesheet" type="text/css" />
<script type="text/javascript" src="/templets/default/js/jquery-1.8.3.min.js"></script>
</head>
<body>
{HEAD_NAV}
<div class="w1200 main clearfix">
  <div class="position">当前所在:<a href="http://www.fzzx.org.cn/">首页</a> &gt; <a href="/html/rdjj/">热点聚焦</a> &gt; 列表</div>
  <div class="main-left fl">
    <div class="list-title"><h2>热点聚焦</h2></div>
    <ul class="list-box">
{lis}
    </ul>
    <div class="dede_pages">
      <ul class="pagelist">
        <li><span class="pageinfo">共 <strong>126</strong>页<strong>1886</strong>条</span></li>
        <li><a>首页</a></li>
        <li class="thisclass">1</li>
        <li><a href="list_12_2.html">2</a></li>
        <li><a href="list_12_3.html">3</a></li>
        <li><a href="list_12_2.html">下一页</a></li>
        <li><a href="list_12_126.html">末页</a></li>
      </ul>
    </div>
  </div>
{SIDEBAR}
</div>
{footer()}
</body>
</html>
"""
    add("fzzx", "list-rdjj", html_l, lst(
        list_url, [(FZZX + h, t, d) for h, t, d in rows], [list_url + "list_12_2.html"],
        forbidden_links=[FZZX + "/html/fzyw/2021/0312/184201.html", FZZX + "/html/fzyw/",
                         "http://www.moj.gov.cn/", FZZX + "/about/mianze.html"],
        features=["cut titles with … (full in title attr)", "date span before link", "DedeCMS pagelist 下一页",
                  "sidebar 热门文章 + nav + footer links"]))

    # the original on sft.shandong.gov.cn: same paragraphs, different CMS (dedupe case)
    b3 = Body().paras(paras, "indent")
    html3 = f"""<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="UTF-8">
<meta http-equiv="X-UA-Compatible" content="IE=edge">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<meta name="SiteName" content="山东省司法厅">
<meta name="SiteDomain" content="sft.shandong.gov.cn">
<meta name="SiteIDCode" content="3700000061">
<meta name="ColumnName" content="工作动态">
<meta name="ColumnType" content="工作动态">
<meta name="ArticleTitle" content="{TITLE}">
<meta name="PubDate" content="2020-01-27 10:30">
<meta name="ContentSource" content="大众日报">
<meta name="Keywords" content="疫情防控;省委常委会">
<title>{TITLE}</title>
<link rel="stylesheet" href="/static/css/common.css">
<script src="/static/js/jquery.min.js"></script>
</head>
<body>
<div class="top-bar"><div class="container"><span>欢迎访问山东省司法厅网站</span><a href="/col/wza/">无障碍</a> <a href="/col/zhjt/">长者模式</a></div></div>
<div class="header"><div class="container"><a href="/" class="logo"><img src="/static/images/logo.png" alt="山东省司法厅"></a>
<form class="search" action="http://www.shandong.gov.cn/jsearchfront/search.do" method="get" target="_blank"><input type="text" name="q" placeholder="请输入搜索内容"><button>搜索</button></form></div></div>
<div class="nav"><ul class="container"><li><a href="/">首页</a></li><li><a href="/channels/ch04355/">机构概况</a></li><li><a href="/channels/ch04359/">工作动态</a></li><li><a href="/channels/ch04380/">政务公开</a></li><li><a href="/channels/ch04402/">公共法律服务</a></li><li><a href="/channels/ch04420/">互动交流</a></li></ul></div>
<div class="container">
  <div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/channels/ch04359/">工作动态</a></div>
  <div class="article-box">
    <div class="art-title">{TITLE}</div>
    <div class="art-info">
      <span>发布日期：2020年01月27日 10:30</span>
      <span>信息来源：大众日报</span>
      <span>浏览次数：<i id="viewCount">1288</i></span>
      <span class="font-size">字号：<a href="javascript:void(0)" onclick="doZoom(18)">大</a> <a href="javascript:void(0)" onclick="doZoom(16)">中</a> <a href="javascript:void(0)" onclick="doZoom(14)">小</a></span>
    </div>
    <div class="art-con" id="zoom">
{b3.render()}
    </div>
    <div class="art-tools"><a href="javascript:window.print()">【打印本页】</a><a href="javascript:window.close()">【关闭窗口】</a></div>
  </div>
</div>
<div class="footer"><div class="container">
  <p><a href="/col/wzdt/">网站地图</a> | <a href="/col/lxwm/">联系我们</a> | <a href="/col/sm/">网站声明</a></p>
  <p>主办单位：山东省司法厅&nbsp;&nbsp;地址：济南市历下区龙奥北路1号</p>
  <p>网站标识码：3700000061&nbsp;&nbsp;<a href="https://beian.miit.gov.cn" target="_blank">鲁ICP备05007325号-1</a>&nbsp;&nbsp;鲁公网安备 37010202000312号</p>
  <p><script type="text/javascript">document.write(unescape("%3Cspan id='_ideConac' %3E%3C/span%3E%3Cscript src='https://dcs.conac.cn/js/16/000/0000/60425837/CA160000000604258370004.js' type='text/javascript'%3E%3C/script%3E"));</script></p>
</div></div>
<script>
function doZoom(size) {{ document.getElementById('zoom').style.fontSize = size + 'px'; }}
$.get('/api/view/count?id=60ce585e-d997-4c31-bc49-1487a46cb942', function (d) {{ $('#viewCount').text(d.count); }});
</script>
</body>
</html>
"""
    add("sd-sft", "article-origin", html3, art(
        ORIGIN, TITLE, "2020-01-27T10:30:00+08:00", b3.text, publisher="大众日报", category="工作动态",
        must_not_contain=COMMON_NOT + ["当前位置", "信息来源", "浏览次数", "字号", "无障碍", "网站声明"],
        features=["origin of the seed (same body)", "TRS-style meta incl. SiteIDCode", "<title> = bare title",
                  "2020年01月27日 10:30 visible, PubDate meta", "#zoom", ".shtml"]))
