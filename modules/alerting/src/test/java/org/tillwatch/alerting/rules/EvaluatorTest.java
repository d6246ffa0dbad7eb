package org.tillwatch.alerting.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.tillwatch.alerting.rules.Signal.Recovery;
import org.tillwatch.config.AlertingConfig;
import org.tillwatch.domain.model.RegisterKey;
import org.tillwatch.domain.model.StoreRegistry;
import org.tillwatch.live.LiveConfig;
import org.tillwatch.live.LiveFigures;
import org.tillwatch.live.ReceiptFact;

/** The rules as pure functions of live figures. */
class EvaluatorTest {
    final AlertingConfig config = AlertingConfig.defaults();
    final LiveFigures live = new LiveFigures(StoreRegistry.empty(ZoneId.of("UTC")),
            new LiveConfig(Evaluator.windows(config), 1, config.registerSilence(), 64));

    void receipt(String store, String register, String at, String... outcomes) {
        boolean critical = outcomes.length > 0;
        live.receipt(new ReceiptFact(store, register, Instant.parse(at), true, true, critical, List.of(outcomes),
                java.util.Arrays.stream(outcomes).map(o -> true).toList()));
    }

    Map<RuleKey, Signal> evaluate() {
        return new Evaluator(config).evaluate(live.stores(), live.watermark());
    }

    @Test
    void deviceErrorsAreTheDeviceRuleOnlyNotAvailability() {
        for (int m = 0; m < 5; m++) receipt("KY9A", "POS01", "2026-11-20T10:0" + m + ":00Z", "DeviceNotFound");
        Map<RuleKey, Signal> s = evaluate();
        assertThat(s.get(new RuleKey(Rule.DEVICE_MISSING, "KY9A")).firing()).isTrue();
        assertThat(s.get(new RuleKey(Rule.STORE_AVAILABILITY, "KY9A")).firing()).isFalse();
        assertThat(s.get(new RuleKey(Rule.CHAIN_AVAILABILITY, "chain")).failed()).isZero();
    }

    @Test
    void unknownErrorCodesAreNoticedKnownOnesAreNot() {
        receipt("S001", "POS01", "2026-11-20T10:00:00Z", "CardBlocked");
        assertThat(evaluate().get(new RuleKey(Rule.UNKNOWN_ERROR, "chain")).firing()).isFalse();
        receipt("S001", "POS01", "2026-11-20T10:01:00Z", "Unknown");
        receipt("S002", "POS01", "2026-11-20T10:02:00Z", "HTTP_418");
        Signal u = evaluate().get(new RuleKey(Rule.UNKNOWN_ERROR, "chain"));
        assertThat(u.firing()).isTrue();
        assertThat(u.stores()).containsExactly("S001", "S002");
        assertThat(u.recovery()).isEqualTo(Recovery.FAILING);
    }

    @Test
    void aRegisterSilentNextToWorkingOnesIsSilentAQuietStoreIsNot() {
        live.activity(new RegisterKey("S001", "POS01"), Instant.parse("2026-11-20T09:00:00Z"));
        live.activity(new RegisterKey("S002", "POS01"), Instant.parse("2026-11-20T09:00:00Z"));
        for (int m = 0; m < 70; m += 5) {
            live.activity(new RegisterKey("S001", "POS02"), Instant.parse("2026-11-20T09:00:00Z").plus(Duration.ofMinutes(m)));
        }
        Map<RuleKey, Signal> s = evaluate();
        assertThat(s.get(new RuleKey(Rule.REGISTER_SILENCE, "S001")).firing()).isTrue();
        assertThat(s.get(new RuleKey(Rule.REGISTER_SILENCE, "S001")).detail()).isEqualTo("POS01");
        // S002's only register is quiet: a small store, not a silent register
        assertThat(s.get(new RuleKey(Rule.REGISTER_SILENCE, "S002")).firing()).isFalse();
    }

    @Test
    void recoveryNeedsASuccessAndNoFailure() {
        receipt("S001", "POS01", "2026-11-20T10:00:00Z", "TIMEOUT");
        receipt("S001", "POS01", "2026-11-20T10:01:00Z", "TIMEOUT");
        receipt("S001", "POS01", "2026-11-20T10:02:00Z", "TIMEOUT");
        Signal s = evaluate().get(new RuleKey(Rule.STORE_AVAILABILITY, "S001"));
        assertThat(s.firing()).isTrue();
        assertThat(s.recovery()).isEqualTo(Recovery.FAILING);
        live.activity(new RegisterKey("S001", "POS01"), Instant.parse("2026-11-20T10:08:00Z"));
        assertThat(evaluate().get(new RuleKey(Rule.STORE_AVAILABILITY, "S001")).recovery()).isEqualTo(Recovery.UNKNOWN);
        receipt("S001", "POS01", "2026-11-20T10:09:00Z");
        assertThat(evaluate().get(new RuleKey(Rule.STORE_AVAILABILITY, "S001")).recovery()).isEqualTo(Recovery.RECOVERED);
    }

    /** Regression: every store was read again at each failure anywhere, so alerting cost failures x stores. */
    @Test
    void aFailureIsEvaluatedForItsStoreAndTheChainWithTheOthersAsLastSeen() {
        for (String store : List.of("S001", "S002", "S003", "S004")) {
            for (int m = 0; m < 9; m++) receipt(store, "POS01", "2026-11-20T10:0" + m + ":00Z");
        }
        for (int m = 0; m < 3; m++) receipt("S001", "POS01", "2026-11-20T10:1" + m + ":00Z", "HTTP_502");
        for (int m = 0; m < 3; m++) receipt("S002", "POS01", "2026-11-20T10:1" + m + ":10Z", "HTTP_502");
        Evaluator evaluator = new Evaluator(config);
        Map<RuleKey, Signal> before = evaluator.evaluate(live.stores(), live.watermark());
        assertThat(before.get(new RuleKey(Rule.CHAIN_AVAILABILITY, "chain")).stores()).containsExactly("S001", "S002");

        for (int m = 3; m < 6; m++) receipt("S003", "POS01", "2026-11-20T10:1" + m + ":20Z", "HTTP_502");
        Map<RuleKey, Signal> one = evaluator.evaluate(live.store("S003"), live.watermark());
        // the failing store's rules and the chain's, nothing of the others
        assertThat(one.keySet()).extracting(RuleKey::scope).containsOnly("S003", "chain");
        Map<RuleKey, Signal> all = new Evaluator(config).evaluate(live.stores(), live.watermark());
        for (RuleKey key : one.keySet()) assertThat(one.get(key)).as(key.toString()).isEqualTo(all.get(key));
        assertThat(one.get(new RuleKey(Rule.CHAIN_AVAILABILITY, "chain")).stores()).containsExactly("S001", "S002", "S003");
    }
}
