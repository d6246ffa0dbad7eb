#!/usr/bin/env bash
# OpenSearch bulk-indexing benchmark: the sample day (../shared/samples/fleet-small) COPIES times into a real in-JVM
# OpenSearch node (modules/opensearch's OpenSearchTestNode), THREADS writer threads, batches of BATCH; prints
# transactions/s, MB/s of register log and bytes per transaction in the index (also into
# modules/opensearch/target/opensearch-bench.txt). Usage: bench/opensearch.sh [COPIES=10] [BATCH=1000] [THREADS=1]
set -euo pipefail
here="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
. "$here/bin/java-env.sh"
repo=()
[ -n "${MAVEN_REPO_LOCAL:-}" ] && repo=("-Dmaven.repo.local=$MAVEN_REPO_LOCAL")
cd "$here"
./mvnw -B -q "${repo[@]}" -pl modules/opensearch -am install -DskipTests
./mvnw -B -q "${repo[@]}" -pl modules/opensearch surefire:test -Dtest=OpenSearchBench -Dsurefire.failIfNoSpecifiedTests=false \
  -Dbench.copies="${1:-10}" -Dbench.batch="${2:-1000}" -Dbench.threads="${3:-1}" >/dev/null
cat modules/opensearch/target/opensearch-bench.txt
