"""Article pages: the facade's `article` — title, body, assets, and the assembly.

Owns: finding the article's title (ArticleTitle meta, the heading that matches
the `<title>`, a heading just above the body; never the site's name), putting
the fields of scrape_meta and the body of scrape_body together into a
`RawItem` with per-field provenance, and the attachments listed right after
the body. Pure: no I/O, no clock. Does not own: sanitizing (normalize →
sanitize does it last).
"""

from __future__ import annotations

import re
from datetime import tzinfo

from lxml.html import HtmlElement, tostring

from .config import Selectors
from .errors import ExtractError
from .model import Enclosure, RawItem
from .scrape_body import clean_body, enclosure_for, find_body, linearize
from .scrape_common import (
    ATTACHMENT_RE,
    base_url,
    clean,
    is_chrome,
    is_far_chrome,
    page_title_text,
    resolve,
    text_of,
)
from .scrape_meta import (
    AUTHOR_RE,
    META_AUTHOR,
    META_PUBLISHER,
    ORG_RE,
    PLACEHOLDER_RE,
    PUBLISHER_RE,
    Found,
    PageText,
    compact,
    find_category,
    find_origin,
    find_published,
    find_simple,
    json_ld,
    metas_of,
    select_text,
)

try:
    from lxml.cssselect import CSSSelector
except ImportError:  # pragma: no cover
    CSSSelector = None  # type: ignore[assignment,misc]

_TITLE_SPLIT_RE = re.compile(r"\s*(?:_{1,2}|\||｜|——|--|\s[-–—]\s|-{1}(?=[^\d\s]{2,}$))\s*")
_TITLE_CLASS_RE = re.compile(r"title|tit\b|tit_|biaoti|\bbt\b|headline|subject|heading", re.I)
# "/", "./", "../../", "index.html", "http://host/", "//host/index.shtml": the shapes of a home link
_HOMEISH_RE = re.compile(r"^(?:(?:https?:)?//[^/?#]+)?[./]*(?:(?:index|default)\.s?html?)?/?$", re.I)
_META_TITLE = ("articletitle", "og:title", "twitter:title", "title", "dc.title")

# --- title ---------------------------------------------------------------------


def _title_parts(page_title: str) -> list[str]:
    return [p for p in (clean(x) for x in _TITLE_SPLIT_RE.split(page_title)) if p]


def _site_names(doc: HtmlElement, metas: dict[str, str], base: str) -> set[str]:
    """Texts that name the site: SiteName metas and links to the site's home page."""
    names = {compact(metas.get(k, "")) for k in ("sitename", "og:site_name")}
    for a in doc.iter("a"):
        href = (a.get("href") or "").strip()
        if len(href) > 60 or not _HOMEISH_RE.match(href):
            continue  # only links that can point at a home page are resolved, not every menu link
        url = resolve(base, href)
        if url and re.fullmatch(r"https?://[^/]+/?(?:index\.s?html?)?", url):
            names.add(compact(text_of(a)))
    names.discard("")
    return names


