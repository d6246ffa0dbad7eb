package org.tillwatch.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.tillwatch.domain.model.Bonus;
import org.tillwatch.domain.model.LoyaltyRequest;
import org.tillwatch.domain.model.Operation;
import org.tillwatch.domain.model.Outcome;
import org.tillwatch.domain.model.RegisterKey;

/**
 * A loyalty request a register sent between receipts (e.g. a confirm from its offline queue), as a record of
 * {@link Topics#requests()}: key store, value JSON. The card the request carried is left out (personal data, and no
 * reader needs it); so are the line accruals and messages.
 */
public record RegisterRequestRecord(RegisterKey register, LoyaltyRequest request) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public RegisterRequestRecord {
        java.util.Objects.requireNonNull(register, "register");
        java.util.Objects.requireNonNull(request, "request");
    }

    public byte[] encode() {
        LoyaltyRequest r = request;
        ObjectNode n = JSON.createObjectNode().put("register", register.register());
        n.put("time", r.time() == null ? null : r.time().toString());
        n.put("operation", r.operation().name());
        n.put("operation_id", r.operationId());
        n.put("purchase_id", r.purchaseId());
        ObjectNode o = n.putObject("outcome").put("name", r.outcome().name()).put("kind", r.outcome().kind().name())
                .put("critical", r.outcome().critical());
        if (r.outcome().code() != null) o.put("code", r.outcome().code());
        n.put("outcome_time", r.outcomeTime() == null ? null : r.outcomeTime().toString());
        if (r.latencyMs() != null) n.put("latency_ms", r.latencyMs());
        if (r.bonus() != null) {
            ObjectNode b = n.putObject("bonus");
            b.put("accrued", r.bonus().accrued());
            b.put("redeemed", r.bonus().redeemed());
            b.put("balance", r.bonus().balance());
        }
        return n.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** @throws IllegalArgumentException when the value is not such a record */
    public static RegisterRequestRecord decode(String store, byte[] value) {
        try {
            JsonNode n = JSON.readTree(value);
            JsonNode o = n.path("outcome");
            Outcome outcome = new Outcome(o.path("name").asText(), o.hasNonNull("code") ? o.get("code").asInt() : null,
                    Outcome.Kind.valueOf(o.path("kind").asText()), o.path("critical").asBoolean());
            JsonNode b = n.get("bonus");
            Bonus bonus = b == null ? null : new Bonus(decimal(b, "accrued"), decimal(b, "redeemed"), decimal(b, "balance"));
            LoyaltyRequest r = new LoyaltyRequest(time(n, "time"), Operation.valueOf(n.path("operation").asText()), text(n, "operation_id"),
                    text(n, "purchase_id"), null, null, outcome, time(n, "outcome_time"),
                    n.hasNonNull("latency_ms") ? n.get("latency_ms").asLong() : null, bonus, List.of(), null, null, null);
            return new RegisterRequestRecord(new RegisterKey(store, n.path("register").asText()), r);
        } catch (IOException e) {
            throw new UncheckedIOException("register request record unreadable", e);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("register request record unreadable: " + e.getMessage(), e);
        }
    }

    private static String text(JsonNode n, String k) {
        return n.hasNonNull(k) ? n.get(k).asText() : null;
    }

    private static LocalDateTime time(JsonNode n, String k) {
        return n.hasNonNull(k) ? LocalDateTime.parse(n.get(k).asText()) : null;
    }

    private static BigDecimal decimal(JsonNode n, String k) {
        return n.hasNonNull(k) ? n.get(k).decimalValue() : null;
    }
}
