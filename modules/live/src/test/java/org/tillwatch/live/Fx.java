package org.tillwatch.live;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.tillwatch.domain.model.RegisterKey;
import org.tillwatch.domain.model.Store;
import org.tillwatch.domain.model.StoreRegistry;

/** Test fixtures: stores, registries and receipt facts. */
final class Fx {
    /** Midday UTC: a multiple of every default bucket (1 s, 12 s, 288 s). */
    static final Instant T = Instant.parse("2025-03-10T12:00:00Z");
    static final Duration M5 = Duration.ofMinutes(5);
    static final Duration H1 = Duration.ofHours(1);
    static final Duration D1 = Duration.ofDays(1);

    private Fx() {
    }

    static Store store(String code, String zone, String opens, String closes) {
        return new Store(code, "Store " + code, "hyper", "R1", ZoneId.of(zone),
                opens == null ? null : LocalTime.parse(opens), closes == null ? null : LocalTime.parse(closes),
                StandardCharsets.UTF_8, true);
    }

    static StoreRegistry registry(Store... stores) {
        Map<String, Store> map = new LinkedHashMap<>();
        for (Store s : stores) map.put(s.code(), s);
        return new StoreRegistry(map, ZoneOffset.UTC);
    }

    static LiveFigures live(Store... stores) {
        return new LiveFigures(registry(stores), LiveConfig.defaults());
    }

    static RegisterKey reg(String store, String register) {
        return new RegisterKey(store, register);
    }

    static ReceiptFact loyalty(String store, Instant at, boolean failed) {
        return new ReceiptFact(store, "POS01", at, true, true, failed, failed ? List.of("TIMEOUT") : List.of(),
                failed ? List.of(true) : List.of());
    }

    static ReceiptFact plain(String store, Instant at) {
        return new ReceiptFact(store, "POS01", at, true, false, false, List.of(), List.of());
    }

    /** A loyalty receipt with non-Ok outcomes, named as "NAME" (non-critical) or "NAME!" (critical). */
    static ReceiptFact errors(String store, Instant at, String... outcomes) {
        List<String> names = new ArrayList<>();
        List<Boolean> critical = new ArrayList<>();
        for (String o : outcomes) {
            names.add(o.replace("!", ""));
            critical.add(o.endsWith("!"));
        }
        return new ReceiptFact(store, "POS02", at, true, true, critical.contains(true), names, critical);
    }

    static WindowFigures window(StoreStatus s, Duration w) {
        return s.windows().stream().filter(f -> f.window().equals(w)).findFirst().orElseThrow();
    }

    static WindowFigures window(ChainStatus c, Duration w) {
        return c.windows().stream().filter(f -> f.window().equals(w)).findFirst().orElseThrow();
    }
}
