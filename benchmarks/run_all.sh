#!/usr/bin/env bash
# Every benchmark of benchmarks/README.md, in one go, from a clean checkout (about 35 minutes on 2 cores):
#   bash benchmarks/run_all.sh            # logs and JSON under benchmarks/work/ (git-ignored)
# Installs the comparison library `reader` (and sgmllib3k, which its vendored feedparser imports) if missing.
set -euo pipefail
cd "$(dirname "$0")/.."
WORK=benchmarks/work
mkdir -p "$WORK"
PY=${PYTHON:-python}

$PY -c "import reader, sgmllib" 2>/dev/null || $PY -m pip install -q "reader>=3.12" "sgmllib3k>=1.0"
command -v wrk >/dev/null || echo "wrk not found: the requests/s step will fail (apt-get install wrk)" >&2

echo "== machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GB", $2/1048576}' /proc/meminfo), $($PY -V), $(date -u '+%Y-%m-%d %H:%M UTC')"

echo "== 1. poll vs reader: 1,000 feeds × 20 items, ~30 KB feeds (cold, warm, peak RSS, profile)"
$PY benchmarks/poll_vs_reader.py --feeds 1000 --item-kb 1.5 2>&1 | tee "$WORK/poll_vs_reader-1000.log"

echo "== 1b. the heavy variant: 100 feeds × 20 items of ~30 KB (~600 KB feeds)"
$PY benchmarks/poll_vs_reader.py --feeds 100 --item-kb 30 --no-profile 2>&1 | tee "$WORK/poll_vs_reader-100x30.log"

echo "== 2. daemon memory over poll cycles, the real daemon, served feed requests/s"
$PY benchmarks/daemon_memory.py --sources 1000 --cycles 100 2>&1 | tee "$WORK/daemon_memory.log"

if [ -f benchmarks/store_bench.py ]; then
  echo "== 3. store: per-poll commit at 10k and 100k items, publishing, RSS"
  $PY benchmarks/store_bench.py 2>&1 | tee "$WORK/store_bench.log"
fi
if [ -f benchmarks/parsers.py ]; then
  echo "== 4. feed parsers: feedparser vs fastfeedparser"
  $PY benchmarks/parsers.py 2>&1 | tee "$WORK/parsers.log"
fi
echo "== done; logs in $WORK/"
