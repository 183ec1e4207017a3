"""The article body: find its container, clean it, linearize the page's text.

Owns: the known CMS containers, the text-density score used when none is
found, removing the boilerplate portals put inside the body (metadata line,
repeated title, print/close/share widgets, 原文链接, 责任编辑, prev/next links,
QR codes, disclaimers), making image and link URLs absolute and collecting
attachments. Pure. Does not own: sanitizing (sanitize) or the other fields.
"""

from __future__ import annotations

import copy
import re
from urllib.parse import unquote, urlsplit

from lxml.html import HtmlElement

from .errors import ExtractError
from .model import Enclosure
from .scrape_common import (
    CHROME_RE,
    ENCLOSURE_RE,
    ENCLOSURE_TYPES,
    clean,
    is_chrome,
    resolve,
    text_of,
)

try:
    from lxml.cssselect import CSSSelector
except ImportError:  # pragma: no cover
    CSSSelector = None  # type: ignore[assignment,misc]

#: containers of known CMSs (TRS WCM, gov.cn UCAP, Hanweb …) and of the big news portals,
#: most specific first. Only `#id`, `.class`, `.a.b`, `tag` and `.prefix*` (css-module
#: hashed names such as ifeng's `index_text_D0U1y`) are used: they are matched in one pass.
KNOWN = (
    ".TRS_Editor", ".TRS_UEDITOR", ".trs_paper_default", ".trs_editor_view", "#UCAP-CONTENT",
    ".pages_content", "#zoom", "#Zoom", "#fontzoom", "#ivs_content", "#con_con", "#detailContent",
    "#rm_txt_zw", ".rm_txt_con", "#rwb_zw", ".show_text", "#p_content", ".left_zw", "#content_area",
    ".content_area", ".cnt_bd", "#artibody", "#News_Body_Txt_A", ".easysite-news-text", "#textSize",
    ".u-mainText", "#contentMain", ".la_con", ".news_txt", "#chan_newsDetail", "#Main_Content_Val",
    "#mp-editor", ".content-article", ".index_text_*",
    ".text_con", ".article_con", "#ContentRegion", ".view.TRS_UEDITOR", "#js_content",
    ".rich_media_content", "#zhengwen", ".zhengwen", "#BodyLabel", "#contentText", ".content_text",
    ".article-content", ".article_content", "#article_content", ".articleContent", "#articleContent",
    ".news_content", ".news-content", "#news_content", ".detail-content", ".detail_content",
    ".con_text", ".wz_text", ".xl_content", ".xlcontent", ".nr_content", "#text", ".article-body",
    "#detail", ".post-content", ".entry-content", "#content", ".content", "article",
)
#: generic names only trusted when the density score agrees
_GENERIC = {"#content", ".content", "article", "#text", ".post-content", ".entry-content", "#detail"}


def _parse_simple(sel: str) -> tuple[str | None, str | None, tuple[str, ...], str | None]:
    """(tag, id, classes, class prefix) of one of the KNOWN selectors."""
    if sel.startswith("#"):
        return None, sel[1:], (), None
    if sel.startswith("."):
        parts = tuple(sel[1:].split("."))
        if parts[-1].endswith("*"):
            return None, None, (), parts[-1][:-1]
        return None, None, parts, None
    return sel, None, (), None


_KNOWN_PARSED = [(sel, *_parse_simple(sel)) for sel in KNOWN]
_KNOWN_RANK = {sel: i for i, sel in enumerate(KNOWN)}
_KNOWN_IDS = {p[2]: p[0] for p in _KNOWN_PARSED if p[2]}
_KNOWN_TAGS = {p[1]: p[0] for p in _KNOWN_PARSED if p[1]}
_KNOWN_CLASSES = [(p[0], set(p[3])) for p in _KNOWN_PARSED if p[3]]
_KNOWN_FIRST = {next(iter(c)) for _s, c in _KNOWN_CLASSES}
_KNOWN_PREFIXES = [(p[0], p[4]) for p in _KNOWN_PARSED if p[4]]

