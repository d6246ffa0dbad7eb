package org.tillwatch.domain.parse;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;

import org.tillwatch.domain.model.Bonus;
import org.tillwatch.domain.model.LineAccrual;
import org.tillwatch.domain.model.Operation;
import org.tillwatch.domain.model.Payment;
import org.tillwatch.domain.model.Position;
import org.tillwatch.domain.model.RawEntry;

/** A log entry a dialect understood. Every event carries the local time it was written and its raw entry. */
public sealed interface LogEvent {
    LocalDateTime time();

    RawEntry raw();

    /** Components and messages the spec lists as noise: kept out of transactions, not malformed. */
    record Noise(LocalDateTime time, RawEntry raw) implements LogEvent {}

    record ShiftOpened(LocalDateTime time, RawEntry raw, String shift, String cashier) implements LogEvent {}

    record ShiftClosed(LocalDateTime time, RawEntry raw, String shift) implements LogEvent {}

    record ReceiptOpened(LocalDateTime time, RawEntry raw, String shift, String receipt, String type, String cashier) implements LogEvent {}

    record ReceiptClosed(LocalDateTime time, RawEntry raw, String shift, String receipt, BigDecimal total, String status) implements LogEvent {}

    record KeyPressed(LocalDateTime time, RawEntry raw, String key, String screen) implements LogEvent {}

    record BarcodeScanned(LocalDateTime time, RawEntry raw, String barcode) implements LogEvent {}

    record PositionAdded(LocalDateTime time, RawEntry raw, Position position) implements LogEvent {}

    record PositionRemoved(LocalDateTime time, RawEntry raw, int pos) implements LogEvent {}

    record CardScanned(LocalDateTime time, RawEntry raw, String card, String entry, Integer qrAgeSeconds) implements LogEvent {}

    record LoyaltyRequestSent(LocalDateTime time, RawEntry raw, Operation operation, String operationId,
                              String purchaseId, String card, BigDecimal redeem) implements LogEvent {}

    /** {@code errorCode}: the operation's inner code when set, else the outer one. */
    record LoyaltyResponse(LocalDateTime time, RawEntry raw, long latencyMs, String operationId, int errorCode,
                           String message, Bonus bonus, List<LineAccrual> lineAccruals, String cashierMessage) implements LogEvent {}

    record LoyaltyRequestFailed(LocalDateTime time, RawEntry raw, long latencyMs, String exceptionClass, String exceptionMessage) implements LogEvent {}

    record LoyaltyHttpError(LocalDateTime time, RawEntry raw, int status, String gatewayKey, Long latencyMs) implements LogEvent {}

    record OfflineQueued(LocalDateTime time, RawEntry raw, String operationId, String reason) implements LogEvent {}

    record OfflineQueueSent(LocalDateTime time, RawEntry raw, int count) implements LogEvent {}

    record TagSet(LocalDateTime time, RawEntry raw, String tag) implements LogEvent {}

    record PaymentMade(LocalDateTime time, RawEntry raw, Payment payment) implements LogEvent {}

    record FiscalPrinted(LocalDateTime time, RawEntry raw, String fd, String num, BigDecimal total) implements LogEvent {}
}
