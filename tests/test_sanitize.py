"""sanitize: hostile HTML in, allow-listed HTML with absolute URLs out; plain text."""

from __future__ import annotations

import re

import pytest

from aggregator import sanitize

BASE = "http://www.example.gov.cn/col/col12/index.html"

HOSTILE = [
    "<script>alert(1)</script><p>ok</p>",
    "<SCRIPT SRC=http://x/x.js></SCRIPT><p>ok</p>",
    '<img src=x onerror="alert(1)"><p>ok</p>',
    '<a href="javascript:alert(1)">ok</a>',
    '<a href="JaVaScRiPt:alert(1)">ok</a>',
    '<a href="&#106;&#97;vascript:alert(1)">ok</a>',
    '<a href="&#x6A;avascript&#x3A;alert(1)">ok</a>',
    '<a href="java&#x09;script:alert(1)">ok</a>',
    '<a href="  javascript:alert(1)">ok</a>',
    '<a href="vbscript:msgbox(1)">ok</a>',
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">ok</a>',
    '<svg onload=alert(1)><script>alert(1)</script></svg><p>ok</p>',
    "<style>@import 'http://x/x.css'; body{background:url(javascript:alert(1))}</style><p>ok</p>",
    '<iframe src="http://evil/"></iframe><p>ok</p>',
    '<object data="http://evil/x.swf"></object><embed src="http://evil/x.swf"><p>ok</p>',
    '<form action="http://evil/"><input name=a><button formaction="javascript:alert(1)">b</button></form><p>ok</p>',
    '<p onclick="alert(1)" style="background:url(javascript:alert(1))">ok</p>',
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript><p>ok</p>',
    '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
    '<svg></p><style><a id="</style><img src=1 onerror=alert(1)>">',
    '<<script>script>alert(1)<</script>/script><p>ok</p>',
    '<img """><script>alert(1)</script>">',
    '<a href="http://ok/" onmouseover="alert(1)">ok</a>',
    '<meta http-equiv="refresh" content="0;url=javascript:alert(1)"><p>ok</p>',
    '<base href="javascript:alert(1)//"><a href="x">ok</a>',
    '<!--[if gte IE 4]><script>alert(1)</script><![endif]--><p>ok</p>',
    '<img src="javascript:alert(1)"><img dynsrc="javascript:alert(1)"><p>ok</p>',
    '<table background="javascript:alert(1)"><tr><td>ok</td></tr></table>',
    '<div style="width: expression(alert(1))">ok</div>',
    '<a href="http://x/"><img src="http://x/i.png" onerror="alert(1)"></a>',
    '<xss onafterscriptexecute=alert(1)>ok</xss>',
    '<details open ontoggle=alert(1)>ok</details>',
    '<p>a</p><template><script>alert(1)</script></template>',
]


@pytest.mark.parametrize("fragment", HOSTILE)
def test_hostile_inputs_lose_every_active_part(fragment: str) -> None:
    out = sanitize.html(fragment, BASE)
    low = out.lower()
    assert "<script" not in low
    assert "<style" not in low and "<iframe" not in low and "<object" not in low
    assert "<svg" not in low and "<math" not in low and "<form" not in low and "<embed" not in low
    assert not re.search(r"\son\w+\s*=", low)
    assert "javascript:" not in low and "vbscript:" not in low and "data:" not in low
    assert "style=" not in low and "<base" not in low and "<meta" not in low
    # sanitizing is idempotent: a second pass over the output changes nothing
    assert sanitize.html(out, BASE) == out


def test_every_url_is_absolute_http_or_mailto() -> None:
    out = sanitize.html(
        '<a href="./202103/t2021_1.html">a</a><a href="../../x/y.pdf">b</a><a href="/root.html">c</a>'
        '<a href="//cdn.example.com/p.html">d</a><a href="?page=2">e</a><a href="mailto:a@b.cn">m</a>'
        '<img src="img/p.png"><a href="ftp://x/y">f</a>',
        BASE,
    )
    hrefs = re.findall(r'(?:href|src)="([^"]*)"', out)
    assert hrefs == [
        "http://www.example.gov.cn/col/col12/202103/t2021_1.html",
        "http://www.example.gov.cn/x/y.pdf",
        "http://www.example.gov.cn/root.html",
        "http://cdn.example.com/p.html",
        "http://www.example.gov.cn/col/col12/index.html?page=2",
        "mailto:a@b.cn",
        "http://www.example.gov.cn/col/col12/img/p.png",
    ]


