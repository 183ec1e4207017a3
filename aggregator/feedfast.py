"""Fast path for well-formed RSS 0.9x/2.0, RDF (RSS 1.0) and Atom 0.3/1.0: lxml instead of feedparser.

Owns: reading the raw values feedparser would have produced (strict, well-formed
mode, ``resolve_relative_uris=True``) for the fields `feedparse` uses, straight
from an lxml tree, ~10x faster. Every shape it does not model exactly — unknown
roots, elements feedparser gives a meaning we do not mirror, duplicates whose
winner depends on feedparser's bookkeeping, xhtml/base64 content, nested
markup, parse errors — returns None and `feedparse` uses feedparser instead.
Does not own: the bomb/DOCTYPE checks and charset decoding (feedparse does them
first), dates, and the RawItem/ParsedFeed rules (feedparse applies the same
code to both paths' output). Pure.

The values returned are feedparser-shaped dicts ("entries"), so the caller
turns both paths' output into RawItem with the same code.
"""

from __future__ import annotations

import html
import re
from functools import lru_cache
from typing import Any
from urllib.parse import urljoin, urlparse

# The namespace URI → prefix table and cp1252 map are feedparser's data: the
# fast path must name elements exactly as feedparser does to agree with it.
from feedparser.html import _cp1252 as _CP1252
from feedparser.mixin import _FeedParserMixin as _FP
from feedparser.urls import ACCEPTABLE_URI_SCHEMES, resolve_relative_uris
from lxml import etree

_NS = {k.lower(): v for k, v in _FP.namespaces.items()}
_XML_BASE = "{http://www.w3.org/XML/1998/namespace}base"
_RDF_ABOUT = "{http://www.w3.org/1999/02/22-rdf-syntax-ns#}about"
_ATOM10 = "http://www.w3.org/2005/Atom"
_ATOM03 = "http://purl.org/atom/ns#"
_RSS10 = "http://purl.org/rss/1.0/"
_RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
_RSS_VERSIONS = {"0.91": "rss091u", "0.92": "rss092", "0.93": "rss093", "0.94": "rss094"}
_SAFE_SCHEMES = frozenset(ACCEPTABLE_URI_SCHEMES)
_HTML_TYPES = {"application/xhtml+xml", "text/html"}

_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, recover=False,
                          remove_comments=False, remove_pis=False, strip_cdata=True)

# entry elements by feedparser name → what they fill
_ENTRY_TEXT = {"title": "title", "pubdate": "published", "published": "published", "issued": "published",
               "updated": "updated", "modified": "updated", "dc:date": "updated", "created": "created",
               "lastbuilddate": "updated"}
_ENTRY_AUTHOR = {"author", "dc:creator", "dc:author"}
_ENTRY_CATEGORY = {"category", "dc:subject"}
_FEED_TEXT = {"title": "title", "pubdate": "published", "published": "published", "issued": "published",
              "updated": "updated", "modified": "updated", "dc:date": "updated",
              "lastbuilddate": "updated"}
# feedparser handles these, but nothing it does with them reaches a field we read
_HARMLESS = {"comments", "language", "dc:language", "rights", "copyright", "dc:rights", "dc:publisher",
             "wfw:commentrss", "wfw:comment", "slash:comments", "media:content", "media:thumbnail",
             "description", "subtitle", "tagline", "generator", "docs", "ttl", "webmaster",
             "managingeditor", "category", "dc:subject", "icon", "logo", "cloud", "rating",
             "skiphours", "skipdays", "contributor", "info", "expirationdate", "dc:type", "dc:format",
             "dc:identifier", "dc:source", "dc:relation", "dc:coverage", "dc:contributor"}
# keys feedparser would fill from an element it has no handler for
_USED_KEYS = {"title", "link", "id", "summary", "content", "author", "authors", "published", "updated",
              "created", "tags", "enclosures", "links", "author_detail", "summary_detail", "guidislink"}
