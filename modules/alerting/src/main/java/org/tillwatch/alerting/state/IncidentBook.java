package org.tillwatch.alerting.state;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.tillwatch.alerting.Incident;
import org.tillwatch.alerting.Incident.Impact;
import org.tillwatch.alerting.Incident.IncidentState;
import org.tillwatch.alerting.Texts;
import org.tillwatch.alerting.rules.RuleKey;
import org.tillwatch.alerting.rules.Signal;

/**
 * Every incident of this data directory, by id, and the impact of the open ones: loyalty and failed transactions of
 * their stores counted from the per-store totals as ingestion moves on. Not thread-safe: the engine guards it.
 */
public final class IncidentBook {
    /** Resolved incidents kept beyond this many are dropped, oldest first. */
    static final int KEEP = 5000;

    private final LinkedHashMap<String, Incident> incidents = new LinkedHashMap<>();
    private final Map<String, Map<String, long[]>> seen = new HashMap<>();
    private long next;

    public IncidentBook(List<Incident> restored, long next) {
        for (Incident i : restored) incidents.put(i.id(), i);
        this.next = next;
    }

    public long next() {
        return next;
    }

    public Incident get(String id) {
        return incidents.get(id);
    }

    public List<Incident> all() {
        return List.copyOf(incidents.values());
    }

    public Incident open(RuleKey key, Instant started, Signal s, Map<String, long[]> totals) {
        String id = "inc-" + (++next);
        Impact impact = new Impact(Math.max(s.loyalty(), 0), Math.min(Math.max(s.failed(), 0), Math.max(s.loyalty(), 0)));
        String scope = key.rule().self() || key.rule().kind().startsWith("chain") || key.scope().equals(Incident.CHAIN)
                || !key.scope().matches("[0-9A-Z]{4}") ? Incident.CHAIN : key.scope();
        Incident i = new Incident(id, key.rule().kind(), scope, s.stores(), key.rule().severity(), started, null,
                IncidentState.OPEN, null, impact, "");
        i = withSummary(i);
        incidents.put(id, i);
        Map<String, long[]> mine = new HashMap<>();
        for (String store : s.stores()) mine.put(store, totals.getOrDefault(store, new long[2]).clone());
        seen.put(id, mine);
        prune();
        return i;
    }

    /** Folds a store into an open (chain) incident; null when it was already listed or is not open. */
    public Incident addStore(String id, String store, Map<String, long[]> totals) {
        Incident i = incidents.get(id);
        if (i == null || !i.open() || i.stores().contains(store)) return null;
        TreeSet<String> stores = new TreeSet<>(i.stores());
        stores.add(store);
        seen.computeIfAbsent(id, k -> new HashMap<>()).put(store, totals.getOrDefault(store, new long[2]).clone());
        return replace(new Incident(i.id(), i.kind(), i.scope(), List.copyOf(stores), i.severity(), i.started(), null,
                i.state(), i.acknowledgedBy(), i.impact(), i.summary()));
    }

    public Incident resolve(String id, Instant at) {
        Incident i = incidents.get(id);
        if (i == null || !i.open()) return null;
        seen.remove(id);
        Instant end = at.isBefore(i.started()) ? i.started() : at;
        return replace(new Incident(i.id(), i.kind(), i.scope(), i.stores(), i.severity(), i.started(), end,
                IncidentState.RESOLVED, i.acknowledgedBy(), i.impact(), i.summary()));
    }

    public Incident acknowledge(String id, String by) {
        Incident i = incidents.get(id);
        if (i == null) return null;
        IncidentState state = i.open() ? IncidentState.ACKNOWLEDGED : i.state();
        return replace(new Incident(i.id(), i.kind(), i.scope(), i.stores(), i.severity(), i.started(), i.resolved(),
                state, by, i.impact(), i.summary()));
    }

    /** Adds what the stores of each open incident did since the last call (after a restart: since the restart). */
    public void accumulate(Map<String, long[]> totals) {
        for (Incident open : incidents.values()) {
            if (!open.open() || open.stores().isEmpty() || seen.containsKey(open.id())) continue;
            Map<String, long[]> mine = new HashMap<>();
            for (String store : open.stores()) mine.put(store, new long[2]);
            seen.put(open.id(), mine);
        }
        for (Map.Entry<String, Map<String, long[]>> e : seen.entrySet()) {
            Incident i = incidents.get(e.getKey());
            if (i == null || !i.open()) continue;
            long dl = 0, df = 0;
            for (Map.Entry<String, long[]> s : e.getValue().entrySet()) {
                long[] now = totals.get(s.getKey());
                if (now == null) continue;
                dl += now[0] - s.getValue()[0];
                df += now[1] - s.getValue()[1];
                s.setValue(now.clone());
            }
            if (dl == 0 && df == 0) continue;
            long l = i.impact().loyalty() + Math.max(0, dl);
            long f = Math.min(l, i.impact().failed() + Math.max(0, df));
            replace(new Incident(i.id(), i.kind(), i.scope(), i.stores(), i.severity(), i.started(), i.resolved(),
                    i.state(), i.acknowledgedBy(), new Impact(l, f), i.summary()));
        }
    }

    private Incident replace(Incident i) {
        Incident s = withSummary(i);
        incidents.put(s.id(), s);
        return s;
    }

    private static Incident withSummary(Incident i) {
        return new Incident(i.id(), i.kind(), i.scope(), i.stores(), i.severity(), i.started(), i.resolved(), i.state(),
                i.acknowledgedBy(), i.impact(), Texts.title(i).both());
    }

    private void prune() {
        if (incidents.size() <= KEEP) return;
        List<String> drop = new ArrayList<>();
        int excess = incidents.size() - KEEP;
        for (Incident i : incidents.values()) {
            if (drop.size() >= excess) break;
            if (!i.open()) drop.add(i.id());
        }
        drop.forEach(incidents::remove);
    }
}
