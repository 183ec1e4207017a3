"""configedit: edits touch only their table, validate first, write atomically, fail cleanly."""

from __future__ import annotations

import os
import shutil
import stat
from pathlib import Path

import pytest

from aggregator import config, configedit
from aggregator.configedit import (
    add_source,
    add_sources,
    canonical_url,
    remove_source,
    set_enabled,
    unique_id,
)
from aggregator.errors import ConfigError, UsageError

DATA = Path(__file__).parent / "data" / "config"


@pytest.fixture
def cfg(tmp_path: Path) -> Path:
    p = tmp_path / "aggregator.toml"
    shutil.copy(DATA / "commented.toml", p)
    return p


def _split(old: str, new: str) -> tuple[int, int]:
    """Lengths of the common prefix and (non-overlapping) common suffix of two texts."""
    pre = 0
    while pre < min(len(old), len(new)) and old[pre] == new[pre]:
        pre += 1
    suf = 0
    while suf < min(len(old), len(new)) - pre and old[-1 - suf] == new[-1 - suf]:
        suf += 1
    return pre, suf


def _table_span(text: str, header_at: str) -> tuple[int, int]:
    """[start of the table whose lines include `header_at`, start of the next header)."""
    i = text.index(header_at)
    start = text.rfind("[[sources]]", 0, i)
    nxt = min(j for j in (text.find("\n[[", i), len(text)) if j != -1)
    return start, nxt + 1


def _unchanged(p: Path, before: bytes, mtime: int) -> None:
    assert p.read_bytes() == before
    assert p.stat().st_mtime_ns == mtime
    assert [x.name for x in p.parent.iterdir()] == [p.name], "a temp file was left behind"


# ---------------------------------------------------------------- add


def test_add_inserts_one_table_after_the_last_source(cfg: Path) -> None:
    old = cfg.read_text("utf-8")
    src = add_source(cfg, {"url": "https://www.ndrc.gov.cn/xxgk/", "name": "国家发改委", "kind": "html",
                           "topics": ["policy"], "interval": "2h"})
    new = cfg.read_text("utf-8")
    pre, suf = _split(old, new)
    assert pre + suf == len(old), "text outside the insertion changed"
    inserted = new[pre : len(new) - suf]
    assert inserted.count("[[sources]]") == 1 and 'name = "国家发改委"' in inserted
    # after the xinhua table's own lines, before the comment lines that belong to what follows
    assert new.index(inserted) > new.index('id = "xinhua"')
    assert new.index(inserted) < new.index("# an indented comment")
    assert src.id == "ndrc-gov-cn-xxgk" and src.interval == 7200 and src.topics == ("policy",)
    loaded = config.load(cfg)
    assert [s.id for s in loaded.sources] == ["gov-cn", "mee", "xinhua", "ndrc-gov-cn-xxgk"]


def test_add_with_explicit_id_and_chinese_name_uses_the_given_id(cfg: Path) -> None:
    src = add_source(cfg, {"id": "moj", "url": "http://www.moj.gov.cn/pub/sfbgw/", "name": "司法部"})
    assert src.id == "moj" and src.name == "司法部"


def test_add_chinese_name_without_id_takes_the_host(cfg: Path) -> None:
    src = add_source(cfg, {"url": "http://www.moj.gov.cn/", "name": "司法部"})
    assert src.id == "moj-gov-cn"


def test_add_creates_a_missing_file(tmp_path: Path) -> None:
    p = tmp_path / "sub" / "new.toml"
    add_source(p, {"url": "https://example.com/feed.xml", "name": "Example"})
    text = p.read_text("utf-8")
    assert text.startswith("#") and "[[sources]]" in text
    assert [s.id for s in config.load(p).sources] == ["example"]
    assert stat.S_IMODE(p.stat().st_mode) & 0o600 == 0o600


def test_add_into_a_file_with_topics_but_no_sources_goes_before_topics(tmp_path: Path) -> None:
    p = tmp_path / "c.toml"
    old = '[server]\nport = 9000\n\n# the topics\n[[topics]]\nid = "t"\n'
    p.write_text(old, "utf-8")
    add_source(p, {"id": "a", "url": "http://a.example/", "topics": ["t"]})
    new = p.read_text("utf-8")
    pre, suf = _split(old, new)
    assert pre + suf == len(old)
    assert new.index("[[sources]]") < new.index("# the topics")
    assert config.load(p).sources[0].topics == ("t",)


