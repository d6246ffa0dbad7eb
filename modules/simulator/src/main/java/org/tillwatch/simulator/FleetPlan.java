package org.tillwatch.simulator;

import java.util.List;
import java.util.SortedMap;

/** The whole day decided up front: stores, each register's plan, the card pool, and the scenarios' description. */
record FleetPlan(
        List<StoreProfile> stores,
        List<RegisterPlan> registers,
        CardPool cards,
        SortedMap<String, SortedMap<String, String>> scenarios) {
}
