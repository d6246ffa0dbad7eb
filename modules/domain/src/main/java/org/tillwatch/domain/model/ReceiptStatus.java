package org.tillwatch.domain.model;

/** How a receipt ended. INCOMPLETE: the register moved on, closed its shift or fell silent before closing it. */
public enum ReceiptStatus {
    OK, CANCELLED, INCOMPLETE;

    public boolean closed() {
        return this != INCOMPLETE;
    }
}
