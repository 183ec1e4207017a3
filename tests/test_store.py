"""The store: merge semantics, indexes, retention, round trips, concurrent writers."""

from __future__ import annotations

import hashlib
import json
import multiprocessing
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from aggregator import store as store_mod
from aggregator.model import Enclosure, Item, Sighting, SourceState
from aggregator.store import Store, merge
from aggregator.store_codec import item_in, item_out, state_in, state_out

CST = timezone(timedelta(hours=8))
T0 = datetime(2026, 3, 1, 10, 0, tzinfo=CST)


def sighting(source: str = "a", url: str = "https://a.gov.cn/1.html", *, at: datetime = T0,
             extractor: str = "feed") -> Sighting:
    return Sighting(source_id=source, source_name=source.upper(), url=url, found_on="https://a.gov.cn/",
                    feed_title="Feed", feed_link="https://a.gov.cn/", feed_id="urn:a",
                    extractor=extractor, fetched_at=at)


def make(n: int | str, *, source: str = "a", text: str = "body", title: str | None = None,
         published: datetime | None = T0, keys: tuple[str, ...] | None = None,
         url: str | None = None, extractor: str = "feed", at: datetime = T0) -> Item:
    url = url or f"https://{source}.gov.cn/{n}.html"
    keys = keys or (f"url:{url}", f"guid:{source}:{n}")
    title = title or f"title {n}"
    return Item(
        id=hashlib.sha256(keys[0].encode()).hexdigest()[:32], keys=keys, url=url, title=title,
        published=published, updated=published or T0, author=None, publisher=None, origin_url=None,
        origin_published=None, content=f"<p>{text}</p>", text=text,
        content_hash=hashlib.sha256((title + text).encode()).hexdigest(),
        sightings=(sighting(source, url, at=at, extractor=extractor),),
    )


def state(source: str = "a") -> SourceState:
    return SourceState(source_id=source, last_attempt=T0, last_success=T0)


def everything(item: Item) -> tuple[str, ...]:
    return ("all",)


def by_word(item: Item) -> tuple[str, ...]:
    return tuple(w for w in ("alpha", "beta") if w in item.text)


@pytest.fixture
def st(tmp_path: Path):
    with Store(tmp_path / "data") as s:
        yield s


def test_codec_round_trips_exactly() -> None:
    it = make(1)
    it = Item(**{**{f: getattr(it, f) for f in it.__dataclass_fields__},
                 "enclosures": (Enclosure("https://a.gov.cn/x.pdf", "application/pdf", 10, "附件"),),
                 "categories": ("政策",), "summary": "s", "date_only": True, "first_seen": T0,
                 "origin_published": datetime(2020, 1, 27, tzinfo=timezone.utc)})
    back = item_in(json.loads(json.dumps(item_out(it))))
    assert back == it
    assert back.published.utcoffset() == timedelta(hours=8)
    s = SourceState("a", last_attempt=T0, next_poll=T0, etag='W/"x"', items=3, extra={"k": "v"})
    assert state_in(json.loads(json.dumps(state_out(s)))) == s


def test_new_then_seen(st: Store) -> None:
    r = st.commit("a", [make(1), make(2)], state(), now=T0, classify=everything)
    assert [i.id for i in r.new] == [make(1).id, make(2).id] and r.seen == 0 and r.topics == ("all",)
    assert r.new[0].first_seen == T0
    r = st.commit("a", [make(1), make(2)], state(), now=T0 + timedelta(hours=1), classify=everything)
    assert r.new == () and r.updated == () and r.seen == 2 and r.topics == ()
    assert st.count() == 2
    assert st.get_state("a").items == 2
    assert st.get(make(1).id) == r_new_first(st)


def r_new_first(st: Store) -> Item:
    got = st.get(make(1).id)
    assert got is not None
    return got


