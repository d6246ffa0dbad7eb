package org.tillwatch.live;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.tillwatch.domain.model.StoreRegistry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tillwatch.live.Fx.H1;
import static org.tillwatch.live.Fx.M5;
import static org.tillwatch.live.Fx.T;

class TopErrorsTest {
    private static LiveFigures live(int top) {
        LiveConfig d = LiveConfig.defaults();
        return new LiveFigures(StoreRegistry.empty(java.time.ZoneOffset.UTC), new LiveConfig(d.windows(), d.minVolume(), d.registerSilence(), top));
    }

    @Test
    void mostFrequentFirstThenByNameAtMostTheConfiguredNumber() {
        LiveFigures live = live(3);
        live.receipt(Fx.errors("AX1B", T, "TIMEOUT!", "TIMEOUT!"));
        live.receipt(Fx.errors("AX1B", T.minusSeconds(1), "TIMEOUT!", "CardBlocked"));
        live.receipt(Fx.errors("AX1B", T.minusSeconds(2), "CardBlocked", "CardBlocked"));
        for (int i = 0; i < 4; i++) live.receipt(Fx.errors("AX1B", T.minusSeconds(10 + i), "HTTP_502!"));
        live.receipt(Fx.errors("AX1B", T.minusSeconds(20), "NO_RESPONSE!"));

        assertThat(Fx.window(live.store("AX1B"), M5).topErrors()).containsExactly(
                new ErrorCount("HTTP_502", true, 4),
                new ErrorCount("CardBlocked", false, 3),
                new ErrorCount("TIMEOUT", true, 3));
    }

    @Test
    void errorsFollowTheWindowAndAddUpAcrossTheChain() {
        LiveFigures live = live(5);
        live.receipt(Fx.errors("AX1B", T.minus(Duration.ofMinutes(30)), "TIMEOUT!"));
        live.receipt(Fx.errors("AX1B", T, "CardBlocked"));
        live.receipt(Fx.errors("URMY", T, "CardBlocked", "TIMEOUT!"));
        // an INCOMPLETE receipt's errors still happened, though it counts in no availability
        live.receipt(new ReceiptFact("URMY", "POS04", T, false, true, false, List.of("CONNECTION"), List.of(true)));

        assertThat(Fx.window(live.store("AX1B"), M5).topErrors()).containsExactly(new ErrorCount("CardBlocked", false, 1));
        assertThat(Fx.window(live.store("AX1B"), H1).topErrors()).containsExactly(
                new ErrorCount("CardBlocked", false, 1), new ErrorCount("TIMEOUT", true, 1));
        assertThat(Fx.window(live.chain(), M5).topErrors()).containsExactly(
                new ErrorCount("CardBlocked", false, 2), new ErrorCount("CONNECTION", true, 1), new ErrorCount("TIMEOUT", true, 1));
        assertThat(Fx.window(live.chain(), H1).topErrors()).containsExactly(
                new ErrorCount("CardBlocked", false, 2), new ErrorCount("TIMEOUT", true, 2), new ErrorCount("CONNECTION", true, 1));
        assertThat(Fx.window(live.chain(), M5).loyalty()).isEqualTo(2);
    }

    @Test
    void outcomeNamesBeyondTheTableCapacityAreCountedAsOther() {
        OutcomeTable table = new OutcomeTable();
        for (int i = 0; i < OutcomeTable.CAPACITY + 10; i++) table.id("HTTP_" + i, true);
        assertThat(table.size()).isLessThanOrEqualTo(OutcomeTable.CAPACITY);
        int other = table.id("HTTP_" + (OutcomeTable.CAPACITY + 50), true);
        assertThat(table.name(other)).isEqualTo(OutcomeTable.OTHER);
        assertThat(table.critical(other)).isTrue();
        assertThat(table.name(table.id("HTTP_1", true))).isEqualTo("HTTP_1");
    }
}
