"""Held-out pages modelled on court, procuratorate, provincial and municipal government sites."""

from __future__ import annotations

from _build_common import article, paras

# ------------------------------------------------------------------ chinacourt style: title in div, 作者 + 发布时间 in one span
C1 = [
    "近日，北京市第二中级人民法院审结一起涉网络购物合同纠纷上诉案件，依法维持一审判决，认定商家构成欺诈，应当承担三倍赔偿责任。",
    "法院经审理查明，消费者刘某在某电商平台购买一款标注为“原装进口”的奶粉，收货后发现该商品实为国内分装，且无法提供相应的进口报关材料。",
    "法院认为，经营者在销售商品时对商品产地作虚假宣传，使消费者作出错误意思表示，构成欺诈。根据消费者权益保护法的规定，应当按照消费者的要求增加赔偿其受到的损失。",
    "法官提示，网络经营者应当如实、全面地披露商品信息，消费者在网购时也应注意保存交易记录和聊天凭证，以便发生纠纷时依法维权。",
]
article("chinacourt-article", f"""<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8" />
<title>网购“原装进口”奶粉实为国内分装 商家被判三倍赔偿 - 中国法院网</title>
</head><body>
<div class="header"><div class="logo"><a href="https://www.chinacourt.org/"><img src="/images/logo.png" alt="中国法院网"/></a></div>
<div class="nav"><a href="https://www.chinacourt.org/index.shtml">首页</a><a href="https://www.chinacourt.org/article/index/id/MzAwNDAwMgAA.shtml">新闻</a><a href="https://www.chinacourt.org/law.shtml">法律文库</a></div></div>
<div class="container"><div class="left">
<div class="crumb"><a href="https://www.chinacourt.org/">首页</a> &gt; <a href="https://www.chinacourt.org/article/subjectdetail/type/more/id/MzAwNDAwMgAA.shtml">法院动态</a></div>
<div class="detail">
<div class="title"><div class="b_title">网购“原装进口”奶粉实为国内分装 商家被判三倍赔偿</div>
<div class="sth_a"><span>作者：孙静　发布时间：2021-03-16 09:58:21</span>
<span class="source">来源：人民法院报</span>
<span class="fr"><a href="javascript:window.print();">打印</a> <a href="javascript:;">字号：大 中 小</a></span></div></div>
<div class="text">
{paras(C1, '<p>　　{}</p>')}
</div>
<div class="page_bottom"><div class="fl">责任编辑：张子蕊</div></div>
<div class="relatedNews"><div class="tit">相关文章</div><ul>
<li><a href="https://www.chinacourt.org/article/detail/2021/03/id/5881001.shtml">直播带货虚假宣传 商家退一赔三</a><span>2021-03-12</span></li></ul></div>
</div></div>
<div class="right"><div class="hot"><h3>热点排行</h3><ul><li><a href="https://www.chinacourt.org/article/detail/2021/03/id/5880001.shtml">最高法发布典型案例</a></li></ul></div></div></div>
<div class="footer">Copyright © 2002-2021 中国法院网 版权所有 京ICP备05003813号</div>
</body></html>""",
    url="https://www.chinacourt.org/article/detail/2021/03/id/5882345.shtml",
    title="网购“原装进口”奶粉实为国内分装 商家被判三倍赔偿", published="2021-03-16T09:58:21+08:00",
    text=C1, publisher="人民法院报", author="孙静",
    must_not=["责任编辑", "相关文章", "直播带货", "热点排行", "版权所有", "字号"],
    features=["title in div.b_title", "作者 and 发布时间 in one span", "logo image in header"])

