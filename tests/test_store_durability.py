"""A writing process killed with SIGKILL at random moments never loses a completed commit."""

from __future__ import annotations

import hashlib
import os
import random
import signal
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

from aggregator.store import Store

CHILD = textwrap.dedent(
    """
    import hashlib, sys
    from datetime import datetime, timedelta, timezone
    from pathlib import Path
    from aggregator.model import Item, Sighting, SourceState
    from aggregator.store import Store

    T0 = datetime(2026, 3, 1, tzinfo=timezone(timedelta(hours=8)))

    def make(name, source, text="body"):
        url = f"https://{source}.gov.cn/{name}.html"
        keys = (f"url:{url}", f"guid:{source}:{name}")
        return Item(id=hashlib.sha256(keys[0].encode()).hexdigest()[:32], keys=keys, url=url,
                    title=name, published=T0, updated=T0, author=None, publisher=None, origin_url=None,
                    origin_published=None, content="<p>" + text * 40 + "</p>", text=text * 40,
                    content_hash=hashlib.sha256((name + text).encode()).hexdigest(),
                    sightings=(Sighting(source, source, url, None, None, None, None, "html:x", T0),))

    run = sys.argv[2]
    with Store(Path(sys.argv[1])) as s:
        print("ready", flush=True)
        k = 0
        while True:
            src = f"s{k % 3}"
            items = [make(f"{run}-{k}-{j}", src) for j in range(6)]
            if k >= 3:  # re-seen and changed items of an earlier commit of the same source
                items += [make(f"{run}-{k - 3}-0", src), make(f"{run}-{k - 3}-1", src, text="v2")]
            s.commit(src, items, SourceState(src, last_success=T0), now=T0,
                     classify=lambda it: ("all", "odd" if it.title[-1] in "13579" else "even"))
            print(f"done {k}", flush=True)
            k += 1
    """
)


def _id(name: str, source: str) -> str:
    return hashlib.sha256(f"url:https://{source}.gov.cn/{name}.html".encode()).hexdigest()[:32]


def _run_and_kill(path: Path, run: int, rng: random.Random) -> list[int]:
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parent.parent))
    proc = subprocess.Popen([sys.executable, "-c", CHILD, str(path), str(run)], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, env=env, text=True)
    lines: list[str] = []
    ready = threading.Event()

    def reader() -> None:
        assert proc.stdout is not None
        for line in proc.stdout:
            lines.append(line.strip())
            ready.set()

    t = threading.Thread(target=reader)
    t.start()
    assert ready.wait(20), proc.stderr.read() if proc.stderr else ""
    time.sleep(rng.uniform(0.0, 0.35))
    proc.kill()
    proc.wait()
    t.join()
    assert proc.stderr is not None and proc.stdout is not None
    err = proc.stderr.read()
    proc.stdout.close()
    proc.stderr.close()
    assert proc.returncode == -signal.SIGKILL, err
    return [int(x.split()[1]) for x in lines if x.startswith("done ")]


def test_sigkill_never_loses_a_completed_commit(tmp_path: Path) -> None:
    rng = random.Random(os.environ.get("STORE_KILL_SEED", "5"))
    expected: dict[str, str] = {}  # item id → title
    total_done = 0
    for run in range(22):
        done = _run_and_kill(tmp_path, run, rng)
        total_done += len(done)
        for k in done:
            for j in range(6):
                expected[_id(f"{run}-{k}-{j}", f"s{k % 3}")] = f"{run}-{k}-{j}"
        with Store(tmp_path) as s:  # opens (finishing or rolling back the torn commit)
            assert not (tmp_path / "journal.json").exists()
            assert not list(tmp_path.rglob("*.tmp"))
            missing = [t for i, t in expected.items() if s.get(i) is None]
            assert missing == [], f"run {run}: lost {len(missing)} items, e.g. {missing[:3]}"
            # each run's interrupted commit may have landed without being reported
            assert len(expected) <= s.count() <= len(expected) + 6 * (run + 1)
            # the count, the per-source indexes and the states agree (each item has one source)
            states = s.states()
            assert sum(st.items for st in states.values()) == s.count()
            assert len(s.topic_items("all", 10)) == min(10, s.count())
    assert total_done > 22  # the kills landed while commits were happening