def test_changed_text_keeps_id_and_updates(st: Store) -> None:
    st.commit("a", [make(1)], state(), now=T0, classify=everything)
    later = T0 + timedelta(days=1)
    r = st.commit("a", [make(1, text="new body")], state(), now=later, classify=everything)
    assert len(r.updated) == 1 and r.new == () and r.seen == 0 and r.topics == ("all",)
    got = st.get(make(1).id)
    assert got.text == "new body" and got.updated == later and got.first_seen == T0
    assert got.id == make(1).id


def test_two_sources_one_item(st: Store) -> None:
    a = make(1, source="a", url="https://a.gov.cn/1.html", keys=("url:https://origin/1", "url:https://a.gov.cn/1.html"))
    b = make(9, source="b", url="https://b.gov.cn/9.html", keys=("url:https://b.gov.cn/9.html", "url:https://origin/1"),
             published=T0 - timedelta(days=1), title="title 1")
    st.commit("a", [a], state("a"), now=T0, classify=everything)
    r = st.commit("b", [b], state("b"), now=T0 + timedelta(hours=2), classify=everything)
    assert r.new == () and r.seen == 1
    got = st.get(a.id)
    assert got is not None and got.id == a.id and got.first_seen == T0
    assert [(s.source_id, s.url) for s in got.sightings] == [("a", a.url), ("b", b.url)]
    assert set(got.keys) == set(a.keys) | set(b.keys)
    assert got.published == T0 - timedelta(days=1)  # earliest kept
    assert st.count() == 1
    assert st.get_state("a").items == 1 and st.get_state("b").items == 1
    # the merged item answers to b's own key too: b's next poll sees it
    r = st.commit("b", [b], state("b"), now=T0 + timedelta(hours=3), classify=everything)
    assert r.seen == 1 and r.new == ()


def test_merge_keeps_published_when_new_is_none() -> None:
    a = make(1)
    merged, changed = merge(a, make(1, published=None), T0)
    assert merged.published == T0 and not changed and merged == a


def test_keys_index_and_item_topics(st: Store) -> None:
    st.commit("a", [make(1, text="alpha"), make(2, text="beta alpha")], state(), now=T0, classify=by_word)
    assert st.item_topics(make(1).id) == ("alpha",)
    assert st.item_topics(make(2).id) == ("alpha", "beta")
    assert st.item_topics("nope") == () and st.get("nope") is None
    # found by its guid key alone
    other = make(1, url="https://a.gov.cn/moved.html", keys=("url:https://a.gov.cn/moved.html", "guid:a:1"),
                 text="alpha")
    r = st.commit("a", [other], state(), now=T0, classify=by_word)
    assert r.new == () and r.seen == 1
    assert "url:https://a.gov.cn/moved.html" in st.get(make(1).id).keys


def test_topic_items_order_and_limit(st: Store) -> None:
    items = [make(i, published=T0 + timedelta(hours=i), text="alpha" if i % 2 else "beta") for i in range(10)]
    st.commit("a", items[:5], state(), now=T0, classify=by_word)
    st.commit("a", items[5:], state(), now=T0, classify=by_word)
    alpha = st.topic_items("alpha", 3)
    assert [i.id for i in alpha] == [items[9].id, items[7].id, items[5].id]
    assert len(st.topic_items("beta", 100)) == 5
    assert st.topic_items("none", 10) == []
    # a content change that moves an item out of a topic updates both indexes
    r = st.commit("a", [make(9, published=T0 + timedelta(hours=9), text="beta now")], state(), now=T0,
                  classify=by_word)
    assert set(r.topics) == {"beta"}
    assert items[9].id not in [i.id for i in st.topic_items("alpha", 100)]
    assert st.topic_items("beta", 1)[0].id == items[9].id