def test_base_element_is_ignored_and_dropped() -> None:
    out = sanitize.html('<base href="http://evil.example/"><a href="a.html">x</a>', BASE)
    assert "evil" not in out
    assert 'href="http://www.example.gov.cn/col/col12/a.html"' in out


def test_links_get_rel_and_trs_oldsrc_goes() -> None:
    out = sanitize.html('<a href="/f.doc" oldsrc="W020.doc">附件</a><img src="/i.jpg" oldsrc="W1.jpg">', BASE)
    assert 'rel="noopener noreferrer nofollow"' in out
    assert "oldsrc" not in out and "W020" not in out


def test_lazy_images_use_their_real_source() -> None:
    out = sanitize.html('<img src="data:image/gif;base64,R0lGOD" data-src="/real.jpg" alt="图">', BASE)
    assert out == '<img src="http://www.example.gov.cn/real.jpg" alt="图">'


def test_allowed_structure_survives() -> None:
    frag = (
        "<h2>标题</h2><p><strong>粗</strong><em>斜</em><sub>1</sub><sup>2</sup></p>"
        '<table><thead><tr><th colspan="2">h</th></tr></thead><tbody><tr><td rowspan="2">a</td>'
        "<td>b</td></tr></tbody></table><ul><li>一</li></ul><ol><li>二</li></ol>"
        "<blockquote>q</blockquote><pre><code>c</code></pre><figure><img src=\"/a.png\" alt=\"a\" title=\"t\">"
        "<figcaption>cap</figcaption></figure><hr>"
    )
    out = sanitize.html(frag, BASE)
    for tag in ("h2", "strong", "em", "sub", "sup", "table", "thead", "tbody", "th", "td", "ul", "ol",
                "li", "blockquote", "pre", "code", "figure", "figcaption"):
        assert f"<{tag}" in out, tag
    assert 'colspan="2"' in out and 'rowspan="2"' in out and 'alt="a"' in out and 'title="t"' in out
    assert "<hr>" in out


def test_empty_paragraphs_and_nbsp_blocks_are_dropped() -> None:
    out = sanitize.html(
        "<p>&nbsp;</p><p>\u3000\u3000</p><p><br></p><div><p> </p><span>&nbsp;</span></div>"
        '<p><font color="red"></font></p><p>正文</p><p><img src="/keep.png"></p>',
        BASE,
    )
    assert out == '<p>正文</p><p><img src="http://www.example.gov.cn/keep.png"></p>'


def test_xml_illegal_characters_and_xml_declaration() -> None:
    assert sanitize.html('<?xml version="1.0" encoding="utf-8"?><p>a\x0bb\x08c\x00</p>', BASE) == "<p>abc</p>"


def test_text_is_escaped_not_unescaped() -> None:
    out = sanitize.html("<p>&lt;script&gt;alert(1)&lt;/script&gt; a &amp; b</p>", BASE)
    assert out == "<p>&lt;script&gt;alert(1)&lt;/script&gt; a &amp; b</p>"


def test_empty_inputs() -> None:
    assert sanitize.html("", BASE) == ""
    assert sanitize.html("   ", BASE) == ""
    assert sanitize.html("<script>x</script>", BASE) == ""
    assert sanitize.text("") == ""


def test_text_blocks_become_lines() -> None:
    frag = (
        "<div><h1>标题</h1><p>\u3000\u3000第一段  正文，\n续行。</p><p>&nbsp;&nbsp;第二段</p>"
        "<p>\u3000</p>尾巴<br>换行<table><tr><td>甲</td><td>乙</td></tr></table>"
        "<ul><li>一</li><li>二</li></ul><script>var x=1;</script><style>p{}</style>"
        "<p>a<b>b</b>c</p><pre>x  1\ny  2</pre></div>"
    )
    assert sanitize.text(frag) == "标题\n第一段 正文， 续行。\n第二段\n尾巴\n换行\n甲 乙\n一\n二\nabc\nx 1\ny 2"


def test_text_of_plain_string_and_entities() -> None:
    assert sanitize.text("a &amp; b &lt;c&gt;") == "a & b <c>"
    assert sanitize.text("<p>x\x0by</p>") == "xy"
