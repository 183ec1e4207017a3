"""Held-out pages modelled on Chinese news portals (people, chinanews, 163, sina, thepaper, qq, news.cn)."""

from __future__ import annotations

from _build_common import article, paras

# ------------------------------------------------------------------ people.com.cn style
P1 = [
    "本报北京3月15日电（记者李明远）记者从农业农村部获悉：今年春播粮食面积预计稳中有增，各地正抓住有利时机，加快推进春耕备耕。",
    "截至3月14日，全国已春播粮食面积约占意向面积的百分之八，进度同比略快。南方早稻育秧工作陆续展开，集中育秧比例进一步提高。",
    "农业农村部有关负责人介绍，化肥、种子、农药等农资供应总体充足，价格基本稳定。各地组织农技人员深入田间地头，开展技术指导服务。",
    "下一步，农业农村部将继续加强春耕生产调度，及时发布农时提示，强化农资市场监管，确保春耕生产顺利进行，为全年粮食丰收打好基础。",
]
article("people-article", f"""<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"/>
<title>春播粮食面积预计稳中有增--社会·法治--人民网</title>
<meta name="keywords" content="春耕,粮食"/>
<meta name="description" content="记者从农业农村部获悉：今年春播粮食面积预计稳中有增"/>
<meta name="publishdate" content="2021-03-16"/>
</head><body>
<div class="rm_nav"><div class="w1000"><h1 class="logo"><a href="http://www.people.com.cn/">人民网</a></h1>
<ul><li><a href="http://politics.people.com.cn/">时政</a></li><li><a href="http://society.people.com.cn/">社会</a></li><li><a href="http://finance.people.com.cn/">财经</a></li></ul></div></div>
<div class="main">
<div class="col-1 fl">
<div class="path"><a href="http://www.people.com.cn/">人民网</a>&gt;&gt;<a href="http://society.people.com.cn/">社会·法治</a></div>
<h3 class="pre"></h3>
<h1>春播粮食面积预计稳中有增</h1>
<h4 class="sub">各地抓住有利时机加快春耕备耕</h4>
<div class="col-1-1 fl">2021年03月16日08:21 | 来源：<a href="http://paper.people.com.cn/">人民网－人民日报</a></div>
<div class="col-1-1 fr"><a href="#">分享到：</a></div>
<div class="rm_txt_con cf">
{paras(P1, '<p style="text-indent: 2em;">{}</p>')}
<p style="text-indent: 2em;">《 人民日报 》（ 2021年03月16日 02 版）</p>
<div class="edit cf">(责编：王晓、赵敏)</div>
</div>
<div class="box_pic"></div>
<div class="rm_relevant">
<h2>相关新闻</h2>
<ul><li><a href="http://society.people.com.cn/n1/2021/0315/c1008-32051234.html">多地农资供应充足价格平稳</a> 2021-03-15</li>
<li><a href="http://society.people.com.cn/n1/2021/0314/c1008-32050987.html">春耕时节田间地头忙</a> 2021-03-14</li></ul>
</div>
</div>
<div class="col-2 fr"><h2>热点推荐</h2><ul><li><a href="http://society.people.com.cn/n1/2021/0310/c1008-1.html">全国两会新闻中心开放</a><span>2021-03-10</span></li></ul></div>
</div>
<div class="footer"><p>人民日报社概况|关于人民网|报社招聘|招聘英才|广告服务|合作加盟|供稿服务|网站声明|网站律师|信息保护|联系我们</p>
<p>人民网版权所有，未经书面授权禁止使用</p><p>Copyright © 1997-2021 by www.people.com.cn. all rights reserved</p></div>
</body></html>""",
    url="http://society.people.com.cn/n1/2021/0316/c1008-32052411.html",
    title="春播粮食面积预计稳中有增", published="2021-03-16T08:21:00+08:00",
    text=P1 + ["《 人民日报 》（ 2021年03月16日 02 版）"], publisher="人民网－人民日报",
    must_not=["责编", "相关新闻", "热点推荐", "版权所有", "分享到", "多地农资供应"],
    features=["h1 logo inside nav", "h4 subtitle", "date line 'YYYY年MM月DD日HH:MM | 来源：'", "相关新闻 list after body"])