_BLOCK = {
    "address", "article", "aside", "blockquote", "body", "center", "dd", "div", "dl", "dt",
    "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
    "header", "hr", "html", "li", "main", "nav", "ol", "p", "pre", "section", "table", "tbody",
    "td", "th", "thead", "tfoot", "tr", "ul", "br", "title",
}
_PARA = {"p", "h2", "h3", "h4", "h5", "h6", "li", "pre", "blockquote", "dd"}
_GOOD_CLASS_RE = re.compile(
    r"content|article|text|body|zoom|detail|main|editor|trs|zhengwen|zw|neirong|nr|xl|wz|con\b|con_|post|entry",
    re.I,
)
_COPYRIGHT_RE = re.compile(r"版权所有|ICP备|ICP证|网站标识码|Copyright|©|主办单位|技术支持|公网安备|网站地图", re.I)
_DATE_ONLY_RE = re.compile(r"[\[(（【]?\s*(?:(?:19|20)\d{2}\s*[-/.年]\s*)?\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?"
                           r"(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?\s*[\])）】]?")
_PUNCT_RE = re.compile(r"[，。；、,;：！？]")

# Lines that are labels or reader widgets, never article text.
_LABEL_LINE_RE = re.compile(
    r"^[【\[(（]?\s*(?:责任编辑|责编|编\s*辑|审\s*核|校\s*对|审校|终审|监\s*制|原文链接|原文地址|原文网址|本文链接|转\s*自|转载自|"
    r"来\s*源|信息来源|文章来源|稿\s*源|作\s*者|发布时间|发布日期|发布者|当前位置|您的位置|您现在的位置|当前所在|"
    r"免责声明|特别声明|版权所有|版权声明|浏览次数|阅读次数|访问次数|点击数|点击量|阅读量|字号|字体|"
    r"相关(?:文章|新闻|链接|阅读|稿件))\s*[:：]"
)
_WIDGET_LINE_RE = re.compile(
    r"^[【\[]?\s*(?:打印(?:本页|此页|文章|正文)?|关闭(?:窗口|本页|页面)?|收藏(?:本页)?|分享到?|返回顶部|返回列表|返回|"
    r"上一篇|下一篇|上一条|下一条|扫一扫|微信扫一扫|扫码|手机扫|二维码|纠错|【?大\s*中\s*小)"
)
_PREV_NEXT_RE = re.compile(r"^(?:上一篇|下一篇|上一条|下一条|上篇|下篇)\s*[:：]?")
_WIDGET_RE = re.compile(r"【\s*(?:打印|关闭|大|中|小|收藏|返回顶部|字体|字号|纠错)|分享到|大\s*中\s*小|视力保护色|扫一扫在手机")
_META_LABELS_RE = re.compile(r"(?:发布时间|发布日期|来\s*源|作\s*者|浏览|点击|访问量|字号|责任编辑|时\s*间|日\s*期|编辑)\s*[:：]")
_STRONG_META_RE = re.compile(r"(?:发布时间|发布日期|来\s*源|作\s*者|浏览|点击|访问量|字号|责任编辑)\s*[:：]")
_TAIL_LINE_RE = re.compile(
    r"(?:原文链接|原文地址|原文网址|责任编辑|【\s*打印\s*】|【\s*关闭\s*】)\s*[:：]?[^\n]*$", re.M
)
_DATE_LINE_RE = re.compile(
    r"[\[(（【]?\s*(?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?"
    r"(?:\s*\d{1,2}[:：]\d{2}(?::\d{2})?)?\s*[\])）】]?"
)
# Blocks that sit inside article containers of news templates without being text.
_BODY_CHROME_RE = re.compile(
    r"(?:^|[-_\s])(?:byline\w*|timestamp\w*|tags?|tag-?list|statement|disclaimer|trust-?\w*|currpage|"
    r"page-?bar|fanye)(?:$|[-_\s\d])", re.I)
