"""List pages: find the article links of a portal column page and its next pages.

Owns: the repeated-block detection (anchors grouped by their ancestor path,
scored by count, title length, row dates and article-like hrefs, chrome
penalized), rows written by inline scripts (Hanweb `urls[i]=…` arrays,
`<script type="text/xml">` record CDATA, `document.write` of anchors), row dates,
and pagers (rel=next, 下一页, TRS `createPageHTML`). Pure: no I/O, no clock.
Does not own: fetching those links (pipeline) or reading the articles (scrape_article).
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime, tzinfo

import lxml.html
from lxml.html import HtmlElement

from .errors import ExtractError
from .scrape_common import (
    ATTACHMENT_RE,
    CHROME_TEXT_RE,
    base_url,
    clean,
    date_in,
    host_of,
    is_chrome,
    page_title_text,
    resolve,
    safe_parse,
    same_page,
    site_of,
    text_of,
    url_date,
)

try:  # cssselect is needed for selectors only
    from lxml.cssselect import CSSSelector
except ImportError:  # pragma: no cover
    CSSSelector = None  # type: ignore[assignment,misc]


@dataclass(frozen=True, slots=True)
class ListLink:
    """One article link of a list page, with the row's date when the row shows one."""

    url: str
    title: str | None
    published: datetime | None = None
    date_only: bool = False


@dataclass(frozen=True, slots=True)
class ListPage:
    """A list page's article links (page order), its next pages and how the links were found."""

    links: tuple[ListLink, ...]
    next_pages: tuple[str, ...]
    title: str | None
    how: str


_ARTICLE_HREF_RE = re.compile(
    r"/t\d{8}_\d+|/content/post_\d+|/art/\d{4}/|/content_\d+|/\d{6,8}/|\d{5,}\.s?html?$|"
    r"\.s?html?$|/(?:art|article|content|detail|info|news|show|view)\w*[/?_.-]|[?&](?:id|aid|articleid|newsid|infoid)=",
    re.I,
)
_NEXT_TEXT_RE = re.compile(r"^\s*(?:下一页|下页|下一頁|后页|後頁|next|next\s*page|›|»|>|>>)\s*$", re.I)
_NEXT_WORD_RE = re.compile(r"^\s*(?:下一页|下页|下一頁|后页|後頁|next\s*page)\s*[>›»]*\s*$", re.I)
_ELLIPSIS_RE = re.compile(r"(?:…|\.\.\.|。。。)\s*$")
_MAX_PAGES = 10
_PAGER_TEXT_RE = re.compile(r"共\s*\d+\s*页|第\s*\d+\s*页|尾\s*页|末\s*页")
_COLUMN_RE = re.compile(r"/(?:index|default|list|more)(?:_\d+)?\.\w+$|/$", re.I)
_HOME_RE = re.compile(r"^https?://[^/]+/?(?:index\.\w+|default\.\w+)?(?:\?.*)?$", re.I)


def list_page(
    doc: HtmlElement,
    url: str,
    *,
    selector: str | None,
    next_selector: str | None,
    tz: tzinfo,
) -> ListPage:
    base = base_url(doc, url)
    scripts = [s.text or "" for s in doc.iter("script")]
    next_pages = _next_pages(doc, base, url, scripts, next_selector)
    pager = _pager_element(doc)
    _inline_script_rows(doc, base)
    for el in list(doc.iter("style", "noscript", "template")):
        _drop(el)
    title = page_title_text(doc)
    if selector:
        links = _selected_links(doc, base, url, selector, tz)
        how = "selector"
    else:
        links = _auto_links(doc, base, url, tz, pager)
        how = "auto"
    if not links:
        raise ExtractError("no article links found on the list page")
    next_pages = tuple(p for p in next_pages if not same_page(p, url))
    return ListPage(links=tuple(links), next_pages=next_pages, title=title, how=how)


# --- rows written by scripts ---------------------------------------------------

_ASSIGN_RE = re.compile(r"""\b([A-Za-z_]\w{0,20})\s*\[\s*[\w+\- ]{1,12}\s*\]\s*=\s*(['"])((?:\\.|(?!\2).){0,1000})\2""")
_URL_KEYS = {"urls", "url", "href", "hrefs", "link", "links", "linkurl", "links_"}
_TITLE_KEYS = {"headers", "header", "titles", "title", "name", "names", "text", "texts"}
_CDATA_RE = re.compile(r"<!\[CDATA\[(.*?)\]\]>", re.S)
_WRITE_RE = re.compile(r"document\.write(?:ln)?\s*\(", re.I)
_STR_RE = re.compile(r"""(['"])((?:\\.|(?!\1).)*)\1""", re.S)