# ------------------------------------------------------------------ chinanews style
P2 = [
    "中新网北京3月16日电 (记者 陈静) 中国人民银行16日发布数据显示，2月末广义货币(M2)余额同比增长百分之十点一，增速比上月末高出零点七个百分点。",
    "数据显示，前两个月人民币贷款增加5.88万亿元，同比多增7400亿元。分部门看，住户贷款增加1.66万亿元，企(事)业单位贷款增加4.34万亿元。",
    "业内人士分析认为，信贷投放保持较快增长，体现了金融对实体经济的有力支持。随着经济持续恢复，信贷需求有望保持旺盛。",
    "专家表示，下一阶段货币政策将保持连续性、稳定性、可持续性，不急转弯，保持流动性合理充裕，促进经济运行在合理区间。",
]
article("chinanews-article", f"""<!DOCTYPE html>
<html><head><meta charset="utf-8">
<title>央行：2月末M2同比增长10.1%-中新网</title>
<meta name="keywords" content="M2,贷款"></head><body>
<div id="navbar"><a href="https://www.chinanews.com/">首页</a> <a href="https://www.chinanews.com/china/">国内</a> <a href="https://www.chinanews.com/finance/">财经</a></div>
<div class="con_left">
<div id="cont_1_1_2">
<div class="content_left_title"><a href="https://www.chinanews.com/">中新网</a> &gt; <a href="https://www.chinanews.com/finance/">财经</a> &gt; 正文</div>
<h1 class="content_left_title">央行：2月末M2同比增长10.1%</h1>
<div class="content_left_time">2021-03-16 10:05　来源：<a href="https://www.chinanews.com/">中国新闻网</a>　<a href="javascript:;">参与互动</a></div>
<div class="left_zw" style="position:relative">
{paras(P2, '<p>　　{}</p>')}
<p>　　【编辑:付子豪】</p>
</div>
<div class="adInContent"><script>show_ad("content_ad")</script></div>
<div id="function_code_page"></div>
<div class="left_name"><div class="left_name">【编辑:付子豪】</div></div>
<div class="news_right_pic"><h3>图片报道</h3><a href="https://www.chinanews.com/tp/2021/03-15/1.shtml">春到田野</a></div>
<div class="listBox"><h3>相关新闻</h3><ul><li><a href="https://www.chinanews.com/cj/2021/03-15/9432101.shtml">2月社融增量超预期</a><span>03-15 16:22</span></li></ul></div>
</div></div>
<div id="bottom">本网站所刊载信息，不代表中新社和中新网观点。 刊用本网站稿件，务经书面授权。<br>未经授权禁止转载、摘编、复制及建立镜像，违者将依法追究法律责任。<br>Copyright ©1999-2021 chinanews.com. All Rights Reserved</div>
</body></html>""",
    url="https://www.chinanews.com/cj/2021/03-16/9433001.shtml",
    title="央行：2月末M2同比增长10.1%", published="2021-03-16T10:05:00+08:00",
    text=P2, publisher="中国新闻网",
    must_not=["编辑:付子豪", "参与互动", "社融增量", "未经授权禁止转载", "图片报道"],
    features=["unlabelled 'date 来源：' line", "【编辑:】 tail inside body", "ideographic-space indent"])