_FEED_NESTED_OK = {"image", "author", "contributor", "items", "skiphours", "skipdays"}
# entry values feedparser keeps the first or the last of, by rules we do not mirror
_ONCE = frozenset({"title", "id", "author", "summary", "content"})
_IMAGE_CHILDREN = {"url", "title", "link", "width", "height", "description"}

_URI_ATTRS = {
    "a": ("href",), "applet": ("codebase",), "area": ("href",), "audio": ("src",), "blockquote": ("cite",),
    "body": ("background",), "del": ("cite",), "form": ("action",), "frame": ("longdesc", "src"),
    "iframe": ("longdesc", "src"), "head": ("profile",), "img": ("longdesc", "src", "usemap"),
    "input": ("src", "usemap"), "ins": ("cite",), "link": ("href",),
    "object": ("classid", "codebase", "data", "usemap"), "q": ("cite",), "script": ("src",),
    "source": ("src",), "video": ("poster", "src"),
}
_TAG_RE = re.compile(r"<([A-Za-z][A-Za-z0-9]*)(\s[^<>]*?)?(/?)>")
_ATTR_RE = re.compile(r"""([^\s=/"'<>]+)(\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?""")
# markup a regex cannot tokenize like feedparser's SGML parser does
_ODD_HTML_RE = re.compile(r"<!|<\?|<script|<style|<textarea|<xmp|<plaintext|<title", re.I)
_FP_EMAIL_RE = re.compile(
    r"(([a-zA-Z0-9_\-.+]+)@((\[[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}\.)|(([a-zA-Z0-9\-]+\.)+))"
    r"([a-zA-Z]{2,4}|[0-9]{1,3})(\]?))(\?subject=\S+)?")
_C1_RE = re.compile("[\x80-\x9f]")
_LATIN1_HIGH_RE = re.compile("[\x80-\xff]")
_URIFIX_RE = re.compile(r"^([A-Za-z][A-Za-z0-9+\-.]*://)(/*)(.*?)")
_PLAIN_URL_RE = re.compile(
    r"https?://[A-Za-z0-9.\-_~%!$&'()*+,;=:@]+(?:/[^\x00-\x20\x7f?#]*)?(?:\?[^\x00-\x20\x7f#]+)?(?:#[^\x00-\x20\x7f]+)?\Z")
_LINK_ENTITY_RE = re.compile(r"&([A-Za-z0-9_]+);")


class Unsupported(Exception):
    """A shape the fast path does not model: use feedparser."""


def parse(data: bytes, url: str) -> tuple[dict[str, Any], list[dict[str, Any]], str] | None:
    """(feed dict, entry dicts, feedparser version) as feedparser would give them, or None to fall back.

    `data` is the defused document re-encoded as UTF-8 (what feedparse hands feedparser).
    """
    try:
        root = etree.fromstring(data, _PARSER)
    except (etree.XMLSyntaxError, ValueError):
        return None
    try:
        return _Reader(url).read(root)
    except (Unsupported, ValueError):  # ValueError: a URL urllib refuses; feedparser decides those
        return None


def _fptext(value: str) -> str:
    """feedparser's last steps on every text value: the latin-1-over-UTF-8 repair and cp1252 map."""
    if value.isascii() or not _LATIN1_HIGH_RE.search(value):
        return value  # neither step can change text without a U+0080..U+00FF character
    try:
        value = value.encode("iso-8859-1").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        pass
    return value.translate(_CP1252) if _C1_RE.search(value) else value


@lru_cache(maxsize=4096)  # an item's link is often its guid too
def _urljoin(base: str, uri: str) -> str:
    if ":///" in uri:
        uri = _URIFIX_RE.sub(r"\1\3", uri)
    return join(base, uri)


def join(base: str, uri: str) -> str:
    """urllib.parse.urljoin(base, uri) ("" where it raises), skipping the work for a plain absolute URL.

    A lower-case http(s) URL with an ASCII host, no whitespace or control
    characters and no empty "?"/"#" comes back from urljoin unchanged.
    """
    if _PLAIN_URL_RE.match(uri):
        return uri
    try:
        return urljoin(base, uri)
    except ValueError:
        return ""


