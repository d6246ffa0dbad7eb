#!/usr/bin/env bash
# Soak ("a long day"): simulate a fleet's whole day, push it into a collector with `tillwatch replay --speed max
# --resume`, and stop the collector RESTARTS times in the middle (alternately SIGTERM, then SIGKILL: a crash). After
# the last round the replay runs to its end; then /api/v1/status must equal the simulator's expected.json (per store
# receipts/loyalty/failed/incomplete, chain outcomes, tags, malformed lines). Reports per round the live heap after a
# full GC (jcmd GC.class_histogram), open file descriptors (/proc/<pid>/fd, also sampled every 2 s into fds.tsv),
# RSS, and at the end the index size per receipt. Exit 0 only if the figures match.
# Usage: bench/soak.sh [STORES] [REGISTERS_PER_STORE] [RECEIPTS_PER_REGISTER] [RESTARTS]
# Defaults: 500 x 10 x 20, 4 restarts. The full day of issue 10: bench/soak.sh 2000 10 40 6
# Env: PHASE (seconds of replay before each stop, default 20), HEAP (512m), CONCURRENCY (8), CHUNK (1MiB),
# WORK_DIR (/tmp/tillwatch-soak), KEEP=1 keeps the run's data. Fleets are cached in WORK_DIR by size.
set -euo pipefail
here="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
stores=${1:-500}
registers=${2:-10}
receipts=${3:-20}
restarts=${4:-4}
phase=${PHASE:-20}
heap=${HEAP:-512m}
concurrency=${CONCURRENCY:-8}
chunk=${CHUNK:-1MiB}
work=${WORK_DIR:-/tmp/tillwatch-soak}
fleet="$work/fleet-${stores}x${registers}x${receipts}"
run="$work/run-$$"
server_pid=""
replay_pid=""
sampler_pid=""

stop_pid() { # pid signal: signal, then wait up to 60 s for it to go
  local pid=$1 sig=$2
  kill -"$sig" "$pid" 2>/dev/null || return 0
  for _ in $(seq 1 600); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  if kill -0 "$pid" 2>/dev/null; then kill -KILL "$pid" 2>/dev/null || true; fi
  wait "$pid" 2>/dev/null || true
}

