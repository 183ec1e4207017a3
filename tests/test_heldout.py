"""The held-out extraction corpus (tests/data/heldout) against aggregator.scrape.

These pages were written after the extractor was tuned on tests/data/sites and
model other real layouts (people/chinanews/163/sina/thepaper/qq/news.cn, court
and procuratorate sites, Hanweb/TRS/JCMS government sites, old table layouts in
GBK, gov.uk/BBC/Reuters-like English pages, WordPress and Discuz portals). The
scoring is corpus_score's; `test_heldout_table` prints the table (run with -s,
or `python tests/test_heldout.py`).
"""

from __future__ import annotations

import html
import re
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(1, str(Path(__file__).resolve().parent.parent))
import corpus_score as cs  # noqa: E402

HELDOUT = Path(__file__).resolve().parent / "data" / "heldout"

#: pages whose F1 may sit in [0.9, 0.95): the judgement of what belongs to the body is debatable
LENIENT = {
    "js-short-notice": "one sentence + attachment line: every stray character weighs a lot",
}


#: known failures, kept visible (strict: the mark must go when the extractor learns the case)
KNOWN_GAPS: dict[str, str] = {}


CASES = cs.load_dir(HELDOUT, "heldout")
ARTICLES = [c for c in CASES if c.kind == "article"]
LISTS = [c for c in CASES if c.kind == "list"]


def run() -> tuple[list[dict], dict[str, float]]:
    from aggregator import scrape
    from aggregator.config import Selectors

    rows = [cs.score_article(c, scrape, Selectors()) if c.kind == "article" else cs.score_list(c, scrape)
            for c in CASES]
    arts = [r for r in rows if r["kind"] == "article"]
    lists = [r for r in rows if r["kind"] == "list"]

    def mean(rs: list[dict], k: str) -> float:
        return sum(float(r[k]) for r in rs) / len(rs) if rs else 0.0

    summary = {"articles": len(arts), "lists": len(lists), "mean_f1": mean(arts, "f1"),
               "f1>=0.95": sum(r["f1"] >= 0.95 for r in arts) / len(arts)}
    for k in ("title", "date", "publisher", "origin", "author", "assets", "clean"):
        summary[k] = mean(arts, k)
    for k in ("recall", "precision", "titles", "dates", "next"):
        summary["list_" + k] = mean(lists, k)
    return rows, summary


def test_heldout_size() -> None:
    assert len(ARTICLES) >= 16 and len(LISTS) >= 4


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_fixture_is_consistent(case: cs.Case) -> None:
    # real short news items are common: the first corpus's 250-char floor is lowered to 150
    # (to 50 for pages marked short), and asset URLs are compared with entities decoded
    floor = 50 if case.expected.get("short") else 150
    page = html.unescape(case.body().decode("gb18030", "replace"))
    probs = []
    for p in cs.validate_case(case):
        m = re.fullmatch(r"body length (\d+)", p)
        if m and int(m.group(1)) >= floor:
            continue
        if p.startswith("asset not on page: ") and p.split(": ", 1)[1].rsplit("/", 1)[-1] in page:
            continue
        probs.append(p)
    assert probs == []


@pytest.mark.parametrize("case", [pytest.param(c, marks=pytest.mark.xfail(reason=KNOWN_GAPS[c.name], strict=True))
                                  if c.name in KNOWN_GAPS else c for c in ARTICLES], ids=lambda c: c.name)
def test_article(case: cs.Case) -> None:
    from aggregator import scrape
    from aggregator.config import Selectors

    r = cs.score_article(case, scrape, Selectors())
    assert r["error"] is None, r["error"]
    item, exp = r["item"], case.expected
    assert item.link == exp["url"]
    assert cs.norm(item.title) == cs.norm(exp["title"])
    assert r["date"], f"published {item.published!r}, want {exp['published']}"
    assert cs.norm(item.publisher) == cs.norm(exp["publisher"])
    assert item.via == exp["origin_url"]
    assert cs.norm_author(item.author) == exp["author"]
    assert r["leaked"] == [], f"boilerplate in body: {r['leaked']}"
    floor = 0.9 if case.name in LENIENT else 0.95
    assert r["f1"] >= floor, f"F1 {r['f1']:.3f} (P {r['precision']:.3f} R {r['recall']:.3f})\n{r['text']}"
    assert r["missing_images"] == [], r["missing_images"]
    assert r["missing_enclosures"] == [], r["missing_enclosures"]


@pytest.mark.parametrize("case", [pytest.param(c, marks=pytest.mark.xfail(reason=KNOWN_GAPS[c.name], strict=True))
                                  if c.name in KNOWN_GAPS else c for c in LISTS], ids=lambda c: c.name)
def test_list(case: cs.Case) -> None:
    from aggregator import scrape

    r = cs.score_list(case, scrape)
    assert r["error"] is None, r["error"]
    assert r["missing"] == [], f"missing links: {r['missing']}"
    assert r["forbidden"] == [] and r["extra"] == [], f"nav/sidebar links picked: {r['extra']}"
    assert r["bad_titles"] == []
    assert r["bad_dates"] == []
    assert r["missing_next"] == [], f"next pages {r['page'].next_pages}"


def test_heldout_table() -> None:
    rows, summary = run()
    print()
    print(cs.format_table(rows, summary))
    assert summary["articles"] == len(ARTICLES)


if __name__ == "__main__":
    print(cs.format_table(*run()))