def _safe_abs(base: str, rel: str | None) -> str:
    if not base:
        return rel or ""
    if not rel:
        try:
            scheme = urlparse(base)[0]
        except ValueError:
            return ""
        return base if not scheme or scheme in _SAFE_SCHEMES else ""
    uri = _urljoin(base, rel)
    return uri if uri.strip().split(":", 1)[0] in _SAFE_SCHEMES else ""


def resolve_html(value: str, base: str) -> str:
    """Relative URIs in HTML made absolute as feedparser's resolver does (same attributes, same rule).

    Markup the tokenizer here cannot read like feedparser's is handed to feedparser's resolver.
    """
    if "<" not in value:
        return value
    if _ODD_HTML_RE.search(value):
        return str(resolve_relative_uris(value, base, "utf-8", "text/html"))

    def tag(m: re.Match[str]) -> str:
        attrs = m.group(2)
        if not attrs or not attrs.strip():
            return m.group(0)
        names = _URI_ATTRS.get(m.group(1).lower(), ())
        found: dict[str, str] = {}
        for a in _ATTR_RE.finditer(attrs):
            if a.group(2) is None:
                raise Unsupported("attribute without a value")
            key = a.group(1).lower()
            raw = html.unescape(next(v for v in (a.group(3), a.group(4), a.group(5)) if v is not None))
            if key in {"rel", "type"}:
                raw = raw.lower()
            elif key in names:
                raw = _safe_abs(base, raw.strip()) or raw
            found[key] = raw
        # feedparser's HTML processor writes every start tag back with sorted, de-duplicated attributes
        out = "".join(f' {k}="{html.escape(v, quote=True)}"' for k, v in sorted(found.items()))
        return f"<{m.group(1)}{out}{m.group(3)}>"

    try:
        return _TAG_RE.sub(tag, value)
    except Unsupported:
        return str(resolve_relative_uris(value, base, "utf-8", "text/html"))


@lru_cache(maxsize=1024)
def _fp_name(tag: str, given_prefix: str | None) -> str | None:
    """The name feedparser gives an element: its known prefix for the namespace, lower-cased."""
    ns, _, local = tag[1:].partition("}") if tag[0] == "{" else ("", "", tag)
    low = ns.lower()
    if "backend.userland.com/rss" in low:
        low = "http://backend.userland.com/rss"
    prefix = _NS.get(low)
    if prefix is None:
        prefix = given_prefix or ""
        if prefix in _NS.values():
            return None
    local = local.lower()
    return f"{prefix}:{local}" if prefix else local


def _looks_like_html(s: str) -> bool:
    return bool(_FP.looks_like_html(s))


