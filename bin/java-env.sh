# Sourced by ./tillwatch, ./run-tests and .ci/run: exports JAVA_HOME pointing at a JDK 21 or newer.
# Order: $JAVA_HOME if new enough, the `java` on PATH, then the newest JDK under /usr/lib/jvm.

tw_java_major() {
  "$1" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2; exit}' | cut -d. -f1
}

tw_find_jdk() {
  local candidate major
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/javac" ]; then
    major=$(tw_java_major "$JAVA_HOME/bin/java")
    if [ "${major:-0}" -ge 21 ] 2>/dev/null; then echo "$JAVA_HOME"; return 0; fi
  fi
  if command -v javac >/dev/null 2>&1; then
    candidate=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
    major=$(tw_java_major "$candidate/bin/java")
    if [ "${major:-0}" -ge 21 ] 2>/dev/null; then echo "$candidate"; return 0; fi
  fi
  local best="" best_major=0
  for candidate in /usr/lib/jvm/*/; do
    candidate=${candidate%/}
    [ -x "$candidate/bin/javac" ] || continue
    major=$(tw_java_major "$candidate/bin/java")
    if [ "${major:-0}" -ge 21 ] 2>/dev/null && [ "$major" -gt "$best_major" ]; then best=$candidate; best_major=$major; fi
  done
  if [ -n "$best" ]; then echo "$best"; return 0; fi
  return 1
}

if ! TW_JDK=$(tw_find_jdk); then
  echo "tillwatch needs a JDK 21 or newer (Lucene 10) and found none (JAVA_HOME, PATH, /usr/lib/jvm)." >&2
  echo "Install one, e.g. 'apt-get install openjdk-21-jdk-headless' (Debian 13) or Temurin 21+, or set JAVA_HOME." >&2
  exit 1
fi
export JAVA_HOME="$TW_JDK"
export PATH="$JAVA_HOME/bin:$PATH"
# Maven's own Guice trips JDK 24+'s sun.misc.Unsafe warning; the flag does not exist before 23.
if [ "$(tw_java_major "$JAVA_HOME/bin/java")" -ge 24 ] 2>/dev/null; then
  case " ${MAVEN_OPTS:-} " in *unsafe-memory-access*) ;; *) export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow" ;; esac
fi
unset TW_JDK

# The JVM's garbage collector unless OPTIONS (the arguments) name one: the Parallel collector. tillwatch's big jobs
# (serve, index, replay) want throughput, and on 2 cores Parallel spent a quarter of G1's CPU on collection for the
# same ingestion (bench/push.sh 100 10 140: GC threads 0.9 against 3.6 CPU-s, collector 28.6 against 34.5 CPU-s).
# Its young pauses are tens of ms and a full one over a live set of ~200 MB a few hundred: within the 2 s budget
# from a receipt's last line to searchable.
tw_gc_opts() {
  case " $* " in *" -XX:+Use"*"GC "*) ;; *) echo "-XX:+UseParallelGC" ;; esac
}