def _js_unescape(s: str) -> str:
    return re.sub(r"\\(u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|.)", _js_esc, s)


def _js_esc(m: re.Match[str]) -> str:
    e = m.group(1)
    if e[0] in "ux" and len(e) > 1:
        try:
            return chr(int(e[1:], 16))
        except ValueError:
            return e
    return {"n": "\n", "t": "\t", "r": ""}.get(e, e)


def _inline_script_rows(doc: HtmlElement, base: str) -> None:
    """Replace each row-writing script with the HTML rows it would have written."""
    for script in list(doc.iter("script")):
        code = script.text or ""
        if not code.strip():
            continue
        html = ""
        kind = (script.get("type") or "").lower()
        if "<record" in code or ("xml" in kind and "CDATA" in code):
            html = "".join(_CDATA_RE.findall(code))
            if not html and "<record" in code:
                html = re.sub(r"</?(?:datastore|recordset|record|nextgroup|totalrecord)[^>]*>", "", code)
        elif "[" in code and "=" in code and re.search(r"\b(?:urls|headers)\s*\[", code):
            html = _array_rows(code)
        elif _WRITE_RE.search(code) and "href" in code:
            html = _written_html(code)
        if not html.strip():
            _drop(script)
            continue
        try:
            frag = lxml.html.fragment_fromstring(html, create_parent="div")
        except (lxml.etree.ParserError, ValueError):
            _drop(script)
            continue
        frag.set("class", "script-rows")
        parent = script.getparent()
        if parent is None:
            continue
        frag.tail = script.tail
        parent.replace(script, frag)
    for script in list(doc.iter("script")):
        _drop(script)


def _array_rows(code: str) -> str:
    """Hanweb/JCMS: urls[i]='…';headers[i]='…';year[i]='2021';month[i]='03';day[i]='16'."""
    rows: list[dict[str, str]] = []
    cur: dict[str, str] = {}
    for m in _ASSIGN_RE.finditer(code):
        key = m.group(1).lower()
        val = _js_unescape(m.group(3))
        if key in _URL_KEYS:
            if cur.get("url"):
                rows.append(cur)
            cur = {"url": val}
        elif key in _TITLE_KEYS:
            cur.setdefault("title", val)
        elif key in ("year", "years", "month", "months", "day", "days", "date", "dates", "time", "times"):
            cur.setdefault(key.rstrip("s"), val)
    if cur.get("url"):
        rows.append(cur)
    out = []
    for r in rows:
        date = r.get("date") or r.get("time") or ""
        if not date and r.get("year"):
            date = f"{r['year']}-{r.get('month', '01')}-{r.get('day', '01')}"
        title = lxml.html.fromstring(f"<p>{r.get('title') or ''}</p>").text_content() if r.get("title") else ""
        out.append(
            f'<li><a href="{_attr(r["url"])}">{_esc(title)}</a> <span>{_esc(date)}</span></li>'
        )
    return f"<ul>{''.join(out)}</ul>" if out else ""


def _written_html(code: str) -> str:
    """The string literals a document.write script concatenates, as HTML."""
    parts = [_js_unescape(m.group(2)) for m in _STR_RE.finditer(code)]
    html = "".join(parts)
    return html if "<a" in html.lower() else ""


def _esc(s: str) -> str:
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _attr(s: str) -> str:
    return _esc(s).replace('"', "&quot;")


def _drop(el: HtmlElement) -> None:
    parent = el.getparent()
    if parent is not None:
        el.drop_tree()


# --- link rows ---------------------------------------------------------------


def _link_title(a: HtmlElement) -> str:
    text = text_of(a)
    attr = clean(a.get("title"))
    if attr and (not text or _ELLIPSIS_RE.search(text) or (len(attr) > len(text) and attr.startswith(text[:4]))):
        return attr
    if not text:
        for img in a.iter("img"):
            return clean(img.get("alt"))
    return text


_TRAILING_DATE_RE = re.compile(r"[\s\[(（【]*((?:19|20)\d{2}[-/.年]\d{1,2}[-/.月]\d{1,2}日?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?)[\])）】]*\s*$")


def _split_title_date(title: str, tz: tzinfo) -> tuple[str, tuple[datetime | None, bool]]:
    """A date written at the end of the link text ("标题 2021-03-16") is the row's date."""
    m = _TRAILING_DATE_RE.search(title)
    if not m or m.start() < 4:
        return title, (None, False)
    return title[: m.start()].strip(), date_in(m.group(1), tz)