def test_add_keeps_crlf_and_a_missing_final_newline(tmp_path: Path) -> None:
    p = tmp_path / "c.toml"
    old = '# x\r\n[[sources]]\r\nid = "a"\r\nurl = "http://a.example/"'
    p.write_bytes(old.encode())
    add_source(p, {"id": "b", "url": "http://b.example/"})
    new = p.read_bytes().decode()
    assert new.startswith(old)
    assert "\n" not in new.replace("\r\n", "")
    assert [s.id for s in config.load(p).sources] == ["a", "b"]


def test_add_preserves_mode_and_follows_symlinks(cfg: Path) -> None:
    os.chmod(cfg, 0o640)
    link = cfg.parent / "link.toml"
    link.symlink_to(cfg.name)
    add_source(link, {"id": "new", "url": "http://new.example/"})
    assert link.is_symlink()
    assert stat.S_IMODE(cfg.stat().st_mode) == 0o640
    assert "new" in [s.id for s in config.load(cfg).sources]


@pytest.mark.parametrize(
    ("fields", "error", "words"),
    [
        ({"id": "mee", "url": "http://other.example/"}, UsageError, "already exists"),
        ({"url": "HTTPS://WWW.GOV.CN:443/zhengce/zuixin.htm/"}, UsageError, "gov-cn"),
        ({"url": "http://www.news.cn/politics/news_politics.xml#top"}, UsageError, "xinhua"),
        ({"url": "http://x.example/", "topics": ["nope"]}, UsageError, "nope"),
        ({"url": "http://x.example/", "kind": "rss"}, ConfigError, "kind"),
        ({"url": "http://x.example/", "interval": "5s"}, ConfigError, "interval"),
        ({"url": "http://x.example/", "colour": "red"}, ConfigError, "unknown key"),
        ({"url": "ftp://x.example/"}, ConfigError, "http(s)"),
        ({"id": "bad id", "url": "http://x.example/"}, ConfigError, "letters, digits"),
        ({"url": "http://x.example/", "selectors": {"title": "div[["}}, ConfigError, "CSS"),
        ({"name": "no url"}, UsageError, "URL"),
    ],
)
def test_add_bad_input_leaves_the_file_unchanged(cfg: Path, fields: dict, error: type, words: str) -> None:
    before, mtime = cfg.read_bytes(), cfg.stat().st_mtime_ns
    with pytest.raises(error) as e:
        add_source(cfg, fields)
    assert words in str(e.value)
    if isinstance(e.value, ConfigError):
        assert str(cfg) in str(e.value) and "sources[3]" in str(e.value)
    _unchanged(cfg, before, mtime)


def test_an_invalid_config_is_not_edited(tmp_path: Path) -> None:
    p = tmp_path / "c.toml"
    p.write_text('[aggregator]\ninterval = "soon"\n', "utf-8")
    before, mtime = p.read_bytes(), p.stat().st_mtime_ns
    for op in (lambda: add_source(p, {"url": "http://a.example/"}), lambda: remove_source(p, "a")):
        with pytest.raises(ConfigError, match=r"aggregator\.interval"):
            op()
    _unchanged(p, before, mtime)


def test_inline_sources_array_is_refused(tmp_path: Path) -> None:
    p = tmp_path / "c.toml"
    p.write_text('sources = [{ id = "a", url = "http://a.example/" }]\n', "utf-8")
    before = p.read_bytes()
    with pytest.raises(UsageError, match="inline array"):
        add_source(p, {"url": "http://b.example/"})
    assert p.read_bytes() == before


def test_not_utf8_is_a_config_error(tmp_path: Path) -> None:
    p = tmp_path / "c.toml"
    p.write_bytes('name = "中文"\n'.encode("gbk"))
    with pytest.raises(ConfigError, match="UTF-8"):
        add_source(p, {"url": "http://b.example/"})


# ---------------------------------------------------------------- remove


def test_remove_cuts_only_that_table(cfg: Path) -> None:
    old = cfg.read_text("utf-8")
    remove_source(cfg, "gov-cn")
    new = cfg.read_text("utf-8")
    pre, suf = _split(old, new)
    assert pre + suf == len(new), "more than one contiguous cut"
    cut = old[pre : len(old) - suf]
    assert cut.startswith("# 中国政府网") and 'id = "gov-cn"' in cut and "[sources.selectors]" in cut
    assert 'id = "mee"' not in cut
    assert [s.id for s in config.load(cfg).sources] == ["mee", "xinhua"]


