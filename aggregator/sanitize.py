"""HTML sanitizing and plain-text extraction for article bodies; pure functions.

Owns: the allow-list (nh3), resolving relative ``href``/``src`` against the page
URL (lxml), dropping empty blocks, and turning sanitized HTML into plain text.
Does not own: finding the article body or boilerplate on a page (scrape), or
any I/O. Everything fed in here is treated as hostile; nh3 (html5ever) is the
security boundary and always runs last, so whatever lxml does before it only
has to be useful, not safe.
"""

from __future__ import annotations

import re
from html import escape
from urllib.parse import urljoin, urlsplit

import nh3
from lxml import etree
from lxml import html as lxml_html

ALLOWED_TAGS = frozenset({
    "p", "br", "a", "img", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd",
    "table", "caption", "thead", "tbody", "tfoot", "tr", "td", "th", "blockquote", "pre", "code",
    "em", "strong", "b", "i", "u", "s", "sub", "sup", "span", "div", "figure", "figcaption", "hr",
    "small", "del", "ins", "q", "cite", "abbr",
})
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "title"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan"},
    "abbr": {"title"},
}
URL_SCHEMES = frozenset({"http", "https", "mailto"})
LINK_REL = "noopener noreferrer nofollow"

# Elements whose content is never article text: removed with everything inside
# before nh3 sees them (nh3 would keep the text of e.g. <noscript> or <svg>).
_DROP_WITH_CONTENT = (
    "script", "style", "iframe", "frame", "frameset", "object", "embed", "applet", "noscript",
    "template", "svg", "math", "head", "title", "meta", "link", "base", "input", "button",
    "select", "textarea", "option", "canvas", "audio", "video", "map", "area", "param",
)
_URL_ATTRS = ("href", "src")
# Lazy-loading attributes where portals keep the real image while src holds a placeholder.
_LAZY_SRC = ("data-src", "data-original", "data-original-src", "data-actualsrc")
_EMPTY_DROP = frozenset({"p", "div", "span", "font", "center", "section", "article",
                         "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "strong", "b", "em"})
_KEEP_EMPTY = frozenset({"img", "hr", "table", "br"})
_BLOCKS = frozenset({
    "p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd",
    "table", "caption", "thead", "tbody", "tfoot", "tr", "blockquote", "pre", "figure",
    "figcaption", "hr", "section", "article", "header", "footer", "center", "address", "nav",
    "aside", "main", "form", "fieldset", "legend", "details", "summary",
})
_CELLS = frozenset({"td", "th"})
# XML 1.0 forbids these; real pages contain \x0b, \x08 and lone surrogates.
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*>")
_BLANK = "\u00a0\u3000\u200b\ufeff \t\r\n\f\v"
_SPACES = re.compile(r"[ \t\r\f\v\u00a0\u2002\u2003\u2009\u200b\ufeff]+")

_CLEANER = nh3.Cleaner(
    tags=set(ALLOWED_TAGS),
    clean_content_tags={"script", "style"},
    attributes={k: set(v) for k, v in ALLOWED_ATTRIBUTES.items()},
    link_rel=LINK_REL,
    url_schemes=set(URL_SCHEMES),
    # every URL was made absolute before cleaning; one still relative had no usable base
    url_relative="deny",
    strip_comments=True,
)


def strip_xml_illegal(value: str) -> str:
    """`value` without the characters XML 1.0 does not allow."""
    return _XML_ILLEGAL.sub("", value)


def _parse(fragment: str) -> etree._Element | None:
    # lxml refuses str input that carries an encoding declaration
    fragment = _XML_DECL.sub("", strip_xml_illegal(fragment), count=1)
    if not fragment.strip():
        return None
    try:
        return lxml_html.fragment_fromstring(fragment, create_parent="div")
    except (etree.ParserError, ValueError):
        return None


def _absolute(value: str, base_url: str) -> str | None:
    """`value` resolved against `base_url`, or None when it is not a safe absolute URL."""
    value = "".join(ch for ch in value if ch >= " ").strip()
    if not value:
        return None
    try:
        url = urljoin(base_url, value) if base_url else value
        scheme = urlsplit(url).scheme.lower()
    except ValueError:
        return None
    return url if scheme in URL_SCHEMES else None


def _is_empty(el: etree._Element) -> bool:
    if el.tag in _KEEP_EMPTY:
        return False
    for sub in el.iter():
        if sub is not el and sub.tag in _KEEP_EMPTY - {"br"}:
            return False
    return not "".join(el.itertext()).strip(_BLANK)


def _prepare(root: etree._Element, base_url: str) -> None:
    for el in list(root.iter(*_DROP_WITH_CONTENT)):
        el.drop_tree()
    for el in list(root.iter(etree.Comment, etree.ProcessingInstruction)):
        el.drop_tree()
    for el in root.iter("img"):
        src = el.get("src", "")
        if not src.strip() or src.strip().lower().startswith("data:"):
            lazy = next((el.get(a) for a in _LAZY_SRC if el.get(a)), None)
            if lazy:
                el.set("src", lazy)
    for el in root.iter(etree.Element):
        for attr in _URL_ATTRS:
            value = el.get(attr)
            if value is None:
                continue
            url = _absolute(value, base_url)
            if url is None:
                del el.attrib[attr]
            else:
                el.set(attr, url)
        # TRS attachment markers; they break image proxies
        if "oldsrc" in el.attrib:
            del el.attrib["oldsrc"]
    for el in list(root.iter("img")):
        if not el.get("src"):
            el.drop_tree()
    # innermost first, so a <div> holding only empty <p>s goes too
    for el in reversed(list(root.iter(*_EMPTY_DROP))):
        if el is not root and el.getparent() is not None and _is_empty(el):
            el.drop_tree()


def html(fragment: str, base_url: str) -> str:
    """Sanitized HTML of `fragment` with every URL absolute.

    Args:
        fragment: untrusted HTML (a body, a feed's content or summary).
        base_url: the page URL relative links resolve against (``<base>`` in the
            fragment is ignored: a hostile one could redirect every link).
    Returns:
        HTML holding only allow-listed tags and attributes, http/https/mailto
        URLs only, ``rel="noopener noreferrer nofollow"`` on links, no empty
        paragraphs; "" when nothing is left.
    """
    if not fragment:
        return ""
    root = _parse(fragment)
    if root is None:
        return ""
    _prepare(root, base_url)
    serialized = _inner_html(root)
    cleaned = _CLEANER.clean(serialized).strip()
    return strip_xml_illegal(cleaned)


def _inner_html(root: etree._Element) -> str:
    parts = [escape(root.text or "", quote=False)]
    parts.extend(etree.tostring(child, encoding="unicode", method="html", with_tail=True) for child in root)
    return "".join(parts)


def text(fragment: str) -> str:
    """Plain text of an HTML fragment: one line per block, no empty lines.

    Whitespace is collapsed within a line; leading full-width spaces (the
    Chinese paragraph indent) and no-break spaces are trimmed.
    """
    if not fragment:
        return ""
    root = _parse(fragment)
    if root is None:
        return ""
    for el in list(root.iter(*_DROP_WITH_CONTENT)):
        el.drop_tree()
    parts: list[str] = []
    _walk(root, parts)
    lines = []
    for line in "".join(parts).split("\n"):
        line = _SPACES.sub(" ", line).strip(_BLANK)
        if line:
            lines.append(line)
    return "\n".join(lines)


def _walk(el: etree._Element, out: list[str], pre: bool = False) -> None:
    tag = el.tag if isinstance(el.tag, str) else ""
    block = tag in _BLOCKS
    pre = pre or tag == "pre"
    if block:
        out.append("\n")
    if tag and el.text:
        out.append(el.text if pre else el.text.replace("\n", " "))
    for child in el:
        _walk(child, out, pre)
    if tag in _CELLS:
        out.append(" ")
    if block:
        out.append("\n")
    if el.tail:
        # the tail belongs to the parent, which may itself be inside <pre>
        out.append(el.tail if pre and tag != "pre" else el.tail.replace("\n", " "))
