#!/usr/bin/env bash
# JMH benchmark of parse+assemble on a simulated fleet held in memory. Extra args go to JMH (e.g. -f 1 -wi 2 -i 3).
# A first argument not starting with '-' picks another benchmark: bench/jmh.sh StoredFormBenchmark (stored form encoding).
# Reports bytes/s of raw log (the "bytes" counter) per thread; run with -t 1 for the per-core figure.
set -euo pipefail
here="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
. "$here/bin/java-env.sh"
cd "$here"
bench=ParseBenchmark
if [ $# -gt 0 ] && [ "${1#-}" = "$1" ]; then bench=$1; shift; fi
./mvnw -q -B -DskipTests package -pl benchmarks -am
exec "$JAVA_HOME/bin/java" -cp "benchmarks/target/tillwatch-benchmarks-0.1.0-SNAPSHOT.jar:benchmarks/target/lib/*" \
  org.openjdk.jmh.Main "$bench" -t 1 -f 1 -wi 3 -w 5s -i 5 -r 5s "$@"
