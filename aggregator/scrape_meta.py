"""Article metadata: the fields of a page other than its title and body.

Owns: reading `<meta>` tags and JSON-LD, and the labelled values of the
metadata line near the title (发布时间：, 来源：, 作者：, 原文链接：, breadcrumbs),
with inline-script and URL dates as fallbacks; which of several candidates wins
(meta over label over script over URL; the one nearest the title; never a
sidebar's). Pure. Does not own: finding the title or the body (scrape_article,
scrape_body).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import datetime, tzinfo

from lxml.html import HtmlElement

from .config import Selectors
from .errors import ExtractError
from .model import Provenance
from .scrape_common import (
    clean,
    date_in,
    find_date_text,
    is_far_chrome,
    resolve,
    safe_parse,
    same_page,
    text_of,
    url_date,
)

try:
    from lxml.cssselect import CSSSelector
except ImportError:  # pragma: no cover
    CSSSelector = None  # type: ignore[assignment,misc]

_META_DATE = (
    "pubdate", "publishdate", "firstpublishedtime", "article:published_time", "og:release_date",
    "datepublished", "dc.date", "dc.date.created", "dcterms.created", "dc.date.issued",
    "publish-date", "publish_date", "publishtime", "og:article:published_time", "releasedate",
    "createdate", "sp.pubdate", "weibo: article:create_at", "ld:datepublished", "date",
)
_WEAK_META_DATE = ("date", "dc.date", "dc.date.created", "dcterms.created", "createdate", "releasedate")
META_PUBLISHER = ("contentsource", "source", "og:article:source", "article:source", "dc.publisher",
                   "ld:publisher")
META_AUTHOR = ("author", "article:author", "og:article:author", "dc.creator", "ld:author")
_ORG_RE = re.compile(
    r"(?:委|局|部|厅|办|办公室|社|网|网站|报|中心|会|院|处|所|站|台|政府|公司|集团|署|司|馆|室|组|队|校|大学|频道|"
    r"Daily|News|Agency|Xinhua|Press|Times|Network|Online|Ministry|Office|Council|Government)$|、|；|;",
    re.I,
)
ORG_RE = _ORG_RE
# news.cn writes the date over .year / .day / .time spans: "2021 03/16 09:31:25"
_SPLIT_DATE_RE = re.compile(r"(?<!\d)((?:19|20)\d{2})\s+(\d{1,2})\s*/\s*(\d{1,2})\s+(\d{1,2}:\d{2}(?::\d{2})?)")
_SCRIPT_DATE_RE = re.compile(
    r"""\b(?:fbrq|fbsj|pubdate|pubDate|publishdate|publishDate|publishTime|publish_time|pub_time|"""
    r"""releaseTime|datePublished|createTime|fbTime|ct)["']?\s*[=:]\s*["']([^"'<>\n]{6,40})["']"""
)

# Labels of the metadata line. A value stops at the next label.
_NEXT_LABEL = (
    r"(?:新闻来源|稿件来源|内容来源|作\s*者|记\s*者|通讯员|摄影|文\s*[/:：]|发布时间|发布日期|发表时间|更新时间|时\s*间|日\s*期|"
    r"成文日期|发文日期|浏览|阅读|点击|访问|字号|字体|编辑|责任编辑|来\s*源|信息来源|文章来源|稿源|"
    r"发布机构|发布单位|分享|打印|关闭|收藏|次数|【|\[|『|\|)"
)
_DATE_LABEL_RE = re.compile(
    r"(发布时间|发布日期|发表时间|发表日期|发稿时间|发文日期|公开日期|印发日期|成文日期|更新时间|"
    r"更新日期|时\s*间|日\s*期|发布于|Published|Updated|Date)\s*[:：]?\s*",
    re.I,
)
_DATE_LABEL_RANK = {"发布时间": 0, "发布日期": 0, "发表时间": 0, "发表日期": 0, "发稿时间": 0,
                    "发布于": 0, "发文日期": 1, "公开日期": 1, "印发日期": 2, "成文日期": 2,
                    "更新时间": 2, "更新日期": 2}
