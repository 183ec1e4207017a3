"""Held-out pages: English gov/news layouts and WordPress/Discuz-era Chinese portals."""

from __future__ import annotations

from _build_common import article, paras

# ------------------------------------------------------------------ gov.uk style
U1 = [
    "Schools in England will receive additional funding to help pupils catch up on learning lost during the pandemic, the Education Secretary has announced.",
    "The package will support summer schools, tutoring and early language programmes, with schools able to decide how best to use the money for their pupils.",
]
U2 = ["extra tutoring for disadvantaged pupils", "summer schools for pupils moving to secondary school", "training for early years staff"]
U3 = [
    "Schools will receive guidance on the evidence for each approach, and will be asked to report on how the funding has been spent.",
    "The funding will be allocated to schools on a per pupil basis during the summer term.",
]
article("govuk-article", f"""<!DOCTYPE html>
<html lang="en" class="govuk-template"><head><meta charset="utf-8">
<title>New funding to help pupils catch up - GOV.UK</title>
<meta property="og:site_name" content="GOV.UK">
<meta name="govuk:first-published-at" content="2021-03-16T10:30:00+00:00">
<meta name="govuk:public-updated-at" content="2021-03-18T14:00:00+00:00">
</head><body class="govuk-template__body">
<a href="#main-content" class="govuk-skip-link">Skip to main content</a>
<div class="govuk-cookie-banner"><p>Cookies on GOV.UK. We use some essential cookies to make this website work.</p></div>
<header class="govuk-header"><a href="https://www.gov.uk/" class="govuk-header__link--homepage">GOV.UK</a></header>
<div class="govuk-width-container"><main id="main-content" class="govuk-main-wrapper">
<div class="gem-c-title"><span class="gem-c-title__context">Press release</span>
<h1 class="gem-c-title__text">New funding to help pupils catch up</h1></div>
<p class="gem-c-lead-paragraph">Summer schools and tutoring to be funded in every area.</p>
<div class="gem-c-metadata"><dl>
<dt>From:</dt><dd><a href="/government/organisations/department-for-education">Department for Education</a></dd>
<dt>Published</dt><dd>16 March 2021</dd>
<dt>Last updated</dt><dd>18 March 2021 — <a href="#history">See all updates</a></dd></dl></div>
<div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
<div class="gem-c-govspeak govuk-govspeak"><div class="govspeak">
{paras(U1)}
<h2 id="what-the-funding-covers">What the funding covers</h2>
<ul>{''.join(f'<li>{x}</li>' for x in U2)}</ul>
{paras(U3)}
</div></div>
<div class="gem-c-print-link"><button>Print this page</button></div>
</div>
<div class="govuk-grid-column-one-third"><aside class="gem-c-related-navigation"><h2>Related content</h2>
<ul><li><a href="/government/news/catch-up-premium">Catch-up premium guidance</a></li></ul>
<h2>Explore the topic</h2><ul><li><a href="/education/school-funding">School funding</a></li></ul></aside></div></div>
</main></div>
<footer class="govuk-footer"><p>All content is available under the Open Government Licence v3.0, except where otherwise stated</p><p>© Crown copyright</p></footer>
</body></html>""",
    url="https://www.gov.uk/government/news/new-funding-to-help-pupils-catch-up",
    title="New funding to help pupils catch up", published="2021-03-16",
    text=U1 + ["What the funding covers"] + U2 + U3, publisher="Department for Education",
    must_not=["Cookies on GOV.UK", "Crown copyright", "Related content", "Print this page", "Catch-up premium"],
    features=["'From:' dl metadata", "Published 16 March 2021 vs Last updated", "h2 + ul inside body", "lead paragraph outside body"])

