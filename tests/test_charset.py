"""charset.decode: declared vs detected encodings on Chinese bodies."""

from __future__ import annotations

import pytest

from aggregator.charset import declared, decode, normalize

ZH = "省人民政府办公厅关于进一步做好新型冠状病毒感染的肺炎疫情防控工作的通知。镕"


def page(charset_meta: str, body: str = ZH) -> str:
    return f'<html><head>{charset_meta}<title>通知</title></head><body><p>{body}</p></body></html>'


@pytest.mark.parametrize("enc", ["gbk", "gb18030", "utf-8"])
def test_undeclared_chinese_no_mojibake(enc: str) -> None:
    text, used = decode(page("").encode(enc if enc != "gbk" else "gb18030"))
    assert ZH in text
    assert used in {"gb18030", "utf-8"}


def test_short_gbk_that_is_valid_utf8() -> None:
    assert decode("通知".encode("gbk")) == ("通知", "gb18030")
    assert decode("通知".encode("gbk"), header_charset="utf-8") == ("通知", "gb18030")


def test_meta_http_equiv_gb2312() -> None:
    body = page('<meta http-equiv="Content-Type" content="text/html; charset=gb2312">').encode("gb18030")
    assert decode(body) == (body.decode("gb18030"), "gb18030")


def test_meta_charset_and_xml_declaration() -> None:
    assert declared(b'<html><head><meta charset="GBK"></head>') == ["GBK"]
    assert declared(b'<?xml version="1.0" encoding="gb2312"?><rss/>') == ["gb2312"]
    assert declared(b'<html><head></head><body><meta charset="big5"></body>') == []
    xml = '<?xml version="1.0" encoding="GB2312"?><rss><title>湖北</title></rss>'.encode("gb18030")
    assert decode(xml)[1] == "gb18030" and "湖北" in decode(xml)[0]


def test_header_wins_when_it_decodes() -> None:
    body = page('<meta charset="utf-8">').encode("gb18030")
    assert decode(body, header_charset="GBK")[1] == "gb18030"


@pytest.mark.parametrize("label", ["utf-8", "UTF8"])
def test_wrong_utf8_label_loses_to_detection(label: str) -> None:
    body = page(f'<meta charset="{label}">').encode("gb18030")
    text, used = decode(body, header_charset=label)
    assert ZH in text and used == "gb18030"


def test_wrong_gbk_label_on_utf8_body() -> None:
    body = page('<meta charset="gb2312">').encode("utf-8")
    text, used = decode(body, header_charset="gbk")
    assert ZH in text and used == "utf-8"


def test_latin1_header_default_on_gbk_body() -> None:
    text, used = decode(page("").encode("gb18030"), header_charset="ISO-8859-1")
    assert ZH in text and used == "gb18030"


def test_bom_and_forced() -> None:
    assert decode(b"\xef\xbb\xbf" + ZH.encode()) == (ZH, "utf-8")
    assert decode(b"\xff\xfe" + ZH.encode("utf-16-le")) == (ZH, "utf-16-le")
    assert decode(ZH.encode("gb18030"), forced="gbk") == (ZH, "gb18030")
    assert decode(ZH.encode("gb18030"), forced="utf-8")[0] != ZH  # forced means forced


def test_never_raises() -> None:
    for body in (b"", b"\xff\xfe\xfd" * 100, bytes(range(256)) * 50):
        text, used = decode(body, header_charset="no-such-charset", forced="nope")
        assert isinstance(text, str) and used


@pytest.mark.parametrize(("label", "name"), [("GB2312", "gb18030"), ("gb_2312-80", "gb18030"), ("x-gbk", "gb18030"),
                                             ("GBK", "gb18030"), ('"utf-8"', "utf-8"), ("latin1", "iso8859-1"),
                                             ("bogus", None), (None, None)])
def test_normalize(label: str | None, name: str | None) -> None:
    assert normalize(label) == name
