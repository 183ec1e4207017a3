"""The `sources` commands through the real CLI, against a commented config and probes on 127.0.0.1."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from httpfixture import FixtureServer, Response, run_cli

pytestmark = pytest.mark.slow

COMMENTED = """\
# My sources — keep this comment.
[aggregator]
data_dir = "data"   # inline comment stays
feeds_dir = "feeds"

# the government feed
[[sources]]
id = "gov"
name = "政府网"
url = "http://gov.example/rss.xml"
topics = ["policy"]

[[topics]]
id = "policy"
title = "政策"   # 政策文件
"""

RSS = b"""<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Ministry News</title>
<link>http://m.example/</link><item><title>A</title><link>http://m.example/a</link></item></channel></rss>"""

LIST = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>通知公告_某某市人民政府</title></head><body>
<div class="nav"><a href="/">首页</a><a href="/zwgk/">政务公开</a><a href="/hd/">互动交流</a></div>
<ul class="list">
<li><a href="/art/2021/3/16/art_1_1.html">关于做好2021年春季森林防火工作的通知</a><span>2021-03-16</span></li>
<li><a href="/art/2021/3/15/art_1_2.html">关于公布第二批市级非物质文化遗产代表性项目名录的通知</a><span>2021-03-15</span></li>
<li><a href="/art/2021/3/14/art_1_3.html">关于开展2021年度全市安全生产大检查的通知</a><span>2021-03-14</span></li>
<li><a href="/art/2021/3/13/art_1_4.html">关于印发全市优化营商环境重点任务清单的通知</a><span>2021-03-13</span></li>
</ul><div class="footer">版权所有：某某市人民政府办公室</div></body></html>""".encode()




@pytest.fixture
def site():
    with FixtureServer() as srv:
        srv.routes["/rss.xml"] = Response(RSS, content_type="application/rss+xml")
        srv.routes["/notices/"] = Response(LIST)
        yield srv


def test_add_probe_list_disable_remove_keep_comments(tmp_path: Path, site: FixtureServer) -> None:
    cfg = tmp_path / "a.toml"
    cfg.write_text(COMMENTED, encoding="utf-8")
    r = run_cli("sources", "add", site.url("/rss.xml"), "--topic", "policy", "-c", str(cfg), cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    feed_id = r.stdout.strip()
    assert feed_id == "ministry-news"
    r = run_cli("sources", "add", site.url("/notices/"), "--interval", "2h", "-c", str(cfg), cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    html_id = r.stdout.strip()
    text = cfg.read_text(encoding="utf-8")
    # new tables go after the last [[sources]]; everything else is kept byte for byte, in order
    head, tail = COMMENTED.split("[[topics]]")
    assert text.startswith(head.rstrip("\n")) and text.endswith("[[topics]]" + tail)
    listing = run_cli("sources", "list", "-c", str(cfg), cwd=tmp_path).stdout.splitlines()
    rows = {line.split("\t")[0]: line.split("\t") for line in listing}
    assert rows[feed_id][1] == "feed" and rows[feed_id][3].startswith("Ministry News")
    assert rows[html_id][1] == "html" and "通知公告" in rows[html_id][3]

    before = cfg.read_bytes()
    for bad in (["add", site.url("/rss.xml")],                       # duplicate URL
                ["add", "http://other.example/x.xml", "--id", "gov", "--kind", "feed"],  # duplicate id
                ["add", "not a url"],
                ["add", "http://other.example/y.xml", "--kind", "feed", "--topic", "nosuch"],
                ["remove", "nosuch"], ["disable", "nosuch"]):
        r = run_cli("sources", *bad, "-c", str(cfg), cwd=tmp_path)
        assert r.returncode == 2, (bad, r.stderr)
        assert "Traceback" not in r.stderr
        assert cfg.read_bytes() == before, bad

    assert run_cli("sources", "disable", "gov", "-c", str(cfg), cwd=tmp_path).returncode == 0
    assert "(disabled)" in run_cli("sources", "list", "-c", str(cfg), cwd=tmp_path).stdout
    st = json.loads(run_cli("status", "--json", "-c", str(cfg), cwd=tmp_path).stdout)
    assert {s["id"]: s["enabled"] for s in st}["gov"] is False
    assert run_cli("sources", "enable", "gov", "-c", str(cfg), cwd=tmp_path).returncode == 0
    assert run_cli("sources", "remove", html_id, "-c", str(cfg), cwd=tmp_path).returncode == 0
    text = cfg.read_text(encoding="utf-8")
    assert "# the government feed" in text and "# 政策文件" in text and "# inline comment stays" in text
    assert html_id not in text


def test_export_import_round_trip_and_hostile_opml(tmp_path: Path) -> None:
    cfg = tmp_path / "a.toml"
    cfg.write_text(COMMENTED + '\n[[sources]]\nid = "portal"\nurl = "http://p.example/list/"\nkind = "html"\n'
                   'enabled = false\n', encoding="utf-8")
    r = run_cli("sources", "export", "-c", str(cfg), cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith("<?xml") and 'version="2.0"' in r.stdout
    opml = tmp_path / "out.opml"
    opml.write_text(r.stdout, encoding="utf-8")

    empty = tmp_path / "b.toml"
    empty.write_text('[aggregator]\ndata_dir = "data"\n\n[[topics]]\nid = "policy"\ntitle = "政策"\n', encoding="utf-8")
    r = run_cli("sources", "import", str(opml), "-c", str(empty), cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    a = run_cli("sources", "list", "-c", str(cfg), cwd=tmp_path).stdout
    b = run_cli("sources", "list", "-c", str(empty), cwd=tmp_path).stdout
    assert a == b

    # importing again skips every duplicate
    r = run_cli("sources", "import", str(opml), "-c", str(empty), cwd=tmp_path)
    assert r.returncode == 0 and "added" not in r.stdout.replace("skipped", "")

    bomb = tmp_path / "bomb.opml"
    bomb.write_text('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>'
                    '<opml version="2.0"><body><outline text="&b;" xmlUrl="http://x/"/></body></opml>')
    xxe = tmp_path / "xxe.opml"
    xxe.write_text('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
                   '<opml version="2.0"><body><outline text="&e;" xmlUrl="http://x/"/></body></opml>')
    before = empty.read_bytes()
    for f in (bomb, xxe, tmp_path / "missing.opml"):
        r = run_cli("sources", "import", str(f), "-c", str(empty), cwd=tmp_path)
        assert r.returncode == 2, r.stderr
        assert "Traceback" not in r.stderr
    assert empty.read_bytes() == before


def test_poll_shows_progress_on_a_terminal_only(tmp_path: Path, site: FixtureServer) -> None:
    import pty
    import select

    cfg = tmp_path / "a.toml"
    cfg.write_text('[aggregator]\ndata_dir = "data"\nfeeds_dir = "feeds"\n'
                   + "".join(f'[[sources]]\nid = "s{i}"\nurl = "{site.url("/rss.xml")}?{i}"\n' for i in range(3)),
                   encoding="utf-8")
    env = dict(os.environ)
    env["PYTHONPATH"] = str(Path(__file__).resolve().parent.parent) + os.pathsep + env.get("PYTHONPATH", "")
    env["COLUMNS"] = "100"
    main, child = pty.openpty()
    proc = subprocess.Popen([sys.executable, "-m", "aggregator", "poll", "-c", str(cfg)], cwd=tmp_path, env=env,
                            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=child)
    os.close(child)
    out = b""
    while True:
        ready, _, _ = select.select([main], [], [], 30)
        if not ready:
            break
        try:
            chunk = os.read(main, 65536)
        except OSError:
            break
        if not chunk:
            break
        out += chunk
    assert proc.wait(30) == 0
    os.close(main)
    text = out.decode("utf-8", "replace")
    assert "polling" in text or "━" in text, text[-2000:]  # rich's bar, drawn on the terminal
    # without a terminal: plain log lines only
    r = run_cli("poll", "-c", str(cfg), cwd=tmp_path)
    assert r.returncode == 0 and "━" not in r.stderr and "polled source=s0" in r.stderr


def test_add_takes_several_topics_in_either_position(tmp_path: Path) -> None:
    cfg = tmp_path / "a.toml"
    cfg.write_text(COMMENTED + '\n[[topics]]\nid = "law"\ntitle = "法治"\n', encoding="utf-8")
    r = run_cli("sources", "add", "http://x.example/a.xml", "--topic", "policy", "law", "--kind", "feed",
                "--name", "Alpha", "-c", str(cfg), cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    r = run_cli("sources", "add", "--topic", "law", "policy", "http://x.example/b.xml", "--kind", "feed",
                "--name", "Beta", "-c", str(cfg), cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    rows = run_cli("sources", "list", "-c", str(cfg), cwd=tmp_path).stdout
    assert "http://x.example/a.xml\tAlpha  [policy, law]" in rows
    assert "http://x.example/b.xml\tBeta  [law, policy]" in rows
    assert run_cli("sources", "add", "-c", str(cfg), cwd=tmp_path).returncode == 2


def test_add_creates_a_missing_config(tmp_path: Path) -> None:
    cfg = tmp_path / "new.toml"
    r = run_cli("sources", "add", "http://x.example/a.xml", "--kind", "feed", "--name", "Alpha", "-c", str(cfg),
                cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert "http://x.example/a.xml\tAlpha" in run_cli("sources", "list", "-c", str(cfg), cwd=tmp_path).stdout
