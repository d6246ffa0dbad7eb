#!/usr/bin/env python3
"""Where a JFR recording's CPU samples go: samples per thread group, then the methods with the most samples
including callees (inclusive) and on top of the stack (self), for the threads matching THREAD_REGEX.

Usage: bench/jfr_top.py RECORDING.jfr [THREAD_REGEX] [N]
  e.g. SERVE_OPTS="-XX:StartFlightRecording=filename=/tmp/c.jfr,settings=profile" CLIENT=pusher bench/push.sh 300 10 40
       bench/jfr_top.py /tmp/c.jfr '^ingest-N$' 60
Thread names have their digits folded (ingest-1, ingest-2 -> ingest-N). Needs the JDK's `jfr` (JAVA_HOME or PATH).
JIT compiler and GC threads run no Java code and are not sampled: push.sh's per-thread CPU line shows them.
"""
import collections
import json
import os
import re
import shutil
import subprocess
import sys


def main():
    if len(sys.argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    recording = sys.argv[1]
    pattern = re.compile(sys.argv[2]) if len(sys.argv) > 2 else None
    n = int(sys.argv[3]) if len(sys.argv) > 3 else 50
    jfr = os.path.join(os.environ["JAVA_HOME"], "bin", "jfr") if os.environ.get("JAVA_HOME") else shutil.which("jfr")
    out = subprocess.run([jfr, "print", "--json", "--stack-depth", "96", "--events", "jdk.ExecutionSample", recording],
                         capture_output=True, text=True, check=True).stdout
    by_thread, inclusive, self_ = collections.Counter(), collections.Counter(), collections.Counter()
    total = 0
    for e in json.loads(out)["recording"]["events"]:
        t = e["values"]["sampledThread"]
        name = re.sub(r"\d+", "N", t.get("javaName") or t.get("osName") or "?")
        by_thread[name] += 1
        if pattern and not pattern.search(name):
            continue
        total += 1
        stack = e["values"]["stackTrace"]
        frames = stack["frames"] if stack else []
        seen = set()
        for i, f in enumerate(frames):
            key = f["method"]["type"]["name"] + "." + f["method"]["name"]
            if i == 0:
                self_[key] += 1
            if key not in seen:
                seen.add(key)
                inclusive[key] += 1
    print("samples by thread:", ", ".join(f"{k} {v}" for k, v in by_thread.most_common(15)))
    print(f"\n{total} samples of threads matching {pattern.pattern if pattern else 'any'}; inclusive:")
    for k, c in inclusive.most_common(n):
        print(f"{c:7d} {100 * c / max(total, 1):5.1f}%  {k}")
    print("\nself:")
    for k, c in self_.most_common(min(n, 30)):
        print(f"{c:7d} {100 * c / max(total, 1):5.1f}%  {k}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
