"""Scoring helpers for the HTML extraction corpus in tests/data/sites.

Owns: loading the corpus, checking it is self-consistent, comparing extractor
output with the `.expected.json` files (char-level F1 over non-whitespace
characters, as in the usual extraction benchmarks; date/title/publisher/origin
equality) and rendering a score table. Does not extract anything itself and
does not touch the network.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, tzinfo
from pathlib import Path
from typing import Any
from urllib.parse import urljoin
from zoneinfo import ZoneInfo

import lxml.html

CORPUS = Path(__file__).resolve().parent / "data" / "sites"
TZ = ZoneInfo("Asia/Shanghai")

#: author values that mean "nobody"; normalize drops them, so scoring does too
PLACEHOLDER_AUTHORS = {"佚名", "未知", "本网", "本站", "admin", "editor", "管理员", "匿名", "不详"}

_BLOCK = {"p", "div", "br", "li", "tr", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6",
          "table", "ul", "ol", "section", "article", "blockquote", "pre", "figure", "figcaption"}


@dataclass(frozen=True)
class Case:
    site: str
    name: str
    path: Path
    expected: dict[str, Any]

    @property
    def id(self) -> str:
        return f"{self.site}/{self.name}"

    @property
    def kind(self) -> str:
        return self.expected["kind"]

    def body(self) -> bytes:
        return self.path.read_bytes()


def load_cases(kind: str | None = None) -> list[Case]:
    cases = []
    for exp_path in sorted(CORPUS.glob("*/*.expected.json")):
        name = exp_path.name[: -len(".expected.json")]
        exp = json.loads(exp_path.read_text(encoding="utf-8"))
        case = Case(exp_path.parent.name, name, exp_path.with_name(name + ".html"), exp)
        if kind is None or case.kind == kind:
            cases.append(case)
    return cases


# ---------------------------------------------------------------- text

def _local_text(fragment: str) -> str:
    """Plain text with block elements as line breaks (used when aggregator.sanitize is absent)."""
    if not fragment or not fragment.strip():
        return ""
    root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    for bad in root.xpath("//script|//style"):
        bad.drop_tree()
    parts: list[str] = []

    def walk(el: Any) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag in _BLOCK:
            parts.append("\n")
        if el.text and tag:
            parts.append(el.text)
        for child in el:
            walk(child)
            if child.tail:
                parts.append(child.tail)
        if tag in _BLOCK:
            parts.append("\n")

    walk(root)
    lines = (re.sub(r"[ \t\u00a0\u3000]+", " ", ln).strip() for ln in "".join(parts).split("\n"))
    return "\n".join(ln for ln in lines if ln)


def html_text(fragment: str | None) -> str:
    if not fragment:
        return ""
    try:
        from aggregator import sanitize
    except ImportError:
        return _local_text(fragment)
    return sanitize.text(fragment)


def char_f1(got: str, expected: str) -> tuple[float, float, float]:
    """(precision, recall, F1) of the bags of non-whitespace characters."""
    g = Counter(c for c in got if not c.isspace())
    e = Counter(c for c in expected if not c.isspace())
    if not g and not e:
        return 1.0, 1.0, 1.0
    common = sum((g & e).values())
    if not common:
        return 0.0, 0.0, 0.0
    p, r = common / sum(g.values()), common / sum(e.values())
    return p, r, 2 * p * r / (p + r)


# ---------------------------------------------------------------- fields

def date_matches(got: datetime | None, expected: str | None, tz: tzinfo = TZ) -> bool:
    """Same instant; a date-only expectation compares the local date."""
    if expected is None:
        return got is None
    if got is None:
        return False
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", expected):
        return got.astimezone(tz).date() == date.fromisoformat(expected)
    want = datetime.fromisoformat(expected)
    return got.tzinfo is not None and got == want


def norm_author(a: str | None) -> str | None:
    if a is None:
        return None
    a = re.sub(r"^(作者|文|记者|By)\s*[:：]?\s*", "", a.strip(), flags=re.I).strip()
    return None if not a or a.lower() in PLACEHOLDER_AUTHORS else a


def norm(s: str | None) -> str | None:
    return None if s is None else re.sub(r"\s+", " ", s).strip() or None


def img_srcs(fragment: str | None) -> list[str]:
    if not fragment or not fragment.strip():
        return []
    root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    return [s for s in root.xpath("//img/@src")]


# ---------------------------------------------------------------- corpus consistency

def _decode(case: Case) -> str:
    data = case.body()
    cs = case.expected.get("charset")
    if not cs:
        m = re.search(rb"charset\s*=\s*[\"']?([A-Za-z0-9_-]+)", data[:2048])
        cs = m.group(1).decode() if m else None
    if cs and cs.lower().replace("-", "") in {"gb2312", "gbk", "gb18030"}:
        cs = "gb18030"
    try:
        return data.decode(cs or "utf-8")
    except UnicodeDecodeError:
        return data.decode("gb18030")


def _squash(s: str) -> str:
    return re.sub(r"\s+", "", s)


def validate_case(case: Case) -> list[str]:
    """Problems with the fixture itself (not with any extractor)."""
    probs: list[str] = []
    exp = case.expected
    text = _decode(case)
    doc = lxml.html.document_fromstring(text)
    page_text = _squash(doc.text_content())
    raw = _squash(text)
    if not text.lstrip().lower().startswith("<!doctype"):
        probs.append("no doctype")
    if case.kind == "article":
        if not exp["title"] or _squash(exp["title"]) not in page_text and _squash(exp["title"]) not in raw:
            probs.append("title not in page")
        for line in exp["text"].split("\n"):
            if _squash(line) not in page_text:
                probs.append(f"text line not in page: {line[:30]}")
        body_chars = len(_squash(exp["text"]))
        if not 250 <= body_chars <= 2600:
            probs.append(f"body length {body_chars}")
        for bad in exp["must_not_contain"]:
            if bad in exp["text"]:
                probs.append(f"expected text contains forbidden {bad!r}")
            if _squash(bad) not in page_text and bad not in text:
                probs.append(f"forbidden {bad!r} not on the page (useless check)")
        for u in exp["images"] + exp["enclosures"]:
            if not u.startswith(("http://", "https://")):
                probs.append(f"not absolute: {u}")
            if u.rsplit("/", 1)[-1] not in text:
                probs.append(f"asset not on page: {u}")
        for key in ("publisher", "origin_url"):
            if exp[key] and _squash(exp[key]) not in raw:
                probs.append(f"{key} not on page")
        if exp["published"]:
            datetime.fromisoformat(exp["published"])
    else:
        hrefs = {urljoin(exp["url"], h) for h in doc.xpath("//a/@href")}
        for link in exp["links"]:
            if _squash(link["title"]) not in raw:
                probs.append(f"link title not on page: {link['title'][:20]}")
            if link["url"] not in hrefs and link["url"].split("/", 3)[-1] not in text:
                probs.append(f"link url not on page: {link['url']}")
        for u in exp["forbidden_links"]:
            if u in {lk["url"] for lk in exp["links"]}:
                probs.append(f"forbidden link is expected: {u}")
            if u not in hrefs:
                probs.append(f"forbidden link not on page: {u}")
    return probs


# ---------------------------------------------------------------- running the extractor

def score_article(case: Case, scrape: Any, selectors: Any, tz: tzinfo = TZ) -> dict[str, Any]:
    exp = case.expected
    row: dict[str, Any] = {"id": case.id, "kind": "article"}
    try:
        item = scrape.article(case.body(), exp["url"], selectors=selectors, charset=exp["charset"], tz=tz)
    except Exception as e:  # a crash is a score of zero, not a crash of the table
        row.update(error=f"{type(e).__name__}: {e}", f1=0.0, title=False, date=False, publisher=False,
                   origin=False, author=False, assets=False, clean=False)
        return row
    got_text = html_text(item.html)
    p, r, f1 = char_f1(got_text, exp["text"])
    srcs = img_srcs(item.html)
    encl = {e.url for e in item.enclosures}
    row.update(
        error=None, item=item, text=got_text, precision=p, recall=r, f1=f1,
        title=norm(item.title) == norm(exp["title"]),
        date=date_matches(item.published, exp["published"], tz),
        date_only_flag=item.date_only == bool(exp["published"] and len(exp["published"]) == 10),
        publisher=norm(item.publisher) == norm(exp["publisher"]),
        origin=(item.via or None) == exp["origin_url"],
        author=norm_author(item.author) == exp["author"],
        category=exp["category"] is None or exp["category"] in item.categories,
        missing_images=[u for u in exp["images"] if u not in srcs],
        missing_enclosures=[u for u in exp["enclosures"] if u not in encl],
        leaked=[s for s in exp["must_not_contain"] if s in got_text],
    )
    row["assets"] = not row["missing_images"] and not row["missing_enclosures"]
    row["clean"] = not row["leaked"]
    return row


def score_list(case: Case, scrape: Any, tz: tzinfo = TZ) -> dict[str, Any]:
    exp = case.expected
    row: dict[str, Any] = {"id": case.id, "kind": "list"}
    try:
        page = scrape.list_page(case.body(), exp["url"], charset=exp["charset"], tz=tz)
    except Exception as e:
        row.update(error=f"{type(e).__name__}: {e}", recall=0.0, precision=0.0, titles=False, dates=False,
                   next=False)
        return row
    got = {lk.url: lk for lk in page.links}
    want = {lk["url"]: lk for lk in exp["links"]}
    found = [u for u in want if u in got]
    row.update(
        error=None, page=page,
        recall=len(found) / len(want),
        precision=(len([u for u in got if u in want]) / len(got)) if got else 0.0,
        missing=[u for u in want if u not in got],
        extra=[u for u in got if u not in want],
        forbidden=[u for u in exp["forbidden_links"] if u in got],
        bad_titles=[(u, got[u].title) for u in found if norm(got[u].title) != norm(want[u]["title"])],
        bad_dates=[(u, got[u].published) for u in found
                   if want[u]["published"] and not date_matches(got[u].published, want[u]["published"], tz)],
        missing_next=[u for u in exp["next_pages"] if u not in page.next_pages],
    )
    row["titles"] = not row["bad_titles"]
    row["dates"] = not row["bad_dates"]
    row["next"] = not row["missing_next"]
    return row


def run_corpus(tz: tzinfo = TZ) -> tuple[list[dict[str, Any]], dict[str, float]]:
    """Run the extractor over every page; return per-page rows and a summary."""
    from aggregator import scrape
    from aggregator.config import Selectors

    rows = [score_article(c, scrape, Selectors(), tz) if c.kind == "article" else score_list(c, scrape, tz)
            for c in load_cases()]
    arts = [r for r in rows if r["kind"] == "article"]
    lists = [r for r in rows if r["kind"] == "list"]

    def mean(rs: list[dict[str, Any]], k: str) -> float:
        return sum(float(r[k]) for r in rs) / len(rs) if rs else 0.0

    summary = {
        "articles": len(arts), "lists": len(lists),
        "mean_f1": mean(arts, "f1"), "f1>=0.95": mean([{"x": r["f1"] >= 0.95} for r in arts], "x"),
        "title": mean(arts, "title"), "date": mean(arts, "date"), "publisher": mean(arts, "publisher"),
        "origin": mean(arts, "origin"), "author": mean(arts, "author"), "assets": mean(arts, "assets"),
        "clean": mean(arts, "clean"),
        "list_recall": mean(lists, "recall"), "list_precision": mean(lists, "precision"),
        "list_titles": mean(lists, "titles"), "list_dates": mean(lists, "dates"), "list_next": mean(lists, "next"),
    }
    return rows, summary


def format_table(rows: list[dict[str, Any]], summary: dict[str, float]) -> str:
    ok = lambda b: "ok" if b else "--"  # noqa: E731
    out = [f"{'article':34} {'F1':>5} {'P':>5} {'R':>5} title date pub  orig auth asset clean"]
    for r in rows:
        if r["kind"] != "article":
            continue
        if r.get("error"):
            out.append(f"{r['id']:34} ERROR {r['error'][:70]}")
            continue
        out.append(f"{r['id']:34} {r['f1']:5.3f} {r['precision']:5.3f} {r['recall']:5.3f} "
                   f"{ok(r['title']):5} {ok(r['date']):4} {ok(r['publisher']):4} {ok(r['origin']):4} "
                   f"{ok(r['author']):4} {ok(r['assets']):5} {ok(r['clean'])}")
    out.append(f"{'list':34} {'rec':>5} {'prec':>5} titles dates next")
    for r in rows:
        if r["kind"] != "list":
            continue
        if r.get("error"):
            out.append(f"{r['id']:34} ERROR {r['error'][:70]}")
            continue
        out.append(f"{r['id']:34} {r['recall']:5.2f} {r['precision']:5.2f} {ok(r['titles']):6} "
                   f"{ok(r['dates']):5} {ok(r['next'])}")
    out.append("summary: " + ", ".join(f"{k}={v:.3f}" if isinstance(v, float) else f"{k}={v}"
                                       for k, v in summary.items()))
    return "\n".join(out)


if __name__ == "__main__":
    print(format_table(*run_corpus()))


def load_dir(directory: Path, label: str) -> list[Case]:
    """Every `<name>.expected.json` in `directory` with its `<name>.html`, as cases named `label`."""
    cases = []
    for p in sorted(directory.glob("*.expected.json")):
        name = p.name[: -len(".expected.json")]
        cases.append(Case(label, name, p.with_name(name + ".html"), json.loads(p.read_text("utf-8"))))
    return cases


def summarize_articles(rows: list[dict[str, Any]]) -> dict[str, float]:
    """Mean of each article score over `rows`, plus the share of pages with F1 ≥ 0.95."""

    def mean(k: str) -> float:
        return sum(float(r[k]) for r in rows) / len(rows) if rows else 0.0

    summary = {"articles": len(rows), "mean_f1": mean("f1"),
               "f1>=0.95": sum(r["f1"] >= 0.95 for r in rows) / len(rows) if rows else 0.0}
    for k in ("title", "date", "publisher", "origin", "author", "assets", "clean"):
        summary[k] = mean(k)
    return summary