PUBLISHER_RE = re.compile(
    r"(?:信息来源|文章来源|来\s*源|稿\s*源|发布机构|发布单位|来源单位|发文机关|供稿单位|信息提供|来\s*自|Source|From)\s*[:：]\s*"
)
AUTHOR_RE = re.compile(r"(?:作\s*者|记\s*者|撰\s*稿|撰\s*文|(?<![\u4e00-\u9fff])文)\s*[:：/]\s*")
PLACEHOLDER_RE = re.compile(
    r"^(?:佚名|未知|不详|本网|本站|本网站|本站原创|本网原创|原创|admin|administrator|管理员|网站管理员|系统管理员|匿名|"
    r"editor|root|default|无|暂无|null|none)$",
    re.I,
)
_ORIGIN_LABEL_RE = re.compile(r"(原文链接|原文地址|原文网址|原文出处|查看原文|阅读原文|转载自|转自|来源网址|来源链接)")
URL_RE = re.compile(r"https?://[^\s<>\"'，。；、）)（(【】\u3000]+", re.I)
_CRUMB_LABEL_RE = re.compile(r"^(?:当前位置|您的位置|您现在的位置|你的位置|你现在的位置|当前所在|所在位置|现在位置|位置)\s*[:：]?")
_CRUMB_CLASS_RE = re.compile(r"bread|crumb|location|position|dqwz|weizhi|curpos|current-?path|nav-?path", re.I)
_CRUMB_SKIP = {"首页", "网站首页", "主页", "正文", "详情", "内容", "正文内容", "文章", "详细内容", "信息详情", "home"}



@dataclass
class Found:
    prov: list[Provenance] = field(default_factory=list)

    def note(self, name: str, how: str, detail: str = "") -> None:
        self.prov.append(Provenance(name, how, detail[:120]))


def compact(s: str) -> str:
    return re.sub(r"[\s\u00a0\u3000]+", "", s or "")


def metas_of(doc: HtmlElement) -> dict[str, str]:
    out: dict[str, str] = {}
    for m in doc.iter("meta"):
        key = (m.get("name") or m.get("property") or m.get("itemprop") or "").strip().lower()
        val = clean(m.get("content"))
        if key and val and key not in out:
            out[key] = val
    for el in doc.iter():
        if not isinstance(el.tag, str) or el.tag == "meta":
            continue
        prop = (el.get("itemprop") or "").lower()
        if prop in ("datepublished", "author") and prop not in out:
            val = clean(el.get("datetime") or el.get("content") or text_of(el))
            if val and len(val) <= 100:
                out[prop] = val
    return out


def select_text(doc: HtmlElement, selector: str | None, field_name: str) -> tuple[str | None, HtmlElement | None]:
    if not selector:
        return None, None
    try:
        found = CSSSelector(selector)(doc)
    except Exception as e:  # cssselect's own error types
        raise ExtractError(f"bad {field_name} selector {selector!r}: {e}") from e
    for el in found:
        txt = clean(el.get("content")) if el.tag == "meta" else text_of(el)
        if txt:
            return txt, el
    return None, None


def json_ld(scripts: list[str], metas: dict[str, str]) -> None:
    """Fold schema.org NewsArticle fields (datePublished, author, publisher) into `metas`."""
    for code in scripts:
        if "datePublished" not in code and "publisher" not in code:
            continue
        try:
            data = json.loads(code.strip())
        except ValueError:
            continue
        stack = [data]
        steps = 0
        while stack and steps < 500:
            steps += 1
            d = stack.pop()
            if isinstance(d, list):
                stack.extend(d)
                continue
            if not isinstance(d, dict):
                continue
            for key, target in (("datePublished", "ld:datepublished"), ("headline", "ld:headline")):
                v = d.get(key)
                if isinstance(v, str) and target not in metas:
                    metas[target] = clean(v)
            for key, target in (("author", "ld:author"), ("publisher", "ld:publisher")):
                v = d.get(key)
                if isinstance(v, list) and v:
                    v = v[0]
                if isinstance(v, dict):
                    v = v.get("name")
                if isinstance(v, str) and clean(v) and target not in metas:
                    metas[target] = clean(v)
            stack.extend(v for v in d.values() if isinstance(v, (dict, list)))


# --- labelled values ------------------------------------------------------------


@dataclass
class PageText:
    text: str
    owner_at: object  # callable offset -> element
    title_start: int
    title_end: int
    body_start: int
    body_end: int
    chrome: list[tuple[int, int]]

    def in_chrome(self, pos: int) -> bool:
        return any(s <= pos < e for s, e in self.chrome)

    def distance(self, pos: int) -> int:
        if self.title_end <= pos <= self.body_start + 300:
            return 0
        if pos < self.title_end:
            return self.title_end - pos
        if self.body_start <= pos < self.body_end:
            return pos - self.body_start
        return abs(pos - self.body_end) + 200