def test_topic_index_is_bounded(st: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(store_mod, "TOPIC_KEEP", 5)
    st.commit("a", [make(i, published=T0 + timedelta(minutes=i)) for i in range(12)], state(), now=T0,
              classify=everything)
    got = st.topic_items("all", 100)
    assert [i.title for i in got] == [f"title {i}" for i in range(11, 6, -1)]


def test_pages_for_html_sources(st: Store) -> None:
    it = make(1, extractor="html:selector")
    st.commit("a", [it, make(2)], state(), now=T0, classify=everything)
    assert st.pages("a") == {it.url: (T0, it.content_hash)}
    assert st.pages("zzz") == {}


def test_states(st: Store) -> None:
    assert st.get_state("x") is None and st.states() == {}
    st.put_state(SourceState("x", error_count=2, last_error="FetchError: boom"))
    st.put_state(SourceState("y"))
    st.put_state(SourceState("x", error_count=3))
    assert st.get_state("x").error_count == 3
    assert set(st.states()) == {"x", "y"}


def test_reopen_round_trip(tmp_path: Path) -> None:
    with Store(tmp_path) as s:
        r = s.commit("a", [make(i, extractor="html:x") for i in range(30)], state(), now=T0, classify=by_word)
        before = [s.get(i.id) for i in r.new]
    with Store(tmp_path) as s:
        assert [s.get(i.id) for i in r.new] == before
        assert s.count() == 30 and s.get_state("a").items == 30
        assert len(s.pages("a")) == 30
        assert not list(tmp_path.rglob("*.tmp")) and not (tmp_path / "journal.json").exists()


def test_shards_rotate_and_stay_small(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(store_mod, "SHARD_ITEMS", 10)
    with Store(tmp_path) as s:
        for k in range(5):
            s.commit("a", [make(k * 10 + i) for i in range(10)], state(), now=T0, classify=everything)
        shards = sorted(p.name for p in (tmp_path / "items" / "a").iterdir())
        assert shards == [f"202603-{i:04d}.json" for i in range(5)]
        assert s.get(make(42).id).title == "title 42"


def test_prune(tmp_path: Path) -> None:
    with Store(tmp_path) as s:
        old = [make(i, published=T0 - timedelta(days=400 + i)) for i in range(5)]
        s.commit("a", old + [make(10)], state(), now=T0, classify=everything)
        # the source still lists all of them: nothing goes
        assert s.prune(now=T0, keep_age=365 * 86400, keep_per_source=0, keep_for={}) == 0
        s.commit("a", [make(10), make(11)], state(), now=T0, classify=everything)
        assert s.prune(now=T0, keep_age=365 * 86400, keep_per_source=0, keep_for={}) == 5
        assert s.count() == 2 and s.get(old[0].id) is None and s.get_state("a").items == 2
        assert {i.id for i in s.topic_items("all", 10)} == {make(11).id, make(10).id}
        # a dropped item coming back is new again (its keys were removed)
        assert len(s.commit("a", [old[0]], state(), now=T0, classify=everything).new) == 1
        # per-source limit, oldest first; keep_for overrides
        s.commit("b", [make(i, source="b", published=T0 + timedelta(hours=i)) for i in range(6)], state("b"),
                 now=T0, classify=everything)
        s.commit("b", [make(99, source="b", published=T0 + timedelta(days=1))], state("b"), now=T0,
                 classify=everything)
        assert s.prune(now=T0, keep_age=0, keep_per_source=0, keep_for={"b": 3}) == 4
        left = {i.title for i in s.topic_items("all", 100) if i.sightings[0].source_id == "b"}
        assert left == {"title 99", "title 5", "title 4"}
        assert s.get_state("b").items == 3
    with Store(tmp_path) as s:
        assert s.count() == 3 + 3


def test_reindex(st: Store) -> None:
    st.commit("a", [make(i, text="alpha" if i < 3 else "beta") for i in range(5)], state(), now=T0,
              classify=everything)
    st.reindex(by_word)
    assert len(st.topic_items("alpha", 10)) == 3 and len(st.topic_items("beta", 10)) == 2
    assert st.topic_items("all", 10) == []
    assert st.item_topics(make(0).id) == ("alpha",)


def test_failed_commit_leaves_store_unchanged(st: Store) -> None:
    st.commit("a", [make(1)], state(), now=T0, classify=everything)

    def boom(item: Item) -> tuple[str, ...]:
        raise RuntimeError("classify failed")

    with pytest.raises(RuntimeError):
        st.commit("a", [make(2), make(1, text="changed")], state(), now=T0, classify=boom)
    assert st.count() == 1 and st.get(make(2).id) is None and st.get(make(1).id).text == "body"


def test_crash_after_journal_is_rolled_forward(tmp_path: Path) -> None:
    s = Store(tmp_path)

    def die() -> None:
        raise KeyboardInterrupt

    s._before_replace = die
    with pytest.raises(KeyboardInterrupt):
        s.commit("a", [make(1)], state(), now=T0, classify=everything)
    s.close()
    assert (tmp_path / "journal.json").exists()
    with Store(tmp_path) as s2:
        assert s2.get(make(1).id) is not None and s2.count() == 1
        assert not (tmp_path / "journal.json").exists()


def test_torn_temp_files_are_cleaned(tmp_path: Path) -> None:
    with Store(tmp_path) as s:
        s.commit("a", [make(1)], state(), now=T0, classify=everything)
    (tmp_path / "keys" / "abc.json.7.123.tmp").write_bytes(b'{"_default": {"1": ')
    with Store(tmp_path) as s:
        assert s.count() == 1
    assert not list(tmp_path.rglob("*.tmp"))


def test_second_handle_sees_other_writers(tmp_path: Path) -> None:
    with Store(tmp_path) as a, Store(tmp_path) as b:
        a.commit("a", [make(1)], state(), now=T0, classify=everything)
        assert b.get(make(1).id) is not None  # b had nothing cached yet
        b.commit("a", [make(1, text="v2")], state(), now=T0, classify=everything)
        assert a.get(make(1).id).text == "v2"  # a's cached shard was dropped
        assert a.count() == b.count() == 1


def _writer(path: str, source: str, n: int) -> None:
    with Store(Path(path)) as s:
        for k in range(n):
            s.commit(source, [make(f"{k}-{j}", source=source) for j in range(3)], state(source), now=T0,
                     classify=everything)


def test_concurrent_writer_processes_lose_nothing(tmp_path: Path) -> None:
    ctx = multiprocessing.get_context("spawn")
    procs = [ctx.Process(target=_writer, args=(str(tmp_path), f"s{i}", 15)) for i in range(3)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(60)
        assert p.exitcode == 0
    with Store(tmp_path) as s:
        assert s.count() == 3 * 15 * 3
        for i in range(3):
            assert s.get_state(f"s{i}").items == 45
            assert s.get(make("14-2", source=f"s{i}").id) is not None
        assert len(s.topic_items("all", 1000)) == 135


def test_key_log_checkpoint(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from aggregator import store_keys

    monkeypatch.setattr(store_keys, "LOG_MAX", 10)
    with Store(tmp_path) as s:
        for k in range(4):
            s.commit("a", [make(k * 3 + j) for j in range(3)], state(), now=T0, classify=everything)
        assert list((tmp_path / "keys").glob("*.json"))  # folded into the hash shards
        s.commit("a", [make(100)], state(), now=T0, classify=everything)  # in the log
        assert list((tmp_path / "keys" / "log").glob("*.json"))
    with Store(tmp_path) as s:
        for k in (0, 5, 11, 100):
            r = s.commit("a", [make(k)], state(), now=T0, classify=everything)
            assert r.seen == 1 and r.new == ()
        s.commit("a", [make(200)], state(), now=T0, classify=everything)
        # keys leave both the log and the hash shards with their items
        assert s.prune(now=T0 + timedelta(days=1), keep_age=60, keep_per_source=0, keep_for={}) == 13
        assert s.count() == 1
        assert len(s.commit("a", [make(0), make(100)], state(), now=T0, classify=everything).new) == 2
        assert len(s.commit("a", [make(0), make(100), make(200)], state(), now=T0, classify=everything).new) == 0


def test_bloom_filter_answers_for_folded_keys(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from aggregator import store_keys

    monkeypatch.setattr(store_keys, "LOG_MAX", 8)
    with Store(tmp_path) as s:
        for k in range(6):
            s.commit("a", [make(k * 2), make(k * 2 + 1)], state(), now=T0, classify=everything)
        assert (tmp_path / "keys" / "bloom.json").exists()
    with Store(tmp_path) as s, Store(tmp_path) as other:
        assert all(s.commit("a", [make(k)], state(), now=T0, classify=everything).seen == 1 for k in range(12))
        bloom = store_keys.Bloom.from_doc(json.loads((tmp_path / "keys" / "bloom.json").read_bytes())["_default"]["1"])
        assert bloom is not None and all(k in bloom for k in make(3).keys)
        assert sum(f"url:https://nowhere/{i}" in bloom for i in range(1000)) < 20
        # a fold by another handle is seen by this one
        for k in range(100, 110):
            other.commit("a", [make(k)], state(), now=T0, classify=everything)
        assert all(s.commit("a", [make(k)], state(), now=T0, classify=everything).seen == 1 for k in range(100, 110))
        assert s.count() == other.count() == 22


def test_reader_sees_only_whole_commits(tmp_path: Path) -> None:
    ctx = multiprocessing.get_context("spawn")
    Store(tmp_path).close()
    proc = ctx.Process(target=_writer, args=(str(tmp_path), "w", 30))
    proc.start()
    checks = 0
    with Store(tmp_path) as s:
        while proc.is_alive() or checks == 0:
            with s._Reading(s):  # one snapshot: count and the topic index agree
                n = s.count()
                assert len(s.topic_items("all", 1000)) == n and n % 3 == 0
                st = s.get_state("w")
                assert (st.items if st else 0) == n
            checks += 1
    proc.join(60)
    assert proc.exitcode == 0 and checks > 1


def test_reposts_do_not_flip_content_and_the_original_wins(st: Store) -> None:
    from dataclasses import replace

    orig_url = "https://sft.gov.cn/art/1.html"
    repost_a = replace(make("r1", source="a", text="repost text, a's boilerplate"),
                       origin_url=orig_url, keys=(f"url:{orig_url}", "url:https://a.gov.cn/r1.html"),
                       content_from="a")
    repost_b = replace(make("r2", source="b", text="repost text, b's boilerplate"),
                       origin_url=orig_url, keys=(f"url:{orig_url}", "url:https://b.gov.cn/r2.html"),
                       content_from="b")
    later = T0 + timedelta(hours=1)
    st.commit("a", [repost_a], state("a"), now=T0, classify=everything)
    st.commit("b", [repost_b], state("b"), now=later, classify=everything)
    st.commit("a", [repost_a], state("a"), now=later, classify=everything)
    res = st.commit("b", [repost_b], state("b"), now=later, classify=everything)
    assert res.updated == ()
    [item] = st.topic_items("all", 10)
    assert item.text == "repost text, a's boilerplate" and item.updated == repost_a.updated
    assert {s.source_id for s in item.sightings} == {"a", "b"}
    original = replace(make("1", source="sft", text="the original text", url=orig_url,
                            published=T0 - timedelta(days=30)), content_from="sft")
    res = st.commit("sft", [original], state("sft"), now=later, classify=everything)
    [item] = st.topic_items("all", 10)
    assert item.text == "the original text" and item.content_from == "sft"
    assert item.origin_published == T0 - timedelta(days=30)
    assert item.published == T0 - timedelta(days=30)
    assert {s.source_id for s in item.sightings} == {"a", "b", "sft"}
    # the repost sources polling again change nothing any more
    assert st.commit("a", [repost_a], state("a"), now=later, classify=everything).updated == ()
