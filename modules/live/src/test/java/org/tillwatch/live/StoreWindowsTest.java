package org.tillwatch.live;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.tillwatch.domain.model.Store;
import org.tillwatch.domain.model.StoreRegistry;

import static org.assertj.core.api.Assertions.assertThat;

/** Per-store portable state, round-tripped through bytes after every event, answers what LiveFigures answers. */
class StoreWindowsTest {
    private static final String[] OUTCOMES = {"TIMEOUT!", "CardBlocked", "HTTP_502!", "DeviceNotFound!", "CardNotFound"};

    @Test
    void storesAndChainEqualLiveFiguresAtEveryStep() {
        Store a = Fx.store("AAAA", "Europe/Moscow", "08:00", "22:00");
        Store b = Fx.store("BBBB", "Asia/Novosibirsk", null, null);
        Store c = Fx.store("CCCC", "UTC", "10:00", "02:00");
        StoreRegistry registry = Fx.registry(a, b, c);
        LiveFigures live = new LiveFigures(registry, LiveConfig.defaults());
        Map<String, byte[]> kept = new HashMap<>();
        Random rnd = new Random(11);
        Instant t = Fx.T.minusSeconds(6 * 3600);
        Instant watermark = null;
        for (int i = 0; i < 4000; i++) {
            t = t.plusMillis(rnd.nextInt(30_000));
            Instant at = t.minusMillis(rnd.nextInt(5_000)); // a little out of order, as registers are
            Store s = List.of(a, b, c, c).get(rnd.nextInt(4));
            String register = "POS0" + (1 + rnd.nextInt(3));
            ReceiptFact f;
            if (rnd.nextInt(10) == 0) {
                String o = OUTCOMES[rnd.nextInt(OUTCOMES.length)];
                f = new ReceiptFact(s.code(), register, at, true, true, o.endsWith("!"), List.of(o.replace("!", "")), List.of(o.endsWith("!")));
            } else {
                f = new ReceiptFact(s.code(), register, at, rnd.nextInt(20) > 0, rnd.nextBoolean(), false, List.of(), List.of());
            }
            StoreWindows w = kept.containsKey(s.code()) ? StoreWindows.fromBytes(s, LiveConfig.defaults(), kept.get(s.code()))
                    : new StoreWindows(s, LiveConfig.defaults());
            w.receipt(f, watermark);
            if (rnd.nextInt(7) == 0) {
                Instant noise = at.plusMillis(rnd.nextInt(2_000));
                w.activity(f.registerKey(), noise);
                live.activity(f.registerKey(), noise);
            }
            kept.put(s.code(), w.toBytes());
            live.receipt(f);
            watermark = live.watermark();
            if (i % 97 == 0 || i == 3999) assertSame(live, kept, registry, watermark);
        }
    }

    private static void assertSame(LiveFigures live, Map<String, byte[]> kept, StoreRegistry registry, Instant watermark) {
        ChainTally one = new ChainTally(LiveConfig.defaults());
        ChainTally merged = new ChainTally(LiveConfig.defaults());
        for (Map.Entry<String, byte[]> e : kept.entrySet()) {
            StoreWindows w = StoreWindows.fromBytes(registry.store(e.getKey()), LiveConfig.defaults(), e.getValue());
            assertThat(w.status(watermark)).isEqualTo(live.store(e.getKey()));
            ChainTally own = new ChainTally(LiveConfig.defaults());
            w.addTo(own, watermark);
            w.addTo(one, watermark);
            merged.merge(own.part());
        }
        assertThat(one.status(watermark, registry.stores().keySet())).isEqualTo(live.chain());
        assertThat(merged.status(watermark, registry.stores().keySet())).isEqualTo(live.chain());
    }

    @Test
    void windowsOfAnotherConfigStartAfresh() {
        Store a = Fx.store("AAAA", "UTC", null, null);
        StoreWindows w = new StoreWindows(a, LiveConfig.defaults());
        w.receipt(Fx.loyalty("AAAA", Fx.T, true), null);
        LiveConfig other = new LiveConfig(List.of(Fx.M5), 20, java.time.Duration.ofMinutes(15), 5);
        StoreWindows back = StoreWindows.fromBytes(a, other, w.toBytes());
        assertThat(back.status(Fx.T).windows()).singleElement().satisfies(f -> assertThat(f.loyalty()).isZero());
        assertThat(back.status(Fx.T).lastEvent()).isEqualTo(Fx.T);
    }
}
