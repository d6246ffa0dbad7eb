package org.tillwatch.simulator;

import java.util.List;

/** Everything one register's simulation needs: decided up front by the fleet plan, so registers run alone. */
record RegisterPlan(
        StoreProfile store,
        int number,
        long seed,
        boolean gzip,
        int targetReceipts,
        boolean oldBuild,
        StoreConditions conditions,
        List<SpecialReceipt> specials,
        List<MalformedLine> malformed) {

    String registerName() {
        return StoreProfile.registerName(number);
    }
}