# A pager line ("上一页 1 2 3 下一页", "第1页 共3页"): multi-page articles cannot be fetched here.
_PAGER_LINE_RE = re.compile(
    r"^(?:(?:上一页|下一页|首页|尾页|末页|第\s*\d+\s*页|共\s*\d+\s*页|\d{1,3}|[<>«»‹›]|Previous|Next|\.\.\.|…)\s*)+$")
_PAGER_WORD_RE = re.compile(r"上一页|下一页|第\s*\d+\s*页|Previous|Next")
_EN_BYLINE_RE = re.compile(r"^By\s+[A-Z][A-Za-z.'-]+(?:\s+[A-Z][A-Za-z.'-]+){0,3}\s*(?:[|,].*)?$")
_TAIL_WORD_RE = re.compile(r"^(?:\(?Enditem\)?|Our Standards\s*:.*)$")
_BLANKS_RE = re.compile(r"[ \t\r\f\v\u00a0\u3000\u200b]+")
_QR_RE = re.compile(r"qr|ewm|erweima|二维码|wechat|weixin|code\.(?:png|jpg)", re.I)
_LAZY_ATTRS = ("data-src", "data-original", "data-lazy-src", "data-url", "original", "_src", "file")


def _known(doc: HtmlElement) -> list[tuple[str, HtmlElement]]:
    """Matches of the known containers in KNOWN order; of several matches of one selector, the wordiest first.

    One walk over the tree instead of one CSS query per selector: real pages have
    thousands of elements and KNOWN has dozens of entries.
    """
    hits: dict[str, list[HtmlElement]] = {}
    for el in doc.iter():
        tag = el.tag
        if not isinstance(tag, str):
            continue
        if tag in _KNOWN_TAGS:
            hits.setdefault(_KNOWN_TAGS[tag], []).append(el)
        ident = el.get("id")
        if ident and ident in _KNOWN_IDS:
            hits.setdefault(_KNOWN_IDS[ident], []).append(el)
        cls = el.get("class")
        if not cls:
            continue
        tokens = set(cls.split())
        if tokens & _KNOWN_FIRST:
            for sel, need in _KNOWN_CLASSES:
                if need <= tokens:
                    hits.setdefault(sel, []).append(el)
        for sel, prefix in _KNOWN_PREFIXES:
            if any(t.startswith(prefix) for t in tokens):
                hits.setdefault(sel, []).append(el)
    out = []
    for sel in sorted(hits, key=_KNOWN_RANK.__getitem__):
        found = hits[sel]
        if len(found) > 1:
            found.sort(key=lambda el: -(len(text_of(el)) - _link_len(el)))
        out.extend((sel, el) for el in found)
    return out


def _own_text(el: HtmlElement) -> str:
    parts = [el.text or ""]
    for c in el:
        parts.append(c.tail or "")
    return clean("".join(parts))


def _link_len(el: HtmlElement) -> int:
    return sum(len(text_of(a)) for a in el.iter("a"))


def _attachment_len(el: HtmlElement) -> int:
    return sum(len(text_of(a)) for a in el.iter("a") if ENCLOSURE_RE.search((a.get("href") or "").split("?")[0]))


