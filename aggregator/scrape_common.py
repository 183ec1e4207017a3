"""Helpers shared by the list-page and article extractors of `scrape`.

Owns: turning fetched bytes into an lxml tree (via `charset.decode`), resolving
links against the final URL and `<base href>`, whitespace-normalized text, the
date-substring finder and the class/id patterns that mark page chrome.
Does not own: deciding what is a list or an article (scrape_lists, scrape_article).
"""

from __future__ import annotations

import re
from datetime import datetime, tzinfo
from urllib.parse import urljoin, urlsplit, urlunsplit

import lxml.etree
import lxml.html
from lxml.html import HtmlElement

from . import charset as _charset
from . import dates as _dates
from .errors import ExtractError

#: anchors to these are attachments, never article links
ATTACHMENT_RE = re.compile(
    r"\.(?:pdf|docx?|xlsx?|pptx?|zip|rar|7z|wps|ofd|et|dps|txt|csv|jpe?g|png|gif|bmp|"
    r"mp3|mp4|avi|wmv|flv|mov|exe|apk|tif|tiff|ceb|caj)(?:$|[?#])",
    re.I,
)
ENCLOSURE_RE = re.compile(
    r"\.(pdf|docx?|xlsx?|pptx?|zip|rar|7z|wps|ofd|et|dps|ceb|caj|txt|csv)(?:$|[?#])", re.I
)
ENCLOSURE_TYPES = {
    "pdf": "application/pdf",
    "doc": "application/msword",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xls": "application/vnd.ms-excel",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "ppt": "application/vnd.ms-powerpoint",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "zip": "application/zip",
    "rar": "application/vnd.rar",
    "7z": "application/x-7z-compressed",
    "wps": "application/vnd.ms-works",
    "ofd": "application/ofd",
    "txt": "text/plain",
    "csv": "text/csv",
}

#: class/id words of page chrome (navigation, sidebars, footers, rankings, pagers)
CHROME_RE = re.compile(
    r"(?:^|[-_\s])(?:nav\w*|menu\w*|foot\w*|footer|top-?bar|topbar|side\w*|"
    r"sidebar|aside|hot\w*|rank\w*|pager|paging|pagination|page-?nav|breadcrumbs?|crumbs?|"
    r"friend\w*|links?|yqlj|banner|toolbar|share\w*|bdshare|copyright|copy|comments?|"
    r"recommend\w*|related|relate|relevant|tuijian|tj|remen|paihang|phb|gg|ad|ads|advert\w*|xgxw|xgyd|"
    r"login|search|weixin|wechat|qrcode|ewm|erweima|location|position|dqwz|bottom|"
    r"tools?|print|fenxiang|xgwz|xgxx|more)(?:$|[-_\s\d])",
    re.I,
)
#: class/id words of blocks far from the article (sidebars, footers, related lists)
STRONG_CHROME_RE = re.compile(
    r"(?:^|[-_\s])(?:nav\w*|menu\w*|foot\w*|footer|side\w*|sidebar|aside|hot\w*|rank\w*|friend\w*|"
    r"links|yqlj|related|relate|relevant|recommend\w*|tuijian|xgwz|xgxx|xgxw|xgyd|copyright|bottom|comments?)(?:$|[-_\s\d])",
    re.I,
)

#: headings of blocks that are not the main list
CHROME_TEXT_RE = re.compile(
    r"热门|热点排行|排行|推荐|友情链接|导航|相关(?:文章|新闻|链接|阅读|信息)|最新(?:文章|更新)|"
    r"点击排行|猜你喜欢|专题专栏|网站地图|联系我们|图片新闻"
)

#: whole class tokens of a site header (an "article-header" is not chrome)
_HEADER_TOKEN_RE = re.compile(r"^(?:header|head|top|hd|site-?header|page-?header|header-?(?:wrap|box|top|nav)|headerbox|topbox|top-?wrap)$", re.I)

_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)
_WS = re.compile(r"[\s\u00a0\u3000\u200b\ufeff]+")

# A date written year-first; time optional. Used to cut a date out of page text.
DATE_RE = re.compile(
    r"(?<!\d)((?:19|20)\d{2})\s*(?:[-/.]|年)\s*(\d{1,2})\s*(?:[-/.]|月)\s*(\d{1,2})(?!\d)\s*日?"
    r"(?:\s*(?:[T-]\s*)?(\d{1,2})\s*[:：时]\s*(\d{1,2})(?:\s*[:：分]\s*(\d{1,2}))?)?"
)


def parse_document(
    body: bytes, charset: str | None = None, encoding: str | None = None
) -> HtmlElement:
    """Decode and parse a page; raises ExtractError when there is nothing to parse."""
    if not isinstance(body, (bytes, bytearray)):
        raise ExtractError("page body is not bytes")
    text, _enc = _charset.decode(bytes(body), header_charset=charset, forced=encoding)
    return parse_text(text)


def parse_text(text: str) -> HtmlElement:
    text = _XML_DECL.sub("", text, count=1).replace("\x00", "")
    if not text.strip():
        raise ExtractError("empty page")
    parser = lxml.html.HTMLParser(remove_comments=True, remove_pis=True, recover=True)
    try:
        doc = lxml.html.document_fromstring(text, parser=parser)
    except (lxml.etree.ParserError, ValueError, lxml.etree.XMLSyntaxError) as e:
        raise ExtractError("page could not be parsed") from e
    if doc is None:
        raise ExtractError("page could not be parsed")
    return doc


def base_url(doc: HtmlElement, url: str) -> str:
    """The URL relative links resolve against: `<base href>` if usable, else `url`."""
    for b in doc.iter("base"):
        href = (b.get("href") or "").strip()
        if href:
            resolved = resolve(url, href, keep_fragment=False)
            if resolved:
                return resolved
        break
    return url


