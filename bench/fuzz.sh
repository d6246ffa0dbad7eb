#!/usr/bin/env bash
# Long fuzzing run of one Jazzer target (the normal test suite only replays the seed corpora).
#   bench/fuzz.sh <module> <TestClass#method> [duration, default 10m]
#   bench/fuzz.sh modules/domain ReferenceDialectFuzzTest#anyBytesAreReadOrCountedMalformed 1h
# Jazzer prints libFuzzer status lines ("#123456 ... exec/s"); the last "#N" is the number of inputs tried.
# The generated corpus goes to <module>/.cifuzz-corpus/ (not committed); a crashing input is written next to the
# seeds in src/test/resources/<package>/<TestClass>Inputs/<method>/ and becomes a regression input of the suite.
set -euo pipefail
here="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
. "$here/bin/java-env.sh"
cd "$here"
if [[ $# -lt 2 ]]; then
  echo "usage: bench/fuzz.sh <module> <TestClass#method> [duration, e.g. 10m]" >&2
  exit 2
fi
module="$1" target="$2" duration="${3:-10m}"
# -am builds the modules it depends on in the same reactor (their tests are filtered out by -Dtest).
JAZZER_FUZZ=1 exec ./mvnw -B -ntp -pl "$module" -am test -Dtest="$target" -Dsurefire.failIfNoSpecifiedTests=false \
  -Djazzer.hooks=true -Djazzer.max_duration="$duration"
