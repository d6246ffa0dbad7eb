package org.tillwatch.alerting;

import java.time.Duration;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.tillwatch.alerting.delivery.Outbox;
import org.tillwatch.alerting.rules.Rule;

/**
 * Deliveries, never lost silently: each outcome is counted ({@code tillwatch_alert_notices_total{notifier,result}}),
 * a failure is logged by the outbox, and a channel failing {@code notifier-failures} times in a row raises a
 * {@code notifier_failing} incident through the other channels, resolved once it delivers again.
 */
final class DeliveryWatch implements Outbox.Listener {
    private final AlertEngine engine;
    private final MeterRegistry meters;

    DeliveryWatch(AlertEngine engine, MeterRegistry meters) {
        this.engine = engine;
        this.meters = meters;
    }

    @Override
    public void delivered(String notifier, IncidentNotice notice, Duration took) {
        notices(notifier, "delivered").increment();
        Timer.builder("tillwatch.alert.delivery").description("Time a channel took to accept a notice")
                .tag("notifier", notifier).register(meters).record(took);
        engine.changed();
        if (engine.selfOpen(Rule.NOTIFIER_FAILING, notifier)) engine.clearSelf(Rule.NOTIFIER_FAILING, notifier);
    }

    @Override
    public void failed(String notifier, IncidentNotice notice, int inARow, Exception error) {
        notices(notifier, "failed").increment();
        if (inARow >= engine.config.notifierFailures()) {
            engine.raiseSelf(Rule.NOTIFIER_FAILING, notifier, notifier + ": " + error.getMessage());
        }
    }

    private Counter notices(String notifier, String result) {
        return Counter.builder("tillwatch.alert.notices").description("Notice deliveries by channel and result")
                .tag("notifier", notifier).tag("result", result).register(meters);
    }
}