# ------------------------------------------------------------------ spp.gov.cn TRS style: date-only, 时间： label
S1 = [
    "为深入贯彻落实党中央关于加强未成年人保护工作的决策部署，最高人民检察院近日印发《关于加强新时代未成年人检察工作的意见》。",
    "《意见》明确，要坚持最有利于未成年人原则，全面履行未成年人检察职能，依法严惩侵害未成年人犯罪，对涉罪未成年人坚持教育、感化、挽救方针。",
    "《意见》提出，要深化落实强制报告制度，推动建立入职查询制度，加强与公安、民政、教育等部门的协作配合，形成未成年人保护工作合力。",
    "最高检第九检察厅负责人表示，各级检察机关要以《意见》印发为契机，进一步提升未成年人检察工作专业化、规范化、社会化水平。",
]
article("spp-article", f"""<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<meta name="ArticleTitle" content="最高检印发《关于加强新时代未成年人检察工作的意见》">
<meta name="PubDate" content="2021-03-16">
<meta name="ContentSource" content="检察日报">
<title>最高检印发《关于加强新时代未成年人检察工作的意见》_中华人民共和国最高人民检察院</title></head>
<body>
<div class="top"><a href="https://www.spp.gov.cn/">首页</a>|<a href="https://www.spp.gov.cn/spp/zdgz/">重要新闻</a>|<a href="https://www.spp.gov.cn/spp/qwfb/">权威发布</a></div>
<div class="BreadcrumbNav">当前位置：<a href="https://www.spp.gov.cn/">首页</a> &gt; <a href="https://www.spp.gov.cn/spp/xwfbh/">新闻发布会</a></div>
<div class="detail">
<div class="detail_tit">最高检印发《关于加强新时代未成年人检察工作的意见》</div>
<div class="detail_extend1 fl"><span>时间：2021-03-16</span><span>作者：史兆琨</span><span>新闻来源：检察日报</span></div>
<div class="detail_extend2 fr"><a href="javascript:doZoom(16)">大</a><a href="javascript:doZoom(14)">中</a><a href="javascript:doZoom(12)">小</a> <a href="javascript:window.print()">打印</a></div>
<div class="detail_con"><div class="TRS_Editor">
{paras(S1, '<p>{}</p>')}
</div></div>
<div class="detail_extend3">【打印】【关闭】</div>
</div>
<div class="footer">版权所有：中华人民共和国最高人民检察院 ICP备案号：京ICP备05084981号 未经许可不得复制</div>
</body></html>""",
    url="https://www.spp.gov.cn/spp/xwfbh/wsfbt/202103/t20210316_512345.shtml",
    title="最高检印发《关于加强新时代未成年人检察工作的意见》", published="2021-03-16",
    text=S1, publisher="检察日报", author="史兆琨",
    must_not=["打印", "关闭", "版权所有", "当前位置"],
    features=["TRS_Editor", "date-only 时间：", "新闻来源 label", "title in div.detail_tit"])