def _candidates(doc: HtmlElement, base: str, page_url: str) -> list[tuple[HtmlElement, str, str]]:
    out = []
    for a in doc.iter("a"):
        url = resolve(base, a.get("href"))
        if not url or ATTACHMENT_RE.search(url.split("?")[0]) or same_page(url, page_url):
            continue
        title = _link_title(a)
        if not title:
            continue
        out.append((a, url, title))
    return out


def _signature(a: HtmlElement) -> tuple[str, ...]:
    sig = []
    el: HtmlElement | None = a.getparent()
    depth = 0
    while el is not None and depth < 40:
        tag = el.tag if isinstance(el.tag, str) else "?"
        if tag in ("li", "tr", "td", "dd", "dt", "p", "span", "em", "strong", "b", "font", "h3", "h4", "h5"):
            sig.append(tag)
        else:
            cls = " ".join(sorted(c for c in (el.get("class") or "").split() if not re.search(r"\d|^(?:on|active|cur|current|odd|even|first|last)$", c)))
            ident = el.get("id") or ""
            if re.search(r"\d", ident):
                ident = ""
            sig.append(f"{tag}.{cls}#{ident}")
        el = el.getparent()
        depth += 1
    return tuple(sig)


def _rows(members: list[tuple[HtmlElement, str]]) -> tuple[dict[int, HtmlElement], HtmlElement | None]:
    """Each member anchor's row (highest ancestor holding no other URL) and the container."""
    urls_under: dict[HtmlElement, set[str]] = defaultdict(set)
    for a, url in members:
        for anc in a.iterancestors():
            urls_under[anc].add(url)
    n = len({u for _, u in members})
    rows = {}
    container = None
    for a, _url in members:
        row = a
        for anc in a.iterancestors():
            if len(urls_under[anc]) > 1:
                if container is None and len(urls_under[anc]) == n:
                    container = anc
                break
            row = anc
        rows[id(a)] = row
    if container is None and members:
        for anc in members[0][0].iterancestors():
            if len(urls_under[anc]) == n:
                container = anc
                break
    return rows, container


_MONTH_DAY_RE = re.compile(r"(?<![\d-])(0?[1-9]|1[0-2])\s*[-/.月]\s*(0?[1-9]|[12]\d|3[01])(?![\d-])\s*日?")
_URL_YEAR_RE = re.compile(r"(?<!\d)(20\d{2})(?:[-/_]?(?:0[1-9]|1[0-2]))?(?:[-/_]?\d{2})?(?!\d)")


def _row_date(row: HtmlElement, a: HtmlElement, tz: tzinfo, url: str = "") -> tuple[datetime | None, bool]:
    dt, only = _row_full_date(row, a, tz)
    if dt is not None or not url:
        return dt, only
    # "03-16" without a year: take the year from the article URL (t20210316_…, /2021/…).
    text = text_of(row) if row is not a else clean(a.tail or "")
    title = text_of(a)
    if title and row is not a:
        text = text.replace(title, " ", 1)
    m = _MONTH_DAY_RE.search(text)
    if not m:
        return None, False
    mo, d = int(m.group(1)), int(m.group(2))
    udt, _ = url_date(url, tz)
    if udt is not None and (udt.month, udt.day) == (mo, d):
        return udt, True
    ym = _URL_YEAR_RE.search(url.split("://", 1)[-1].split("/", 1)[-1])
    if ym:
        return safe_parse(f"{ym.group(1)}-{mo:02d}-{d:02d}", tz)
    return None, False


def _row_full_date(row: HtmlElement, a: HtmlElement, tz: tzinfo) -> tuple[datetime | None, bool]:
    if row is a:
        # Date in the sibling text after the anchor ("<a>…</a> [2021-03-16]").
        text = clean(a.tail or "")
        nxt = a.getnext()
        if not text and nxt is not None and nxt.tag in ("span", "font", "em", "i", "small", "time"):
            text = text_of(nxt)
        return date_in(text, tz) if text else (None, False)
    for t in row.iter("time"):
        dt = date_in(t.get("datetime") or "", tz)
        if dt[0]:
            return dt
    title = text_of(a)
    text = text_of(row)
    if title:
        text = text.replace(title, " ", 1)
    return date_in(text, tz)


def _chrome_penalty(container: HtmlElement | None) -> float:
    if container is None:
        return 1.0
    penalty = 1.0
    el: HtmlElement | None = container
    depth = 0
    while el is not None and depth < 6:
        if is_chrome(el):
            penalty *= 0.35
            break
        el = el.getparent()
        depth += 1
    # A heading right before or at the top of the block ("热门文章", "友情链接").
    heads = []
    prev = container.getprevious()
    if prev is not None:
        heads.append(text_of(prev)[:20])
    parent = container.getparent()
    if parent is not None:
        first = parent[0] if len(parent) else None
        if first is not None and first is not container:
            heads.append(text_of(first)[:20])
    if any(CHROME_TEXT_RE.search(h) for h in heads if h):
        penalty *= 0.3
    return penalty


