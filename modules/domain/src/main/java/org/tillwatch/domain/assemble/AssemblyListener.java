package org.tillwatch.domain.assemble;

import org.tillwatch.domain.model.LoyaltyRequest;
import org.tillwatch.domain.model.RegisterKey;
import org.tillwatch.domain.model.TagEvent;
import org.tillwatch.domain.model.Transaction;

/** What the assembler produces: transactions, and what happens on a register between receipts. */
public interface AssemblyListener {
    void transaction(Transaction transaction);

    /** A request sent between receipts (e.g. an offline-queue resend) that got its outcome. */
    default void registerRequest(RegisterKey register, LoyaltyRequest request) {
    }

    /** A tag set between receipts. */
    default void registerTag(RegisterKey register, TagEvent tag) {
    }
}