# ------------------------------------------------------------------ BBC-like: time datetime Z, byline, figcaptions, text blocks
B1 = [
    "A new high-speed rail line linking two of the country's largest cities has been approved after a decade of planning, officials have said.",
    "The line is expected to cut journey times by almost half and to carry up to 40,000 passengers a day when it opens at the end of the decade.",
    "Campaigners said the route would damage ancient woodland, but the transport ministry said the plans included new habitats to offset the loss.",
    "Local business groups welcomed the decision, saying it would bring investment and jobs to towns along the route.",
]
CAPB = "The new line is expected to open at the end of the decade"
article("bbc-article", f"""<!DOCTYPE html>
<html lang="en-GB"><head><meta charset="utf-8"><title>High-speed rail line approved after decade of planning - BBC News</title>
<meta property="og:site_name" content="BBC News"><meta property="og:type" content="article">
</head><body>
<header><nav><a href="https://www.bbc.co.uk/news">Home</a><a href="https://www.bbc.co.uk/news/world">World</a><a href="https://www.bbc.co.uk/news/business">Business</a></nav></header>
<main id="main-content"><article>
<header><h1 id="main-heading">High-speed rail line approved after decade of planning</h1></header>
<div data-component="byline-block"><p>By Jane Roe</p><p>Transport correspondent</p></div>
<div data-component="timestamp-block"><time datetime="2021-03-16T09:30:12.000Z">16 March 2021</time></div>
<div data-component="image-block"><figure><img src="https://ichef.bbci.co.uk/news/976/cpsprodpb/1234/production/_117555_rail.jpg" alt="Train"><figcaption><span>Image caption, </span>{CAPB}</figcaption></figure></div>
{''.join(f'<div data-component="text-block"><p>{t}</p></div>' for t in B1)}
<div data-component="links-block"><h2>More on this story</h2><ul><li><a href="https://www.bbc.co.uk/news/uk-55555555">Rail project costs rise again</a><time>12 March 2021</time></li></ul></div>
<div data-component="tag-list"><h2>Related Topics</h2><a href="https://www.bbc.co.uk/news/topics/rail">Rail travel</a></div>
</article></main>
<section><h2>Top Stories</h2><a href="https://www.bbc.co.uk/news/world-1">Storm batters coast</a><span>17 minutes ago</span></section>
<footer>Copyright 2021 BBC. All rights reserved. The BBC is not responsible for the content of external sites.</footer>
</body></html>""",
    url="https://www.bbc.co.uk/news/uk-56400001",
    title="High-speed rail line approved after decade of planning", published="2021-03-16T09:30:12+00:00",
    text=["Image caption, " + CAPB] + B1, author="Jane Roe",
    images=["https://ichef.bbci.co.uk/news/976/cpsprodpb/1234/production/_117555_rail.jpg"],
    must_not=["More on this story", "Related Topics", "Top Stories", "All rights reserved", "Transport correspondent", "Rail project costs"],
    features=["<time datetime> UTC", "By Jane Roe byline", "text-block divs", "figure with caption"])

# ------------------------------------------------------------------ Chinese English-language portal (news.cn English style)
E1 = [
    "BEIJING, March 16 (Xinhua) -- China's industrial output expanded 35.1 percent year on year in the first two months of 2021, the National Bureau of Statistics said Tuesday.",
    "The figure was in line with market expectations, as the economy continued its steady recovery from the COVID-19 pandemic, a low base of comparison last year also contributed to the growth.",
    "Retail sales, a key gauge of consumer spending, rose 33.8 percent year on year during the period, while fixed-asset investment went up 35 percent.",
    "The surveyed urban unemployment rate stood at 5.5 percent in February, up 0.1 percentage points from January, the bureau said.",
]
article("en-portal-article", f"""<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8" />
<title>China's industrial output up 35.1 pct in first two months - Xinhua | English.news.cn</title>
<meta name="keywords" content="China,economy" /></head>
<body>
<div class="nav"><a href="http://www.xinhuanet.com/english/">Home</a> | <a href="http://www.xinhuanet.com/english/china/">China</a> | <a href="http://www.xinhuanet.com/english/business/">Business</a></div>
<div class="main"><div class="Btitle">China's industrial output up 35.1 pct in first two months</div>
<div class="info">Source: Xinhua| 2021-03-16 10:45:27|Editor: huaxia</div>
<div class="fontsize">Video PlayerClose</div>
<div id="detailContent" class="content">
{paras(E1)}
<p style="text-align:center">Enditem</p>
</div>
<div class="relatedNews"><h3>Related:</h3><ul><li><a href="http://www.xinhuanet.com/english/2021-03/15/c_139812345.htm">China's economy shows steady recovery</a></li></ul></div>
<div class="share">Share: <a href="#">Facebook</a> <a href="#">Twitter</a></div>
</div>
<div class="footer">Copyright &copy; 2000-2021 XINHUANET.com All rights reserved.</div>
</body></html>""",
    url="http://www.xinhuanet.com/english/2021-03/16/c_139813999.htm",
    title="China's industrial output up 35.1 pct in first two months", published="2021-03-16T10:45:27+08:00",
    text=E1, publisher="Xinhua",
    must_not=["Editor: huaxia", "Enditem", "Related:", "Facebook", "All rights reserved"],
    features=["'Source: Xinhua| date |Editor' line", "title in div.Btitle", "Enditem tail"])

