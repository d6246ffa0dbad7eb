package org.tillwatch.simulator;

/**
 * One request a register sends to loyalty processing, with the figures a healthy service would answer.
 * {@code basket} is only read for {@link Operation#CALCULATE}; {@code redeemCents} for {@link Operation#PAYMENT}.
 */
record LoyaltyRequest(
        Operation op,
        String operationId,
        String purchaseId,
        String card,
        int chequeMs,
        Basket basket,
        long redeemCents,
        long accruedCents,
        long balanceCents) {

    /** The operations of the spec; the XML element is {@code <name>Request} / {@code <name>Response}. */
    enum Operation {
        BALANCE("Balance"), CALCULATE("Calculate"), PAYMENT("Payment"), CONFIRM("Confirm"), CANCEL("Cancel");

        final String element;

        Operation(String element) {
            this.element = element;
        }
    }
}