def _find_title(
    doc: HtmlElement, metas: dict[str, str], base: str, spans: dict, body_span: tuple[int, int], f: Found
) -> tuple[str | None, HtmlElement | None]:
    page_t = page_title_text(doc) or ""
    parts = _title_parts(page_t)
    sites = _site_names(doc, metas, base)
    meta_t = next((metas[k] for k in _META_TITLE[:3] if metas.get(k)), "")
    targets = {compact(p) for p in [*parts, page_t, meta_t] if len(compact(p)) >= 4} - sites
    page_c, meta_c = compact(page_t), compact(meta_t)
    body_start, body_end = body_span
    best: tuple[float, str, HtmlElement | None] = (0.0, "", None)
    for el, (start, end) in spans.items():
        tag = el.tag if isinstance(el.tag, str) else ""
        if end - start > 320 or end - start < 4 or tag in ("a", "title", "html", "body", "head", "li"):
            continue
        heading = tag in ("h1", "h2", "h3", "h4")
        titled = bool(_TITLE_CLASS_RE.search(f"{el.get('class') or ''} {el.get('id') or ''}"))
        # Old table layouts: the title is a bold / big / centred line right above the body.
        emphasized = (tag in ("b", "strong", "font") or el.get("align") == "center"
                      or bool(re.search(r"bold|font-size|text-align:\s*center", el.get("style") or "")))
        emphasized = emphasized and 0 <= body_start - end < 300
        if not (heading or titled or len(el) <= 3):
            continue
        txt = text_of(el)
        c = compact(txt)
        if not (4 <= len(c) <= 200) or c in sites:
            continue
        if c in targets:
            score = 10 + min(len(c), 60) / 20
        elif heading or titled:
            if len(c) >= 6 and (c in page_c or c in meta_c):
                score = 7.0
            elif any(len(p) >= 6 and p in c for p in targets):
                score = 6.0
            else:
                score = 2.0 if tag == "h1" else 1.5
        elif emphasized and 6 <= len(c) <= 80 and not c.endswith(("。", "：", ":")):
            score = 3.0
        else:
            continue
        score += {"h1": 1.5, "h2": 1.0, "h3": 0.5}.get(tag, 0.0) + (0.5 if titled else 0.0)
        if end <= body_start and body_start - end < 800:
            score += 2.5
        elif body_start <= start < body_start + 200:
            score += 1.5
        elif start >= body_end:
            score -= 3
        if any(a.tag == "a" or is_far_chrome(a) for a in _ancestors(el, 4)) or len(list(el.iter("a"))) > 1:
            score -= 5
        if score > best[0]:
            best = (score, txt, el)
    column = compact(metas.get("columnname", ""))
    if meta_t and metas.get("articletitle") and meta_c not in sites and meta_c != column:
        f.note("title", "meta", "ArticleTitle")
        el = best[2] if best[2] is not None and compact(best[1]) == meta_c else None
        return meta_t, el
    if best[0] >= 5:
        f.note("title", "heuristic", f"<{best[2].tag}>" if best[2] is not None else "")
        return best[1], best[2]
    if meta_t:
        meta_parts = [p for p in _title_parts(meta_t) if compact(p) not in sites] or [meta_t]
        f.note("title", "meta", "og:title")
        return max(meta_parts, key=len), None
    cands = [p for p in parts if compact(p) not in sites]
    if cands:
        f.note("title", "heuristic", "<title>")
        return max(cands, key=len), None
    if best[1]:
        f.note("title", "heuristic", f"<{best[2].tag}>" if best[2] is not None else "")
        return best[1], best[2]
    if parts:
        f.note("title", "heuristic", "<title>")
        return max(parts, key=len), None
    return None, None


def _ancestors(el: HtmlElement, n: int) -> list[HtmlElement]:
    out = []
    for a in el.iterancestors():
        out.append(a)
        if len(out) >= n:
            break
    return out


# --- the page --------------------------------------------------------------------


