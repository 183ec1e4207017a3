"""Rewrite the extraction corpus in tests/data/sites from the page builders."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import common  # noqa: E402
import pages_fzzx  # noqa: E402
import pages_govcn  # noqa: E402
import pages_local  # noqa: E402
import pages_trs  # noqa: E402

if __name__ == "__main__":
    for mod in (pages_fzzx, pages_govcn, pages_trs, pages_local):
        mod.build()
    common.write_all()
    arts = sum(1 for p in common.PAGES if p[3]["kind"] == "article")
    print(f"{len(common.PAGES)} pages ({arts} articles, {len(common.PAGES) - arts} lists)")