# ------------------------------------------------------------------ 163 style, with figure captions
P3a = [
    "3月15日，记者在江苏南京玄武湖公园看到，湖畔的樱花陆续进入盛花期，吸引不少市民和游客前来踏青赏花。",
]
P3b = [
    "据公园工作人员介绍，玄武湖樱洲种植有染井吉野、关山等多个品种的樱花树近千株，今年花期较往年提前约一周，预计可持续到本月下旬。",
    "为保障游客安全有序游园，公园实行预约限流措施，每日入园人数控制在合理范围内，并在主要出入口增设引导人员。",
    "市民王女士带着孩子一早就来到湖边，她说，春天来了，带孩子出来走一走，感受一下大自然的美好，心情特别舒畅。",
    "公园方面提醒，游客赏花时请勿攀折花枝，文明拍照，不乱扔垃圾，共同维护良好的游园环境。",
]
CAP1 = "3月15日，市民在玄武湖公园赏樱。 新华社记者 季春鹏 摄"
CAP2 = "游客在樱花树下拍照留念。"
article("163-article", f"""<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8" />
<title>南京玄武湖樱花进入盛花期_网易新闻</title>
<meta property="og:site_name" content="网易新闻" />
<meta property="article:published_time" content="2021-03-16T09:30:12+08:00" />
</head><body>
<div class="N-nav-channel"><a href="https://news.163.com/">新闻</a><a href="https://sports.163.com/">体育</a><a href="https://ent.163.com/">娱乐</a></div>
<div class="post_main">
<h1 class="post_title">南京玄武湖樱花进入盛花期</h1>
<div class="post_info">2021-03-16 09:30:12　来源: <a href="https://www.thepaper.cn/">澎湃新闻</a>
<a class="post_jubao" href="#">举报</a></div>
<div class="post_body">
{paras(P3a)}
<p class="f_center"><img src="https://nimg.ws.126.net/?url=http%3A%2F%2Fcms-bucket.ws.126.net%2F2021%2F0316%2Fa1b2c3j00.jpg&amp;thumbnail=660x2147483647" alt="" /><br/>{CAP1}</p>
{paras(P3b[:2])}
<p class="f_center"><img src="https://cms-bucket.ws.126.net/2021/0316/d4e5f6j00.jpg" alt="" /><br/>{CAP2}</p>
{paras(P3b[2:])}
<div class="post_btns"><a href="#">分享</a></div>
<div class="post_statement"><span>特别声明：以上内容(如有图片或视频亦包括在内)为自媒体平台“网易号”用户上传并发布，本平台仅提供信息存储服务。</span></div>
</div>
<div class="post_author">本文来源：澎湃新闻　<span>责任编辑：王晓伟_NN1234</span></div>
<div class="post_comment"><h3>热门跟贴</h3>
<div class="tie-item"><p>网友 南京市 2021-03-16 10:02</p><p>每年都去玄武湖看樱花，今年人少一点就好了，周末实在是太挤了，希望公园多开几个入口，另外停车也是个大问题。</p></div>
<div class="tie-item"><p>网友 上海市 2021-03-16 10:15</p><p>鸡鸣寺那边也很好看，不过要早点去，九点以后基本上就全是人了，拍照都排不上队，建议工作日去。</p></div>
</div>
<div class="post_recommends"><h3>相关推荐</h3><ul><li><a href="https://www.163.com/news/article/G5A.html">武汉大学樱花开放预约</a></li></ul></div>
</div>
<div class="N-footer">网易公司版权所有 ©1997-2021</div>
</body></html>""",
    url="https://www.163.com/news/article/G5B8Q0JH0001899O.html",
    title="南京玄武湖樱花进入盛花期", published="2021-03-16T09:30:12+08:00",
    text=P3a + [CAP1] + P3b[:2] + [CAP2] + P3b[2:], publisher="澎湃新闻",
    images=["https://nimg.ws.126.net/?url=http%3A%2F%2Fcms-bucket.ws.126.net%2F2021%2F0316%2Fa1b2c3j00.jpg&thumbnail=660x2147483647",
            "https://cms-bucket.ws.126.net/2021/0316/d4e5f6j00.jpg"],
    must_not=["特别声明", "责任编辑", "热门跟贴", "鸡鸣寺", "武汉大学樱花", "举报"],
    features=["captions after <br> in image paragraphs", "comment section with long paragraphs", "post_statement disclaimer"])