def resolve(base: str, href: str | None, *, keep_fragment: bool = False) -> str | None:
    """An absolute http(s) URL for `href`, or None for javascript:, mailto:, '#' and junk."""
    if href is None:
        return None
    href = _WS.sub("", href).replace("\\", "/")
    if not href or href.startswith("#"):
        return None
    low = href[:12].lower()
    if low.startswith(("javascript:", "mailto:", "tel:", "data:", "about:", "vbscript:", "file:")):
        return None
    try:
        absolute = urljoin(base, href)
        parts = urlsplit(absolute)
    except ValueError:
        return None
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return None
    if not keep_fragment:
        parts = parts._replace(fragment="")
    # Resolve leftover "../" above the root, as browsers do.
    path = parts.path
    while path.startswith("/../"):
        path = path[3:]
    return urlunsplit(parts._replace(path=path))


def same_page(a: str, b: str) -> bool:
    pa, pb = urlsplit(a), urlsplit(b)
    return (
        pa.netloc.lower() == pb.netloc.lower()
        and pa.path.rstrip("/") == pb.path.rstrip("/")
        and pa.query == pb.query
    )


def host_of(url: str) -> str:
    try:
        return (urlsplit(url).hostname or "").lower()
    except ValueError:
        return ""


def site_of(host: str) -> str:
    """The registrable-ish tail of a host: 'sft.shandong.gov.cn' → 'shandong.gov.cn'."""
    parts = host.split(".")
    if len(parts) >= 3 and parts[-2] in ("gov", "com", "org", "net", "edu", "ac"):
        return ".".join(parts[-3:])
    return ".".join(parts[-2:])


def clean(text: str | None) -> str:
    """Whitespace collapsed (nbsp, ideographic space included), stripped."""
    if not text:
        return ""
    return _WS.sub(" ", text).strip()


def text_of(el: HtmlElement) -> str:
    try:
        return clean(el.text_content())
    except (ValueError, TypeError):
        return ""


def attr_words(el: HtmlElement) -> str:
    return f"{el.get('class') or ''} {el.get('id') or ''}".strip()


def is_chrome(el: HtmlElement) -> bool:
    tag = el.tag if isinstance(el.tag, str) else ""
    if tag in ("nav", "header", "footer", "aside"):
        return True
    words = attr_words(el)
    if not words:
        return False
    return bool(CHROME_RE.search(words)) or any(_HEADER_TOKEN_RE.match(w) for w in words.split())


def is_far_chrome(el: HtmlElement) -> bool:
    """Navigation, sidebars, footers, related lists: never where an article's metadata is."""
    tag = el.tag if isinstance(el.tag, str) else ""
    if tag in ("nav", "footer", "aside"):
        return True
    words = attr_words(el)
    return bool(words and STRONG_CHROME_RE.search(words))


def find_date_text(text: str) -> tuple[int, int, str] | None:
    """(start, end, normalized 'YYYY-MM-DD[ HH:MM[:SS]]') of the first date in `text`."""
    m = DATE_RE.search(text)
    if not m:
        return None
    y, mo, d, h, mi, s = m.groups()
    norm = f"{y}-{int(mo):02d}-{int(d):02d}"
    if h is not None and mi is not None and int(h) < 24 and int(mi) < 60:
        norm += f" {int(h):02d}:{int(mi):02d}"
        if s is not None and int(s) < 60:
            norm += f":{int(s):02d}"
    return m.start(), m.end(), norm


def date_in(text: str, tz: tzinfo) -> tuple[datetime | None, bool]:
    """The first year-first date in `text`, read in `tz`."""
    found = find_date_text(text or "")
    if not found:
        return None, False
    return safe_parse(found[2], tz)


def safe_parse(text: str | None, tz: tzinfo) -> tuple[datetime | None, bool]:
    if not text:
        return None, False
    try:
        return _dates.parse_date(text, tz)
    except (ValueError, OverflowError, TypeError):
        return None, False


_URL_DATE_RES = (
    # t20210316_123.html, /20210316/, _20210316
    re.compile(r"(?<!\d)((?:19|20)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?!\d)"),
    # /2021-03/16/, /2021/0316/, /2021/03/16/, /art/2021/3/16/
    re.compile(r"/((?:19|20)\d{2})[-/_]?(0?[1-9]|1[0-2])[-/_]?(0?[1-9]|[12]\d|3[01])/"),
    re.compile(r"/((?:19|20)\d{2})[-/](0[1-9]|1[0-2])/(0[1-9]|[12]\d|3[01])(?!\d)"),
)
_URL_MONTH_RE = re.compile(r"/((?:19|20)\d{2})[-_]?(0[1-9]|1[0-2])/")


def url_date(url: str, tz: tzinfo, *, month_ok: bool = False) -> tuple[datetime | None, bool]:
    """A date written in a URL path (t20200127_…, /2021-03/16/, with month_ok /202001/)."""
    try:
        path = urlsplit(url).path
    except ValueError:
        return None, False
    for rx in _URL_DATE_RES:
        for m in rx.finditer(path):
            dt, _ = safe_parse(f"{m.group(1)}-{int(m.group(2)):02d}-{int(m.group(3)):02d}", tz)
            if dt is not None:
                return dt, True
    if month_ok:
        m = _URL_MONTH_RE.search(path)
        if m:
            dt, _ = safe_parse(f"{m.group(1)}-{m.group(2)}-01", tz)
            if dt is not None:
                return dt, True
    return None, False


def page_title_text(doc: HtmlElement) -> str | None:
    for t in doc.iter("title"):
        txt = text_of(t)
        return txt or None
    return None
