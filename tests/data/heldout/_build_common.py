"""Helpers for the held-out corpus builder (not part of the aggregator).

The held-out pages are written independently of tests/data/sites: each page
and its `.expected.json` come from the same paragraph lists so they cannot
drift. Run `python tests/data/heldout/_build.py` to rewrite the corpus.
"""

from __future__ import annotations

import json
from pathlib import Path

HERE = Path(__file__).resolve().parent
PAGES: list[tuple[str, bytes, dict]] = []


def paras(texts: list[str], tpl: str = "<p>{}</p>") -> str:
    return "\n".join(tpl.format(t) for t in texts)


def article(name: str, html: str, *, url: str, title: str, published: str | None, text: list[str],
            must_not: list[str], publisher: str | None = None, origin: str | None = None,
            author: str | None = None, category: str | None = None, images: list[str] | None = None,
            enclosures: list[str] | None = None, charset: str | None = None, encoding: str = "utf-8",
            features: list[str] | None = None, short: bool = False) -> None:
    exp = {
        "kind": "article", "url": url, "charset": charset, "title": title, "published": published,
        "author": author, "publisher": publisher, "origin_url": origin, "category": category,
        "text": "\n".join(text), "must_not_contain": must_not, "enclosures": enclosures or [],
        "images": images or [], "features": features or [], "short": short,
    }
    PAGES.append((name, html.encode(encoding), exp))


def listing(name: str, html: str, *, url: str, links: list[tuple[str, str, str | None]],
            forbidden: list[str], next_pages: list[str], charset: str | None = None,
            encoding: str = "utf-8", features: list[str] | None = None) -> None:
    exp = {
        "kind": "list", "url": url, "charset": charset,
        "links": [{"url": u, "title": t, "published": d} for u, t, d in links],
        "forbidden_links": forbidden, "next_pages": next_pages, "features": features or [],
    }
    PAGES.append((name, html.encode(encoding), exp))


def write_all() -> None:
    for name, data, exp in PAGES:
        (HERE / f"{name}.html").write_bytes(data)
        (HERE / f"{name}.expected.json").write_text(
            json.dumps(exp, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {len(PAGES)} pages to {HERE}")