def _pager_element(doc: HtmlElement) -> HtmlElement | None:
    """The page's pager (下一页 link, 共N页, a TRS createPageHTML script), if any."""
    for el in doc.iter("a", "script", "span", "div", "td", "p"):
        if el.tag == "script":
            if "createPageHTML" in (el.text or ""):
                return el.getparent()
            continue
        own = clean(el.text or "")
        if _NEXT_WORD_RE.match(own) or _PAGER_TEXT_RE.search(own):
            return el
    return None


def _auto_links(
    doc: HtmlElement, base: str, page_url: str, tz: tzinfo, pager: HtmlElement | None = None
) -> list[ListLink]:
    order = {el: i for i, el in enumerate(doc.iter())} if pager is not None else {}
    pager_at = order.get(pager, -1) if pager is not None else -1
    cands = _candidates(doc, base, page_url)
    groups: dict[tuple[str, ...], list[tuple[HtmlElement, str, str]]] = defaultdict(list)
    for c in cands:
        groups[_signature(c[0])].append(c)
    page_site = site_of(host_of(page_url))
    page_dir = page_url.split("?", 1)[0].rsplit("/", 1)[0] + "/"
    if page_dir.count("/") <= 3:
        page_dir = ""  # the site root says nothing
    best: tuple[float, list[ListLink]] = (0.0, [])
    for members in groups.values():
        urls = {u for _, u, _ in members}
        if len(urls) < 2 and len(cands) > 3:
            continue
        rows, container = _rows([(a, u) for a, u, _ in members])
        score = 0.0
        links: list[ListLink] = []
        best_title: dict[str, str] = {}
        for _a, url, title in members:
            old = best_title.get(url)
            if old is None or (_ELLIPSIS_RE.search(old) and not _ELLIPSIS_RE.search(title)) or (
                len(title) > len(old) and not _ELLIPSIS_RE.search(title)
            ):
                best_title[url] = title
        seen: set[str] = set()
        anchors: list[HtmlElement] = []
        for a, url, _title in members:
            if url in seen:
                continue
            seen.add(url)
            title = best_title[url]
            dt, date_only = _row_date(rows[id(a)], a, tz, url)
            title, in_title = _split_title_date(title, tz)
            if dt is None and in_title[0] is not None:
                dt, date_only = in_title
            n = len(title)
            s = 0.2 if n < 5 else 0.6 if n < 8 else 1.0 if n < 60 else 0.7
            if dt is not None:
                s += 1.0
            path = url.split("?", 1)[0]
            if _COLUMN_RE.search(path):
                s *= 0.5  # another column's index page, not an article
            elif _ARTICLE_HREF_RE.search(url):
                s += 0.6
            if page_dir and url.startswith(page_dir):
                s += 0.5  # under the column's own directory (./202103/t…)
            if site_of(host_of(url)) != page_site:
                s *= 0.6
            if _HOME_RE.match(url):
                s *= 0.3  # a site's home page: friend links, not articles
            if _NEXT_TEXT_RE.match(title) or re.fullmatch(r"\d{1,4}|首页|尾页|上一页|末页|更多.*|more", title, re.I):
                s *= 0.05
            score += s
            links.append(ListLink(url=url, title=title, published=dt, date_only=date_only))
            anchors.append(a)
        score *= _chrome_penalty(container)
        if pager_at >= 0 and container is not None and container in order:
            last = container
            while len(last):
                last = last[-1]
            gap = pager_at - order.get(last, 0)
            if 0 <= gap <= 40:
                score *= 1.5  # the list the pager pages through
        if score > best[0]:
            best = (score, _drop_undated_strays(links, anchors))
    return best[1]


def _list_box(a: HtmlElement) -> HtmlElement | None:
    for anc in a.iterancestors():
        if anc.tag in ("table", "ul", "ol", "dl"):
            return anc
    return None


def _drop_undated_strays(links: list[ListLink], anchors: list[HtmlElement]) -> list[ListLink]:
    """In a mostly dated list, undated links in a table/ul of their own are a sidebar of the same shape."""
    dated = [i for i, link in enumerate(links) if link.published is not None]
    if len(dated) < 3 or len(dated) < 0.6 * len(links):
        return links
    boxes = {_list_box(anchors[i]) for i in dated}
    return [link for link, a in zip(links, anchors, strict=True) if link.published is not None or _list_box(a) in boxes]