def test_remove_also_drops_the_id_from_topic_sources(cfg: Path) -> None:
    old = cfg.read_text("utf-8")
    remove_source(cfg, "mee")
    new = cfg.read_text("utf-8")
    loaded = config.load(cfg)
    assert [s.id for s in loaded.sources] == ["gov-cn", "xinhua"]
    assert loaded.topics[1].sources == ("xinhua",)
    # two edits: the mee table cut, and the env topic's sources line; everything else is identical
    start = old.index('[[sources]]\n# a comment inside the table')
    end = old.index("# Xinhua's RSS feed.")
    assert new.startswith(old[:start])
    env_at = old.index('[[topics]]\nid = "env"')
    assert new.endswith(old[old.index('sources = ["mee", "xinhua"]') + len('sources = ["mee", "xinhua"]') :])
    assert old[end:env_at] in new
    assert '"mee"' not in new


def test_remove_refuses_to_empty_a_topic_source_list(cfg: Path) -> None:
    remove_source(cfg, "mee")
    before, mtime = cfg.read_bytes(), cfg.stat().st_mtime_ns
    with pytest.raises(UsageError, match="env"):
        remove_source(cfg, "xinhua")
    _unchanged(cfg, before, mtime)


def test_remove_unknown_id(cfg: Path) -> None:
    before, mtime = cfg.read_bytes(), cfg.stat().st_mtime_ns
    with pytest.raises(UsageError, match="no source with id 'nope'"):
        remove_source(cfg, "nope")
    _unchanged(cfg, before, mtime)


def test_remove_from_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="no such file"):
        remove_source(tmp_path / "none.toml", "a")
    assert not (tmp_path / "none.toml").exists()


def test_remove_last_then_add_again(cfg: Path) -> None:
    for sid in ("gov-cn", "mee"):
        remove_source(cfg, sid)
    add_source(cfg, {"id": "mee", "url": "http://www.mee.gov.cn/ywdt/xwfb/"})
    assert [s.id for s in config.load(cfg).sources] == ["xinhua", "mee"]


# ---------------------------------------------------------------- enable / disable


@pytest.mark.parametrize(("sid", "enabled", "marker"), [("mee", True, "enabled = true"), ("xinhua", False, "enabled = false")])
def test_set_enabled_changes_only_that_table(cfg: Path, sid: str, enabled: bool, marker: str) -> None:
    old = cfg.read_text("utf-8")
    assert set_enabled(cfg, sid, enabled) is True
    new = cfg.read_text("utf-8")
    pre, suf = _split(old, new)
    start, end = _table_span(old, f'id = "{sid}"')
    assert pre >= start and len(old) - suf <= end
    assert marker in new[pre : len(new) - suf + 1] or marker in new[start : end + 20]
    assert config.load(cfg).source(sid).enabled is enabled
    if sid == "mee":
        assert "# too slow lately" in new


def test_set_enabled_noop_writes_nothing(cfg: Path) -> None:
    before, mtime = cfg.read_bytes(), cfg.stat().st_mtime_ns
    assert set_enabled(cfg, "gov-cn", True) is False
    assert set_enabled(cfg, "mee", False) is False
    _unchanged(cfg, before, mtime)


def test_set_enabled_unknown_id(cfg: Path) -> None:
    before, mtime = cfg.read_bytes(), cfg.stat().st_mtime_ns
    with pytest.raises(UsageError):
        set_enabled(cfg, "ghost", False)
    _unchanged(cfg, before, mtime)


def test_disable_then_enable_round_trip(cfg: Path) -> None:
    set_enabled(cfg, "gov-cn", False)
    assert config.load(cfg).source("gov-cn").enabled is False
    set_enabled(cfg, "gov-cn", True)
    assert config.load(cfg).source("gov-cn").enabled is True


# ---------------------------------------------------------------- add_sources (import)


def test_add_sources_skips_duplicates_and_creates_folder_topics(cfg: Path) -> None:
    old = cfg.read_text("utf-8")
    entries = [
        {"url": "https://www.gov.cn/zhengce/zuixin.htm/", "name": "dup of gov-cn"},
        {"url": "http://www.court.gov.cn/fabu.html", "name": "最高人民法院", "topics": ["法律"]},
        {"url": "http://WWW.COURT.GOV.CN/fabu.html", "name": "same again"},
        {"url": "mailto:someone@example.com", "name": "not a feed"},
        {"url": "feed://lwn.net/headlines/rss", "name": "LWN.net", "topics": ["Tech"]},
        {"url": "https://example.org/x", "id": "mee", "name": "id clash"},
        {"url": "https://example.org/policy", "name": "Policy", "topics": ["policy"]},
    ]
    result = add_sources(cfg, entries, [{"title": "法律"}, {"title": "Tech"}, {"title": "政策"}])
    assert result.added == ("court-gov-cn-fabu", "lwn-net", "policy")
    assert [u for u, _ in result.skipped] == [
        "https://www.gov.cn/zhengce/zuixin.htm/", "http://WWW.COURT.GOV.CN/fabu.html",
        "mailto:someone@example.com", "https://example.org/x"]
    loaded = config.load(cfg)
    # "政策" is the title of the existing topic "policy": reused, not created
    assert set(result.topics_added) == {"topic", "tech"}
    court = loaded.source("court-gov-cn-fabu")
    topic = next(t for t in loaded.topics if t.title == "法律")
    assert court.topics == (topic.id,) and topic.sources == ("court-gov-cn-fabu",)
    assert loaded.source("lwn-net").url == "http://lwn.net/headlines/rss"
    assert loaded.source("policy").topics == ("policy",)
    new = cfg.read_text("utf-8")
    assert new.startswith(old[: old.index("    # an indented comment")])


