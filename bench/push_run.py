#!/usr/bin/env python3
"""Measuring side of bench/push.sh: against a running collector, runs the replay, probes receipt-to-searchable
latency with a dedicated register, waits until everything is indexed, samples CPU/heap/RSS and prints the figures.

Usage: push_run.py --server URL --pid PID --replay-log FILE [--expected expected.json] -- REPLAY COMMAND...
Only the Python standard library. Prints a human report and writes KEY=VALUE lines to --results (for push.sh).
"""
import argparse
import datetime as dt
import http.client
import json
import os
import random
import re
import resource
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse
import zoneinfo

PROBE_STORE, PROBE_REGISTER, PROBE_SHIFT = "ZZ99", "POS99", 901
# The probe register lives on the day before the simulated fleet's day, so its events never move the collector's
# watermark (the latest event instant from any register) ahead of the fleet: receipts stay plain, the live windows
# and the 30-minute INCOMPLETE expiry of the fleet's registers are unaffected.
PROBE_BASE = dt.datetime(2026, 11, 19, 12, 0, 0)
PROBE_BULK_REGISTER = "POS98"
BULK_PADDING_LINES = 300  # ~22 KB: over IngestEngine.LIVE_CHUNK_BYTES (16 KiB)
PROBE_ZONE = zoneinfo.ZoneInfo("Europe/Moscow")  # CollectorConfig's default zone, for stores not in stores.csv


class Http:
    """One keep-alive connection per thread; reconnects on failure."""

    def __init__(self, base, timeout=30):
        u = urllib.parse.urlsplit(base)
        self.host, self.port, self.timeout = u.hostname, u.port or 80, timeout
        self.conn = None
        self.headers = None  # the last response's

    def request(self, method, path, body=None, headers=None):
        for attempt in range(2):
            try:
                if self.conn is None:
                    self.conn = http.client.HTTPConnection(self.host, self.port, timeout=self.timeout)
                self.conn.request(method, path, body=body, headers=headers or {})
                r = self.conn.getresponse()
                data = r.read()
                self.headers = r.headers
                return r.status, data
            except (OSError, http.client.HTTPException):
                if self.conn is not None:
                    self.conn.close()
                self.conn = None
                if attempt == 1:
                    raise
        raise AssertionError

    def json(self, path):
        status, data = self.request("GET", path)
        if status != 200:
            raise RuntimeError(f"GET {path}: HTTP {status}: {data[:200]!r}")
        return json.loads(data)


def metrics(h):
    status, data = h.request("GET", "/metrics")
    if status != 200:
        raise RuntimeError(f"GET /metrics: HTTP {status}")
    out = {"heap": 0.0}
    for line in data.decode("utf-8", "replace").splitlines():
        if line.startswith("#"):
            continue
        m = re.match(r'^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{[^}]*\})?\s+(\S+)', line)
        if not m:
            continue
        name, labels, value = m.group(1), m.group(2) or "", m.group(3)
        try:
            v = float(value)
        except ValueError:
            continue
        if name == "jvm_memory_used_bytes" and 'area="heap"' in labels:
            out["heap"] += v
        elif name == "process_cpu_seconds_total":
            out["cpu"] = v
        elif name == "tillwatch_ingested_bytes_total" and 'input="push"' in labels:
            out["push_bytes"] = out.get("push_bytes", 0.0) + v
        elif name == "tillwatch_queue_depth" and 'queue="push_backlog_bytes"' in labels:
            out["backlog"] = v
    return out