class _Reader:
    def __init__(self, url: str) -> None:
        self.url = url
        self.version = ""

    # -- naming and bases ---------------------------------------------------------------

    def name(self, el: etree._Element) -> str:
        tag = el.tag
        if not isinstance(tag, str):
            raise Unsupported("comment or PI")
        name = _fp_name(tag, el.prefix if tag[0] == "{" else None)
        if name is None:
            raise Unsupported("a known prefix bound to another namespace")
        return name

    def base(self, el: etree._Element, parent: str) -> str:
        if not el.attrib:
            return parent
        given = el.get(_XML_BASE) or el.get("base")
        if not given:
            # feedparser joins the parent base with itself, which leaves an absolute URL unchanged
            return parent
        return _safe_abs(parent, given) or parent

    def text(self, el: etree._Element) -> str:
        if len(el):
            raise Unsupported("markup inside a text element")
        return _fptext((el.text or "").strip())

    # -- document -----------------------------------------------------------------------

    def read(self, root: etree._Element) -> tuple[dict[str, Any], list[dict[str, Any]], str]:
        feed: dict[str, Any]
        entries: list[dict[str, Any]]
        ns = etree.QName(root).namespace or ""
        local = etree.QName(root).localname
        base = self.base(root, self.url)
        if local == "rss" and not ns:
            attr = root.get("version", "")
            self.version = _RSS_VERSIONS.get(attr) or ("rss20" if attr.startswith("2.") else "rss")
            channels = [c for c in root if isinstance(c.tag, str) and c.tag == "channel"]
            if len(channels) != 1 or len(root) != 1:
                raise Unsupported("rss without exactly one channel")
            channel = channels[0]
            cbase = self.base(channel, base)
            feed, entries = self.container(channel, cbase, item_tag="item")
        elif local == "RDF" and ns == _RDF:
            if root.nsmap.get(None) != _RSS10:
                raise Unsupported("RDF without the RSS 1.0 default namespace")
            self.version = "rss10"
            feed = {}
            entries = []
            for child in root:
                name = self.name(child)
                if name == "channel":
                    if feed:
                        raise Unsupported("two channels")
                    feed, inner = self.container(child, self.base(child, base), item_tag="item")
                    if inner:
                        raise Unsupported("items inside the RDF channel")
                elif name == "item":
                    entries.append(self.entry(child, self.base(child, base)))
                elif name in {"image", "textinput"} or len(child):
                    raise Unsupported(f"RDF {name}")
        elif local == "feed" and ns in {_ATOM10, _ATOM03}:
            self.version = "atom10" if ns == _ATOM10 else {"0.3": "atom03"}.get(root.get("version", ""), "")
            if not self.version:
                raise Unsupported("atom version")
            feed, entries = self.container(root, base, item_tag="entry")
        else:
            raise Unsupported("unknown root")
        return feed, entries, self.version

    def container(self, el: etree._Element, base: str, item_tag: str) -> tuple[dict[str, Any], list[dict[str, Any]]]:
        feed: dict[str, Any] = {}
        entries: list[dict[str, Any]] = []
        if el.get("lastmod") is not None:
            raise Unsupported("cdf lastmod")
        for child in el:
            name = self.name(child)
            cbase = self.base(child, base)
            if name == item_tag:
                entries.append(self.entry(child, cbase))
            elif name in _FEED_TEXT:
                if name == "title" and child.get("type", "").lower() in {"xhtml", "application/xhtml+xml"}:
                    raise Unsupported("xhtml feed title")
                key = _FEED_TEXT[name]
                if key == "title" and "title" in feed:
                    raise Unsupported("two feed titles")
                feed[key] = self.text(child)
            elif name == "link":
                self.feed_link(child, cbase, feed)
            elif name in {"id", "guid"}:
                if "id" in feed:
                    raise Unsupported("two feed ids")
                value = self.text(child)
                islink = child.get("isPermaLink", child.get("ispermalink", "true")) == "true"
                if islink and value:
                    value = _urljoin(cbase, value)
                feed["id"] = value
                if islink:
                    feed.setdefault("link", value)
            elif name == "image":
                for sub in child:
                    if self.name(sub) not in _IMAGE_CHILDREN or len(sub):
                        raise Unsupported("image content")
            elif name == "items":
                for sub in child.iter():
                    if sub is not child and self.name(sub) not in {"rdf:seq", "rdf:li"}:
                        raise Unsupported("RDF items content")
            elif name in _FEED_NESTED_OK and name != "image":
                for sub in child:
                    if len(sub) or self.name(sub) in {"title", "link", "id"}:
                        raise Unsupported("nested feed element")
            elif len(child):
                raise Unsupported(f"feed element {name} with children")
            elif name not in _HARMLESS:
                self.check_unknown(name)
        return feed, entries

    def feed_link(self, el: etree._Element, base: str, feed: dict[str, Any]) -> None:
        attrs = {k.lower(): v for k, v in el.attrib.items() if k != _XML_BASE}
        href = attrs.get("url", attrs.get("uri", attrs.get("href")))
        if href is None:
            if attrs:
                raise Unsupported("text link with attributes")
            value = self.text(el)
            if value:
                value = _urljoin(base, value)
            feed["link"] = _LINK_ENTITY_RE.sub(r"&\g<1>", value)
            return
        if len(el):
            raise Unsupported("link with children")
        rel = attrs.get("rel", "alternate")
        ctype = attrs.get("type", "application/atom+xml" if rel == "self" else "text/html")
        if rel == "alternate" and _FP.map_content_type(ctype) in _HTML_TYPES:
            feed["link"] = _urljoin(base, href)

    def check_unknown(self, name: str) -> None:
        attr = "_start_" + name.replace(":", "_")
        if hasattr(_FP, attr) or name.replace(":", "_") in _USED_KEYS:
            raise Unsupported(f"element {name}")

    # -- entries ------------------------------------------------------------------------

    def entry(self, el: etree._Element, base: str) -> dict[str, Any]:
        e: dict[str, Any] = {"links": []}
        seen: set[str] = set()
        about = el.get(_RDF_ABOUT)
        if about:
            e["id"] = about
        if el.get("lastmod") is not None:
            raise Unsupported("cdf lastmod")
        link_value: str | None = None
        guid_link: str | None = None
        tags: list[tuple[str | None, str | None]] = []
        for child in el:
            name = self.name(child)
            cbase = self.base(child, base)
            key = name
            if name in _ENTRY_TEXT:
                key = _ENTRY_TEXT[name]
                if key == "title" and child.get("type", "").lower() in {"xhtml", "application/xhtml+xml"}:
                    e[key] = self.xhtml_title(child)
                else:
                    e[key] = self.text(child)  # later dates of one kind win in feedparser too
            elif name == "link":
                href = self.entry_link(child, cbase, e)
                if href is not None:
                    link_value = href
            elif name in {"guid", "id"}:
                key = "id"
                value = self.text(child)
                islink = {k.lower(): v for k, v in child.attrib.items()}.get("ispermalink", "true") == "true"
                if islink and value:
                    value = _urljoin(cbase, value)
                e["id"] = value
                if islink:
                    guid_link = guid_link or value
            elif name in _ENTRY_AUTHOR:
                key = "author"
                e["author_detail"] = {"name": self.author(child, name)}
            elif name in {"description", "summary"}:
                if name == "summary" and not self.version.startswith("atom"):
                    raise Unsupported("RSS summary")
                key = "summary"
                e["summary_detail"] = self.content(child, cbase, "text/html" if name == "description" else "text/plain")
            elif name in {"content", "content:encoded"}:
                key = "content"
                e["content"] = [self.content(child, cbase, "text/plain" if name == "content" else "text/html")]
            elif name in _ENTRY_CATEGORY:
                if len(child):
                    raise Unsupported("category with children")
                attrs = {k.lower(): v for k, v in child.attrib.items()}
                term, label = attrs.get("term"), attrs.get("label")
                text = self.text(child)
                if text and not term:
                    term = text
                elif text:
                    tags.append((term, label))
                    term, label = text, None
                tags.append((term, label))
            elif name == "enclosure":
                if len(child):
                    raise Unsupported("enclosure with children")
                attrs = {k.lower(): v for k, v in child.attrib.items()}
                href = attrs.pop("url", attrs.pop("uri", attrs.get("href")))
                if href:
                    attrs["href"] = href
                attrs["rel"] = "enclosure"
                e["links"].append(attrs)
            elif name in _HARMLESS:
                if len(child):
                    raise Unsupported(f"{name} with children")
            else:
                if len(child):
                    raise Unsupported(f"entry element {name} with children")
                self.check_unknown(name)
            if key in _ONCE:
                if key in seen:
                    raise Unsupported(f"two {key}")
                seen.add(key)
        if link_value is not None:
            e["link"] = link_value
        elif guid_link is not None:
            e["link"] = guid_link
        e["tags"] = [{"term": t, "label": lb} for t, lb in tags]
        return e

    def entry_link(self, el: etree._Element, base: str, e: dict[str, Any]) -> str | None:
        attrs = {k.lower(): v for k, v in el.attrib.items() if k != _XML_BASE}
        href = attrs.pop("url", attrs.pop("uri", attrs.get("href")))
        if href is None:
            if attrs:
                raise Unsupported("text link with attributes")
            value = self.text(el)
            if value:
                value = _urljoin(base, value)
            value = _LINK_ENTITY_RE.sub(r"&\g<1>", value.replace("&amp;", "&"))
            e["links"].append({"rel": "alternate", "type": "text/html", "href": value})
            return value
        if len(el) or (el.text or "").strip():
            raise Unsupported("link with content")
        attrs["href"] = _urljoin(base, href)
        attrs.setdefault("rel", "alternate")
        attrs.setdefault("type", "application/atom+xml" if attrs["rel"] == "self" else "text/html")
        e["links"].append(attrs)
        if attrs["rel"] == "alternate" and _FP.map_content_type(attrs["type"]) in _HTML_TYPES:
            return attrs["href"]  # feedparser keeps the last one, as the caller does
        return None

    def xhtml_title(self, el: etree._Element) -> str:
        """An Atom 1.0 xhtml title as the markup string feedparser builds (its div unwrapped)."""
        if self.version != "atom10" or len(el) != 1 or (el.text or "").strip() or (el[0].tail or "").strip():
            raise Unsupported("xhtml title shape")
        div = el[0]
        if not isinstance(div.tag, str) or etree.QName(div).localname != "div" or div.attrib:
            raise Unsupported("xhtml title without a bare div")
        parts = [html.escape(div.text or "", quote=False)]
        for child in div:
            if not isinstance(child.tag, str) or len(child) or child.attrib or etree.QName(child).namespace != \
                    "http://www.w3.org/1999/xhtml":
                raise Unsupported("xhtml title markup")
            local = etree.QName(child).localname.lower()
            parts.append(f"<{local}>{html.escape(child.text or '', quote=False)}</{local}>")
            parts.append(html.escape(child.tail or "", quote=False))
        return _fptext("".join(parts).strip())

    def author(self, el: etree._Element, name: str) -> str | None:
        if len(el):
            if name != "author" or not self.version.startswith("atom"):
                raise Unsupported("author with children")
            if (el.text or "").strip():
                raise Unsupported("author with text and children")
            found: dict[str, str] = {}
            for sub in el:
                sname = self.name(sub)
                if sname in found or sname not in {"name", "email", "uri", "url"}:
                    raise Unsupported("author part")
                found[sname] = self.text(sub)
                if (sub.tail or "").strip():
                    raise Unsupported("author text")
            return found.get("name") or None
        raw = self.text(el)
        m = _FP_EMAIL_RE.search(raw)
        if not m:
            return raw or None
        name = raw.replace(m.group(0), "").replace("()", "").replace("<>", "").replace("&lt;&gt;", "").strip()
        if name.startswith("("):
            name = name[1:]
        if name.endswith(")"):
            name = name[:-1]
        return name.strip() or raw or None

    def content(self, el: etree._Element, base: str, default: str) -> dict[str, Any]:
        attrs = {k.lower(): v for k, v in el.attrib.items()}
        ctype = _FP.map_content_type(attrs.get("type", default))
        mode = attrs.get("mode", "")
        # feedparser base64-decodes every non-text type; xhtml and src= content are markup or links
        if len(el) or "src" in attrs or mode not in {"", "escaped"} or not ctype.startswith("text/") \
                or ctype.endswith("xml"):
            raise Unsupported("content kind")
        value = (el.text or "").strip()
        if not self.version.startswith("atom") and ctype == "text/plain" and _looks_like_html(value):
            ctype = "text/html"
        if ctype in _HTML_TYPES and value:
            value = resolve_html(value, base)
        return {"type": ctype, "value": _fptext(value)}
