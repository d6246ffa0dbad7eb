package org.tillwatch.domain.model;

import java.util.Optional;

/** A loyalty operation: the request element's name without {@code Request}. */
public enum Operation {
    BALANCE, CALCULATE, PAYMENT, CONFIRM, CANCEL;

    public static Optional<Operation> fromRequestElement(String element) {
        if (!element.endsWith("Request")) return Optional.empty();
        String op = element.substring(0, element.length() - "Request".length());
        for (Operation o : values()) {
            if (o.name().equalsIgnoreCase(op)) return Optional.of(o);
        }
        return Optional.empty();
    }
}