def article(doc: HtmlElement, url: str, *, selectors: Selectors, tz: tzinfo, found_on: str | None) -> RawItem:
    f = Found()
    base = base_url(doc, url)
    metas = metas_of(doc)
    scripts = [s.text or "" for s in doc.iter("script")]
    json_ld(scripts, metas)
    for el in list(doc.iter("script", "style", "noscript", "template", "iframe", "select",
                            "input", "button", "textarea", "object", "embed")):
        if el.getparent() is not None:
            el.drop_tree()
    for sel in selectors.remove:
        if not sel:
            continue
        try:
            for el in CSSSelector(sel)(doc):
                if el.getparent() is not None:
                    el.drop_tree()
        except Exception as e:  # cssselect's own error types
            raise ExtractError(f"bad remove selector {sel!r}: {e}") from e

    container, body_how = find_body(doc, selectors.content, None)
    if container is None:
        raise ExtractError("no article text found")
    if not body_how.startswith("selector") and _is_link_list(container):
        raise ExtractError("no article text found (the best block is a list of links: a home or column page)")
    f.note("content", "selector" if body_how.startswith("selector") else "heuristic", body_how)
    text, owner_at, spans = linearize(doc)
    body_span = spans.get(container, (len(text), len(text)))

    title, title_el = (None, None)
    if selectors.title:
        title, title_el = select_text(doc, selectors.title, "title")
        if title:
            f.note("title", "selector", selectors.title)
    if not title:
        title, title_el = _find_title(doc, metas, base, spans, body_span, f)

    title_start, title_end = spans[title_el] if title_el is not None and title_el in spans else (-1, -1)
    if title_end < 0 and title:
        idx = text.find(title, 0, body_span[0] + 1)
        if idx < 0:
            idx = text.find(title[:10], 0, body_span[0] + 1) if len(title) >= 10 else -1
        title_start = idx
        title_end = idx + len(title) if idx >= 0 else max(0, body_span[0] - 300)
    chrome = [s for el, s in spans.items() if is_far_chrome(el) and not _contains(el, container) and el is not container]
    t = PageText(text, owner_at, title_start, title_end, body_span[0], body_span[1], chrome)

    published, date_only = find_published(doc, url, metas, scripts, t, selectors, tz, f)
    publisher = find_simple(doc, metas, t, selectors.publisher, "publisher", META_PUBLISHER, PUBLISHER_RE, f)
    if publisher is None:
        publisher = _source_element(spans, t)
        if publisher:
            f.note("publisher", "heuristic", ".source")
    if publisher is None:
        publisher = _script_media(scripts)
        if publisher:
            f.note("publisher", "meta", "script media")
    author = find_simple(doc, metas, t, selectors.author, "author", META_AUTHOR, AUTHOR_RE, f)
    if author:
        author = re.sub(r"^(?:本报|本网|本台|新华社|人民网)?(?:记者|通讯员|特约记者)\s*", "", author).strip() or None
    if author and (PLACEHOLDER_RE.match(author) or re.match(r"^(?:责任)?编辑", author)):
        author = None
    if author is None:
        author = _byline(t)
        if author:
            f.note("author", "heuristic", "By-line")
    if author is None:
        author = _author_element(spans, t)
        if author:
            f.note("author", "heuristic", ".author")
    via, origin_published = find_origin(doc, url, base, t, selectors.origin, tz, f)
    categories = find_category(doc, metas, title, spans, f)

    body_el, enclosures = clean_body(container, base, title, via)
    html = tostring(body_el, encoding="unicode", method="html")
    if not text_of(body_el) and not any(True for _ in body_el.iter("img")):
        raise ExtractError("no article text found")
    extra = _outside_enclosures(container, base, enclosures)
    if title:
        title = clean(title)
    for name, value in (("author", author), ("publisher", publisher)):
        if value is None:
            f.prov[:] = [p for p in f.prov if p.field != name]
    if enclosures or extra:
        f.note("enclosures", "heuristic", f"{len(enclosures) + len(extra)} attachment(s)")
    return RawItem(
        link=url,
        title=title or None,
        via=via,
        author=author,
        publisher=publisher,
        published=published,
        origin_published=origin_published,
        date_only=date_only,
        html=html,
        categories=categories,
        enclosures=tuple(enclosures) + tuple(extra),
        found_on=found_on,
        extractor=f"html:{body_how.split(':')[0]}",
        provenance=tuple(f.prov),
    )


_BYLINE_RE = re.compile(r"^[ \t]*By[ \t]+([A-Z][A-Za-z.'-]+(?:[ \t]+[A-Z][A-Za-z.'-]+){0,3})", re.M)
_NOT_NAME = {"January", "February", "March", "April", "May", "June", "July", "August", "September",
             "October", "November", "December", "Updated", "Published", "Reuters", "Staff"}


# "source", "article-source", "source_name", css-module "index_source_3YKEd", "ly", "laiyuan"
_SOURCE_CLASS_RE = re.compile(r"(?:^|\s)(?:[\w-]*[-_])?(?:source|laiyuan|media-?name)(?:[-_][\w-]*)?(?:$|\s)|(?:^|\s)ly(?:$|\s)", re.I)
_SOURCE_LABEL_RE = re.compile(r"^(?:来自|来源|稿源|出处|Source|From)\s*[:：]?\s*", re.I)


def _source_element(spans: dict, t: PageText) -> str | None:
    """An unlabelled `<a|span class="source">新京报</a>` on the metadata line (sina and many CMSs)."""
    if t.title_end < 0:
        return None
    for el, (start, _end) in spans.items():
        if not (t.title_end <= start <= max(t.body_start, t.title_end) + 200):
            continue
        if not _SOURCE_CLASS_RE.search(el.get("class") or ""):
            continue
        v = _SOURCE_LABEL_RE.sub("", clean(text_of(el)), count=1)
        if 2 <= len(v) <= 20 and not re.search(r"[:：\d]", v):
            return v
    return None