def _value_after(text: str, start: int, limit: int = 40) -> str:
    seg = text[start:start + 120]
    # A label alone in its table cell: the value is in the next cell.
    seg = seg.lstrip(" ")[1:] if seg.lstrip(" ").startswith("\n") else seg
    seg = seg.split("\n", 1)[0]
    m = re.search(_NEXT_LABEL, seg)
    if m and m.start() > 0:
        seg = seg[: m.start()]
    elif m and m.start() == 0:
        return ""
    seg = re.split(r"\s{2,}|\u3000", seg.strip(), maxsplit=1)[0] if seg.strip() else ""
    hit = find_date_text(seg)
    if hit:
        seg = seg[: hit[0]]
    seg = seg.strip(" :：,，;；|/】]）)").strip()
    return seg if len(seg) <= limit else ""


def _labelled(t: PageText, regex: re.Pattern[str], reader, *, body_ok: bool) -> list[tuple[int, int, object, int]]:
    """(chrome, distance, value, pos) for each labelled value found, best first."""
    out = []
    for m in regex.finditer(t.text):
        pos = m.start()
        in_body = t.body_start + 400 < pos < t.body_end
        if in_body and not body_ok:
            continue
        value = reader(m)
        if not value:
            continue
        out.append((1 if t.in_chrome(pos) else 0, t.distance(pos), value, clean(m.group(0)).rstrip(":： ")))
    out.sort(key=lambda x: (x[0], x[1]))
    return out


def find_published(doc, url, metas, scripts, t: PageText, selectors: Selectors, tz, f: Found):
    if selectors.published:
        txt, _el = select_text(doc, selectors.published, "published")
        if txt:
            dt, only = date_in(txt, tz)
            if dt is None:
                dt, only = safe_parse(txt, tz)
            if dt:
                f.note("published", "selector", selectors.published)
                return dt, only
    found: list[tuple[datetime, bool, str, str]] = []
    meta_found = []
    for key in _META_DATE:
        if key in metas and key not in _WEAK_META_DATE:
            dt, only = _read_value(metas[key], tz)
            if dt:
                meta_found.append((dt, only, "meta", key))
    if meta_found:
        first = meta_found[0]
        timed = [m for m in meta_found if not m[1] and m[0].date() == first[0].date()]
        best = timed[0] if timed else first
        # PubDate "2021-04-23 20:05" next to firstpublishedtime "2021-04-23-20:05:32": the seconds win
        finer = [m for m in timed if m[0].second and m[0].replace(second=0) == best[0]]
        found.append(finer[0] if finer and not best[0].second else best)

    def read_date(m: re.Match[str]):
        hit = find_date_text(t.text[m.end(): m.end() + 40]) or english_date(t.text[m.end(): m.end() + 40])
        if hit and hit[0] <= 3:
            dt, only = safe_parse(hit[2], tz)
            if dt:
                label = re.sub(r"\s", "", m.group(1))
                return (_DATE_LABEL_RANK.get(label, 1 if len(label) > 2 else 3), dt, only, label)
        return None

    labelled = _labelled(t, _DATE_LABEL_RE, read_date, body_ok=False)
    near = [x for x in labelled if x[0] == 0 and x[1] <= 400]
    near.sort(key=lambda x: (x[2][0], x[1]))
    if near:
        _r, dt, only, label = near[0][2]
        found.append((dt, only, "label", label))
    elif not found:
        # Generic date metas (often the page's build date) only when nothing better is written.
        for key in _WEAK_META_DATE:
            dt, only = _read_value(metas.get(key, ""), tz)
            if dt:
                found.append((dt, only, "meta", key))
                break
    script_date = None
    for code in scripts:
        for m in _SCRIPT_DATE_RE.finditer(code):
            dt, only = _read_value(m.group(1), tz)
            if dt:
                script_date = (dt, only, "script", m.group(0)[:30])
                break
        if script_date:
            found.append(script_date)
            break
    timed = _time_element(doc, tz)
    if timed:
        found.append(timed)
    if not any(h == "label" for _d, _o, h, _x in found):
        # An unlabelled date on the line(s) next to the title: below it first, then above.
        regions = []
        if t.title_end >= 0 and t.body_start > t.title_end:
            regions.append((t.text[t.title_end: min(t.body_start, t.title_end + 400)], False))
        elif t.body_start <= t.title_end < t.body_end:
            # The title sits inside the body container: its metadata line follows it there.
            regions.append((t.text[t.title_end: t.title_end + 150], False))
        if t.title_start > 0:
            regions.append((t.text[max(0, t.title_start - 200): t.title_start], True))
        in_url, _ = url_date(url, tz)
        for seg, above in regions:
            dt, only = date_in(seg, tz)
            if dt is None:
                m = _SPLIT_DATE_RE.search(seg)
                if m:
                    dt, only = safe_parse(f"{m.group(1)}-{int(m.group(2)):02d}-{int(m.group(3)):02d} {m.group(4)}", tz)
            if dt and above and in_url and in_url.date() != dt.date():
                continue  # above the title and contradicting the URL: a "today is …" banner
            if dt:
                found.append((dt, only, "heuristic", "date next to the title"))
                break
        if labelled and not found:
            _r, dt, only, label = sorted(labelled, key=lambda x: (x[0], x[2][0], x[1]))[0][2]
            found.append((dt, only, "label", label))
    if found:
        dt, only, how, detail = found[0]
        for dt2, only2, how2, detail2 in found[1:]:
            # A second source agreeing on the day (and minute) but more precise wins.
            if dt2.date() != dt.date() or only2:
                continue
            if only or (dt2.replace(second=0) == dt and dt2.second and not dt.second):
                dt, only, how, detail = dt2, only2, how2, detail2
                break
        f.note("published", "meta" if how in ("script", "time") else how, detail)
        return dt, only
    dt, only = url_date(url, tz)
    if dt:
        f.note("published", "url", url)
        return dt, True
    return None, False