# ------------------------------------------------------------------ zj.gov.cn Hanweb style: table layout, 发布日期, footer 2003-2021
Z1 = [
    "3月15日，省政府召开全省数字化改革推进会，部署推进数字化改革各项任务。省长出席会议并讲话。",
    "会议指出，数字化改革是围绕建设数字浙江目标，统筹运用数字化技术、数字化思维、数字化认知，把数字化、一体化、现代化贯穿到党的领导和经济、政治、文化、社会、生态文明建设全过程各方面的系统性重塑。",
    "会议强调，要聚焦党政机关整体智治、数字政府、数字经济、数字社会和数字法治等重点领域，加快构建“1+5+2”工作体系，推出一批具有辨识度的标志性成果。",
    "会议要求，各地各部门要强化责任担当，加强统筹协调，确保数字化改革各项任务落地见效。",
]
article("zj-hanweb-article", f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8" />
<meta name="SiteName" content="浙江省人民政府" /><meta name="ColumnName" content="政务动态" />
<meta name="ArticleTitle" content="全省数字化改革推进会召开" />
<meta name="PubDate" content="2021-03-16 08:42" />
<title>浙江省人民政府 政务动态 全省数字化改革推进会召开</title></head>
<body>
<table width="1000" border="0" align="center" cellpadding="0" cellspacing="0"><tr><td><img src="/picture/0/banner.jpg" /></td></tr>
<tr><td class="nav"><a href="http://www.zj.gov.cn/">首页</a> | <a href="http://www.zj.gov.cn/col/col1545735/index.html">要闻动态</a> | <a href="http://www.zj.gov.cn/col/col1229019364/index.html">政务公开</a></td></tr></table>
<table width="1000" border="0" align="center" cellpadding="0" cellspacing="0"><tr>
<td width="260" valign="top" class="left">
<table width="100%"><tr><td class="lm">热点信息</td></tr>
<tr><td><a href="http://www.zj.gov.cn/art/2021/3/12/art_1554467_59088001.html">省政府常务会议研究部署相关工作</a> 2021-03-12</td></tr>
<tr><td><a href="http://www.zj.gov.cn/art/2021/3/10/art_1554467_59087001.html">全省春季农业生产工作会议召开</a> 2021-03-10</td></tr></table></td>
<td width="740" valign="top">
<table width="100%" border="0" cellspacing="0" cellpadding="0">
<tr><td class="bt_position">当前位置：<a href="http://www.zj.gov.cn/">首页</a> &gt; <a href="http://www.zj.gov.cn/col/col1554467/index.html">政务动态</a></td></tr>
<tr><td align="center" class="title" style="font-size:22px;font-weight:bold;">全省数字化改革推进会召开</td></tr>
<tr><td align="center" class="bt_time">发布日期：2021-03-16 08:42　信息来源：浙江日报　浏览次数：<span id="hits">1024</span></td></tr>
<tr><td class="bt_content"><div id="zoom">
<!--ZJEG_RSS.content.begin--><meta name="ContentStart">
{paras(Z1, '<p style="text-indent:2em">{}</p>')}
<meta name="ContentEnd"><!--ZJEG_RSS.content.end-->
</div></td></tr>
<tr><td align="right">【字体：<a href="javascript:doZoom(20)">大</a> <a href="javascript:doZoom(16)">中</a> <a href="javascript:doZoom(12)">小</a>】【<a href="javascript:window.print()">打印本页</a>】【<a href="javascript:window.close()">关闭窗口</a>】</td></tr>
</table></td></tr></table>
<table width="1000" align="center"><tr><td class="footer" align="center">主办单位：浙江省人民政府办公厅　承办单位：浙江省大数据发展管理局<br/>版权所有 2003-2021 浙ICP备05000001号 网站标识码3300000001</td></tr></table>
</body></html>""",
    url="http://www.zj.gov.cn/art/2021/3/16/art_1554467_59089999.html",
    title="全省数字化改革推进会召开", published="2021-03-16T08:42:00+08:00",
    text=Z1, publisher="浙江日报", category="政务动态",
    must_not=["打印本页", "关闭窗口", "热点信息", "春季农业生产", "版权所有", "浏览次数"],
    features=["table layout", "title in td.title", "sidebar dates before the article", "footer 2003-2021"])

# ------------------------------------------------------------------ old county site: GBK without declaration, text in <td> with <br>, <font>
O1 = [
    "为切实做好春季森林防火工作，确保人民群众生命财产安全和森林资源安全，县政府于3月15日召开全县春季森林防火工作会议。",
    "会议要求，各乡镇、各有关部门要充分认识当前森林防火形势的严峻性和复杂性，严格落实森林防火行政首长负责制，层层压实责任。",
    "会议强调，要加强野外火源管控，在重点区域、重要路口设立检查站，严禁携带火种进山入林，严禁在林区违规用火。",
    "要加强应急值守，严格执行24小时值班和领导带班制度，一旦发生火情，要快速反应、科学扑救，确保打早、打小、打了。",
]
body_o = "<br>\n".join("&nbsp;&nbsp;&nbsp;&nbsp;" + t + "<br>" for t in O1)
article("county-gbk-nodecl", f"""<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">
<html><head>
<title>我县召开春季森林防火工作会议</title>
<style>td{{font-size:12px}}</style></head>
<body bgcolor="#FFFFFF" topmargin="0">
<table width="778" border="0" align="center" cellpadding="0" cellspacing="0">
<tr><td height="80" background="images/top.gif"><font color="#FFFFFF" size="5"><b>某某县人民政府</b></font></td></tr>
<tr><td bgcolor="#0066CC"><a href="/index.asp"><font color="#FFFFFF">网站首页</font></a> | <a href="/news/list.asp?id=1"><font color="#FFFFFF">政务动态</font></a> | <a href="/news/list.asp?id=2"><font color="#FFFFFF">通知公告</font></a></td></tr>
</table>
<table width="778" border="0" align="center" cellpadding="0" cellspacing="0"><tr>
<td width="180" valign="top" bgcolor="#F0F0F0"><table width="100%"><tr><td><b>最新公告</b></td></tr>
<tr><td>·<a href="/news/show.asp?id=1201">关于清明节期间文明祭扫的倡议</a><br><font color="#999999">2021-3-12</font></td></tr></table></td>
<td width="598" valign="top"><table width="96%" border="0" align="center" cellpadding="0" cellspacing="0">
<tr><td height="40" align="center"><font size="4" color="#CC0000"><b>我县召开春季森林防火工作会议</b></font></td></tr>
<tr><td align="center"><font color="#666666">发布时间：2021年3月16日　来源：县应急管理局　点击数：<script src="/news/count.asp?id=1234"></script></font></td></tr>
<tr><td><hr size="1" color="#CCCCCC"></td></tr>
<tr><td style="line-height:200%"><font size="3">
{body_o}
</font></td></tr>
<tr><td align="right"><a href="javascript:window.close()">【关闭窗口】</a></td></tr>
</table></td></tr></table>
<table width="778" align="center"><tr><td align="center" bgcolor="#EEEEEE">版权所有：某某县人民政府办公室　Copyright 2005-2021<br>技术支持：某某网络科技有限公司</td></tr></table>
</body></html>""",
    url="http://www.mmx.gov.cn/news/show.asp?id=1234",
    title="我县召开春季森林防火工作会议", published="2021-03-16",
    text=O1, publisher="县应急管理局", encoding="gbk",
    must_not=["关闭窗口", "文明祭扫", "版权所有", "技术支持", "点击数"],
    features=["GBK bytes, no charset declaration", "body text directly in <td> with <br>", "<font> tags", "date 2021年3月16日"])

# ------------------------------------------------------------------ mis-declared charset: utf-8 declared, GBK bytes; div with <br><br>
M1 = [
    "3月16日上午，市人力资源和社会保障局在市民广场举办2021年春风行动专场招聘会，共有120余家企业参会，提供就业岗位3500余个。",
    "此次招聘会岗位涵盖制造业、服务业、信息技术等多个行业，其中大专及以上学历岗位占比超过四成，平均月薪在4500元以上。",
    "现场还设置了政策咨询、职业指导、技能培训报名等服务台，为求职者提供“一站式”服务。据初步统计，当天进场求职人员达4200余人次，初步达成就业意向1100余人。",
    "市人社局相关负责人表示，春风行动期间还将陆续举办线上线下招聘活动20余场，帮助农村劳动力和高校毕业生等群体实现就业。",
]
article("city-misdeclared", f"""<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>我市举办2021年春风行动专场招聘会 - 某某市人民政府</title>
<meta name="keywords" content="春风行动,招聘会"></head>
<body><div class="head"><div class="logo">某某市人民政府</div>
<ul class="menu"><li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li><li><a href="/bsfw/">办事服务</a></li></ul></div>
<div class="wrap"><div class="location">您现在的位置：<a href="/">首页</a> &gt; <a href="/xwzx/bmdt/">部门动态</a></div>
<div class="article">
<h2 class="art-title">我市举办2021年春风行动专场招聘会</h2>
<div class="art-info">信息来源：市人社局&nbsp;&nbsp;发布时间：2021-03-16 15:20&nbsp;&nbsp;【<a href="javascript:;">大</a> <a href="javascript:;">中</a> <a href="javascript:;">小</a>】</div>
<div class="art-con" id="fontzoom">
{'<br><br>'.join('　　' + t for t in M1)}
</div>
<div class="art-share">分享到：<a href="#">微信</a> <a href="#">微博</a></div>
<div class="art-prev">上一篇：<a href="/xwzx/bmdt/202103/t20210315_1001.html">市医保局开展基金监管专项检查</a><br>下一篇：<a href="/xwzx/bmdt/202103/t20210316_1003.html">市场监管局开展春季食品安全检查</a></div>
</div></div>
<div class="foot">主办：某某市人民政府办公室 版权所有 网站标识码：3201000001</div>
</body></html>""",
    url="http://www.mms.gov.cn/xwzx/bmdt/202103/t20210316_1002.html",
    title="我市举办2021年春风行动专场招聘会", published="2021-03-16T15:20:00+08:00",
    text=M1, publisher="市人社局", encoding="gbk",
    must_not=["上一篇", "下一篇", "基金监管", "分享到", "版权所有"],
    features=["charset=utf-8 declared, GBK bytes", "paragraphs separated by <br><br> in a div", "h2 title"])

# ------------------------------------------------------------------ gd.gov.cn long policy document: info table, headings, numbered list, attachment
G_INTRO = [
    "各地级以上市人民政府，省政府各部门、各直属机构：",
    "《广东省促进中小企业发展若干措施》已经省人民政府同意，现印发给你们，请认真组织实施。实施过程中遇到的问题，请径向省工业和信息化厅反映。",
]
G_SECTIONS = [
    ("一、加大财政支持力度", [
        "（一）省级财政统筹安排中小企业发展专项资金，重点支持中小企业公共服务体系建设、融资担保和创新发展。",
        "（二）各地级以上市要结合实际设立中小企业发展资金，加大对专精特新中小企业的支持力度。",
    ]),
    ("二、缓解融资难融资贵", [
        "（三）完善政府性融资担保体系，推动政府性融资担保机构降低担保费率，小微企业综合担保费率原则上不超过百分之一点五。",
        "（四）推广应收账款融资，支持中小企业以应收账款、知识产权等进行质押融资。",
    ]),
    ("三、优化公共服务", [
        "（五）健全中小企业公共服务平台网络，为中小企业提供政策咨询、创业辅导、人才培训等服务。",
        "（六）开展中小企业服务月活动，组织服务机构深入企业开展精准服务。",
    ]),
]
G_LIST = ["加强组织领导；", "强化督促检查；", "做好政策宣传。"]
G_TAIL = ["本措施自印发之日起施行，有效期至2025年12月31日。", "广东省人民政府办公厅", "2021年3月10日"]
g_html = paras(G_INTRO, '<p style="text-indent:2em">{}</p>') + "\n"
g_lines = list(G_INTRO)
for head, items in G_SECTIONS:
    g_html += f'<h3 style="text-indent:2em">{head}</h3>\n' + paras(items, '<p style="text-indent:2em">{}</p>') + "\n"
    g_lines += [head] + items
g_html += "<p>四、保障措施</p><ol>" + "".join(f"<li>{x}</li>" for x in G_LIST) + "</ol>\n"
g_lines += ["四、保障措施"] + G_LIST
g_html += paras(G_TAIL, '<p style="text-align:right">{}</p>')
g_lines += G_TAIL
article("gd-policy-doc", f"""<!DOCTYPE html>
<html><head><meta charset="utf-8">
<title>广东省人民政府办公厅关于印发广东省促进中小企业发展若干措施的通知_广东省人民政府门户网站</title>
<meta name="others" content="页面生成时间 2021-03-17 10:00:02" /></head>
<body>
<div class="header"><h1 class="logo"><a href="http://www.gd.gov.cn/"><img src="/images/logo.png" alt="广东省人民政府"/></a></h1>
<div class="nav"><a href="http://www.gd.gov.cn/">首页</a><a href="http://www.gd.gov.cn/zwgk/">政务公开</a><a href="http://www.gd.gov.cn/hdjl/">互动交流</a></div></div>
<div class="main">
<div class="classify"><table>
<tr><td>索引号：</td><td>006939748/2021-00089</td><td>分类：</td><td>工业、交通\\中小企业</td></tr>
<tr><td>发布机构：</td><td>广东省人民政府办公厅</td><td>成文日期：</td><td>2021-03-10</td></tr>
<tr><td>名称：</td><td>广东省人民政府办公厅关于印发广东省促进中小企业发展若干措施的通知</td></tr>
<tr><td>文号：</td><td>粤办函〔2021〕45号</td><td>发布日期：</td><td>2021-03-16</td></tr>
</table></div>
<div class="article">
<h3 class="zw-title">广东省人民政府办公厅关于印发广东省促进中小企业发展若干措施的通知</h3>
<div class="zw-info"><span class="time">发布时间：2021-03-16 17:30:05</span><span class="ly">来源：广东省人民政府办公厅</span>
<span class="fontsize">【字体：<a>大</a> <a>中</a> <a>小</a>】</span></div>
<div class="zw">
{g_html}
</div>
<div class="zw-att"><p>附件：<a href="/attachment/0/412/412345/3245678.pdf">广东省促进中小企业发展若干措施.pdf</a></p>
<p><a href="/attachment/0/412/412346/3245678.docx">相关解读材料.docx</a></p></div>
</div>
<div class="related"><h4>相关解读</h4><ul><li><a href="http://www.gd.gov.cn/zwgk/zcjd/1.html">一图读懂：广东省促进中小企业发展若干措施</a><span>2021-03-17</span></li></ul></div>
</div>
<div class="footer">主办：广东省人民政府办公厅 版权所有 ©2003-2021 粤ICP备05070829号</div>
</body></html>""",
    url="http://www.gd.gov.cn/zwgk/wjk/qbwj/yfh/content/post_3245678.html",
    title="广东省人民政府办公厅关于印发广东省促进中小企业发展若干措施的通知",
    published="2021-03-16T17:30:05+08:00", text=g_lines, publisher="广东省人民政府办公厅",
    enclosures=["http://www.gd.gov.cn/attachment/0/412/412345/3245678.pdf",
                "http://www.gd.gov.cn/attachment/0/412/412346/3245678.docx"],
    must_not=["索引号", "粤办函", "相关解读", "一图读懂", "版权所有", "字体"],
    features=["信息公开 table with 成文日期 before 发布日期", "h3 headings, ol list", "attachments after body", "h1 logo"])

# ------------------------------------------------------------------ js.gov.cn very short notice with attachment
J1 = ["根据《江苏省省级机关公开遴选公务员公告》安排，现将进入体检考察人员名单予以公示，公示期为2021年3月16日至3月22日。如有异议，请在公示期内向省委组织部公务员二处反映（电话：025-83392000）。"]
article("js-short-notice", f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>江苏省省级机关2021年公开遴选公务员进入体检考察人员名单公示 江苏省人民政府</title>
<meta name="ArticleTitle" content="江苏省省级机关2021年公开遴选公务员进入体检考察人员名单公示"></head>
<body><div class="top"><a href="http://www.jiangsu.gov.cn/">江苏省人民政府</a> <a href="http://www.jiangsu.gov.cn/col/col76841/index.html">通知公告</a> <a href="http://www.jiangsu.gov.cn/col/col76842/index.html">政策文件</a> <a href="http://www.jiangsu.gov.cn/col/col76843/index.html">政务服务</a></div>
<div class="con"><div class="sidebar"><h4>通知公告</h4><ul>
<li><a href="http://www.jiangsu.gov.cn/art/2021/3/15/art_76841_1.html">关于开展2021年度全省统计执法检查的通知</a><span>2021-03-15</span></li>
<li><a href="http://www.jiangsu.gov.cn/art/2021/3/12/art_76841_2.html">江苏省2021年度考试录用公务员笔试成绩查询公告</a><span>2021-03-12</span></li>
<li><a href="http://www.jiangsu.gov.cn/art/2021/3/11/art_76841_3.html">关于做好2021年春季学期开学工作的通知</a><span>2021-03-11</span></li></ul></div>
<div class="main-txt">
<div class="sp_title">江苏省省级机关2021年公开遴选公务员进入体检考察人员名单公示</div>
<div class="sp_time"><font>发布日期：2021-03-16 17:05</font> <font>来源：省委组织部</font> <font>浏览次数：<span>562</span></font></div>
<div id="zoom">
<p style="text-indent:2em">{J1[0]}</p>
<p style="text-indent:2em">附件：<a href="/module/download/downfile.jsp?classid=0&amp;filename=2103161705.xlsx">进入体检考察人员名单.xlsx</a></p>
</div></div></div>
<div class="foot">版权所有：江苏省人民政府办公厅　主办：江苏省人民政府办公厅　网站标识码：3200000063 苏ICP备05009041号</div>
</body></html>""",
    url="http://www.jiangsu.gov.cn/art/2021/3/16/art_76841_9701234.html",
    title="江苏省省级机关2021年公开遴选公务员进入体检考察人员名单公示",
    published="2021-03-16T17:05:00+08:00", text=J1 + ["附件：进入体检考察人员名单.xlsx"], publisher="省委组织部",
    enclosures=["http://www.jiangsu.gov.cn/module/download/downfile.jsp?classid=0&filename=2103161705.xlsx"],
    must_not=["浏览次数", "统计执法检查", "版权所有"], short=True,
    features=["one paragraph + attachment", "sidebar list longer than body", "Hanweb downfile.jsp attachment"])
