"""HTML portal pages → article links and articles (the `scrape` contract of docs/design.md).

Owns: the public facade — `list_page`, `article`, `page_title` and the
`ListLink`/`ListPage` types. Bytes are decoded with `charset.decode` (a forced
`encoding` wins over everything) and parsed with lxml; the work is done in
`scrape_lists` (link blocks, script rows, pagers) and `scrape_article` /
`scrape_body` (fields and body). Pure: no network, no disk, no clock.
Does not own: fetching, sanitizing (normalize/sanitize) or deduplication.
"""

from __future__ import annotations

from datetime import tzinfo

from .config import Selectors
from .errors import ExtractError
from .model import RawItem
from .scrape_article import article as _article
from .scrape_common import page_title_text, parse_document
from .scrape_lists import ListLink, ListPage
from .scrape_lists import list_page as _list_page

__all__ = ["ListLink", "ListPage", "article", "list_page", "page_title"]


def list_page(
    body: bytes,
    url: str,
    *,
    selector: str | None = None,
    next_selector: str | None = None,
    charset: str | None = None,
    encoding: str | None = None,
    tz: tzinfo,
) -> ListPage:
    """The article links of a list (column) page and the URLs of its next pages.

    Raises ExtractError when the page has no article links.
    """
    doc = parse_document(body, charset, encoding)
    return _list_page(doc, url, selector=selector, next_selector=next_selector, tz=tz)


def article(
    body: bytes,
    url: str,
    *,
    selectors: Selectors | None = None,
    charset: str | None = None,
    encoding: str | None = None,
    tz: tzinfo,
    found_on: str | None = None,
) -> RawItem:
    """One article page as a RawItem (html unsanitized, links absolute, provenance per field).

    Raises ExtractError when the page has no article text.
    """
    doc = parse_document(body, charset, encoding)
    return _article(doc, url, selectors=selectors or Selectors(), tz=tz, found_on=found_on)


def page_title(body: bytes, charset: str | None = None) -> str | None:
    """The page's `<title>`, whitespace-normalized, for naming a new source."""
    try:
        doc = parse_document(body, charset)
    except ExtractError:
        return None
    return page_title_text(doc)