_MONTHS = {m: i for i, m in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1)}
_EN_DATE_RE = re.compile(
    r"\b(?:(\d{1,2})\s+([A-Z][a-z]{2,8})\.?,?\s+((?:19|20)\d{2})|([A-Z][a-z]{2,8})\.?\s+(\d{1,2}),?\s+((?:19|20)\d{2}))\b")


def english_date(text: str) -> tuple[int, int, str] | None:
    """(start, end, 'YYYY-MM-DD') of a '16 March 2021' / 'March 16, 2021' date, like find_date_text."""
    for m in _EN_DATE_RE.finditer(text):
        d, mon, y = (m.group(1), m.group(2), m.group(3)) if m.group(1) else (m.group(5), m.group(4), m.group(6))
        mo = _MONTHS.get(mon[:3].lower())
        if mo and 1 <= int(d) <= 31:
            return m.start(), m.end(), f"{y}-{mo:02d}-{int(d):02d}"
    return None


def _time_element(doc, tz):
    """The first HTML5 <time datetime> of the article (not of a sidebar, comment or 'updated' stamp)."""
    best = None
    for el in doc.iter("time"):
        value = el.get("datetime")
        cls = (el.get("class") or "").lower()
        if not value or re.search(r"updat|modif", cls):
            continue
        if any(is_far_chrome(a) for a in el.iterancestors()):
            continue
        dt, only = safe_parse(value, tz)
        if dt is None:
            continue
        if "publish" in cls or "entry-date" in cls:
            return dt, only, "time", "time[datetime]"
        best = best or (dt, only, "time", "time[datetime]")
    return best


def _read_value(value: str, tz: tzinfo) -> tuple[datetime | None, bool]:
    """A date value from a meta tag or a script: full parse, or the date written inside it."""
    dt, only = safe_parse(value, tz)
    hit = find_date_text(value)
    if hit and (dt is None or (only and " " in hit[2])):
        dt2, only2 = safe_parse(hit[2], tz)
        if dt2:
            return dt2, only2
    return dt, only


def _link_text_at(t: PageText, start: int) -> str | None:
    """The text of the <a> the value after a label starts in, when it is one."""
    pos = start
    while pos < len(t.text) and t.text[pos] in " \n\t:：":
        pos += 1
    el = t.owner_at(pos) if pos < len(t.text) else None
    while el is not None and isinstance(el.tag, str) and el.tag in ("span", "font", "b", "strong", "em"):
        el = el.getparent()
    if el is None or el.tag != "a":
        return None
    v = clean(text_of(el))
    return v if 2 <= len(v) <= 40 and not URL_RE.match(v) else None


def _read_publisher(t: PageText):
    def reader(m: re.Match[str]) -> str | None:
        v = _value_after(t.text, m.end())
        v = _link_text_at(t, m.end()) or v
        if not v or URL_RE.match(v):
            return None
        return v
    return reader


def find_simple(doc, metas, t: PageText, sel: str | None, name: str, meta_keys, regex, f: Found) -> str | None:
    if sel:
        txt, _el = select_text(doc, sel, name)
        if txt:
            txt = regex.sub("", txt, count=1).strip() if regex.match(txt) else txt
            f.note(name, "selector", sel)
            return txt
    if name == "publisher":
        for key in meta_keys:
            v = PUBLISHER_RE.sub("", metas.get(key) or "", count=1).strip()
            if v and not PLACEHOLDER_RE.match(v) and not URL_RE.match(v):
                f.note(name, "meta", key)
                return v
    hits = [h for h in _labelled(t, regex, _read_publisher(t), body_ok=False) if h[0] == 0]
    hits = [h for h in hits if not PLACEHOLDER_RE.match(h[2])]
    if name == "author":
        # "记者：…？" opens a question in a Q&A interview: a sentence, not a by-line
        hits = [h for h in hits if not re.search(r"[？?！!。；;]", str(h[2]))]
    if hits and hits[0][1] <= 1500:
        f.note(name, "label", str(hits[0][3]))
        return hits[0][2]
    if name == "author":
        for key in meta_keys:
            v = metas.get(key)
            if v and not PLACEHOLDER_RE.match(v) and len(v) <= 30 and not _ORG_RE.search(v):
                f.note(name, "meta", key)
                return v
    return None