def density_top(doc: HtmlElement) -> HtmlElement | None:
    """The block that collects the most paragraph text, penalized for links and chrome names."""
    scores: dict[HtmlElement, float] = {}
    body = doc.find("body")
    root = body if body is not None else doc
    for i, el in enumerate(root.iter()):
        if i > 50000:
            break
        if not isinstance(el.tag, str) or el.tag in ("a", "script", "style"):
            continue
        own = _own_text(el)
        if len(own) < 10:
            continue
        # a teaser's date ("2021-03-16", "[03-16]") is not text: 1,200 of them must not outweigh the article
        own = _DATE_ONLY_RE.sub("", own)
        n = len(own)
        if n < 10 or any(a.tag == "a" for a in el.iterancestors()):
            continue
        pts = 1.0 + min(n / 40.0, 8.0) + min(len(_PUNCT_RE.findall(own)), 8) * 0.5
        blk = el
        while blk is not None and blk.tag not in _BLOCK:
            blk = blk.getparent()
        if blk is None:
            continue
        if blk.tag in _PARA:
            first, second = blk.getparent(), None
            if first is not None:
                second = first.getparent()
        else:
            first, second = blk, blk.getparent()
        if first is None:
            continue
        if _in_linked_row(blk):
            pts *= 0.2  # a teaser in a list of links (related news), not article text
        scores[first] = scores.get(first, 0.0) + pts
        if second is not None:
            scores[second] = scores.get(second, 0.0) + pts / 2
    best, best_score = None, 0.0
    for el, s in scores.items():
        txt_len = len(text_of(el)) or 1
        ld = min(_link_len(el) / txt_len, 1.0)
        s *= (1.0 - ld) ** 2  # squared: a menu or teaser list is mostly link text
        words = f"{el.get('class') or ''} {el.get('id') or ''}"
        if is_chrome(el) or any(is_chrome(a) for a in el.iterancestors() if a.tag not in ("body", "html")):
            s *= 0.4
        if words and _GOOD_CLASS_RE.search(words):
            s *= 1.25
        if len({m.group(0).lower() for m in _COPYRIGHT_RE.finditer(text_of(el)[-300:])}) >= 2:
            s *= 0.3  # ends in a site footer: a page wrapper, not the article
        if s > best_score:
            best, best_score = el, s
    return best


def _in_linked_row(blk: HtmlElement) -> bool:
    row: HtmlElement | None = blk
    for _ in range(4):
        if row is None:
            return False
        if row.tag in ("li", "dd", "dt"):
            return any(len(text_of(a)) >= 4 for a in row.iter("a"))
        row = row.getparent()
    return False


def find_body(doc: HtmlElement, selector: str | None, title_el: HtmlElement | None) -> tuple[HtmlElement | None, str]:
    if selector:
        try:
            found = CSSSelector(selector)(doc)
        except Exception as e:  # cssselect's own error types
            raise ExtractError(f"bad content selector {selector!r}: {e}") from e
        if found:
            return found[0], f"selector:{selector}"
    top = density_top(doc)
    top_len = len(text_of(top)) - _link_len(top) if top is not None else 0
    for sel, el in _known(doc):
        # attachment links are the content of a "名单如下（附件）" notice, not navigation
        n = len(text_of(el)) - _link_len(el) + _attachment_len(el)
        if n < 20 and not any(True for _ in el.iter("img")):
            continue
        if sel in _GENERIC:
            if top is None:
                continue
            related = el is top or _is_ancestor(el, top) or _is_ancestor(top, el)
            if not related or n > top_len * 1.5 + 200 or n < top_len * 0.6:
                continue
            if _link_len(el) > 0.5 * (len(text_of(el)) or 1):
                continue
        elif top is not None and n < top_len * 0.3 and not _is_ancestor(el, top) and not _is_ancestor(top, el):
            continue
        return el, f"known:{sel}"
    if top is None:
        return None, "heuristic"
    return top, "heuristic:density"


def _is_ancestor(anc: HtmlElement, el: HtmlElement) -> bool:
    return any(a is anc for a in el.iterancestors())


