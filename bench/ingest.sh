#!/usr/bin/env bash
# End-to-end ingest benchmark: simulate a fleet of at least SIZE_MB of raw logs (default 1100), then time
# `tillwatch index` on it (2 parser threads) and report MB/s (of uncompressed log) and peak memory.
# Usage: bench/ingest.sh [SIZE_MB] [WORK_DIR]
set -euo pipefail
here="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
size_mb=${1:-1100}
work=${2:-/tmp/tillwatch-bench}
fleet="$work/fleet"
data="$work/data"
# A register with ~150 receipts writes ~0.5 MB a day: size the fleet from that, 10 registers a store.
stores=$(( (size_mb * 1000 / 500 + 9) / 10 ))
if [ ! -f "$fleet/.size-$size_mb" ]; then
  rm -rf "$fleet" && mkdir -p "$work"
  "$here/tillwatch" simulate --out "$fleet" --stores "$stores" --registers 10 --receipts 150 --seed 42 --day 2026-11-20 >/dev/null
  touch "$fleet/.size-$size_mb"
fi
raw_mb=$(du -sm "$fleet/logs" | cut -f1)
rm -rf "$data"
echo "fleet: $stores stores x 10 registers, ${raw_mb} MB on disk (a third of the registers gzipped) in $fleet/logs"
/usr/bin/time -f "peak RSS %M KB, %e s wall, %P CPU" "$here/tillwatch" index --logs "$fleet/logs" --stores "$fleet/stores.csv" --data "$data" --threads 2 | tail -3
echo "index size: $(du -sm "$data/index" | cut -f1) MB"