def test_add_sources_with_nothing_new_writes_nothing(cfg: Path) -> None:
    before, mtime = cfg.read_bytes(), cfg.stat().st_mtime_ns
    r = add_sources(cfg, [{"url": "http://www.mee.gov.cn/ywdt/xwfb"}], [])
    assert r.added == () and len(r.skipped) == 1
    _unchanged(cfg, before, mtime)


def test_add_sources_invalid_entry_writes_nothing(cfg: Path) -> None:
    before, mtime = cfg.read_bytes(), cfg.stat().st_mtime_ns
    with pytest.raises(ConfigError):
        add_sources(cfg, [{"url": "http://ok.example/"}, {"url": "http://bad.example/", "kind": "podcast"}], [])
    _unchanged(cfg, before, mtime)


# ---------------------------------------------------------------- ids and URLs


@pytest.mark.parametrize(
    ("taken", "hint", "fallback", "expected"),
    [
        (set(), "https://www.gov.cn/zhengce/zuixin.htm", None, "gov-cn-zhengce-zuixin"),
        (set(), "Hacker News", None, "hacker-news"),
        (set(), "中国政府网", "https://www.gov.cn/", "gov-cn"),
        ({"gov-cn", "gov-cn-2"}, "中国政府网", "https://www.gov.cn/", "gov-cn-3"),
        (set(), "中国政府网", None, "source"),
        ({"source"}, "", None, "source-2"),
        (set(), "Café Ünïcode", None, "cafe-unicode"),
        (set(), "http://m.example.com/rss/index.xml", None, "example-com"),
    ],
)
def test_unique_id(taken: set[str], hint: str, fallback: str | None, expected: str) -> None:
    got = unique_id(taken, hint, fallback=fallback)
    assert got == expected
    assert config.ID_RE.match(got)


def test_unique_id_is_short_and_ascii() -> None:
    got = unique_id(set(), "https://www.example.com/" + "/".join(["segment"] * 20))
    assert len(got) <= 40 and got.isascii() and not got.endswith("-")


def test_canonical_url() -> None:
    assert canonical_url("HTTP://Example.COM:80/a/") == canonical_url("http://example.com/a")
    assert canonical_url("https://example.com/a?x=1#f") == "https://example.com/a?x=1"
    assert canonical_url("https://example.com:8443/") != canonical_url("https://example.com/")


def test_scanner_ignores_brackets_in_strings_and_arrays() -> None:
    text = (DATA / "commented.toml").read_text("utf-8")
    blocks = configedit._scan(text)
    names = [(b.name, b.is_array) for b in blocks]
    assert names == [(("aggregator",), False), (("server",), False)] + [(("sources",), True)] * 3 + [
        (("topics",), True)] * 2


def test_a_failed_write_leaves_the_file_and_no_temp(cfg: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before, mtime = cfg.read_bytes(), cfg.stat().st_mtime_ns

    def boom(src: object, dst: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(configedit.os, "replace", boom)
    with pytest.raises(OSError):
        add_source(cfg, {"url": "http://new.example/"})
    _unchanged(cfg, before, mtime)


def test_a_concurrent_change_is_not_overwritten(cfg: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = configedit._validate
    calls = []

    def validate_then_someone_edits(text: str, path: Path) -> config.Config:
        calls.append(1)
        if len(calls) == 2:  # between our read and our write
            cfg.write_text(cfg.read_text("utf-8") + "\n# edited by hand\n", "utf-8")
        return real(text, path)

    monkeypatch.setattr(configedit, "_validate", validate_then_someone_edits)
    with pytest.raises(UsageError, match="changed while"):
        add_source(cfg, {"url": "http://new.example/"})
    assert cfg.read_text("utf-8").endswith("# edited by hand\n")