def linearize(doc: HtmlElement):
    """The page text with block breaks as newlines, each element's (start, end) in it."""
    parts: list[str] = []
    pos = 0
    spans: dict[HtmlElement, tuple[int, int]] = {}
    owners: list[tuple[int, HtmlElement]] = []

    def emit(s: str, owner: HtmlElement) -> None:
        nonlocal pos
        if not s:
            return
        # Runs of two or more blanks stay two: they separate values on metadata lines.
        s = _BLANKS_RE.sub(lambda m: "  " if len(m.group(0)) > 1 else " ", s.replace("\n", " "))
        if not s.strip():
            if parts and not parts[-1].endswith((" ", "\n")):
                parts.append(" ")
                pos += 1
            return
        owners.append((pos, owner))
        parts.append(s)
        pos += len(s)

    def newline() -> None:
        nonlocal pos
        if parts and not parts[-1].endswith("\n"):
            parts.append("\n")
            pos += 1

    def walk(el: HtmlElement, depth: int) -> None:
        if not isinstance(el.tag, str) or depth > 400:
            return
        if el.tag in ("script", "style", "head", "title"):
            spans[el] = (pos, pos)
            return
        start = pos
        block = el.tag in _BLOCK
        if block:
            newline()
        emit(el.text or "", el)
        for child in el:
            walk(child, depth + 1)
            emit(child.tail or "", el)
        if block:
            newline()
        spans[el] = (start, pos)

    walk(doc, 0)
    text = "".join(parts)

    def owner_at(offset: int) -> HtmlElement | None:
        lo, hi = 0, len(owners) - 1
        found = None
        while lo <= hi:
            mid = (lo + hi) // 2
            if owners[mid][0] <= offset:
                found = owners[mid][1]
                lo = mid + 1
            else:
                hi = mid - 1
        return found

    return text, owner_at, spans


def enclosure_for(a: HtmlElement, base: str) -> Enclosure | None:
    href = a.get("href") or ""
    url = resolve(base, href)
    if not url:
        return None
    m = ENCLOSURE_RE.search(urlsplit(url).path) or ENCLOSURE_RE.search(url)
    if not m:
        return None
    title = text_of(a) or clean(a.get("title")) or unquote(urlsplit(url).path.rsplit("/", 1)[-1])
    return Enclosure(url=url, type=ENCLOSURE_TYPES.get(m.group(1).lower()), title=title or None)


_MEDIA_RE = re.compile(r"\.(mp4|m4v|webm|mov|flv|m3u8|mp3|m4a|aac|ogg|oga|wav)(?:$|[?#])", re.I)
_MEDIA_TYPES = {"mp4": "video/mp4", "m4v": "video/mp4", "webm": "video/webm", "mov": "video/quicktime",
                "flv": "video/x-flv", "m3u8": "application/vnd.apple.mpegurl", "mp3": "audio/mpeg",
                "m4a": "audio/mp4", "aac": "audio/aac", "ogg": "audio/ogg", "oga": "audio/ogg", "wav": "audio/wav"}


def media_enclosure(el: HtmlElement, url: str) -> Enclosure | None:
    """An embedded <video>/<audio>/<source>/<embed> file is the item's enclosure (RSS semantics)."""
    m = _MEDIA_RE.search(urlsplit(url).path)
    if not m:
        return None
    ext = m.group(1).lower()
    declared = (el.get("type") or "").strip().lower()
    return Enclosure(url=url, type=declared if re.fullmatch(r"(video|audio|application)/[\w.+-]+", declared)
                     else _MEDIA_TYPES.get(ext))


def _compact(s: str) -> str:
    return re.sub(r"[\s\u00a0\u3000]+", "", s or "")