def find_origin(doc, url, base, t: PageText, sel: str | None, tz, f: Found) -> tuple[str | None, datetime | None]:
    origin = None
    how = ""
    detail = ""
    if sel:
        try:
            for el in CSSSelector(sel)(doc):
                a = el if el.tag == "a" else next(el.iter("a"), None)
                cand = resolve(base, a.get("href")) if a is not None else None
                if not cand:
                    m = URL_RE.search(text_of(el))
                    cand = resolve(base, m.group(0)) if m else None
                if cand and not same_page(cand, url):
                    origin, how, detail = cand, "selector", sel
                    break
        except ExtractError:
            raise
        except Exception as e:  # cssselect's own error types
            raise ExtractError(f"bad origin selector {sel!r}: {e}") from e
    if origin is None:
        for a in doc.iter("a"):
            label = text_of(a)
            before = a.getprevious()
            if before is not None:
                prev = text_of(before)[-12:] + (before.tail or "")
            else:
                parent = a.getparent()
                prev = (parent.text or "") if parent is not None else ""
            hit = _ORIGIN_LABEL_RE.search(label) or _ORIGIN_LABEL_RE.search(prev[-12:])
            if hit:
                cand = resolve(base, a.get("href"))
                if cand and not same_page(cand, url):
                    origin, how, detail = cand, "label", hit.group(0)
                    break
    if origin is None:
        for m in _ORIGIN_LABEL_RE.finditer(t.text):
            um = URL_RE.search(t.text, m.end(), m.end() + 20)
            if um and um.start() - m.end() <= 6:
                cand = resolve(url, um.group(0).rstrip(".,;"))
                if cand and not same_page(cand, url):
                    origin, how, detail = cand, "label", m.group(0)
                    break
    if origin is None:
        return None, None
    f.note("via", how, detail.strip(" :：") or origin)
    dt, _only = url_date(origin, tz, month_ok=True)
    if dt:
        f.note("origin_published", "url", origin)
    return origin, dt


def find_category(doc: HtmlElement, metas: dict[str, str], title: str | None, spans: dict, f: Found) -> tuple[str, ...]:
    tc = compact(title or "")
    best: tuple[int, tuple[str, ...]] | None = None
    for el in doc.iter("div", "p", "span", "td", "nav", "ol", "ul", "section", "dl", "dd"):
        start, end = spans.get(el, (0, 0))
        if not 2 <= end - start <= 200:
            continue
        words = f"{el.get('class') or ''} {el.get('id') or ''}"
        txt = text_of(el)
        if not (_CRUMB_LABEL_RE.match(txt) or (_CRUMB_CLASS_RE.search(words) and any(True for _ in el.iter("a")))):
            continue
        anchors = [clean(text_of(a)) for a in el.iter("a")]
        if anchors:
            last = list(el.iter("a"))[-1]
            crumbs = [_CRUMB_LABEL_RE.sub("", c, count=1) for c in anchors]
            trail = clean(re.sub(r"^[\s>›»＞→/\\-]+", "", last.tail or ""))
            if trail:
                crumbs.append(trail)
        else:
            body = _CRUMB_LABEL_RE.sub("", txt, count=1)
            crumbs = re.split(r"\s*(?:>>|>|›|»|＞|→|/|\\)\s*", body)
        crumbs = [clean(c) for c in crumbs if clean(c)]
        crumbs = [c for c in crumbs if c.lower() not in _CRUMB_SKIP and len(c) <= 30]
        crumbs = [c for c in crumbs if not (tc and (compact(c) == tc or (len(compact(c)) >= 8 and tc.startswith(compact(c).rstrip("…."))) ))]
        if crumbs and (best is None or end - start < best[0]):
            best = (end - start, (crumbs[-1],))
    if best:
        f.note("categories", "heuristic", "breadcrumb")
        return best[1]
    col = metas.get("columnname")
    if col:
        f.note("categories", "meta", "ColumnName")
        return (col,)
    return ()
