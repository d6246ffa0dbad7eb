package org.tillwatch.simulator;

import java.util.ArrayList;
import java.util.List;

/** What was written for one receipt: the inputs of its truth record, and a CONFIRM left in the offline queue. */
final class ReceiptOutcome {
    enum Status { OK, CANCELLED, INCOMPLETE }

    Status status;
    int openedMs;
    /** Time of the receipt's last line ({@code Receipt closed} for closed ones). */
    int endMs;
    long totalCents;
    int positions;
    int promoPositions;
    final List<String> outcomes = new ArrayList<>();
    boolean failed;
    long accruedCents;
    boolean pending;
    boolean bag;
    /** Card index in the {@link CardPool}, or -1. */
    int card = -1;
    /** A CONFIRM that timed out and was queued, to be resent between receipts; or {@code null}. */
    LoyaltyRequest queued;

    void record(Reply reply) {
        outcomes.add(reply.outcome());
        failed |= reply.critical();
    }

    boolean loyalty() {
        return status != Status.INCOMPLETE && !outcomes.isEmpty();
    }

    /** Worth listing among expected.json's transactions before plain receipts. */
    boolean interesting() {
        if (status == Status.CANCELLED || bag || pending || failed) {
            return true;
        }
        for (String o : outcomes) {
            if (!o.equals("Ok")) {
                return true;
            }
        }
        return false;
    }
}
