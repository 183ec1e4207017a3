"""The second held-out corpus (tests/data/heldout2) against aggregator.scrape.

Pages reproduce REAL layouts read in public scraper fixtures (mee.gov.cn TRS with
duplicated mobile/PC metadata, people.com.cn rm_txt_con with a script in the first
paragraph, chinanews left_zw, news.cn #detailContent, gov.cn pages-date, xxgk
metadata tables, sohu mp-editor, cctv content_area, css-module class names, a
footer .TRS_Editor) at real weight: 150–210 KB pages with mega-menus, hundreds of
footer links, 1,200-link sidebars and big script/style blobs. `noart-*` pages
(home page, soft 404, login wall) must not yield the navigation as an article.
Also a speed budget per page. Run `python tests/test_heldout2.py` for the table.
"""

from __future__ import annotations

import html
import re
import sys
import time
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(1, str(Path(__file__).resolve().parent.parent))
import corpus_score as cs  # noqa: E402

HERE = Path(__file__).resolve().parent / "data" / "heldout2"

#: known failures, kept visible (strict: the mark must go when the extractor learns the case)
KNOWN_GAPS: dict[str, str] = {}


CASES = cs.load_dir(HERE, "heldout2")
ARTICLES = [c for c in CASES if c.kind == "article"]
NOART = [c for c in CASES if c.kind == "noarticle"]


def run() -> tuple[list[dict], dict[str, float]]:
    from aggregator import scrape
    from aggregator.config import Selectors

    rows = [cs.score_article(c, scrape, Selectors()) for c in ARTICLES]
    summary = cs.summarize_articles(rows)
    return rows, summary


def test_heldout2_size() -> None:
    assert len(ARTICLES) >= 12 and len(NOART) >= 3
    assert sum(c.path.stat().st_size >= 150_000 for c in ARTICLES) >= 3


@pytest.mark.parametrize("case", ARTICLES, ids=lambda c: c.name)
def test_fixture_is_consistent(case: cs.Case) -> None:
    page = html.unescape(case.body().decode("gb18030", "replace"))
    probs = []
    for p in cs.validate_case(case):
        if re.fullmatch(r"body length (\d+)", p) and int(p.split()[-1]) >= 150:
            continue
        if p.startswith("asset not on page: ") and p.split(": ", 1)[1].rsplit("/", 1)[-1] in page:
            continue
        probs.append(p)
    assert probs == []


def _marked(cases: list[cs.Case]) -> list:
    return [pytest.param(c, marks=pytest.mark.xfail(reason=KNOWN_GAPS[c.name], strict=True))
            if c.name in KNOWN_GAPS else c for c in cases]


@pytest.mark.parametrize("case", _marked(ARTICLES), ids=lambda c: c.name)
def test_article(case: cs.Case) -> None:
    from aggregator import scrape
    from aggregator.config import Selectors

    r = cs.score_article(case, scrape, Selectors())
    assert r["error"] is None, r["error"]
    item, exp = r["item"], case.expected
    assert cs.norm(item.title) == cs.norm(exp["title"])
    assert r["date"], f"published {item.published!r}, want {exp['published']}"
    assert cs.norm(item.publisher) == cs.norm(exp["publisher"])
    assert item.via == exp["origin_url"]
    assert cs.norm_author(item.author) == exp["author"]
    assert r["leaked"] == [], f"boilerplate in body: {r['leaked']}"
    assert r["f1"] >= 0.95, f"F1 {r['f1']:.3f} (P {r['precision']:.3f} R {r['recall']:.3f})\n{r['text']}"
    assert r["missing_enclosures"] == [], r["missing_enclosures"]


@pytest.mark.parametrize("case", NOART, ids=lambda c: c.name)
def test_not_an_article(case: cs.Case) -> None:
    from aggregator import scrape
    from aggregator.errors import ExtractError

    try:
        item = scrape.article(case.body(), case.expected["url"], tz=cs.TZ)
    except ExtractError:
        return
    text = cs.html_text(item.html)
    assert len(re.sub(r"\s", "", text)) <= 200, text[:300]
    assert not [s for s in case.expected["must_not_contain"] if s in text]


def _best_ms(body: bytes, url: str, charset: str | None) -> float:
    from aggregator import scrape

    best = 1e9
    for _ in range(3):
        t0 = time.perf_counter()
        try:
            scrape.article(body, url, charset=charset, tz=cs.TZ)
        except Exception:  # noqa: BLE001 - timing only; correctness is tested above
            pass
        best = min(best, (time.perf_counter() - t0) * 1000)
    return best


@pytest.mark.parametrize("case", ARTICLES + NOART, ids=lambda c: c.name)
def test_speed(case: cs.Case) -> None:
    # the target is < 50 ms per 100 KB; the bound is loose for slow shared CI machines
    ms = _best_ms(case.body(), case.expected["url"], case.expected.get("charset"))
    budget = 150 * max(1.0, case.path.stat().st_size / 100_000)
    assert ms < budget, f"{ms:.0f} ms for {case.path.stat().st_size // 1024} KB"


def test_heldout2_table() -> None:
    rows, summary = run()
    print()
    print(cs.format_table(rows, summary))
    assert summary["articles"] == len(ARTICLES)


if __name__ == "__main__":
    rows, summary = run()
    print(cs.format_table(rows, summary))
    for c in ARTICLES + NOART:
        print(f"{c.name:28} {c.path.stat().st_size // 1024:4d} KB {_best_ms(c.body(), c.expected['url'], c.expected.get('charset')):7.1f} ms")
