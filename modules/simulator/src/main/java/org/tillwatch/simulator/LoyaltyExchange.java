package org.tillwatch.simulator;

import java.util.List;
import org.tillwatch.simulator.LogWriter.Level;

/**
 * One register's side of the loyalty exchange: logs a request, decides how it ends (the healthy answer,
 * unless the store's conditions or a background failure get in the way), logs that, sets the register's
 * tags, and counts the outcome.
 */
final class LoyaltyExchange {
    /** Per-request chances of failures that happen on any day. */
    static final double BACKGROUND_TIMEOUT = 0.0004;
    static final double BACKGROUND_CONNECTION = 0.0003;
    static final double BACKGROUND_SYSTEM_ERROR = 0.0005;
    static final double PRETTY_REQUEST = 0.05;
    static final double PRETTY_RESPONSE = 0.02;

    private static final List<String> CONNECTION_EXCEPTIONS = List.of(
            "java.net.ConnectException", "java.net.ConnectException", "java.net.NoRouteToHostException",
            "java.net.SocketException");

    private final LogWriter w;
    private final LoymaxXml xml;
    private final Rng rng;
    private final StoreConditions conditions;
    private final RegisterTally tally;
    private int end;

    LoyaltyExchange(LogWriter w, LoymaxXml xml, Rng rng, StoreConditions conditions, RegisterTally tally) {
        this.w = w;
        this.xml = xml;
        this.rng = rng;
        this.conditions = conditions;
        this.tally = tally;
    }

    /** Time of the last line written by the latest {@link #send}. */
    int end() {
        return end;
    }

    /**
     * Sends {@code request} at {@code ms}.
     *
     * @param healthy   what a healthy service answers
     * @param immune    whether the store's conditions and background failures are skipped
     * @param innerOnly for an error answer: put the code only in the operation's inner ErrorCode
     * @param pretty    pretty-print the request and the response
     */
    Reply send(LoyaltyRequest request, int ms, Reply healthy, boolean immune, boolean innerOnly, boolean pretty) {
        w.entry(ms, Level.DEBUG, "LoymaxUtils").ascii("Loymax request:").eol();
        xml.request(request, pretty || rng.chance(PRETTY_REQUEST));
        Reply reply = immune ? healthy : underConditions(ms, healthy);
        tally.outcome(reply.outcome());
        end = ms;
        switch (reply.kind()) {
            case RESPONSE -> {
                int latency = rng.between(90, 720);
                end = ms + latency;
                w.entry(end, Level.DEBUG, "LoymaxUtils").ascii("Loymax response (").num(latency).ascii(" ms):").eol();
                // only refusals come with the code in the inner ErrorCode alone; service failures set both
                xml.response(request, reply.code(), innerOnly && !reply.ok() && !reply.code().critical,
                        pretty || rng.chance(PRETTY_RESPONSE));
                if (reply.code().cardDeclined()) {
                    tag(end + 3, "CARD_DECLINED");
                } else if (reply.code().critical) {
                    tag(end + 3, "LOY_ERROR");
                }
            }
            case TIMEOUT -> {
                int latency = rng.between(3000, 3040);
                end = ms + latency;
                failed(latency, "java.net.SocketTimeoutException", "Read timed out",
                        "\tat java.base/sun.nio.ch.NioSocketImpl.timedRead(NioSocketImpl.java:288)");
                tag(end + 2, "LOY_TIMEOUT");
            }
            case CONNECTION -> {
                int latency = rng.between(1, 40);
                end = ms + latency;
                String ex = reply.exception();
                String message = switch (ex) {
                    case "java.net.NoRouteToHostException" -> "No route to host";
                    case "java.net.SocketException" -> "Connection reset";
                    default -> "Connection refused";
                };
                failed(latency, ex, message, "\tat java.base/sun.nio.ch.Net.connect0(Native Method)");
                tag(end + 2, "LOY_ERROR");
            }
            case HTTP -> {
                int latency = rng.between(2, 50);
                end = ms + latency;
                w.entry(end, Level.WARN, "LoymaxUtils").ascii("Loymax HTTP error: status=").num(reply.httpStatus())
                        .ascii(" gateway_key=GATEWAY_CLIENT_CONNECTION_ERROR (").num(latency).ascii(" ms)").eol();
                tag(end + 2, "LOY_ERROR");
            }
            case BAD_XML -> {
                int latency = rng.between(90, 720);
                end = ms + latency;
                w.entry(end, Level.DEBUG, "LoymaxUtils").ascii("Loymax response (").num(latency).ascii(" ms):").eol();
                xml.brokenResponse(request);
                tally.malformed(1);
            }
            case SILENT -> { }
        }
        return reply;
    }

    /** Resends a queued CONFIRM between receipts; the service is back, so it is answered Ok. */
    void resend(LoyaltyRequest request, int ms) {
        send(request, ms, Reply.OK, true, false, false);
    }

    private Reply underConditions(int ms, Reply healthy) {
        if (conditions.deviceMissing()) {
            return Reply.response(LoymaxCode.DeviceNotFound);
        }
        if (conditions.inOutage(ms)) {
            return Reply.TIMEOUT;
        }
        if (conditions.incident() != null && conditions.incident().contains(ms)
                && rng.chance(conditions.incidentErrorRate())) {
            return Reply.http(502);
        }
        if (conditions.degraded() != null && conditions.degraded().contains(ms)
                && rng.chance(conditions.degradedTimeoutRate())) {
            return Reply.TIMEOUT;
        }
        double u = rng.nextDouble();
        if (u < BACKGROUND_TIMEOUT) {
            return Reply.TIMEOUT;
        }
        if (u < BACKGROUND_TIMEOUT + BACKGROUND_CONNECTION) {
            return Reply.connection(rng.pick(CONNECTION_EXCEPTIONS));
        }
        if (u < BACKGROUND_TIMEOUT + BACKGROUND_CONNECTION + BACKGROUND_SYSTEM_ERROR) {
            return Reply.response(LoymaxCode.SystemError);
        }
        return healthy;
    }

    private void failed(int latency, String exception, String message, String frame) {
        w.entry(end, Level.ERROR, "LoymaxUtils").ascii("Loymax request failed after ").num(latency).ascii(" ms: ")
                .ascii(exception).ascii(": ").ascii(message).eol();
        w.ascii(exception).ascii(": ").ascii(message).eol();
        w.ascii(frame).eol();
        w.ascii("\tat ru.crystals.loyal.loymax.LoymaxUtils.send(LoymaxUtils.java:214)").eol();
    }

    /** Logs {@code Loyalty tag set} and counts it. */
    void tag(int ms, String tag) {
        w.entry(ms, Level.WARN, "LoyaltyManager").ascii("Loyalty tag set: tag=").ascii(tag).eol();
        tally.tag(tag);
        end = Math.max(end, ms);
    }
}
