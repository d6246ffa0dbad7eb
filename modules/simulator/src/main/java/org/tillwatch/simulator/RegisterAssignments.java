package org.tillwatch.simulator;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Gives each register of the fleet its seed, size, gzip flag, special receipts and malformed lines. */
final class RegisterAssignments {

    /** A register: store index and register number (1-based). */
    record Slot(int store, int register) {
    }

    /** Per-register chances of each malformed line when {@link Scenario#MALFORMED_LINES} is on. */
    private static final Map<MalformedLine, Double> MALFORMED_RATE = new EnumMap<>(Map.of(
            MalformedLine.BAD_TIME, 0.5,
            MalformedLine.UNKNOWN_LEVEL, 0.2,
            MalformedLine.INVALID_BYTE, 0.5,
            MalformedLine.CUT_OFF, 0.12,
            MalformedLine.LONG_LINE, 0.02));

    private final SimulationConfig cfg;
    private final Rng rng;
    private final List<StoreProfile> stores;
    private final List<StoreConditions> conditions;
    private final List<Slot> slots = new ArrayList<>();
    private final List<Integer> targets = new ArrayList<>();
    private final List<Boolean> gzip = new ArrayList<>();
    private final List<List<SpecialReceipt>> specials = new ArrayList<>();
    private final List<List<MalformedLine>> malformed = new ArrayList<>();
    private int oldBuild = -1;
    private long totalReceipts;

    RegisterAssignments(SimulationConfig cfg, Rng rng, List<StoreProfile> stores, List<StoreConditions> conditions) {
        this.cfg = cfg;
        this.rng = rng;
        this.stores = stores;
        this.conditions = conditions;
        for (StoreProfile s : stores) {
            for (int r = 1; r <= s.registers(); r++) {
                slots.add(new Slot(s.index(), r));
                int target = Math.max(1, (int) Math.round(cfg.receiptsPerRegister() * s.traffic()
                        * (0.9 + 0.2 * rng.nextDouble())));
                targets.add(target);
                totalReceipts += target;
                gzip.add(rng.chance(cfg.gzipShare()));
                specials.add(new ArrayList<>());
                malformed.add(new ArrayList<>());
            }
        }
        if (cfg.gzipShare() > 0 && !gzip.contains(true)) {
            gzip.set(rng.nextInt(slots.size()), true);
        }
        if (cfg.gzipShare() < 1 && !gzip.contains(false) && slots.size() > 1) {
            gzip.set(rng.nextInt(slots.size()), false);
        }
    }

    /** Picks the register of the old build: in a store whose requests are not all failing, if there is one. */
    Slot oldBuild() {
        List<Integer> hosts = hosts(-1);
        oldBuild = hosts.get(rng.nextInt(hosts.size()));
        return slots.get(oldBuild);
    }

    /** Places special receipts: each kind at least once, one more per {@code perReceipts} receipts of the fleet. */
    void placeSpecials(int degradedStore, int perReceipts) {
        int copies = (int) (1 + totalReceipts / perReceipts);
        List<Integer> hosts = hosts(-1);
        List<Integer> offlineHosts = degradedStore >= 0 ? hosts(degradedStore) : hosts;
        for (SpecialReceipt kind : SpecialReceipt.values()) {
            boolean wanted = kind == SpecialReceipt.BROKEN_XML_RESPONSE
                    ? cfg.has(Scenario.MALFORMED_LINES) : cfg.has(Scenario.EDGE_CASES);
            if (!wanted) {
                continue;
            }
            List<Integer> where = kind == SpecialReceipt.OFFLINE_CONFIRM ? offlineHosts : hosts;
            for (int c = 0; c < copies; c++) {
                int slot = where.get(rng.nextInt(where.size()));
                if (kind == SpecialReceipt.INCOMPLETE_SHIFT_END && specials.get(slot).contains(kind)) {
                    continue;
                }
                specials.get(slot).add(kind);
            }
        }
    }

    /** Gives registers their malformed lines; every kind at least once in the fleet. */
    void placeMalformed() {
        if (!cfg.has(Scenario.MALFORMED_LINES)) {
            return;
        }
        for (MalformedLine kind : MalformedLine.values()) {
            boolean any = false;
            for (List<MalformedLine> list : malformed) {
                if (rng.chance(MALFORMED_RATE.get(kind))) {
                    list.add(kind);
                    any = true;
                }
            }
            if (!any) {
                malformed.get(rng.nextInt(malformed.size())).add(kind);
            }
        }
    }

    List<RegisterPlan> plans() {
        List<RegisterPlan> plans = new ArrayList<>();
        for (int i = 0; i < slots.size(); i++) {
            Slot slot = slots.get(i);
            StoreProfile store = stores.get(slot.store());
            plans.add(new RegisterPlan(store, slot.register(), Rng.derive(cfg.seed(), 2, slot.store(), slot.register()),
                    gzip.get(i), targets.get(i), i == oldBuild, conditions.get(slot.store()),
                    List.copyOf(specials.get(i)), List.copyOf(malformed.get(i))));
        }
        return plans;
    }

    /**
     * Registers that may host special receipts: not in the outage or device-missing store, and not in the small
     * store while others exist; restricted to {@code onlyStore} when it is {@code >= 0}.
     */
    private List<Integer> hosts(int onlyStore) {
        List<Integer> preferred = new ArrayList<>();
        List<Integer> fallback = new ArrayList<>();
        for (int i = 0; i < slots.size(); i++) {
            int s = slots.get(i).store();
            if (onlyStore >= 0 && s != onlyStore) {
                continue;
            }
            if (conditions.get(s).hostsSpecialReceipts()) {
                (stores.get(s).registers() == 1 && stores.get(s).traffic() < 0.5 ? fallback : preferred).add(i);
            }
        }
        if (!preferred.isEmpty()) {
            return preferred;
        }
        if (!fallback.isEmpty()) {
            return fallback;
        }
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < slots.size(); i++) {
            all.add(i);
        }
        return all;
    }
}
