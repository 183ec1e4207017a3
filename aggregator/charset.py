"""Bytes → text for fetched pages and feeds, without mojibake.

Owns: choosing the encoding of a body (forced, BOM, HTTP header, ``<meta>`` in the
head, XML declaration, then charset-normalizer) and the GB2312/GBK → GB18030 rule.
Does not own: fetching, or parsing the decoded text. Pure; never raises.
"""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

#: how much of the body is searched for <meta charset> / the XML declaration
HEAD_BYTES = 4096
#: charset-normalizer is given at most this much; a page's first part decides
DETECT_BYTES = 256 * 1024

# GB18030 is a strict superset of GB2312 and GBK, and sites labelled "gb2312"
# routinely use GBK-only characters (RSSHub #16388, #22075).
_GB = {"gb2312", "gbk", "gb_2312-80", "gb2312-80", "gb_2312", "csgb2312", "x-gbk", "cp936",
       "ms936", "windows-936", "euc-cn", "euccn", "chinese", "iso-ir-58", "gb18030"}
# Labels servers send by default rather than by knowledge; a body that is valid
# UTF-8 beats them (WHATWG also reads latin-1/ascii labels as windows-1252).
_WEAK = {"iso-8859-1", "latin-1", "latin1", "l1", "us-ascii", "ascii", "windows-1252", "cp1252",
         "iso8859-1", "iso_8859-1"}

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_META_RE = re.compile(rb"<meta\b[^>]*?charset\s*=\s*[\"']?\s*([A-Za-z0-9._:-]+)", re.I)
_XML_DECL_RE = re.compile(rb"^\s*<\?xml\b[^>]*?\bencoding\s*=\s*[\"']([A-Za-z0-9._:-]+)[\"']", re.I)
_HEAD_END_RE = re.compile(rb"</head\s*>|<body\b", re.I)


def decode(body: bytes, *, header_charset: str | None = None, forced: str | None = None) -> tuple[str, str]:
    """Decode `body`; returns (text, Python codec name used).

    A declared charset (header, meta, XML declaration) is used only if the body
    decodes with it strictly; otherwise the next clue is tried, then detection.
    A body that is valid multi-byte UTF-8 is read as UTF-8 even when labelled
    otherwise: legacy CJK text is essentially never valid UTF-8 by accident.
    """
    if forced:
        enc = normalize(forced)
        if enc:
            return body.decode(enc, errors="replace"), enc
    for bom, enc in _BOMS:
        if body.startswith(bom):
            return body[len(bom):].decode(enc, errors="replace"), enc
    utf8 = _strict(body, "utf-8")
    if utf8 is not None and body.isascii():
        return utf8, "utf-8"
    utf8_wins = utf8 is not None and _plausible_utf8(utf8)
    for label in (header_charset, *declared(body)):
        enc = normalize(label)
        if not enc:
            continue
        if utf8_wins:
            return utf8, "utf-8"  # type: ignore[return-value]
        if enc == "utf-8":
            continue  # valid but implausible UTF-8: GBK bytes under a wrong label
        text = _strict(body, enc)
        if text is None:
            continue
        if label and label.strip().lower() in _WEAK:
            detected = _detect(body)
            if detected and detected[1] == "gb18030":
                return detected
        return text, enc
    if utf8_wins:
        return utf8, "utf-8"  # type: ignore[return-value]
    return _detect(body) or (body.decode("utf-8", errors="replace"), "utf-8")


_NON_ASCII_RE = re.compile(r"[^\x00-\x7f]")
# outside Latin, general punctuation, CJK, Hangul, full-width forms and emoji: scripts a
# Chinese page does not mix in, where GBK bytes read as UTF-8 land
_ODD_RE = re.compile(
    "[^\x00-\u024f\u2000-\u206f\u2e80-\u9fff\uac00-\ud7af\uff00-\uffef\u3000-\u30ff\U0001f000-\U0010ffff]"
)


def _plausible_utf8(text: str) -> bool:
    """Valid UTF-8 that reads as CJK or Latin text, not as GBK bytes seen through UTF-8.

    Short GBK strings can be valid UTF-8 by accident ("通知" decodes to U+0368
    U+05AA), but they then land in scripts no Chinese page mixes in.
    """
    if text.isascii() or not _ODD_RE.search(text):
        return True
    total = len(_NON_ASCII_RE.findall(text))
    odd = len(_ODD_RE.findall(text))
    return odd * 2 < total


def declared(body: bytes) -> list[str]:
    """Charsets the document names for itself: `<meta>` in the head, then the XML declaration."""
    head = body[:HEAD_BYTES]
    end = _HEAD_END_RE.search(head)
    if end:
        head = head[: end.start()]
    found = [m.group(1).decode("ascii") for m in _META_RE.finditer(head)]
    m = _XML_DECL_RE.match(body[:HEAD_BYTES])
    if m:
        found.append(m.group(1).decode("ascii"))
    return found


def normalize(label: str | None) -> str | None:
    """A charset label → Python codec name (GB2312/GBK → gb18030), or None if unknown."""
    if not label:
        return None
    name = label.strip().strip("\"'").lower()
    if name in _GB:
        return "gb18030"
    if name in {"utf8", "utf-8", "unicode-1-1-utf-8", "x-unicode20utf8"}:
        return "utf-8"
    if name in {"big5", "big5-hkscs", "x-x-big5"}:
        return "big5hkscs"
    try:
        codec = codecs.lookup(name)
    except (LookupError, ValueError):
        return None
    if codec.name in {"utf-16", "utf-32"}:  # without a BOM these labels are usually lies
        return None
    return codec.name


def _strict(body: bytes, enc: str) -> str | None:
    try:
        return body.decode(enc)
    except (UnicodeDecodeError, LookupError):
        return None


def _detect(body: bytes) -> tuple[str, str] | None:
    try:
        best = from_bytes(body[:DETECT_BYTES]).best()
    except Exception:  # detection is a heuristic; any failure means "no opinion"
        return None
    if best is None:
        return None
    enc = normalize(best.encoding)
    if enc is None or enc.startswith(("utf-16", "utf-32")):
        # without a BOM these guesses come from short texts; GB18030 is the likelier truth here
        gb = _strict(body, "gb18030")
        return (gb, "gb18030") if gb is not None else None
    # Chinese sources: a CJK-looking guess is most often GBK mislabelled as a sibling.
    if enc in {"big5hkscs", "euc_jp", "shift_jis", "cp932", "euc_kr", "cp949", "hz", "utf-8"}:
        gb = _strict(body, "gb18030")
        if gb is not None:
            return gb, "gb18030"
    return body.decode(enc, errors="replace"), enc
