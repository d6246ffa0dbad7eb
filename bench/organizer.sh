#!/usr/bin/env bash
# Organizer query benchmark: builds an index of N transactions (default 10 million; synthesised straight through the
# index writer, 500 stores x 10 registers x 30 days) once in DIR, then times filtered organizer commands on it.
# Usage: bench/organizer.sh [N] [DIR]
set -euo pipefail
here="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
. "$here/bin/java-env.sh"
"$here/tillwatch" --version >/dev/null   # builds the CLI when it is missing or stale
exec "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -Xmx2g ${TILLWATCH_JAVA_OPTS:-} \
  -cp "$here/cli/target/tillwatch-cli.jar" org.tillwatch.cli.organizer.OrganizerBenchmark "${1:-10000000}" "${2:-/tmp/tillwatch-organizer-bench}"
