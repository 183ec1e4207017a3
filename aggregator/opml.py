"""Read and write OPML subscription lists.

Owns: parsing OPML 1.0/2.0 exported by other feed readers into `OpmlEntry` values (nested
outlines give folders), refusing hostile files (DTDs with entities, billion laughs, external
entities, oversized or non-OPML input) without expanding anything, and rendering OPML 2.0 of the
configured sources. Pure: bytes in, values out; no disk, no network, no clock.

Does not own: deciding ids, duplicates or topics (configedit), reading the file (cli).
Export carries this aggregator's own fields as extra outline attributes (`aggregatorId`,
`aggregatorKind`, `aggregatorTopics`), which OPML 2.0 allows and other readers ignore, so that
export → import gives back the same sources.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from lxml import etree

from .errors import UsageError

MAX_BYTES = 10 * 1024 * 1024
MAX_DEPTH = 64
MAX_OUTLINES = 100_000
_ENTITY_RE = re.compile(rb"<!\s*ENTITY", re.I)


@dataclass(frozen=True, slots=True)
class OpmlEntry:
    """One subscription found in an OPML file."""

    url: str
    title: str | None = None
    html_url: str | None = None
    #: titles of the enclosing outlines, outermost first
    folders: tuple[str, ...] = ()
    #: this aggregator's own fields, present in files it exported
    id: str | None = None
    kind: str | None = None
    topics: tuple[str, ...] = ()
    enabled: bool = True


def _parser() -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
        recover=False,
    )


def _sniff_text(data: bytes) -> bytes:
    """The bytes to scan for declarations: UTF-16/32 files are turned into ASCII-comparable text."""
    for bom, enc in ((b"\xff\xfe\x00\x00", "utf-32-le"), (b"\x00\x00\xfe\xff", "utf-32-be"),
                     (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if data.startswith(bom):
            return data.decode(enc, "replace").encode("utf-8", "replace")
    if data[:4] in (b"<\x00?\x00", b"\x00<\x00?"):
        return data.decode("utf-16-le" if data[0] == 0x3C else "utf-16-be", "replace").encode("utf-8", "replace")
    return data


def _attr(el: etree._Element, *names: str) -> str | None:
    """An attribute by any capitalisation of the given names (xmlUrl, xmlurl, XMLURL …)."""
    wanted = [n.lower() for n in names]
    found = {}
    for k, v in el.attrib.items():
        key = k.split("}", 1)[-1].lower() if isinstance(k, str) else ""
        if key in wanted and v and v.strip():
            found.setdefault(key, v.strip())
    for n in wanted:
        if n in found:
            return found[n]
    return None


def parse(data: bytes) -> list[OpmlEntry]:
    """The subscriptions in an OPML file, in document order. Raises UsageError for a file that is
    too big, not XML, not OPML, or that carries a DOCTYPE or entity declarations."""
    if len(data) > MAX_BYTES:
        raise UsageError(f"OPML file too big: {len(data)} bytes (at most {MAX_BYTES})")
    if not data.strip():
        raise UsageError("not an OPML file: it is empty")
    head = _sniff_text(data)
    if _ENTITY_RE.search(head):
        raise UsageError("refusing OPML file: it declares XML entities (possible XML bomb or external entity)")
    try:
        root = etree.fromstring(data, _parser())
    except etree.XMLSyntaxError as e:
        raise UsageError(f"not an OPML file: not well-formed XML ({e})") from None
    except ValueError as e:  # lxml rejects some inputs (e.g. unicode with an encoding declaration)
        raise UsageError(f"not an OPML file: {e}") from None
    docinfo = root.getroottree().docinfo
    if docinfo.doctype or docinfo.internalDTD is not None or docinfo.externalDTD is not None:
        # no reader exports a DOCTYPE; one here is at best useless and at worst an attack
        raise UsageError("refusing OPML file: it carries a DOCTYPE declaration")
    if not isinstance(root.tag, str) or etree.QName(root).localname.lower() != "opml":
        name = etree.QName(root).localname if isinstance(root.tag, str) else "?"
        raise UsageError(f"not an OPML file: the root element is <{name}>, not <opml>")
    body = next((c for c in root if isinstance(c.tag, str) and etree.QName(c).localname.lower() == "body"), None)
    if body is None:
        raise UsageError("not an OPML file: it has no <body>")

    out: list[OpmlEntry] = []
    for count, el in enumerate(body.iter("{*}outline", "outline"), 1):
        if count > MAX_OUTLINES:
            raise UsageError(f"OPML file has more than {MAX_OUTLINES} outlines")
        url = _attr(el, "xmlUrl", "url")
        if not url:
            continue
        folders: list[str] = []
        parent = el.getparent()
        while parent is not None and parent is not body:
            if len(folders) >= MAX_DEPTH:
                raise UsageError(f"OPML outlines nested deeper than {MAX_DEPTH} levels")
            folder = _clean(_attr(parent, "title", "text"))
            if folder:
                folders.append(folder)
            parent = parent.getparent()
        out.append(OpmlEntry(
            url=url,
            title=_clean(_attr(el, "title", "text")),
            html_url=_attr(el, "htmlUrl"),
            folders=tuple(reversed(folders)),
            id=_attr(el, "aggregatorId"),
            kind=_attr(el, "aggregatorKind"),
            topics=tuple((_attr(el, "aggregatorTopics") or "").split()),
            enabled=(_attr(el, "aggregatorEnabled") or "true").lower() != "false",
        ))
    return out


def _clean(text: str | None) -> str | None:
    if text is None:
        return None
    text = " ".join(text.split())
    return text or None


def export(sources: Iterable[object], *, title: str = "aggregator sources") -> bytes:
    """OPML 2.0 of `sources` (config.SourceConfig or anything with id, url, name, kind, topics,
    enabled). Deterministic: no dates, attributes in a fixed order. Disabled sources are kept and
    marked with `aggregatorEnabled="false"`."""
    root = etree.Element("opml", version="2.0")
    head = etree.SubElement(root, "head")
    etree.SubElement(head, "title").text = title
    body = etree.SubElement(root, "body")
    for s in sources:
        name = getattr(s, "name", "") or getattr(s, "id", "") or s.url
        el = etree.SubElement(body, "outline")
        el.set("type", "rss")
        el.set("text", name)
        el.set("title", name)
        el.set("xmlUrl", s.url)
        el.set("htmlUrl", s.url)
        el.set("aggregatorId", s.id)
        el.set("aggregatorKind", getattr(s, "kind", "feed") or "feed")
        topics = tuple(getattr(s, "topics", ()) or ())
        if topics:
            el.set("aggregatorTopics", " ".join(topics))
        if getattr(s, "enabled", True) is False:
            el.set("aggregatorEnabled", "false")
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def import_fields(
    entries: Iterable[OpmlEntry], *, folders_as_topics: bool = False
) -> tuple[list[dict[str, object]], list[dict[str, str]]]:
    """(source fields, topics to create) for `configedit.add_sources`. Topics named by this
    aggregator's own export are asked for by id; with `folders_as_topics`, each entry's innermost
    folder becomes a topic too (named by its title)."""
    fields: list[dict[str, object]] = []
    topics: dict[str, dict[str, str]] = {}
    for e in entries:
        wanted: list[str] = []
        for tid in e.topics:
            topics.setdefault("id:" + tid, {"id": tid, "title": tid})
            wanted.append(tid)
        if folders_as_topics and e.folders:
            folder = e.folders[-1]
            topics.setdefault("title:" + folder, {"title": folder})
            wanted.append(folder)
        # an unnamed source is exported under its id; do not turn that into a name
        name = None if e.title and e.id and e.title == e.id else e.title
        f: dict[str, object] = {"url": e.url, "name": name, "id": e.id, "topics": wanted}
        if e.kind in ("feed", "html"):
            f["kind"] = e.kind
        if not e.enabled:
            f["enabled"] = False
        fields.append(f)
    return fields, list(topics.values())
