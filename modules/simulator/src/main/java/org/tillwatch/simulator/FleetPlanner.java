package org.tillwatch.simulator;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Decides a fleet's day from its config: stores, where each scenario happens, what each register gets. */
final class FleetPlanner {
    private static final String CODE_CHARS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final int MINUTE = 60_000;
    private static final int HOUR = 3_600_000;
    /** One more of each special receipt per this many receipts in the fleet. */
    private static final int RECEIPTS_PER_SPECIAL = 20_000;

    private final SimulationConfig cfg;
    private final Rng rng;
    private final ScenarioDescriptions described = new ScenarioDescriptions();

    private FleetPlanner(SimulationConfig cfg) {
        this.cfg = cfg;
        this.rng = new Rng(Rng.derive(cfg.seed(), 1));
    }

    static FleetPlan plan(SimulationConfig cfg) {
        return new FleetPlanner(cfg).plan();
    }

    private FleetPlan plan() {
        int n = cfg.stores();
        List<Integer> order = shuffled(n);
        int spare = n - 1;
        int next = 0;
        int outage = cfg.has(Scenario.STORE_OUTAGE) && next < spare ? order.get(next++) : -1;
        int device = cfg.has(Scenario.DEVICE_MISSING) && next < spare ? order.get(next++) : -1;
        int degraded = cfg.has(Scenario.DEGRADED_STORE) && next < spare ? order.get(next++) : -1;
        int small = cfg.has(Scenario.SMALL_STORE) && next < spare ? order.get(next++) : -1;
        Set<Integer> unregistered = new HashSet<>(order.subList(n - cfg.unregisteredStores(), n));

        List<StoreProfile> stores = stores(small, unregistered);
        LocalWindow outageWindow = window(rng.between(66, 101) * 10 * MINUTE, 40 * MINUTE);
        LocalWindow degradedWindow = window(rng.between(10, 18) * HOUR, 2 * HOUR);
        Instant incidentStart = cfg.has(Scenario.CHAIN_INCIDENT)
                ? cfg.day().atTime(LocalTime.of(8, 0)).plusMinutes(5L * rng.between(0, 72)).toInstant(ZoneOffset.UTC)
                : null;

        List<StoreConditions> conditions = new ArrayList<>();
        for (StoreProfile s : stores) {
            conditions.add(new StoreConditions(s.index() == device, s.index() == outage ? outageWindow : null,
                    s.index() == degraded ? degradedWindow : null, 0.05,
                    incidentStart == null ? null : incidentLocally(incidentStart, s), 0.6));
        }
        RegisterAssignments regs = new RegisterAssignments(cfg, rng, stores, conditions);
        if (cfg.has(Scenario.OLD_BUILD)) {
            RegisterAssignments.Slot slot = regs.oldBuild();
            described.oldBuild(stores.get(slot.store()).code(), StoreProfile.registerName(slot.register()));
        }
        regs.placeSpecials(degraded, RECEIPTS_PER_SPECIAL);
        regs.placeMalformed();

        if (incidentStart != null) {
            described.chainIncident(incidentStart);
        }
        if (outage >= 0) {
            described.storeOutage(stores.get(outage).code(), outageWindow);
        }
        if (device >= 0) {
            described.deviceMissing(stores.get(device).code());
        }
        if (degraded >= 0) {
            described.degraded(stores.get(degraded).code(), degradedWindow);
        }
        if (small >= 0) {
            described.small(stores.get(small).code());
        }
        described.unregistered(stores);
        described.general(cfg);

        int expectedCardReceipts = (int) Math.min(Integer.MAX_VALUE,
                (long) cfg.stores() * cfg.registersPerStore() * cfg.receiptsPerRegister() * 6 / 10);
        int customers = Math.max(60, expectedCardReceipts / 4);
        CardPool cards = new CardPool(Rng.derive(cfg.seed(), 3), customers, n, cfg.cardSampleLimit());
        return new FleetPlan(stores, regs.plans(), cards, described.asMap());
    }

    private List<StoreProfile> stores(int small, Set<Integer> unregistered) {
        Set<String> codes = new HashSet<>();
        List<StoreProfile> stores = new ArrayList<>();
        for (int i = 0; i < cfg.stores(); i++) {
            String code;
            do {
                char[] c = new char[4];
                for (int k = 0; k < 4; k++) {
                    c[k] = CODE_CHARS.charAt(rng.nextInt(CODE_CHARS.length()));
                }
                code = new String(c);
            } while (!codes.add(code));
            double f = rng.nextDouble();
            StoreFormat format = f < 0.5 ? StoreFormat.PYATEROCHKA : f < 0.75 ? StoreFormat.PEREKRESTOK : StoreFormat.CHIZHIK;
            Region region = Region.pick(rng);
            LocalTime opens = format.opens.plusHours(rng.chance(0.25) ? 1 : 0);
            LocalTime closes = format.closes.minusHours(rng.chance(0.2) ? 1 : 0);
            double traffic = 0.85 + 0.3 * rng.nextDouble();
            boolean isSmall = i == small;
            boolean registered = !unregistered.contains(i);
            stores.add(new StoreProfile(i, code, format.displayName + " №" + (100 + i), format,
                    registered ? region : Region.MOSCOW, opens, closes, isSmall ? 1 : cfg.registersPerStore(),
                    isSmall ? 0.07 : traffic, registered));
        }
        return stores;
    }

    /** The chain incident in a store's local time, or {@code null} if it falls outside that store's day. */
    private LocalWindow incidentLocally(Instant start, StoreProfile s) {
        LocalDateTime local = LocalDateTime.ofInstant(start, s.zone());
        if (!local.toLocalDate().equals(cfg.day()) || local.toLocalTime().isAfter(LocalTime.of(23, 44))) {
            return null;
        }
        int ms = local.toLocalTime().toSecondOfDay() * 1000;
        return new LocalWindow(ms, ms + 15 * MINUTE);
    }

    private static LocalWindow window(int start, int length) {
        return new LocalWindow(start, start + length);
    }

    private List<Integer> shuffled(int n) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            Integer t = order.get(i);
            order.set(i, order.get(j));
            order.set(j, t);
        }
        return order;
    }
}