# ------------------------------------------------------------------ sina style: date+source spans, GB-era tail
P4 = [
    "原标题：多地出台措施稳定房地产市场预期",
    "新京报讯（记者 张晓） 近期，多个城市相继出台房地产调控措施，涉及限购、限贷、限售等多个方面，以稳定市场预期，促进房地产市场平稳健康发展。",
    "业内人士表示，今年以来部分热点城市房价上涨压力较大，调控政策因城施策、精准发力，有助于抑制投机炒房行为，保障刚性和改善性住房需求。",
    "中原地产首席分析师认为，随着各地政策效果逐步显现，市场成交节奏有望趋于平稳，房价过快上涨势头将得到遏制。",
    "此外，多地还加大了保障性租赁住房供给力度，着力解决新市民、青年人等群体的住房困难问题。",
]
article("sina-article", f"""<!DOCTYPE html>
<html><head><meta charset="utf-8" />
<title>多地出台措施稳定房地产市场预期|房价_新浪财经_新浪网</title>
<meta property="og:type" content="news" />
<meta property="og:title" content="多地出台措施稳定房地产市场预期" />
<meta name="weibo: article:create_at" content="2021-03-16 07:45:02" />
</head><body>
<div class="top-nav"><a href="https://www.sina.com.cn/">新浪首页</a> <a href="https://news.sina.com.cn/">新闻</a> <a href="https://finance.sina.com.cn/">财经</a></div>
<div class="main-content w1240">
<h1 class="main-title">多地出台措施稳定房地产市场预期</h1>
<div class="top-bar-wrap"><div class="date-source">
<span class="date">2021年03月16日 07:45</span>
<a href="http://www.bjnews.com.cn/" class="source ent-source">新京报</a>
</div><div class="tool-icons"><a href="#">微博</a><a href="#">微信</a><a href="#">大字体</a><a href="#">小字体</a></div></div>
<div class="article-content clearfix">
<div class="article" id="artibody">
<div class="img_wrapper"></div>
{paras(P4, '<p cms-style="font-L">　　{}</p>')}
<div id="left_hzh_ad"></div>
<p class="article-editor">责任编辑：李铁民</p>
</div>
<div class="appendQr_wrap"><div class="appendQr_normal_txt">新浪财经APP</div></div>
<div class="article-bottom"><div class="keywords">文章关键词：<a href="#">房价</a><a href="#">调控</a></div></div>
<div class="blk-related"><h3>推荐阅读</h3><ul>
<li><a href="https://finance.sina.com.cn/china/2021-03-15/doc-ikkntiam1.shtml">2月70城房价出炉 一线城市领涨</a><span>03月15日 10:00</span></li>
<li><a href="https://finance.sina.com.cn/china/2021-03-14/doc-ikkntiam2.shtml">央行：保持货币政策稳定性</a><span>03月14日 12:00</span></li></ul></div>
</div>
</div>
<div class="footer">Copyright © 1996-2021 SINA Corporation, All Rights Reserved 新浪公司 版权所有</div>
</body></html>""",
    url="https://finance.sina.com.cn/china/2021-03-16/doc-ikkntiam6543210.shtml",
    title="多地出台措施稳定房地产市场预期", published="2021-03-16T07:45:02+08:00",
    text=P4, publisher="新京报",
    must_not=["责任编辑", "新浪财经APP", "推荐阅读", "70城房价", "版权所有", "文章关键词"],
    features=["source as <a class=source> without label", "date 2021年03月16日 07:45", "原标题 line kept"])

