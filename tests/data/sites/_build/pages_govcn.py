"""www.gov.cn (中国政府网): news article, policy-library document, news list."""

from __future__ import annotations

from common import COMMON_NOT, Body, add, art, lst

GOV = "http://www.gov.cn"

HEADER = """<div class="header">
  <div class="header_top"><div class="w1200"><div class="fl">今天是<script type="text/javascript">var d=new Date();document.write(d.getFullYear()+"年"+(d.getMonth()+1)+"月"+d.getDate()+"日");</script></div>
  <div class="fr"><a href="http://english.www.gov.cn/" target="_blank">English</a> | <a href="http://big5.www.gov.cn/" target="_blank">繁体</a> | <a href="http://www.gov.cn/zhuanti/wza/">无障碍</a></div></div></div>
  <div class="logo w1200"><a href="http://www.gov.cn/"><img src="/govweb/images/gtrs_logo.png" alt="中国政府网" /></a>
  <div class="search"><form action="http://sousuo.gov.cn/s.htm" method="get" target="_blank"><input type="text" name="q" value="" placeholder="搜索" /><input type="hidden" name="t" value="govall" /><button type="submit">搜索</button></form></div></div>
  <div class="nav"><ul class="w1200">
    <li><a href="http://www.gov.cn/">首页</a></li><li><a href="http://www.gov.cn/guowuyuan/">国务院</a></li><li><a href="http://www.gov.cn/premier/">总理</a></li>
    <li><a href="http://www.gov.cn/xinwen/">新闻</a></li><li><a href="http://www.gov.cn/zhengce/">政策</a></li><li><a href="http://www.gov.cn/hudong/">互动</a></li>
    <li><a href="http://www.gov.cn/fuwu/">服务</a></li><li><a href="http://www.gov.cn/shuju/">数据</a></li><li><a href="http://www.gov.cn/guoqing/">国情</a></li>
  </ul></div>
</div>"""

FOOTER = """<div class="footer">
  <div class="w1200">
    <div class="footer_nav"><a href="http://www.gov.cn/zhuanti/wzdt.htm">网站地图</a> | <a href="http://www.gov.cn/1/2015-07/03/content_2889788.htm">联系我们</a> | <a href="http://www.gov.cn/hudong/2015-06/02/content_2872211.htm">网站声明</a></div>
    <p>版权所有：中国政府网&nbsp;&nbsp;中文域名：中国政府网.政务</p>
    <p>网站识别码bm01000001&nbsp;&nbsp;<a href="https://beian.miit.gov.cn/" target="_blank">京ICP备05070218号</a>&nbsp;&nbsp;京公网安备11010202000001号</p>
    <p>国务院办公厅主办&nbsp;&nbsp;中国政府网运行中心负责运行维护</p>
  </div>
</div>
<script type="text/javascript" src="/govweb/xhtml/js/govcn_statistics.js"></script>"""

SHARE = """<div class="share">
  <span class="share_tit">分享到：</span>
  <a href="javascript:void(0)" class="share_weixin" title="微信"></a>
  <a href="javascript:void(0)" class="share_weibo" title="新浪微博"></a>
  <a href="javascript:void(0)" class="share_qzone" title="QQ空间"></a>
</div>"""


