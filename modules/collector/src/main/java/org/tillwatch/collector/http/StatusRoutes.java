package org.tillwatch.collector.http;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.tillwatch.collector.ingest.Ingest;
import org.tillwatch.collector.ingest.MalformedSamples;
import org.tillwatch.collector.ingest.StreamFigures;
import org.tillwatch.domain.model.OutcomeExplanation;
import org.tillwatch.domain.model.OutcomeExplanations;
import org.tillwatch.domain.model.StoreRegistry;
import org.tillwatch.live.ChainStatus;
import org.tillwatch.live.ErrorCount;
import org.tillwatch.live.LiveView;
import org.tillwatch.live.SilentRegister;
import org.tillwatch.live.StoreStatus;
import org.tillwatch.live.WindowFigures;

/** Figures: what has been ingested ({@code /status}, the shape of {@code tillwatch index --json}) and live health. */
final class StatusRoutes {
    private final Vertx vertx;
    private final Ingest engine;
    private final LiveView live;
    private final StoreRegistry registry;
    private final MalformedSamples samples;

    StatusRoutes(Vertx vertx, Ingest engine, LiveView live, StoreRegistry registry, MalformedSamples samples) {
        this.vertx = vertx;
        this.engine = engine;
        this.live = live;
        this.registry = registry;
        this.samples = samples;
    }

    void mount(Router router) {
        router.get("/api/v1/status").handler(ctx -> blocking(ctx, this::status));
        router.get("/api/v1/chain").handler(ctx -> blocking(ctx, () -> chain(live.chain())));
        router.get("/api/v1/stores").handler(ctx -> blocking(ctx, () -> live.stores().stream().map(this::store).toList()));
        router.get("/api/v1/stores/:store").handler(ctx -> blocking(ctx, () -> {
            String code = ctx.pathParam("store");
            StoreStatus s = live.store(code);
            if (s == null) throw new BadRequest(404, "unknown_store", "no store '" + code + "' in the registry or in the logs");
            return store(s);
        }));
        router.get("/api/v1/errors").handler(ctx -> Json.send(ctx, 200, Map.of(
                "outcomes", OutcomeExplanations.all().stream().map(StatusRoutes::explain).toList(),
                "tags", OutcomeExplanations.tags())));
        router.get("/api/v1/errors/:outcome").handler(ctx -> Json.send(ctx, 200, explain(OutcomeExplanations.of(ctx.pathParam("outcome")))));
        router.get("/api/v1/malformed").handler(ctx -> Json.send(ctx, 200, samples.recent(ctx.request().getParam("store"))));
    }

    private void blocking(RoutingContext ctx, Json.Work work) {
        Json.respond(vertx, ctx, work);
    }

    /** Chain and per-store figures of everything ingested: the JSON shape of {@code tillwatch index --json}. */
    Map<String, Object> status() {
        Map<String, long[]> stores = new TreeMap<>();
        Map<String, Instant> lastEvents = new TreeMap<>();
        Map<String, Long> outcomes = new TreeMap<>();
        Map<String, Long> tags = new TreeMap<>();
        Set<String> registers = new TreeSet<>();
        long malformed = 0;
        long dropped = 0;
        for (StreamFigures s : engine.figures()) {
            dropped += s.figures().droppedContinuationLines();
            String code = s.key().register().store();
            long[] f = stores.computeIfAbsent(code, k -> new long[5]);
            f[0] += s.figures().receipts();
            f[1] += s.figures().loyalty();
            f[2] += s.figures().failed();
            f[3] += s.figures().incomplete();
            f[4] += s.figures().malformed();
            malformed += s.figures().malformed();
            s.figures().outcomes().forEach((k, v) -> outcomes.merge(k, v, Long::sum));
            s.figures().tags().forEach((k, v) -> tags.merge(k, v, Long::sum));
            registers.add(s.key().register().toString());
            if (s.lastEvent() != null) lastEvents.merge(code, s.lastEvent(), (a, b) -> a.isAfter(b) ? a : b);
        }
        long[] chain = new long[5];
        stores.values().forEach(f -> { for (int i = 0; i < 5; i++) chain[i] += f[i]; });
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("receipts", chain[0]);
        m.put("loyalty", chain[1]);
        m.put("failed", chain[2]);
        m.put("incomplete", chain[3]);
        m.put("malformed_lines", malformed);
        m.put("dropped_continuation_lines", dropped);
        m.put("outcomes", outcomes);
        m.put("tags", tags);
        Map<String, Object> perStore = new LinkedHashMap<>();
        stores.forEach((code, f) -> {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("receipts", f[0]);
            s.put("loyalty", f[1]);
            s.put("failed", f[2]);
            s.put("incomplete", f[3]);
            s.put("malformed_lines", f[4]);
            if (lastEvents.containsKey(code)) s.put("last_event", lastEvents.get(code));
            perStore.put(code, s);
        });
        m.put("stores", perStore);
        m.put("unregistered_stores", stores.keySet().stream().filter(c -> !registry.isRegistered(c)).toList());
        m.put("registers", registers.size());
        m.put("watermark", live.watermark());
        m.put("last_commit", engine.lastCommit());
        m.put("backlog_bytes", engine.backlogBytes());
        m.put("backlog_limit_bytes", engine.backlogLimitBytes());
        m.put("commit_pause_ms", engine.lastCommitPause().toMillis());
        m.put("max_commit_pause_ms", engine.maxCommitPause().toMillis());
        return m;
    }

    private Map<String, Object> store(StoreStatus s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("store", s.store());
        m.put("registered", s.registered());
        var st = registry.store(s.store());
        if (st.registered()) m.put("name", st.name());
        m.put("timezone", st.zone().getId());
        m.put("open_now", s.openNow());
        m.put("last_event", s.lastEvent());
        m.put("windows", windows(s.windows()));
        List<Map<String, Object>> silent = new ArrayList<>();
        for (SilentRegister r : s.silentRegisters()) {
            silent.add(Map.of("register", r.register().register(), "last_event", r.lastEvent(), "silent_minutes", r.silentFor().toMinutes()));
        }
        m.put("silent_registers", silent);
        return m;
    }

    private static Map<String, Object> chain(ChainStatus c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("watermark", c.watermark());
        m.put("stores", c.stores());
        m.put("silent_registers", c.silentRegisters());
        m.put("windows", windows(c.windows()));
        return m;
    }

    static Map<String, Object> windows(List<WindowFigures> windows) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (WindowFigures w : windows) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("from", w.from());
            m.put("to", w.to());
            m.put("loyalty", w.loyalty());
            m.put("failed", w.failed());
            m.put("availability", w.availability().isPresent() ? w.availability().getAsDouble() : null);
            m.put("known", w.availability().isPresent());
            List<Map<String, Object>> errors = new ArrayList<>();
            for (ErrorCount e : w.topErrors()) errors.add(Map.of("outcome", e.outcome(), "critical", e.critical(), "count", e.count()));
            m.put("top_errors", errors);
            out.put(Json.window(w.window()), m);
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> explain(OutcomeExplanation e) {
        Map<String, Object> m = Json.MAPPER.convertValue(e, Map.class);
        m.put("category", e.category().id());
        Map<String, Object> escalation = new LinkedHashMap<>();
        escalation.put("escalate", e.escalation().escalate());
        if (e.escalation().escalate()) {
            escalation.put("line", e.escalation().line());
            escalation.put("line_name", e.escalation().lineName());
        }
        m.put("escalation", escalation);
        return m;
    }
}
