#!/usr/bin/env bash
# End-to-end push benchmark: simulate a fleet, start `tillwatch serve` (-Xmx512m), push the fleet's logs with
# `tillwatch replay --speed max`, and time it until everything is indexed. Reports MB/s (of uncompressed log),
# receipts/s, the collector's CPU, peak RSS and max heap, and the latency from a receipt's last line to searchable
# (a probe register pushes one receipt every 0.5 s during the run). Helper: bench/push_run.py.
# Usage: bench/push.sh [STORES] [REGISTERS_PER_STORE] [RECEIPTS_PER_REGISTER]
# Defaults: 100 stores x 10 registers x 140 receipts (~510 MB of log), the density of the sample fleet (~130 receipts
# per register a day) and the simulator's default. Costs that follow log time, not bytes (alert steps, windows sliding,
# register silence), weigh per MB as many times more as a fleet is sparser: 40 receipts a register costs ~0.09 CPU-s/MB
# where 140 costs ~0.06.
# Env: WARMUP=N (with CLIENT=pusher) first pushes, unmeasured, the day before with N receipts per register and waits
# until it is indexed: the figures are then those of a warmed-up collector (JIT done, every register's stream open).
# CLIENT=pusher sends the same requests with bench/Pusher.java instead of replay (replay's requests recorded once
# per fleet/slice/chunk into the fleet's folder, then sent by a lean keep-alive client; replay costs ~20 CPU-s per
# 440 MB on the same 2 cores), SERVE_OPTS (extra JVM options for the collector, e.g. -XX:StartFlightRecording=...), CONCURRENCY (8), CHUNK (1MiB), HEAP (512m), WORK_DIR (/tmp/tillwatch-push-bench), KEEP=1 keeps the run's data
# (index, spool, serve.log, replay.log). Simulated fleets stay in WORK_DIR, keyed by the sizes, and are reused.
# Replay keeps registers within SLICE seconds of log time of each other (default here 3600: a bulk load); with
# replay's own default of 1 s requests average ~270 bytes and the run measures requests per second, not bytes.
set -euo pipefail
here="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
stores=${1:-100}
registers=${2:-10}
receipts=${3:-140}
concurrency=${CONCURRENCY:-8}
slice=${SLICE:-3600}
chunk=${CHUNK:-1MiB}
heap=${HEAP:-512m}
work=${WORK_DIR:-/tmp/tillwatch-push-bench}
day=2026-11-20
fleet="$work/fleet-${stores}x${registers}x${receipts}"
run="$work/run-$$"
server_pid=""

