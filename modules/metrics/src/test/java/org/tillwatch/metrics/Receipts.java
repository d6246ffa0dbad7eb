package org.tillwatch.metrics;

import org.tillwatch.domain.model.LoyaltyRequest;
import org.tillwatch.domain.model.Operation;
import org.tillwatch.domain.model.Outcome;
import org.tillwatch.domain.model.Payment;
import org.tillwatch.domain.model.ReceiptStatus;
import org.tillwatch.domain.model.RegisterKey;
import org.tillwatch.domain.model.Transaction;
import org.tillwatch.domain.model.TransactionId;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

/** Builds the transactions the metrics tests feed: only what the metrics read is meaningful. */
final class Receipts {
    static final String CARD = "7000123412341234";
    private static final LocalDateTime OPENED = LocalDateTime.of(2026, 11, 20, 13, 31, 58);
    private static int receiptNumber;

    private Receipts() {
    }

    static Transaction receipt(String store, ReceiptStatus status, List<LoyaltyRequest> requests, List<Payment> payments) {
        return receipt(store, status, requests, payments, Set.of());
    }

    static Transaction receipt(String store, ReceiptStatus status, List<LoyaltyRequest> requests, List<Payment> payments,
                               Set<String> queuedOperationIds) {
        TransactionId id = new TransactionId(new RegisterKey(store, "POS07"), "1342", "R" + (++receiptNumber),
                LocalDate.of(2026, 11, 20));
        LocalDateTime closed = OPENED.plusSeconds(40);
        return new Transaction(id, "SALE", "Ivanova", OPENED, closed, closed.toInstant(ZoneOffset.ofHours(3)), status,
                new BigDecimal("289.97"), List.of(), List.of(), List.of(), List.of(), List.of(), requests, payments,
                null, List.of(), queuedOperationIds, false, List.of());
    }

    static Transaction receipt(String store, ReceiptStatus status, LoyaltyRequest... requests) {
        return receipt(store, status, List.of(requests), List.of());
    }

    static LoyaltyRequest request(Operation op, Outcome outcome, Long latencyMs) {
        return new LoyaltyRequest(OPENED, op, "op-" + op, "p-1", CARD, null, outcome, OPENED.plusSeconds(1),
                latencyMs, null, List.of(), null, null, null);
    }

    static LoyaltyRequest ok(Operation op) {
        return request(op, Outcome.OK, 120L);
    }

    static Payment payment(String tender, String rc) {
        return payment(tender, rc, "289.97");
    }

    static Payment payment(String tender, String rc, String amount) {
        return new Payment(OPENED, tender, amount == null ? null : new BigDecimal(amount), "220070******1234", "432112345678", "A1B2C3", rc,
                "00012345", "SBER");
    }
}
