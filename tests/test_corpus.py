"""The HTML extraction corpus (tests/data/sites) against aggregator.scrape.

Per page: article fields and body text, or list links/dates/pager, compared with
`<page>.expected.json`. `test_corpus_table` prints the score table (run with -s).
"""

from __future__ import annotations

import corpus_score as cs
import pytest

ARTICLES = cs.load_cases("article")
LISTS = cs.load_cases("list")


@pytest.fixture(scope="module")
def scrape():
    from aggregator import scrape as mod  # errors until scrape.py exists: intended

    return mod


@pytest.mark.parametrize("case", ARTICLES + LISTS, ids=lambda c: c.id)
def test_fixture_is_consistent(case: cs.Case) -> None:
    assert cs.validate_case(case) == []


def test_corpus_size() -> None:
    assert len(ARTICLES) >= 22 and len(LISTS) >= 7


@pytest.mark.parametrize("case", ARTICLES, ids=lambda c: c.id)
def test_article(case: cs.Case, scrape) -> None:
    from aggregator.config import Selectors

    r = cs.score_article(case, scrape, Selectors())
    assert r["error"] is None, r["error"]
    item, exp = r["item"], case.expected
    assert item.link == exp["url"]
    assert cs.norm(item.title) == cs.norm(exp["title"])
    assert r["date"], f"published {item.published!r}, want {exp['published']}"
    assert cs.norm(item.publisher) == cs.norm(exp["publisher"])
    assert item.via == exp["origin_url"]
    assert r["leaked"] == [], f"boilerplate in body: {r['leaked']}"
    assert r["f1"] >= 0.95, f"F1 {r['f1']:.3f} (P {r['precision']:.3f} R {r['recall']:.3f})\n{r['text']}"
    assert r["missing_images"] == [], r["missing_images"]
    assert r["missing_enclosures"] == [], r["missing_enclosures"]
    for e in item.enclosures:
        assert e.url.startswith(("http://", "https://"))


@pytest.mark.parametrize("case", LISTS, ids=lambda c: c.id)
def test_list(case: cs.Case, scrape) -> None:
    r = cs.score_list(case, scrape)
    assert r["error"] is None, r["error"]
    assert r["missing"] == [], f"missing links: {r['missing']}"
    assert r["forbidden"] == [] and r["extra"] == [], f"nav/sidebar links picked: {r['extra']}"
    assert r["bad_titles"] == []
    assert r["bad_dates"] == []
    assert r["missing_next"] == [], f"next pages {r['page'].next_pages}"


def test_corpus_table(scrape) -> None:
    rows, summary = cs.run_corpus()
    print()
    print(cs.format_table(rows, summary))
    assert summary["articles"] == len(ARTICLES)
