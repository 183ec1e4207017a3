"""Heavy page chrome for the second held-out corpus (not part of the aggregator).

Real portal pages are 50–300 KB: mega-menus with hundreds of links, footers with
100+ 友情链接 government links, sidebars of dated teasers, inline CSS and big
script blobs. These helpers generate that bulk deterministically (no randomness)
so the pages stay reproducible.
"""

from __future__ import annotations

_A = ["关于", "做好", "进一步", "加强", "全面", "深入", "扎实", "切实", "持续", "统筹"]
_B = ["安全生产", "乡村振兴", "营商环境", "生态保护", "医疗保障", "就业创业", "社会救助", "数字政府",
      "科技创新", "城市更新", "粮食安全", "防汛抗旱", "文明创建", "养老服务", "消费帮扶", "基层治理"]
_C = ["工作的通知", "实施方案", "情况通报", "专项行动", "推进会召开", "调研座谈", "培训班举办",
      "政策解读", "工作要点", "检查验收"]
_PROV = ["北京", "天津", "河北", "山西", "内蒙古", "辽宁", "吉林", "黑龙江", "上海", "江苏", "浙江", "安徽",
         "福建", "江西", "山东", "河南", "湖北", "湖南", "广东", "广西", "海南", "重庆", "四川", "贵州",
         "云南", "西藏", "陕西", "甘肃", "青海", "宁夏", "新疆"]
_DEPT = ["发展和改革委员会", "教育厅", "科学技术厅", "工业和信息化厅", "公安厅", "民政厅", "司法厅", "财政厅",
         "人力资源和社会保障厅", "自然资源厅", "生态环境厅", "住房和城乡建设厅", "交通运输厅", "水利厅",
         "农业农村厅", "商务厅", "文化和旅游厅", "卫生健康委员会", "应急管理厅", "审计厅"]


def headline(i: int) -> str:
    return f"{_A[i % 10]}{_B[(i // 10) % 16]}{_C[(i * 7) % 10]}"


def date_of(i: int, year: int = 2021) -> str:
    return f"{year}-{(i % 12) + 1:02d}-{(i * 3) % 28 + 1:02d}"


def mega_menu(host: str, n: int, cls: str = "nav") -> str:
    """A site header with a mega-menu of `n` column links in groups of 12."""
    groups = []
    for g in range(0, n, 12):
        items = "".join(f'<li><a href="http://{host}/col/col{g + k}/index.html" target="_blank">{_B[(g + k) % 16]}{(g + k) // 16 or ""}</a></li>'
                        for k in range(min(12, n - g)))
        groups.append(f'<div class="{cls}-sub"><h3><a href="http://{host}/col/g{g}/">{_A[g % 10]}栏目</a></h3><ul>{items}</ul></div>')
    return f'<div class="{cls}"><ul class="{cls}-top"><li><a href="http://{host}/">首页</a></li></ul>{"".join(groups)}</div>'


def footer_links(n: int, cls: str = "footer") -> str:
    """Footer with `n` 友情链接 government sites, copyright, ICP lines."""
    links = "".join(f'<li><a href="http://www.site{i}.gov.cn/" target="_blank">{_PROV[i % 31]}省{_DEPT[(i // 31) % 20]}</a></li>'
                    for i in range(n))
    return (f'<div class="{cls}"><div class="yqlj"><span>友情链接：</span><ul>{links}</ul></div>'
            '<div class="bq"><p><a href="/wzdt/">网站地图</a> | <a href="/lxwm/">联系我们</a> | <a href="/wzsm/">网站声明</a></p>'
            '<p>主办单位：某某省人民政府办公厅 版权所有 技术支持：某某信息技术有限公司</p>'
            '<p>网站标识码：1100000088 京ICP备05070218号 京公网安备 11010202000001号</p></div></div>')


def select_links(n: int) -> str:
    """Old sites: 友情链接 as <select> dropdowns (dropped with the form controls)."""
    opts = "".join(f'<option value="http://www.x{i}.gov.cn/">{_PROV[i % 31]}{_DEPT[i % 20]}</option>' for i in range(n))
    return f'<div class="select-links"><select onchange="window.open(this.value)"><option>--市直部门--</option>{opts}</select></div>'


def dated_list(host: str, n: int, title: str, cls: str, start: int = 0) -> str:
    rows = "".join(f'<li><a href="http://{host}/art/{date_of(i)}/art_{1000 + i}.html" title="{headline(i)}">{headline(i)}</a>'
                   f'<span>{date_of(i)}</span></li>' for i in range(start, start + n))
    return f'<div class="{cls}"><div class="hd"><h3>{title}</h3><a href="http://{host}/more/" class="more">更多&gt;&gt;</a></div><ul>{rows}</ul></div>'


def css_blob(kb: int) -> str:
    rules = []
    i = 0
    while sum(len(r) for r in rules) < kb * 1024:
        rules.append(f".m{i} .box{i % 9} li a{{color:#{(i * 2654435761) % 0xFFFFFF:06x};font-size:{12 + i % 6}px;"
                     f"line-height:{20 + i % 10}px;margin:0 {i % 7}px}}\n")
        i += 1
    return "<style type=\"text/css\">" + "".join(rules) + "</style>"


def js_blob(kb: int) -> str:
    lines = []
    i = 0
    while sum(len(x) for x in lines) < kb * 1024:
        lines.append(f'var _c{i}={{"id":{i},"name":"{headline(i)}","url":"/col/col{i}/index.html","d":"{date_of(i)}"}};'
                     f'if(document.getElementById("m{i}")){{$("#m{i}").hover(function(){{$(this).addClass("on")}});}}\n')
        i += 1
    return "<script type=\"text/javascript\">" + "".join(lines) + "</script>"
