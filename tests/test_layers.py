"""Imports flow one way (docs/design.md): a module imports only from lower layers,
and each third-party library belongs to the module(s) that own it."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PKG = Path(__file__).parent.parent / "aggregator"

LAYERS = {
    "errors": 0, "model": 0, "logs": 0, "dates": 0,
    "config": 1, "sanitize": 1, "charset": 1, "urls": 1,
    "configedit": 2, "opml": 2, "fetch": 2, "feedparse": 2, "feedfast": 2, "scrape": 2, "normalize": 2,
    "topics": 2, "store": 2, "atom": 2, "statusview": 2,
    "pipeline": 3, "dryrun": 3, "server": 4, "daemon": 5, "cli": 6, "__main__": 7, "__init__": 0,
}
# layer-2 modules that may use some siblings (design.md)
SIBLINGS = {
    "normalize": {"sanitize"}, "scrape": {"sanitize", "charset", "dates"},
    "feedparse": {"charset", "dates", "sanitize", "feedfast"},
    "feedfast": {"charset", "dates", "sanitize"},
    "dryrun": {"pipeline"},
}
OWNERS = {
    "httpx": {"fetch"}, "feedparser": {"feedparse", "feedfast"}, "fastfeedparser": {"feedparse"},
    "tinydb": {"store"}, "feedgen": {"atom"}, "apscheduler": {"daemon"}, "tomlkit": {"configedit"},
    "aiohttp": {"server"}, "nh3": {"sanitize"}, "charset_normalizer": {"charset"},
    "rich": {"cli"}, "dateutil": {"dates"},
}


def _family(name: str) -> str:
    """scrape_article → scrape, store_index → store: split modules share their facade's layer."""
    base = name.split("_")[0] if name not in LAYERS else name
    return base if base in LAYERS else name


def _modules() -> list[Path]:
    return sorted(PKG.glob("*.py"))


def _imports(path: Path) -> list[tuple[str, bool]]:
    """(module name, internal?) for every import in the file."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    out: list[tuple[str, bool]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                if node.module:
                    out.append((node.module.split(".")[0], True))
                else:
                    out += [(a.name, True) for a in node.names]
            elif node.module:
                top = node.module.split(".")[0]
                if top == "aggregator":
                    rest = node.module.split(".")[1:] 
                    out += [(rest[0], True)] if rest else [(a.name, True) for a in node.names]
                else:
                    out.append((top, False))
        elif isinstance(node, ast.Import):
            for a in node.names:
                top = a.name.split(".")[0]
                out.append((a.name.split(".")[1] if top == "aggregator" and "." in a.name else top,
                            top == "aggregator"))
    return out


@pytest.mark.parametrize("path", _modules(), ids=lambda p: p.stem)
def test_imports_flow_one_way(path: Path) -> None:
    me = _family(path.stem)
    assert me in LAYERS, f"{path.stem} has no layer in tests/test_layers.py / docs/design.md"
    for name, internal in _imports(path):
        if internal:
            other = _family(name)
            if other == me or name == "__init__" or name == "__version__":
                continue
            assert other in LAYERS, f"{path.stem} imports unknown module {name}"
            ok = LAYERS[other] < LAYERS[me] or other in SIBLINGS.get(me, set())
            assert ok, f"{path.stem} (layer {LAYERS[me]}) imports {name} (layer {LAYERS[other]})"
        elif name in OWNERS:
            assert me in OWNERS[name], f"{path.stem} imports {name}, which belongs to {OWNERS[name]}"


def test_layer_test_can_fail(tmp_path: Path) -> None:
    bad = tmp_path / "model.py"
    bad.write_text("from .pipeline import Poller\nimport httpx\n")
    imports = _imports(bad)
    assert ("pipeline", True) in imports and ("httpx", False) in imports