def build() -> None:
    # ---- news article: firstpublishedtime meta, #UCAP-CONTENT, 来源 in .pages-date, 责任编辑 below
    url = f"{GOV}/xinwen/2021-03/16/content_5593290.htm"
    title = "国务院常务会议部署进一步做好稳就业工作"
    b = Body().paras([
        "国务院总理主持召开国务院常务会议，部署进一步做好稳就业工作，确定支持中小微企业和个体工商户纾困发展的措施。",
        "会议指出，就业是最大的民生。今年高校毕业生人数再创新高，加之农民工和退役军人等群体就业需求，稳就业任务依然繁重。要把稳就业摆在更加突出的位置，保持宏观政策连续性、稳定性、可持续性，稳定市场主体就是稳定就业。",
        "会议确定，继续实施减税降费政策，延续执行阶段性降低失业保险、工伤保险费率政策；加大对吸纳高校毕业生、退役军人就业的中小微企业支持力度，落实好一次性吸纳就业补贴；对招用登记失业半年以上人员的企业，按规定给予社会保险补贴。",
        "会议要求，拓宽高校毕业生就业渠道，扩大基层服务项目招募规模，支持灵活就业和新就业形态健康发展；加强职业技能培训，今年继续开展大规模职业技能提升行动，提高培训质量和针对性；做好困难人员就业帮扶，对零就业家庭实行动态清零。",
        "会议还研究了其他事项。",
    ], "ideo")
    html = f"""<!DOCTYPE html>
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8" />
<meta http-equiv="X-UA-Compatible" content="IE=edge" />
<meta name="firstpublishedtime" content="2021-03-16 18:42:05" />
<meta name="lastmodifiedtime" content="2021-03-16 18:46:21" />
<meta name="keywords" content="稳就业;国务院常务会议;中小微企业" />
<meta name="description" content="{b.lines[0]}" />
<meta name="author" content="新华社" />
<meta name="catalogs" content="01" />
<meta name="contentid" content="5593290" />
<meta name="publishdate" content="2021-03-16" />
<meta name="source" content="新华社" />
<meta name="url" content="{url}" />
<title>{title}_滚动新闻_中国政府网</title>
<link rel="stylesheet" href="/govweb/xhtml/css/common.css" />
<script type="text/javascript" src="/govweb/xhtml/js/jquery.min.js"></script>
</head>
<body>
{HEADER}
<div class="w1200 main">
  <div class="BreadcrumbNav"><a href="http://www.gov.cn/">首页</a> &gt; <a href="http://www.gov.cn/xinwen/">新闻</a> &gt; <a href="http://www.gov.cn/xinwen/gundong.htm">滚动新闻</a></div>
  <div class="article oneColumn pub_border">
    <h1>{title}</h1>
    <div class="pages-date">2021-03-16 18:42&nbsp;&nbsp;<span class="font">来源： 新华社</span>
      <span class="font index_switchsize">【字体：<span onclick="changeSize(18)">大</span> <span onclick="changeSize(16)">中</span> <span onclick="changeSize(14)">小</span>】</span>
      <span class="font"><a href="javascript:void(0)" onclick="window.print(); return false;">打印</a></span></div>
    <div class="pages_content" id="UCAP-CONTENT">
{b.render()}
    </div>
    <div class="editor">【我要纠错】 责任编辑：王洋</div>
    {SHARE}
    <div class="related"><h3>相关稿件</h3><ul>
      <li><a href="http://www.gov.cn/zhengce/2021-03/15/content_5592971.htm" target="_blank">人力资源社会保障部：全力做好高校毕业生就业服务</a></li>
      <li><a href="http://www.gov.cn/xinwen/2021-03/14/content_5592801.htm" target="_blank">多地出台措施稳定和扩大就业</a></li>
    </ul></div>
  </div>
</div>
{FOOTER}
</body>
</html>
"""
    add("gov-cn", "article-news", html, art(
        url, title, "2021-03-16T18:42:05+08:00", b.text, publisher="新华社", category="滚动新闻",
        must_not_contain=COMMON_NOT[:-1] + ["责任编辑", "我要纠错", "分享到", "相关稿件", "字体", "网站识别码",
                                            "多地出台措施稳定和扩大就业"],
        features=["firstpublishedtime meta (seconds)", "#UCAP-CONTENT", "来源 with full-width colon + space",
                  "责任编辑 after body", "title 标题_栏目_站点", "meta author = agency, not a person"]))

    # ---- policy library page: 发文机关/成文日期 table, .pages_content body, PDF attachment
    purl = f"{GOV}/zhengce/content/2021-03/16/content_5593311.htm"
    ptitle = "国务院办公厅关于加快推进社会信用体系建设构建以信用为基础的新型监管机制的指导意见"
    pb = Body()
    pb.raw('<p>各省、自治区、直辖市人民政府，国务院各部委、各直属机构：</p>', "各省、自治区、直辖市人民政府，国务院各部委、各直属机构：")
    pb.paras([
        "加快推进社会信用体系建设、构建以信用为基础的新型监管机制，是充分发挥“放管服”改革综合效应、优化营商环境的重要举措。经国务院同意，现提出以下意见。",
        "一、总体要求。以习近平新时代中国特色社会主义思想为指导，围绕服务构建新发展格局，以加强信用监管为着力点，创新监管理念、监管制度和监管方式，建立健全贯穿市场主体全生命周期，衔接事前、事中、事后全监管环节的新型监管机制。",
        "二、创新事前环节信用监管。建立健全信用承诺制度，在办理适用信用承诺制的行政许可事项时，申请人承诺符合审批条件并提交有关材料的，应予即时办理。鼓励市场主体主动向社会作出信用承诺。",
        "三、加强事中环节信用监管。全面建立市场主体信用记录，根据信用等级高低采取差异化的监管措施，对信用较好、风险较低的市场主体，合理降低抽查比例和频次。",
        "四、完善事后环节信用监管。依法依规开展失信联合惩戒，坚持依法依规、保护权益、审慎适度、清单管理，严格按照法律法规规定认定失信主体并实施惩戒措施，同时建立健全信用修复机制。",
        "各地区、各部门要高度重视，加强组织领导，结合实际抓好贯彻落实。",
    ], "font")
    pb.raw('<p style="text-align: right;">国务院办公厅</p>', "国务院办公厅")
    pb.raw('<p style="text-align: right;">2021年3月10日</p>', "2021年3月10日")
    pb.raw('<p>（此件公开发布）</p>', "（此件公开发布）")
    pb.raw('<p>附件：<a href="./W020210316393216181234.pdf" oldsrc="W020210316393216181234.pdf">社会信用体系建设重点任务分工.pdf</a></p>',
           "附件：社会信用体系建设重点任务分工.pdf")
    phtml = f"""<!DOCTYPE html>
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8" />
<meta name="firstpublishedtime" content="2021-03-16 17:00:42" />
<meta name="lastmodifiedtime" content="2021-03-16 17:10:03" />
<meta name="keywords" content="社会信用体系;信用监管" />
<meta name="description" content="{ptitle}" />
<meta name="catalogs" content="2210" />
<meta name="publishdate" content="2021-03-16" />
<title>{ptitle}_政府信息公开专栏</title>
<link rel="stylesheet" href="/govweb/xhtml/css/zhengce.css" />
</head>
<body>
{HEADER}
<div class="w1100 main">
  <div class="BreadcrumbNav"><a href="http://www.gov.cn/">首页</a> &gt; <a href="http://www.gov.cn/zhengce/">政策</a> &gt; <a href="http://www.gov.cn/zhengce/zhengceku/">国务院政策文件库</a></div>
  <div class="policyLibraryOverview_header">
  <table class="bd1" border="0" cellspacing="1" cellpadding="0" width="100%">
    <tbody>
    <tr><td class="b12c" width="90">索&nbsp;&nbsp;引&nbsp;&nbsp;号：</td><td width="260">000014349/2021-00021</td><td class="b12c" width="90">主题分类：</td><td>综合政务\\其他</td></tr>
    <tr><td class="b12c">发文机关：</td><td>国务院办公厅</td><td class="b12c">成文日期：</td><td>2021年03月10日</td></tr>
    <tr><td class="b12c">标&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;题：</td><td colspan="3">{ptitle}</td></tr>
    <tr><td class="b12c">发文字号：</td><td>国办发〔2021〕7号</td><td class="b12c">发布日期：</td><td>2021年03月16日</td></tr>
    </tbody>
  </table>
  </div>
  <div class="pages_content">
    <div class="pages-title" style="text-align:center;font-size:22px;">{ptitle}</div>
    <div class="pages-title-sub" style="text-align:center;">国办发〔2021〕7号</div>
    <div class="b12c" id="UCAP-CONTENT">
{pb.render()}
    </div>
  </div>
  <div class="pages_print"><span class="font">【<a href="javascript:window.print()">打印</a>】</span> <span class="font">【<a href="javascript:window.close()">关闭</a>】</span></div>
  {SHARE}
</div>
{FOOTER}
</body>
</html>
"""
    add("gov-cn", "article-policy", phtml, art(
        purl, ptitle, "2021-03-16T17:00:42+08:00", pb.text, publisher="国务院办公厅", category="国务院政策文件库",
        must_not_contain=COMMON_NOT[:-1] + ["索引号", "主题分类", "成文日期", "发文字号", "分享到"],
        enclosures=[f"{GOV}/zhengce/content/2021-03/16/W020210316393216181234.pdf"],
        features=["policy library: 索引号/发文机关/成文日期/发布日期 table (not body)", "成文日期 must not be published",
                  "publisher from 发文机关", "a[oldsrc] PDF with ./ href", "signature + date lines in body"]))

    # ---- gov.cn news list: .news_box .list li h4 a + span.date, li.line separators, 下一页
    lurl = f"{GOV}/xinwen/yaowen/home.htm"
    rows = [
        ("../2021-03/16/content_5593290.htm", f"{GOV}/xinwen/2021-03/16/content_5593290.htm", title, "2021-03-16"),
        ("http://www.gov.cn/zhengce/content/2021-03/16/content_5593311.htm", purl, ptitle, "2021-03-16"),
        ("../2021-03/16/content_5593187.htm", f"{GOV}/xinwen/2021-03/16/content_5593187.htm", "国务院联防联控机制部署做好疫苗接种工作", "2021-03-16"),
        ("../2021-03/15/content_5593012.htm", f"{GOV}/xinwen/2021-03/15/content_5593012.htm", "前两个月国民经济持续稳定恢复", "2021-03-15"),
        ("/xinwen/2021-03/15/content_5592990.htm", f"{GOV}/xinwen/2021-03/15/content_5592990.htm", "全国春耕生产有序展开", "2021-03-15"),
        ("../2021-03/14/content_5592870.htm", f"{GOV}/xinwen/2021-03/14/content_5592870.htm", "第十三届全国人民代表大会第四次会议闭幕", "2021-03-14"),
    ]
    lis = "\n        <li class=\"line\"></li>\n".join(
        f'        <li><h4><a href="{h}" target="_blank">{t}</a><span class="date">{d}</span></h4></li>'
        for h, _, t, d in rows)
    lhtml = f"""<!DOCTYPE html>
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8" />
<title>要闻_中国政府网</title>
<meta name="keywords" content="要闻,新闻,中国政府网" />
<link rel="stylesheet" href="/govweb/xhtml/css/common.css" />
</head>
<body>
{HEADER}
<div class="w1200 main">
  <div class="BreadcrumbNav"><a href="http://www.gov.cn/">首页</a> &gt; <a href="http://www.gov.cn/xinwen/">新闻</a> &gt; 要闻</div>
  <div class="column_title"><h2>要闻</h2></div>
  <div class="news_box">
    <div class="list list_1 list_2">
      <ul>
{lis}
      </ul>
    </div>
    <div class="newspage cl"><ul>
      <li><a class="pagesel" href="home.htm">1</a></li>
      <li><a href="home_1.htm">2</a></li>
      <li><a href="home_2.htm">3</a></li>
      <li><a href="home_1.htm">下一页</a></li>
      <li><a href="home_49.htm">尾页</a></li>
    </ul></div>
  </div>
  <div class="slider_right">
    <div class="hot"><h3>热点专题</h3><ul>
      <li><a href="http://www.gov.cn/zhuanti/2021lh/index.htm">2021全国两会</a></li>
      <li><a href="http://www.gov.cn/zhuanti/xxgzbdgrdfyyq/index.htm">新冠肺炎疫情防控</a></li>
    </ul></div>
  </div>
</div>
{FOOTER}
</body>
</html>
"""
    add("gov-cn", "list-yaowen", lhtml, lst(
        lurl, [(u, t, d) for _, u, t, d in rows], [f"{GOV}/xinwen/yaowen/home_1.htm"],
        forbidden_links=["http://www.gov.cn/zhuanti/2021lh/index.htm", "http://www.gov.cn/xinwen/",
                         "http://www.gov.cn/zhuanti/wzdt.htm"],
        features=[".news_box .list li h4 .date", "li.line separators", "../ and root-relative and absolute hrefs",
                  "newspage 下一页 (home_1.htm)", "sidebar 热点专题"]))