# window.DATA = {"media": "中国新闻网", …} (qq), {"mediaName": …}, {"source_name": …}
_SCRIPT_MEDIA_RE = re.compile(
    r"""["']?\b(?:media|mediaName|media_name|source_name|sourceName|srcName)["']?\s*[:=]\s*["']([^"'<>\\/.\d]{2,20})["']""")
_AUTHOR_CLASS_RE = re.compile(r"(?:^|\s)(?:(?!comment)[\w-]*[-_])?(?:author|byline|writer|zuozhe)(?:[-_][\w-]*)?(?:$|\s)", re.I)
_AUTHOR_LABEL_RE = re.compile(r"^(?:作\s*者|文|记\s*者|撰\s*稿|By)\s*[:：/]?\s*", re.I)


def _script_media(scripts: list[str]) -> str | None:
    """The media name an inline page-data script carries when the page writes it nowhere labelled."""
    for code in scripts:
        if len(code) > 200_000:
            continue
        m = _SCRIPT_MEDIA_RE.search(code)
        if m:
            v = clean(m.group(1))
            if v and not PLACEHOLDER_RE.match(v) and re.search(r"[\u4e00-\u9fffA-Za-z]", v):
                return v
    return None


def _author_element(spans: dict, t: PageText) -> str | None:
    """An unlabelled or colon-less `<span class="byline">作者 <a>刘洋</a></span>` next to the title."""
    if t.title_end < 0:
        return None
    for el, (start, _end) in spans.items():
        if not (t.title_end <= start <= max(t.body_start, t.title_end) + 200):
            continue
        if not _AUTHOR_CLASS_RE.search(el.get("class") or ""):
            continue
        v = _AUTHOR_LABEL_RE.sub("", clean(text_of(el)), count=1)
        if 2 <= len(v) <= 20 and not re.search(r"[:：\d|]", v) and not ORG_RE.search(v) and not PLACEHOLDER_RE.match(v):
            return v
    return None


def _byline(t: PageText) -> str | None:
    """An English 'By Jane Roe' line between the title and the start of the body text."""
    if t.title_end < 0:
        return None
    start, end = t.title_end, min(len(t.text), max(t.body_start, t.title_end) + 300)
    m = _BYLINE_RE.search(t.text, start, end)
    if not m:
        return None
    words = []
    for w in m.group(1).split():
        if w in _NOT_NAME:
            break
        words.append(w)
    return " ".join(words) or None


_DATES_RE = re.compile(r"(?:19|20)\d{2}[-/.年]\d{1,2}[-/.月]\d{1,2}日?|\d{1,2}[-/月]\d{1,2}日?|\d{1,2}:\d{2}")


def _is_link_list(el: HtmlElement) -> bool:
    """A block of teaser links (with their dates) and little else: not an article body."""
    links = 0
    link_chars = 0
    attached = 0
    for a in el.iter("a"):
        n = len(compact(text_of(a)))
        if n and ATTACHMENT_RE.search((a.get("href") or "").split("?")[0]):
            attached += n
            continue  # a notice that is a list of attachments is still an article
        if n:
            links += 1
            link_chars += n
    if links < 5:
        return False
    rest = len(_DATES_RE.sub("", compact(text_of(el)))) - link_chars - attached
    return rest < 0.3 * link_chars


def _contains(outer: HtmlElement, inner: HtmlElement) -> bool:
    return any(a is outer for a in inner.iterancestors())


def _outside_enclosures(container: HtmlElement, base: str, have: list[Enclosure]) -> list[Enclosure]:
    """Attachments listed just after the body container (附件：…), outside it."""
    out: list[Enclosure] = []
    seen = {e.url for e in have}
    el: HtmlElement | None = container
    for _level in range(3):
        if el is None or el.tag in ("body", "html"):
            break
        for sib in el.itersiblings():
            if is_chrome(sib):
                continue
            for a in sib.iter("a"):
                enc = enclosure_for(a, base)
                if enc and enc.url not in seen:
                    seen.add(enc.url)
                    out.append(enc)
        el = el.getparent()
        if el is not None and is_chrome(el):
            break
    return out
