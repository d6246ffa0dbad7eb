#!/usr/bin/env bash
# Alert latency: push of the line that makes a rule true (zero pending) -> the SMTP server (GreenMail, in the JVM)
# accepted the email; prints p50/p99 over ROUNDS rounds (default 50). Usage: bench/alert-latency.sh [ROUNDS]
set -euo pipefail
here="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
. "$here/bin/java-env.sh"
cd "$here"
./mvnw -q -B -DskipTests install -pl cli -am
./mvnw -B -pl cli test -Dtest=AlertLatencyBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dbench.rounds="${1:-50}" \
  | grep -E "ALERT LATENCY|Tests run|FAIL" || true
