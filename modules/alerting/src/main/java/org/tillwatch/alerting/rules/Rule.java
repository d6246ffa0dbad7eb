package org.tillwatch.alerting.rules;

import java.util.Locale;

import org.tillwatch.alerting.Incident.Severity;

/** The rules the engine evaluates. Store and chain rules run on log time; the self rules on the wall clock. */
public enum Rule {
    STORE_AVAILABILITY(Severity.CRITICAL, true),
    STORE_DROP(Severity.WARNING, true),
    CHAIN_AVAILABILITY(Severity.CRITICAL, false),
    DEVICE_MISSING(Severity.CRITICAL, false),
    REGISTER_SILENCE(Severity.WARNING, false),
    UNKNOWN_ERROR(Severity.WARNING, false),
    INGEST_STALL(Severity.CRITICAL, false),
    NOTIFIER_FAILING(Severity.CRITICAL, false),
    ENGINE_STALLED(Severity.CRITICAL, false),
    DATA_DIR_FULL(Severity.CRITICAL, false);

    private final Severity severity;
    private final boolean foldable;

    Rule(Severity severity, boolean foldable) {
        this.severity = severity;
        this.foldable = foldable;
    }

    /** The incident {@code kind}: {@code store_availability} ... */
    public String kind() {
        return name().toLowerCase(Locale.ROOT);
    }

    public Severity severity() {
        return severity;
    }

    /** A store alert of this rule is folded into an open chain incident instead of raising its own. */
    public boolean foldable() {
        return foldable;
    }

    /** Watches the alerting path itself; its incidents go through every channel but a failing one. */
    public boolean self() {
        return this == INGEST_STALL || this == NOTIFIER_FAILING || this == ENGINE_STALLED || this == DATA_DIR_FULL;
    }

    public static Rule ofKind(String kind) {
        for (Rule r : values()) if (r.kind().equals(kind)) return r;
        return null;
    }
}