# ------------------------------------------------------------------ Reuters-like: paragraphs with data-testid, byline, US date format
R1 = [
    "Asian shares edged higher on Tuesday as investors awaited a Federal Reserve policy meeting later this week for clues on the outlook for interest rates.",
    "MSCI's broadest index of Asia-Pacific shares outside Japan rose 0.4 percent, while Japan's Nikkei gained 0.2 percent.",
    "Bond markets were steadier after a recent sell-off, with the yield on benchmark ten-year Treasury notes holding below its one-year high.",
    "Oil prices slipped as traders weighed the prospect of a slower recovery in demand in Europe against expectations of tighter supply.",
]
article("reuters-like-article", f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Asian shares edge up ahead of Fed meeting | Reuters</title>
<meta name="article:published_time" content="2021-03-16T02:14:00Z"><meta property="og:site_name" content="Reuters"></head>
<body><div id="fusion-app"><header><a href="https://www.reuters.com/">Reuters</a><nav><a href="https://www.reuters.com/world/">World</a><a href="https://www.reuters.com/business/">Business</a><a href="https://www.reuters.com/markets/">Markets</a></nav></header>
<main><article><div class="article-header">
<h1 data-testid="Heading">Asian shares edge up ahead of Fed meeting</h1>
<div class="article-header__byline"><span>By <a href="/authors/jane-roe/">Jane Roe</a></span>
<time datetime="2021-03-16T02:14:00Z"><span>March 16, 2021</span><span>2:14 AM UTC</span></time><span>Updated ago</span></div></div>
<div class="article-body__content">
{''.join(f'<p data-testid="paragraph-{i}" class="text__text">{t}</p>' for i, t in enumerate(R1))}
<p data-testid="paragraph-4" class="sign-off">Reporting by Jane Roe; Editing by Sam Holmes</p>
</div>
<div class="trust-principles">Our Standards: <a href="https://www.thomsonreuters.com/en/about-us/trust-principles.html">The Thomson Reuters Trust Principles.</a></div>
</article>
<aside><h2>Read Next</h2><a href="https://www.reuters.com/markets/1">Dollar steadies before Fed decision</a></aside></main>
<footer>All quotes delayed a minimum of 15 minutes. © 2021 Reuters. All rights reserved</footer></div>
</body></html>""",
    url="https://www.reuters.com/markets/asia/asian-shares-edge-up-2021-03-16/",
    title="Asian shares edge up ahead of Fed meeting", published="2021-03-16T02:14:00+00:00",
    text=R1 + ["Reporting by Jane Roe; Editing by Sam Holmes"], author="Jane Roe",
    must_not=["Our Standards", "Read Next", "All rights reserved", "Dollar steadies"],
    features=["By <a>Jane Roe</a>", "time datetime Z", "sign-off line"])

# ------------------------------------------------------------------ WordPress portal: h1 site title, entry-content, comments
W1 = [
    "3月14日，由市志愿者协会组织的“学雷锋·清洁家园”志愿服务活动在城东街道举行，200余名志愿者参加活动。",
    "志愿者们分成多个小组，深入小区、公园和主要街道，清理卫生死角，擦拭公共设施，劝导不文明行为。",
    "活动现场还设置了便民服务点，为居民提供义诊、理发、家电维修等服务，受到居民欢迎。",
    "市志愿者协会负责人表示，今后将常态化开展志愿服务活动，引导更多市民参与到城市文明建设中来。",
]
article("wordpress-article", f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="UTF-8"><title>“学雷锋·清洁家园”志愿服务活动举行 &#8211; 城东资讯网</title>
<meta property="og:site_name" content="城东资讯网" /><link rel='stylesheet' href='https://www.chengdongnews.cn/wp-content/themes/news/style.css' />
</head><body class="post-template-default single single-post">
<header id="masthead" class="site-header"><h1 class="site-title"><a href="https://www.chengdongnews.cn/">城东资讯网</a></h1>
<p class="site-description">本地新闻与生活资讯</p>
<nav class="main-navigation"><a href="https://www.chengdongnews.cn/category/local/">本地</a><a href="https://www.chengdongnews.cn/category/life/">生活</a></nav></header>
<div id="content" class="site-content"><div id="primary" class="content-area"><main id="main">
<article id="post-1024" class="post-1024 post type-post status-publish">
<header class="entry-header"><h2 class="entry-title">“学雷锋·清洁家园”志愿服务活动举行</h2>
<div class="entry-meta"><span class="posted-on"><a href="#" rel="bookmark"><time class="entry-date published" datetime="2021-03-15T20:12:45+08:00">2021年3月15日</time><time class="updated" datetime="2021-03-17T08:00:00+08:00">2021年3月17日</time></a></span>
<span class="byline">作者 <span class="author vcard"><a class="url fn n" href="https://www.chengdongnews.cn/author/liuyang/">刘洋</a></span></span>
<span class="cat-links">分类 <a href="https://www.chengdongnews.cn/category/local/" rel="category tag">本地</a></span></div></header>
<div class="entry-content">
{paras(W1)}
</div>
<footer class="entry-footer"><span class="tags-links">标签：<a href="#" rel="tag">志愿服务</a></span></footer>
</article>
<nav class="post-navigation"><a href="https://www.chengdongnews.cn/2021/03/14/1020/" rel="prev">上一篇：城东街道开展植树活动</a></nav>
<div id="comments" class="comments-area"><h2 class="comments-title">《“学雷锋·清洁家园”志愿服务活动举行》有2条评论</h2>
<ol class="comment-list"><li class="comment"><div class="comment-author">老街坊</div><div class="comment-metadata"><time datetime="2021-03-16T09:01:00+08:00">2021年3月16日 上午9:01</time></div>
<div class="comment-content"><p>为志愿者点赞！我们小区门口那片空地终于清理干净了，希望以后大家都能自觉维护环境卫生，不要再乱丢垃圾了。</p></div></li>
<li class="comment"><div class="comment-author">小陈</div><div class="comment-content"><p>下次活动怎么报名？想带孩子一起参加，让孩子从小养成爱护环境的好习惯，也能多接触社会。</p></div></li></ol>
<div id="respond"><h3>发表回复</h3><p>您的电子邮箱地址不会被公开。</p></div></div>
</main></div>
<aside id="secondary"><section class="widget"><h2>近期文章</h2><ul><li><a href="https://www.chengdongnews.cn/2021/03/12/1010/">城东新开一家社区图书馆</a></li></ul></section></aside></div>
<footer class="site-footer">© 2016-2021 城东资讯网 · 自豪地采用WordPress</footer>
</body></html>""",
    url="https://www.chengdongnews.cn/2021/03/15/1024/",
    title="“学雷锋·清洁家园”志愿服务活动举行", published="2021-03-15T20:12:45+08:00",
    text=W1, author="刘洋", category="本地",
    must_not=["发表回复", "为志愿者点赞", "近期文章", "WordPress", "上一篇", "标签"],
    features=["h1 is the site title", "entry-title h2", "published vs updated time", "comments with long text"])

