package org.tillwatch.alerting;

/**
 * A channel the alert engine delivers incidents to: email, Telegram, a JSON webhook.
 * The engine calls {@link #deliver} from its own delivery thread, never from an event loop, one notice at a time per
 * notifier and in sequence order. A notifier that throws gets the same notice again later, with backoff; the engine
 * keeps undelivered notices across a restart.
 */
public interface Notifier {
    /** Short stable name used in metrics, logs and the outbox: {@code email}, {@code telegram}, {@code webhook}. */
    String name();

    /** Delivers or throws. Blocking is allowed; it should give up within a few seconds. */
    void deliver(IncidentNotice notice) throws Exception;
}
