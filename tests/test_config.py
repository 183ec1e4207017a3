"""config (the lead's module): valid files load; every invalid one is a ConfigError naming the
file, the key path (or line) and the reason.

Each file in data/config/invalid/ starts with `# where: <key path or ->` and `# reason: <words>`.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from aggregator import config
from aggregator.errors import ConfigError

DATA = Path(__file__).parent / "data" / "config"
INVALID = sorted((DATA / "invalid").glob("*.toml"))


def _expect(path: Path) -> tuple[str | None, str]:
    lines = path.read_text("utf-8").splitlines()
    where = lines[0].removeprefix("# where: ").strip()
    reason = lines[1].removeprefix("# reason: ").strip()
    return (None if where == "-" else where), reason


def test_there_are_invalid_fixtures() -> None:
    assert len(INVALID) >= 40


@pytest.mark.parametrize("path", INVALID, ids=lambda p: p.stem)
def test_invalid_config_names_file_key_and_reason(path: Path) -> None:
    where, reason = _expect(path)
    with pytest.raises(ConfigError) as e:
        config.load(path)
    err = e.value
    assert err.path == str(path)
    assert err.where == where
    assert reason in err.reason
    assert str(err).startswith(f"{path}: {where + ': ' if where else ''}")


def test_commented_fixture_loads(tmp_path: Path) -> None:
    cfg = config.load(DATA / "commented.toml", base_dir=tmp_path)
    assert [s.id for s in cfg.sources] == ["gov-cn", "mee", "xinhua"]
    gov = cfg.source("gov-cn")
    assert gov.name == "中国政府网 · 最新政策" and gov.kind == "html" and gov.interval == 900
    assert gov.selectors.title == "div.article h1" and gov.selectors.remove == (".share", ".print")
    mee = cfg.source("mee")
    assert mee.enabled is False and mee.topics == ("policy", "env") and mee.selectors.author == "span.author"
    assert cfg.source("xinhua").interval == 600 and cfg.source("xinhua").name == "新华网 时政"
    assert cfg.topics[1].title.startswith("生态环境\n[[sources]]")
    assert cfg.data_dir == tmp_path / "data" and cfg.interval == 1800


def test_defaults_of_an_empty_file() -> None:
    cfg = config.parse("", "empty.toml")
    assert cfg.sources == () and cfg.topics == ()
    assert cfg.base_url == "http://127.0.0.1:8080/" and cfg.timezone == "Asia/Shanghai"
    assert cfg.server.host == "127.0.0.1" and cfg.max_body == 10 * 1024 * 1024


def test_spec_example_loads() -> None:
    text = '''
[aggregator]
data_dir = "data"
feeds_dir = "feeds"
base_url = "http://127.0.0.1:8080"
timezone = "Asia/Shanghai"
interval = "30m"
timeout = 20

[server]
host = "127.0.0.1"
port = 8080

[[sources]]
id = "fzzx-hot"
name = "法治资讯网 · 热点聚焦"
url = "http://www.fzzx.org.cn/"
kind = "html"
interval = "15m"
topics = ["law"]
links = "ul.list a"

[[topics]]
id = "law"
title = "法治"
keywords = ["法"]

[[topics]]
id = "epidemic"
title = "疫情防控"
keywords = ["疫情", "防控", "肺炎"]
'''
    cfg = config.parse(text, "spec.toml")
    assert cfg.base_url.endswith("/") and cfg.source("fzzx-hot").interval == 900
    assert cfg.source("fzzx-hot").links == "ul.list a"


@pytest.mark.parametrize(("value", "seconds"), [(90, 90), ("90s", 90), ("15m", 900), ("2h", 7200),
                                                 ("1d", 86400), ("1w", 604800), ("1.5h", 5400), (" 30 m ", 1800)])
def test_durations(value: object, seconds: int) -> None:
    assert config.parse_duration(value) == seconds


@pytest.mark.parametrize(("value", "size"), [(1024, 1024), ("512KB", 512 * 1024), ("10MB", 10 * 1024**2),
                                             ("1g", 1024**3)])
def test_sizes(value: object, size: int) -> None:
    assert config.parse_size(value) == size


def test_not_utf8(tmp_path: Path) -> None:
    p = tmp_path / "gbk.toml"
    p.write_bytes('[[sources]]\nid = "a"\nname = "中文"\nurl = "http://a.example/"\n'.encode("gbk"))
    with pytest.raises(ConfigError, match=r"gbk\.toml: not UTF-8"):
        config.load(p)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="no such file") as e:
        config.load(tmp_path / "nope.toml")
    assert e.value.path == str(tmp_path / "nope.toml")


# Found while testing; each should be a ConfigError naming the key. See the helper report.
BUGS = [
    ("aggregator.interval", '[aggregator]\ninterval = inf\n'),            # OverflowError today
    ("aggregator.timeout", '[aggregator]\ntimeout = nan\n'),              # accepted today
    ("sources[0].delay", '[[sources]]\nid = "a"\nurl = "http://a.example/"\ndelay = nan\n'),
    ("sources[0].url", '[[sources]]\nid = "a"\nurl = "http://[::1/"\n'),  # ValueError today
    ("aggregator.base_url", '[aggregator]\nbase_url = "http://[x/"\n'),   # ValueError today
    ("sources[0].url", '[[sources]]\nid = "a"\nurl = "http://a.example:99999/"\n'),
    ("sources[0].id", '[[sources]]\nid = "a\\n"\nurl = "http://a.example/"\n'),  # `$` matches before \n
    ("topics[0].id", '[[topics]]\nid = "t\\n"\n'),
]


@pytest.mark.parametrize(("where", "text"), BUGS, ids=[f"{w}-{i}" for i, (w, _) in enumerate(BUGS)])
def test_fixed_bugs(where: str, text: str) -> None:
    with pytest.raises(ConfigError) as e:
        config.parse(text, "bug.toml")
    assert e.value.where == where