# ------------------------------------------------------------------ thepaper style (hashed CSS classes, short paragraphs)
P5 = [
    "3月16日上午，上海市政府新闻发布会介绍了本市推进“一江一河”公共空间建设的有关情况。",
    "目前，黄浦江核心段45公里岸线已基本贯通开放，苏州河中心城区42公里岸线也已基本实现贯通。",
    "市住房城乡建设管理委相关负责人表示，今年将重点推进滨水空间品质提升。",
    "一是完善服务设施，新建和改造一批驿站、公共厕所和休憩座椅。",
    "二是丰富文化内涵，结合沿岸工业遗存打造一批文化地标。",
    "三是加强精细化管理，提升滨水空间的夜间照明和绿化养护水平。",
    "据悉，“一江一河”沿岸还将举办系列文化体育活动，让市民游客在家门口享受到高品质的公共空间。",
]
article("thepaper-article", f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"/><meta name="viewport" content="width=device-width"/>
<title>上海“一江一河”岸线基本贯通，今年重点提升滨水空间品质_澎湃新闻-The Paper</title>
<meta name="Keywords" content="一江一河,滨水空间"/>
<meta property="og:title" content="上海“一江一河”岸线基本贯通，今年重点提升滨水空间品质"/>
</head><body><div id="__next">
<header class="header_header__5kXnR"><a href="https://www.thepaper.cn/"><img src="https://www.thepaper.cn/logo.png" alt="澎湃新闻"/></a>
<nav><a href="https://www.thepaper.cn/channel_25950">时事</a><a href="https://www.thepaper.cn/channel_25951">财经</a></nav></header>
<main><div class="index_wrapper__9rz3z"><div class="index_leftcontent__ma6ja">
<div class="index_headerContent__sASF4">
<h1 class="index_title__B8mhI">上海“一江一河”岸线基本贯通，今年重点提升滨水空间品质</h1>
<div class="index_left__LfzyH"><div class="ant-space"><div>澎湃新闻记者 陈绪厚</div></div>
<div class="ant-space"><span>2021-03-16 12:04</span><span>来源：澎湃新闻</span></div></div>
</div>
<div class="index_cententWrap__Jv8jK">
{paras(P5)}
</div>
<div class="index_bottom__Q6xYf"><p>责任编辑：朱郑勇</p><p>校对：张亮亮</p></div>
<div class="index_statement__0hK6D">澎湃新闻报料：021-962866<br/>澎湃新闻，未经授权不得转载</div>
<div class="index_commentArea__Mmi4S"><h2>评论(12)</h2>
<div class="comment_item"><span>用户8821</span><span>2021-03-16 13:20</span><p>滨江骑行道什么时候能全线连通？杨浦那段还有几处断点，希望能早点解决。</p></div>
<div class="comment_item"><span>苏河边上</span><span>2021-03-16 14:02</span><p>苏州河步道确实好了很多，晚上散步的人特别多，就是有些地方灯光还是暗了一点。</p></div></div>
</div>
<div class="index_rightcontent__ZJsPb"><h2>热新闻</h2><ul><li><a href="https://www.thepaper.cn/newsDetail_forward_11800001">沪上新增一批口袋公园</a></li></ul></div>
</div></main>
<footer>沪ICP备14003370号 © 2014-2021 上海东方报业有限公司</footer>
</div></body></html>""",
    url="https://www.thepaper.cn/newsDetail_forward_11812345",
    title="上海“一江一河”岸线基本贯通，今年重点提升滨水空间品质", published="2021-03-16T12:04:00+08:00",
    text=P5, publisher="澎湃新闻",
    must_not=["责任编辑", "校对", "未经授权不得转载", "杨浦那段", "口袋公园", "评论(12)"],
    features=["hashed CSS-module classes", "many short paragraphs", "comment section", "date in span, no label"])

# ------------------------------------------------------------------ qq mobile template: date in JSON and span
P6 = [
    "记者16日从中国气象局获悉，受冷空气影响，16日至18日，我国北方地区将出现大风降温天气，部分地区伴有沙尘。",
    "中央气象台预计，内蒙古中西部、华北北部等地有扬沙或浮尘天气，局地有沙尘暴。气温将普遍下降6至8摄氏度。",
    "气象专家提醒，公众应注意防范大风和沙尘天气对交通出行、设施农业等的不利影响，外出时做好个人防护。",
    "另外，南方地区将出现一次降雨过程，江南、华南等地部分地区有中到大雨，局地暴雨，并伴有强对流天气。",
]
article("qq-mobile-article", f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1,user-scalable=no">
<title>北方将迎大风降温沙尘天气_腾讯新闻</title>
<script>window.DATA = {{"article_id":"20210316A0ABCD00","title":"北方将迎大风降温沙尘天气","media":"中国新闻网","pubtime":"2021-03-16 11:26:40","catalog1":"news"}};</script>
</head><body>
<div class="qq-header"><a class="logo" href="https://news.qq.com/">腾讯新闻</a><a class="open-app" href="#">打开App</a></div>
<div class="content-article-wrap">
<h1 class="title">北方将迎大风降温沙尘天气</h1>
<div class="media-info"><span class="author">中国新闻网</span><span class="time">2021-03-16 11:26</span></div>
<div class="content-article">
{paras(P6, '<p class="one-p">{}</p>')}
</div>
<div class="open-app-box">打开腾讯新闻，查看更多精彩内容</div>
<div class="recommend"><h3>为你推荐</h3>
<a href="https://new.qq.com/rain/a/20210315A01.html"><div class="rec-title">沙尘暴为何频繁光顾</div><div class="rec-info">科普中国 03-15</div></a>
<a href="https://new.qq.com/rain/a/20210314A02.html"><div class="rec-title">春季如何防范过敏</div><div class="rec-info">健康时报 03-14</div></a></div>
</div>
<div class="footer">Copyright © 1998 - 2021 Tencent. All Rights Reserved</div>
</body></html>""",
    url="https://new.qq.com/rain/a/20210316A0ABCD00",
    title="北方将迎大风降温沙尘天气", published="2021-03-16T11:26:00+08:00",
    text=P6, publisher="中国新闻网",
    must_not=["打开腾讯新闻", "为你推荐", "沙尘暴为何", "Tencent"],
    features=["mobile template", "media name without 来源 label (also in window.DATA)", "pubtime in JSON"])