def clean_body(container: HtmlElement, base: str, title: str | None, via: str | None) -> tuple[HtmlElement, list[Enclosure]]:
    body = copy.deepcopy(container)
    body.tail = None
    tc = _compact(title or "")
    # Chrome blocks and boilerplate lines inside the body.
    for el in list(body.iter()):
        if el is body or not isinstance(el.tag, str) or el.getparent() is None:
            continue
        if any(a.getparent() is None and a is not body for a in el.iterancestors()):
            continue
        if el.tag in ("img",):
            if _QR_RE.search(f"{el.get('src') or ''} {el.get('alt') or ''} {el.get('class') or ''}"):
                _remove(el)
            continue
        txt = text_of(el)
        words = f"{el.get('class') or ''} {el.get('id') or ''} {el.get('data-component') or ''}".strip()
        has_media = any(True for _ in el.iter("img", "video", "audio", "table"))
        if words and (CHROME_RE.search(words) or _BODY_CHROME_RE.search(words)) and (len(txt) < 300 or not has_media):
            if not _long_paragraphs(el):
                _remove(el)
                continue
        if not txt:
            continue
        c = _compact(txt)
        if tc and (c == tc or (len(c) <= len(tc) + 4 and tc in c)) and el.tag not in ("body",):
            _remove(el)
            continue
        if len(txt) <= 200 and not has_media and _boilerplate(txt):
            _remove(el)
            continue
    # A bare date line above the first paragraph is the metadata line, not text.
    for el in list(body.iter()):
        if el is body or not isinstance(el.tag, str) or el.getparent() is None:
            continue
        if any(isinstance(c.tag, str) and c.tag in _BLOCK and c.tag != "br" for c in el):
            continue  # a wrapper: look at its lines
        txt = text_of(el)
        if len(txt) >= 30:
            break
        if txt and _DATE_LINE_RE.fullmatch(txt):
            _remove(el)
    # Bare-text boilerplate (text/tails directly in blocks).
    for el in body.iter():
        if not isinstance(el.tag, str):
            continue
        for attr in ("text", "tail"):
            s = getattr(el, attr)
            if s and _TAIL_LINE_RE.search(s):
                setattr(el, attr, _TAIL_LINE_RE.sub("", s))
    enclosures: list[Enclosure] = []
    seen: set[str] = set()
    for el in list(body.iter("a", "img", "source", "video", "audio", "embed")):
        if el.tag == "a":
            if via and resolve(base, el.get("href")) == via:
                _remove(el)
                continue
            enc = enclosure_for(el, base)
            if enc and enc.url not in seen:
                seen.add(enc.url)
                enclosures.append(enc)
            href = resolve(base, el.get("href"), keep_fragment=True)
            if href:
                el.set("href", href)
            elif "href" in el.attrib:
                del el.attrib["href"]
            el.attrib.pop("oldsrc", None)
            continue
        src = (el.get("src") or "").strip()
        if not src or src.startswith("data:") or re.search(r"blank|loading|placeholder|spacer", src, re.I):
            for attr in _LAZY_ATTRS:
                if el.get(attr):
                    src = el.get(attr).strip()
                    break
        url = resolve(base, src)
        if url:
            el.set("src", url)
            enc = media_enclosure(el, url) if el.tag != "img" else None
            if enc and enc.url not in seen:
                seen.add(enc.url)
                enclosures.append(enc)
        elif el.tag == "img":
            _remove(el)
            continue
        for attr in ("oldsrc", "srcset", *_LAZY_ATTRS):
            el.attrib.pop(attr, None)
    _drop_empty(body)
    return body, enclosures


def _boilerplate(txt: str) -> bool:
    if _LABEL_LINE_RE.match(txt) or _PREV_NEXT_RE.match(txt):
        return True
    if len(txt) <= 80 and (_PAGER_LINE_RE.match(txt) and _PAGER_WORD_RE.search(txt)
                           or _EN_BYLINE_RE.match(txt) or _TAIL_WORD_RE.match(txt)):
        return True
    if len(txt) <= 40 and (_WIDGET_LINE_RE.match(txt) or _WIDGET_RE.search(txt)):
        return True
    if _WIDGET_RE.search(txt) and len(txt) <= 80:
        return True
    return len(_META_LABELS_RE.findall(txt)) >= 2 and bool(_STRONG_META_RE.search(txt))


def _long_paragraphs(el: HtmlElement) -> bool:
    return sum(1 for p in el.iter("p") if len(text_of(p)) > 60) >= 2


def _remove(el: HtmlElement) -> None:
    if el.getparent() is not None:
        el.drop_tree()


def _drop_empty(body: HtmlElement) -> None:
    for el in reversed(list(body.iter("p", "div", "span", "font", "strong", "b", "em", "section"))):
        if el is body or el.getparent() is None:
            continue
        if text_of(el) or any(True for _ in el.iter("img", "video", "audio", "table", "iframe", "hr")):
            continue
        _remove(el)