def _selected_links(doc: HtmlElement, base: str, page_url: str, selector: str, tz: tzinfo) -> list[ListLink]:
    try:
        found = CSSSelector(selector)(doc)
    except Exception as e:  # cssselect raises its own SelectorSyntaxError / ExpressionError
        raise ExtractError(f"bad links selector {selector!r}: {e}") from e
    links: list[ListLink] = []
    seen: set[str] = set()
    for el in found:
        inner = [x for x in el.iter("a") if x.get("href")]
        # A row's title link is its wordiest one (not the "[通知]" category tag in front).
        anchors = [el] if el.tag == "a" else sorted(inner, key=lambda x: -len(_link_title(x)))[:1]
        for a in anchors:
            url = resolve(base, a.get("href"))
            if not url or url in seen or ATTACHMENT_RE.search(url.split("?")[0]):
                continue
            title = _link_title(a)
            if not title:
                continue
            seen.add(url)
            row = el if el is not a else _row_of(a)
            dt, date_only = _row_date(row, a, tz, url)
            links.append(ListLink(url=url, title=title, published=dt, date_only=date_only))
    return links


def _row_of(a: HtmlElement) -> HtmlElement:
    for anc in a.iterancestors():
        if anc.tag in ("li", "tr", "dd", "dl", "div", "p"):
            return anc
        if anc.tag in ("ul", "table", "body"):
            break
    return a


# --- pagers -------------------------------------------------------------------

_TRS_PAGER_RE = re.compile(
    r"createPageHTML\s*\(\s*(?:(['\"])[^'\"]*\1\s*,\s*)?(\w+)\s*,\s*(\w+)\s*,\s*(['\"]?)(\w+)\4\s*,\s*(['\"]?)(\w+)\6",
)


def _js_var(scripts: list[str], name: str) -> str | None:
    for code in scripts:
        m = re.search(rf"\b{re.escape(name)}\s*=\s*['\"]?(\w+)['\"]?", code)
        if m:
            return m.group(1)
    return None


def _trs_pages(scripts: list[str], base: str) -> list[str]:
    for code in scripts:
        m = _TRS_PAGER_RE.search(code)
        if not m:
            continue
        named = m.group(1) is not None
        total_s, cur_s, prefix, suffix = m.group(2), m.group(3), m.group(5), m.group(7)
        if not total_s.isdigit():
            total_s = _js_var(scripts, total_s) or ""
        if not cur_s.isdigit():
            cur_s = _js_var(scripts, cur_s) or ""
        if m.group(4) == "" and not prefix.isdigit():
            prefix = _js_var(scripts, prefix) or prefix
        if m.group(6) == "":
            suffix = _js_var(scripts, suffix) or suffix
        if not (total_s.isdigit() and cur_s.isdigit()):
            continue
        total, cur = int(total_s), int(cur_s)
        # The 6-argument form (a div id first) counts pages from 1; the classic one from 0.
        nxt = cur if named else cur + 1
        last = total - 1
        out = []
        for i in range(max(nxt, 1), min(last, max(nxt, 1) + _MAX_PAGES - 1) + 1):
            u = resolve(base, f"{prefix}_{i}.{suffix}")
            if u:
                out.append(u)
        return out
    return []


def _next_pages(
    doc: HtmlElement, base: str, page_url: str, scripts: list[str], next_selector: str | None
) -> tuple[str, ...]:
    out: list[str] = []

    def add(href: str | None) -> None:
        u = resolve(base, href)
        if u and u not in out and not same_page(u, page_url):
            out.append(u)

    if next_selector:
        try:
            for el in CSSSelector(next_selector)(doc):
                a = el if el.tag == "a" else next(el.iter("a"), None)
                if a is not None:
                    add(a.get("href"))
        except Exception as e:  # cssselect's own errors
            raise ExtractError(f"bad next_page selector {next_selector!r}: {e}") from e
        return tuple(out)
    for el in doc.iter("link", "a"):
        if "next" in (el.get("rel") or "").lower().split():
            add(el.get("href"))
    for strict in (True, False):
        # Arrow-only links ("›", ">") are next-page links only on pages without a worded one.
        if out and not strict:
            break
        for a in doc.iter("a"):
            label = text_of(a) or clean(a.get("title"))
            if label and (_NEXT_WORD_RE if strict else _NEXT_TEXT_RE).match(label):
                add(a.get("href"))
    for u in _trs_pages(scripts, base):
        if u not in out:
            out.append(u)
    return tuple(out)