cleanup() {
  local rc=$?
  [ -n "$sampler_pid" ] && stop_pid "$sampler_pid" TERM
  [ -n "$replay_pid" ] && stop_pid "$replay_pid" TERM
  [ -n "$server_pid" ] && stop_pid "$server_pid" TERM
  if [ "${KEEP:-0}" = 1 ]; then echo "kept: $run" >&2; else rm -rf "$run"; fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

mkdir -p "$work" "$run"
if [ ! -f "$fleet/.done" ]; then
  rm -rf "$fleet"
  "$here/tillwatch" simulate --out "$fleet" --stores "$stores" --registers "$registers" --receipts "$receipts" \
      --seed 42 --day 2026-11-20 >/dev/null
  touch "$fleet/.done"
fi
echo "fleet: $stores stores x $registers registers x $receipts receipts, $(du -sm "$fleet/logs" | cut -f1) MB on disk, $fleet"

# A snapshot of the CLI (as push.sh): a rebuild during the run cannot swap classes under the running JVMs.
"$here/tillwatch" --version >/dev/null
mkdir -p "$run/cli"
cp "$here/cli/target/tillwatch-cli.jar" "$run/cli/" && cp -r "$here/cli/target/lib" "$run/cli/"
. "$here/bin/java-env.sh"  # JAVA_HOME, and tw_gc_opts: the collector runs with the GC ./tillwatch gives it
java=("$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED)
jar="$run/cli/tillwatch-cli.jar"
url=""

start_server() {
  : >"$run/serve.log"
  "${java[@]}" "-Xmx$heap" $(tw_gc_opts) -jar "$jar" serve --port 0 --host 127.0.0.1 --data "$run/data" --stores "$fleet/stores.csv" \
      >>"$run/serve.log" 2>&1 &
  server_pid=$!
  echo "$server_pid" >"$run/pid"
  url=""
  for _ in $(seq 1 1200); do
    url=$(sed -n 's|^tillwatch collector listening on \(http://[^/ ]*\)/.*|\1|p' "$run/serve.log" | head -1)
    [ -n "$url" ] && return 0
    kill -0 "$server_pid" 2>/dev/null || { echo "soak: the collector exited:" >&2; cat "$run/serve.log" >&2; exit 1; }
    sleep 0.1
  done
  echo "soak: the collector did not listen within 120 s" >&2; exit 1
}

start_replay() {
  "${java[@]}" -jar "$jar" replay --logs "$fleet/logs" --server "$url" --speed max --stores "$fleet/stores.csv" \
      --concurrency "$concurrency" --chunk-bytes "$chunk" --slice 3600 --resume >>"$run/replay.log" 2>&1 &
  replay_pid=$!
}

# Live heap after a full GC, open fds, RSS of the running collector.
measure() {
  local live fds rss
  live=$("$JAVA_HOME/bin/jcmd" "$server_pid" GC.class_histogram 2>/dev/null | tail -1 | awk '{print $3}') || true
  fds=$(ls "/proc/$server_pid/fd" 2>/dev/null | wc -l || true)
  rss=$(awk '/VmRSS/ {print $2}' "/proc/$server_pid/status" 2>/dev/null || true)
  printf '%s\tlive heap after GC %d MiB\topen fds %d\tRSS %d MiB\n' "$1" $(( ${live:-0} >> 20 )) "$fds" $(( ${rss:-0} >> 10 )) \
      | tee -a "$run/rounds.tsv"
}

( t0=$(date +%s); while sleep 2; do p=$(cat "$run/pid" 2>/dev/null) || continue
    [ -d "/proc/$p" ] && echo -e "$(( $(date +%s) - t0 ))\t$p\t$(ls /proc/$p/fd 2>/dev/null | wc -l)" >>"$run/fds.tsv"; done ) &
sampler_pid=$!

t_start=$(date +%s)
for round in $(seq 1 "$restarts"); do
  start_server
  start_replay
  sleep "$phase"
  measure "round $round ($(( $(date +%s) - t_start )) s)"
  if (( round % 2 )); then sig=TERM; else sig=KILL; fi
  stop_pid "$server_pid" "$sig"
  echo "round $round: collector stopped with SIG$sig"
  server_pid=""
  wait "$replay_pid" 2>/dev/null || true # it fails without its collector; the next round resumes
  replay_pid=""
done

start_server
start_replay
wait "$replay_pid" || { echo "soak: the last replay failed:" >&2; tail -5 "$run/replay.log" >&2; exit 1; }
replay_pid=""
ok=1
for _ in $(seq 1 120); do
  curl -sf "$url/api/v1/status" >"$run/status.json" && python3 "$here/bench/soak_check.py" "$run/status.json" \
      "$fleet/expected.json" >"$run/check.txt" && { ok=0; break; }
  sleep 1
done
measure "end ($(( $(date +%s) - t_start )) s)"
index_bytes=$(du -sb "$run/data/index" 2>/dev/null | cut -f1 || du -sb "$run/data" | cut -f1)
counted=$(python3 -c 'import json,sys; s=json.load(open(sys.argv[1])); print(s["receipts"] + s["incomplete"])' "$run/status.json")
stop_pid "$server_pid" TERM
server_pid=""
cat "$run/check.txt"
echo "fds over time (s, pid, open fds): min/max per collector run:"
awk -F'\t' '{ if (!($2 in mn) || $3 < mn[$2]) mn[$2] = $3; if ($3 > mx[$2]) mx[$2] = $3 } END { for (p in mn) print "  pid " p ": " mn[p] "-" mx[p] }' "$run/fds.tsv"
echo "index: $index_bytes bytes for $counted receipts = $(( index_bytes / (counted > 0 ? counted : 1) )) bytes per receipt"
grep -h "Retries after 503" "$run/replay.log" | tail -1 || true
echo "soak: $stores x $registers x $receipts, $restarts restarts, $(( $(date +%s) - t_start )) s: figures $([ $ok = 0 ] && echo MATCH || echo DIFFER) expected.json"
exit $ok