# ------------------------------------------------------------------ Discuz portal article
D1 = [
    "本报讯 3月15日是国际消费者权益日，市市场监管局联合多个部门在中心广场开展“3·15”消费维权宣传咨询活动。",
    "活动现场，工作人员通过发放宣传资料、现场解答咨询、展示假冒伪劣商品等方式，向市民普及消费维权知识，提高市民的识假辨假能力。",
    "据统计，活动共发放宣传资料5000余份，现场受理消费者咨询投诉120余件，为消费者挽回经济损失3万余元。",
    "市市场监管局提醒广大消费者，购物时要选择正规商家，索要并保存好购物凭证，合法权益受到侵害时，可拨打12315热线进行投诉举报。",
]
article("discuz-portal-article", f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml"><head><meta http-equiv="Content-Type" content="text/html; charset=gbk" />
<title>市市场监管局开展“3·15”消费维权宣传活动 - 本地新闻 - 某某城市网 -  Powered by Discuz!</title>
<meta name="generator" content="Discuz! X3.4" /></head>
<body id="nv_portal" class="pg_view">
<div id="hd"><div class="hdc"><h2><a href="https://www.mmcity.net/" title="某某城市网"><img src="static/image/common/logo.png" alt="某某城市网" /></a></h2></div>
<div id="nv"><ul><li><a href="https://www.mmcity.net/portal.php">门户</a></li><li><a href="https://www.mmcity.net/forum.php">论坛</a></li></ul></div></div>
<div id="wp" class="wp"><div id="pt" class="bm cl"><div class="z"><a href="./" class="nvhm">某某城市网</a> <em>&rsaquo;</em> <a href="portal.php">门户</a> <em>&rsaquo;</em> <a href="portal.php?mod=list&amp;catid=2">本地新闻</a> <em>&rsaquo;</em> 查看内容</div></div>
<div id="ct" class="ct2 wp cl"><div class="mn"><div class="bm vw">
<div class="h hm"><h1 class="ph">市市场监管局开展“3·15”消费维权宣传活动</h1>
<p class="xg1"> 2021-3-16 09:05| 发布者: <a href="home.php?mod=space&amp;uid=1">admin</a>| 查看: 2345| 评论: 3|原作者: 王丽|来自: 某某日报</p></div>
<div class="s"><div><strong>摘要</strong>: 3月15日是国际消费者权益日，市市场监管局联合多个部门在中心广场开展“3·15”消费维权宣传咨询活动。</div></div>
<div class="d"><table cellpadding="0" cellspacing="0" class="vwtb"><tr><td id="article_content">
{''.join('<div>　　' + t + '</div><div><br /></div>' for t in D1)}
</td></tr></table></div>
<div class="o cl ptm pbm"><a href="#" id="a_favorite">收藏</a> <a href="#" id="a_share">分享</a></div>
<div class="pren pbm cl"><em>上一篇：<a href="portal.php?mod=view&amp;aid=1233">我市启动春季植树造林活动</a></em><em>下一篇：没有了</em></div>
<div id="comment" class="bm"><div class="bm_h"><h3>最新评论</h3></div><div class="bm_c"><dl><dt><a href="#">游客</a> <span class="xg1">2021-3-16 10:12</span></dt><dd>活动很有意义，希望多举办这类宣传活动，让更多老年人了解如何防范保健品骗局，保护好自己的钱袋子。</dd></dl></div></div>
</div></div></div></div>
<div id="ft" class="wp cl"><p>Powered by <strong>Discuz!</strong> X3.4 &copy; 2001-2021 Comsenz Inc.</p></div>
</body></html>""",
    url="https://www.mmcity.net/portal.php?mod=view&aid=1234",
    title="市市场监管局开展“3·15”消费维权宣传活动", published="2021-03-16T09:05:00+08:00",
    text=D1, author="王丽", publisher="某某日报", encoding="gbk",
    must_not=["摘要", "最新评论", "保健品骗局", "上一篇", "Powered by", "收藏"],
    features=["Discuz portal view", "xg1 meta line with 原作者/来自", "body in td#article_content div+br", "GBK declared"])