def proc_cpu(pid):
    """utime+stime of a process in seconds, from /proc/<pid>/stat."""
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def thread_cpu(pid):
    """CPU seconds per thread group (digits in thread names folded: ingest-1, ingest-2 -> ingest-N)."""
    out = {}
    tck = os.sysconf("SC_CLK_TCK")
    for tid in os.listdir(f"/proc/{pid}/task"):
        try:
            with open(f"/proc/{pid}/task/{tid}/comm") as f:
                name = re.sub(r"\d+", "N", f.read().strip())
            with open(f"/proc/{pid}/task/{tid}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        out[name] = out.get(name, 0.0) + (int(fields[11]) + int(fields[12])) / tck
    return out


def proc_status(pid, key):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith(key + ":"):
                return int(line.split()[1])  # kB
    return None


def pct(values, p):
    if not values:
        return float("nan")
    s = sorted(values)
    k = max(0, min(len(s) - 1, int(round(p / 100.0 * len(s) + 0.5)) - 1))  # nearest rank
    return s[k]


class Probe:
    """Every `interval` s pushes one small complete receipt for ZZ99/POS99 (plus one noise line, so the close is not
    the register's last line and needs no idle flush) and times it until GET of its id answers 200."""

    def __init__(self, server, interval, poll, register=PROBE_REGISTER, bulk=False):
        """bulk: during the run, each receipt comes after BULK_PADDING_LINES noise lines (a catching-up register's chunk)."""
        self.server, self.interval, self.poll = server, interval, poll
        self.register, self.bulk = register, bulk
        self.offset = 0
        self.seq = 0
        self.last = None
        self.watermark, self.watermark_read = None, float("-inf")
        self.dates = {}
        self.lock = threading.Lock()
        self.pending = []          # [(receipt, t_written, phase)] in push order
        self.done = []             # (receipt, latency_s, phase, ack_s, t_written)
        self.ack = {}              # receipt -> POST round trip incl. 503 waits
        self.lost = []
        self.rejected_503 = 0
        self.errors = []
        self.phase = "idle"
        self.stop_push = threading.Event()
        self.stop_all = threading.Event()
        self.pusher = threading.Thread(target=self._push_loop, daemon=True)
        self.poller = threading.Thread(target=self._poll_loop, daemon=True)

    def start(self):
        self.pusher.start()
        self.poller.start()

    def stamp(self, h, k):
        """The probe's k-th receipt time: 2 s after the last one, or the collector's newest log time if that is later,
        so that the probe is never the register furthest behind (alerting holds every fact back for that one)."""
        t = (self.last or PROBE_BASE) + dt.timedelta(seconds=2)
        try:
            if time.monotonic() - self.watermark_read > 0.5:  # at most twice a second: /api/v1/chain is no free call
                status, data = h.request("GET", "/api/v1/chain")
                self.watermark = json.loads(data).get("watermark") if status == 200 else None
                self.watermark_read = time.monotonic()
            wm = self.watermark
            if wm:
                # log lines are local time: the probe store is not registered, so the collector's default zone
                wm = dt.datetime.fromisoformat(wm.replace("Z", "+00:00")).astimezone(PROBE_ZONE).replace(tzinfo=None)
                t = max(t, wm.replace(microsecond=0) + dt.timedelta(seconds=1))
        except (OSError, ValueError, http.client.HTTPException):
            pass
        self.last = t
        self.dates[k] = t.date().isoformat()
        return t

    def body(self, k, t, bulk):
        ts = lambda ms: (t + dt.timedelta(milliseconds=ms)).strftime("%Y-%m-%d %H:%M:%S.%f")[:-3]
        lines = []
        if k == 1:
            lines.append(f"{ts(-500)} INFO  [CashManager] Shift opened: shift={PROBE_SHIFT} cashier=0999")
        if bulk:
            # noise lines in front, so that the chunk is as big as a catching-up register's and is read in queue order
            lines += [f"{ts(-400)} INFO  [SyncService] Price list updated: items={i}" for i in range(BULK_PADDING_LINES)]
        lines += [
            f"{ts(0)} INFO  [PurchaseManager] Receipt opened: shift={PROBE_SHIFT} receipt={k} type=SALE cashier=0999",
            f"{ts(100)} INFO  [PurchaseManager] Position added: pos=1 sku=1000001 name=\"Probe\" qty=1 unit=pcs "
            f"price=1.00 amount=1.00 promo=0 dept=1",
            f"{ts(200)} INFO  [PaymentManager] Payment: tender=CASH amount=1.00",
            f"{ts(300)} INFO  [PurchaseManager] Receipt closed: shift={PROBE_SHIFT} receipt={k} total=1.00 status=OK",
            f"{ts(400)} INFO  [SyncService] Price list updated: items=1",
        ]
        return ("\n".join(lines) + "\n").encode("ascii")

    def _push_loop(self):
        h = Http(self.server, timeout=30)
        next_at = time.monotonic()
        while not self.stop_push.is_set():
            now = time.monotonic()
            if now < next_at:
                self.stop_push.wait(next_at - now)
                continue
            # jittered (+-20%), so that the probes do not keep one phase against the collector's periodic refresh
            next_at += self.interval * random.uniform(0.8, 1.2)
            if next_at < time.monotonic():  # a slow push: do not burst to catch up
                next_at = time.monotonic() + self.interval
            self.seq += 1
            k = self.seq
            phase = self.phase
            body = self.body(k, self.stamp(h, k), self.bulk and phase == "run")
            t_written = time.monotonic()
            with self.lock:
                self.pending.append((k, t_written, phase))
            while True:
                try:
                    status, data = h.request("POST", f"/api/v1/ingest/{PROBE_STORE}/{self.register}", body,
                                             {"Content-Type": "application/octet-stream",
                                              "X-Tillwatch-Offset": str(self.offset)})
                except (OSError, http.client.HTTPException) as e:
                    self.errors.append(f"push {k}: {e}")
                    time.sleep(0.25)
                    continue
                if status == 503:
                    # wait as the collector says, as replay does (50 ms to 1 s: what the excess backlog takes to read)
                    self.rejected_503 += 1
                    wait_ms = int(h.headers.get("X-Tillwatch-Retry-After-Ms", "250")) if h.headers else 250
                    time.sleep(min(max(wait_ms, 10), 1000) / 1000)
                    continue
                if status == 202:
                    self.offset = json.loads(data)["offset"]
                    self.ack[k] = time.monotonic() - t_written
                elif status == 409:
                    self.offset = json.loads(data)["expected_offset"]
                    self.errors.append(f"push {k}: 409, re-sent from {self.offset}")
                    continue
                else:
                    self.errors.append(f"push {k}: HTTP {status} {data[:200]!r}")
                    with self.lock:
                        self.pending = [p for p in self.pending if p[0] != k]
                break

    def _poll_loop(self):
        """Every `poll` s, a GET of each pending probe's id: each is timed when it first answers 200 (polling only the
        oldest pending one timed the others when that one showed, later than they did). A GET by id, not a list query:
        the probe must cost the collector next to nothing."""
        h = Http(self.server, timeout=30)
        while True:
            with self.lock:
                waiting = [p for p in self.pending if p[0] in self.ack]
            if not waiting:
                if self.stop_all.is_set() or (self.stop_push.is_set() and not self.pusher.is_alive() and not self.pending):
                    return
                time.sleep(self.poll)
                continue
            for k, t_written, phase in waiting:
                try:
                    status, _ = h.request("GET", f"/api/v1/transactions/{PROBE_STORE}/{self.register}/{PROBE_SHIFT}/{k}/{self.dates[k]}")
                except (OSError, http.client.HTTPException) as e:
                    self.errors.append(f"poll {k}: {e}")
                    status = None
                now = time.monotonic()
                if status == 200:
                    self.done.append((k, now - t_written, phase, self.ack.get(k), t_written))
                elif now - t_written > 60 or self.stop_all.is_set():
                    self.lost.append(k)
                else:
                    if status not in (404, None):
                        self.errors.append(f"poll {k}: HTTP {status}")
                    continue
                with self.lock:
                    self.pending.remove((k, t_written, phase))
            time.sleep(self.poll)

    def stats(self, phase):
        lat = [d[1] for d in self.done if d[2] == phase]
        acks = [d[3] for d in self.done if d[2] == phase and d[3] is not None]
        return lat, acks

    def since_accepted(self, phase):
        """Latency from the 202 (the collector has the bytes) rather than from the first POST: without 503 waits."""
        return [d[1] - d[3] for d in self.done if d[2] == phase and d[3] is not None]


def fleet_count(status):
    """receipts + incomplete of the fleet: everything but the probe store."""
    total = status["receipts"] + status["incomplete"]
    p = status.get("stores", {}).get(PROBE_STORE)
    if p:
        total -= p["receipts"] + p["incomplete"]
    return total


def wait_indexed(h, settle, timeout):
    """Waits until the backlog is 0 and the fleet's receipts+incomplete have not changed for `settle` seconds."""
    last_count, last_change, zero_at = None, None, None
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        status = h.json("/api/v1/status")
        now = time.monotonic()
        count = fleet_count(status)
        if count != last_count:
            last_count, last_change = count, now
        zero_at = (zero_at or now) if status["backlog_bytes"] == 0 else None
        if zero_at is not None and now - max(last_change, zero_at) >= settle:
            return count
        time.sleep(0.2)
    raise RuntimeError(f"not indexed within {timeout:.0f} s")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--server", required=True)
    ap.add_argument("--pid", type=int, help="the collector JVM")
    ap.add_argument("--replay-log")
    ap.add_argument("--expected", help="the fleet's expected.json (truth of the simulator)")
    ap.add_argument("--results", help="write KEY=VALUE figures here")
    ap.add_argument("--cores", type=int, default=2)
    ap.add_argument("--probe-interval", type=float, default=0.25)
    ap.add_argument("--probe-poll", type=float, default=0.05)
    ap.add_argument("--idle-probes", type=int, default=20, help="probes before the replay, on an idle collector")
    ap.add_argument("--settle", type=float, default=2.0, help="seconds the count must stay unchanged at zero backlog")
    ap.add_argument("--timeout", type=float, default=600, help="most seconds to wait for indexing after the replay")
    ap.add_argument("--sample-every", type=float, default=2.0,
                    help="seconds between /metrics samples (heap, backlog, timeline); a scrape costs the collector CPU too")
    ap.add_argument("--settle-only", action="store_true",
                    help="only wait until what was pushed is indexed (backlog 0, count unchanged for --settle s), e.g. after a warm-up")
    ap.add_argument("replay", nargs=argparse.REMAINDER)
    a = ap.parse_args()
    h = Http(a.server)
    if a.settle_only:
        wait_indexed(h, a.settle, a.timeout)
        return 0
    if a.pid is None:
        ap.error("--pid is required")
    cmd = a.replay[1:] if a.replay and a.replay[0] == "--" else a.replay
    if not cmd:
        ap.error("the replay command is missing (after --)")
    pid = a.pid

    # Baseline, after startup: the run's CPU is measured from here.
    m0 = metrics(h)
    cpu0, pcpu0 = m0.get("cpu", float("nan")), proc_cpu(pid)
    threads0 = thread_cpu(pid)
    push0 = m0.get("push_bytes", 0.0)
    status0 = h.json("/api/v1/status")
    count0 = fleet_count(status0)
    if count0:
        print(f"the collector already has {count0} fleet receipts+incomplete (a warm-up): the run's figures leave them out")

    # Sampler: heap and backlog during the run.
    samples = {"heap_max": m0["heap"], "backlog_max": 0.0, "n": 0, "errors": 0}
    # Timeline (monotonic s, bytes read by ingestion, collector CPU s, JIT compiler threads' CPU s): steady state apart from warm-up.
    timeline = []
    stop_sampler = threading.Event()

    def sampler():
        hs = Http(a.server, timeout=10)
        while not stop_sampler.is_set():
            try:
                m = metrics(hs)
                samples["heap_max"] = max(samples["heap_max"], m["heap"])
                samples["backlog_max"] = max(samples["backlog_max"], m.get("backlog", 0.0))
                samples["n"] += 1
                timeline.append((time.monotonic(), m.get("push_bytes", 0.0), proc_cpu(pid),
                                 sum(v for k, v in thread_cpu(pid).items() if k.startswith("C") and "Compiler" in k)))
            except (OSError, RuntimeError, http.client.HTTPException):
                samples["errors"] += 1
            stop_sampler.wait(a.sample_every)

    threading.Thread(target=sampler, daemon=True).start()

    probe = Probe(a.server, a.probe_interval, a.probe_poll)
    # a second register whose receipts come in chunks over 16 KiB: read in queue order, behind the backlog, like the fleet's
    bulk_probe = Probe(a.server, a.probe_interval, a.probe_poll, PROBE_BULK_REGISTER, bulk=True)
    probe.start()
    bulk_probe.start()
    # A few probes on the idle collector first: the baseline the loaded figures compare with.
    t_idle_end = time.monotonic() + a.idle_probes * a.probe_interval + 0.2
    while time.monotonic() < t_idle_end or (probe.pending and time.monotonic() < t_idle_end + 5):
        time.sleep(0.05)
    probe.phase = bulk_probe.phase = "run"

    t0 = time.monotonic()
    ru0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    with open(a.replay_log, "wb") as log:
        rp = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT)
        rc = rp.wait()
    t_replay = time.monotonic() - t0
    ru1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    replay_cpu = (ru1.ru_utime - ru0.ru_utime) + (ru1.ru_stime - ru0.ru_stime)
    replay_out = open(a.replay_log, encoding="utf-8", errors="replace").read()
    if rc != 0:
        for p in (probe, bulk_probe):
            p.stop_push.set()
            p.stop_all.set()
        stop_sampler.set()
        print(f"replay failed (exit {rc}); its output ends:\n" + "\n".join(replay_out.splitlines()[-20:]), file=sys.stderr)
        return 1

    # Wait until indexed: backlog 0 and the fleet's receipts+incomplete unchanged for `settle` seconds.
    last_count, last_change = None, None
    backlog_zero_at = None
    deadline = time.monotonic() + a.timeout
    status = None
    while True:
        status = h.json("/api/v1/status")
        now = time.monotonic()
        count = fleet_count(status)
        if count != last_count:
            last_count, last_change = count, now
        if status["backlog_bytes"] == 0:
            if backlog_zero_at is None:
                backlog_zero_at = now
        else:
            backlog_zero_at = None
        if backlog_zero_at is not None and now - max(last_change, backlog_zero_at) >= a.settle:
            break
        if now > deadline:
            print(f"gave up waiting for indexing after {a.timeout:.0f} s: backlog {status['backlog_bytes']} bytes, "
                  f"{count} receipts", file=sys.stderr)
            break
        time.sleep(0.2)
    t_indexed = max(last_change, backlog_zero_at or last_change) - t0
    t_confirmed = time.monotonic() - t0

    # Check that what /status counts is searchable: per-store totals from the index.
    searchable = 0
    for code in status.get("stores", {}):
        if code == PROBE_STORE:
            continue
        searchable += h.json(f"/api/v1/transactions?store={urllib.parse.quote(code)}&limit=1")["total"]

    for p in (probe, bulk_probe):
        p.stop_push.set()
    for p in (probe, bulk_probe):
        p.pusher.join(10)
    end_wait = time.monotonic() + 10
    while (probe.pending or bulk_probe.pending) and time.monotonic() < end_wait:
        time.sleep(0.05)
    for p in (probe, bulk_probe):
        p.stop_all.set()
        p.poller.join(5)
    stop_sampler.set()

    m1 = metrics(h)
    cpu1, pcpu1 = m1.get("cpu", float("nan")), proc_cpu(pid)
    threads1 = thread_cpu(pid)
    hwm_kb = proc_status(pid, "VmHWM")
    rss_kb = proc_status(pid, "VmRSS")
    anon_kb, file_kb = proc_status(pid, "RssAnon") or 0, proc_status(pid, "RssFile") or 0
    samples["heap_max"] = max(samples["heap_max"], m1["heap"])

    sent = re.search(r"Sent / отправлено: (\d+) bytes .* in (\d+) chunks", replay_out)
    sent_bytes = int(sent.group(1)) if sent else int(m1.get("push_bytes", 0) - push0)
    chunks = int(sent.group(2)) if sent else -1
    r503 = re.search(r"Retries after 503 / повторы после 503: (\d+)", replay_out)
    rerr = re.search(r"Retries after errors / повторы после ошибок: (\d+)", replay_out)
    rsync = re.search(r"Re-syncs after 409 / пересинхронизации после 409: (\d+)", replay_out)
    relapsed = re.search(r"Elapsed / затрачено: ([\d.]+) s, ([\d.]+) MB/s", replay_out)

    count = fleet_count(status) - count0
    searchable -= count0
    wall = t_indexed
    mb = sent_bytes / 1e6
    cpu = cpu1 - cpu0
    pcpu = pcpu1 - pcpu0
    lat_run, ack_run = probe.stats("run")
    lat_bulk, ack_bulk = bulk_probe.stats("run")
    lat_idle, _ = probe.stats("idle")
    expected = None
    if a.expected and os.path.exists(a.expected):
        with open(a.expected) as f:
            e = json.load(f)
        expected = (e.get("receipts_total"), e.get("incomplete"))

    ms = lambda v: f"{v * 1000:.0f}"
    # a monotonic instant as wall-clock time, to find it in the collector's log or a GC log (-Xlog:gc:file=F:time)
    clock_of = lambda m: dt.datetime.fromtimestamp(time.time() - time.monotonic() + m).strftime("%H:%M:%S.%f")[:-3]
    print(f"replay: exit 0, {mb:.1f} MB sent in {chunks} chunks (avg {sent_bytes / max(chunks, 1):.0f} bytes), {t_replay:.1f} s incl. JVM start "
          f"(replay's own elapsed {relapsed.group(1) if relapsed else '?'} s, {relapsed.group(2) if relapsed else '?'} MB/s), "
          f"503 retries {r503.group(1) if r503 else '?'}, error retries {rerr.group(1) if rerr else 0}, "
          f"409 re-syncs {rsync.group(1) if rsync else 0}, client CPU {replay_cpu:.1f} s")
    print(f"indexed: {count} receipts+incomplete ({status['receipts'] - status0['receipts'] - (status['stores'].get(PROBE_STORE, {}).get('receipts', 0))} "
          f"receipts, {status['incomplete'] - status0['incomplete']} incomplete, {status['malformed_lines'] - status0['malformed_lines']} malformed lines, {status['registers']} registers incl. the probe), "
          f"settled {t_indexed:.1f} s after the replay started ({t_indexed - t_replay:+.1f} s after it ended), confirmed at {t_confirmed:.1f} s")
    if expected:
        print(f"truth (expected.json): receipts_total {expected[0]}, incomplete {expected[1]}")
    print(f"searchable: per-store totals from /api/v1/transactions sum to {searchable} "
          f"({'matches' if searchable == count else 'DIFFERS from'} /api/v1/status)")
    print(f"throughput: {mb / wall:.2f} MB/s and {count / wall:.0f} receipts/s over {wall:.1f} s wall (replay start to indexed)")
    print(f"collector CPU: {cpu:.1f} s (metrics; /proc says {pcpu:.1f} s) = {100 * cpu / wall / a.cores:.0f}% of {a.cores} cores; "
          f"peak RSS (VmHWM) {hwm_kb / 1024:.0f} MiB, RSS now {rss_kb / 1024:.0f} MiB ({anon_kb / 1024:.0f} anon + {file_kb / 1024:.0f} file-backed, e.g. mmapped index); "
          f"max heap used {samples['heap_max'] / 2**20:.0f} MiB ({samples['n']} samples of /metrics every {a.sample_every:g} s); "
          f"max push backlog {samples['backlog_max'] / 1e6:.1f} MB (limit now {status.get('backlog_limit_bytes', 0) / 1e6:.1f} MB); "
          f"longest commit pause {status.get('max_commit_pause_ms', '?')} ms")
    print(f"collector CPU per MB: {pcpu / mb:.4f} CPU-s/MB ({mb / pcpu:.1f} MB per CPU-second), load average at the end "
          f"{os.getloadavg()[0]:.2f} (2 cores; above ~2 other work competed for them)")
    steady = [x for x in timeline if x[0] - t0 >= t_replay / 2 and x[0] - t0 <= t_replay]
    if len(steady) >= 2:
        (ta, ba, ca, ja), (tb, bb, cb, jb) = steady[0], steady[-1]
        smb = (bb - ba) / 1e6
        if smb > 0:
            print(f"steady state (second half of the replay, {ta - t0:.0f}-{tb - t0:.0f} s): {smb / (tb - ta):.2f} MB/s read by ingestion, "
                  f"collector {(cb - ca) / smb:.4f} CPU-s/MB ({100 * (cb - ca) / (tb - ta) / a.cores:.0f}% of {a.cores} cores), "
                  f"of which JIT compiler threads {jb - ja:.1f} s")
    per_thread = sorted(((k, v - threads0.get(k, 0.0)) for k, v in threads1.items()), key=lambda kv: -kv[1])
    print("collector CPU by thread: " + ", ".join(f"{k} {v:.1f} s" for k, v in per_thread if v >= 0.1))
    print(f"probe ({PROBE_STORE}/{PROBE_REGISTER}, one receipt every {a.probe_interval} s +-20%, pushed with a trailing noise line "
          f"so its close is complete at once; latency = POST sent -> GET /api/v1/transactions/<id> answers 200, "
          f"polled every {a.probe_poll * 1000:.0f} ms):")
    if lat_idle:
        print(f"  idle collector: n={len(lat_idle)} p50={ms(statistics.median(lat_idle))} ms max={ms(max(lat_idle))} ms")
    if lat_run:
        print(f"  during the run (live probes, ~1 KB each): n={len(lat_run)} p50={ms(pct(lat_run, 50))} ms p99={ms(pct(lat_run, 99))} ms "
              f"max={ms(max(lat_run))} ms; POST ack p50={ms(pct(ack_run, 50))} ms max={ms(max(ack_run))} ms; "
              f"503s {probe.rejected_503}, lost {len(probe.lost)}; from the 202: p50={ms(pct(probe.since_accepted('run'), 50))} ms "
              f"p99={ms(pct(probe.since_accepted('run'), 99))} ms")
        if lat_bulk:
            print(f"  bulk probes ({PROBE_STORE}/{PROBE_BULK_REGISTER}: {BULK_PADDING_LINES} noise lines in front, "
                  f"~{len(probe.body(2, PROBE_BASE, True)) // 1024} KiB, read in queue order behind the backlog): n={len(lat_bulk)} p50={ms(pct(lat_bulk, 50))} ms "
                  f"p99={ms(pct(lat_bulk, 99))} ms max={ms(max(lat_bulk))} ms; POST ack max={ms(max(ack_bulk))} ms; "
                  f"503s {bulk_probe.rejected_503}, lost {len(bulk_probe.lost)}; from the 202: "
                  f"p50={ms(pct(bulk_probe.since_accepted('run'), 50))} ms p99={ms(pct(bulk_probe.since_accepted('run'), 99))} ms")
        slowest = sorted([(d, "") for d in probe.done if d[2] == "run"] + [(d, "bulk, ") for d in bulk_probe.done if d[2] == "run"],
                         key=lambda e: -e[0][1])[:5]
        print("  slowest: " + ", ".join(f"{ms(d[1])} ms ({kind}POST ack {ms(d[3] or 0)} ms, sent at {d[4] - t0:.1f} s = {clock_of(d[4])})"
                                   for d, kind in slowest))
    else:
        print("  during the run: no probe became searchable")
    for e in (probe.errors + bulk_probe.errors)[:5]:
        print(f"  probe error: {e}")
    if samples["errors"]:
        print(f"  {samples['errors']} /metrics samples failed")

    if a.results:
        with open(a.results, "w") as f:
            def kv(k, v):
                f.write(f"{k}={v}\n")
            kv("MB", f"{mb:.1f}")
            kv("WALL", f"{wall:.1f}")
            kv("REPLAY_S", f"{t_replay:.1f}")
            kv("MBPS", f"{mb / wall:.2f}")
            kv("RECEIPTS", count)
            kv("RPS", f"{count / wall:.0f}")
            kv("CPU_S", f"{cpu:.1f}")
            kv("CPU_PER_MB", f"{pcpu / mb:.4f}")
            kv("CPU_PCT", f"{100 * cpu / wall / a.cores:.0f}")
            kv("REPLAY_CPU_S", f"{replay_cpu:.1f}")
            kv("HWM_MIB", f"{hwm_kb / 1024:.0f}")
            kv("HEAP_MIB", f"{samples['heap_max'] / 2**20:.0f}")
            kv("CHUNKS", chunks)
            kv("AVG_CHUNK", f"{sent_bytes / max(chunks, 1):.0f}")
            kv("R503", r503.group(1) if r503 else "?")
            kv("PROBE_N", len(lat_run))
            kv("PROBE_P50", ms(pct(lat_run, 50)) if lat_run else "nan")
            kv("PROBE_P99", ms(pct(lat_run, 99)) if lat_run else "nan")
            kv("PROBE_MAX", ms(max(lat_run)) if lat_run else "nan")
            kv("PROBE_BULK_P99", ms(pct(lat_bulk, 99)) if lat_bulk else "nan")
            kv("PROBE_LOST", len(probe.lost))
            kv("PROBE_503", probe.rejected_503)
            kv("SEARCHABLE_OK", "yes" if searchable == count else "no")
    return 0


if __name__ == "__main__":
    sys.exit(main())