# ------------------------------------------------------------------ news.cn multi-page article with pager
P7 = [
    "新华社北京3月16日电（记者 王希）财政部16日公布的数据显示，1至2月，全国一般公共预算收入41805亿元，同比增长百分之十八点七。",
    "其中，中央一般公共预算收入19342亿元，同比增长百分之十九点一；地方一般公共预算本级收入22463亿元，同比增长百分之十八点三。",
    "财政部国库司有关负责人表示，财政收入增长较快，主要是去年同期基数较低，以及经济持续稳定恢复、工业生产者出厂价格上涨等因素带动。",
    "支出方面，1至2月，全国一般公共预算支出35880亿元，同比增长百分之二点四。教育、社会保障和就业、卫生健康等重点领域支出得到较好保障。",
]
article("newscn-multipage", f"""<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8" />
<title>前2个月全国一般公共预算收入同比增长18.7%-新华网</title>
<meta name="keywords" content="财政收入" />
</head><body>
<div class="topBar"><a href="http://www.news.cn/">新华网</a> <a href="http://www.news.cn/politics/">时政</a> <a href="http://www.news.cn/fortune/">财经</a></div>
<div class="header"><div class="h-title">前2个月全国一般公共预算收入同比增长18.7%</div>
<div class="h-info"><span class="h-time">2021-03-16 18:05:31</span> <span>来源： 新华网</span></div>
<div class="h-tool"><a href="#">【字体：大 中 小】</a> <a href="#">【纠错】</a></div></div>
<div id="p-detail">
{paras(P7)}
<div id="div_currpage"><center>
<a href="http://www.news.cn/fortune/2021-03/16/c_1127219876.htm" class="nextpage">上一页</a>
<a href="http://www.news.cn/fortune/2021-03/16/c_1127219876.htm">1</a>
<a href="http://www.news.cn/fortune/2021-03/16/c_1127219876_2.htm">2</a>
<a href="http://www.news.cn/fortune/2021-03/16/c_1127219876_3.htm">3</a>
<a href="http://www.news.cn/fortune/2021-03/16/c_1127219876_2.htm" class="nextpage">下一页</a>
</center></div>
<p class="p-editor">【责任编辑: 刘笑冬 】</p>
</div>
<div class="xl-bottom"><h3>相关稿件</h3><ul><li><a href="http://www.news.cn/fortune/2021-03/15/c_1.htm">前两个月国民经济稳定恢复</a></li></ul></div>
<div class="foot">Copyright © 2000-2021 XINHUANET.com All Rights Reserved. 制作单位：新华网股份有限公司 版权所有 新华网股份有限公司</div>
</body></html>""",
    url="http://www.news.cn/fortune/2021-03/16/c_1127219876.htm",
    title="前2个月全国一般公共预算收入同比增长18.7%", published="2021-03-16T18:05:31+08:00",
    text=P7, publisher="新华网",
    must_not=["下一页", "上一页", "责任编辑", "相关稿件", "纠错", "版权所有"],
    features=["title in div.h-title, no h1", "multi-page pager inside body", "来源： with space"])