cleanup() {
  local rc=$?
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill -TERM "$server_pid" 2>/dev/null || true
    for _ in $(seq 1 300); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.1; done
    kill -0 "$server_pid" 2>/dev/null && kill -KILL "$server_pid" 2>/dev/null || true
  fi
  if [ "${KEEP:-0}" = 1 ]; then echo "kept: $run (data, serve.log, replay.log)" >&2; else rm -rf "$run"; fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

mkdir -p "$work"
if [ ! -f "$fleet/.done" ]; then
  rm -rf "$fleet"
  "$here/tillwatch" simulate --out "$fleet" --stores "$stores" --registers "$registers" --receipts "$receipts" \
      --seed 42 --day "$day" >/dev/null
  touch "$fleet/.done"
fi
warm_fleet=""
if [ "${WARMUP:-0}" != 0 ]; then
  [ "${CLIENT:-replay}" = pusher ] || { echo "push.sh: WARMUP needs CLIENT=pusher (it continues each register's pushed stream)" >&2; exit 2; }
  warm_fleet="$work/fleet-${stores}x${registers}x${WARMUP}-warmup"
  if [ ! -f "$warm_fleet/.done" ]; then
    rm -rf "$warm_fleet"
    "$here/tillwatch" simulate --out "$warm_fleet" --stores "$stores" --registers "$registers" --receipts "$WARMUP" \
        --seed 42 --day "$(date -d "$day - 1 day" +%F)" >/dev/null
    touch "$warm_fleet/.done"
  fi
fi
raw_mb=$(du -sm "$fleet/logs" | cut -f1)
echo "fleet: $stores stores x $registers registers x $receipts receipts, ${raw_mb} MB on disk (a third gzipped) in $fleet"

# Run the CLI from a snapshot of cli/target (what ./tillwatch runs, after it rebuilt it if stale), so that a rebuild
# by someone else during the run cannot swap the classes under the running JVMs.
"$here/tillwatch" --version >/dev/null
mkdir -p "$run/cli"
cp "$here/cli/target/tillwatch-cli.jar" "$run/cli/" && cp -r "$here/cli/target/lib" "$run/cli/"
. "$here/bin/java-env.sh"  # JAVA_HOME, and tw_gc_opts: the collector runs with the GC ./tillwatch gives it
java=("$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED)
jar="$run/cli/tillwatch-cli.jar"

# = TILLWATCH_JAVA_OPTS=-Xmx512m ./tillwatch serve ... (the same default GC); started directly so that $! is the JVM (CPU, RSS, SIGTERM).
"${java[@]}" "-Xmx$heap" $(tw_gc_opts ${SERVE_OPTS:-}) ${SERVE_OPTS:-} -jar "$jar" serve --port 0 --host 127.0.0.1 --data "$run/data" --stores "$fleet/stores.csv" \
    >"$run/serve.log" 2>&1 &
server_pid=$!
url=""
for _ in $(seq 1 600); do
  url=$(sed -n 's|^tillwatch collector listening on \(http://[^/ ]*\)/.*|\1|p' "$run/serve.log" | head -1)
  [ -n "$url" ] && break
  if ! kill -0 "$server_pid" 2>/dev/null; then
    echo "push.sh: the collector exited before listening; its output:" >&2; cat "$run/serve.log" >&2; exit 1
  fi
  sleep 0.1
done
if [ -z "$url" ]; then
  echo "push.sh: the collector did not say 'listening' within 60 s; its output:" >&2; cat "$run/serve.log" >&2; exit 1
fi
echo "collector: pid $server_pid, $url, -Xmx$heap $(tw_gc_opts ${SERVE_OPTS:-}), data $run/data"

# replay_args FLEET URL
replay_args() { echo --logs "$1/logs" --server "$2" --speed max --stores "$1/stores.csv" --concurrency "$concurrency" --chunk-bytes "$chunk" --slice "$slice"; }
# capture_of FLEET: replay's requests for the fleet, recorded once into the fleet's folder (not measured); prints the file
capture_of() {
  local capture="$1/capture-slice$slice-chunk$chunk.bin"
  if [ ! -f "$capture" ]; then
    echo "recording replay's requests once into $capture (not measured)..." >&2
    "$JAVA_HOME/bin/java" -cp "$run/pusher" Pusher record "$capture.tmp" >"$run/recorder.log" 2>&1 &
    local recorder=$!
    for _ in $(seq 1 100); do grep -q "listening on" "$run/recorder.log" && break; sleep 0.1; done
    local rec_url
    rec_url=$(sed -n 's/^listening on //p' "$run/recorder.log")
    "${java[@]}" -jar "$jar" replay $(replay_args "$1" "$rec_url") >"$run/record-replay.log" 2>&1
    kill -TERM "$recorder"; wait "$recorder" || true
    mv "$capture.tmp" "$capture"
  fi
  echo "$capture"
}
client=("${java[@]}" -jar "$jar" replay $(replay_args "$fleet" "$url"))
if [ "${CLIENT:-replay}" = pusher ]; then
  mkdir -p "$run/pusher" && "$JAVA_HOME/bin/javac" -d "$run/pusher" "$here/bench/Pusher.java"
  capture=$(capture_of "$fleet")
  rebase=()
  if [ -n "$warm_fleet" ]; then
    # Warm-up (not measured): the day before, same stores and registers, pushed and indexed before the measured run,
    # so that the JIT has compiled the hot code and every register's stream exists, as in a collector that has run
    # for a while. The measured day then continues each register's pushed stream (--rebase).
    warm_capture=$(capture_of "$warm_fleet")
    t_warm=$(date +%s%N)
    "$JAVA_HOME/bin/java" -cp "$run/pusher" Pusher push "$url" "$warm_capture" "$concurrency" >"$run/warmup.log" 2>&1 \
        || { echo "push.sh: the warm-up push failed:" >&2; cat "$run/warmup.log" >&2; exit 1; }
    python3 "$here/bench/push_run.py" --server "$url" --settle-only
    echo "warm-up (not measured): $(du -sm "$warm_fleet/logs" | cut -f1) MB on disk of the day before pushed and indexed in" \
         "$(( ($(date +%s%N) - t_warm) / 1000000 )) ms"
    rebase=(--rebase)
  fi
  client=("$JAVA_HOME/bin/java" -cp "$run/pusher" Pusher push "$url" "$capture" "$concurrency" "${rebase[@]}")
fi
echo "client: ${client[*]}"
python3 "$here/bench/push_run.py" --server "$url" --pid "$server_pid" --replay-log "$run/replay.log" \
    --expected "$fleet/expected.json" --results "$run/results" -- "${client[@]}"

# Stop the collector as an operator would: SIGTERM drains and commits.
t_stop=$(date +%s%N)
kill -TERM "$server_pid"
for _ in $(seq 1 600); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.1; done
if kill -0 "$server_pid" 2>/dev/null; then
  echo "push.sh: the collector did not stop within 60 s of SIGTERM" >&2
else
  wait "$server_pid" 2>/dev/null && stop_rc=0 || stop_rc=$?
  grep -q "collector stopped" "$run/serve.log" && stopped="drained and committed" || stopped="no 'stopped' line"
  echo "collector stop: SIGTERM -> exit $stop_rc in $(( ($(date +%s%N) - t_stop) / 1000000 )) ms ($stopped)"
fi
server_pid=""
if grep -qE "SEVERE|Exception|OutOfMemory" "$run/serve.log"; then
  echo "collector log has errors:"; grep -E "SEVERE|Exception|OutOfMemory" "$run/serve.log" | head -5
fi

. "$run/results"
echo
echo "Summary: pushing a simulated fleet of $stores stores x $registers registers x $receipts receipts ($MB MB of uncompressed" \
  "log, $RECEIPTS receipts+incomplete) with ${CLIENT:-replay} (replay --speed max requests) --concurrency $concurrency --chunk-bytes $chunk to a collector" \
  "with -Xmx$heap took $WALL s from replay start to fully indexed (replay itself $REPLAY_S s, $CHUNKS requests of $AVG_CHUNK bytes on average): $MBPS MB/s, $RPS receipts/s;" \
  "collector CPU $CPU_S s = $CPU_PCT% of 2 cores, $CPU_PER_MB CPU-s/MB (the ${CLIENT:-replay} client used another $REPLAY_CPU_S s), peak RSS $HWM_MIB MiB," \
  "max heap used $HEAP_MIB MiB, $R503 replay retries after 503; receipt-to-searchable latency over $PROBE_N probes" \
  "(pushed with a trailing noise line, so no idle flush): p50 $PROBE_P50 ms, p99 $PROBE_P99 ms, max $PROBE_MAX ms" \
  "($PROBE_LOST lost, $PROBE_503 probe 503s); per-store search totals match /status: $SEARCHABLE_OK." \
  "Command: bench/push.sh $stores $registers $receipts (CLIENT=${CLIENT:-replay} CONCURRENCY=$concurrency CHUNK=$chunk SLICE=$slice)."
